"""The GitHub Pages workflow: from main, it builds the docs site and the page beside it, and deploys.

Its ``kgraph`` commands are parsed by the real CLI, as for the graph workflow, so a renamed
option fails here rather than on the first push to main.
"""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from kgraph.cli import main
from tests.test_workflow import check_command, kgraph_commands, load_yaml

PAGES = Path(__file__).resolve().parent.parent / ".github" / "workflows" / "pages.yml"


@pytest.fixture(autouse=True)
def _commands_loaded() -> None:
    """Commands load on first use; load them all so `check_command` sees every one."""
    context = click.Context(main)
    for name in main.list_commands(context):
        main.get_command(context, name)


def test_pages_publishes_from_main_with_the_rights_it_needs():
    """Only the deploy job may write to Pages; the build reads."""
    workflow = load_yaml(PAGES)
    triggers = workflow[True]  # YAML reads the bare key `on` as True
    assert triggers["push"]["branches"] == ["main"]
    assert {"graph/**", "docs/**", "mkdocs.yml"} <= set(triggers["push"]["paths"])
    assert workflow["permissions"] == {}
    assert workflow["jobs"]["build"]["permissions"] == {"contents": "read"}
    assert workflow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert workflow["jobs"]["deploy"]["needs"] == "build"
    uses = [s.get("uses", "") for job in workflow["jobs"].values() for s in job["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)


def test_the_docs_and_the_page_are_built_into_the_uploaded_folder():
    """Docs strictly, after `kgraph refresh`; the page by the export command, beside them."""
    workflow = load_yaml(PAGES)
    steps = workflow["jobs"]["build"]["steps"]
    runs = [s["run"] for s in steps if "run" in s]
    commands = [c for run in runs for c in kgraph_commands(run)]
    for args in commands:
        check_command(args)
    assert [c[0] for c in commands] == ["validate", "refresh", "export"]
    export = commands[-1]
    assert export[export.index("--format") + 1] == "html"
    upload = next(
        s for s in steps if s.get("uses", "").startswith("actions/upload-pages-artifact@")
    )
    site = upload["with"]["path"]
    assert export[export.index("-o") + 1] == f"{site}/kgraph.html"
    assert f"mkdocs build --strict --site-dir {site}" in runs
    assert any("'.[docs]'" in run for run in runs)


def test_the_site_knows_its_real_address():
    """No placeholder: the build gives mkdocs the address Pages serves this repository at."""
    steps = load_yaml(PAGES)["jobs"]["build"]["steps"]
    build = next(s for s in steps if "mkdocs build" in s.get("run", ""))
    assert build["env"]["KGRAPH_SITE_URL"] == (
        "https://${{ github.repository_owner }}.github.io/${{ github.event.repository.name }}/"
    )
    mkdocs = (PAGES.parent.parent.parent / "mkdocs.yml").read_text(encoding="utf-8")
    assert "\nsite_url: !ENV [KGRAPH_SITE_URL]\n" in mkdocs

"""The GitHub Pages workflow: it builds the page with kgraph's own export, from main, and deploys it.

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
    workflow = load_yaml(PAGES)
    triggers = workflow[True]  # YAML reads the bare key `on` as True
    assert triggers["push"]["branches"] == ["main"]
    assert "graph/**" in triggers["push"]["paths"]
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert workflow["jobs"]["deploy"]["needs"] == "build"
    uses = [s.get("uses", "") for job in workflow["jobs"].values() for s in job["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)


def test_the_page_is_built_by_the_export_command_into_the_uploaded_folder():
    workflow = load_yaml(PAGES)
    steps = workflow["jobs"]["build"]["steps"]
    commands = [c for s in steps if "run" in s for c in kgraph_commands(s["run"])]
    for args in commands:
        check_command(args)
    export = next(c for c in commands if c[0] == "export")
    assert export[export.index("--format") + 1] == "html"
    upload = next(
        s for s in steps if s.get("uses", "").startswith("actions/upload-pages-artifact@")
    )
    assert export[export.index("-o") + 1] == f"{upload['with']['path']}/index.html"

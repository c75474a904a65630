"""The README, CONTRIBUTING.md and the docs site stay true: every example prints what it shows.

Their examples' output and quoted counts are derived from the graph, so a graph change makes them
stale until `kgraph refresh` rewrites them (on main, the rebuild workflow does); the failure says
so. The command reference and the data format's tables are generated when the site is built.
"""

from __future__ import annotations

import re

import click
import pytest
from mkdocs_click import _docs as mkdocs_click  # what the `::: mkdocs-click` block runs

from kgraph.cli import main
from kgraph.cli.app import COMMAND_MODULES
from kgraph.cli.refresh import COMMAND, derived_files, documents
from tests.conftest import REPO
from tests.test_docs_site import load_hooks

README = REPO / "README.md"


@pytest.fixture(scope="module")
def derived() -> dict[str, str]:
    return {str(path): text for path, text in derived_files(REPO).items()}


@pytest.mark.parametrize("doc", [str(d) for d in documents(REPO)])
def test_examples_print_what_they_show(derived: dict[str, str], doc: str):
    committed = (REPO / doc).read_text(encoding="utf-8")
    assert committed == derived[doc], (
        f"{doc} is stale: run `{COMMAND}` first (a pull request's checks and main's rebuild do)"
    )


def test_readme_is_short_with_five_examples_a_screenshot_and_the_graphs_size():
    text = README.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 250
    examples = text.split("## Five examples", 1)[1].split("\n## ", 1)[0]
    assert len(re.findall(r"```console\n\$ kgraph [^\n]+\n[^`]", examples)) == 5  # with output
    assert "<!-- count: concepts -->" in text.split("\n## ", 1)[0]
    shot = re.search(r"!\[[^]]+\]\((docs/img/[^)]+\.png)\)", text)
    assert shot
    assert 10_000 < (REPO / shot[1]).stat().st_size < 300_000  # a real, compressed screenshot


def test_readme_links_into_the_docs_and_every_link_resolves():
    text = README.read_text(encoding="utf-8")
    links = re.findall(r"\]\(((?:docs/|CONTRIBUTING|\.github/)[^)#]+)", text)
    assert sum(link.startswith("docs/") for link in links) >= 10
    for link in links:
        assert (REPO / link).exists(), link
    assert "(docs/plan-order.md)" in text


def quickstart_commands() -> list[str]:
    """The shell lines of the README's quickstart block, as `.ci/run` extracts and runs them."""
    text = README.read_text(encoding="utf-8")
    quickstart = text.split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    block: str = re.findall(r"```sh\n(.*?)```", quickstart, re.DOTALL)[0]
    return block.splitlines()


def test_quickstart_is_two_commands_that_install_in_a_venv_and_run():
    """Each command sets itself up in a virtual environment, so PEP 668 Pythons accept it."""
    install_and_run, install_and_test = quickstart_commands()
    for command in (install_and_run, install_and_test):
        assert command.startswith("python3 -m venv .venv && .venv/bin/pip install ")
    assert install_and_run.endswith("&& .venv/bin/kgraph path lora agi")
    assert install_and_test.endswith("&& .venv/bin/pytest")
    assert "'.[test]'" in install_and_test


def test_ci_runs_the_quickstart_from_the_readme_with_debians_python():
    """.ci/run takes the commands from the README itself, so the two cannot drift apart."""
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "sed -n '/^## Quickstart/,/^## The ladder/p' README.md" in ci
    assert 'PATH="/usr/bin:$PATH"' in ci
    assert "EXTERNALLY-MANAGED" in ci


def test_every_command_is_in_the_generated_reference():
    """The reference page is mkdocs-click's rendering of the app: each command the group lists
    (commands load lazily, so ask the group, not main.commands) gets its section."""

    load_hooks().load_commands()  # as the build does before rendering
    page = (REPO / "docs" / "reference" / "commands.md").read_text(encoding="utf-8")
    options = dict(re.findall(r"^    :([a-z_]+): (.+)$", page, re.MULTILINE))
    assert options["module"] == "kgraph.cli.app"
    assert options["command"] == "main"
    rendered = "\n".join(
        mkdocs_click.make_command_docs(
            options["prog_name"],
            main,
            depth=int(options["depth"]),
            style=options["style"],
            list_subcommands=options["list_subcommands"] == "true",
            has_attr_list=True,  # mkdocs.yml enables attr_list, so titles carry the full path
        )
    )
    names = main.list_commands(click.Context(main))
    assert len(names) == len(COMMAND_MODULES)
    assert "refresh" in names
    for name in names:
        command = main.get_command(click.Context(main), name)
        assert command is not None, name
        assert (f"### kgraph {name}" in rendered) is not command.hidden, name
    assert "Sentinel" not in rendered  # defaults render as click's own help does


TUTORIALS = ["first-plan", "follow-a-plan", "the-page", "saving-progress", "assess", "contributing"]


def test_tutorials_come_in_the_learners_order_in_english_and_russian():
    nav = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    order = [nav.index(f"tutorials/{name}.md") for name in TUTORIALS]
    assert order == sorted(order)
    for name in TUTORIALS:
        text = (REPO / "docs" / "tutorials" / f"{name}.ru.md").read_text(encoding="utf-8")
        title = text.splitlines()[0]
        assert re.fullmatch(r"# [А-ЯЁ][а-яё :]+", title), title  # a Russian title
        for line in re.findall(r"^\$ kgraph .*$", text, re.MULTILINE):
            assert line.endswith("--lang ru"), line  # its examples print Russian


def test_every_page_is_in_the_nav():
    nav = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    pages = [
        p.relative_to(REPO / "docs").as_posix()
        for p in (REPO / "docs").rglob("*.md")
        if not p.name.endswith(".ru.md")
    ]
    assert pages
    for page in pages:
        assert f": {page}\n" in nav, page


@pytest.mark.parametrize("doc", [str(d) for d in documents(REPO)])
def test_no_line_starts_with_a_count(doc: str):
    """Markdown reads a line that starts with an HTML comment as an HTML block, which would cut
    the paragraph in two around the number."""
    text = (REPO / doc).read_text(encoding="utf-8")
    assert not re.search(r"^<!-- count:", text, re.MULTILINE)

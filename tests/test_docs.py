"""The README and CONTRIBUTING.md stay true: every example prints what it shows.

Their examples' output and quoted counts are derived from the graph, so a graph change makes them
stale until `kgraph refresh` rewrites them; the failure says so.
"""

from __future__ import annotations

import re

import click
import pytest

from kgraph.cli import main
from kgraph.cli.app import COMMAND_MODULES
from kgraph.cli.refresh import COMMAND, DOCS, derived_files
from tests.conftest import REPO

README = REPO / "README.md"


@pytest.fixture(scope="module")
def derived() -> dict[str, str]:
    return {str(path): text for path, text in derived_files(REPO).items()}


@pytest.mark.parametrize("doc", [str(d) for d in DOCS])
def test_examples_print_what_they_show(derived: dict[str, str], doc: str):
    committed = (REPO / doc).read_text(encoding="utf-8")
    assert committed == derived[doc], f"{doc} is stale: run `{COMMAND}` and commit it"


def test_readme_shows_many_examples_and_the_graphs_size():
    text = README.read_text(encoding="utf-8")
    assert len(re.findall(r"```console\n\$ kgraph ", text)) >= 8
    assert "<!-- count: concepts -->" in text.split("\n## ", 1)[0]


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


def test_every_command_is_documented():
    """Each command the group lists (commands load lazily, so ask the group, not main.commands)."""
    text = README.read_text(encoding="utf-8")
    names = main.list_commands(click.Context(main))
    assert len(names) == len(COMMAND_MODULES)
    assert "refresh" in names
    for name in names:
        assert main.get_command(click.Context(main), name) is not None, name
        assert f"kgraph {name}" in text, name

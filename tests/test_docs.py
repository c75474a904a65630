"""The README and CONTRIBUTING.md stay true: every example prints what it shows.

Their examples' output and quoted counts are derived from the graph, so a graph change makes them
stale until `kgraph refresh` rewrites them; the failure says so.
"""

from __future__ import annotations

import re

import click
import pytest

from kgraph.cli import main
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


def test_quickstart_is_two_commands_that_install_and_test():
    text = README.read_text(encoding="utf-8")
    quickstart = text.split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    commands = (
        re.findall(r"^    (.+)$", quickstart, re.MULTILINE)
        or re.findall(r"```sh\n(.*?)```", quickstart, re.DOTALL)[0].splitlines()
    )
    assert commands == [
        "pip install . && kgraph path lora agi",
        "pip install '.[test]' && pytest",
    ]
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "pytest" in ci
    assert "path lora agi" in ci


def test_every_command_is_documented():
    text = README.read_text(encoding="utf-8")
    names = main.list_commands(click.Context(main))
    assert "refresh" in names
    for name in names:
        assert f"kgraph {name}" in text, name

"""The README stays true: every `$ kgraph …` example prints exactly what it shows.

Run with KGRAPH_UPDATE_DOCS=1 to rewrite the examples' output from the current code.
"""

from __future__ import annotations

import os
import re
import shlex

import click
import pytest
from click.testing import CliRunner

from kgraph.cli import main
from kgraph.cli.app import COMMAND_MODULES
from tests.conftest import REPO

README = REPO / "README.md"
BLOCK = re.compile(r"```console\n\$ (kgraph [^\n]*)\n(.*?)```", re.DOTALL)


def run_example(command: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(REPO)
    monkeypatch.setenv("COLUMNS", "100")
    result = CliRunner().invoke(main, shlex.split(command)[1:], prog_name="kgraph")
    return result.stdout


def test_readme_examples_print_what_they_show(monkeypatch: pytest.MonkeyPatch):
    text = README.read_text(encoding="utf-8")
    blocks = BLOCK.findall(text)
    assert len(blocks) >= 8
    if os.environ.get("KGRAPH_UPDATE_DOCS") == "1":
        updated = BLOCK.sub(
            lambda m: f"```console\n$ {m[1]}\n{run_example(m[1], monkeypatch)}```", text
        )
        README.write_text(updated, encoding="utf-8")
        return
    for command, shown in blocks:
        assert run_example(command, monkeypatch) == shown, command


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
    for name in names:
        assert main.get_command(click.Context(main), name) is not None, name
        assert f"kgraph {name}" in text, name

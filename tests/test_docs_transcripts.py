"""The tutorials' transcripts that `kgraph refresh` cannot rewrite print what they show.

They show your home folder as ``~`` and the moment a concept was marked, which differ on every
machine and every day; here they run in a home of their own and compare with both put back as
the page writes them. (Transcripts whose output depends on the graph are console blocks, which
`kgraph refresh` keeps fresh.)
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from kgraph.cli import main
from tests.conftest import REPO

PAGE = REPO / "docs" / "tutorials" / "saving-progress.md"
_STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")


def transcript(command: str) -> str:
    """What the page's ``text`` block for ``$ kgraph COMMAND`` shows."""
    text = PAGE.read_text(encoding="utf-8")
    found = re.search(rf"```text\n\$ kgraph {re.escape(command)}\n(.*?)```", text, re.DOTALL)
    assert found, command
    return found[1]


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(REPO)  # the shipped graph, as the page's reader has it
    return tmp_path


def run(home: Path, command: str) -> str:
    env: dict[str, str | None] = {"HOME": str(home), "KGRAPH_LANG": "en", "COLUMNS": "100"}
    env |= dict.fromkeys(("XDG_DATA_HOME", "KGRAPH_HOME", "KGRAPH_GRAPH", "LC_ALL", "LANG"))
    result = CliRunner().invoke(main, command.split(), env=env)
    assert result.exit_code == 0, result.output
    return result.output.replace(str(home), "~")


def test_learn_says_what_it_marked_and_where_it_saved(home):
    assert run(home, "learn python lora") == transcript("learn python lora")


def test_known_export_is_the_file_the_page_shows(home):
    run(home, "learn python lora")
    shown = transcript("known --export")
    printed = run(home, "known --export")
    assert _STAMP.search(printed)
    assert _STAMP.sub("<when>", printed) == _STAMP.sub("<when>", shown)

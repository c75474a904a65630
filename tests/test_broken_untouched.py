"""A broken user file is never modified by the command that fails on it.

The graph (``--graph``), the saved progress and an imported progress file are each broken in
several ways; every command that reads them fails with a message and exit 1 or 2, and
afterwards every file in the folder holds the same bytes, with no new file but the progress
lock.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

from kgraph.cli import main

if TYPE_CHECKING:
    from pathlib import Path

    from click.testing import CliRunner

BROKEN_GRAPHS = {
    "invalid JSON": b'{"concepts": [',
    "not UTF-8": b'{"concepts": [], "$schema": "\xff"}',
    "empty": b"",
    "wrong types": b'{"concepts": [{"id": "a", "name": 1, "level": "use"}]}',
    "cycle": json.dumps(
        {
            "concepts": [
                {
                    "id": i,
                    "name": i,
                    "level": "use",
                    "category": "ml",
                    "summary": "S.",
                    "hours": 1,
                    "prerequisites": [{"id": "b" if i == "a" else "a", "why": "w"}],
                }
                for i in ("a", "b")
            ]
        }
    ).encode(),
    "deep nesting": b'{"concepts": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
    "not canonical and invalid": b'{\n"concepts": [{"id": "A"}], "extra": 1}',
}
GRAPH_COMMANDS = {
    "fmt": (["fmt"], 1),
    "fmt --check": (["fmt", "--check"], 1),
    "validate": (["validate"], 1),
    "lint": (["lint"], 1),
    "learn": (["learn", "a"], 1),
    "forget": (["forget", "a"], 1),
    "export": (["export", "-f", "mermaid", "-o", "out.mmd"], 1),
    "export html": (["export", "-o", "out.html"], 1),
    "path": (["path", "a"], 1),
    "known --import": (["known", "--import", "progress.json"], 1),
}
BROKEN_PROGRESS = {
    "invalid JSON": b'{"format": "kgraph-known", ',
    "foreign": b'{"some": "other tool"}',
    "future version": b'{"format": "kgraph-known", "known": {}, "version": 9}',
    "bad ids": b'{"format": "kgraph-known", "known": {"Not An Id": 1}, "version": 1}',
    "not UTF-8": b"\xfe\xff",
    "deep nesting": b"[" * 100_000,
}
PROGRESS_COMMANDS = {
    "learn": ["learn", "ml"],
    "forget": ["forget", "ml"],
    "known": ["known"],
    "known --export": ["known", "--export"],
    "known --import": ["known", "--import", "progress.json"],
    "assess": ["assess", "lora", "--yes"],
    "path": ["path", "agi"],
    "gaps": ["gaps", "agi"],
    "next": ["next"],
    "progress": ["progress"],
}


def files(folder: Path) -> dict[str, bytes]:
    """Every file under *folder* with its bytes; the progress lock and kgraph's cache left out."""
    cache = folder / "xdg-cache"
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.endswith(".lock") and cache not in p.parents
    }


def fails_leaving_files_alone(
    runner: CliRunner, folder: Path, args: list[str], codes: set[int]
) -> str:
    before = files(folder)
    result = runner.invoke(main, args, input="y\n" * 10)
    assert result.exit_code in codes, (args, result.output, result.exception)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert result.stderr.strip() or result.stdout.strip()
    assert files(folder) == before, args
    return result.stderr


GRAPH_CASES = [
    pytest.param(broken, args, code, id=f"{command}-{name}")
    for command, (args, code) in GRAPH_COMMANDS.items()
    for name, broken in BROKEN_GRAPHS.items()
    if (command, name) != ("fmt", "cycle")  # fmt formats a file whose only fault is a cycle
]


@pytest.mark.parametrize(("broken", "args", "code"), GRAPH_CASES)
def test_broken_graph_is_left_as_it_was(runner, tmp_path, broken, args, code):
    graph = tmp_path / "concepts.json"
    graph.write_bytes(broken)
    (tmp_path / "progress.json").write_text('["a"]', encoding="utf-8")
    (tmp_path / "home").mkdir()
    (tmp_path / "home" / "known.json").write_text('["a"]', encoding="utf-8")
    expected = {code, 2}  # unreadable (not UTF-8) is an input error, exit 2
    fails_leaving_files_alone(runner, tmp_path, [*args, "--graph", str(graph)], expected)


@pytest.mark.parametrize("broken", BROKEN_PROGRESS.values(), ids=BROKEN_PROGRESS.keys())
@pytest.mark.parametrize("args", PROGRESS_COMMANDS.values(), ids=PROGRESS_COMMANDS.keys())
def test_broken_saved_progress_is_left_as_it_was(runner, tmp_path, graph_file, broken, args):
    (tmp_path / "home").mkdir()
    (tmp_path / "home" / "known.json").write_bytes(broken)
    (tmp_path / "progress.json").write_text('["lora"]', encoding="utf-8")
    stderr = fails_leaving_files_alone(runner, tmp_path, [*args, "--graph", str(graph_file)], {2})
    assert "known.json" in stderr


@pytest.mark.parametrize(
    "broken", [*BROKEN_PROGRESS.values(), b'["nope"]'], ids=[*BROKEN_PROGRESS, "unknown id"]
)
def test_broken_import_file_is_left_as_it_was(runner, tmp_path, graph_file, broken):
    """known --import of a broken or foreign file changes neither it nor the saved progress."""
    (tmp_path / "home").mkdir()
    (tmp_path / "home" / "known.json").write_text('["ml"]', encoding="utf-8")
    (tmp_path / "progress.json").write_bytes(broken)
    args = ["known", "--import", "progress.json", "--graph", str(graph_file)]
    fails_leaving_files_alone(runner, tmp_path, args, {2})


@pytest.mark.parametrize(
    "args",
    [
        ["path", "agi", "--known", "python,nope"],
        ["gaps", "agi", "--known", "nope"],
        ["next", "--known", ","],
        ["next", "--known", "lorra"],
        ["progress", "--known", "nope"],
        ["export", "-f", "mermaid", "--known", "nope", "-o", "out.mmd"],
        ["learn", "lora", "nope"],
        ["forget", "nope"],
    ],
    ids=" ".join,
)
def test_bad_known_list_changes_no_file(runner, tmp_path, graph_file, args):
    """An unknown name in --known (or to learn) is exit 2, and the saved progress is untouched."""
    (tmp_path / "home").mkdir()
    (tmp_path / "home" / "known.json").write_text('["ml"]', encoding="utf-8")
    (tmp_path / "out.mmd").write_text("old export", encoding="utf-8")
    if args[:2] == ["next", "--known"] and args[2] == ",":
        result = runner.invoke(main, [*args, "--graph", str(graph_file)])
        assert result.exit_code == 0  # an empty list means "nothing known", not an error
        return
    fails_leaving_files_alone(runner, tmp_path, [*args, "--graph", str(graph_file)], {2})

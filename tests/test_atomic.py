"""Nothing lost: every file kgraph writes goes through one atomic writer, which survives kills.

The writer puts the bytes in a temp file beside the target (``.NAME.PID.RANDOM.tmp``), fsyncs,
keeps the old permissions and renames; a failure removes the temp and leaves the old file, and
temps left by killed writers are swept the next time the same target is written.
"""

from __future__ import annotations

import ast
import errno
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

import kgraph
import kgraph.store
from kgraph.cli import main
from kgraph.errors import InputError
from kgraph.render import EXPORTS
from kgraph.store import write_atomic

PACKAGE = Path(kgraph.__file__).parent
# Calls that create, change or remove a file. Only the atomic writer may make them, plus the
# progress lock, which opens (creates) its own lock file.
WRITES = {"write_text", "write_bytes", "write", "open", "replace", "rename", "unlink", "remove",
          "touch", "mkstemp", "NamedTemporaryFile", "copy", "copyfile", "move", "chmod"}  # fmt: skip
ALLOWED = {
    ("store.py", "_replace"),  # os.write, mkstemp, chmod, replace, unlink: the writer itself
    ("store.py", "_sweep_stale_temps"),  # unlink of a dead writer's temp
    ("store.py", "_sync_folder"),  # os.open of the folder, read-only, to fsync the rename
    ("saved_progress.py", "_locked_fd"),  # os.open of the lock file
    ("saved_progress.py", "locked"),  # unlink of the lock file, still locked
    ("goal.py", "clear_goal"),  # goal --clear: unlink once .bak is written, or rename aside
    ("store.py", "digest"),  # open for reading, to hash the graph file
    ("store.py", "read_bytes"),  # open for reading any file kgraph reads
    ("cache.py", "load"),  # open for reading a cache entry
    ("cache.py", "_read_stamp"),  # open for reading a graph file's stamp
    ("cache.py", "_documents"),  # open for reading a cache entry's concept lines
    ("cache.py", "_prune"),  # unlink of old cache entries (never a user's file)
}


def file_writes(path: Path) -> set[tuple[str, str]]:
    """(file, function) for each call in *path* that could write a file."""
    found = set()
    for func in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(func, ast.FunctionDef):
            calls = (n for n in ast.walk(func) if isinstance(n, ast.Call))
            if any(_writes(call) for call in calls):
                found.add((path.name, func.name))
    return found


def _writes(call: ast.Call) -> bool:
    """A call named like a file write; ``text.replace(a, b)`` (two arguments) is a string's."""
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    string_replace = name == "replace" and len(call.args) == 2
    return name in WRITES and not string_replace


def test_only_the_atomic_writer_writes_files():
    """No module writes a file except through kgraph.store.write_atomic."""
    found = set().union(*(file_writes(p) for p in PACKAGE.rglob("*.py")))
    assert found == ALLOWED


@pytest.fixture
def spy(monkeypatch) -> list[Path]:
    """Every target written through the atomic writer, in order."""
    written: list[Path] = []
    real = kgraph.store._replace

    def recording(path: str, data: bytes, mode: int) -> None:
        written.append(Path(path))
        real(path, data, mode)

    monkeypatch.setattr(kgraph.store, "_replace", recording)
    return written


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_every_command_that_writes_uses_the_atomic_writer(runner, graph_file, tmp_path, spy):
    """fmt, export, schema, learn, forget, import and assess: each changed file went through it."""
    graph_file.write_text(
        json.dumps(json.loads(graph_file.read_text(encoding="utf-8"))), encoding="utf-8"
    )
    progress = tmp_path / "progress.json"
    progress.write_text('["python"]', encoding="utf-8")
    g = ["--graph", str(graph_file)]
    commands = [
        ["fmt", *g],
        *(["export", "-f", fmt, *g, "-o", f"out.{fmt}"] for fmt in EXPORTS),
        ["export", "-f", "mermaid", *g],
        ["schema", "-o", "schema.json"],
        ["learn", "lora", *g],
        ["learn", "quant", *g],
        ["forget", "lora", *g],
        ["known", "--import", str(progress), *g],
        ["assess", "history", "--yes", *g],
    ]
    for args in commands:
        before = snapshot(tmp_path)
        spy.clear()
        result = runner.invoke(main, args, input="y\n" * 20, catch_exceptions=False)
        assert result.exit_code == 0, (args, result.stderr)
        after = snapshot(tmp_path)
        changed = {name for name in after if before.get(name) != after[name]}
        changed -= {name for name in changed if name.endswith(".lock")}  # the progress lock
        assert changed, args
        assert changed == {str(p.resolve().relative_to(tmp_path)) for p in spy}, args


def test_mode_is_kept_and_a_new_file_is_world_readable(tmp_path):
    path = tmp_path / "f.json"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o600)
    write_atomic(path, "new")
    assert (path.read_text(encoding="utf-8"), path.stat().st_mode & 0o777) == ("new", 0o600)
    write_atomic(tmp_path / "g.json", "x")
    assert (tmp_path / "g.json").stat().st_mode & 0o777 == 0o644


def test_text_that_cannot_be_utf8_fails_cleanly(tmp_path):
    """A lone surrogate (JSON allows "\\ud800") is an InputError, not a traceback; file kept."""
    path = tmp_path / "f.json"
    path.write_text("old", encoding="utf-8")
    with pytest.raises(
        InputError, match=r"f\.json: cannot write: character 3 is not valid Unicode"
    ):
        write_atomic(path, "abc\ud800")
    assert os.listdir(tmp_path) == ["f.json"]
    assert path.read_text(encoding="utf-8") == "old"


def dead_pid() -> int:
    """The pid of a process that has exited and been reaped."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_temps_of_dead_writers_are_swept_and_nothing_else(tmp_path):
    """Before writing f.json, its temps whose writer is gone are removed; all else stays."""
    path = tmp_path / "f.json"
    path.write_text("old", encoding="utf-8")
    dead, alive = dead_pid(), os.getppid()
    stale = tmp_path / f".f.json.{dead}.abc_123x.tmp"
    keep = [
        tmp_path / f".f.json.{alive}.abcdefgh.tmp",  # its writer still runs
        tmp_path / f".other.json.{dead}.abcdefgh.tmp",  # another target
        tmp_path / f".f.json.x.{dead}.abcdefgh.tmp",  # the temp of a target named "f.json.x"
        tmp_path / ".f.json.notapid.tmp",
        tmp_path / "f.json.bak",
    ]
    for p in (stale, *keep):
        p.write_text("partial", encoding="utf-8")
    write_atomic(path, "new")
    assert sorted(os.listdir(tmp_path)) == sorted(p.name for p in (path, *keep))


FAULTS = {
    "disk full while writing": ("write", errno.ENOSPC),
    "I/O error at fsync": ("fsync", errno.EIO),
    "no permission for the temp": ("mkstemp", errno.EACCES),
    "read-only at the temp": ("mkstemp", errno.EROFS),
    "read-only at the rename": ("replace", errno.EROFS),
    "no permission at the rename": ("replace", errno.EACCES),
}


def inject(monkeypatch: pytest.MonkeyPatch, where: str, code: int) -> None:
    """Make one step of the writer fail with *code*; a write fails after writing half."""
    error = OSError(code, os.strerror(code))
    real_write = os.write

    def half_then_fail(fd: int, data: bytes) -> int:
        if len(data) > 1:
            real_write(fd, data[: len(data) // 2])
        raise error

    def fail(*_: object, **__: object) -> None:
        raise error

    target = {"write": (os, "write", half_then_fail), "fsync": (os, "fsync", fail),
              "mkstemp": (tempfile, "mkstemp", fail), "replace": (os, "replace", fail)}[where]  # fmt: skip
    monkeypatch.setattr(*target)


@pytest.mark.parametrize(("where", "code"), FAULTS.values(), ids=FAULTS.keys())
@pytest.mark.parametrize("command", ["fmt", "export", "learn", "schema"])
def test_write_failures_exit_2_naming_the_file_and_keep_the_old_one(
    graph_file, monkeypatch, where, code, command
):
    """A clear error naming the file, exit 2; every file byte-identical; no temp left."""
    tmp_path = graph_file.parent
    graph_file.write_text(
        graph_file.read_text(encoding="utf-8").replace("\n", "\n "), encoding="utf-8"
    )
    (tmp_path / "home").mkdir()
    (tmp_path / "home" / "known.json").write_text('["python"]', encoding="utf-8")
    (tmp_path / "out.dot").write_text("old export", encoding="utf-8")
    (tmp_path / "schema.json").write_text("old schema", encoding="utf-8")
    args, named = {
        "fmt": (["fmt"], str(graph_file)),
        "export": (["export", "-f", "dot", "-o", "out.dot"], "out.dot"),
        "learn": (["learn", "lora"], str(tmp_path / "home" / "known.json.bak")),  # backup first
        "schema": (["schema", "-o", "schema.json"], "schema.json"),
    }[command]
    before = snapshot(tmp_path)
    with monkeypatch.context() as patched:
        inject(patched, where, code)
        result = CliRunner().invoke(main, ["--graph", str(graph_file), *args])
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.stderr == f"Error: {named}: cannot write: {os.strerror(code)}\n"
    after = {k: v for k, v in snapshot(tmp_path).items() if not k.endswith(".lock")}
    assert after == before

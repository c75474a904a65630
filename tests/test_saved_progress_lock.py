"""Saved progress under concurrent commands: a file lock around every read-modify-write."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

from kgraph.errors import InputError
from kgraph.saved_progress import lock_path, locked_progress, marks_text

if TYPE_CHECKING:
    from pathlib import Path

PROCESSES = 20


def graph_file(folder: Path, count: int) -> Path:
    path = folder / "g.json"
    concepts = [{"id": f"c{i}", "name": f"Concept {i}", "level": "use", "category": "ml",
                 "summary": "A concept.", "hours": 1} for i in range(count)]  # fmt: skip
    path.write_text(json.dumps({"concepts": concepts}), encoding="utf-8")
    return path


def test_concurrent_learns_all_land(tmp_path):
    """20 `kgraph learn` processes started together, each a different concept: all 20 saved."""
    graph = graph_file(tmp_path, PROCESSES)
    progress_file = tmp_path / "p" / "known.json"
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "kgraph",
                "learn",
                f"c{i}",
                "--graph",
                str(graph),
                "--progress-file",
                str(progress_file),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(PROCESSES)
    ]
    results = [(p.wait(), *p.communicate()) for p in procs]
    assert [code for code, *_ in results] == [0] * PROCESSES, results
    saved = json.loads(progress_file.read_text(encoding="utf-8"))["known"]
    assert sorted(saved) == sorted(f"c{i}" for i in range(PROCESSES))
    assert (
        len(
            json.loads(progress_file.with_name("known.json.bak").read_text(encoding="utf-8"))[
                "known"
            ]
        )
        == PROCESSES - 1
    )


def test_locked_profile_reads_the_file_and_leaves_no_lock_file_behind(tmp_path):
    path = tmp_path / "new" / "known.json"
    path.parent.mkdir()
    path.write_text(marks_text({"ml": "2025-01-01T00:00:00Z"}), encoding="utf-8")
    with locked_progress(path) as progress_file:
        assert progress_file.marked == {"ml": "2025-01-01T00:00:00Z"}
        assert lock_path(path).exists()
    assert lock_path(path) == tmp_path / "new" / "known.json.lock"
    assert not lock_path(path).exists()
    assert sorted(p.name for p in path.parent.iterdir()) == ["known.json"]


def test_a_lock_that_cannot_be_created_is_an_input_error(tmp_path):
    """A folder that cannot hold the lock (here: a file in its place) fails clearly."""
    (tmp_path / "file").write_text("", encoding="utf-8")
    with (
        pytest.raises(InputError, match="cannot create the folder"),
        locked_progress(tmp_path / "file" / "known.json"),
    ):
        pass
    (tmp_path / "dir").mkdir()
    (tmp_path / "dir" / "known.json.lock").mkdir()
    with (
        pytest.raises(InputError, match=r"known\.json\.lock: cannot create the lock file"),
        locked_progress(tmp_path / "dir" / "known.json"),
    ):
        pass


def test_assess_saves_on_top_of_what_another_command_saved(runner, tmp_path, monkeypatch):
    """assess re-reads the progress under the lock before saving: a learn meanwhile stays."""
    import click

    from kgraph.cli import main

    graph = [
        "--graph",
        str(graph_file(tmp_path, 3)),
        "--progress-file",
        str(tmp_path / "known.json"),
    ]
    real_confirm = click.confirm

    def learn_meanwhile(*args, **kwargs):
        assert runner.invoke(main, ["learn", "c2", *graph]).exit_code == 0
        return real_confirm(*args, **kwargs)

    monkeypatch.setattr(click, "confirm", learn_meanwhile)
    result = runner.invoke(main, ["assess", "c0", *graph], input="y\ny\n")
    assert result.exit_code == 0, result.output
    saved = json.loads((tmp_path / "known.json").read_text(encoding="utf-8"))["known"]
    assert sorted(saved) == ["c0", "c2"]


def test_a_file_system_without_locks_is_an_input_error(tmp_path, monkeypatch):
    """flock failing (ENOLCK on some network file systems) is a clear error, not a traceback."""
    import errno
    import fcntl

    def no_locks(fd: int, operation: int) -> None:
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(fcntl, "flock", no_locks)
    with (
        pytest.raises(
            InputError, match=r"known\.json\.lock: cannot lock the progress file: No locks"
        ),
        locked_progress(tmp_path / "known.json"),
    ):
        pass

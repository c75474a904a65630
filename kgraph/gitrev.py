"""Reading a graph as it stood at a git revision, for ``kgraph diff origin/main HEAD``.

git is run as a subprocess in the current directory (``git show REV:PATH``); every way it can
fail (git missing, not a repository, unknown revision, no such file there) becomes one readable
`InputError`, never a traceback.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Final

from kgraph.errors import InputError
from kgraph.parsing import Parsed, parse
from kgraph.store import LOCAL_GRAPH, PathArg, read_graph

TIMEOUT_SECONDS: Final = 60


def read_revision(rev: str, path: str, *, cwd: PathArg | None = None) -> str:
    """The text of *path* (relative to the repository's top) at revision *rev*.

    Args:
        rev: anything git names a commit by: ``HEAD``, ``origin/main``, a hash, ``v1.0~2``.
        path: the file inside the repository, e.g. ``graph/concepts.json``.
        cwd: where to run git (the current directory when None).

    Raises:
        InputError: git is missing or fails; the message carries git's own reason.
    """
    if not rev or rev.startswith("-"):  # never let a revision be read as a git option
        msg = f"{rev!r} is neither a file nor a git revision"
        raise InputError(msg)
    git = shutil.which("git")
    if git is None:
        msg = f"{rev!r} is not a file, and git is not installed to read it as a revision"
        raise InputError(msg)
    try:
        done = subprocess.run(  # noqa: S603 - fixed argv, no shell; rev cannot start with "-"
            [git, "show", f"{rev}:{path}"],
            capture_output=True,
            cwd=cwd,
            check=False,
            timeout=TIMEOUT_SECONDS,
        )
    except (OSError, subprocess.TimeoutExpired) as err:
        msg = f"cannot run git to read {rev}:{path}: {err}"
        raise InputError(msg) from None
    if done.returncode != 0:
        reason = _first_line(done.stderr) or f"git exited with status {done.returncode}"
        msg = f"{rev!r} is neither a file nor a git revision holding {path}: {reason}"
        raise InputError(msg)
    try:
        return done.stdout.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        msg = f"{rev}:{path}: not UTF-8 text (byte {err.start} is {done.stdout[err.start]:#04x})"
        raise InputError(msg) from None


def read_side(spec: str, path: str = LOCAL_GRAPH) -> Parsed:
    """Parse *spec*: a graph file if one exists there, else *path* at git revision *spec*."""
    if Path(spec).is_file():
        return parse(read_graph(Path(spec)), spec)
    return parse(read_revision(spec, path), f"{spec}:{path}")


def _first_line(stderr: bytes) -> str:
    lines = stderr.decode("utf-8", "replace").strip().splitlines()
    return lines[0].strip() if lines else ""


__all__ = ["TIMEOUT_SECONDS", "read_revision", "read_side"]

"""The learner's saved goal: where they are going, from where, at how many hours a week.

One small JSON file beside the known set (``goal.json`` in the progress file's folder),
canonical like it::

    {"format": "kgraph-goal", "from": null, "pace": 10, "to": "agi", "version": 1}

It is kept the way `kgraph.saved_progress` keeps progress: written atomically under the same kind
of lock, the previous file copied to ``goal.json.bak`` first, and a file this module cannot read
is never overwritten (`GoalFileError`, exit 2) — only ``kgraph goal --clear`` removes it, and
that keeps the copy. Ids are stored as the graph had them; a renamed concept still resolves
through its alias.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import TYPE_CHECKING, Final, NamedTuple

from kgraph.errors import MessageError
from kgraph.graph import normalize
from kgraph.i18n import DEFAULT, texts
from kgraph.pace import MAX_PACE, check_pace
from kgraph.saved_progress import backup_path, locked
from kgraph.store import read_text, write_atomic

if TYPE_CHECKING:
    from kgraph.graph import KGraph
    from kgraph.store import PathArg

FILE_NAME: Final = "goal.json"
FORMAT: Final = "kgraph-goal"
VERSION: Final = 1


class GoalFileError(MessageError):
    """The goal file is corrupt or not kgraph's; it is left exactly as it was."""


class NoGoalError(MessageError):
    """A command needs the saved goal (or pace) and there is none."""


class Goal(NamedTuple):
    """A goal: the concept to reach (``target``), an optional start and pace (hours a week)."""

    target: str
    source: str | None = None
    pace: float | None = None


class SavedGoal(NamedTuple):
    """The goal file and what it holds (None: no goal saved)."""

    path: str
    goal: Goal | None


def goal_path(progress_file: PathArg) -> Path:
    """The goal file that sits beside the progress file *progress_file*."""
    return Path(progress_file).with_name(FILE_NAME)


def _error(kind: type[MessageError], key: str, **values: object) -> MessageError:
    return kind(texts(DEFAULT)(key, **values), key, **values)


def corrupt(path: Path, detail: str) -> MessageError:
    """The error for a goal file kgraph cannot read: it names the file and the way out.

    The way out is the progress file's (`kgraph.saved_progress.recovery_hint`): restore the
    version before the last change when there is one, else start over, here with ``--clear``.
    """
    backup = backup_path(path)
    key = "error.goal_file_backup" if backup.is_file() else "error.goal_file"
    return _error(
        GoalFileError, key, path=str(path), detail=detail, backup=str(backup),
        broken=str(broken_path(path)),
    )  # fmt: skip


def parse_goal(text: str, path: Path) -> Goal:
    """The goal in a goal file's *text*.

    Raises:
        GoalFileError: for anything but a goal file this version of kgraph wrote.
    """
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as err:
        raise corrupt(path, f"not valid JSON: {err}") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise corrupt(path, f'no "format": "{FORMAT}"')
    if data.get("version") != VERSION or set(data) != {"format", "from", "pace", "to", "version"}:
        raise corrupt(path, f"expected version {VERSION} with to, from and pace")
    target, source, pace = data["to"], data["from"], data["pace"]
    if not isinstance(target, str) or not isinstance(source, (str, type(None))):
        raise corrupt(path, '"to" and "from" must be concept ids')
    if pace is not None and not _plausible(pace):
        raise corrupt(path, f'"pace" must be hours a week, above 0 and at most {MAX_PACE:g}')
    return Goal(target, source, float(pace) if pace is not None else None)


def _plausible(pace: object) -> bool:
    return (
        isinstance(pace, (int, float))
        and not isinstance(pace, bool)
        and math.isfinite(pace)
        and 0 < pace <= MAX_PACE
    )


def goal_text(goal: Goal) -> str:
    """The canonical text of a goal file."""
    pace = goal.pace
    number = int(pace) if pace is not None and pace.is_integer() else pace
    doc = {"format": FORMAT, "from": goal.source, "pace": number, "to": goal.target}
    return json.dumps(doc | {"version": VERSION}, indent=2, sort_keys=True) + "\n"


def load_goal(path: PathArg) -> SavedGoal:
    """The goal saved at *path*; a missing file means no goal.

    Raises:
        GoalFileError: if the file exists and is not a readable goal file.
    """
    path = Path(path)
    if not path.exists():
        return SavedGoal(str(path), None)
    return SavedGoal(str(path), parse_goal(read_text(path), path))


def save_goal(
    kg: KGraph,
    path: PathArg,
    target: str,
    *,
    source: str | None = None,
    pace: object = None,
) -> SavedGoal:
    """Resolve and check the goal, then write it (keeping the previous file as ``.bak``).

    Raises:
        UnknownConceptError: if *target* or *source* names no concept; nothing is written.
        PaceError: if *pace* is not hours a week; nothing is written.
        GoalFileError: if the file there is not a goal file; it is left untouched.
    """
    goal = Goal(
        kg.resolve(target),
        kg.resolve(source) if source is not None else None,
        check_pace(pace) if pace is not None else None,
    )
    path = Path(path)
    with locked(path):
        load_goal(path)  # refuses to overwrite a file it cannot read
        if path.exists():
            write_atomic(backup_path(path), read_text(path))
        write_atomic(path, goal_text(goal))
    return SavedGoal(str(path), goal)


def clear_goal(path: PathArg) -> Path | None:
    """Remove the goal file; return where its copy is kept, None if there was no goal.

    A goal file kgraph reads is kept as ``.bak``; one it cannot read is renamed ``.broken``,
    so the ``.bak`` of the last good goal survives too. Nothing is lost either way.
    """
    path = Path(path)
    with locked(path):
        if not path.exists():
            return None
        try:
            load_goal(path)
        except GoalFileError:
            aside = broken_path(path)
            path.replace(aside)
            return aside
        write_atomic(backup_path(path), read_text(path))
        path.unlink()
    return backup_path(path)


def broken_path(path: Path) -> Path:
    """Where ``goal --clear`` moves a goal file kgraph cannot read."""
    return path.with_name(path.name + ".broken")


def goal_on(kg: KGraph, saved: SavedGoal) -> Goal:
    """The saved goal with its ids mapped onto *kg*'s current ids.

    Raises:
        NoGoalError: if no goal is saved.
        MessageError: if the saved goal names a concept *kg* lacks.
    """
    goal = saved.goal
    if goal is None:
        raise _error(NoGoalError, "error.no_goal", path=saved.path)
    ids = []
    for cid in (goal.target, goal.source):
        current = None if cid is None else cid if cid in kg else kg.name_index.get(normalize(cid))
        if cid is not None and current is None:
            raise _error(MessageError, "error.goal_unknown", id=cid, path=saved.path)
        ids.append(current)
    return Goal(ids[0] or goal.target, ids[1], goal.pace)


def needed_pace(goal: Goal, pace: float | None) -> float:
    """*pace* when given, else the goal's.

    Raises:
        NoGoalError: if neither says how many hours a week.
    """
    chosen = pace if pace is not None else goal.pace
    if chosen is None:
        raise _error(NoGoalError, "error.no_pace", target=goal.target)
    return chosen


__all__ = [
    "FILE_NAME",
    "FORMAT",
    "VERSION",
    "Goal",
    "GoalFileError",
    "NoGoalError",
    "SavedGoal",
    "broken_path",
    "clear_goal",
    "corrupt",
    "goal_on",
    "goal_path",
    "goal_text",
    "load_goal",
    "needed_pace",
    "parse_goal",
    "save_goal",
]

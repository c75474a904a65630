"""GitHub workflow annotations, so a reviewer sees each problem on the line of the diff.

Messages quote the pull request's own text, so control and bidi characters are escaped
(`kgraph.render.text.clean`) before GitHub's own escaping of ``%``, CR and LF.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kgraph.render.terminal import clean

if TYPE_CHECKING:
    from collections.abc import Iterable

    from kgraph.errors import Problem


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(problems: Iterable[Problem]) -> str:
    """``::error file=…,line=…,col=…::message`` per problem (``::warning`` for warnings)."""
    rows = []
    for p in problems:
        where = f"file={_escape_property(clean(p.path))},line={p.line},col={p.column}"
        rows.append(f"::{p.severity} {where}::{_escape_data(clean(p.subject))}\n")
    return "".join(rows)


__all__ = ["render_github"]

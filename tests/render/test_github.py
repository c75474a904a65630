"""GitHub annotations: one line per problem, the pull request's text unable to act on a log."""

from __future__ import annotations

from kgraph.errors import Problem
from kgraph.render.github import render_github


def test_hostile_text_is_escaped_and_stays_on_one_line():
    problem = Problem(
        "g\u202e.json", 3, 5, "a", "name", "name \x1b[31mred\x1b[0m\r\n::error::forged 100%"
    )
    [line] = render_github([problem]).splitlines()
    assert line == (
        "::error file=g\\u202e.json,line=3,col=5::concept 'a': field 'name': "
        "name \\x1b[31mred\\x1b[0m\\r\\n::error::forged 100%25"
    )
    assert not any(ch in line for ch in "\x1b\r\u202e")

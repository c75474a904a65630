"""One example invocation of every registered command: the table the all-commands tests share.

A command added to the group (``COMMAND_MODULES``) and not here fails
`tests.test_cli.test_every_command_has_an_example_invocation`, so no new command escapes the
hostile-text and import checks that read this table.
"""

from __future__ import annotations


def examples(first: str, last: str, *, graph: str, out: str) -> dict[str, tuple[str, ...]]:
    """Each command once, about concepts *first* → *last* of *graph*; files go to *out*.

    The graph is chosen by ``--graph``, which the caller adds (``diff`` also names it twice).
    """
    return {
        "path": ("path", first, last),
        "gaps": ("gaps", first, last),
        "next": ("next", first),
        "why": ("why", first, last),
        "unlocks": ("unlocks", first),
        "show": ("show", last),
        "search": ("search", last),
        "list": ("list",),
        "stats": ("stats",),
        "validate": ("validate",),
        "lint": ("lint",),
        "fmt": ("fmt", "--check"),
        "schema": ("schema",),
        "diff": ("diff", graph, graph),
        "export": ("export", "--format", "mermaid", "--known", first, "-o", out),
        "refresh": ("refresh", "--check"),
        "learn": ("learn", first),
        "forget": ("forget", first),
        "known": ("known",),
        "progress": ("progress", "--known", first),
        "assess": ("assess", last),
        "projects": ("projects", "--known", first),
        "goal": ("goal", last, "--from", first, "--pace", "5"),
        "week": ("week", "--pace", "5"),
    }

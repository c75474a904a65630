"""Every committed export, and the schema, is what the shipped graph and the code give today.

On main these hold after every push: the rebuild workflow commits what `kgraph refresh` rewrites,
and pushes only a tree on which these tests pass. A pull request commits graph/concepts.json
only, so its checks run `kgraph refresh` first and these tests see the tree main will hold;
they never fail a contributor for files the contributor is told not to commit.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kgraph.cli.refresh import COMMAND, derived_files
from kgraph.render import EXPORTS
from tests.conftest import REPO

COMMITTED = sorted(
    str(p.relative_to(REPO))
    for p in (REPO / "exports").glob("kgraph.*")
    if p.suffix[1:] in {e.extension for e in EXPORTS.values()}
)


@pytest.fixture(scope="module")
def derived() -> dict[Path, str]:
    return {p: t for p, t in derived_files(REPO).items() if p.suffix != ".md"}


def test_the_page_and_the_diagram_are_committed():
    assert {"exports/kgraph.html", "exports/kgraph.mmd"} <= set(COMMITTED)


def test_every_committed_export_is_regenerated(derived: dict[Path, str]):
    assert {str(p) for p in derived} == {*COMMITTED, "graph/concepts.schema.json"}


@pytest.mark.parametrize("path", [*COMMITTED, "graph/concepts.schema.json"])
def test_derived_file_is_up_to_date(derived: dict[Path, str], path: str):
    committed = (REPO / path).read_text(encoding="utf-8")
    assert committed == derived[Path(path)], (
        f"{path} is stale: run `{COMMAND}` first (a pull request's checks and main's rebuild do)"
    )


# The page may weigh at most 1.5 times what it did before the planner came (1.0 MB, issue 25).
PAGE_BUDGET = 1_525_000


def test_the_shipped_page_stays_within_its_size_budget(derived: dict[Path, str]):
    """The committed page, and the one the code writes today, are under the size budget."""
    assert (REPO / "exports/kgraph.html").stat().st_size < PAGE_BUDGET
    page = next(text for path, text in derived.items() if path.name == "kgraph.html")
    assert len(page.encode("utf-8")) < PAGE_BUDGET

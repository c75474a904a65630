"""Two contributors add a concept each at the same time: both pull requests merge without a conflict.

A pull request edits graph/concepts.json only (`kgraph fmt`, no refresh: main's rebuild
workflow regenerates the rest after the merge), so two of them touch different lines of one file.
The concepts are real: two leaves of the shipped graph, taken out of the base and added back, one
by each clone. The whole rebuilt tree's checks run in .ci/rehearse.py's `concurrent` scenario.
"""

from __future__ import annotations

import json
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from kgraph.cli import main
from tests.conftest import SHIPPED

GRAPH = Path("graph", "concepts.json")
GIT = ["git", "-c", "user.name=kgraph-test", "-c", "user.email=test@kgraph.invalid"]


def git(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*GIT, *args], cwd=repo, capture_output=True, text=True, check=False)


def two_apart_leaves(concepts: list[dict[str, Any]]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Two plain concepts nothing needs, far apart in id order (so not added in one spot), whose
    prerequisites all have other dependents (so taking them out leaves nothing isolated)."""
    dependents = Counter(p["id"] for c in concepts for p in c["prerequisites"])
    ids = sorted(c["id"] for c in concepts)
    leaves = [
        c
        for c in sorted(concepts, key=lambda c: c["id"])
        if c["id"] not in dependents
        and c.get("kind", "concept") == "concept"
        and all(dependents[p["id"]] > 1 for p in c["prerequisites"])
    ]
    first, last = leaves[0], leaves[-1]
    assert ids.index(last["id"]) - ids.index(first["id"]) > 1
    return first, last


def kgraph(repo: Path, *args: str) -> str:
    result = CliRunner().invoke(main, [*args, "-g", str(repo / GRAPH)])
    assert result.exit_code == 0, result.output
    return result.output


def add_concept(repo: Path, concept: dict[str, Any]) -> None:
    """What a contributor does: paste the block first in the list, then `kgraph fmt`."""
    path = repo / GRAPH
    text = path.read_text(encoding="utf-8")
    block = json.dumps(concept, indent=2, ensure_ascii=False)
    pasted = "".join(f"    {line}" for line in block.splitlines(keepends=True))
    path.write_text(text.replace('"concepts": [\n', f'"concepts": [\n{pasted},\n', 1), "utf-8")
    kgraph(repo, "fmt")


@pytest.fixture
def main_repo(tmp_path: Path) -> tuple[Path, dict[str, Any], dict[str, Any]]:
    """A repository whose main holds the shipped graph without two of its leaves."""
    document = json.loads(SHIPPED.read_text(encoding="utf-8"))
    first, second = two_apart_leaves(document["concepts"])
    document["concepts"] = [c for c in document["concepts"] if c not in (first, second)]
    repo = tmp_path / "main"
    (repo / GRAPH).parent.mkdir(parents=True)
    (repo / GRAPH).write_text(json.dumps(document, indent=2, ensure_ascii=False), "utf-8")
    assert git(repo, "init", "-q", "-b", "main").returncode == 0
    kgraph(repo, "fmt")
    assert git(repo, "add", "-A").returncode == 0
    assert git(repo, "commit", "-q", "-m", "base").returncode == 0
    return repo, first, second


def test_two_concept_pull_requests_merge_without_a_conflict(main_repo, tmp_path):
    repo, first, second = main_repo
    for name, concept in (("first", first), ("second", second)):
        clone = tmp_path / name
        assert git(tmp_path, "clone", "-q", str(repo), name).returncode == 0
        assert git(clone, "switch", "-q", "-c", f"add-{concept['id']}").returncode == 0
        add_concept(clone, concept)
        changed = git(clone, "status", "--porcelain").stdout.split()
        assert changed == ["M", str(GRAPH)]  # the pull request touches the graph only
        assert git(clone, "commit", "-q", "-am", f"Add {concept['id']}").returncode == 0
        kgraph(clone, "validate")
        kgraph(clone, "lint", "--strict")  # each pull request's checks pass on its own
        assert git(repo, "fetch", "-q", str(clone), f"add-{concept['id']}").returncode == 0
        merged = git(repo, "merge", "--no-ff", "-q", "-m", f"Merge {name}", "FETCH_HEAD")
        assert merged.returncode == 0, merged.stdout + merged.stderr  # no conflict
    kgraph(repo, "validate")
    kgraph(repo, "lint", "--strict")
    kgraph(repo, "fmt", "--check")
    merged_ids = {c["id"] for c in json.loads((repo / GRAPH).read_text("utf-8"))["concepts"]}
    shipped_ids = {c["id"] for c in json.loads(SHIPPED.read_text("utf-8"))["concepts"]}
    assert merged_ids == shipped_ids

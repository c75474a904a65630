# ruff: noqa: T201, INP001  (a script run by .ci/run: it reports by printing; not a package)
"""Rehearse a contributor's pull request: a correct graph change must pass every check.

In a scratch copy of the repository (committed, so ``kgraph diff HEAD`` has a base), each
scenario edits graph/concepts.json only and runs ``kgraph fmt``, as CONTRIBUTING.md says, then
every check a pull request gets, in the workflows' order: main's rebuild (``kgraph refresh``)
included, then the test suite and the browser tests on the rebuilt tree. Scenarios:

- ``add``: paste the JSON block of CONTRIBUTING.md's worked example, read from the guide itself,
  so the guide cannot drift from what passes;
- ``rename``: give the concept most others need a new id, keeping the old one as a name;
- ``unlink``: remove one prerequisite edge;
- ``concurrent``: two contributors each add a concept at the same time. Main lacks two real
  leaves of the graph; two clones each add one back (``kgraph fmt`` only, no generated file),
  both pull requests merge into main without a conflict, and the merged tree passes every check
  after main's rebuild.

``add``, ``rename`` and ``unlink`` land one after another in one copy, as pull requests merged in
turn: each gets the graph checks and the rebuild, and the test suite and the browser tests run
once on the tree all three made (they take minutes; the graph checks take seconds).

Usage: ``python .ci/rehearse.py [add|rename|unlink|concurrent ...]`` (default: all four).
"""

from __future__ import annotations

import json
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from kgraph.cli.refresh import guide_example, with_concept
from kgraph.graph import normalize

ROOT = Path(__file__).resolve().parent.parent
GRAPH = Path("graph", "concepts.json")
CHECKS = (
    "kgraph validate",
    "kgraph fmt --check",
    "kgraph lint --strict",
    "kgraph refresh",
    "kgraph refresh --check",
    "kgraph diff HEAD graph/concepts.json",
    # The generated-graph properties never read the contributor's file, and CI's own test step
    # has just run them at full depth: here hypothesis keeps its everyday depth.
    f"HYPOTHESIS_PROFILE=default {shlex.quote(sys.executable)} -m pytest -x -q -p no:cacheprovider",
    f"{shlex.quote(sys.executable)} -m pytest -m browser -x -q -p no:cacheprovider tests/browser",
)


def sh(command: str, cwd: Path) -> None:
    """Run *command* in *cwd*, echoed; a failure ends the rehearsal with its exit code."""
    print(f"$ {command}", flush=True)
    done = subprocess.run(command, shell=True, cwd=cwd, check=False)  # noqa: S602 - our commands
    if done.returncode:
        print(f"rehearsal failed: `{command}` exited {done.returncode}", flush=True)
        sys.exit(done.returncode)


def scratch_copy(where: Path) -> Path:
    """The repository's files (tracked and new, not ignored) in *where*, committed once."""
    where.mkdir(parents=True, exist_ok=True)
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],  # noqa: S607
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source, target = ROOT / name, where / name
        if source.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    sh(f"git init -q && git add -A && {GIT} commit -q -m base", where)
    return where


def add_the_guides_example(repo: Path) -> None:
    """Paste the guide's JSON block first in the concepts list, as a contributor would."""
    graph = repo / GRAPH
    text = with_concept(graph.read_text(encoding="utf-8"), guide_example(repo))
    graph.write_text(text, encoding="utf-8")


def _edit(repo: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    document = json.loads((repo / GRAPH).read_text(encoding="utf-8"))
    return document, document["concepts"]


def _save(repo: Path, document: dict[str, Any]) -> None:
    text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    (repo / GRAPH).write_text(text, encoding="utf-8")


def rename_the_most_needed(repo: Path) -> None:
    """Rename the concept most others need; its old id stays a name (CONTRIBUTING's rule)."""
    document, concepts = _edit(repo)
    needed = Counter(p["id"] for c in concepts for p in c["prerequisites"])
    old = min(needed, key=lambda cid: (-needed[cid], cid))
    new = f"{old}-renamed"
    for concept in concepts:
        if concept["id"] == old:
            concept["id"] = new
            names = {normalize(n) for n in (concept["name"], *concept.get("aliases", ()))}
            if normalize(old) not in names:
                concept["aliases"] = [old, *concept.get("aliases", ())]
        for edge in concept["prerequisites"]:
            if edge["id"] == old:
                edge["id"] = new
    print(f"renamed {old} → {new}", flush=True)
    _save(repo, document)


def remove_an_edge(repo: Path) -> None:
    """Remove the last prerequisite of the concept with the most of them."""
    document, concepts = _edit(repo)
    concept = min(concepts, key=lambda c: (-len(c["prerequisites"]), c["id"]))
    edge = concept["prerequisites"].pop()
    print(f"removed the edge {edge['id']} → {concept['id']}", flush=True)
    _save(repo, document)


GIT = "git -c user.name=rehearsal -c user.email=rehearsal@kgraph.invalid"


def two_pull_requests_at_once(repo: Path) -> None:
    """Main without two plain leaves far apart in id order; two clones add one each; merge."""
    document, concepts = _edit(repo)
    dependents = Counter(p["id"] for c in concepts for p in c["prerequisites"])
    leaves = sorted(
        (
            c
            for c in concepts
            if c["id"] not in dependents
            and c.get("kind", "concept") == "concept"
            and all(dependents[p["id"]] > 1 for p in c["prerequisites"])
        ),
        key=lambda c: c["id"],
    )
    added = (leaves[0], leaves[-1])
    document["concepts"] = [c for c in concepts if c not in added]
    _save(repo, document)
    sh(f"kgraph fmt && kgraph refresh && {GIT} commit -q -am 'main without two concepts'", repo)
    for concept in added:
        clone = repo.parent / f"pr-{concept['id']}"
        sh(f"git clone -q {shlex.quote(str(repo))} {shlex.quote(str(clone))}", repo.parent)
        graph = clone / GRAPH
        block = json.dumps(concept, indent=2, ensure_ascii=False)
        graph.write_text(with_concept(graph.read_text(encoding="utf-8"), block), encoding="utf-8")
        sh(f"kgraph fmt && {GIT} commit -q -am 'Add {concept['id']}'", clone)
        sh(f"git diff --stat HEAD~1 && git diff --quiet HEAD~1 -- . ':!{GRAPH}'", clone)
        sh(f"git fetch -q {shlex.quote(str(clone))} HEAD", repo)
        sh(f"{GIT} merge --no-ff -q -m 'Merge {concept['id']}' FETCH_HEAD", repo)
    print(f"merged two pull requests: {added[0]['id']}, {added[1]['id']}", flush=True)


SCENARIOS = {
    "add": add_the_guides_example,
    "rename": rename_the_most_needed,
    "unlink": remove_an_edge,
    "concurrent": two_pull_requests_at_once,
}


GRAPH_CHECKS = CHECKS[:-2]
"""The checks that read the graph and rebuild from it: seconds, so every pull request gets them."""
IN_TURN = ("add", "rename", "unlink")
"""Scenarios that land one after another in one copy; the suite runs once on what they made."""


def rehearse(names: list[str]) -> None:
    """*names* in one scratch copy, each edited, formatted, graph-checked and committed in turn.

    Then the test suite and the browser tests, once, on the tree they made together.
    """
    started = time.monotonic()
    print(f"\n--- rehearsal: {', '.join(names)}", flush=True)
    with tempfile.TemporaryDirectory(prefix=f"kgraph-rehearsal-{names[0]}-") as tmp:
        repo = scratch_copy(Path(tmp) / "repo")
        for name in names:
            print(f"\n--- pull request: {name}", flush=True)
            SCENARIOS[name](repo)
            for command in ("kgraph fmt", *GRAPH_CHECKS):
                sh(command, repo)
            sh(f"{GIT} commit -q --allow-empty -am {shlex.quote(name)}", repo)
        for command in CHECKS[-2:]:
            sh(command, repo)
    print(
        f"--- rehearsal {', '.join(names)}: passed in {time.monotonic() - started:.0f} s",
        flush=True,
    )


def main() -> None:
    """Run the scenarios named on the command line, or all of them."""
    names = sys.argv[1:] or list(SCENARIOS)
    unknown = [n for n in names if n not in SCENARIOS]
    if unknown:
        sys.exit(f"unknown scenario {', '.join(unknown)}; choose from {', '.join(SCENARIOS)}")
    in_turn = [n for n in names if n in IN_TURN]
    if in_turn:
        rehearse(in_turn)
    for name in names:
        if name not in IN_TURN:
            rehearse([name])


if __name__ == "__main__":
    main()

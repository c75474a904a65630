"""`kgraph diff` end to end: real commits in a temporary git repository, full reports."""

from __future__ import annotations

import json
from textwrap import dedent
from typing import TYPE_CHECKING, Any

import pytest

from kgraph.cli import main
from tests.test_diff import (
    commit_graph,
    init_repo,
    ladder,
    needs_git,
    renamed_lora,
    text_of,
    with_attention,
    with_cycle,
)

if TYPE_CHECKING:
    from pathlib import Path

    from click.testing import CliRunner

    from kgraph.model import Concept

pytestmark = needs_git

BASE, HEAD = "HEAD~1:graph/concepts.json", "HEAD:graph/concepts.json"
TITLE = f"kgraph diff {BASE} → {HEAD}\n"
NOT_COMPARED = f"lint and plans not compared: head ({HEAD}) has errors"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository whose first commit holds the seven-concept ladder."""
    init_repo(tmp_path, monkeypatch)
    commit_graph(tmp_path, ladder(), "base graph")
    return tmp_path


def run_diff(runner: CliRunner, repo: Path, head: list[Concept], fmt: str) -> tuple[int, str]:
    """Commit *head* on top of the ladder, run `kgraph diff HEAD~1 HEAD`, return exit and stdout."""
    commit_graph(repo, head, "change")
    result = runner.invoke(main, ["diff", "HEAD~1", "HEAD", "--format", fmt])
    assert result.stderr == ""
    return result.exit_code, result.stdout


def size(steps: int, hours: float) -> dict[str, Any]:
    return {"steps": steps, "hours": hours}


def landmarks(*rows: tuple[Any, Any, str | None]) -> list[dict[str, Any]]:
    """The three landmark entries, given (before, after, note) for each in order."""
    paths = [("lora", "agi"), ("prompting", "transformer"), (None, "agi")]
    return [
        {"source": s, "target": t, "before": b, "after": a, "note": n}
        for (s, t), (b, a, n) in zip(paths, rows, strict=True)
    ]


def edge(prerequisite: str, concept: str) -> dict[str, str]:
    why = f"{concept} builds on {prerequisite}"
    return {"prerequisite": prerequisite, "concept": concept, "why": why}


def report(**fields: Any) -> dict[str, Any]:
    """A full JSON report: nothing found, except *fields*."""
    empty: dict[str, Any] = {
        "base": BASE, "head": HEAD, "breaks": False, "added": [], "removed": [], "renamed": [],
        "changed": [], "edges_added": [], "edges_removed": [], "errors": [],
        "warnings_added": [], "warnings_fixed": [], "notes": [], "replanned": [],
    }  # fmt: skip
    return empty | fields


UNCHANGED = landmarks(
    (size(2, 30), size(2, 30), None),
    (size(3, 19), size(3, 19), None),
    (size(7, 46), size(7, 46), None),
)


def test_adding_a_concept_text(runner: CliRunner, repo: Path) -> None:
    """A new concept: its edges, its missing-resources warning, one more step on each path."""
    code, out = run_diff(runner, repo, with_attention(), "text")
    assert code == 0
    assert out == TITLE + dedent(f"""\
        concepts: 1 added, 0 removed, 0 renamed, 1 changed
          + attention
          ~ transformer: prerequisites
        edges: 2 added, 0 removed
          + attention → transformer: transformer builds on attention
          + linear-algebra → attention: attention builds on linear-algebra
        errors introduced: 0
        lint: 1 new warning, 0 fixed
          + {HEAD}:35:7: concept 'attention': field 'resources': no resources; add one real source (paper, docs, course or book)
        learners:
          path lora agi: 2 steps, 30 h → 3 steps, 36 h (+1 step, +6 h)
          path prompting transformer: 3 steps, 19 h → 4 steps, 25 h (+1 step, +6 h)
          path agi (from nothing known): 7 steps, 46 h → 8 steps, 52 h (+1 step, +6 h)
          plans changed: agi, transformer
        result: clean
        """)


def test_adding_a_concept_json(runner: CliRunner, repo: Path) -> None:
    """The same report as JSON, in full."""
    code, out = run_diff(runner, repo, with_attention(), "json")
    assert code == 0
    warning = {
        "path": HEAD, "line": 35, "column": 7, "concept": "attention", "field": "resources",
        "message": "no resources; add one real source (paper, docs, course or book)",
        "severity": "warning",
    }  # fmt: skip
    assert json.loads(out) == report(
        added=["attention"],
        changed=[{"concept": "transformer", "fields": ["prerequisites"]}],
        edges_added=[edge("attention", "transformer"), edge("linear-algebra", "attention")],
        warnings_added=[warning],
        landmarks=landmarks(
            (size(2, 30), size(3, 36), None),
            (size(3, 19), size(4, 25), None),
            (size(7, 46), size(8, 52), None),
        ),
        replanned=["agi", "transformer"],
    )
    assert out.endswith("}\n")


def test_edge_closing_a_cycle_text(runner: CliRunner, repo: Path) -> None:
    """An edge agi → python is reported with the printed cycle, and exits 1."""
    code, out = run_diff(runner, repo, with_cycle(), "text")
    assert code == 1
    assert out == TITLE + dedent(f"""\
        concepts: 0 added, 0 removed, 0 renamed, 1 changed
          ~ python: prerequisites
        edges: 1 added, 0 removed
          + agi → python: python builds on agi
        errors introduced: 1
          ! {HEAD}:15:7: concept 'agi': field 'prerequisites': prerequisites form a cycle: agi → python → prompting → fine-tuning → lora → agi
        lint: 0 new warnings, 0 fixed
        learners:
          path lora agi: 2 steps, 30 h → unavailable [head has errors]
          path prompting transformer: 3 steps, 19 h → unavailable [head has errors]
          path agi (from nothing known): 7 steps, 46 h → unavailable [head has errors]
          plans changed: not compared
        note: {NOT_COMPARED}
        result: introduces errors: 1 new error
        """)


def test_edge_closing_a_cycle_json(runner: CliRunner, repo: Path) -> None:
    """The cycle report as JSON, in full."""
    code, out = run_diff(runner, repo, with_cycle(), "json")
    assert code == 1
    cycle = {
        "path": HEAD, "line": 15, "column": 7, "concept": "agi", "field": "prerequisites",
        "message": "prerequisites form a cycle: agi → python → prompting → fine-tuning → lora → agi",
        "severity": "error",
    }  # fmt: skip
    assert json.loads(out) == report(
        breaks=True,
        changed=[{"concept": "python", "fields": ["prerequisites"]}],
        edges_added=[edge("agi", "python")],
        errors=[cycle],
        landmarks=landmarks(
            (size(2, 30), None, "head has errors"),
            (size(3, 19), None, "head has errors"),
            (size(7, 46), None, "head has errors"),
        ),
        replanned=None,
        notes=[NOT_COMPARED],
    )


RENAME_EDGES = dedent("""\
    edges: 2 added, 2 removed
      + fine-tuning → low-rank-adaptation: low-rank-adaptation builds on fine-tuning
      + low-rank-adaptation → agi: agi builds on low-rank-adaptation
      - fine-tuning → lora: lora builds on fine-tuning
      - lora → agi: agi builds on lora
    errors introduced: 0
    lint: 0 new warnings, 0 fixed
    learners:
    """)


def test_rename_without_alias_text(runner: CliRunner, repo: Path) -> None:
    """Renaming lora without keeping the old id breaks saved progress: exit 1."""
    code, out = run_diff(runner, repo, renamed_lora(keep_alias=False), "text")
    assert code == 1
    assert out == TITLE + dedent("""\
        concepts: 1 added, 1 removed, 0 renamed, 1 changed
          + low-rank-adaptation
          - lora: removed and not kept as an alias; saved progress and links break
          ~ agi: prerequisites
        """) + RENAME_EDGES + dedent("""\
          path lora agi: 2 steps, 30 h → unavailable ['lora' missing on head]
          path prompting transformer: 3 steps, 19 h → 3 steps, 19 h (no change)
          path agi (from nothing known): 7 steps, 46 h → 7 steps, 46 h (no change)
          plans changed: agi
        result: introduces errors: 1 removed id
        """)


def test_rename_with_alias_text(runner: CliRunner, repo: Path) -> None:
    """Renaming lora and keeping "LoRA" as an alias is clean; the landmark still resolves."""
    code, out = run_diff(runner, repo, renamed_lora(keep_alias=True), "text")
    assert code == 0
    assert out == TITLE + dedent("""\
        concepts: 0 added, 0 removed, 1 renamed, 1 changed
          > lora → low-rank-adaptation (old id kept as a name)
          ~ agi: prerequisites
        """) + RENAME_EDGES + dedent("""\
          path lora agi: 2 steps, 30 h → 2 steps, 30 h (no change)
          path prompting transformer: 3 steps, 19 h → 3 steps, 19 h (no change)
          path agi (from nothing known): 7 steps, 46 h → 7 steps, 46 h (no change)
          plans changed: agi
        result: clean
        """)


RENAME_JSON = {
    "changed": [{"concept": "agi", "fields": ["prerequisites"]}],
    "edges_added": [edge("fine-tuning", "low-rank-adaptation"), edge("low-rank-adaptation", "agi")],
    "edges_removed": [edge("fine-tuning", "lora"), edge("lora", "agi")],
    "replanned": ["agi"],
}


def test_rename_without_alias_json(runner: CliRunner, repo: Path) -> None:
    """The breaking rename as JSON, in full."""
    code, out = run_diff(runner, repo, renamed_lora(keep_alias=False), "json")
    assert code == 1
    assert json.loads(out) == report(
        breaks=True,
        added=["low-rank-adaptation"],
        removed=["lora"],
        landmarks=[
            {**UNCHANGED[0], "after": None, "note": "'lora' missing on head"},
            *UNCHANGED[1:],
        ],
        **RENAME_JSON,
    )


def test_rename_with_alias_json(runner: CliRunner, repo: Path) -> None:
    """The clean rename as JSON, in full."""
    code, out = run_diff(runner, repo, renamed_lora(keep_alias=True), "json")
    assert code == 0
    assert json.loads(out) == report(
        renamed=[{"old": "lora", "new": "low-rank-adaptation"}],
        landmarks=UNCHANGED,
        **RENAME_JSON,
    )


def test_hours_on_the_landmark_path_text(runner: CliRunner, repo: Path) -> None:
    """Two more hours on transformer: the same steps, two more hours on every landmark."""
    code, out = run_diff(runner, repo, ladder(transformer={"hours": 12}), "text")
    assert code == 0
    assert out == TITLE + dedent("""\
        concepts: 0 added, 0 removed, 0 renamed, 1 changed
          ~ transformer: hours
        edges: 0 added, 0 removed
        errors introduced: 0
        lint: 0 new warnings, 0 fixed
        learners:
          path lora agi: 2 steps, 30 h → 2 steps, 32 h (+0 steps, +2 h)
          path prompting transformer: 3 steps, 19 h → 3 steps, 21 h (+0 steps, +2 h)
          path agi (from nothing known): 7 steps, 46 h → 7 steps, 48 h (+0 steps, +2 h)
          plans changed: none
        result: clean
        """)


def test_hours_on_the_landmark_path_json(runner: CliRunner, repo: Path) -> None:
    """The hours change as JSON, in full."""
    code, out = run_diff(runner, repo, ladder(transformer={"hours": 12}), "json")
    assert code == 0
    assert json.loads(out) == report(
        changed=[{"concept": "transformer", "fields": ["hours"]}],
        landmarks=landmarks(
            (size(2, 30), size(2, 32), None),
            (size(3, 19), size(3, 21), None),
            (size(7, 46), size(7, 48), None),
        ),
    )


def test_markdown_for_the_job_summary(runner: CliRunner, repo: Path) -> None:
    """Markdown: verdict first, sections, and the learners' table."""
    code, out = run_diff(runner, repo, renamed_lora(keep_alias=False), "markdown")
    assert code == 1
    assert out == dedent("""\
        ## kgraph diff

        HEAD\\~1\\:graph/concepts\\.json → HEAD\\:graph/concepts\\.json: **❌ introduces errors: 1 removed id**

        ### Concepts: 1 added, 1 removed, 0 renamed, 1 changed

        - ➕ added `low-rank-adaptation`
        - ❌ removed `lora`: not kept as an alias, so saved progress and links break; add `"lora"` to the `aliases` of the concept that replaces it
        - ✏️ changed `agi`: prerequisites

        ### Edges: 2 added, 2 removed

        - ➕ `fine-tuning` → `low-rank-adaptation`: low-rank-adaptation builds on fine-tuning
        - ➕ `low-rank-adaptation` → `agi`: agi builds on low-rank-adaptation
        - ➖ `fine-tuning` → `lora`: lora builds on fine-tuning
        - ➖ `lora` → `agi`: agi builds on lora

        ### Errors introduced: 0

        ### Lint: 0 new warnings, 0 fixed

        ### Effect on learners

        | path | before | after | change |
        |---|---|---|---|
        | path lora agi | 2 steps, 30 h | unavailable | 'lora' missing on head |
        | path prompting transformer | 3 steps, 19 h | 3 steps, 19 h | no change |
        | path agi (from nothing known) | 7 steps, 46 h | 7 steps, 46 h | no change |

        Plans changed for 1 concept: `agi`
        """)


def test_files_and_revisions_mix(runner: CliRunner, repo: Path) -> None:
    """An existing file is read as a file, so HEAD can be compared with the working copy."""
    (repo / "graph" / "concepts.json").write_text(text_of(with_cycle()), encoding="utf-8")
    result = runner.invoke(main, ["diff", "HEAD", "graph/concepts.json"])
    assert result.exit_code == 1
    assert result.stdout.startswith("kgraph diff HEAD:graph/concepts.json → graph/concepts.json\n")


def test_path_option_reads_another_file(runner: CliRunner, repo: Path) -> None:
    """`--path` names the graph file inside the repository."""
    result = runner.invoke(main, ["diff", "HEAD", "HEAD", "--path", "graph/concepts.json"])
    assert (result.exit_code, result.stdout.splitlines()[-1]) == (0, "result: clean")
    result = runner.invoke(main, ["diff", "HEAD", "HEAD", "--path", "other.json"])
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: 'HEAD' is neither a file nor a git revision holding other.json:"
        " fatal: path 'other.json' does not exist in 'HEAD'\n"
    )


def test_unknown_revision_is_a_usage_error(runner: CliRunner, repo: Path) -> None:
    """An unknown revision exits 2 with git's reason on stderr and nothing on stdout."""
    result = runner.invoke(main, ["diff", "origin/main", "HEAD"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "Error: 'origin/main' is neither a file nor a git revision holding graph/concepts.json:"
        " fatal: invalid object name 'origin/main'.\n"
    )


def test_landmarks_are_an_option(runner: CliRunner, repo: Path) -> None:
    """``--landmark`` replaces the default paths: FROM:TO, or TO alone from nothing known."""
    commit_graph(repo, ladder(transformer={"hours": 12}), "change")
    args = ["diff", "HEAD~1", "HEAD", "--format", "json"]
    result = runner.invoke(main, [*args, "--landmark", "python:lora", "--landmark", "transformer"])
    assert result.exit_code == 0, result.output
    marks = json.loads(result.stdout)["landmarks"]
    assert [(m["source"], m["target"]) for m in marks] == [
        ("python", "lora"),
        (None, "transformer"),
    ]
    assert marks[1]["after"] == size(5, 25)

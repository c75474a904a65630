"""`validate`/`lint --format github`: each annotation lands on the exact line of the fixture.

tests/data/annotated.json is a canonical graph with five lint warnings at known lines; the
validation tests edit single lines of a copy (so no line moves) to plant errors at known lines.
The copy sits at ./graph/concepts.json, where the workflow finds it, so ``file=`` is the path a
pull request shows.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from kgraph.cli import main

if TYPE_CHECKING:
    from click.testing import CliRunner

FIXTURE = Path(__file__).parent / "data" / "annotated.json"
GRAPH = "graph/concepts.json"


def plant(edits: dict[int, tuple[str, str]]) -> None:
    """Copy the fixture to ./graph/concepts.json, replacing text on the given (1-based) lines."""
    lines = FIXTURE.read_text(encoding="utf-8").splitlines(keepends=True)
    for number, (old, new) in edits.items():
        assert old in lines[number - 1], (number, lines[number - 1])
        lines[number - 1] = lines[number - 1].replace(old, new)
    Path("graph").mkdir()
    Path(GRAPH).write_text("".join(lines), encoding="utf-8")


def test_fixture_is_valid_and_canonical(runner: CliRunner) -> None:
    """The fixture itself has no errors and is in canonical form (so its lines are stable)."""
    plant({})
    assert runner.invoke(main, ["validate", "--format", "github"]).stdout == ""
    assert runner.invoke(main, ["fmt", "--check"]).exit_code == 0


def test_lint_annotations_point_at_each_warning_line(runner: CliRunner) -> None:
    """Missing resources on agi's id, hours, the redundant edge, summary and rung inversion,
    and each concept's missing outcomes on its id.

    And the ladder's promise: rungs without a capstone (on the file's first line, as they are no
    concept's) and a use concept that drags in theory, with the chain.
    """
    plant({})
    result = runner.invoke(main, ["lint", "--format", "github"])
    assert result.exit_code == 0
    no_capstone = (
        "has no capstone project; add one (kind: project, capstone: true) that proves the rung"
    )
    assert result.stdout.splitlines() == [
        *(
            f"::warning file={GRAPH},line=1,col=1::field 'capstone': the {rung} rung {no_capstone}"
            for rung in ("frontier", "tune", "use")
        ),
        no_outcomes("agi", 5),
        f"::warning file={GRAPH},line=5,col=7::concept 'agi': field 'resources': no resources;"
        " add one real source (paper, docs, course or book)",
        f"::warning file={GRAPH},line=11,col=7::concept 'agi': field 'hours': 500 hours is"
        " implausible; estimate between 0.5 and 200",
        no_outcomes("lora", 21),
        f"::warning file={GRAPH},line=36,col=11::concept 'lora': field 'prerequisites[1]':"
        " redundant edge python → lora: machine-learning already needs python; remove 'python'"
        " from its prerequisites",
        no_outcomes("machine-learning", 50),
        no_outcomes("prompting", 73),
        f"::warning file={GRAPH},line=78,col=7::concept 'prompting': field 'summary': summary has"
        " 10 characters; write one to three sentences, 40-400",
        f"::warning file={GRAPH},line=80,col=7::concept 'prompting': field 'prerequisites': a use"
        " concept needs theory: machine-learning → lora → agi → prompting; a use concept needs only"
        " programming basics and other use concepts: cut the edge that brings in machine-learning,"
        " or need a light counterpart on use instead",
        f"::warning file={GRAPH},line=82,col=11::concept 'prompting': field 'prerequisites[0]':"
        " rung inversion: prerequisite 'agi' is on frontier, above use; move one of them or drop"
        " the edge",
        no_outcomes("python", 96),
    ]


def no_outcomes(cid: str, line: int) -> str:
    """The warning for a concept without outcomes: on the line of its id."""
    return (
        f"::warning file={GRAPH},line={line},col=7::concept '{cid}': field 'outcomes': no outcomes;"
        ' add 1-3 checkable "You can ..." statements in English'
    )


def test_lint_strict_fails_on_the_warnings(runner: CliRunner) -> None:
    """With --strict the same annotations come with exit 1, so a workflow step can fail."""
    plant({})
    result = runner.invoke(main, ["lint", "--format", "github", "--strict"])
    assert result.exit_code == 1
    assert result.stdout.count("::warning ") == 14


def test_validate_annotations_point_at_each_error_line(runner: CliRunner) -> None:
    """An unknown prerequisite, an http URL and negative hours, each on the line edited."""
    plant({14: ('"lora"', '"lorra"'), 66: ("https://", "http://"), 102: ("10", "-10")})
    result = runner.invoke(main, ["validate", "--format", "github"])
    assert result.exit_code == 1
    assert result.stdout == (
        f"::error file={GRAPH},line=14,col=11::concept 'agi': field 'prerequisites[0].id':"
        " unknown prerequisite 'lorra'; did you mean lora?\n"
        f"::error file={GRAPH},line=66,col=11::concept 'machine-learning': field"
        " 'resources[0].url': must be an https:// address\n"
        f"::error file={GRAPH},line=102,col=7::concept 'python': field 'hours': input should be"
        " greater than 0\n"
    )


def test_validate_annotation_for_broken_json(runner: CliRunner) -> None:
    """A missing comma is reported where JSON parsing stopped, with line and column."""
    plant({14: ('"lora",', '"lora"')})
    result = runner.invoke(main, ["validate", "--format", "github"])
    assert result.exit_code == 1
    assert result.stdout == (
        f"::error file={GRAPH},line=15,col=11::invalid JSON: Expecting ',' delimiter\n"
    )

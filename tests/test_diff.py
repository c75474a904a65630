"""`kgraph.diff`: comparing two graphs, and reading one at a git revision."""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import subprocess
from typing import TYPE_CHECKING, Any

import pytest

from kgraph.diff import (
    Change,
    Edge,
    GraphDiff,
    Landmark,
    PathSize,
    Rename,
)
from kgraph.diff import compare as compare_on
from kgraph.errors import InputError
from kgraph.gitrev import read_revision, read_side
from kgraph.graph import KGraph
from kgraph.model import Concept, GraphFile
from kgraph.parsing import parse
from kgraph.queries import learning_path
from kgraph.render.diff import render_diff
from kgraph.render.markdown import md_text
from kgraph.store import dump
from tests.helpers import make_concept

if TYPE_CHECKING:
    from pathlib import Path

    from kgraph.parsing import Parsed

LANDMARKS = (("lora", "agi"), ("prompting", "transformer"), (None, "agi"))


def compare(base: Parsed, head: Parsed) -> GraphDiff:
    """`kgraph.diff.compare` on the landmarks this ladder holds."""
    return compare_on(base, head, LANDMARKS)


needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def ladder(**changes: dict[str, Any]) -> list[Concept]:
    """A seven-concept ladder holding every landmark; *changes* override fields per id."""
    rows: list[tuple[str, str, str, float, tuple[str, ...]]] = [
        ("python", "Python", "foundations", 2, ()),
        ("linear-algebra", "Linear algebra", "foundations", 4, ()),
        ("prompting", "Prompting", "use", 2, ("python",)),
        ("fine-tuning", "Fine-tuning", "tune", 5, ("linear-algebra", "prompting")),
        ("lora", "LoRA", "tune", 3, ("fine-tuning",)),
        ("transformer", "Transformer", "repair", 10, ("fine-tuning",)),
        ("agi", "AGI", "frontier", 20, ("lora", "transformer")),
    ]
    concepts = []
    for cid, name, level, hours, prerequisites in rows:
        fields: dict[str, Any] = {"name": name, "level": level, "hours": hours}
        fields["prerequisites"] = prerequisites
        fields["outcomes"] = (f"You can put {name} to work.",)
        fields.update(changes.get(cid, {}))
        concepts.append(make_concept(fields.pop("id", cid), **fields))
    return concepts


def text_of(concepts: list[Concept]) -> str:
    return dump(GraphFile(concepts=tuple(concepts)))


def parsed(concepts: list[Concept], label: str) -> Any:
    return parse(text_of(concepts), label)


def renamed_lora(*, keep_alias: bool) -> list[Concept]:
    """The ladder with lora renamed low-rank-adaptation, keeping "LoRA" as an alias or not."""
    aliases = ("LoRA",) if keep_alias else ()
    lora = {"id": "low-rank-adaptation", "name": "Low-rank adaptation", "aliases": aliases}
    return ladder(lora=lora, agi={"prerequisites": ("low-rank-adaptation", "transformer")})


def with_attention() -> list[Concept]:
    """The ladder plus attention (no resources) between linear algebra and the transformer."""
    attention = make_concept(
        "attention",
        level="repair",
        hours=6,
        prerequisites=["linear-algebra"],
        resources=(),
        outcomes=("You can compute attention by hand.",),
    )
    return [
        *ladder(transformer={"prerequisites": ("attention", "fine-tuning")}),
        attention,
    ]


def with_cycle() -> list[Concept]:
    """The ladder with an edge agi → python, which closes a cycle."""
    return ladder(python={"prerequisites": ("agi",)})


def git(repo: Path, *args: str) -> str:
    """Run git in *repo*; fail the test with git's message if it fails."""
    done = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


def init_repo(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A git repository in *repo*, isolated from the user's git configuration."""
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.name", "Test Contributor")
    git(repo, "config", "user.email", "contributor@example.org")
    git(repo, "config", "commit.gpgsign", "false")


def commit_graph(repo: Path, concepts: list[Concept], message: str) -> None:
    """Write *concepts* canonically to graph/concepts.json and commit them."""
    path = repo / "graph" / "concepts.json"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text_of(concepts), encoding="utf-8")
    git(repo, "add", "graph/concepts.json")
    git(repo, "commit", "-q", "-m", message)


def test_identical_graphs_have_no_difference() -> None:
    """Comparing a graph with itself finds nothing and every landmark unchanged."""
    diff = compare(parsed(ladder(), "a"), parsed(ladder(), "b"))
    assert (diff.added, diff.removed, diff.renamed, diff.changed) == ((), (), (), ())
    assert (diff.edges_added, diff.edges_removed, diff.errors) == ((), (), ())
    assert diff.replanned == ()
    assert not diff.breaks
    assert diff.landmarks == (
        Landmark("lora", "agi", PathSize(2, 30), PathSize(2, 30), None),
        Landmark("prompting", "transformer", PathSize(3, 19), PathSize(3, 19), None),
        Landmark(None, "agi", PathSize(7, 46), PathSize(7, 46), None),
    )


def test_added_concept_reports_edges_warning_and_longer_paths() -> None:
    """A new concept shows up with its edges, its new lint warning and longer landmark paths."""
    diff = compare(parsed(ladder(), "base"), parsed(with_attention(), "head"))
    assert diff.added == ("attention",)
    assert diff.changed == (Change("transformer", ("prerequisites",)),)
    assert diff.edges_added == (
        Edge("attention", "transformer", "transformer builds on attention"),
        Edge("linear-algebra", "attention", "attention builds on linear-algebra"),
    )
    assert [(p.concept, p.field) for p in diff.warnings_added] == [("attention", "resources")]
    assert diff.warnings_fixed == ()
    assert [(m.before, m.after) for m in diff.landmarks] == [
        (PathSize(2, 30), PathSize(3, 36)),
        (PathSize(3, 19), PathSize(4, 25)),
        (PathSize(7, 46), PathSize(8, 52)),
    ]
    assert diff.replanned == ("agi", "transformer")
    assert not diff.breaks


def test_removing_the_concept_fixes_its_warning() -> None:
    """The reverse change reports the warning as fixed and the concept as removed."""
    diff = compare(parsed(with_attention(), "base"), parsed(ladder(), "head"))
    assert diff.removed == ("attention",)
    assert [(p.concept, p.field) for p in diff.warnings_fixed] == [("attention", "resources")]
    assert diff.breaks


def test_cycle_is_an_error_and_skips_plans() -> None:
    """An edge closing a cycle is a new error naming the cycle; plans are not compared."""
    diff = compare(parsed(ladder(), "base"), parsed(with_cycle(), "head"))
    assert [p.message for p in diff.errors] == [
        "prerequisites form a cycle: agi → python → prompting → fine-tuning → lora → agi"
    ]
    assert diff.replanned is None
    assert diff.notes == ("lint and plans not compared: head (head) has errors",)
    assert {m.note for m in diff.landmarks} == {"head has errors"}
    assert diff.breaks


def test_errors_already_in_base_are_not_new() -> None:
    """A cycle present on both sides is not reported as introduced, wherever its line moves."""
    head = with_cycle()
    head[1] = head[1]._replace(hours=9.0)
    diff = compare(parsed(with_cycle(), "base"), parsed(head, "head"))
    assert diff.errors == ()
    assert not diff.breaks


def test_rename_without_alias_breaks_saved_progress() -> None:
    """An id that no longer resolves is removed: the change breaks, the landmark says why."""
    diff = compare(parsed(ladder(), "base"), parsed(renamed_lora(keep_alias=False), "head"))
    assert (diff.removed, diff.added, diff.renamed) == (("lora",), ("low-rank-adaptation",), ())
    assert diff.landmarks[0] == Landmark(
        "lora", "agi", PathSize(2, 30), None, "'lora' missing on head"
    )
    assert diff.breaks


def test_rename_keeping_the_alias_is_clean() -> None:
    """An old id kept as an alias is a rename, and the landmark still plans through it."""
    diff = compare(parsed(ladder(), "base"), parsed(renamed_lora(keep_alias=True), "head"))
    assert diff.renamed == (Rename("lora", "low-rank-adaptation"),)
    assert (diff.removed, diff.added) == ((), ())
    assert diff.landmarks[0] == Landmark("lora", "agi", PathSize(2, 30), PathSize(2, 30), None)
    assert diff.replanned == ("agi",)
    assert not diff.breaks


def test_merge_into_an_existing_concept_is_a_rename() -> None:
    """Folding lora into fine-tuning (as its alias) is a rename to an existing concept."""
    merged = {"fine-tuning": {"aliases": ("lora",)}, "agi": {"prerequisites": ("fine-tuning",)}}
    head = [c for c in ladder(**merged) if c.id != "lora"]
    diff = compare(parsed(ladder(), "base"), parsed(head, "head"))
    assert diff.renamed == (Rename("lora", "fine-tuning"),)
    assert Change("fine-tuning", ("aliases",)) in diff.changed
    assert not diff.breaks


def test_hours_change_moves_landmark_hours_only() -> None:
    """Changing hours changes the totals, not any plan's steps."""
    diff = compare(parsed(ladder(), "b"), parsed(ladder(transformer={"hours": 12}), "h"))
    assert diff.changed == (Change("transformer", ("hours",)),)
    assert [m.after for m in diff.landmarks] == [PathSize(2, 32), PathSize(3, 21), PathSize(7, 48)]
    assert diff.replanned == ()


def test_missing_landmark_is_reported_not_fatal() -> None:
    """A side without prompting says so for that landmark and still compares the rest."""
    small = [make_concept("lora", level="tune"), make_concept("agi", prerequisites=["lora"])]
    diff = compare(parsed(ladder(), "base"), parsed(small, "head"))
    assert diff.landmarks[1].note == "'prompting' and 'transformer' missing on head"
    assert diff.landmarks[1].before == PathSize(3, 19)
    assert diff.landmarks[0].after == PathSize(1, 1)


def test_a_landmark_neither_side_knows_is_left_out() -> None:
    """Another repository's graph gets no rows for landmarks that are not its concepts."""
    small = [make_concept("lora", level="tune"), make_concept("agi", prerequisites=["lora"])]
    diff = compare(parsed(small, "base"), parsed(small, "head"))
    assert [(m.source, m.target) for m in diff.landmarks] == [("lora", "agi"), (None, "agi")]
    assert compare_on(parsed(small, "base"), parsed(small, "head")).landmarks == ()


def test_unreadable_side_compares_no_concepts() -> None:
    """Broken JSON on either side: its error is reported, no concept is claimed removed."""
    diff = compare(parsed(ladder(), "base"), parse(text_of(ladder())[:-3], "head"))
    assert (diff.added, diff.removed, diff.edges_removed) == ((), (), ())
    assert [p.message for p in diff.errors] == ["invalid JSON: Expecting ',' delimiter"]
    assert diff.notes == (
        "concepts and edges not compared: head (head) is not a readable graph",
        "lint and plans not compared: head (head) has errors",
    )
    assert diff.replanned is None
    assert diff.breaks
    assert compare(parse("{", "base"), parsed(ladder(), "head")).errors == ()


def test_concept_with_a_schema_error_is_not_removed() -> None:
    """A concept still in the file but invalid is an error, not a removal with lost edges."""
    text = text_of(ladder()).replace('"hours": 3,', '"hours": "3",')
    diff = compare(parsed(ladder(), "base"), parse(text, "head"))
    assert (diff.removed, diff.edges_removed, diff.changed) == ((), (), ())
    assert [(p.concept, p.field) for p in diff.errors] == [("lora", "hours")]


@pytest.mark.parametrize(
    "head",
    [
        with_attention(),
        renamed_lora(keep_alias=True),
        ladder(transformer={"hours": 12}),
        ladder(lora={"level": "repair"}),
        ladder(prompting={"prerequisites": ()}),
    ],
    ids=["added", "renamed", "hours", "rung", "edge"],
)
def test_replanned_matches_planning_every_concept(head: list[Concept]) -> None:
    """Planning only downstream of what changed finds exactly what planning everything finds."""
    base_kg, head_kg = KGraph(ladder()), KGraph(head)
    every = sorted(base_kg.concepts.keys() & head_kg.concepts.keys())
    expected = tuple(
        cid
        for cid in every
        if [s.concept.id for s in learning_path(base_kg, cid).steps]
        != [s.concept.id for s in learning_path(head_kg, cid).steps]
    )
    assert compare(parsed(ladder(), "base"), parsed(head, "head")).replanned == expected


def _positionless(report: str) -> str:
    report = re.sub(r"head:\d+:\d+|line \d+", "L:C", report)
    return re.sub(r'"(line|column)": \d+', r'"\1": 0', report)


def test_shuffled_head_gives_the_same_report() -> None:
    """The order of concepts and prerequisites in the file changes nothing but positions."""
    shuffled = with_attention()
    random.Random(3).shuffle(shuffled)
    docs = [c.to_json() | {"prerequisites": c.to_json()["prerequisites"][::-1]} for c in shuffled]
    head_text = json.dumps({"$schema": "concepts.schema.json", "concepts": docs}, indent=1)
    assert head_text != text_of(with_attention())
    base = parsed(ladder(), "base")
    first = compare(base, parsed(with_attention(), "head"))
    second = compare(base, parse(head_text, "head"))
    for fmt in ("text", "json", "markdown"):
        assert _positionless(render_diff(first, fmt)) == _positionless(render_diff(second, fmt))


def test_markdown_escapes_hostile_text() -> None:
    """HTML, table pipes, code ticks and mentions in a `why` reach GitHub as plain text."""
    assert md_text("<img src=x onerror=alert(1)> | `x` @octocat\n# h") == (
        "\\<img src\\=x onerror\\=alert\\(1\\)\\> \\| \\`x\\` \\@octocat \\# h"
    )


@needs_git
def test_read_revision_reads_each_commit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`read_revision` returns the file as committed at each revision."""
    init_repo(tmp_path, monkeypatch)
    commit_graph(tmp_path, ladder(), "base")
    commit_graph(tmp_path, with_attention(), "head")
    assert read_revision("HEAD~1", "graph/concepts.json") == text_of(ladder())
    assert read_revision("HEAD", "graph/concepts.json", cwd=tmp_path) == text_of(with_attention())
    assert read_side("HEAD~1").path == "HEAD~1:graph/concepts.json"
    assert read_side("graph/concepts.json").path == "graph/concepts.json"


@needs_git
@pytest.mark.parametrize(
    ("rev", "path", "reason"),
    [
        ("nope", "graph/concepts.json", "fatal: invalid object name 'nope'."),
        ("HEAD", "graph/other.json", "fatal: path 'graph/other.json' does not exist in 'HEAD'"),
    ],
)
def test_read_revision_explains_git_failures(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rev: str, path: str, reason: str
) -> None:
    """An unknown revision or file becomes an InputError carrying git's own reason."""
    init_repo(tmp_path, monkeypatch)
    commit_graph(tmp_path, ladder(), "base")
    with pytest.raises(InputError) as caught:
        read_revision(rev, path)
    assert (
        str(caught.value)
        == f"{rev!r} is neither a file nor a git revision holding {path}: {reason}"
    )


@needs_git
def test_read_revision_outside_a_repository(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Outside a repository, the message says a revision was expected and git's reason."""
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    with pytest.raises(
        InputError, match=r"^'main' is neither a file nor a git revision .*: fatal:"
    ):
        read_revision("main", "graph/concepts.json", cwd=tmp_path)


def test_read_revision_refuses_option_like_revisions() -> None:
    """A revision starting with "-" is never handed to git, where it would be an option."""
    with pytest.raises(InputError, match=r"^'--output=x' is neither a file nor a git revision$"):
        read_revision("--output=x", "graph/concepts.json")


def test_read_revision_without_git(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without git installed, the message says so instead of failing obscurely."""
    monkeypatch.setattr(shutil, "which", lambda _: None)
    with pytest.raises(InputError, match="git is not installed"):
        read_revision("HEAD", "graph/concepts.json")


@needs_git
def test_read_revision_rejects_non_utf8(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A committed file that is not UTF-8 is an InputError naming the bad byte."""
    init_repo(tmp_path, monkeypatch)
    (tmp_path / "bad.json").write_bytes(b'{"a": "\xff"}')
    git(tmp_path, "add", "bad.json")
    git(tmp_path, "commit", "-q", "-m", "bad")
    with pytest.raises(InputError, match=r"^HEAD:bad.json: not UTF-8 text \(byte 7 is 0xff\)$"):
        read_revision("HEAD", "bad.json")


def test_hostile_why_is_escaped_in_every_format() -> None:
    """A `why` cannot move the terminal cursor, inject HTML, reverse text or mention people."""
    hostile = "\x1b[2J<script>alert(1)</script> @all | `x` \u202egnp.exe \x9b31m\x85"
    head = ladder()
    head[2] = head[2]._replace(prerequisites=(head[2].prerequisites[0]._replace(why=hostile),))
    diff = compare(parsed(ladder(), "base"), parsed(head, "head"))
    outputs = {fmt: render_diff(diff, fmt) for fmt in ("text", "json", "markdown")}
    for fmt, out in outputs.items():  # no raw C0, C1 or bidi control reaches any reader
        assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", out), fmt
    assert (
        "  + python → prompting: \\x1b[2J<script>alert(1)</script> @all | `x` \\u202egnp.exe"
        " \\x9b31m\\x85\n"
    ) in outputs["text"]
    assert "<script>" not in outputs["markdown"]
    assert (
        "- ➕ `python` → `prompting`: \\\\x1b\\[2J\\<script\\>alert\\(1\\)\\</script\\>"
        " \\@all \\| \\`x\\` \\\\u202egnp\\.exe \\\\x9b31m\n"
    ) in outputs["markdown"]
    why = json.loads(outputs["json"])["edges_added"]
    assert '"why": "\\u001b[2J<script>' in outputs["json"]
    assert "\\u202e" in outputs["json"]
    assert "\\u009b" in outputs["json"]
    assert why[0]["why"] == hostile  # escaped, yet the same text


def test_read_revision_when_git_hangs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A git that does not answer in time is an InputError, not a hung command."""

    def hang(*_: object, **__: object) -> None:
        raise subprocess.TimeoutExpired(cmd="git show", timeout=60)

    monkeypatch.setattr(subprocess, "run", hang)
    with pytest.raises(InputError, match=r"^cannot run git to read HEAD:graph/concepts.json: "):
        read_revision("HEAD", "graph/concepts.json")


def test_markdown_says_when_plans_are_not_compared() -> None:
    """With a cycle on head, the markdown report says plans were not compared, and why."""
    markdown = render_diff(
        compare(parsed(ladder(), "base"), parsed(with_cycle(), "head")), "markdown"
    )
    assert markdown.endswith(
        "\nPlans not compared.\n\n> lint and plans not compared\\: head \\(head\\) has errors\n"
    )

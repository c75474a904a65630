"""Fuzzing the loader and the CLI: bad input never crashes, never shows a traceback.

Inputs are arbitrary JSON values, byte-level mutations and truncations of a real graph text (a
30-concept slice of graph/concepts.json, prerequisite-closed, built once), and structural
mutations of it: fields dropped, wrong types, extra and duplicate keys, duplicate ids, cycles,
huge strings, numbers and deep nesting (up to 100,000 nested arrays), lone surrogates.

For every input: `parse` and `validate` never raise; `load_graph` succeeds or raises a
`KgraphError`; ``kgraph validate`` and ``kgraph path`` exit 0, 1 or 2 with a message and no
traceback, and ``validate`` exits 0 exactly when `load_graph` succeeds. The ``ci`` progress_file runs
many more examples (`EXAMPLES`).
"""

from __future__ import annotations

import copy
import functools
import json
import os
from typing import TYPE_CHECKING, Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kgraph.cli import main
from kgraph.errors import KgraphError
from kgraph.load import load_graph
from kgraph.model import CONCEPT_KEYS
from kgraph.parsing import parse
from kgraph.validation import validate
from tests.conftest import SHIPPED

if TYPE_CHECKING:
    from pathlib import Path

SLICE = 30
CI = os.environ.get("HYPOTHESIS_PROFILE") == "ci"
EXAMPLES = 1_500 if CI else 60
FUZZ = settings(max_examples=EXAMPLES, suppress_health_check=[HealthCheck.too_slow])
RUNNER = CliRunner()
# Past 4,300 digits json.loads raises a plain ValueError, which the loader reports as a problem.
MAX_DIGITS = 5_000


@functools.cache
def slice_doc() -> dict[str, Any]:
    """The first concepts of the shipped graph in learning order: every prerequisite included."""
    kg = load_graph(SHIPPED)
    keep = set(kg.learning_order(kg.concepts)[:SLICE])
    doc = json.loads(SHIPPED.read_text(encoding="utf-8"))
    return {"$schema": doc["$schema"], "concepts": [c for c in doc["concepts"] if c["id"] in keep]}


@functools.cache
def slice_text() -> str:
    return json.dumps(slice_doc(), indent=2, ensure_ascii=False) + "\n"


@functools.cache
def ends() -> tuple[str, str]:
    """A source and a target of the slice, for ``kgraph path``."""
    kg = load_graph(SHIPPED)
    order = kg.learning_order({c["id"] for c in slice_doc()["concepts"]})
    return order[0], order[-1]


@pytest.fixture(scope="session")
def fuzz_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz") / "concepts.json"


def check(data: bytes, path: Path) -> None:
    """The properties every input must have, through the library and the CLI."""
    path.write_bytes(data)
    try:
        load_graph(path)  # reads, parses and validates: any other exception fails the test
        loads = True
    except KgraphError:
        loads = False
    source, target = ends()
    for args in (["validate"], ["path", source, target]):
        result = RUNNER.invoke(main, [*args, "--graph", str(path)])
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            args, repr(result.exception))  # fmt: skip
        assert result.exit_code in {0, 1, 2}, args
        assert "Traceback" not in result.output
        assert result.exit_code == 0 or result.output.strip(), args
        if args == ["validate"]:
            assert (result.exit_code == 0) == loads, result.output[:500]


def test_the_slice_is_a_valid_graph(fuzz_file):
    assert len(slice_doc()["concepts"]) == SLICE
    check(slice_text().encode("utf-8"), fuzz_file)
    assert validate(parse(slice_text(), "g")) == ()


# ---- arbitrary JSON values -------------------------------------------------------------------

scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20)
json_values = st.recursive(
    scalars,
    lambda kids: (
        st.lists(kids, max_size=4) | st.dictionaries(st.text(max_size=8), kids, max_size=4)
    ),
    max_leaves=20,
)
concept_like = st.fixed_dictionaries(
    {}, optional={key: json_values for key in (*CONCEPT_KEYS, "bogus")}
) | st.builds(lambda c, extra: {**c, **extra}, st.sampled_from(slice_doc()["concepts"]),
              st.dictionaries(st.sampled_from(CONCEPT_KEYS), json_values, max_size=2))  # fmt: skip
documents = st.one_of(
    json_values,
    json_values.map(lambda v: {"concepts": v}),
    st.lists(concept_like, max_size=4).map(
        lambda cs: {"$schema": "concepts.schema.json", "concepts": cs}
    ),
)


@FUZZ
@given(documents, st.booleans())
def test_arbitrary_json_never_crashes(fuzz_file, doc, ascii_only):
    check(json.dumps(doc, ensure_ascii=ascii_only).encode("utf-8"), fuzz_file)


# ---- byte mutations and truncations of a real graph text --------------------------------------

STRUCTURAL = b'{}[]:,"\\'
INSERTS = st.sampled_from([*STRUCTURAL, *b"0-9e.aNI \n\t\x00\x7f\xc3\xff"]) | st.integers(0, 255)


@st.composite
def mutated_bytes(draw: st.DrawFn) -> bytes:
    data = bytearray(slice_text().encode("utf-8"))
    structural = [i for i, b in enumerate(data) if b in STRUCTURAL]
    for _ in range(draw(st.integers(1, 6))):
        op = draw(st.sampled_from(["flip", "insert", "delete", "truncate", "splice"]))
        at = draw(st.sampled_from(structural) | st.integers(0, max(len(data) - 1, 0)))
        at = min(at, len(data))
        if op == "flip" and data and at < len(data):
            data[at] = draw(INSERTS)
        elif op == "insert":
            data[at:at] = bytes(draw(st.lists(INSERTS, min_size=1, max_size=4)))
        elif op == "delete":
            del data[at : at + draw(st.integers(1, 40))]
        elif op == "truncate":
            del data[at:]
        else:  # copy a stretch elsewhere: duplicated keys, objects and brackets
            size = draw(st.integers(1, 200))
            data[draw(st.integers(0, len(data))) : 0] = data[at : at + size]
    return bytes(data)


@FUZZ
@given(mutated_bytes())
def test_byte_mutations_never_crash(fuzz_file, data):
    check(data, fuzz_file)


# ---- structural mutations ----------------------------------------------------------------------

DEPTHS = [10, 500, 990, 1_000, 5_000, 100_000]


def _deep(depth: int) -> str:
    return "[" * depth + "]" * depth


@st.composite
def mutated_docs(draw: st.DrawFn) -> str:
    """The slice with a few structural mutations, then a few textual ones."""
    doc = copy.deepcopy(slice_doc())
    concepts = doc["concepts"]
    for _ in range(draw(st.integers(1, 4))):
        _mutate(draw, doc, draw(st.sampled_from(concepts)) if concepts else {})
    text = json.dumps(
        doc, indent=draw(st.sampled_from([None, 1, 2])), ensure_ascii=draw(st.booleans())
    )
    for _ in range(draw(st.integers(0, 2))):
        text = _splice(draw, text)
    return text


def _mutate(draw: st.DrawFn, doc: dict[str, Any], concept: dict[str, Any]) -> None:
    ids = [c["id"] for c in doc["concepts"] if isinstance(c.get("id"), str)]
    op = draw(st.sampled_from(["drop", "type", "extra", "dup-id", "cycle", "self", "unknown",
                               "huge", "prereq", "top", "concepts"]))  # fmt: skip
    keys = sorted(concept) or ["id"]
    if op == "drop" and concept:
        del concept[draw(st.sampled_from(keys))]
    elif op == "type":
        concept[draw(st.sampled_from(keys))] = draw(json_values)
    elif op == "extra":
        concept[draw(st.text(max_size=10))] = draw(json_values)
    elif op == "dup-id" and ids:
        concept["id"] = draw(st.sampled_from(ids))
    elif op in {"cycle", "self", "unknown"} and ids:
        target = {"cycle": ids[-1], "self": concept.get("id"), "unknown": "no-such-concept"}[op]
        prereqs = concept.get("prerequisites")
        concept["prerequisites"] = [
            *(prereqs if isinstance(prereqs, list) else []),
            {"id": target, "why": "fuzz"},
        ]
    elif op == "huge":
        concept[draw(st.sampled_from(keys))] = "x" * draw(st.sampled_from([10_000, 1_000_000]))
    elif op == "prereq":
        concept["prerequisites"] = draw(
            st.lists(json_values | st.builds(dict, id=st.text(max_size=5)), max_size=3)
        )
    elif op == "top":
        doc[draw(st.sampled_from(["$schema", "extra", ""]))] = draw(json_values)
    else:
        doc["concepts"] = (
            draw(st.lists(st.sampled_from(doc["concepts"]), max_size=40)) if ids else []
        )


def _splice(draw: st.DrawFn, text: str) -> str:
    """Text-level mutations json.dumps cannot make: duplicate keys, deep nesting, odd literals."""
    spots = [i + 1 for i, ch in enumerate(text) if ch in "[{:,"] or [0]
    at = draw(st.sampled_from(spots))
    insert = draw(st.sampled_from([
        '"id": "dup", "id": "dup", ',
        '"name": "n", ',
        " " + _deep(draw(st.sampled_from(DEPTHS))) + ", ",
        f" {'9' * draw(st.sampled_from(sorted({1, 17, 310, 4_300, MAX_DIGITS})))}, ",
        " -1e999, ", " NaN, ", " Infinity, ", " 1e-999, ",
        ' "\\ud800 lone surrogate", ',
        ' "\\u0000\\u001b[31m", ',
        "\ufeff", "\x00", "}", "]",
    ]))  # fmt: skip
    return text[:at] + insert + text[at:]


@FUZZ
@given(mutated_docs())
def test_structural_mutations_never_crash(fuzz_file, text):
    check(text.encode("utf-8", "surrogatepass"), fuzz_file)


@pytest.mark.parametrize("depth", DEPTHS)
def test_deep_nesting_is_a_located_problem(fuzz_file, depth):
    """100,000 nested arrays make json recurse too deeply: a problem, never RecursionError."""
    for text in (_deep(depth), '{"concepts": [' + _deep(depth) + "]}"):
        check(text.encode(), fuzz_file)
        problems = validate(parse(text, "g.json"))
        assert problems
        if depth >= 1_000:
            assert [str(p) for p in problems] == ["g.json:1:1: invalid JSON: nested too deeply"]


# ---- crashes the fuzzing found, fixed in the loader ----


def test_a_number_of_5000_digits_is_a_located_problem(fuzz_file):
    text = '{"concepts": [\n  ' + "1" * 5_000 + "]}"
    [problem] = parse(text, "g.json").problems
    assert (problem.line, problem.column) == (2, 3)
    assert "number" in problem.message


def test_a_lone_surrogate_is_a_validation_error(fuzz_file):
    doc = copy.deepcopy(slice_doc())
    doc["concepts"][0]["name"] = "\ud800"
    fuzz_file.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(KgraphError, match="lone surrogate"):
        load_graph(fuzz_file)

"""Reading, locating problems, canonical dumping and atomic writing of graph files."""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path

import pytest

from kgraph.errors import InputError
from kgraph.model import GraphFile
from kgraph.parsing import parse
from kgraph.store import (
    content_digest,
    digest,
    dump,
    packaged_graph_path,
    read_text,
    resolve_graph_path,
    write_atomic,
)
from tests.conftest import small_concepts

BAD = """{"$schema": "concepts.schema.json", "extra": 1, "concepts": [
 {"id": "a", "name": "A", "level": "foundations", "category": "math",
  "summary": "S.", "hours": 2, "hours": 3},
 {"id": "b", "name": "", "level": "foundation", "category": "math",
  "summary": "S.", "hours": -1},
 {"id": "c", "name": "C", "level": "use", "category": "math", "summary": "S.",
  "hours": NaN, "bogus": true,
  "resources": [{"title": "t", "url": "http://x.org", "kind": "docs", "free": true}]}
]}
"""


def messages(text: str) -> list[str]:
    return [str(p) for p in parse(text, "g.json").problems]


def test_every_schema_problem_is_reported_with_line_and_column():
    assert messages(BAD) == [
        "g.json:1:37: field 'extra': unknown key",
        "g.json:3:32: field 'hours': duplicate key 'hours' in one object",
        "g.json:4:14: concept 'b': field 'name': must not be empty",
        "g.json:4:26: concept 'b': field 'level': input should be 'foundations', 'use', 'tune',"
        " 'repair', 'build' or 'frontier'",
        "g.json:5:20: concept 'b': field 'hours': input should be greater than 0",
        "g.json:7:3: concept 'c': field 'hours': input should be a finite number",
        "g.json:7:12: NaN is not valid JSON (numbers must be finite)",
        "g.json:7:17: concept 'c': field 'bogus': unknown key",
        "g.json:8:32: concept 'c': field 'resources[0].url': must be an https:// address",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "g.json:1:1: the file is empty"),
        ("  \n", "g.json:1:1: the file is empty"),
        ('{"concepts": [', "g.json:1:15: invalid JSON: Expecting value"),
        ("[1, 2]", "g.json:1:1: the top level must be an object with 'concepts'"),
        ("{}", "g.json:1:1: field 'concepts': missing"),
        ('{"concepts": {}}', "g.json:1:2: field 'concepts': must be a list of concepts"),
        ('{"concepts": [], "$schema": 3}', "g.json:1:18: field '$schema': must be a string"),
        ("[" * 100_000, "g.json:1:1: invalid JSON: nested too deeply"),
        (
            '{"concepts": [Infinity]}',
            "g.json:1:15: Infinity is not valid JSON (numbers must be finite)",
        ),
    ],
)
def test_broken_files_give_one_located_problem(text: str, expected: str):
    assert messages(text)[0] == expected


def test_wrong_types_are_not_coerced():
    concept = {
        "id": "a",
        "name": 3,
        "level": "use",
        "category": "ml",
        "summary": "S",
        "hours": "6",
        "resources": [{"title": "t", "url": "https://x.org/", "kind": "docs", "free": "yes"}],
    }
    found = {p.field for p in parse(json.dumps({"concepts": [concept]}), "g").problems}
    assert found == {"name", "hours", "resources[0].free"}


def test_urls_with_credentials_or_spaces_are_rejected():
    for url in ["https://user:pw@x.org/", "https://x.org/a b", "javascript:alert(1)", "https://"]:
        concept = {
            "id": "a",
            "name": "A",
            "level": "use",
            "category": "ml",
            "summary": "S",
            "hours": 1,
            "resources": [{"title": "t", "url": url, "kind": "docs", "free": True}],
        }
        problems = parse(json.dumps({"concepts": [concept]}), "g").problems
        assert [p.field for p in problems] == ["resources[0].url"], url


def test_dump_is_canonical_and_round_trips():
    graph = GraphFile(concepts=tuple(reversed(small_concepts())))
    text = dump(graph)
    reparsed = parse(text, "g").graph
    assert reparsed is not None
    assert dump(reparsed) == text
    ids = [c["id"] for c in json.loads(text)["concepts"]]
    assert ids == sorted(ids)
    assert text.endswith("}\n")
    first = json.loads(text)["concepts"][0]
    assert list(first) == [
        "id",
        "name",
        "aliases",
        "level",
        "category",
        "summary",
        "hours",
        "prerequisites",
        "resources",
    ]


def test_dump_writes_whole_hours_as_integers_and_keeps_unicode():
    graph = GraphFile(concepts=tuple(small_concepts()))
    text = dump(graph._replace(schema_ref="схема.json"))
    assert '"hours": 20,' in text
    assert "схема.json" in text


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda p: None, "no such file"),
        (lambda p: p.mkdir(), "is a directory, not a file"),
        (lambda p: p.write_bytes(b"\xff\xfe{}"), "not UTF-8 text (byte 0 is 0xff)"),
    ],
)
def test_unreadable_files_raise_input_error(tmp_path: Path, setup, message: str):
    path = tmp_path / "g.json"
    setup(path)
    with pytest.raises(InputError, match=re.escape(message)):
        read_text(path)


def test_resolution_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    assert resolve_graph_path() == packaged_graph_path()
    assert Path(packaged_graph_path()).is_file()
    local = tmp_path / "graph" / "concepts.json"
    local.parent.mkdir()
    local.write_text("{}", encoding="utf-8")
    assert resolve_graph_path() == "graph/concepts.json"
    monkeypatch.setenv("KGRAPH_GRAPH", "env.json")
    assert resolve_graph_path() == "env.json"
    assert resolve_graph_path(Path("flag.json")) == "flag.json"  # any os.PathLike


def test_write_atomic_replaces_and_keeps_mode(tmp_path: Path):
    path = tmp_path / "f.json"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o640)
    write_atomic(path, "new\n")
    assert path.read_text(encoding="utf-8") == "new\n"
    assert path.stat().st_mode & 0o777 == 0o640
    assert os.listdir(tmp_path) == ["f.json"]


def test_write_atomic_failure_keeps_old_file_and_no_temp(tmp_path: Path, monkeypatch):
    path = tmp_path / "f.json"
    path.write_text("old", encoding="utf-8")

    def fail(source: str, target: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(InputError, match="cannot write: No space left on device"):
        write_atomic(path, "new")
    assert path.read_text(encoding="utf-8") == "old"
    assert os.listdir(tmp_path) == ["f.json"]


def test_write_atomic_into_missing_folder_is_an_input_error(tmp_path: Path):
    with pytest.raises(InputError, match="cannot write"):
        write_atomic(tmp_path / "nope" / "f.json", "x")


def test_a_file_digest_names_its_bytes_and_nothing_else(tmp_path: Path):
    data = os.urandom(3 << 20)  # several read blocks
    path = tmp_path / "big.json"
    path.write_bytes(data)
    expected = hashlib.blake2b(data, digest_size=32).hexdigest()
    assert digest(path) == content_digest(data) == expected
    path.write_bytes(data[:-1] + bytes([data[-1] ^ 1]))
    assert digest(path) != expected

"""Bad input: every text field is capped, and the JSON Schema flags what ``validate`` flags.

A standard validator (check-jsonschema) reads only the committed JSON Schema, so every rule a
field can carry there (non-blank text, https-only URLs, the caps) must be there.
"""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from typing import Any

import pytest

from kgraph.cli import main
from kgraph.model import CAPS
from kgraph.schema import concept_errors
from tests.conftest import REPO, SHIPPED
from tests.test_schema import PROJECT

SCHEMA_FILE = REPO / "graph" / "concepts.schema.json"
RESOURCE = {"title": "A guide", "url": "https://example.org/guide", "kind": "docs", "free": True}
BASE: dict[str, Any] = {
    **PROJECT,
    "aliases": ["an alias"],
    "prerequisites": [{"id": "python", "why": "It is written in Python.", "why_ru": "На Python."}],
    "resources": [RESOURCE],
}

# Where each cap applies: (cap name, path of a string field inside BASE).
FIELDS = [
    ("id", ("id",)),
    ("name", ("name",)),
    ("alias", ("aliases", 0)),
    ("summary", ("summary",)),
    ("why", ("prerequisites", 0, "why")),
    ("why", ("prerequisites", 0, "why_ru")),
    ("outcome", ("outcomes", 0)),
    ("cover", ("covers", 0)),
    ("deliverable", ("deliverable",)),
    ("title", ("resources", 0, "title")),
    ("url", ("resources", 0, "url")),
    ("name", ("translations", "ru", "name")),
    ("summary", ("translations", "ru", "summary")),
    ("outcome", ("translations", "ru", "outcomes", 0)),
    ("deliverable", ("translations", "ru", "deliverable")),
    ("id", ("deeper",)),
    ("id", ("prerequisites", 0, "id")),
]


def with_value(where: tuple[str | int, ...], value: object) -> dict[str, Any]:
    item = copy.deepcopy(BASE)
    target: Any = item
    for step in where[:-1]:
        target = target[step]
    target[where[-1]] = value
    return item


def of_length(cap: str, size: int) -> str:
    """A valid value of that field, *size* characters long."""
    if cap == "url":
        head = "https://example.org/"
        return head + "a" * (size - len(head))
    if cap == "id":
        return "a" * size
    return "x" * size


def test_the_base_concept_is_valid():
    assert concept_errors(BASE) == []


def test_every_cap_is_applied_to_some_field():
    assert {cap for cap, _ in FIELDS} == set(CAPS)


@pytest.mark.parametrize(("cap", "where"), FIELDS, ids=str)
def test_a_field_at_its_cap_passes_and_one_more_character_fails(cap, where):
    limit = CAPS[cap]
    assert concept_errors(with_value(where, of_length(cap, limit))) == []
    errors = dict(concept_errors(with_value(where, of_length(cap, limit + 1))))
    assert errors[where] == f"must be at most {limit} characters (it has {limit + 1:,})"


def test_validate_names_the_concept_by_its_place_when_its_id_is_too_long(runner, tmp_path):
    """The 20,000-character id of the issue: one short message, the id never echoed whole."""
    doc = json.loads(SHIPPED.read_text(encoding="utf-8"))
    bad = copy.deepcopy(doc["concepts"][-1])
    bad["id"] = "a" * 20_000
    bad["name"] = bad["aliases"] = None
    doc["concepts"].append(bad)
    path = tmp_path / "long.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    result = runner.invoke(main, ["validate", "--graph", str(path)])
    assert result.exit_code == 1
    index = len(doc["concepts"]) - 1
    assert (
        f"concept 'concepts[{index}]': field 'id': must be at most 64 characters" in result.output
    )
    assert "a" * 65 not in result.output


def test_validate_rejects_an_over_long_reason_naming_concept_and_field(runner, tmp_path):
    doc = json.loads(SHIPPED.read_text(encoding="utf-8"))
    victim = next(c for c in doc["concepts"] if c["prerequisites"])
    victim["prerequisites"][0]["why"] = "because " * 200
    path = tmp_path / "why.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    result = runner.invoke(main, ["validate", "--graph", str(path)])
    assert result.exit_code == 1
    assert (
        f"concept '{victim['id']}': field 'prerequisites[0].why': must be at most" in result.output
    )


BAD = {
    "empty-name": (("name",), ""),
    "blank-name": (("name",), "   "),
    "empty-summary": (("summary",), ""),
    "blank-summary": (("summary",), " \t "),
    "http-url": (("resources", 0, "url"), "http://example.org/guide"),
    "data-url": (("resources", 0, "url"), "data:text/html,<script>alert(1)</script>"),
    "javascript-url": (("resources", 0, "url"), "javascript:alert(1)"),
    "malformed-url": (("resources", 0, "url"), "https//example.org"),
    "hostless-url": (("resources", 0, "url"), "https:///guide"),
    "credentials-url": (("resources", 0, "url"), "https://user:pw@example.org/"),
    "spaced-url": (("resources", 0, "url"), "https://example.org/a guide"),
    "long-id": (("id",), "a" * (CAPS["id"] + 1)),
    "long-name": (("name",), "x" * (CAPS["name"] + 1)),
}


def test_a_standard_validator_flags_what_validate_flags_and_accepts_the_shipped_graph(tmp_path):
    """check-jsonschema, given only the committed JSON Schema, agrees with kgraph's own check."""
    files = {}
    for name, (where, value) in BAD.items():
        item = with_value(where, value)
        assert concept_errors(item), f"{name}: kgraph itself accepts it"
        files[name] = tmp_path / f"{name}.json"
        files[name].write_text(json.dumps({"concepts": [item]}), encoding="utf-8")
    good = tmp_path / "good.json"
    good.write_text(json.dumps({"concepts": [BASE]}), encoding="utf-8")
    command = [sys.executable, "-m", "check_jsonschema", "--schemafile", str(SCHEMA_FILE)]
    accepted = subprocess.run(
        [*command, str(SHIPPED), str(good)], capture_output=True, text=True, check=False
    )
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    for name, path in files.items():  # one run per file: the verdict must be this file's own
        rejected = subprocess.run(
            [*command, str(path)], capture_output=True, text=True, check=False
        )
        assert rejected.returncode == 1, f"{name}: {rejected.stdout}{rejected.stderr}"

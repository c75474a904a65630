"""The docs site's build hook: the data format's tables come from the JSON Schema, whole."""

from __future__ import annotations

import importlib.util
import re
from types import ModuleType

import pytest

from kgraph.schema import json_schema
from tests.conftest import REPO

DEFINITIONS = ["Concept", "Prerequisite", "Resource", "Translation"]


def load_hooks() -> ModuleType:
    spec = importlib.util.spec_from_file_location("docs_hooks", REPO / "docs" / "hooks.py")
    assert spec
    assert spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("definition", DEFINITIONS)
def test_each_field_of_the_schema_has_its_row(definition: str):
    hooks = load_hooks()
    schema = json_schema()
    rows = hooks.fields_table(definition, schema).splitlines()[2:]
    assert [re.findall(r"^\| `([a-z_]+)` \|", row)[0] for row in rows] == list(
        schema["$defs"][definition]["properties"]
    )


def test_the_new_fields_and_the_rules_are_in_the_concept_table():
    table = load_hooks().fields_table("Concept")
    for field in ("kind", "capstone", "deliverable", "outcomes", "covers", "deeper"):
        assert f"| `{field}` |" in table
    assert "one of `concept`, `project`" in table
    assert "one of `foundations`, `use`, `tune`, `repair`, `build`, `frontier`" in table
    assert "1 to 3 items" in table  # outcomes
    assert "greater than 0" in table  # hours


def test_a_field_without_a_meaning_stops_the_build():
    hooks = load_hooks()
    schema = json_schema()
    schema["$defs"]["Resource"]["properties"]["licence"] = {"type": "string"}
    with pytest.raises(ValueError, match="no meaning for Resource field"):
        hooks.fields_table("Resource", schema)


def test_the_data_format_page_shows_every_table():
    hooks = load_hooks()
    page = (REPO / "docs" / "reference" / "data-format.md").read_text(encoding="utf-8")
    rendered = hooks.on_page_markdown(page)
    assert "<!-- fields:" not in rendered
    for definition in DEFINITIONS:
        assert f"<!-- fields: {definition} -->" in page
    assert rendered.count("| field | type | required | rule | meaning |") == len(DEFINITIONS)


def test_the_page_is_published_beside_the_docs():
    assert load_hooks().PAGE == REPO / "exports" / "kgraph.html"

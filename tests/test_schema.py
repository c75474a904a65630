"""The schema: the committed JSON Schema is the one the rules give, and checking is cheap to start."""

from __future__ import annotations

import json
import subprocess
import sys

from kgraph.model import Concept, Kind
from kgraph.schema import CONCEPT, concept_errors, json_schema
from tests.conftest import REPO

PROBE = """
import json, sys
from kgraph.schema import concept_errors
errors = concept_errors({"id": "Bad Id", "hours": 0})
print(json.dumps([len(errors), sorted(m for m in sys.modules if m.startswith(("pydantic", "importlib.metadata", "annotated_types")))]))
"""


def test_the_committed_json_schema_is_up_to_date():
    committed = json.loads((REPO / "graph" / "concepts.schema.json").read_text(encoding="utf-8"))
    assert committed == json_schema(), "run `kgraph refresh`"


def test_the_json_schema_states_the_same_rules():
    schema = json_schema()
    concept = schema["$defs"]["Concept"]
    assert schema["properties"]["concepts"]["items"] == {"$ref": "#/$defs/Concept"}
    assert concept["additionalProperties"] is False
    assert set(concept["required"]) == {"id", "name", "level", "category", "summary", "hours"}
    assert set(concept["properties"]) == set(CONCEPT["fields"])
    assert concept["properties"]["hours"]["exclusiveMinimum"] == 0
    assert schema["$defs"]["Level"]["enum"][0] == "foundations"
    assert concept["description"].startswith("One node of the graph")


def test_checking_a_concept_never_builds_a_pydantic_model():
    """The point of writing the rules with pydantic-core: no BaseModel machinery is imported."""
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True)
    found, imported = json.loads(done.stdout)
    assert found == 6  # the id's pattern, hours not > 0, no name, level, category or summary
    assert "pydantic.fields" not in imported
    assert "importlib.metadata" not in imported
    assert "annotated_types" not in imported


def test_errors_name_the_field_and_say_why():
    errors = dict(concept_errors({"id": "Bad Id", "hours": 0, "extra": 1}))
    assert errors[("id",)].startswith("string should match pattern")
    assert errors[("hours",)] == "input should be greater than 0"
    assert errors[("name",)] == "missing"
    assert errors[("extra",)] == "unknown key"


PROJECT = {
    "id": "llm-app",
    "name": "An LLM app you ship",
    "aliases": [],
    "kind": "project",
    "capstone": True,
    "level": "use",
    "category": "applications",
    "summary": "Ship an application built on a hosted model.",
    "deliverable": "A deployed app and its evaluation set.",
    "outcomes": ["You can ship an LLM app and show it meets its bar."],
    "covers": ["deployment"],
    "deeper": "llm-basics",
    "hours": 20,
    "prerequisites": [],
    "resources": [],
    "translations": {
        "ru": {
            "name": "Приложение на LLM",
            "summary": "Выпустите приложение.",
            "outcomes": ["Вы можете выпустить приложение."],
            "deliverable": "Работающее приложение.",
        }
    },
}


def test_a_project_with_every_new_field_round_trips_in_canonical_order():
    assert concept_errors(PROJECT) == []
    concept = Concept.from_json(PROJECT)
    assert concept.is_project
    assert concept.kind is Kind.PROJECT
    assert concept.capstone
    assert concept.translations["ru"].outcomes == ("Вы можете выпустить приложение.",)
    assert concept.to_json() == PROJECT
    assert list(concept.to_json()) == list(PROJECT)


def test_outcomes_are_one_to_three_and_kind_is_closed():
    assert concept_errors({**PROJECT, "outcomes": []})
    assert concept_errors({**PROJECT, "outcomes": ["a", "b", "c", "d"]})
    assert concept_errors({**PROJECT, "kind": "exercise"})
    assert concept_errors({**PROJECT, "deeper": "Not An Id"})

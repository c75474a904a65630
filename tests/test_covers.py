"""Sub-topics (`covers`) found by search and name resolution; light and full versions in `show`."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

from kgraph.cli import main
from kgraph.errors import UnknownConceptError
from kgraph.graph import KGraph
from kgraph.load import load_graph
from kgraph.model import GraphFile, Translation
from kgraph.queries import search, show
from kgraph.store import dump
from tests.helpers import make_concept

if TYPE_CHECKING:
    from pathlib import Path

    from click.testing import CliRunner

    from kgraph.model import Concept


def concepts() -> list[Concept]:
    return [
        make_concept("python", name="Python", hours=10),
        make_concept(
            "sampling",
            name="Sampling parameters",
            level="use",
            prerequisites=["python"],
            covers=("temperature", "top-p", "top-k"),
            translations={"ru": Translation("Параметры сэмплирования", "Как выбирать токены.")},
        ),
        make_concept(
            "prompting",
            name="Prompting",
            level="use",
            prerequisites=["python"],
            covers=("zero-shot prompting", "temperature"),
        ),
        make_concept("top-k", name="Top-k routing", level="build", prerequisites=["python"]),
        make_concept("llm-basics", name="How an LLM works", level="use", deeper="transformer"),
        make_concept("transformer", name="Transformer", level="repair", prerequisites=["python"]),
    ]


@pytest.fixture
def kg() -> KGraph:
    return KGraph(concepts())


@pytest.fixture
def graph_file(tmp_path: Path) -> Path:
    path = tmp_path / "covers.json"
    path.write_text(dump(GraphFile(concepts=tuple(concepts()))), encoding="utf-8")
    return path


class TestResolution:
    def test_an_unambiguous_sub_topic_names_its_concept(self, kg: KGraph):
        assert kg.resolve("Top P") == "sampling"
        assert kg.taught_in == [("Top P", "sampling")]

    def test_an_id_name_or_alias_wins_over_a_sub_topic(self, kg: KGraph):
        assert kg.resolve("top-k") == "top-k"  # an id, though sampling covers "top-k"
        assert kg.resolve("Prompting") == "prompting"
        assert kg.taught_in == []

    def test_an_ambiguous_sub_topic_suggests_the_concepts_that_teach_it(self, kg: KGraph):
        with pytest.raises(UnknownConceptError) as caught:
            kg.resolve("temperature")
        assert caught.value.suggestions == ("prompting", "sampling")

    def test_a_loaded_graph_resolves_the_same(self, graph_file: Path):
        loaded = load_graph(graph_file)
        assert loaded.resolve("zero shot prompting") == "prompting"


class TestSearch:
    def test_a_sub_topic_is_found_and_named(self, kg: KGraph):
        found = search(kg, "top-p")
        assert [c.id for c in found.concepts] == ["sampling"]
        assert found.covers == (("sampling", "top-p"),)

    def test_an_exact_name_first_then_an_exact_sub_topic(self, kg: KGraph):
        found = search(kg, "top-k")
        assert [c.id for c in found.concepts] == ["top-k", "sampling"]
        assert found.covers == (("sampling", "top-k"),)

    def test_a_sub_topic_containing_the_text(self, kg: KGraph):
        found = search(kg, "zero-shot")
        assert [c.id for c in found.concepts] == ["prompting"]
        assert found.covers == (("prompting", "zero-shot prompting"),)

    def test_cli_says_which_sub_topic_matched(self, runner: CliRunner, graph_file: Path):
        result = runner.invoke(main, ["search", "top-p", "-g", str(graph_file)])
        assert "sampling — Sampling parameters  (teaches top-p)" in result.stdout
        russian = runner.invoke(main, ["search", "top-p", "-g", str(graph_file), "--lang", "ru"])
        assert "(включает: top-p)" in russian.stdout
        data = json.loads(
            runner.invoke(main, ["search", "top-p", "-g", str(graph_file), "-f", "json"]).stdout
        )
        assert data["covers"] == [["sampling", "top-p"]]


class TestCommandLine:
    def test_show_a_sub_topic_notes_where_it_is_taught(self, runner: CliRunner, graph_file: Path):
        result = runner.invoke(main, ["show", "top-p", "-g", str(graph_file)])
        assert result.exit_code == 0
        assert result.stdout.startswith("Sampling parameters (sampling)")
        assert result.stderr == "note: top-p is taught in Sampling parameters (sampling)\n"

    def test_the_note_speaks_russian(self, runner: CliRunner, graph_file: Path):
        result = runner.invoke(main, ["path", "top-p", "-g", str(graph_file), "--lang", "ru"])
        assert result.exit_code == 0
        assert "примечание: top-p изучается в теме «Параметры сэмплирования»" in result.stderr

    def test_path_through_a_sub_topic(self, runner: CliRunner, graph_file: Path):
        result = runner.invoke(
            main, ["path", "python", "zero-shot prompting", "-g", str(graph_file)]
        )
        assert result.exit_code == 0
        assert "Learning path from python to prompting" in result.stdout

    def test_ambiguous_is_the_usual_error(self, runner: CliRunner, graph_file: Path):
        result = runner.invoke(main, ["show", "temperature", "-g", str(graph_file)])
        assert result.exit_code == 2
        assert "unknown concept 'temperature'; did you mean prompting, sampling?" in result.stderr
        assert "Traceback" not in result.output


class TestVersions:
    def test_show_names_the_deeper_and_the_lighter_version(self, kg: KGraph):
        assert show(kg, "llm-basics").deeper == kg["transformer"]
        assert show(kg, "transformer").lighter == (kg["llm-basics"],)
        assert show(kg, "python").deeper is None
        assert show(kg, "python").lighter == ()

    def test_text_and_json(self, runner: CliRunner, graph_file: Path):
        light = runner.invoke(main, ["show", "llm-basics", "-g", str(graph_file)]).stdout
        assert "Go deeper: transformer\n" in light
        full = runner.invoke(main, ["show", "transformer", "-g", str(graph_file)]).stdout
        assert "Lighter version: llm-basics — How an LLM works" in full
        ru = runner.invoke(main, ["show", "transformer", "-g", str(graph_file), "--lang", "ru"])
        assert "Облегчённая версия: llm-basics" in ru.stdout
        data = json.loads(
            runner.invoke(main, ["show", "llm-basics", "-g", str(graph_file), "-f", "json"]).stdout
        )
        assert data["deeper"]["id"] == "transformer"
        assert data["lighter"] == []

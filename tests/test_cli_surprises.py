"""What surprised a newcomer: a mistyped command, FROM on next and gaps, plurals, grouped help."""

from __future__ import annotations

import json

import click
import pytest

from kgraph.cli import main
from kgraph.cli.app import COMMAND_MODULES, audience, closest_command
from kgraph.model import GraphFile
from kgraph.store import dump
from tests.helpers import make_concept


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("nxt", "next"),
        ("pth", "path"),
        ("valdate", "validate"),
        ("asess", "assess"),
        ("Gaps", "gaps"),
    ],
)
def test_a_mistyped_command_suggests_the_closest(runner, typed, meant):
    assert closest_command(typed) == meant
    result = runner.invoke(main, [typed, "lora"])
    assert result.exit_code == 2
    assert f"Error: No such command '{typed}'. Did you mean '{meant}'?" in result.stderr


def test_the_suggestion_speaks_russian_and_nonsense_gets_none(runner):
    result = runner.invoke(main, ["--lang", "ru", "nxt"])
    assert result.exit_code == 2
    assert "Нет команды 'nxt'. Может быть, 'next'?" in result.stderr
    assert closest_command("zzzzzz") is None
    plain = runner.invoke(main, ["zzzzzz"])
    assert plain.exit_code == 2
    assert "No such command 'zzzzzz'." in plain.stderr
    assert "Did you mean" not in plain.stderr


def test_help_groups_every_command_once_for_learners_or_contributors(runner):
    text = runner.invoke(main, ["--help"]).stdout
    learners, _, contributors = text.partition("Commands for contributors")
    assert "Commands for learners:" in learners
    for name in COMMAND_MODULES:
        row = f"\n  {name} "
        section, other = (learners, contributors) if audience(name) == "learners" else (
            contributors, learners)  # fmt: skip
        assert row in section, name
        assert row not in other, name
    assert audience("path") == audience("assess") == audience("export") == "learners"
    assert audience("validate") == audience("lint") == audience("refresh") == "contributors"
    assert "..." not in learners.partition("Commands for learners:")[2] + contributors  # not cut


def test_help_in_russian_names_the_groups_in_russian(runner):
    text = runner.invoke(main, ["--lang", "ru", "--help"]).stdout
    assert "Команды для изучающих:" in text
    assert "Команды для авторов графа:" in text


def test_next_from_reads_like_path(runner, graph_file):
    g = ["-g", str(graph_file), "-f", "json"]
    positional = runner.invoke(main, ["next", "ml", *g])
    assert positional.exit_code == 0, positional.output
    assert positional.stdout == runner.invoke(main, ["next", "--known", "ml", *g]).stdout
    both = runner.invoke(main, ["next", "ml", "--known", "history", *g]).stdout
    assert both == runner.invoke(main, ["next", "--known", "ml,history", *g]).stdout
    assert both != positional.stdout


def test_gaps_from_to_reads_like_path(runner, graph_file):
    g = ["-g", str(graph_file), "-f", "json"]
    positional = runner.invoke(main, ["gaps", "ml", "agi", *g])
    assert positional.exit_code == 0, positional.output
    assert positional.stdout == runner.invoke(main, ["gaps", "agi", "--known", "ml", *g]).stdout
    assert positional.stdout != runner.invoke(main, ["gaps", "agi", *g]).stdout
    too_many = runner.invoke(main, ["gaps", "ml", "lora", "agi", *g])
    assert too_many.exit_code == 2
    assert "gaps takes TO or FROM TO, not 3 names" in too_many.stderr


@pytest.fixture
def one_concept(tmp_path):
    path = tmp_path / "one.json"
    path.write_text(dump(GraphFile(concepts=(make_concept("solo", name="Solo"),))), "utf-8")
    return path


def test_one_concept_is_singular_in_english(runner, one_concept):
    g = ["-g", str(one_concept)]
    stats = runner.invoke(main, ["stats", *g]).stdout
    assert stats.startswith("1 concept, 0 prerequisite edges, ")
    assert "1 root, 1 leaf" in stats
    assert "1 concepts" not in stats
    path = runner.invoke(main, ["path", "solo", *g]).stdout
    assert "1 concepts" not in path
    assert "   1 concept " in path
    assert "1 concepts" not in runner.invoke(main, ["validate", *g]).output


def test_russian_counts_follow_russian_plural_rules(runner, one_concept):
    stats = runner.invoke(main, ["--lang", "ru", "stats", "-g", str(one_concept)]).stdout
    assert stats.startswith("1 понятие, 0 связей, ")


def test_progress_rows_agree_with_their_count(runner, one_concept):
    rows = runner.invoke(main, ["progress", "-g", str(one_concept), "--known", ""]).stdout
    [foundations] = [line for line in rows.splitlines() if line.startswith("  foundations")]
    assert "0/1 concept " in foundations
    assert "concepts" not in foundations


def test_assess_json_is_unchanged_by_the_new_wording(runner, graph_file):
    """The counts moved to properties: the JSON keys stay what they were."""
    out = runner.invoke(
        main, ["-g", str(graph_file), "assess", "ml", "-y", "-f", "json"], input="y\n"
    )
    assert set(json.loads(out.stdout)) == {"target", "questions", "known", "unknown", "undecided"}


def test_a_registered_command_is_never_suggested_for_itself():
    ctx = click.Context(main)
    for name in COMMAND_MODULES:
        assert main.get_command(ctx, name) is not None
        assert closest_command(name) == name

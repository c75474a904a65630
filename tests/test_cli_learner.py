"""The learner's commands through click: learn, forget, known, progress, assess, saved queries."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest
from click.testing import CliRunner, Result

from kgraph.cli import main
from kgraph.model import GraphFile
from kgraph.saved_progress import marks_text
from kgraph.store import dump
from tests.helpers import make_concept

if TYPE_CHECKING:
    from pathlib import Path

T0 = "2025-01-01T00:00:00Z"


def run(runner: CliRunner, *args: str, code: int = 0, stdin: str | None = None) -> Result:
    result = runner.invoke(main, list(args), input=stdin, catch_exceptions=code != 0)
    assert result.exit_code == code, (result.stdout, result.stderr)
    return result


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    """Where the isolation fixture points $KGRAPH_HOME's progress file."""
    return tmp_path / "home" / "known.json"


def marked(path: Path) -> list[str]:
    return sorted(json.loads(path.read_text(encoding="utf-8"))["known"])


class TestLearnForget:
    def test_learn_saves_and_says_so_on_stderr(self, runner, graph_file, saved):
        result = run(runner, "-g", str(graph_file), "learn", "LoRA", "python")
        assert marked(saved) == ["lora", "python"]
        assert result.stdout == ""
        assert result.stderr == f"Learned: lora, python\nSaved in {saved}\n"

    def test_learning_again_changes_nothing(self, runner, graph_file, saved):
        run(runner, "-g", str(graph_file), "learn", "lora")
        before = saved.read_bytes()
        result = run(runner, "-g", str(graph_file), "learn", "low-rank adaptation")
        assert result.stderr == "already marked: lora\nNothing changed.\n"
        assert saved.read_bytes() == before

    def test_unknown_name_exits_2_and_writes_nothing(self, runner, graph_file, saved):
        result = run(runner, "-g", str(graph_file), "learn", "lora", "lorra", code=2)
        assert result.stderr == "Error: unknown concept 'lorra'; did you mean lora, qlora?\n"
        assert not saved.exists()

    def test_forget_names_what_still_implies_it(self, runner, graph_file, saved):
        run(runner, "-g", str(graph_file), "learn", "lora", "ml")
        result = run(runner, "-g", str(graph_file), "forget", "ml")
        assert marked(saved) == ["lora"]
        assert "Forgot: ml\nml still counts as known: lora needs it\n" in result.stderr

    def test_forget_unmarked(self, runner, graph_file, saved):
        run(runner, "-g", str(graph_file), "learn", "lora")
        result = run(runner, "-g", str(graph_file), "forget", "quant")
        assert result.stderr == "not marked: quant\nNothing changed.\n"

    def test_progress_file_option_overrides_the_home(self, runner, graph_file, tmp_path, saved):
        other = tmp_path / "mine.json"
        run(runner, "-g", str(graph_file), "learn", "ml", "--progress-file", str(other))
        assert marked(other) == ["ml"]
        assert not saved.exists()

    def test_the_old_option_name_still_works_and_help_shows_only_the_new(
        self, runner, graph_file, tmp_path, saved
    ):
        other = tmp_path / "mine.json"
        run(runner, "-g", str(graph_file), "learn", "ml", "--profile", str(other))
        assert marked(other) == ["ml"]
        assert not saved.exists()
        shown = run(runner, "learn", "--help").stdout
        assert "--progress-file" in shown
        assert "--profile" not in shown

    def test_backup_holds_the_previous_version(self, runner, graph_file, saved):
        run(runner, "-g", str(graph_file), "learn", "ml")
        first = saved.read_text(encoding="utf-8")
        run(runner, "-g", str(graph_file), "learn", "quant")
        assert saved.with_name("known.json.bak").read_text(encoding="utf-8") == first


class TestCorruptFile:
    @pytest.mark.parametrize("command", [["learn", "ml"], ["forget", "ml"], ["known"], ["next"]])
    def test_corrupt_file_exits_2_and_is_untouched(self, runner, graph_file, saved, command):
        saved.parent.mkdir()
        saved.write_text('{"known": [', encoding="utf-8")
        result = run(runner, "-g", str(graph_file), *command, code=2)
        assert result.stderr.startswith(f"Error: {saved}: not valid JSON")
        assert saved.read_text(encoding="utf-8") == '{"known": ['
        assert not saved.with_name("known.json.bak").exists()

    def test_foreign_file(self, runner, graph_file, saved):
        saved.parent.mkdir()
        saved.write_text('{"theme": "dark"}\n', encoding="utf-8")
        result = run(runner, "-g", str(graph_file), "learn", "ml", code=2)
        assert "not a kgraph progress file" in result.stderr
        assert saved.read_text(encoding="utf-8") == '{"theme": "dark"}\n'


class TestKnown:
    def test_grouped_by_rung(self, runner, graph_file, saved):
        run(runner, "-g", str(graph_file), "learn", "lora")
        lines = run(runner, "-g", str(graph_file), "known").stdout.splitlines()
        assert lines[:3] == ["You know 4 concepts:", "", "foundations (3, 0 marked)"]
        assert lines[-1] == f"Saved in {saved}"

    def test_json(self, runner, graph_file):
        run(runner, "-g", str(graph_file), "learn", "lora")
        data = json.loads(run(runner, "-g", str(graph_file), "known", "-f", "json").stdout)
        assert [lv for lv, _ in data["rungs"]] == ["foundations", "tune"]
        assert data["rungs"][1][1][0]["concept"]["id"] == "lora"

    def test_export_then_import_merges(self, runner, graph_file, tmp_path, saved):
        run(runner, "-g", str(graph_file), "learn", "lora")
        exported = run(runner, "-g", str(graph_file), "known", "--export").stdout
        assert json.loads(exported)["format"] == "kgraph-known"
        other = tmp_path / "other.json"
        run(runner, "-g", str(graph_file), "learn", "quant", "--progress-file", str(other))
        (tmp_path / "export.json").write_text(exported, encoding="utf-8")
        args = ["known", "--import", "export.json", "--progress-file", str(other)]
        result = run(runner, "-g", str(graph_file), *args)
        assert marked(other) == ["lora", "quant"]
        assert result.stderr == f"Imported: lora\nSaved in {other}\n"

    def test_import_of_unknown_ids_writes_nothing(self, runner, graph_file, tmp_path, saved):
        (tmp_path / "in.json").write_text(marks_text({"nope": T0}), encoding="utf-8")
        run(runner, "-g", str(graph_file), "known", "--import", "in.json", code=2)
        assert not saved.exists()

    def test_export_and_import_exclude_each_other(self, runner, graph_file):
        result = run(runner, "-g", str(graph_file), "known", "--export", "--import", "x", code=2)
        assert "exclude each other" in result.stderr

    def test_renamed_concept_keeps_progress(self, runner, graph_file, saved):
        text = graph_file.read_text(encoding="utf-8")
        renamed = json.loads(text)
        for concept in renamed["concepts"]:
            if concept["id"] == "quant":
                concept["id"], concept["aliases"] = "quantization", ["quant"]
            for p in concept["prerequisites"]:
                p["id"] = "quantization" if p["id"] == "quant" else p["id"]
        saved.parent.mkdir()
        saved.write_text(marks_text({"quant": T0}), encoding="utf-8")
        graph_file.write_text(json.dumps(renamed), encoding="utf-8")
        out = run(runner, "-g", str(graph_file), "known").stdout
        assert "  quantization  marked 2025-01-01\n" in out
        run(runner, "-g", str(graph_file), "learn", "python")
        assert marked(saved) == ["python", "quantization"]


class TestQueriesUseTheSavedSet:
    def test_path_to_alone_plans_from_what_you_know(self, runner, graph_file):
        run(runner, "-g", str(graph_file), "learn", "lora")
        out = run(runner, "-g", str(graph_file), "path", "qlora").stdout
        assert out.startswith("Learning path to qlora\nKnown: lora (and their prerequisites)\n")
        assert "linalg" not in out

    def test_known_option_wins_over_the_saved_set(self, runner, graph_file):
        run(runner, "-g", str(graph_file), "learn", "lora")
        data = json.loads(run(runner, "-g", str(graph_file), "path", "qlora", "--known", "ml",
                              "-f", "json").stdout)  # fmt: skip
        assert data["known"] == ["ml"]

    def test_gaps_and_strict(self, runner, graph_file):
        run(runner, "-g", str(graph_file), "learn", "lora")
        assert (
            "Ready now (1):\n  quant" in run(runner, "-g", str(graph_file), "gaps", "qlora").stdout
        )
        out = run(runner, "-g", str(graph_file), "gaps", "qlora", "--strict").stdout
        assert "Note: you marked lora but not linalg, ml, python" in out

    def test_next_explains_its_rank(self, runner, graph_file):
        run(runner, "-g", str(graph_file), "learn", "ml")
        out = run(runner, "-g", str(graph_file), "next").stdout.splitlines()
        assert out[1] == "   1  quant — Quantization  [tune] unlocks 2 concepts in 4 h = 0.50/h"
        assert out[2] == "   2  lora  [tune] unlocks 2 concepts in 6 h = 0.33/h"

    def test_next_with_goal_and_ties(self, runner, graph_file):
        out = run(runner, "-g", str(graph_file), "next", "--goal", "ml").stdout.splitlines()
        assert (
            out[1]
            == "   1  python  [foundations] unlocks 1 concept on the way to ml in 10 h = 0.10/h"
        )
        assert out[2].startswith("   2  linalg — Linear algebra  [foundations] unlocks 1 concept")

    def test_next_says_when_a_tie_is_broken(self, runner, tmp_path):
        graph = tmp_path / "tie.json"
        concepts = [make_concept("a"), make_concept("b", prerequisites=["a"]),
                    make_concept("c", prerequisites=["a"])]  # fmt: skip
        graph.write_text(dump(GraphFile(concepts=tuple(concepts))), encoding="utf-8")
        out = run(runner, "-g", str(graph), "next", "--known", "a").stdout.splitlines()
        assert out[1:] == [
            "   1  b  [foundations] unlocks 0 concepts in 1 h = 0.00/h",
            "   2  c  [foundations] unlocks 0 concepts in 1 h = 0.00/h (tied: lower rung, then id, first)",
        ]

    def test_profile_option_on_queries(self, runner, graph_file, tmp_path):
        other = tmp_path / "p.json"
        other.write_text(marks_text({"qlora": T0}), encoding="utf-8")
        out = run(runner, "-g", str(graph_file), "next", "--progress-file", str(other)).stdout
        assert "qlora" not in out
        assert "agi" in out


class TestProgress:
    def test_ladder_from_the_saved_set(self, runner, graph_file):
        run(runner, "-g", str(graph_file), "learn", "lora")
        out = run(runner, "-g", str(graph_file), "progress").stdout
        assert "  tune        [#########...........]  46%      1/3 concepts" in out
        assert out.endswith("Fastest ways onto frontier:\n   1  agi  (57 h over 3 concepts, "
                            "start with quant)\n")  # fmt: skip

    def test_json(self, runner, graph_file):
        data = json.loads(run(runner, "-g", str(graph_file), "progress", "--known", "ml",
                              "-f", "json").stdout)  # fmt: skip
        assert (data["standing"], data["toward"]) == ("foundations", "use")


class TestAssess:
    def test_scripted_session_saves_after_confirmation(self, runner, graph_file, saved):
        # lora needs ml, linalg, python; the truth is "I know ml and its prerequisites".
        result = run(runner, "-g", str(graph_file), "assess", "qlora", stdin="y\nn\nn\nn\n\n")
        assert marked(saved) == ["linalg", "ml", "python"]
        assert result.stderr.count("Do you know") == 4
        assert "Do you know ml — Machine learning? The concept ml" in result.stderr
        assert "Save 3 concepts to" in result.stderr
        assert result.stdout.startswith(
            "4 questions answered; 6 of 6 concepts for qlora decided.\n"
        )

    def test_declined_confirmation_writes_nothing_and_says_so(self, runner, graph_file, saved):
        result = run(runner, "-g", str(graph_file), "assess", "lora", stdin="y\nn\nn\n")
        assert not saved.exists()
        assert result.stderr.endswith(f"Nothing saved; {saved} is unchanged.\n")

    def test_piped_answers_give_one_prompt_per_line(self, graph_file, saved):
        """A real pipe (CliRunner echoes the input, hiding prompts that run together)."""
        done = subprocess.run(
            [sys.executable, "-m", "kgraph", "-g", str(graph_file), "assess", "qlora"],
            input="y\nn\nn\nn\nn\n", capture_output=True, text=True, check=True,
        )  # fmt: skip
        lines = done.stderr.splitlines()
        prompts = [line for line in lines if "Do you know" in line]
        assert len(prompts) == 4
        assert all(line.startswith("Do you know") for line in prompts)
        assert all(line.endswith("(y, n, s, q): ") for line in prompts)
        assert any(line.startswith("Save 3 concepts to") for line in lines)
        assert done.stderr.endswith(f"Nothing saved; {saved} is unchanged.\n")

    def test_stopping_at_once_decides_nothing_and_says_so(self, runner, graph_file, saved):
        result = run(runner, "-g", str(graph_file), "assess", "qlora", stdin="q\n")
        assert result.stdout.startswith(
            "0 questions answered; 0 of 6 concepts for qlora decided.\n"
        )
        assert "You know" not in result.stdout
        assert "Undecided: 6" in result.stdout
        assert result.stderr.endswith("Nothing new to save.\n")
        assert not saved.exists()

    def test_q_stops_early_and_keeps_the_answers_so_far(self, runner, graph_file, saved):
        result = run(runner, "-g", str(graph_file), "assess", "qlora", stdin="y\nq\n\n")
        assert result.stderr.count("Do you know") == 2
        assert "Stopped; the answers so far decide what follows." in result.stderr
        assert result.stdout.startswith("1 question answered; 3 of 6 concepts for qlora decided.")
        assert marked(saved) == ["linalg", "ml", "python"]  # the first yes, saved on Enter

    def test_end_of_input_after_a_complete_session_is_no_error(self, runner, graph_file, saved):
        result = runner.invoke(
            main, ["-g", str(graph_file), "assess", "qlora"], input="y\nn\nn\nn\n"
        )
        assert result.exit_code == 0
        assert "Aborted!" not in result.stderr
        assert result.stderr.endswith(
            "Not saved (the input ended); kgraph assess --yes saves without asking.\n"
        )
        assert not saved.exists()

    def test_end_of_input_mid_session_stops_like_q(self, runner, graph_file, saved):
        result = runner.invoke(main, ["-g", str(graph_file), "assess", "qlora"], input="y\n")
        assert result.exit_code == 0
        assert "Stopped; the answers so far decide what follows." in result.stderr
        assert "Aborted!" not in result.output

    def test_yes_flag_and_json(self, runner, graph_file, saved):
        result = run(runner, "-g", str(graph_file), "assess", "ml", "-y", "-f", "json",
                     stdin="y\n")  # fmt: skip
        assert [c["id"] for c in json.loads(result.stdout)["known"]] == ["linalg", "ml", "python"]
        assert marked(saved) == ["linalg", "ml", "python"]

    def test_saved_progress_is_not_asked_again(self, runner, graph_file):
        run(runner, "-g", str(graph_file), "learn", "ml")
        result = run(runner, "-g", str(graph_file), "assess", "ml")
        assert "Do you know" not in result.stderr
        assert result.stderr.endswith("Nothing new to save.\n")

    def test_hostile_summary_is_escaped_in_the_prompt(self, runner, tmp_path):
        graph = tmp_path / "g.json"
        doc = {"concepts": [{"id": "x", "name": "X", "level": "use", "category": "ml",
                             "summary": "Evil \x1b[31m red text that is long enough.",
                             "hours": 1, "prerequisites": [], "resources": []}]}  # fmt: skip
        graph.write_text(json.dumps(doc), encoding="utf-8")
        result = run(runner, "-g", str(graph), "assess", stdin="s\n")
        assert "\x1b" not in result.stderr
        assert "\\x1b[31m" in result.stderr
        assert "Undecided: 1" in result.stdout

    def test_end_of_input_before_any_answer_saves_nothing(self, runner, graph_file, saved):
        result = run(runner, "-g", str(graph_file), "assess", stdin="")
        assert result.stderr.endswith("Nothing new to save.\n")
        assert not saved.exists()


def test_known_with_nothing_saved_says_so_instead_of_saved_in(runner, graph_file, tmp_path):
    progress = tmp_path / "none" / "known.json"
    result = runner.invoke(main, ["known", "-g", str(graph_file), "--progress-file", str(progress)])
    assert result.exit_code == 0
    assert "Saved in" not in result.stdout
    assert result.stdout.splitlines()[-1] == (
        f"Nothing saved yet; kgraph learn and kgraph assess save to {progress}"
    )
    assert not progress.exists()


@pytest.mark.parametrize("backup", [True, False])
def test_a_corrupt_progress_file_says_how_to_recover(runner, graph_file, tmp_path, backup):
    progress = tmp_path / "known.json"
    g = ["-g", str(graph_file), "--progress-file", str(progress)]
    assert runner.invoke(main, ["learn", "python", *g]).exit_code == 0
    if backup:
        assert runner.invoke(main, ["learn", "ml", *g]).exit_code == 0  # keeps a .bak
    progress.write_text("{broken", encoding="utf-8")
    result = runner.invoke(main, ["path", "lora", *g])
    assert result.exit_code == 2
    bak = tmp_path / "known.json.bak"
    if backup:
        assert f"`cp {bak} {progress}` restores it" in result.stderr
    else:
        assert f"(`mv {progress} {progress}.broken`) to start over" in result.stderr
    assert progress.read_text(encoding="utf-8") == "{broken"  # untouched

"""The saved-progress file: where it lives, reading, atomic writes with a backup, renames."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kgraph.errors import UnknownConceptError
from kgraph.graph import KGraph
from kgraph.saved_progress import (
    SavedProgress,
    SavedProgressError,
    backup_path,
    forget,
    implied_by,
    learn,
    load_progress,
    marks_text,
    merge,
    migrated,
    parse_marks,
    progress_path,
    record_forgotten,
    record_learned,
    resolve,
    save_progress,
)
from tests.conftest import small_concepts
from tests.helpers import make_concept
from tests.strategies import dags

T0 = "2025-01-01T00:00:00Z"
T1 = "2025-02-01T00:00:00Z"


class TestPath:
    def test_explicit_wins(self, tmp_path: Path):
        env = {"KGRAPH_HOME": "/h", "XDG_DATA_HOME": "/x"}
        assert progress_path(tmp_path / "p.json", env) == str(tmp_path / "p.json")

    def test_kgraph_home_before_xdg(self):
        assert progress_path(None, {"KGRAPH_HOME": "/h", "XDG_DATA_HOME": "/x"}) == "/h/known.json"

    def test_xdg_data_home(self):
        assert progress_path(None, {"XDG_DATA_HOME": "/x"}) == "/x/kgraph/known.json"

    def test_default_is_local_share(self):
        expected = Path.home() / ".local" / "share" / "kgraph" / "known.json"
        assert progress_path(None, {}) == str(expected)

    def test_environment_is_read_by_default(self, tmp_path: Path):
        assert progress_path() == str(tmp_path / "home" / "known.json")


class TestReadWrite:
    def test_missing_file_is_empty(self, tmp_path: Path):
        assert load_progress(tmp_path / "none.json") == SavedProgress(tmp_path / "none.json")

    def test_round_trip_is_canonical(self, tmp_path: Path):
        path = tmp_path / "deep" / "known.json"
        save_progress(SavedProgress(path), {"ml": T1, "lora": T0})
        assert path.read_text(encoding="utf-8") == marks_text({"lora": T0, "ml": T1})
        assert json.loads(path.read_text(encoding="utf-8"))["known"] == {"lora": T0, "ml": T1}
        assert load_progress(path).marks == (("lora", T0), ("ml", T1))

    def test_each_write_keeps_the_previous_file(self, tmp_path: Path):
        path = tmp_path / "known.json"
        first = save_progress(SavedProgress(path), {"ml": T0})
        save_progress(first, {"ml": T0, "lora": T1})
        assert backup_path(path).read_text(encoding="utf-8") == marks_text({"ml": T0})
        assert not backup_path(path).with_name("known.json.bak.bak").exists()

    @pytest.mark.parametrize(
        ("text", "reason"),
        [
            ("{not json", "not valid JSON"),
            ('{"theme": "dark"}', "not a kgraph progress file"),
            ('["ml", 3]', "not a kgraph progress file"),
            ('{"format": "kgraph-known", "version": 9, "known": {}}', "version 9"),
            ('{"format": "kgraph-known", "version": 1, "known": ["ml"]}', '"known" must map'),
            ('{"format": "kgraph-known", "version": 1, "known": {"Not An Id": "x"}}', "must map"),
            (
                '{"format": "kgraph-known", "version": 1, "known": {"ml": "2026-02-30T09:00:00Z"}}',
                "must map",
            ),
            (
                '{"format": "kgraph-known", "version": 1, "known": {"ml": "2026-02-28T24:00:00Z"}}',
                "must map",
            ),
            (
                '{"format": "kgraph-known", "version": 1, "known": {"ml": "0000-01-01T00:00:00Z"}}',
                "must map",
            ),
        ],
    )
    def test_corrupt_or_foreign_file_is_an_error(self, tmp_path: Path, text: str, reason: str):
        path = tmp_path / "known.json"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(SavedProgressError, match=reason) as info:
            load_progress(path)
        assert info.value.exit_code == 2
        assert path.read_text(encoding="utf-8") == text

    def test_undecodable_file_is_a_profile_error(self, tmp_path: Path):
        path = tmp_path / "known.json"
        path.write_bytes(b"\xff\xfe\x00")
        with pytest.raises(SavedProgressError, match="not UTF-8"):
            load_progress(path)

    def test_plain_list_of_ids_is_accepted_for_imports(self):
        assert sorted(parse_marks('["ml", "lora"]', "x")) == ["lora", "ml"]

    def test_failed_rename_leaves_the_previous_file(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ):
        path = tmp_path / "known.json"
        save_progress(SavedProgress(path), {"ml": T0})
        before = path.read_bytes()
        original = os.replace

        def failing(source: str, target: str) -> None:
            if Path(target) == path:
                raise OSError(28, "No space left on device")
            original(source, target)

        monkeypatch.setattr(os, "replace", failing)
        with pytest.raises(Exception, match="No space left"):
            save_progress(load_progress(path), {"ml": T0, "lora": T1})
        assert path.read_bytes() == before
        assert sorted(p.name for p in tmp_path.iterdir()) == ["known.json", "known.json.bak"]


def renamed_graph() -> KGraph:
    """The small graph where `ml` was renamed `machine-learning`, keeping `ml` as an alias."""
    concepts = []
    for original in small_concepts():
        c = original
        if c.id == "ml":
            c = c._replace(id="machine-learning", aliases=("ml",))
        prereqs = tuple(
            p._replace(id="machine-learning") if p.id == "ml" else p for p in c.prerequisites
        )
        concepts.append(c._replace(prerequisites=prereqs))
    return KGraph(concepts)


class TestMarks:
    def test_learn_keeps_the_first_time(self, small_graph: KGraph):
        marks = learn(small_graph, {"ml": T0}, ["Machine learning", "LoRA"], T1)
        assert marks == {"ml": T0, "lora": T1}

    def test_unknown_name_raises_before_any_change(self, small_graph: KGraph):
        marks = {"ml": T0}
        with pytest.raises(UnknownConceptError, match="did you mean"):
            learn(small_graph, marks, ["lora", "lorra"], T1)
        assert marks == {"ml": T0}

    def test_forget_removes_only_the_name(self, small_graph: KGraph):
        assert forget(small_graph, {"ml": T0, "lora": T0}, ["ml"]) == {"lora": T0}

    def test_still_implied_names_the_marked_dependents(self, small_graph: KGraph):
        assert implied_by(small_graph, ["lora", "history"], "ml") == ("lora",)

    def test_merge_keeps_the_earliest_time(self, small_graph: KGraph):
        merged = merge(small_graph, {"ml": T1}, {"ml": T0, "lora": T1})
        assert merged == {"ml": T0, "lora": T1}

    def test_old_id_resolves_through_the_alias(self):
        resolved = resolve(renamed_graph(), {"ml": T0, "gone": T1})
        assert resolved.ids == ("machine-learning",)
        assert resolved.unresolved == ("gone",)

    def test_next_write_migrates_and_keeps_unknown_ids(self, tmp_path: Path):
        kg = renamed_graph()
        path = tmp_path / "known.json"
        save_progress(SavedProgress(path), {"ml": T0, "gone": T1})
        saved = load_progress(path)
        save_progress(saved, learn(kg, saved.marked, ["lora"], T1))
        assert load_progress(path).marked == {"machine-learning": T0, "gone": T1, "lora": T1}

    def test_two_old_ids_of_one_concept_keep_the_earliest(self):
        kg = KGraph([make_concept("new", aliases=("old",))])
        assert migrated(kg, {"old": T0, "new": T1}) == {"new": T0}


def drawn(graph, data) -> tuple[KGraph, set[str], list[str]]:
    """A graph, the ids already marked in it and the names a command is given."""
    kg = KGraph(graph.concepts)
    ids = sorted(kg.concepts)
    start = data.draw(st.sets(st.sampled_from(ids)))
    return kg, start, data.draw(st.lists(st.sampled_from(ids), min_size=1, max_size=4))


@given(graph=dags(), data=st.data())
def test_after_learn_the_closure_contains_cl_of_each_name(graph, data):
    kg, start, names = drawn(graph, data)
    marks = learn(kg, dict.fromkeys(start, T0), names, T1)
    assert kg.closure(names) <= kg.closure(resolve(kg, marks).ids)
    assert set(start) <= set(marks)


@given(graph=dags(), data=st.data())
def test_forget_removes_exactly_what_it_names(graph, data):
    kg, start, names = drawn(graph, data)
    marks = forget(kg, dict.fromkeys(start, T0), names)
    assert set(marks) == set(start) - set(names)


class TestRecord:
    def test_learn_writes_only_what_is_new(self, tmp_path: Path):
        kg = KGraph(small_concepts())
        path = tmp_path / "known.json"
        first = record_learned(kg, load_progress(path), ["lora", "ml"], T0)
        assert (first.changed, first.unchanged) == (("lora", "ml"), ())
        written = path.read_text(encoding="utf-8")
        again = record_learned(kg, load_progress(path), ["LoRA"], T1)
        assert (again.changed, again.unchanged) == ((), ("lora",))
        assert path.read_text(encoding="utf-8") == written
        assert not backup_path(path).exists()

    def test_forget_removes_only_its_names_and_says_what_stays_implied(self, tmp_path: Path):
        kg = KGraph(small_concepts())
        path = tmp_path / "known.json"
        record_learned(kg, load_progress(path), ["ml", "lora"], T0)
        change = record_forgotten(kg, load_progress(path), ["ml", "python"])
        assert (change.changed, change.unchanged) == (("ml",), ("python",))
        assert change.still_implied == (("ml", ("lora",)), ("python", ("lora",)))
        assert load_progress(path).marked == {"lora": T0}

    def test_unknown_name_writes_nothing(self, tmp_path: Path):
        kg = KGraph(small_concepts())
        path = tmp_path / "known.json"
        with pytest.raises(UnknownConceptError):
            record_learned(kg, load_progress(path), ["lora", "nope"], T0)
        assert not path.exists()


def test_no_home_at_all_is_a_clear_error(monkeypatch):
    from kgraph.errors import InputError
    from kgraph.saved_progress import progress_path

    monkeypatch.setattr(os.path, "expanduser", lambda path: path)  # as with no $HOME nor passwd
    with pytest.raises(InputError, match="KGRAPH_HOME"):
        progress_path(env={})
    assert progress_path(env={"XDG_DATA_HOME": "/x"}) == "/x/kgraph/known.json"


def test_a_time_not_in_the_files_own_format_is_refused():
    """The times reach the terminal (`known --export`): only what `now` writes is accepted."""
    for when in ("2025\x9b2J\u202eevil", "yesterday", "2025-01-01", 7):
        text = json.dumps({"format": "kgraph-known", "version": 1, "known": {"ml": when}})
        with pytest.raises(SavedProgressError):
            parse_marks(text, "p.json")
    good = json.dumps({"format": "kgraph-known", "version": 1, "known": {"ml": T0}})
    assert parse_marks(good, "p.json") == {"ml": T0}

"""The validated-graph cache: a hit skips validation, and nothing stale or broken is trusted."""

from __future__ import annotations

import json
import marshal
import os
import subprocess
import sys
import time
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from click.testing import CliRunner

from kgraph import cache, load, parsing, queries, store
from kgraph.cli import main
from kgraph.errors import DataError, InputError
from kgraph.load import load_graph
from kgraph.model import Concept, Headline
from kgraph.version import __version__
from tests.conftest import REPO

if TYPE_CHECKING:
    from collections.abc import Callable


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths the loader parses (and so validates) from now on."""
    seen: list[str] = []
    real = parsing.parse

    def counting(text: str, path: str) -> parsing.Parsed:
        seen.append(path)
        return real(text, path)

    monkeypatch.setattr(parsing, "parse", counting)  # load imports it when a file must be checked
    return seen


def entries() -> list[Path]:
    folder = Path(cache.cache_dir())
    return sorted(folder.glob("*.entry")) if folder.is_dir() else []


def test_second_load_comes_from_the_cache_and_equals_the_checked_graph(graph_file, parses):
    first = load_graph(graph_file)
    assert len(entries()) == 1
    second = load_graph(graph_file)
    assert parses == [str(graph_file)]  # validated once only
    assert list(second.concepts) == list(first.concepts)
    assert dict(second.concepts) == dict(first.concepts)
    assert second.prerequisites == first.prerequisites
    assert second.dependents == first.dependents
    assert second.learning_order(second.concepts) == first.learning_order(first.concepts)
    assert "nothing" not in second.concepts


def test_an_entry_is_a_header_an_index_and_the_canonical_concepts(graph_file):
    """A header line, the index (what walks read, marshal), each concept's JSON, in id order."""
    kg = load_graph(graph_file)
    [entry] = entries()
    first, rest = entry.read_bytes().split(b"\n", 1)
    header = first.decode().split()
    length = int(header[5])
    index, documents = rest[:length], rest[length:]
    assert header == [
        "kgraph-cache",
        str(cache.FORMAT),
        entry.stem,
        __version__,
        str(marshal.version),
        str(len(index)),
        str(zlib.crc32(index)),
        str(zlib.crc32(documents)),
    ]
    lines = documents.decode().split("\n")
    concepts = [kg[cid] for cid in sorted(kg.concepts)]
    assert [json.loads(line) for line in lines] == [c.to_json() for c in concepts]
    names = [tuple((lang, t.name) for lang, t in sorted(c.translations.items())) for c in concepts]
    schema_ref, rows = marshal.loads(index)  # noqa: S302 - the entry this test just wrote
    assert schema_ref.endswith("schema.json")
    needs = [tuple(sorted(c.prerequisite_ids)) for c in concepts]
    assert rows == tuple(
        (c.id, c.level.value, p, cache.index_mark(c), c.hours, c.name, n)
        for c, p, n in zip(concepts, needs, names, strict=True)
    )


def test_a_cached_plan_outline_is_the_plan_and_builds_no_concept(tmp_path: Path):
    """A plan's text reads headlines from the index: the same steps, hours and totals."""
    graph_file = tmp_path / "concepts.json"
    graph_file.write_text((REPO / "graph" / "concepts.json").read_text(encoding="utf-8"))
    cold = load_graph(graph_file)
    warm = load_graph(graph_file)
    goal = max(cold.concepts, key=lambda cid: len(cold.ancestors(cid)))  # the longest plan
    outline = queries.plan_outline(warm, goal)
    assert not warm.concepts._built  # type: ignore[attr-defined]  # no concept built
    plan = queries.learning_path(cold, goal)
    assert len(plan.steps) > 1
    assert [(Headline.of(s.concept), s.running_hours) for s in plan.steps] == list(outline.steps)
    assert outline._asdict() | {"steps": ()} == plan._asdict() | {"steps": ()}
    assert {cid: warm.headline(cid) for cid in warm.concepts} == {
        cid: Headline.of(concept) for cid, concept in cold.concepts.items()
    }


def test_a_cached_path_prints_its_text_without_building_a_concept(graph_file, monkeypatch):
    runner = CliRunner()
    args = ["path", "lora", "--graph", str(graph_file)]
    first = runner.invoke(main, args)  # checks the file and fills the cache
    built: list[str] = []
    real = Concept.from_json

    def counting(doc: dict[str, object]) -> object:
        built.append(str(doc["id"]))
        return real(doc)

    monkeypatch.setattr(Concept, "from_json", counting)
    again = runner.invoke(main, args)
    assert (again.exit_code, again.output) == (0, first.output)
    assert built == []
    detailed = runner.invoke(main, [*args, "--detail"])  # outcomes and resources: whole concepts
    assert detailed.exit_code == 0
    assert "lora" in built


def test_a_cached_query_parses_only_the_concepts_it_reads(graph_file, monkeypatch):
    load_graph(graph_file)  # fill the cache
    parsed: list[str] = []
    real = json.loads

    def counting(text, *args, **kwargs):
        if isinstance(text, str) and text.startswith('{"id":'):
            parsed.append(text)
        return real(text, *args, **kwargs)

    monkeypatch.setattr(json, "loads", counting)
    kg = load_graph(graph_file)
    assert kg.learning_order(kg.closure(["ml"]))[-1] == "ml"  # walks read the index only
    assert parsed == []
    assert kg["ml"].name == "Machine learning"
    assert len(parsed) == 1
    assert kg.resolve("ml") == "ml"
    assert kg["ml"] is kg["ml"]
    assert len(parsed) == 1


def test_a_changed_file_is_checked_again(graph_file, parses):
    load_graph(graph_file)
    text = graph_file.read_text(encoding="utf-8")
    graph_file.write_text(text.replace('"hours": 20', '"hours": -1', 1), encoding="utf-8")
    with pytest.raises(DataError, match="hours"):
        load_graph(graph_file)
    assert len(parses) == 2


def test_another_kgraph_version_does_not_trust_the_entry(graph_file, parses, monkeypatch):
    load_graph(graph_file)
    monkeypatch.setattr(cache, "__version__", "99.0")
    load_graph(graph_file)
    assert len(parses) == 2
    assert len(entries()) == 2


def test_edited_validating_code_does_not_trust_the_entry(graph_file, parses, monkeypatch):
    load_graph(graph_file)
    monkeypatch.setattr(cache, "_code_fingerprint", lambda: "edited checkout")
    load_graph(graph_file)
    assert len(parses) == 2


def _header_field(position: int, value: bytes) -> Callable[[bytes], bytes]:
    """A damage: the header's field at *position* replaced by *value*."""

    def damage(data: bytes) -> bytes:
        first, rest = data.split(b"\n", 1)
        fields = first.split(b" ")
        fields[position] = value
        return b" ".join(fields) + b"\n" + rest

    return damage


def _index_byte_flipped(data: bytes) -> bytes:
    """A bit flipped in the middle of the index: a bad block, still the right length."""
    first, rest = data.split(b"\n", 1)
    middle = int(first.split()[5]) // 2
    return first + b"\n" + rest[:middle] + bytes([rest[middle] ^ 1]) + rest[middle + 1 :]


def _index_rewritten(data: bytes) -> bytes:
    """A sound checksum over an index of another shape: loading it must not raise."""
    first, rest = data.split(b"\n", 1)
    fields = first.split(b" ")
    index = marshal.dumps(["not", "an", "index"])
    fields[5:7] = [str(len(index)).encode(), str(zlib.crc32(index)).encode()]
    return b" ".join(fields) + b"\n" + index + rest[int(first.split()[5]) :]


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # truncated
        lambda data: b"",
        lambda data: b"[]",
        _header_field(0, b"kgraph-stamp"),  # not an entry
        _header_field(1, b"5"),  # another format
        _header_field(2, b"0" * 64),  # another file's key inside
        _header_field(3, b"0.0"),  # another kgraph
        _header_field(4, b"99"),  # another marshal version
        _header_field(5, b"x"),  # a length that is no number
        _index_byte_flipped,
        _index_rewritten,
        lambda data: data.replace(b'"hours":20', b'"hours":21', 1),  # damaged, still valid JSON
        lambda data: data.partition(b"\n")[2],  # no header
        lambda data: data.replace(b'"level":', b'"levels":', 1),  # a concept that does not build
        lambda data: data.replace(b'"id":"lora"', b'"id":"\xff"', 1),  # not UTF-8
    ],
)
def test_a_corrupt_entry_is_rebuilt(graph_file, parses, damage):
    load_graph(graph_file)
    [entry] = entries()
    good = entry.read_bytes()
    entry.write_bytes(damage(good))
    kg = load_graph(graph_file)
    assert kg["lora"].id == "lora"  # a concept read: its lines are checked by now
    assert len(parses) == 2
    assert "lora" in kg
    assert entry.read_bytes() == good


def test_concept_lines_damaged_after_the_index_was_read_are_checked_again_from_the_file(
    graph_file, parses
):
    """A plan's text reads the index only; the concepts' lines are checked when first read."""
    checked = load_graph(graph_file)
    kg = load_graph(graph_file)  # from the cache: no concept line read yet
    [entry] = entries()
    good = entry.read_bytes()
    entry.write_bytes(good.replace(b'"hours":20', b'"hours":21', 1))
    assert dict(kg.concepts) == dict(checked.concepts)  # the file's concepts, not the damage
    assert len(parses) == 2
    assert entry.read_bytes() == good


def test_a_graph_saved_while_its_cached_lines_are_damaged_is_an_error_not_a_mix(graph_file):
    load_graph(graph_file)
    kg = load_graph(graph_file)
    [entry] = entries()
    entry.write_bytes(entry.read_bytes().replace(b'"hours":20', b'"hours":21', 1))
    text = graph_file.read_text(encoding="utf-8")
    graph_file.write_text(text.replace('"hours": 20', '"hours": 22', 1), encoding="utf-8")
    with pytest.raises(InputError, match="changed while kgraph read it") as raised:
        kg["lora"]
    assert raised.value.key == "error.graph_changed"  # type: ignore[attr-defined]


def test_an_unreadable_entry_is_a_miss(graph_file, parses):
    load_graph(graph_file)
    [entry] = entries()
    entry.unlink()
    entry.mkdir()  # reading it fails with an OS error
    assert "lora" in load_graph(graph_file)
    assert len(parses) == 2


def test_a_cache_folder_that_cannot_be_written_only_costs_speed(graph_file, tmp_path, parses):
    blocker = tmp_path / "xdg-cache"
    blocker.mkdir(exist_ok=True)
    (blocker / "kgraph").write_text("a file where the folder should be", encoding="utf-8")
    assert "lora" in load_graph(graph_file)
    assert "lora" in load_graph(graph_file)
    assert len(parses) == 2


def test_a_failing_write_leaves_no_entry(graph_file, monkeypatch):
    def full(*_: object) -> None:
        msg = "disk full"
        raise InputError(msg)

    monkeypatch.setattr(cache, "write_atomic", full)
    assert "lora" in load_graph(graph_file)
    assert entries() == []


def test_old_entries_are_pruned(graph_file, monkeypatch):
    for n in range(cache.KEEP + 3):
        monkeypatch.setattr(cache, "__version__", f"0.{n}")
        load_graph(graph_file)
    assert len(entries()) == cache.KEEP


def test_no_cache_option_and_environment_turn_it_off(graph_file, parses, monkeypatch):
    runner = CliRunner()
    args = ["--no-cache", "show", "lora", "--graph", str(graph_file)]
    assert runner.invoke(main, args).exit_code == 0
    assert runner.invoke(main, args).exit_code == 0
    assert entries() == []
    monkeypatch.setenv(cache.NO_CACHE_ENV, "1")
    assert runner.invoke(main, args[1:]).exit_code == 0
    assert entries() == []
    assert len(parses) == 3
    monkeypatch.setenv(cache.NO_CACHE_ENV, "0")
    assert runner.invoke(main, args[1:]).exit_code == 0
    assert len(entries()) == 1


def test_a_warm_query_never_imports_pydantic_json_or_pathlib(graph_file, tmp_path):
    """The point of the cache: a validated graph loads without pydantic's import (or OpenSSL's).

    And a warm plan's text needs neither json (the index is marshal, no concept is read) nor
    pathlib (the start-up path's paths are strings): together a tenth of its start.
    """
    script = (
        "import sys\n"
        "from kgraph.cli import main\n"
        "try:\n"
        "    main(['path', 'lora', '--known', '', '--graph', sys.argv[1]])\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = ('pydantic', 'pydantic_core', '_hashlib', 'json', 'pathlib')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy))\n"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}

    def imported() -> str:
        run = subprocess.run(
            [sys.executable, "-c", script, str(graph_file)],
            capture_output=True, text=True, env=env, check=True,
        )  # fmt: skip
        return run.stdout.strip().splitlines()[-1]

    assert "pydantic" in imported()  # cold: the file is checked, with pydantic
    assert imported() == "[]"  # warm


def test_a_graph_over_the_size_limit_stops_before_reading(graph_file, monkeypatch):
    monkeypatch.setenv(store.MAX_MIB_ENV, "0")
    with pytest.raises(InputError, match=r"MiB is more than kgraph reads .* KGRAPH_MAX_MIB"):
        load_graph(graph_file)
    result = CliRunner().invoke(main, ["validate", "--graph", str(graph_file)])
    assert result.exit_code == 2
    assert "KGRAPH_MAX_MIB" in result.output


def test_a_bad_size_limit_is_a_clear_error(graph_file, monkeypatch):
    monkeypatch.setenv(store.MAX_MIB_ENV, "lots")
    with pytest.raises(InputError, match="KGRAPH_MAX_MIB='lots' is not a whole number"):
        load_graph(graph_file)


def test_without_any_home_the_cache_is_off(graph_file, parses, monkeypatch):
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setattr(os.path, "expanduser", lambda path: path)  # as with no $HOME nor passwd
    assert not cache.enabled()
    assert "lora" in load_graph(graph_file)
    assert "lora" in load_graph(graph_file)
    assert len(parses) == 2
    with pytest.raises(InputError, match="no cache folder"):
        cache.cache_dir()


def test_a_file_saved_between_lookup_and_check_is_cached_under_what_was_checked(
    graph_file, parses, monkeypatch
):
    """The lookup hashes the file, the check reads it again: an edit in between must not make
    the old bytes' key point at the new bytes' concepts."""
    good = graph_file.read_bytes()
    broken = good.replace(b'"id": "ml"', b'"id": "ml", "bogus": 1', 1)
    graph_file.write_bytes(broken)
    real_read = store.read_bytes

    def read_after_a_save(path: Path, *, limit: int | None = None) -> bytes:
        graph_file.write_bytes(good)  # an editor saves while kgraph is between its two reads
        return real_read(path, limit=limit)

    monkeypatch.setattr(load, "read_bytes", read_after_a_save)
    load_graph(graph_file)  # checks the good bytes
    monkeypatch.setattr(load, "read_bytes", real_read)
    graph_file.write_bytes(broken)
    with pytest.raises(DataError, match="unknown key"):
        load_graph(graph_file)  # the broken bytes never had an entry


def test_a_pipe_is_read_once_and_never_cached(graph_file, tmp_path):
    fifo = tmp_path / "graph.fifo"
    os.mkfifo(fifo)
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    feed = subprocess.Popen(["sh", "-c", f'cat "{graph_file}" > "{fifo}"'])
    shown = subprocess.run(
        [sys.executable, "-m", "kgraph", "show", "lora", "--graph", str(fifo)],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    feed.wait()
    assert shown.returncode == 0, shown.stderr
    assert "lora" in shown.stdout
    assert not (tmp_path / "cache" / "kgraph").exists()


def test_editing_any_module_of_kgraph_changes_the_key(monkeypatch, tmp_path):
    package = tmp_path / "kgraph"
    (package / "render").mkdir(parents=True)
    for name in ("cache.py", "graph.py", "render/text.py"):
        (package / name).write_text("# code\n", encoding="utf-8")
    monkeypatch.setattr(cache, "__file__", str(package / "cache.py"))
    before = cache.key("0" * 64)
    assert cache.key("0" * 64) == before
    (package / "graph.py").write_text("# edited code\n", encoding="utf-8")
    assert cache.key("0" * 64) != before
    edited = cache.key("0" * 64)
    (package / "render" / "text.py").write_text("# edited too\n", encoding="utf-8")
    assert cache.key("0" * 64) != edited


def test_a_cache_hit_knows_projects_and_capstones_without_reading_them(tmp_path: Path):
    """Ordering a plan reads which entries are projects from the index, not from the concepts."""
    graph_file = tmp_path / "concepts.json"
    graph_file.write_text((REPO / "graph" / "concepts.json").read_text(encoding="utf-8"))
    cold = load_graph(graph_file)
    warm = load_graph(graph_file)  # from the cache entry written by the first load
    assert warm.capstones == cold.capstones
    assert warm.capstones, "the shipped graph has capstones"
    some = sorted(set(cold.concepts) - set(cold.capstones))[:50] + list(cold.capstones)
    assert warm.plan_order(some) == cold.plan_order(some)
    everything = warm.closure(warm.capstones)
    assert warm.plan_order(everything) == cold.plan_order(everything)
    assert not warm.concepts._built  # type: ignore[attr-defined]  # ordering built no concept


@pytest.fixture
def hashed(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The graph files the cache lookup hashes from now on."""
    seen: list[Path] = []
    real = store.digest

    def counting(path: str, *, limit: int | None = None) -> str:
        seen.append(Path(path))
        return real(path, limit=limit)

    monkeypatch.setattr(cache, "digest", counting)
    return seen


def stamps() -> list[Path]:
    return sorted(Path(cache.cache_dir()).glob("*.stamp"))


def test_a_settled_file_is_hashed_once_while_its_status_stays(
    graph_file, parses, hashed, monkeypatch
):
    monkeypatch.setattr(cache, "SETTLED_NS", -1)  # as if the file were saved long ago
    first = load_graph(graph_file)
    assert len(stamps()) == 1
    second = load_graph(graph_file)
    assert hashed == [graph_file]
    assert parses == [str(graph_file)]
    assert dict(second.concepts) == dict(first.concepts)


def test_a_file_rewritten_with_its_size_and_modification_time_is_hashed_again(
    graph_file, parses, hashed, monkeypatch
):
    """What `git checkout` or a copy with kept times can do: only the change time tells."""
    monkeypatch.setattr(cache, "SETTLED_NS", -1)
    load_graph(graph_file)
    before = graph_file.stat()
    text = graph_file.read_text(encoding="utf-8")
    graph_file.write_text(text.replace('"hours": 20', '"hours": -1', 1), encoding="utf-8")
    os.utime(graph_file, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = graph_file.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    with pytest.raises(DataError, match="hours"):
        load_graph(graph_file)
    assert len(hashed) == 2
    assert len(parses) == 2


def test_a_file_changed_just_now_gets_no_stamp_and_is_hashed_every_time(graph_file, hashed):
    """Within one tick of a coarse clock an edit could keep the whole status: no stamp yet."""
    assert graph_file.stat().st_mtime_ns > time.time_ns() - cache.SETTLED_NS
    load_graph(graph_file)
    load_graph(graph_file)
    assert stamps() == []
    assert hashed == [graph_file, graph_file]


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: "",
        lambda text: text[: len(text) // 2],
        lambda text: _stamp_field(text, 7, "0" * 63),  # a digest cut short
        lambda text: _stamp_field(text, 7, "0"),  # no digest at all
        lambda text: _stamp_field(text, 2, "x"),  # a size that is no number
        lambda text: text.replace(" /", " /elsewhere/", 1),  # another file's stamp
        lambda text: _stamp_field(text, 1, "5"),  # another format
        lambda text: _stamp_field(text, 0, "kgraph-cache"),  # not a stamp
        lambda text: " ".join(text.split(" ")[:7]),  # no digest and no path
    ],
)
def test_a_damaged_stamp_is_never_trusted(graph_file, parses, monkeypatch, damage):
    monkeypatch.setattr(cache, "SETTLED_NS", -1)
    first = load_graph(graph_file)
    [stamp] = stamps()
    stamp.write_text(damage(stamp.read_text(encoding="utf-8")), encoding="utf-8")
    again = load_graph(graph_file)
    assert dict(again.concepts) == dict(first.concepts)
    assert parses[:1] == [str(graph_file)]
    assert load_graph(graph_file).prerequisites == first.prerequisites  # a sound stamp again
    [rewritten] = stamps()
    status = graph_file.stat()
    fields = (status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino, status.st_dev)
    digest = store.digest(graph_file)
    assert rewritten.read_text(encoding="utf-8") == (
        f"kgraph-stamp {cache.FORMAT} {' '.join(map(str, fields))} {digest} {graph_file}\n"
    )


def test_a_stamp_keeps_a_path_with_spaces_and_a_line_feed(tmp_path, parses, monkeypatch):
    """The path is the stamp's last field, kept whole: a space or a line feed in it is no damage."""
    monkeypatch.setattr(cache, "SETTLED_NS", -1)
    odd = tmp_path / "my graphs\nnew" / "concepts .json"
    odd.parent.mkdir()
    odd.write_text((REPO / "graph" / "concepts.json").read_text(encoding="utf-8"))
    load_graph(odd)
    load_graph(odd)
    assert len(stamps()) == 1
    assert parses == [str(odd)]  # the second load found its entry through the stamp


def _stamp_field(text: str, position: int, value: str) -> str:
    fields = text.split(" ")
    fields[position] = value
    return " ".join(fields)

"""The package's public names (kgraph/__init__.py)."""

from __future__ import annotations

import pkgutil

import kgraph
from kgraph.model import GraphFile
from kgraph.store import dump
from tests.conftest import small_concepts


def test_no_public_name_shadows_a_submodule():
    """``import kgraph.x`` must give the module x, whatever the package exports."""
    modules = {info.name for info in pkgutil.iter_modules(kgraph.__path__)}
    assert not modules & set(kgraph.__all__)


def test_the_public_names_are_exported():
    namespace: dict[str, object] = {}
    exec("from kgraph import *", namespace)  # noqa: S102 - the star import is what is tested
    assert all(callable(namespace[name]) for name in ("validate", "parse", "why", "show"))
    assert set(kgraph.__all__) <= set(namespace)


def test_load_graph_without_a_path_loads_what_the_cli_would(tmp_path, monkeypatch, graph_file):
    """No argument: $KGRAPH_GRAPH, else ./graph/concepts.json, else the packaged graph."""
    from kgraph.store import packaged_graph_path

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)  # no graph/ here: the packaged graph
    assert len(kgraph.load_graph()) == len(kgraph.load_graph(packaged_graph_path()))
    (elsewhere / "graph").mkdir()
    (elsewhere / "graph" / "concepts.json").write_bytes(graph_file.read_bytes())
    assert set(kgraph.load_graph().concepts) == set(kgraph.load_graph(graph_file).concepts)
    assert len(kgraph.load_graph()) != len(kgraph.load_graph(packaged_graph_path()))
    other = tmp_path / "other.json"
    other.write_text(dump(GraphFile(tuple(small_concepts()[:2]))), encoding="utf-8")
    monkeypatch.setenv("KGRAPH_GRAPH", str(other))
    assert set(kgraph.load_graph().concepts) == {"linalg", "python"}


def test_every_path_parameter_takes_str_and_pathlike(tmp_path, graph_file):
    import os

    from kgraph.load import load_checked
    from kgraph.saved_progress import load_progress, locked_progress, progress_path
    from kgraph.store import read_text

    class Where(os.PathLike[str]):
        def __init__(self, path: object) -> None:
            self.path = str(path)

        def __fspath__(self) -> str:
            return self.path

    for kind in (str, Where):
        assert len(kgraph.load_graph(kind(graph_file))) == len(kgraph.load_graph(graph_file))
        assert len(load_checked(kind(graph_file))[1]) == len(kgraph.load_graph(graph_file))
        assert kgraph.resolve_graph_path(kind(graph_file)) == str(graph_file)
        target = tmp_path / f"out-{kind.__name__}.txt"
        kgraph.write_atomic(kind(target), "text\n")
        assert read_text(kind(target)) == "text\n"
        progress = tmp_path / f"known-{kind.__name__}.json"
        assert progress_path(kind(progress)) == str(progress)
        assert load_progress(kind(progress)).marked == {}
        with locked_progress(kind(progress)) as progress_file:
            assert progress_file.path == progress


def test_the_docs_library_snippet_runs_outside_a_clone(tmp_path, capsys):
    """The test runs in an empty folder (conftest), as a user's script would."""
    import re

    from tests.conftest import REPO

    section = (REPO / "docs" / "how-to" / "library.md").read_text(encoding="utf-8")
    snippet = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    assert snippet is not None
    assert not (tmp_path / "graph").exists()
    exec(compile(snippet.group(1), "library.md", "exec"), {})  # noqa: S102 - the snippet is the test
    steps, hours = capsys.readouterr().out.split()
    assert int(steps) > 0
    assert float(hours) > 0

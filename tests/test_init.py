"""The package's public names (kgraph/__init__.py)."""

from __future__ import annotations

import pkgutil

import kgraph


def test_no_public_name_shadows_a_submodule():
    """``import kgraph.x`` must give the module x, whatever the package exports."""
    modules = {info.name for info in pkgutil.iter_modules(kgraph.__path__)}
    assert not modules & set(kgraph.__all__)


def test_the_public_names_are_exported():
    namespace: dict[str, object] = {}
    exec("from kgraph import *", namespace)  # noqa: S102 - the star import is what is tested
    assert all(callable(namespace[name]) for name in ("validate", "parse", "why", "show"))
    assert set(kgraph.__all__) <= set(namespace)

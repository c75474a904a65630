"""The package's public names (kgraph/__init__.py)."""

from __future__ import annotations


def test_the_public_names_are_the_functions_not_the_modules():
    """`kgraph.validate` is also a module's name: the package must still export the function."""
    import kgraph
    from kgraph import load_graph, validate

    assert callable(validate)
    assert callable(load_graph)
    namespace: dict[str, object] = {}
    exec("from kgraph import *", namespace)  # noqa: S102 - the star import is what is tested
    assert all(callable(namespace[name]) for name in ("validate", "parse", "why", "show"))
    assert kgraph.validate is validate

"""The docs' "Errors and exit codes" table lists every error class with its exit code."""

from __future__ import annotations

import importlib
import pkgutil
import re

import kgraph
from kgraph.errors import KgraphError
from tests.conftest import REPO

ROW = re.compile(r"^\| `(?P<name>\w+)` \| (?P<code>\d) \|", re.MULTILINE)


def error_classes() -> dict[str, type[KgraphError]]:
    """Every KgraphError subclass defined anywhere in the package (all modules imported)."""
    for module in pkgutil.walk_packages(kgraph.__path__, "kgraph."):
        if module.name != "kgraph.__main__":  # importing it runs the CLI
            importlib.import_module(module.name)
    found, todo = {}, [KgraphError]
    while todo:
        cls = todo.pop()
        found[cls.__name__] = cls
        todo.extend(cls.__subclasses__())
    return found


def test_every_error_class_is_in_the_table_with_its_exit_code():
    page = (REPO / "docs" / "reference" / "errors.md").read_text(encoding="utf-8")
    section = page.split("# Errors and exit codes", 1)[1].split("\n## ", 1)[0]
    table = {m["name"]: int(m["code"]) for m in ROW.finditer(section)}
    assert table == {name: cls.exit_code for name, cls in error_classes().items()}
    assert set(table) >= {"DataError", "InputError", "UnknownConceptError", "SavedProgressError"}

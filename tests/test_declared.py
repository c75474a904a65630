"""Every package kgraph imports is declared in pyproject.toml (no import works by luck)."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from pathlib import Path

import kgraph
from tests.conftest import REPO

PACKAGE = Path(kgraph.__file__).parent
# Distribution name → the module it installs, where the two differ.
MODULE_OF = {"pydantic-core": "pydantic_core", "coverage": "coverage", "pyyaml": "yaml"}


def imported_packages() -> dict[str, str]:
    """Top-level modules imported anywhere in kgraph (outside the standard library) → a file."""
    found: dict[str, str] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.partition(".")[0]
                if top != "kgraph" and top not in sys.stdlib_module_names:
                    found.setdefault(top, str(path.relative_to(REPO)))
    return found


def declared_modules() -> set[str]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = [*project["dependencies"]]
    for extra in ("networkx",):  # the library's optional features (not test or lint tools)
        requirements += project["optional-dependencies"][extra]
    names = {re.split(r"[<>=!~\[ ;]", r, maxsplit=1)[0].lower() for r in requirements}
    return {MODULE_OF.get(name, name.replace("-", "_")) for name in names}


def test_every_imported_package_is_declared():
    undeclared = {
        m: where for m, where in imported_packages().items() if m not in declared_modules()
    }
    assert undeclared == {}


def test_the_scan_sees_the_direct_imports():
    found = imported_packages()
    assert {"click", "pydantic", "pydantic_core", "jinja2", "markupsafe"} <= set(found)

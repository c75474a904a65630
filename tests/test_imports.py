"""Query commands start fast: they never import networkx, pyvis, jinja2 or IPython.

An assertion about imports, not a timing: the machines are shared and noisy.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from kgraph.cli.app import COMMAND_MODULES
from tests.commands import examples
from tests.conftest import SHIPPED

HEAVY = ("networkx", "pyvis", "jinja2", "IPython")
PROBE = """
import json, sys
from kgraph.cli import main
try:
    main(sys.argv[1:], standalone_mode=False)
except SystemExit:
    pass
print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in {heavy})), file=sys.stderr)
"""


@pytest.mark.parametrize(
    "command",
    [
        ["path", "lora", "agi"],
        ["path", "lora", "agi", "--lang", "ru"],
        ["path", "agi"],
        ["path", "lora", "agi", "--pace", "10", "--detail"],
        ["path", "lora", "agi", "--pace", "10", "--format", "ics"],
        ["projects"],
        ["gaps", "transformer"],
        ["next"],
        ["why", "matrix-rank", "lora"],
        ["unlocks", "attention"],
        ["show", "lora"],
        ["search", "attention"],
        ["list"],
        ["stats"],
        ["validate"],
    ],
)
def test_query_commands_import_nothing_heavy(command: list[str]):
    probe = PROBE.replace("{heavy}", repr(set(HEAVY)))
    result = subprocess.run(
        [sys.executable, "-c", probe, *command], capture_output=True, text=True, check=True
    )
    imported = json.loads(result.stderr.strip().splitlines()[-1])
    assert imported == [], f"{command} imported {imported}"
    assert result.stdout.strip()


# Commands allowed a heavy import, with the reason; every other registered command is checked.
HEAVY_BY_DESIGN = {"refresh": "rewrites the HTML page, which jinja2 renders"}


@pytest.mark.parametrize("name", sorted(set(COMMAND_MODULES) - set(HEAVY_BY_DESIGN)))
def test_every_registered_command_imports_nothing_heavy(name: str, tmp_path):
    """From the registry (`tests.commands`): a new command is audited without being listed."""
    args = examples("lora", "agi", graph=str(SHIPPED), out=str(tmp_path / "out"))[name]
    probe = PROBE.replace("{heavy}", repr(set(HEAVY)))
    result = subprocess.run(
        [sys.executable, "-c", probe, *args, "--graph", str(SHIPPED)],
        capture_output=True, text=True, check=True, input="q\n",
    )  # fmt: skip
    imported = json.loads(result.stderr.strip().splitlines()[-1])
    assert imported == [], f"{name} imported {imported}"


def test_a_query_without_saved_progress_does_not_load_the_progress_module(tmp_path):
    """Nothing saved (a fresh $KGRAPH_HOME): path neither reads nor imports kgraph.saved_progress."""
    probe = PROBE.replace("m.split('.')[0] in {heavy}", "m.startswith('kgraph')")
    args = ["path", "lora", "agi", "--graph", str(SHIPPED)]
    env = {**os.environ, "KGRAPH_HOME": str(tmp_path / "nothing-saved")}
    done = subprocess.run(
        [sys.executable, "-c", probe, *args], capture_output=True, text=True, check=True, env=env
    )
    modules = json.loads(done.stderr.strip().splitlines()[-1])
    assert "kgraph.saved_progress" not in modules
    assert "kgraph.queries" in modules  # the probe does see kgraph's modules


def test_a_plan_without_dates_loads_neither_the_pace_module_nor_other_commands(tmp_path):
    """``path`` defines its own command only, and a plan without --pace or --start has no dates."""
    probe = PROBE.replace("m.split('.')[0] in {heavy}", "m.startswith('kgraph')")
    env = {**os.environ, "KGRAPH_HOME": str(tmp_path / "nothing-saved")}

    def modules(*args: str) -> list[str]:
        command = ["path", "lora", "agi", "--graph", str(SHIPPED), *args]
        done = subprocess.run(
            [sys.executable, "-c", probe, *command],
            capture_output=True, text=True, check=True, env=env,
        )  # fmt: skip
        found: list[str] = json.loads(done.stderr.strip().splitlines()[-1])
        return found

    plain = modules()
    assert "kgraph.cli.path" in plain
    assert not {"kgraph.pace", "kgraph.cli.query", "kgraph.cli.goals"} & set(plain)
    assert "kgraph.pace" in modules("--pace", "10")  # the probe does see a dated plan's module

"""Query commands start fast: they never import networkx, pyvis, jinja2 or IPython.

An assertion about imports, not a timing: the machines are shared and noisy.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

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

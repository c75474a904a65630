"""The floor of a path query: the least the standard library must do on the same file.

``python bench/minimal.py FILE TARGET`` reads the file with `json.loads`, builds a dict
adjacency, walks TARGET's prerequisites iteratively and orders them with `graphlib`; it checks
nothing and prints only the number of steps. kgraph's commands are measured against it.
"""

from __future__ import annotations

import json
import sys
from graphlib import TopologicalSorter
from pathlib import Path


def main(path: str, target: str) -> int:
    """Print how many concepts the plan to *target* holds; return the exit code."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    needs = {c["id"]: [p["id"] for p in c.get("prerequisites", ())] for c in data["concepts"]}
    seen: set[str] = set()
    stack = [target]
    while stack:
        node = stack.pop()
        if node not in seen:
            seen.add(node)
            stack.extend(needs[node])
    order = list(TopologicalSorter({n: needs[n] for n in seen}).static_order())
    sys.stdout.write(f"{len(order)}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))

"""Cold start of query commands against the floor of the stack, alternating runs, as ratios.

    python bench/startup.py [runs]

Prints medians and min–max for each command and its ratio to
``python -c "import click; from pydantic import BaseModel"``; writes bench/results/startup.json.
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

BASELINES = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "import click": [sys.executable, "-c", "import click"],
    "import click + pydantic": [
        sys.executable,
        "-c",
        "import click; from pydantic import BaseModel",
    ],
}
KGRAPH = shutil.which("kgraph") or "kgraph"
COMMANDS = {
    "kgraph path lora agi": [KGRAPH, "path", "lora", "agi", "--known", ""],
    "kgraph next": [KGRAPH, "next", "--known", "python"],
}


def timed(argv: list[str]) -> float:
    """Wall time of one run of *argv*."""
    start = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main(runs: int) -> None:
    """Alternate every command run by run so load on a shared machine hits all alike."""
    everything = {**BASELINES, **COMMANDS}
    samples: dict[str, list[float]] = {name: [] for name in everything}
    for _ in range(runs):
        for name, argv in everything.items():
            samples[name].append(timed(argv))
    floor = statistics.median(samples["import click + pydantic"])
    rows = {
        name: {
            "median_s": statistics.median(s),
            "min_s": min(s),
            "max_s": max(s),
            "ratio_to_click_pydantic": statistics.median(s) / floor,
        }
        for name, s in samples.items()
    }
    for name, row in rows.items():
        print(
            f"{name:<26} {row['median_s'] * 1000:7.1f} ms"
            f"  ({row['min_s'] * 1000:.1f}–{row['max_s'] * 1000:.1f})"
            f"  {row['ratio_to_click_pydantic']:.2f}×"
        )
    out = Path(__file__).parent / "results" / "startup.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(rows, indent=2, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 15)

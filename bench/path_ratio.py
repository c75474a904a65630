"""Issue 26's speed goal: ``kgraph path`` warm, as a ratio to ``python -c "import click"``.

    python bench/path_ratio.py [--runs 31] [--size 2000]

Goals: ``path lora agi`` on the shipped graph ≤ 1.5× and a path on a generated graph of
``--size`` concepts ≤ 1.6× the bare click import, both measured in this one run. The generated
path is the worst one `run.py` measures: from a root to the deepest concept, whose plan holds
more than half of the graph. Runs alternate, so load on a shared machine hits every case alike;
each figure is a separate process, cache warm, no saved progress.

Also measured: the same query through ``main()`` with the interpreter's normal exit, against the
installed ``kgraph`` (`kgraph.cli.run`, which leaves by ``os._exit`` once the output is flushed):
the price of that shortcut's alternative; and ``_blake2`` (`kgraph.store`'s digests) against
``hashlib``, which loads OpenSSL for the same BLAKE2b. Medians and minimums of wall time, and
the child's CPU time (user + system), which load on the machine disturbs less. Writes
``results/path_ratio.json``.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PY = sys.executable
_SCRIPT = Path(PY).with_name("kgraph")
KGRAPH = str(_SCRIPT) if _SCRIPT.exists() else "kgraph"
NORMAL_EXIT = "import sys\nfrom kgraph.cli import main\nmain(sys.argv[1:])\n"


def sample(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of one process running *argv*."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        msg = f"{argv} failed"
        raise SystemExit(msg)
    return wall, usage.ru_utime + usage.ru_stime


def measure(runs: int, size: int, folder: Path) -> dict[str, dict[str, float]]:
    """Every case *runs* times, alternating; medians, minimums and ratios to ``import click``."""
    graph = folder / f"graph-{size}.json"
    made = subprocess.run(
        [PY, str(HERE / "run.py"), "--prepare", str(size), str(graph)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    root, target = made.stdout.split()
    generated = ["path", root, target, "--graph", str(graph)]
    cases = {
        "import click": [PY, "-c", "import click"],
        "import click, _blake2": [PY, "-c", "import click, _blake2"],
        "import click, hashlib": [PY, "-c", "import click, hashlib"],
        "kgraph path lora agi": [KGRAPH, "path", "lora", "agi"],
        f"kgraph path on {size:,} concepts": [KGRAPH, *generated],
        "path lora agi, normal exit": [PY, "-c", NORMAL_EXIT, "path", "lora", "agi"],
        f"path on {size:,} concepts, normal exit": [PY, "-c", NORMAL_EXIT, *generated],
    }
    # Bytecode for every module, as `pip install` leaves it: a checkout run with
    # PYTHONDONTWRITEBYTECODE would otherwise compile each edited module from source every time.
    import kgraph  # noqa: PLC0415 - only to find the package

    compileall.compile_dir(Path(kgraph.__file__).parent, quiet=1)
    env = {k: v for k, v in os.environ.items() if not k.startswith("KGRAPH_")}
    env |= {"XDG_CACHE_HOME": str(folder / "cache"), "KGRAPH_HOME": str(folder / "home")}
    for argv in cases.values():
        sample(argv, env)  # fill the cache and write bytecode: every measured run is warm
    walls: dict[str, list[float]] = {name: [] for name in cases}
    cpus: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(runs):
        for name, argv in cases.items():
            wall, cpu = sample(argv, env)
            walls[name].append(wall)
            cpus[name].append(cpu)
    base = walls["import click"]
    base_cpu = cpus["import click"]
    return {
        name: {
            "median_ms": round(statistics.median(walls[name]) * 1000, 1),
            "min_ms": round(min(walls[name]) * 1000, 1),
            "x_click": round(statistics.median(walls[name]) / statistics.median(base), 2),
            "x_click_min": round(min(walls[name]) / min(base), 2),
            "x_click_cpu": round(statistics.median(cpus[name]) / statistics.median(base_cpu), 2),
        }
        for name in cases
    }


def main() -> None:
    """Measure, print the table, write the JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=31)
    parser.add_argument("--size", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.chdir(tmp)  # the installed kgraph on its packaged graph, not a checkout's
        rows = measure(args.runs, args.size, Path(tmp))
    load = os.getloadavg()[0]
    print(f"{args.runs} runs each, load average {load:.1f} on {os.cpu_count()} cores\n")
    print("| case | median ms | min ms | × click (median) | × click (min) | × click (CPU) |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, row in rows.items():
        print(
            f"| {name} | {row['median_ms']} | {row['min_ms']} | {row['x_click']} "
            f"| {row['x_click_min']} | {row['x_click_cpu']} |"
        )
    results = HERE / "results"
    results.mkdir(exist_ok=True)
    report = {"runs": args.runs, "load": round(load, 1), "cases": rows}
    (results / "path_ratio.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

"""kgraph's benchmark suite: cold start, import audit, scale. One table, one JSON file.

    python bench/run.py [--runs 15] [--sizes 10000,100000] [--million] [--timeout 600]

Every figure is a ratio to a baseline measured in the same run, runs alternate so that load on a
shared machine hits all alike, and each command runs as its own process (wall time and peak
resident memory from the kernel). Writes ``bench/results/run.json``; the browser figures come
from ``bench/results/html.json`` (``python bench/html_bench.py``), shown here when present.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from generate import layered_dag

import kgraph
from kgraph.store import dump

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
_SCRIPT = Path(sys.executable).with_name("kgraph")
KGRAPH = str(_SCRIPT) if _SCRIPT.exists() else "kgraph"
PY = sys.executable
HEAVY = ("networkx", "pyvis", "jinja2", "IPython", "pydantic")
# The least any validation with pydantic costs: one model with one constrained field, used once.
ONE_MODEL = (
    "import click\n"
    "from pydantic import BaseModel, Field\n"
    "class One(BaseModel):\n    hours: float = Field(gt=0)\n"
    "One(hours=1)"
)
AUDIT = (
    "import json, sys\n"
    "from kgraph.cli import main\n"
    "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
    "sys.stderr.write('MODULES ' + json.dumps(sorted({m.split('.')[0] for m in sys.modules})))\n"
)


@dataclass(frozen=True)
class Sample:
    """One process: its wall time, peak resident memory and exit code."""

    wall_s: float
    peak_mib: float
    code: int


def run(argv: list[str], env: dict[str, str], timeout: float = 600) -> Sample:
    """Run *argv* as a process; kill it after *timeout* seconds (code -9)."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    timer = threading.Timer(timeout, proc.kill)
    timer.start()
    _, status, usage = os.wait4(proc.pid, 0)
    timer.cancel()
    proc.returncode = os.waitstatus_to_exitcode(status)
    return Sample(time.perf_counter() - start, usage.ru_maxrss / 1024, proc.returncode)


def environment(folder: Path) -> dict[str, str]:
    """A clean environment whose kgraph cache and progress live in *folder*."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("KGRAPH_")}
    return env | {"XDG_CACHE_HOME": str(folder / "cache"), "KGRAPH_HOME": str(folder / "home")}


def startup(runs: int, env: dict[str, str]) -> dict[str, Any]:
    """Cold start of the query commands and of completion, against the stack's floors.

    The commands run exactly as typed, for a user without saved progress (the environment's
    progress folder is empty).
    """
    complete = {"_KGRAPH_COMPLETE": "bash_complete", "COMP_WORDS": "kgraph path lo"}
    cases: dict[str, tuple[list[str], dict[str, str]]] = {
        "python -c pass": ([PY, "-c", "pass"], {}),
        "import click": ([PY, "-c", "import click"], {}),
        "import click + pydantic": ([PY, "-c", "import click; from pydantic import BaseModel"], {}),
        "one-field pydantic model": ([PY, "-c", ONE_MODEL], {}),
        "kgraph path lora agi": ([KGRAPH, "path", "lora", "agi"], {}),
        "kgraph path lora agi, no cache": ([KGRAPH, "--no-cache", "path", "lora", "agi"], {}),
        "kgraph next": ([KGRAPH, "next"], {}),
        "kgraph path lora agi --pace 10 --detail": (
            [KGRAPH, "path", "lora", "agi", "--pace", "10", "--start", "2027-01-04", "--detail"],
            {},
        ),
        "kgraph projects --ready": ([KGRAPH, "projects", "--ready"], {}),
        "completion of a concept name": ([KGRAPH], complete | {"COMP_CWORD": "2"}),
    }
    # Bytecode for every module, as `pip install` leaves it (click's is there): without it each
    # run would compile kgraph from source (a checkout under PYTHONDONTWRITEBYTECODE does).
    compileall.compile_dir(Path(kgraph.__file__).parent, quiet=1)
    run([KGRAPH, "path", "lora", "agi"], env)  # fill the cache: every later run is warm
    walls: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(runs):
        for name, (argv, extra) in cases.items():
            sample = run(argv, env | extra)
            if sample.code != 0:
                msg = f"{name} failed with exit code {sample.code}"
                raise SystemExit(msg)
            walls[name].append(sample.wall_s)
    click = statistics.median(walls["import click"])
    floor = statistics.median(walls["import click + pydantic"])
    return {
        name: {
            "median_ms": round(statistics.median(w) * 1000, 1),
            "min_ms": round(min(w) * 1000, 1),
            "max_ms": round(max(w) * 1000, 1),
            "x_click": round(statistics.median(w) / click, 2),
            "x_click_pydantic": round(statistics.median(w) / floor, 2),
        }
        for name, w in walls.items()
    }


def audit(env: dict[str, str]) -> dict[str, list[str]]:
    """The heavy packages each query command imports, cache warm (all must be absent)."""
    commands = {
        "path": ["path", "lora", "agi"],
        "path --pace --detail": ["path", "lora", "agi", "--pace", "10", "--detail"],
        "path --format ics": ["path", "lora", "agi", "--pace", "10", "--format", "ics"],
        "projects": ["projects", "--ready"],
        "gaps": ["gaps", "agi", "--known", "python"],
        "next": ["next", "--known", "python"],
        "why": ["why", "python", "lora"],
        "unlocks": ["unlocks", "python"],
        "show": ["show", "lora"],
        "search": ["search", "attention"],
        "list": ["list", "--level", "build"],
        "stats": ["stats"],
    }
    found = {}
    for name, args in commands.items():
        done = subprocess.run(
            [PY, "-c", AUDIT, *args], env=env, capture_output=True, text=True, check=True
        )
        modules = json.loads(done.stderr.rpartition("MODULES ")[2])
        found[name] = [m for m in HEAVY if m in modules]
    return found


def prepare(size: int, graph: Path) -> None:
    """Write the seeded graph of *size* concepts; print its deepest concept and a root under it.

    Runs in its own process (``run.py --prepare``): the commands are measured as children of
    this one, and a child's peak memory counts its parent's until it has started.
    """
    graph.write_text(dump(layered_dag(size, seed=1)), encoding="utf-8")
    concepts = json.loads(graph.read_text(encoding="utf-8"))["concepts"]
    needs = {c["id"]: [p["id"] for p in c["prerequisites"]] for c in concepts}
    target = max(needs, key=lambda cid: int(cid.rsplit("-", 1)[1]))
    root = target
    while needs[root]:
        root = needs[root][0]
    print(root, target)


def scale(size: int, folder: Path, timeout: float) -> dict[str, Any]:
    """Every command on a generated graph of *size* concepts, against the minimal pipeline."""
    graph = folder / f"graph-{size}.json"
    made = subprocess.run(
        [PY, __file__, "--prepare", str(size), str(graph)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    root, target = made.stdout.split()
    g, out = ["--graph", str(graph)], str(folder / "export.out")
    ops = {
        "minimal pipeline": [PY, str(HERE / "minimal.py"), str(graph), target],
        "validate": [KGRAPH, "validate", *g],
        "path, first run (validates, fills cache)": [KGRAPH, "path", target, *g, "--known", ""],
        "path": [KGRAPH, "path", target, *g, "--known", ""],
        "next": [KGRAPH, "next", *g, "--known", root],
        "why": [KGRAPH, "why", root, target, *g],
        "lint": [KGRAPH, "lint", *g],
        "export mermaid": [KGRAPH, "export", "--format", "mermaid", *g, "-o", out],
        "export html": [KGRAPH, "export", "--format", "html", *g, "-o", out],
    }
    env = environment(folder / str(size))
    samples = {name: run(argv, env, timeout) for name, argv in ops.items()}
    base = samples["minimal pipeline"]
    return {
        "concepts": size,
        "file_mib": round(graph.stat().st_size / 2**20, 1),
        "ops": {
            name: asdict(s)
            | {
                "x_wall": round(s.wall_s / base.wall_s, 2),
                "x_peak": round(s.peak_mib / base.peak_mib, 2),
            }
            for name, s in samples.items()
        },
    }


def million(folder: Path) -> dict[str, Any]:
    """A 1,000,000-concept file: kgraph must stop early with a message about its size."""
    graph = folder / "graph-1000000.json"
    made = [PY, __file__, "--prepare", "1000000", str(graph)]
    subprocess.run(made, capture_output=True, check=True)
    env = environment(folder / "million")
    argv = [KGRAPH, "stats", "--graph", str(graph)]
    done = subprocess.run(argv, env=env, capture_output=True, text=True, check=False)
    sample = run(argv, env)
    size = round(graph.stat().st_size / 2**20)
    return {"file_mib": size, "message": done.stderr.strip()} | asdict(sample)


def main() -> None:
    """Run every section, print the tables, write the JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--million", action="store_true", help="also try 1,000,000 concepts")
    parser.add_argument("--timeout", type=float, default=600, help="seconds per scale command")
    parser.add_argument("--prepare", nargs=2, metavar=("SIZE", "FILE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.prepare:
        prepare(int(args.prepare[0]), Path(args.prepare[1]))
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.chdir(folder)  # run the installed kgraph on its packaged graph, not a checkout's
        env = environment(folder / "startup")
        report: dict[str, Any] = {
            "machine": f"{platform.machine()}, {os.cpu_count()} cores,"
            f" Python {platform.python_version()}",
            "startup": startup(args.runs, env),
            "imports": audit(env),
            "scale": [scale(int(n), folder, args.timeout) for n in args.sizes.split(",") if n],
        }
        if args.million:
            report["million"] = million(folder)
    html = RESULTS / "html.json"
    if html.is_file():
        report["browser"] = json.loads(html.read_text(encoding="utf-8"))
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "run.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print_report(report)


def print_report(report: dict[str, Any]) -> None:
    """The tables, as the docs (design/performance.md) show them."""
    print(f"machine: {report['machine']}\n")
    print("| cold start | median ms (min–max) | × import click | × click + pydantic |")
    print("|---|---:|---:|---:|")
    for name, row in report["startup"].items():
        print(
            f"| {name} | {row['median_ms']} ({row['min_ms']}–{row['max_ms']}) "
            f"| {row['x_click']} | {row['x_click_pydantic']} |"
        )
    heavy = {name: mods for name, mods in report["imports"].items() if mods}
    print(f"\nimport audit: {heavy or 'no query command imports ' + ', '.join(HEAVY)}\n")
    for block in report["scale"]:
        print(
            f"| {block['concepts']:,} concepts ({block['file_mib']} MiB)"
            " | wall s | × | peak MiB | × |"
        )
        print("|---|---:|---:|---:|---:|")
        for name, s in block["ops"].items():
            wall = f"{s['wall_s']:.2f}" if s["code"] == 0 else f"exit {s['code']}"
            print(f"| {name} | {wall} | {s['x_wall']} | {s['peak_mib']:.0f} | {s['x_peak']} |")
        print()
    if "million" in report:
        m = report["million"]
        print(
            f"1,000,000 concepts ({m['file_mib']} MiB): exit {m['code']} after"
            f" {m['wall_s']:.2f} s, peak {m['peak_mib']:.0f} MiB: {m['message']}"
        )


if __name__ == "__main__":
    main()

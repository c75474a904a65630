"""Benchmark: kgraph's HTML export against pyvis's default page, for the same graphs.

For synthetic layered DAGs (200, 1,000, 3,000 concepts, `generate.layered_dag`) and the
shipped graph, measure the export time, the file size, and, in headless Chromium, the time
from navigation to the first complete draw: vis-network's first ``afterDrawing`` (after
stabilisation when physics is on). pyvis is built the default way,
``Network(cdn_resources="in_line")`` + ``add_node``/``add_edge`` + ``generate_html()``, and gets
``--cap`` seconds to draw; a page that has not drawn by then is reported as ``> cap`` and its
ratio as a lower bound. Prints a table and writes ``bench/results/html.json``.

Usage: ``python bench/html_bench.py [--cap 300] [--sizes 200,1000,3000]`` (pyvis: ``.[bench]``).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generate import layered_dag

from kgraph.graph import KGraph
from kgraph.load import load_graph
from kgraph.render.html import render_html
from kgraph.selection import select

if TYPE_CHECKING:
    from collections.abc import Callable

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]  # fmt: skip
# Record vis's draws whichever page builds the network: both assign the global `network`.
PROBE = """(() => {
  let net; window.__draws = []; window.__stable = null;
  Object.defineProperty(window, 'network', { configurable: true, get() { return net; },
    set(v) { net = v;
      v.on('afterDrawing', () => {
        if (window.__draws.length < 100) window.__draws.push(performance.now()); });
      const done = () => { if (window.__stable === null) window.__stable = performance.now(); };
      v.once('stabilizationIterationsDone', done); v.once('stabilized', done); } });
})();"""
DRAWN = """() => { const n = window.network; if (!n) return null;
  const settled = !n.physics.physicsEnabled ? 0 : window.__stable;
  if (settled === null) return null;
  const t = window.__draws.find(d => d >= settled); return t === undefined ? null : t; }"""


def pyvis_html(kg: KGraph) -> str:
    """The default pyvis page for *kg*: in-line resources, everything else as shipped."""
    from pyvis.network import Network  # noqa: PLC0415 - only the benchmark needs it

    net = Network(cdn_resources="in_line")
    for cid, concept in kg.concepts.items():
        net.add_node(cid, label=concept.name, title=concept.summary)
    for cid, prereqs in kg.prerequisites.items():
        for prereq in prereqs:
            why = next(p.why for p in kg[cid].prerequisites if p.id == prereq)
            net.add_edge(prereq, cid, title=why)
    return str(net.generate_html())


def timed(build: Callable[[], str]) -> tuple[str, float]:
    """The page *build* returns, and the seconds it took."""
    start = time.perf_counter()
    page = build()
    return page, time.perf_counter() - start


def first_draw(
    browser: Any,  # noqa: ANN401 - playwright's Browser, imported lazily
    path: Path,
    cap: float,
) -> float | None:
    """Seconds from navigation to the first complete draw, or None after *cap* seconds."""
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    context.route(
        "**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort()
    )
    page = context.new_page()
    page.add_init_script(PROBE)
    try:
        page.goto(path.as_uri(), timeout=cap * 1000)
        handle = page.wait_for_function(DRAWN, timeout=cap * 1000, polling=250)
        return float(handle.json_value()) / 1000
    except Exception:  # noqa: BLE001 - a timeout of any kind means "not drawn within cap"
        return None
    finally:
        context.close()


def measure(
    browser: Any,  # noqa: ANN401 - playwright's Browser
    name: str,
    kg: KGraph,
    cap: float,
    workdir: Path,
) -> dict[str, Any]:
    """One row: both exporters on *kg*."""
    row: dict[str, Any] = {"graph": name, "concepts": len(kg),
                           "edges": sum(map(len, kg.prerequisites.values()))}  # fmt: skip
    for tool, build in (
        ("kgraph", lambda: render_html(select(kg))),
        ("pyvis", lambda: pyvis_html(kg)),
    ):
        page, seconds = timed(build)
        path = workdir / f"{name}-{tool}.html"
        path.write_text(page, encoding="utf-8")
        runs = 3 if tool == "kgraph" else 1
        draws = [first_draw(browser, path, cap) for _ in range(runs)]
        done = [d for d in draws if d is not None]
        row[tool] = {
            "export_s": round(seconds, 3),
            "bytes": len(page.encode("utf-8")),
            "draw_s": round(statistics.median(done), 2) if len(done) == runs else None,
        }
        print(
            f"  {name:>8} {tool:<6} export {seconds:7.2f} s  draw {row[tool]['draw_s']}", flush=True
        )
    ours, theirs = row["kgraph"]["draw_s"], row["pyvis"]["draw_s"]
    row["draw_ratio"] = round((theirs if theirs is not None else cap) / ours, 1) if ours else None
    row["draw_ratio_is_lower_bound"] = theirs is None
    return row


def table(rows: list[dict[str, Any]], cap: float) -> str:
    """The results as a Markdown table."""

    def draw(value: float | None) -> str:
        return f"{value:.2f}" if value is not None else f"> {cap:.0f}"

    header = (
        "| graph | concepts | edges | export s kgraph / pyvis | size MB kgraph / pyvis "
        "| first draw s kgraph / pyvis | draw speed-up |"
    )
    lines = [
        header,
        "|---|---:|---:|---|---|---|---:|",
    ]
    for r in rows:
        k, p = r["kgraph"], r["pyvis"]
        ratio = ("≥ " if r["draw_ratio_is_lower_bound"] else "") + f"{r['draw_ratio']}×"
        lines.append(
            f"| {r['graph']} | {r['concepts']} | {r['edges']} | {k['export_s']:.2f} / "
            f"{p['export_s']:.2f} | {k['bytes'] / 1e6:.2f} / {p['bytes'] / 1e6:.2f} | "
            f"{draw(k['draw_s'])} / {draw(p['draw_s'])} | {ratio} |"
        )
    return "\n".join(lines)


def main() -> None:
    """Run every case and report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cap", type=float, default=300.0, help="seconds to wait for pyvis")
    parser.add_argument("--sizes", default="200,1000,3000")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright  # noqa: PLC0415

    cases = [("shipped", load_graph(ROOT / "graph" / "concepts.json"))]
    cases += [
        (str(n), KGraph(layered_dag(n, args.seed).concepts))
        for n in map(int, args.sizes.split(","))
    ]
    render_html(select(KGraph.from_edges([("a", "b")])))  # warm up: imports, template, bundle
    rows = []
    executable = os.environ.get("KGRAPH_CHROMIUM", "/usr/bin/chromium")
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        rows = [measure(browser, name, kg, args.cap, Path(tmp)) for name, kg in cases]
        browser.close()
    print(table(rows, args.cap))
    out = ROOT / "bench" / "results" / "html.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    payload = {"cap_s": args.cap, "seed": args.seed, "rows": rows}
    out.write_text(json.dumps(payload, indent=2, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

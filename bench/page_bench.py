"""Benchmark: the page as a planner, in headless Chromium, on a 3,000-concept synthetic graph.

- plan for every goal with the page's own planner (``KGraphPlanner.plan``, nothing known):
  p50 / p95 / max;
- the whole "choose a goal" in the page (plan, gaps, next, panels, repaint of the graph) for a
  seeded sample of goals, until vis-network has drawn the next frame: p50 / p95;
- "I know this" on a concept and the repaint, until the next frame: p50 / p95;
- both again, and the floor, until the task is over (a timer after the action): what the action
  does after the map has drawn (the panels, the address) counted too;
- the floor of both: vis-network redrawing the same graph with nothing changed, one such frame
  just before each timed action (interleaved, so load on a busy machine hits both alike), and the
  ratio of the p50s;
- the page's bytes by part (data, vis-network, the page's own scripts and style), for the
  synthetic graph and for the shipped graph, and against a baseline page given with ``--baseline``
  (e.g. the committed ``exports/kgraph.html`` of an earlier commit), so code growth and data
  growth are told apart.

First draw against pyvis's default page is ``bench/html_bench.py``'s job (``--sizes 1000,3000``).

Usage: ``python bench/page_bench.py [--size 3000] [--sample 200] [--baseline old.html]``;
writes ``bench/results/page.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import tempfile
from pathlib import Path
from typing import Any

from generate import layered_dag

from kgraph.graph import KGraph
from kgraph.load import load_graph
from kgraph.render.html import render_html
from kgraph.selection import select

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]  # fmt: skip
PLAN_ALL = """() => {
  const data = window.kgraph.data;
  const g = KGraphPlanner.graph(data.concepts.map(c => ({id: c.id, rank: c.rank, hours: c.hours,
    needs: c.needs.map(n => n.id)})));
  const times = [];
  for (const id of g.ids) {
    const t = performance.now();
    KGraphPlanner.plan(g, {to: id, from: null, known: [], strict: false});
    times.push(performance.now() - t);
  }
  return times;
}"""
FRAME = "() => new Promise(r => { network.once('afterDrawing', r); network.redraw(); })"
UI_STEP = """async ([action, id]) => {
  const drawn = new Promise(r => network.once('afterDrawing', r));
  const t = performance.now();
  if (action === 'plan') window.kgraph.plan(id);
  else if (action === 'known') window.kgraph.toggleKnown(id);
  else network.redraw();
  await drawn;
  const frame = performance.now() - t;
  await new Promise(r => setTimeout(r, 0));  // what the action left for later in its task, too
  return [frame, performance.now() - t];
}"""


def quantiles(times: list[float]) -> dict[str, float]:
    """p50, p95 and max of *times* (ms), rounded to 0.1 ms."""
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {
        "p50": round(statistics.median(ordered), 1),
        "p95": round(p95, 1),
        "max": round(ordered[-1], 1),
        "n": len(ordered),
    }


def parts(page: str) -> dict[str, int]:
    """Bytes of the page's parts: data, the vis bundle, the page's own scripts, style, rest."""
    blocks = re.findall(r"<script[^>]*>(.*?)</script>", page, flags=re.DOTALL)
    styles = re.findall(r"<style>(.*?)</style>", page, flags=re.DOTALL)
    size = {
        "data": len(blocks[0].encode()),
        "vis": len(blocks[1].encode()),
        "scripts": len(blocks[2].encode()),
        "style": len(styles[0].encode()) if styles else 0,
        "total": len(page.encode()),
    }
    size["rest"] = size["total"] - size["data"] - size["vis"] - size["scripts"] - size["style"]
    return size


def timings(browser: Any, path: Path, sample: int, seed: int) -> dict[str, Any]:  # noqa: ANN401
    """Planner and UI timings on the page at *path*."""
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    context.route(
        "**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort()
    )
    page = context.new_page()
    page.goto(path.as_uri())
    page.wait_for_function("window.kgraphReady === true", timeout=120_000)
    plan_all = quantiles(page.evaluate(PLAN_ALL))
    ids = page.evaluate("window.kgraphNodes.getIds()")
    rng = random.Random(seed)
    goals, marks = rng.sample(ids, min(sample, len(ids))), rng.sample(ids, min(sample, len(ids)))
    page.evaluate(FRAME)  # warm up: one drawn frame before timing
    page.wait_for_timeout(2000)  # the page measures its names while idle after the first draw
    # Each action is timed right after a floor frame in the same state, so a busy machine slows
    # both alike and the ratio compares like with like.
    floor_plan, ui_plan, floor_task_plan, task_plan = interleaved(page, "plan", goals)
    floor_known, ui_known, floor_task_known, task_known = interleaved(page, "known", marks)
    context.close()
    floor = floor_plan + floor_known
    return {
        "plan_every_goal_ms": plan_all,
        "redraw_floor_ms": quantiles(floor),
        "choose_goal_ms": quantiles(ui_plan),
        "mark_known_ms": quantiles(ui_known),
        "redraw_floor_task_ms": quantiles(floor_task_plan + floor_task_known),
        "choose_goal_task_ms": quantiles(task_plan),
        "mark_known_task_ms": quantiles(task_known),
        "ratios_p50": {
            "choose_goal": round(statistics.median(ui_plan) / statistics.median(floor_plan), 2),
            "mark_known": round(statistics.median(ui_known) / statistics.median(floor_known), 2),
            "choose_goal_task": round(
                statistics.median(task_plan) / statistics.median(floor_task_plan), 2
            ),
            "mark_known_task": round(
                statistics.median(task_known) / statistics.median(floor_task_known), 2
            ),
        },
    }


def interleaved(page: Any, action: str, ids: list[str]) -> tuple[list[float], list[float]]:  # noqa: ANN401
    """(floor frames, action frames), one of each per id, alternating."""
    floor, timed, floor_tasks, tasks = [], [], [], []
    for node in ids:
        frame, task = page.evaluate(UI_STEP, ["redraw", node])
        floor.append(frame)
        floor_tasks.append(task)
        frame, task = page.evaluate(UI_STEP, [action, node])
        timed.append(frame)
        tasks.append(task)
    return floor, timed, floor_tasks, tasks


def main() -> None:
    """Measure and report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=3000)
    parser.add_argument("--sample", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--baseline", type=Path, help="an earlier page of the shipped graph")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright  # noqa: PLC0415

    synthetic = KGraph(layered_dag(args.size, args.seed).concepts)
    shipped = load_graph(ROOT / "graph" / "concepts.json")
    result: dict[str, Any] = {"size": args.size, "seed": args.seed}
    executable = os.environ.get("KGRAPH_CHROMIUM", "/usr/bin/chromium")
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        path = Path(tmp) / "synthetic.html"
        page = render_html(select(synthetic))
        path.write_text(page, encoding="utf-8")
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        result["timings"] = timings(browser, path, args.sample, args.seed)
        browser.close()
    result["bytes"] = {"synthetic": parts(page), "shipped": parts(render_html(select(shipped)))}
    if args.baseline:
        result["bytes"]["baseline"] = parts(args.baseline.read_text(encoding="utf-8"))
    ratios = result["timings"].pop("ratios_p50")
    for name, value in result["timings"].items():
        print(f"{name:>20}: p50 {value['p50']} ms  p95 {value['p95']} ms  max {value['max']} ms"
              f"  (n={value['n']})")  # fmt: skip
    result["timings"]["ratios_p50"] = ratios
    print("  p50 / redraw floor: " + "  ".join(f"{k} {v}x" for k, v in ratios.items()))
    for name, size in result["bytes"].items():
        print(f"{name:>20}: " + "  ".join(f"{k} {v:,}" for k, v in size.items()))
    out = ROOT / "bench" / "results" / "page.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

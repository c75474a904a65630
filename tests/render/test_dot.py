from __future__ import annotations

import re
from textwrap import dedent

from kgraph.render.dot import dot_string, render_dot
from kgraph.selection import select

STRING = r'"(?:[^"\\\n]|\\.)*"'
ATTRS = rf"\[(?:[a-z]+={STRING}(?:, )?)+\];"
# Every line the renderer may emit; anything else means concept text escaped its string.
LINE = re.compile(
    r"digraph kgraph \{"
    rf"|  graph \[label={STRING}, labelloc=t, rankdir=LR\];"
    r'|  node \[shape=box, style="rounded,filled", fontname="Helvetica"\];'
    r'|  edge \[color="#7f7f7f"\];'
    rf"|  (?P<node>{STRING}) (?P<attrs>{ATTRS})"
    rf"|  \{{ rank=same; (?:{STRING}; )+\}}"
    rf"|  (?P<tail>{STRING}) -> (?P<head>{STRING}) (?P<edge>{ATTRS})"
    r"|\}"
)


def unquote(text: str) -> str:
    """A DOT string's value, as Graphviz reads it (``\\n`` kept as a line break)."""
    return re.sub(r"\\(.)", lambda m: "\n" if m[1] == "n" else m[1], text[1:-1])


def parse(out: str) -> tuple[dict[str, dict[str, str]], dict[tuple[str, str], dict[str, str]]]:
    """Nodes and edges with their attributes; fails on any line outside the grammar."""
    nodes, edges = {}, {}
    for line in out.splitlines():
        match = LINE.fullmatch(line)
        assert match, f"unexpected line {line!r}"
        attrs = match["attrs"] or match["edge"]
        pairs = {k: unquote(v) for k, v in re.findall(rf"([a-z]+)=({STRING})", attrs or "")}
        if match["node"]:
            nodes[unquote(match["node"])] = pairs
        elif match["tail"]:
            edges[unquote(match["tail"]), unquote(match["head"])] = pairs
    return nodes, edges


def test_small_focus_graph_is_exact(small_graph):
    """Nodes coloured by rung, one rank per rung, edges with their why."""
    out = render_dot(select(small_graph, focus="qlora", depth=1, known=["lora"]))
    assert out == dedent("""\
        digraph kgraph {
          graph [label="kgraph: qlora", labelloc=t, rankdir=LR];
          node [shape=box, style="rounded,filled", fontname="Helvetica"];
          edge [color="#7f7f7f"];
          "lora" [fillcolor="#fdd0a2", fontcolor="#616161", label="LoRA\\n6 h", style="rounded,filled,dashed", tooltip="The concept lora, described in one plain sentence for tests."];
          "quant" [fillcolor="#fdd0a2", label="Quantization\\n4 h", tooltip="The concept quant, described in one plain sentence for tests."];
          "qlora" [color="#1f77b4", fillcolor="#fdd0a2", label="QLoRA\\n3 h", penwidth="4", tooltip="The concept qlora, described in one plain sentence for tests."];
          "agi" [fillcolor="#f2f0f7", label="AGI\\n50 h", tooltip="The concept agi, described in one plain sentence for tests."];
          { rank=same; "lora"; "quant"; "qlora"; }
          { rank=same; "agi"; }
          "qlora" -> "agi" [tooltip="agi builds on qlora"];
          "lora" -> "qlora" [tooltip="qlora builds on lora"];
          "quant" -> "qlora" [tooltip="qlora builds on quant"];
        }
        """)


def test_hostile_strings_round_trip_through_the_grammar(hostile_export_graph):
    """Names, summaries and whys come back exactly (line breaks as \\n), never ending a string."""
    kg = hostile_export_graph
    nodes, edges = parse(render_dot(select(kg)))
    assert set(nodes) == set(kg.concepts)
    for cid, concept in kg.concepts.items():
        assert (
            nodes[cid]["label"] == "\n".join(concept.name.splitlines()) + f"\n{concept.hours:g} h"
        )
        summary = "\n".join(concept.summary.splitlines()).replace("\t", " ")
        assert nodes[cid]["tooltip"] == summary
    assert edges["x-ray", "evil"]["tooltip"] == "\n".join(
        kg["evil"].prerequisites[0].why.splitlines()
    )
    assert set(edges) == {("end", "x-ray"), ("x-ray", "evil"), ("evil", "after")}


def test_dot_string_escapes_quotes_backslashes_and_breaks():
    """A quote cannot end the string and a backslash cannot start a label escape like \\N."""
    assert dot_string('say "hi"') == r'"say \"hi\""'
    assert dot_string("\\N and \\G") == r'"\\N and \\G"'
    assert dot_string("one\r\ntwo\u202e\x00") == r'"one\ntwo"'


def test_plan_steps_are_numbered_and_outlined_in_the_full_graph(small_graph):
    """In the full graph the plan's nodes are outlined in red and numbered in order."""
    nodes, _ = parse(render_dot(select(small_graph, path=("lora", "agi"))))
    assert nodes["quant"]["label"].startswith("1. Quantization")
    assert nodes["agi"]["label"].startswith("3. AGI")
    assert nodes["agi"]["color"] == "#d62728"
    assert "color" not in nodes["lora"]


def test_shuffled_graph_gives_identical_bytes(
    small_graph, shuffled_small_graph, hostile_export_graph, shuffled_hostile_export_graph
):
    """The order of concepts and prerequisites in the file never changes the output."""
    assert render_dot(select(small_graph, known=["ml"])) == render_dot(
        select(shuffled_small_graph, known=["ml"])
    )
    assert render_dot(select(hostile_export_graph)) == render_dot(
        select(shuffled_hostile_export_graph)
    )


def test_every_rung_is_one_rank(small_graph):
    """Each non-empty rung is one rank=same group, in ladder order."""
    ranks = [line for line in render_dot(select(small_graph)).splitlines() if "rank=same" in line]
    assert ranks == [
        '  { rank=same; "linalg"; "python"; "ml"; }',
        '  { rank=same; "history"; }',
        '  { rank=same; "lora"; "quant"; "qlora"; }',
        '  { rank=same; "agi"; }',
    ]

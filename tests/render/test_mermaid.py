from __future__ import annotations

import re
from textwrap import dedent

from kgraph.model import Level
from kgraph.render.mermaid import mermaid_id, mermaid_text, render_mermaid
from kgraph.selection import select

# Every line the renderer may emit; anything else means concept text escaped its quotes.
LINE = re.compile(
    r"flowchart TD"
    r'|    subgraph rung_[a-z]+\["[a-z]+"\]'
    r'|        c_[a-z0-9_]+\["(?P<label>[^"\[\]<>`]*)"\]'
    r"|    end"
    r"|    c_[a-z0-9_]+ --> c_[a-z0-9_]+"
    r"|    classDef [a-z]+ [a-z:#0-9,-]+"
    r"|    class c_[a-z0-9_]+(,c_[a-z0-9_]+)* (known|plan|focus)"
)
ENTITY = re.compile(r"#(\d+);")


def labels(text: str) -> dict[str, str]:
    """Node id → label with Mermaid's #N; entities decoded, as a browser would show it."""
    found = {}
    for line in text.splitlines():
        match = LINE.fullmatch(line)
        assert match, f"unexpected line {line!r}"
        if match["label"] is not None:
            node = line.split("[", 1)[0].strip()
            found[node] = ENTITY.sub(lambda m: chr(int(m[1])), match["label"])
    return found


def test_small_focus_diagram_is_exact(small_graph):
    """A focused selection renders as rung subgraphs, sorted edges and the focus class."""
    out = render_mermaid(select(small_graph, focus="lora", depth=1, known=["ml"]))
    assert out == dedent("""\
        flowchart TD
            subgraph rung_foundations["foundations"]
                c_ml["Machine learning · 30 h"]
            end
            subgraph rung_tune["tune"]
                c_lora["LoRA · 6 h"]
                c_qlora["QLoRA · 3 h"]
            end
            c_ml --> c_lora
            c_lora --> c_qlora
            classDef known fill:#eeeeee,stroke:#9e9e9e,color:#616161
            classDef plan stroke:#d62728,stroke-width:3px
            classDef focus stroke:#1f77b4,stroke-width:4px
            class c_ml known
            class c_lora focus
        """)


def test_plan_steps_are_numbered_in_learning_order(small_graph):
    """A path-only diagram numbers every step; the plan class is left off as it is everything."""
    out = render_mermaid(select(small_graph, path=("python", "agi"), only_path=True))
    names = list(labels(out).values())
    assert names[0].startswith("1. Linear algebra")
    assert [n.split(".")[0] for n in names] == ["1", "2", "3", "4", "5", "6"]
    assert not [line for line in out.splitlines() if line.startswith("    class ")]


def test_plan_is_outlined_inside_the_full_graph(small_graph):
    """With the whole graph shown, the plan's concepts get the plan class."""
    out = render_mermaid(select(small_graph, path=("lora", "agi")))
    assert "    class c_agi,c_qlora,c_quant plan\n" in out


def test_hostile_labels_round_trip_and_stay_inside_their_quotes(hostile_export_graph):
    """Every label decodes to the concept's own text, and no line is anything but diagram syntax."""
    kg = hostile_export_graph
    found = labels(render_mermaid(select(kg)))
    for cid, concept in kg.concepts.items():
        assert found[mermaid_id(cid)] == f"{' '.join(concept.name.split())} · {concept.hours:g} h"


def test_hostile_text_never_appears_raw(hostile_export_graph):
    """Tags, quotes, backticks, brackets and entity look-alikes are all written as #N; codes."""
    out = render_mermaid(select(hostile_export_graph))
    for raw in ("<", ">", "`", "]]", '-->"', "#quot;", "&amp;", "javascript:", "\\N", "°"):
        body = out.replace(" --> c_", "")  # the diagram's own edges
        assert raw not in body, raw


def test_reserved_ids_are_prefixed(hostile_export_graph):
    """Concept ids end, o and x-ray cannot become a keyword or an edge-letter."""
    out = render_mermaid(select(hostile_export_graph))
    assert "c_end --> c_x_ray" in out
    assert '        c_o["o · 1 h"]' in out
    assert "\n    end\n" in out  # only the subgraph terminators are bare `end`


def test_mermaid_text_drops_controls_and_flattens_lines():
    """Newlines become spaces; bidi overrides and controls are dropped, not encoded."""
    assert mermaid_text("a\nb\u202e\x1bc") == "a bc"
    assert mermaid_text("Кириллица ß") == "Кириллица ß"


def test_rung_subgraphs_follow_the_ladder(small_graph):
    """Subgraphs come lowest rung first, whatever the selection order."""
    out = render_mermaid(select(small_graph, levels=[Level.FRONTIER, Level.FOUNDATIONS]))
    assert out.index("rung_foundations") < out.index("rung_frontier")
    assert "rung_tune" not in out


def test_shuffled_graph_gives_identical_bytes(
    small_graph, shuffled_small_graph, hostile_export_graph, shuffled_hostile_export_graph
):
    """The order of concepts and prerequisites in the file never changes the diagram."""
    for a, b in ((small_graph, shuffled_small_graph),
                 (hostile_export_graph, shuffled_hostile_export_graph)):  # fmt: skip
        assert render_mermaid(select(a, known=["end"] if "end" in a else [])) == render_mermaid(
            select(b, known=["end"] if "end" in b else [])
        )
    assert render_mermaid(select(small_graph, path=("python", "agi"))) == render_mermaid(
        select(shuffled_small_graph, path=("python", "agi"))
    )


def test_output_ends_with_newline_even_when_empty(small_graph):
    """An empty selection is still a valid file ending in a newline."""
    out = render_mermaid(select(small_graph, path=("agi", "agi"), only_path=True))
    assert out.startswith("flowchart TD\n")
    assert out.endswith("\n")

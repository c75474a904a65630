"""`kgraph export` and `kgraph path --format mermaid|markdown` through the command line."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from click.testing import CliRunner

from kgraph.cli import main
from kgraph.render import EXPORTS
from tests.conftest import SHIPPED, small_concepts

HTML_EXISTS = (Path(__file__).parent.parent / "kgraph" / "render" / "html.py").exists()
FIRST_LINES = {
    "mermaid": "flowchart TD",
    "dot": "digraph kgraph {",
    "graphml": '<?xml version="1.0" encoding="UTF-8"?>',
    "gexf": '<?xml version="1.0" encoding="UTF-8"?>',
    "json": "{",
    "markdown": "# kgraph\\: all concepts",
}


def test_every_format_but_the_page_has_its_first_line_here():
    """The formats below are parametrised from the registry: a new one must be added here."""
    assert set(FIRST_LINES) == set(EXPORTS) - {"html"}


@pytest.fixture
def checkout(graph_file) -> Path:
    """The current folder as a clone: graph/concepts.json is here."""
    Path("graph").mkdir()
    Path("graph/concepts.json").write_bytes(graph_file.read_bytes())
    return Path("graph/concepts.json")


def run(runner: CliRunner, *args: str, code: int = 0):
    result = runner.invoke(main, list(args), catch_exceptions=code != 0)
    assert result.exit_code == code, (result.stdout, result.stderr)
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit)
    return result


def shuffled_file(tmp_path: Path) -> Path:
    """The small graph written by hand with concepts and prerequisites out of order."""
    concepts = [c.to_json() for c in small_concepts()]
    random.Random(11).shuffle(concepts)
    for concept in concepts:
        concept["prerequisites"].reverse()
    path = tmp_path / "shuffled.json"
    path.write_text(json.dumps({"concepts": concepts}, indent=1), encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", sorted(FIRST_LINES))
def test_each_format_is_written_to_exports_by_default(runner, graph_file, checkout, fmt):
    """In a checkout, without -o the file is exports/kgraph.<ext>, exports/ is created."""
    result = run(runner, "export", "-g", str(graph_file), "--format", fmt)
    target = Path("exports") / f"kgraph.{EXPORTS[fmt].extension}"
    assert result.stdout == ""
    assert result.stderr == f"wrote {target}\n"
    text = target.read_text(encoding="utf-8")
    assert text.splitlines()[0] == FIRST_LINES[fmt]
    assert text.endswith("\n")


@pytest.mark.parametrize("fmt", sorted(FIRST_LINES))
def test_dash_writes_to_stdout_and_a_shuffled_file_gives_the_same_bytes(
    runner, graph_file, tmp_path, fmt
):
    """-o - prints the export; the same graph in another order prints the same bytes."""
    args = ["export", "-f", fmt, "-o", "-", "--path", "python", "agi", "--known", "linalg"]
    first = run(runner, *args, "-g", str(graph_file))
    again = run(runner, *args, "-g", str(shuffled_file(tmp_path)))
    assert first.stdout == again.stdout
    assert first.stdout.splitlines()[0] in {FIRST_LINES[fmt], "# kgraph\\: python → agi"}
    assert first.stderr == ""


def test_output_path_is_written_atomically_and_replaced(runner, graph_file, tmp_path):
    """-o PATH writes there, replacing an older file, and leaves no temporary file behind."""
    target = tmp_path / "out" / "plan.md"
    target.parent.mkdir()
    target.write_text("old\n", encoding="utf-8")
    result = run(runner, "export", "-g", str(graph_file), "-f", "markdown", "-o", str(target),
                 "--path", "lora", "agi", "--only-path")  # fmt: skip
    assert result.stderr == f"replaced {target}\n"  # the file asked for: no hint to write elsewhere
    assert target.read_text(encoding="utf-8").splitlines()[4] == (
        "- [ ] Quantization — 4 h — [About quant](https://example.org/quant)"
    )
    assert sorted(p.name for p in target.parent.iterdir()) == ["plan.md"]


def test_selection_options_reach_the_export(runner, graph_file):
    """--focus/--depth, --level, --category and --known shape the nodes and their marks."""
    base = ["export", "-g", str(graph_file), "-f", "json", "-o", "-"]
    focus = json.loads(run(runner, *base, "--focus", "LoRA", "--depth", "1").stdout)
    assert [n["id"] for n in focus["nodes"]] == ["lora", "ml", "qlora"]
    levels = json.loads(run(runner, *base, "--level", "tune", "--level", "frontier").stdout)
    assert {n["level"] for n in levels["nodes"]} == {"tune", "frontier"}
    assert json.loads(run(runner, *base, "--category", "math").stdout)["nodes"] == []
    known = json.loads(run(runner, *base, "--known", "ml").stdout)
    assert sorted(n["id"] for n in known["nodes"] if n["known"]) == ["linalg", "ml", "python"]


def test_path_highlights_the_plan_or_keeps_it_alone(runner, graph_file):
    """--path FROM TO marks the plan in the full graph; --only-path keeps only the plan."""
    base = ["export", "-g", str(graph_file), "-f", "json", "-o", "-", "--path", "lora", "agi"]
    full = json.loads(run(runner, *base).stdout)
    assert len(full["nodes"]) == 8
    assert full["graph"]["plan"] == ["quant", "qlora", "agi"]
    alone = json.loads(run(runner, *base, "--only-path").stdout)
    assert sorted(n["id"] for n in alone["nodes"]) == ["agi", "qlora", "quant"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--only-path"], "Error: --only-path needs --path FROM TO"),
        (["--focus", "lorra"], "Error: unknown concept 'lorra'"),
        (["--path", "lora"], "Error: Option '--path' requires 2 arguments."),
        (["-f", "pdf"], "Error: Invalid value for '-f' / '--format'"),
        (["-o", ".", "-f", "dot"], "Error: Invalid value for '-o' / '--output'"),
    ],
)
def test_usage_and_input_errors_exit_2_without_traceback(runner, graph_file, args, message):
    """Bad options, unknown names and unwritable paths are one message and exit code 2."""
    result = run(runner, "export", "-g", str(graph_file), *args, code=2)
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_exports_being_a_file_is_an_input_error(runner, graph_file, checkout):
    """If exports/ cannot be created the user is told which path, with exit code 2."""
    Path("exports").write_text("not a directory\n", encoding="utf-8")
    result = run(runner, "export", "-g", str(graph_file), "-f", "dot", code=2)
    assert result.stderr.startswith("Error: exports: cannot create the directory")
    result = run(runner, "export", "-g", str(graph_file), "-o", "exports/x/k.dot", code=2)
    assert result.stderr.startswith("Error: exports/x: cannot create the directory")


def test_missing_directories_of_the_output_are_created(runner, graph_file):
    """-o into a directory that does not exist yet creates it, as for exports/."""
    run(runner, "export", "-g", str(graph_file), "-f", "dot", "-o", "a/b/k.dot")
    assert Path("a/b/k.dot").read_text(encoding="utf-8").startswith("digraph kgraph {")


@pytest.mark.skipif(not HTML_EXISTS, reason="kgraph/render/html.py is another helper's work")
def test_html_is_the_default_format(runner, graph_file, checkout):
    """With no --format the export is exports/kgraph.html."""
    result = run(runner, "export", "-g", str(graph_file))
    assert result.stderr == "wrote exports/kgraph.html\n"
    assert Path("exports/kgraph.html").read_text(encoding="utf-8").lower().startswith("<!doctype")


class TestPathFormats:
    def test_mermaid_is_the_plan_as_a_numbered_diagram(self, runner, graph_file):
        """`path FROM TO --format mermaid` draws only the plan, steps numbered."""
        out = run(runner, "path", "lora", "agi", "-g", str(graph_file), "-f", "mermaid").stdout
        assert out.startswith("flowchart TD\n")
        assert '        c_quant["1. Quantization · 4 h"]' in out
        assert '        c_agi["3. AGI · 50 h"]' in out
        assert "c_ml" not in out

    def test_markdown_without_from_starts_from_known(self, runner, graph_file):
        """`path TO --known ... --format markdown` is the checklist of what is left."""
        result = run(runner, "path", "qlora", "--known", "ml", "-g", str(graph_file),
                     "--format", "markdown")  # fmt: skip
        lines = result.stdout.splitlines()
        assert lines[0] == "# kgraph\\: path to qlora"
        assert [line.split(" — ")[0] for line in lines if line.startswith("- [")] == [
            "- [ ] LoRA", "- [ ] Quantization", "- [ ] QLoRA",
        ]  # fmt: skip

    def test_strict_reaches_the_diagram(self, runner, graph_file):
        """--strict keeps the prerequisites of what is marked known in the plan."""
        args = ["path", "lora", "--known", "ml", "-g", str(graph_file), "-f", "mermaid"]
        assert "c_linalg" not in run(runner, *args).stdout
        assert "c_linalg" in run(runner, *args, "--strict").stdout

    def test_text_and_json_are_unchanged(self, runner, graph_file):
        """The query formats still render the plan result."""
        args = ["path", "lora", "agi", "-g", str(graph_file)]
        assert run(runner, *args).stdout.startswith("Learning path from lora to agi")
        assert json.loads(run(runner, *args, "-f", "json").stdout)["target"] == "agi"


def test_shipped_graph_exports_lora_to_agi_in_every_format(runner):
    """The packaged graph loads and its lora → agi plan renders in every non-HTML format."""
    for fmt in FIRST_LINES:
        args = ["export", "-g", str(SHIPPED), "-f", fmt, "-o", "-", "--path", "lora", "agi"]
        out = run(runner, *args, "--only-path").stdout
        assert out.endswith("\n")
        assert out.count("agi") >= 1


def test_depth_help_speaks_of_steps_not_rungs(runner):
    """--depth counts prerequisite edges; 'rungs' are the ladder's levels, another thing."""
    text = " ".join(runner.invoke(main, ["export", "--help"]).stdout.split())
    depth = text[text.index("--depth") :]
    assert "steps (prerequisite edges) away from --focus" in depth
    assert "rungs" not in text.lower().split("--level")[0]


def test_outside_a_checkout_the_export_lands_in_the_current_folder(runner, graph_file):
    """No ./exports/ appears in whatever folder a user happens to be in."""
    result = run(runner, "export", "-g", str(graph_file), "-f", "dot")
    assert result.stderr == "wrote kgraph.dot\n"
    assert Path("kgraph.dot").is_file()
    assert not Path("exports").exists()


@pytest.mark.parametrize(
    ("args", "name"),
    [
        ([], "kgraph.mmd"),
        (["--focus", "LoRA"], "kgraph-focus-lora.mmd"),
        (["--focus", "lora", "--depth", "2"], "kgraph-focus-lora-depth2.mmd"),
        (["--path", "lora", "agi"], "kgraph-path-lora-agi.mmd"),
        (["--path", "lora", "agi", "--only-path"], "kgraph-plan-lora-agi.mmd"),
        (["--level", "tune", "--category", "ml"], "kgraph-tune-ml.mmd"),
        (["--lang", "ru"], "kgraph.ru.mmd"),
    ],
)
def test_the_default_name_says_what_was_exported(runner, graph_file, args, name):
    """A focus export no longer overwrites the full one: each selection has its own name."""
    result = run(runner, "export", "-g", str(graph_file), "-f", "mermaid", *args)
    assert Path(name).is_file(), result.stderr
    assert sorted(p.name for p in Path().glob("kgraph*")) == [name]


def test_overwriting_says_so(runner, graph_file):
    run(runner, "export", "-g", str(graph_file), "-f", "json")
    again = run(runner, "export", "-g", str(graph_file), "-f", "json")
    assert again.stderr == "replaced kgraph.json (it existed; -o FILE writes elsewhere)\n"
    chosen = run(runner, "export", "-g", str(graph_file), "-f", "json", "-o", "kgraph.json")
    assert chosen.stderr == "replaced kgraph.json\n"


def test_mermaid_over_what_github_draws_warns(runner, tmp_path):
    """501 edges: GitHub would show an error instead of the diagram; say so, and how to narrow."""
    from kgraph.model import GraphFile
    from kgraph.render.mermaid import MAX_EDGES
    from kgraph.store import dump
    from tests.helpers import make_concept

    hub = [make_concept("hub")]
    leaves = [make_concept(f"leaf-{i}", prerequisites=["hub"]) for i in range(MAX_EDGES + 1)]
    big = tmp_path / "big.json"
    big.write_text(dump(GraphFile((*hub, *leaves))), encoding="utf-8")
    result = run(runner, "export", "-g", str(big), "-f", "mermaid", "-o", "-")
    assert result.stderr.startswith(f"warning: {MAX_EDGES + 1} edges and ")
    assert "Narrow it with --focus, --path or --level." in result.stderr
    small = run(runner, "export", "-g", str(big), "-f", "mermaid", "--focus", "leaf-1", "-o", "-")
    assert small.stderr == ""

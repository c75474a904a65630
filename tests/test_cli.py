"""The command line: data on stdout, messages on stderr, exit codes 0/1/2, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from kgraph import __version__
from kgraph.cli import main
from kgraph.cli.app import COMMAND_MODULES
from kgraph.schema import json_schema
from tests.commands import examples


def run(runner: CliRunner, *args: str, code: int = 0):
    result = runner.invoke(main, list(args), catch_exceptions=code != 0)
    assert result.exit_code == code, (result.stdout, result.stderr)
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit)
    return result


class TestQueries:
    def test_path(self, runner, graph_file):
        result = run(runner, "path", "linalg", "qlora", "-g", str(graph_file))
        lines = result.stdout.splitlines()
        assert lines[0] == "Learning path from linalg to qlora"
        assert "   1  foundations     10      10  python" in lines
        assert "Shortest chain: linalg → ml → lora → qlora" in lines
        assert "  total          5 concepts      53 h" in lines
        assert result.stderr == ""

    def test_group_level_graph_option(self, runner, graph_file):
        result = run(runner, "-g", str(graph_file), "path", "qlora", "--known", "ml")
        assert "Known: ml (and their prerequisites)" in result.stdout

    def test_json_format(self, runner, graph_file):
        result = run(runner, "path", "qlora", "-g", str(graph_file), "-f", "json")
        data = json.loads(result.stdout)
        assert [s["concept"]["id"] for s in data["steps"]][-1] == "qlora"

    @pytest.mark.parametrize(
        ("args", "first_line"),
        [
            (["gaps", "qlora", "--known", "ml"], "Gaps for qlora"),
            (["next", "--known", "linalg,python"], "Ready to learn now, most leverage"),
            (["why", "ml", "qlora"], "ml is needed for qlora:"),
            (["unlocks", "ml", "--depth", "1"], "ml unlocks:"),
            (["show", "low rank adaptation"], "LoRA (lora)"),
            (["search", "lora"], "tune            6 h  lora"),
            (["list", "--level", "frontier"], "frontier       50 h  agi"),
            (["stats"], "8 concepts, 7 prerequisite edges, 125 h"),
        ],
    )
    def test_each_command(self, runner, graph_file, args, first_line):
        result = run(runner, *args, "-g", str(graph_file))
        assert result.stdout.splitlines()[0].startswith(first_line)

    @pytest.mark.parametrize(
        "command",
        [
            "gaps qlora",
            "next",
            "why ml lora",
            "unlocks ml",
            "show ml",
            "search ml",
            "list",
            "stats",
            "path ml",
        ],
    )
    def test_every_query_has_json(self, runner, graph_file, command):
        result = run(runner, *command.split(), "-g", str(graph_file), "--format", "json")
        assert isinstance(json.loads(result.stdout), dict)


class TestErrors:
    def test_unknown_concept_exits_2_with_suggestion(self, runner, graph_file):
        result = run(runner, "path", "lorra", "-g", str(graph_file), code=2)
        assert result.stdout == ""
        assert result.stderr == "Error: unknown concept 'lorra'; did you mean lora, qlora?\n"

    def test_unknown_known_name(self, runner, graph_file):
        result = run(runner, "next", "--known", "python,nope", "-g", str(graph_file), code=2)
        assert result.stderr == "Error: unknown concept 'nope'\n"

    def test_missing_file(self, runner):
        result = run(runner, "stats", "-g", "missing.json", code=2)
        assert result.stderr == "Error: missing.json: no such file\n"

    def test_directory(self, runner, tmp_path: Path):
        (tmp_path / "dir.json").mkdir()
        result = run(runner, "stats", "-g", "dir.json", code=2)
        assert "is a directory" in result.stderr

    def test_bad_encoding(self, runner, tmp_path: Path):
        (tmp_path / "g.json").write_bytes(b"\xff")
        result = run(runner, "stats", "-g", "g.json", code=2)
        assert result.stderr == "Error: g.json: not UTF-8 text (byte 0 is 0xff)\n"

    def test_empty_file_is_a_data_error(self, runner, tmp_path: Path):
        (tmp_path / "g.json").write_text("", encoding="utf-8")
        result = run(runner, "stats", "-g", "g.json", code=1)
        assert result.stderr == "Error: the graph has 1 error:\ng.json:1:1: the file is empty\n"

    def test_broken_graph_in_a_query(self, runner, tmp_path: Path):
        (tmp_path / "g.json").write_text('{"concepts": [1]}', encoding="utf-8")
        result = run(runner, "path", "x", "-g", "g.json", code=1)
        assert (
            "g.json:1:15: concept 'concepts[0]': input should be a valid dictionary"
            in result.stderr
        )

    def test_bad_option(self, runner):
        result = run(runner, "list", "--level", "expert", code=2)
        assert "Invalid value for '--level'" in result.stderr

    def test_too_many_names(self, runner, graph_file):
        result = run(runner, "path", "a", "b", "c", "-g", str(graph_file), code=2)
        assert "path takes TO or FROM TO, not 3 names" in result.stderr


class TestValidate:
    def test_clean(self, runner, graph_file):
        result = run(runner, "validate", "-g", str(graph_file))
        assert result.stdout == f"{graph_file}: ok, 8 concepts\n"

    def test_report_formats(self, runner, tmp_path: Path):
        bad = {
            "concepts": [
                {
                    "id": "a",
                    "name": "A",
                    "level": "use",
                    "category": "ml",
                    "summary": "S",
                    "hours": 0,
                }
            ]
        }
        (tmp_path / "g.json").write_text(json.dumps(bad, indent=2), encoding="utf-8")
        text = run(runner, "validate", "-g", "g.json", code=1).stdout
        assert text == (
            "g.json:9:7: concept 'a': field 'hours': input should be greater than 0\n"
            "g.json: 1 error\n"
        )
        github = run(runner, "validate", "-g", "g.json", "-f", "github", code=1).stdout
        assert github == (
            "::error file=g.json,line=9,col=7::concept 'a': field 'hours': input should be"
            " greater than 0\n"
        )
        data = json.loads(run(runner, "validate", "-g", "g.json", "-f", "json", code=1).stdout)
        assert data["problems"][0]["line"] == 9


class TestLint:
    def test_strict_exit_code(self, runner, graph_file):
        result = run(runner, "lint", "-g", str(graph_file))
        assert "summary has" not in result.stdout
        assert "isolated" in result.stdout
        run(runner, "lint", "-g", str(graph_file), "--strict", code=1)


class TestFmt:
    def test_check_then_rewrite(self, runner, graph_file):
        original = graph_file.read_text(encoding="utf-8")
        messy = json.dumps(json.loads(original))
        graph_file.write_text(messy, encoding="utf-8")
        result = run(runner, "fmt", "--check", "-g", str(graph_file), code=1)
        assert result.stdout.startswith(f"--- {graph_file} (now)\n+++ {graph_file} (canonical)\n")
        assert "not canonical" in result.stderr
        assert graph_file.read_text(encoding="utf-8") == messy
        run(runner, "fmt", "-g", str(graph_file))
        assert graph_file.read_text(encoding="utf-8") == original
        result = run(runner, "fmt", "--check", "-g", str(graph_file))
        assert "already canonical" in result.stderr

    def test_invalid_file_is_left_alone(self, runner, tmp_path: Path):
        (tmp_path / "g.json").write_text('{"concepts": [{"id": 1}]}', encoding="utf-8")
        run(runner, "fmt", "-g", "g.json", code=1)
        assert (tmp_path / "g.json").read_text(encoding="utf-8") == '{"concepts": [{"id": 1}]}'


class TestMisc:
    def test_version(self, runner):
        assert run(runner, "--version").stdout == f"kgraph, version {__version__}\n"

    def test_schema_matches_model(self, runner, tmp_path: Path):
        assert json.loads(run(runner, "schema").stdout) == json_schema()
        run(runner, "schema", "-o", "s.json")
        assert json.loads((tmp_path / "s.json").read_text(encoding="utf-8")) == json_schema()

    @pytest.mark.parametrize("name", sorted(COMMAND_MODULES))
    def test_every_command_has_help_with_an_example(self, runner, name):
        """Over the registry, not ``main.commands`` (filled lazily, so often empty here)."""
        command = main.get_command(click.Context(main), name)
        assert command is not None
        assert command.help
        help_text = run(runner, name, "--help").stdout
        example = help_text.partition("Example:")[2]
        assert example.strip(), f"{name}: no example in its help"
        assert f"kgraph {name}" in example, f"{name}: its example does not run it"

    def test_concept_names_complete_in_the_shell(self, runner, graph_file, monkeypatch):
        monkeypatch.setenv("KGRAPH_GRAPH", str(graph_file))
        monkeypatch.setenv("_KGRAPH_COMPLETE", "bash_complete")
        monkeypatch.setenv("COMP_WORDS", "kgraph path ql")
        monkeypatch.setenv("COMP_CWORD", "2")
        result = runner.invoke(main, [], prog_name="kgraph")
        assert result.stdout.splitlines() == ["plain,qlora"]


def test_every_command_has_an_example_invocation():
    """The table the all-commands tests read (hostile text, imports) covers the registry."""
    assert set(examples("a", "b", graph="g.json", out="o")) == set(COMMAND_MODULES)


def test_every_command_is_found_in_the_module_the_group_imports_for_it():
    """The group imports a command's module lazily, by COMMAND_MODULES: it must be complete.

    Every module of kgraph.cli is imported, so a command added anywhere and not listed (which
    `kgraph --help` would silently hide) fails here.
    """
    import importlib
    import pkgutil

    import kgraph.cli

    for info in pkgutil.iter_modules(kgraph.cli.__path__):
        importlib.import_module(f"kgraph.cli.{info.name}")
    assert set(main.commands) == set(COMMAND_MODULES)
    for name, command in main.commands.items():
        assert command.callback is not None
        assert command.callback.__module__ == f"kgraph.cli.{COMMAND_MODULES[name]}", name


class TestProgram:
    """``kgraph`` as a process: `run` leaves without tearing the interpreter down."""

    @staticmethod
    def kgraph(*args: str, probe: str = "") -> subprocess.CompletedProcess[bytes]:
        code = (
            f"import sys\n{probe}\nfrom kgraph.cli import run\nsys.argv[1:] = {list(args)!r}\nrun()"
        )
        return subprocess.run([sys.executable, "-c", code], capture_output=True, check=False)

    def test_output_is_complete_and_identical_to_the_command(self, runner, graph_file):
        args = ("export", "--format", "html", "-o", "-", "-g", str(graph_file))
        done = self.kgraph(*args)
        assert done.returncode == 0, done.stderr
        assert done.stdout == run(runner, *args).stdout_bytes
        assert done.stdout.endswith(b"</html>\n")

    def test_exit_codes_and_messages_pass_through(self, graph_file):
        done = self.kgraph("show", "nosuch", "-g", str(graph_file))
        assert done.returncode == 2
        assert done.stdout == b""
        assert done.stderr.decode().startswith("Error: unknown concept 'nosuch'")
        assert self.kgraph("--version").returncode == 0

    def test_both_streams_are_complete_and_the_status_is_the_commands(
        self, runner, graph_file, tmp_path
    ):
        """What a command wrote to stdout and stderr all arrives, and its own exit status."""
        target = tmp_path / "g.mmd"
        done = self.kgraph("export", "-f", "mermaid", "-o", str(target), "-g", str(graph_file))
        assert (done.returncode, done.stdout, done.stderr) == (0, b"", f"wrote {target}\n".encode())
        assert target.read_text(encoding="utf-8").startswith("flowchart TD\n")
        broken = tmp_path / "broken.json"
        broken.write_text('{"concepts": [{"id": "x"}]}', encoding="utf-8")
        done = self.kgraph("validate", "-g", str(broken))
        assert done.returncode == 1
        assert done.stdout == runner.invoke(main, ["validate", "-g", str(broken)]).stdout_bytes
        assert done.stdout.decode().endswith(" errors\n")
        done = self.kgraph("stats", "-g", str(graph_file), "--format", "json")
        assert json.loads(done.stdout)["concepts"] == len(
            json.loads(graph_file.read_text())["concepts"]
        )

    def test_python_m_kgraph_and_the_installed_program_run_it(self):
        argv = [sys.executable, "-m", "kgraph", "--version"]
        done = subprocess.run(argv, capture_output=True, check=False)
        assert done.returncode == 0
        assert done.stdout.decode().strip().endswith(__version__)
        (script,) = entry_points(group="console_scripts", name="kgraph")
        assert script.value == "kgraph.cli:run"


@pytest.mark.parametrize(
    "args",
    [
        ["--lang", "ru", "path", "lora", "--no-cache", "-g", "{g}"],
        ["-g", "{g}", "--no-cache", "path", "lora", "--lang", "ru"],
        ["path", "lora", "--lang", "ru", "-g", "{g}", "--no-cache"],
        ["--lang", "en", "-g", "{g}", "path", "lora", "--lang", "ru"],  # the last one given wins
    ],
    ids=["before", "mixed", "after", "both"],
)
def test_global_options_are_accepted_before_and_after_the_command(runner, graph_file, args):
    argv = [a.format(g=graph_file) for a in args]
    result = runner.invoke(main, argv)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Путь обучения к lora")


def test_no_cache_after_the_command_checks_the_file_again(runner, graph_file, monkeypatch):
    from kgraph import load

    seen: list[bool] = []
    real = load._load_graph

    def spy(path, *, use_cache):
        seen.append(use_cache)
        return real(path, use_cache=use_cache)

    monkeypatch.setattr(load, "_load_graph", spy)
    assert runner.invoke(main, ["stats", "-g", str(graph_file), "--no-cache"]).exit_code == 0
    assert runner.invoke(main, ["stats", "-g", str(graph_file)]).exit_code == 0
    assert seen == [False, True]


def test_bare_kgraph_shows_the_help_and_succeeds(runner):
    result = runner.invoke(main, [], prog_name="kgraph")
    assert result.exit_code == 0
    assert result.stdout.startswith("Usage: kgraph [OPTIONS] [COMMAND] [ARGS]...")
    assert "Commands for learners:" in result.stdout
    assert result.stdout == runner.invoke(main, ["--help"], prog_name="kgraph").stdout


def test_reversed_arguments_say_the_other_order_has_an_answer(runner, graph_file):
    """path qlora ml and why qlora ml read like success; they point at the order that answers."""
    g = ["-g", str(graph_file)]
    path = runner.invoke(main, ["path", "qlora", "ml", *g])
    assert path.exit_code == 0
    assert "Did you mean `kgraph path ml qlora`?" in path.stdout
    why = runner.invoke(main, ["why", "qlora", "ml", *g])
    assert (
        why.stdout
        == "qlora is not needed for ml, but ml is needed for qlora: `kgraph why ml qlora`.\n"
    )
    ru = runner.invoke(main, ["why", "qlora", "ml", "--lang", "ru", *g])
    assert "`kgraph why ml qlora`" in ru.stdout
    unrelated = runner.invoke(main, ["why", "history", "ml", *g])
    assert unrelated.stdout == "history is not needed for ml.\n"
    nothing = runner.invoke(main, ["path", "ml", "--known", "ml", *g])
    assert "Did you mean" not in nothing.stdout
    data = json.loads(runner.invoke(main, ["path", "qlora", "ml", "-f", "json", *g]).stdout)
    assert data["reversed"] is True


def test_strict_header_says_prerequisites_do_not_count(runner, graph_file):
    g = ["-g", str(graph_file)]
    loose = runner.invoke(main, ["path", "qlora", "--known", "ml", *g]).stdout.splitlines()[1]
    strict = runner.invoke(main, ["path", "qlora", "--known", "ml", "--strict", *g])
    assert loose == "Known: ml (and their prerequisites)"
    assert strict.stdout.splitlines()[1] == "Known: ml (only these, not their prerequisites)"
    ru = runner.invoke(main, ["path", "qlora", "--known", "ml", "--strict", "--lang", "ru", *g])
    assert ru.stdout.splitlines()[1] == "Уже известно: ml (только они, без того, что им нужно)"


def complete(runner, monkeypatch, words: str) -> list[str]:
    """What bash completion offers for the last word of *words*."""
    monkeypatch.setenv("_KGRAPH_COMPLETE", "bash_complete")
    monkeypatch.setenv("COMP_WORDS", words)
    monkeypatch.setenv("COMP_CWORD", str(len(words.split()) - (not words.endswith(" "))))
    result = runner.invoke(main, [], prog_name="kgraph")
    return [line.split(",", 1)[1] for line in result.stdout.splitlines()]


def test_russian_names_complete_to_their_id(runner, monkeypatch):
    from tests.conftest import SHIPPED

    monkeypatch.setenv("KGRAPH_GRAPH", str(SHIPPED))
    offered = complete(runner, monkeypatch, "kgraph path вним")
    assert "attention" in offered
    assert "lora" not in offered
    assert "attention" in complete(runner, monkeypatch, "kgraph path att")


def test_known_values_complete_after_the_comma(runner, graph_file, monkeypatch):
    monkeypatch.setenv("KGRAPH_GRAPH", str(graph_file))
    assert complete(runner, monkeypatch, "kgraph path lora --known python,li") == ["python,linalg"]
    assert complete(runner, monkeypatch, "kgraph export --known ql") == ["qlora"]


def test_forget_completes_only_marked_concepts(runner, graph_file, monkeypatch):
    monkeypatch.setenv("KGRAPH_GRAPH", str(graph_file))
    assert runner.invoke(main, ["learn", "ml", "quant"]).exit_code == 0
    assert complete(runner, monkeypatch, "kgraph forget ") == ["ml", "quant"]
    assert complete(runner, monkeypatch, "kgraph forget q") == ["quant"]
    assert "qlora" in complete(runner, monkeypatch, "kgraph learn q")


class TestWhichFile:
    """Contributor commands say which file they act on when the user did not choose it."""

    def test_outside_a_checkout_validate_and_lint_name_the_packaged_copy(self, runner):
        from kgraph.store import packaged_graph_path

        for command in ("validate", "lint"):
            result = runner.invoke(main, [command])
            assert result.exit_code == 0, result.output
            assert result.stderr.startswith("note: checking the graph packaged with kgraph, ")
            assert str(packaged_graph_path()) in result.stderr

    def test_fmt_never_rewrites_the_packaged_copy(self, runner):
        from kgraph.store import packaged_graph_path

        before = Path(packaged_graph_path()).read_bytes()
        result = runner.invoke(main, ["fmt"])
        assert result.exit_code == 2
        assert result.stderr.startswith("Error: fmt never rewrites the graph packaged with kgraph")
        assert Path(packaged_graph_path()).read_bytes() == before
        assert runner.invoke(main, ["fmt", "--check"]).exit_code == 0  # reading is fine

    def test_in_a_checkout_nothing_is_added(self, runner, graph_file):
        Path("graph").mkdir()
        Path("graph/concepts.json").write_bytes(graph_file.read_bytes())
        result = runner.invoke(main, ["validate"])
        assert result.stderr == ""
        assert result.stdout == "graph/concepts.json: ok, 8 concepts\n"

    def test_kgraph_graph_is_named_when_it_chooses(self, runner, graph_file, monkeypatch):
        monkeypatch.setenv("KGRAPH_GRAPH", str(graph_file))
        result = runner.invoke(main, ["validate"])
        assert result.stderr == f"note: checking {graph_file}, named by $KGRAPH_GRAPH\n"

    @pytest.mark.parametrize("command", [["path", "lora"], ["validate"], ["fmt"], ["learn", "x"]])
    def test_a_kgraph_graph_naming_no_file_names_the_variable(self, runner, monkeypatch, command):
        monkeypatch.setenv("KGRAPH_GRAPH", "nope.json")
        result = runner.invoke(main, command)
        assert result.exit_code == 2
        assert result.stderr == (
            "Error: $KGRAPH_GRAPH is nope.json, which is not a graph file; unset KGRAPH_GRAPH"
            " or point it at one\n"
        )

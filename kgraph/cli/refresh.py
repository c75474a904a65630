"""``kgraph refresh``: rewrite every file of a checkout that is derived from the graph.

A contributor edits ``graph/concepts.json`` and nothing else; this regenerates the rest (on
main, a workflow runs it after each merge): the output of the examples in README.md,
CONTRIBUTING.md and every page of the docs site (``docs/**/*.md``), the counts their prose quotes,
every committed ``exports/kgraph.<ext>`` and the JSON Schema. Each of them is what some ``kgraph``
command prints, so this lives in the CLI layer and gets each by running that command in-process,
exactly as a reader would type it (the library never imports the CLI).

In the documents, a ``console`` block whose first line is ``$ kgraph …`` shows what each
``$ kgraph`` line prints on the shipped graph. A marker line right above a block picks another
graph: ``<!-- output: example -->`` is the graph with the guide's example concept pasted in
(unformatted, as step 3 leaves it), ``<!-- output: typo -->`` the same, formatted, with a typo in
the example's first prerequisite; ``<!-- output: known python,lora -->`` runs the block on the
shipped graph for a learner who has just marked those concepts (``kgraph learn python lora``),
and ``<!-- output: none -->`` leaves the block as written.
``<!-- count: concepts -->267<!-- /count -->`` in prose holds one number of ``kgraph stats``.
"""

from __future__ import annotations

import contextlib
import json
import re
import shlex
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Final

import click
from click.testing import CliRunner

from kgraph.cli.app import current_lang, main
from kgraph.errors import InputError
from kgraph.i18n import texts
from kgraph.load import load_graph
from kgraph.render import EXPORTS
from kgraph.render.terminal import clean
from kgraph.store import write_atomic

if TYPE_CHECKING:
    from collections.abc import Iterator

    from click.testing import Result

COMMAND: Final = "kgraph refresh"
GRAPH: Final = Path("graph", "concepts.json")
SCHEMA: Final = Path("graph", "concepts.schema.json")
DOCS: Final = (Path("README.md"), Path("CONTRIBUTING.md"))
SITE: Final = Path("docs")
GUIDE: Final = Path("CONTRIBUTING.md")
EXAMPLE_SECTION: Final = "## Add a concept, step by step"
EXAMPLES_TODAY: Final = "2027-01-04"  # the day the documents' examples are run on
STATES: Final = ("shipped", "example", "typo", "known", "none")

_BLOCK: Final = re.compile(
    r"(?P<marker><!-- output: (?P<state>[a-z]+)(?: (?P<known>[a-z0-9,-]+))? -->\n)?"
    r"```console\n(?P<body>.*?)```",
    re.DOTALL,
)
_COUNT: Final = re.compile(r"<!-- count: (?P<key>[a-z_]+) -->(?P<value>[0-9.,]*)<!-- /count -->")
_JSON_BLOCK: Final = re.compile(r"```json\n(.*?)```", re.DOTALL)
_LIST_START: Final = '"concepts": [\n'


class _Terminal:
    """Runs ``kgraph`` command lines in-process as a reader sees them on a terminal.

    English, 100 columns, today pinned to `EXAMPLES_TODAY`, the default graph of the current
    directory, and a progress file and
    cache of its own (so neither the contributor's saved progress nor their cache shows). One
    terminal keeps its progress from one command to the next, like the documents' examples.
    """

    def __init__(self, scratch: Path) -> None:
        self._env = {
            "COLUMNS": "100",
            "KGRAPH_LANG": "en",
            "KGRAPH_HOME": str(scratch / "home"),
            "XDG_DATA_HOME": str(scratch / "data"),
            "XDG_CACHE_HOME": str(scratch / "cache"),
            "KGRAPH_TODAY": EXAMPLES_TODAY,  # `kgraph week` and undated plans: a fixed day
            **dict.fromkeys(
                ("KGRAPH_GRAPH", "KGRAPH_NO_CACHE", "KGRAPH_MAX_MIB", "LC_ALL", "LC_MESSAGES")
            ),
        }

    def run(self, line: str, cwd: Path) -> Result:
        """Run one ``kgraph …`` command line in *cwd*; a crash is raised, not printed."""
        with contextlib.chdir(cwd):
            result = CliRunner().invoke(main, shlex.split(line)[1:], env=self._env)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        return result

    def output(self, line: str, cwd: Path) -> str:
        """What *line* shows on a terminal: its output and its messages, interleaved."""
        return self.run(line, cwd).output

    def stdout(self, line: str, cwd: Path) -> str:
        """What *line* writes to stdout: a file's content when it writes to ``-``."""
        return self.run(line, cwd).stdout


def derived_files(root: Path) -> dict[Path, str]:
    """Every file of the checkout at *root* derived from its graph, as it should read now.

    Paths are relative to *root*; only files the checkout already has are regenerated.
    """
    _check_checkout(root)
    with contextlib.chdir(root):  # so its errors name graph/concepts.json as the guide shows
        load_graph(GRAPH)  # an invalid graph stops here, with its errors, before any example
    with tempfile.TemporaryDirectory(prefix="kgraph-refresh-") as scratch:
        terminal = _Terminal(Path(scratch))
        files = {doc: _refresh_doc(root, doc, terminal) for doc in documents(root)}
        for fmt, ext in sorted((e.name, e.extension) for e in EXPORTS.values()):
            export = Path("exports", f"kgraph.{ext}")
            if (root / export).is_file():
                files[export] = terminal.stdout(f"kgraph export --format {fmt} -o -", root)
        if (root / SCHEMA).is_file():
            files[SCHEMA] = terminal.stdout("kgraph schema", root)
    return files


def documents(root: Path) -> list[Path]:
    """The checkout's documents whose examples come from the graph, relative to *root*.

    README.md and CONTRIBUTING.md, then every Markdown page of the docs site, sorted.
    """
    site = sorted(p.relative_to(root) for p in (root / SITE).rglob("*.md") if p.is_file())
    return [doc for doc in DOCS if (root / doc).is_file()] + site


def stale_files(root: Path) -> dict[Path, str]:
    """The derived files whose committed text differs from what they should read now."""
    return {
        path: text
        for path, text in derived_files(root).items()
        if (root / path).read_text(encoding="utf-8") != text
    }


def _check_checkout(root: Path) -> None:
    if not (root / GRAPH).is_file() or not (root / DOCS[0]).is_file():
        msg = texts(current_lang())(
            "refresh.not_checkout", path=clean(str(root)), files=f"{GRAPH}, {DOCS[0]}"
        )
        raise InputError(msg)


def _refresh_doc(root: Path, doc: Path, terminal: _Terminal) -> str:
    """*doc* with each example's output and each quoted count as the graph gives them now."""
    text = (root / doc).read_text(encoding="utf-8")
    stats = json.loads(terminal.stdout("kgraph stats --format json", root))

    def block(match: re.Match[str]) -> str:
        state = match["state"] or "shipped"
        if state not in STATES or (state == "known") != bool(match["known"]):
            msg = texts(current_lang())(
                "refresh.state", path=doc, state=state, choices=", ".join(STATES)
            )
            raise InputError(msg)
        body = match["body"]
        if state == "none" or (match["state"] is None and not body.startswith("$ kgraph ")):
            return match[0]
        with _graph_dir(root, state) as cwd, _learned(terminal, match["known"], cwd) as learner:
            body = _rerun(body, learner, cwd)
        return f"{match['marker'] or ''}```console\n{body}```"

    def count(match: re.Match[str]) -> str:
        value = stats.get(match["key"])
        if not isinstance(value, int | float):
            known = ", ".join(k for k, v in stats.items() if isinstance(v, int | float))
            msg = texts(current_lang())("refresh.count", path=doc, key=match["key"], choices=known)
            raise InputError(msg)
        number = int(value) if value == int(value) else value
        return f"<!-- count: {match['key']} -->{number}<!-- /count -->"

    return _COUNT.sub(count, _BLOCK.sub(block, text))


def _rerun(body: str, terminal: _Terminal, cwd: Path) -> str:
    """A console block with each ``$ kgraph`` line followed by what it prints now.

    Other lines (``$ git clone …``) and what follows them stay as written.
    """
    parts = re.split(r"^(\$ .*\n)", body, flags=re.MULTILINE)
    out = [parts[0]]
    for line, shown in zip(parts[1::2], parts[2::2], strict=True):
        out += [line, terminal.output(line[2:], cwd) if line.startswith("$ kgraph ") else shown]
    return "".join(out)


@contextlib.contextmanager
def _learned(terminal: _Terminal, known: str | None, cwd: Path) -> Iterator[_Terminal]:
    """*terminal*, or with *known* (``python,lora``) a new one that has just learned them."""
    if not known:
        yield terminal
        return
    with tempfile.TemporaryDirectory(prefix="kgraph-learner-") as scratch:
        learner = _Terminal(Path(scratch))
        learner.run(f"kgraph learn {' '.join(known.split(','))}", cwd)
        yield learner


@contextlib.contextmanager
def _graph_dir(root: Path, state: str) -> Iterator[Path]:
    """A directory whose graph/concepts.json is the graph *state* names."""
    if state not in ("example", "typo"):
        yield root
        return
    with tempfile.TemporaryDirectory(prefix="kgraph-example-") as tmp:
        where = Path(tmp)
        (where / GRAPH).parent.mkdir()
        shipped = (root / GRAPH).read_text(encoding="utf-8")
        example = guide_example(root)
        if state == "typo":
            example = with_typo(example)
        write_atomic(where / GRAPH, with_concept(shipped, example))
        if state == "typo":
            _Terminal(where).run("kgraph fmt", where)
        yield where


def guide_example(root: Path) -> str:
    """The JSON block of the guide's worked example, exactly as a contributor copies it."""
    guide = (root / GUIDE).read_text(encoding="utf-8") if (root / GUIDE).is_file() else ""
    section = guide.partition(EXAMPLE_SECTION)[2].partition("\n## ")[0]
    found = _JSON_BLOCK.search(section)
    if found is None:
        msg = texts(current_lang())("refresh.no_example", path=GUIDE, section=EXAMPLE_SECTION)
        raise InputError(msg)
    return found[1]


def with_concept(graph_text: str, block: str) -> str:
    """*graph_text* with the concept *block* pasted first in its list, as the guide says to."""
    if _LIST_START not in graph_text:
        msg = texts(current_lang())("refresh.no_list", path=GRAPH, line=_LIST_START.strip())
        raise InputError(msg)
    pasted = "".join(f"    {line}" for line in block.strip().splitlines(keepends=True))
    head, start, rest = graph_text.partition(_LIST_START)
    return f"{head}{start}{pasted},\n{rest}"


def with_typo(block: str) -> str:
    """The concept *block* with the last letter of its first prerequisite's id dropped."""
    concept = json.loads(block)
    first = concept["prerequisites"][0]
    first["id"] = first["id"][:-1]
    return json.dumps(concept, indent=2, ensure_ascii=False)


@main.command()
@click.option("--check", is_flag=True, help="Change nothing; exit 1 and name each stale file.")
@click.pass_context
def refresh(ctx: click.Context, check: bool) -> None:
    """Regenerate the files derived from graph/concepts.json, from a checkout's root.

    The examples' output and the counts in README.md, CONTRIBUTING.md and docs/, the committed
    exports/kgraph.* and graph/concepts.schema.json. On main a workflow runs it after each
    merge, so a pull request need not; running it again changes nothing.

    \b
    Example:
        kgraph refresh
        kgraph refresh --check
    """
    t, root = texts(current_lang()), Path.cwd()
    stale = stale_files(root)
    for path, text in stale.items():
        if check:
            click.echo(t("refresh.stale", path=path), err=True)
        else:
            write_atomic(root / path, text)
            click.echo(t("cli.wrote", path=path), err=True)
    if not stale:
        click.echo(t("refresh.fresh"), err=True)
    elif check:
        click.echo(t("refresh.hint", command=COMMAND), err=True)
        ctx.exit(1)

"""The ``kgraph`` command: parse options, call the library, render, write. Nothing else.

Every `KgraphError` becomes one ``Error: …`` line on stderr and its exit code in `_Group`;
data goes to stdout, messages to stderr.
"""

from __future__ import annotations

import difflib
import functools
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from kgraph import __version__, queries
from kgraph.assess import Answer, Assessment
from kgraph.errors import InputError, KgraphError
from kgraph.model import Category, Level, json_schema
from kgraph.profile import (
    Change,
    load_profile,
    marks_text,
    merge,
    migrated,
    now,
    parse_marks,
    profile_path,
    record_forgotten,
    record_learned,
    resolve,
    save_profile,
)
from kgraph.profile import learn as learn_marks
from kgraph.progress import known_report, ladder
from kgraph.render import EXPORTERS, EXTENSIONS, exporter
from kgraph.render.json import render_json
from kgraph.render.text import clean, label, render_problems, render_text
from kgraph.selection import select
from kgraph.store import dump, parse, read_text, resolve_graph_path, write_atomic
from kgraph.validate import load_checked, load_graph, validate

if TYPE_CHECKING:
    from collections.abc import Callable

    from kgraph.errors import Problem
    from kgraph.graph import KGraph


class _Group(click.Group):
    """Click group that turns every KgraphError into one stderr message and its exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KgraphError as err:
            click.echo(f"Error: {err}", err=True)
            ctx.exit(err.exit_code)


def _complete_concept(ctx: click.Context, _: click.Parameter, incomplete: str) -> list[str]:
    """Concept ids for shell completion, from the graph the command line points at."""
    try:
        root = ctx.find_root().params.get("graph")
        kg = load_graph(resolve_graph_path(ctx.params.get("graph") or root))
    except KgraphError:
        return []
    return [cid for cid in kg.concepts if cid.startswith(incomplete.lower())]


def _split_names(_: click.Context, __: click.Parameter, value: str | None) -> tuple[str, ...]:
    return tuple(n.strip() for n in (value or "").split(",") if n.strip())


graph_option = click.option(
    "-g",
    "--graph",
    type=click.Path(dir_okay=False, path_type=Path),
    is_eager=True,
    help="Graph file (default: $KGRAPH_GRAPH, ./graph/concepts.json, then the packaged graph).",
)
known_option = click.option(
    "--known",
    callback=_split_names,
    metavar="A,B,…",
    help="Concepts you know, comma-separated (their prerequisites count as known).",
)
strict_option = click.option(
    "--strict", is_flag=True, help="Count only what is marked known, not its prerequisites."
)
profile_option = click.option(
    "--profile",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Progress file (default: $KGRAPH_HOME/known.json, else ~/.local/share/kgraph/known.json).",
)


def _names_or_none(
    ctx: click.Context, param: click.Parameter, value: str | None
) -> tuple[str, ...] | None:
    return None if value is None else _split_names(ctx, param, value)


def saved_known_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--known`` that, when absent, means the saved progress; and ``--profile`` to pick it."""
    return click.option(
        "--known",
        callback=_names_or_none,
        metavar="A,B,…",
        help="Concepts you know, comma-separated (default: your saved progress, `kgraph known`).",
    )(profile_option(func))


def _known(kg: KGraph, known: tuple[str, ...] | None, profile: Path | None) -> tuple[str, ...]:
    """*known* when given, else the saved progress mapped onto *kg*'s current ids."""
    if known is not None:
        return known
    return resolve(kg, load_profile(profile_path(profile)).marked).ids


def format_option(*choices: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``-f/--format`` with the given choices, the first being the default."""
    return click.option(
        "-f", "--format", "fmt", type=click.Choice(choices), default=choices[0], show_default=True
    )


def concept_argument(
    name: str, **kwargs: Any
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """A concept name argument that completes concept ids in the shell."""
    return click.argument(name, shell_complete=_complete_concept, **kwargs)


def _emit(result: object, fmt: str) -> None:
    click.echo(render_json(result) if fmt == "json" else render_text(result), nl=False)


def _graph_path(graph: Path | None) -> Path:
    """The command's ``--graph``, else the group's (``kgraph -g FILE path …``), else the default."""
    ctx = click.get_current_context(silent=True)
    root = ctx.find_root().params.get("graph") if ctx else None
    return resolve_graph_path(graph or root)


def _graph(graph: Path | None) -> KGraph:
    return load_graph(_graph_path(graph))


def query_command(func: Callable[..., object]) -> Callable[..., None]:
    """Wrap a function returning a query result into a command that loads the graph and renders."""

    @graph_option
    @format_option("text", "json")
    @functools.wraps(func)
    def command(graph: Path | None, fmt: str, **kwargs: Any) -> None:
        _emit(func(_graph(graph), **kwargs), fmt)

    return command


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kgraph")
@graph_option
def main(graph: Path | None) -> None:
    """Explore the prerequisite graph of AI-engineering concepts.

    \b
    Example:
        kgraph path lora agi        # what stands between LoRA and the top
    """


@main.command("path")
@concept_argument("names", nargs=-1, required=True, metavar="[FROM] TO")
@saved_known_option
@strict_option
@graph_option
@format_option("text", "json", "mermaid", "markdown")
def path_command(
    *,
    graph: Path | None,
    fmt: str,
    names: tuple[str, ...],
    known: tuple[str, ...] | None,
    profile: Path | None,
    strict: bool,
) -> None:
    """Print an ordered curriculum from FROM (and what you know) to TO, with hours.

    \b
    Example:
        kgraph path lora agi
        kgraph path transformer --known python,pytorch
        kgraph path lora agi --format mermaid     # the plan as a diagram
    """
    if len(names) > 2:  # noqa: PLR2004 - FROM and TO
        msg = f"path takes TO or FROM TO, not {len(names)} names"
        raise click.UsageError(msg)
    source = names[0] if len(names) == 2 else None  # noqa: PLR2004
    kg = _graph(graph)
    known = _known(kg, known, profile)
    if fmt in {"mermaid", "markdown"}:
        plan = select(kg, path=(source, names[-1]), only_path=True, known=known, strict=strict)
        click.echo(exporter(fmt)(plan), nl=False)
    else:
        _emit(queries.learning_path(kg, names[-1], source=source, known=known, strict=strict), fmt)


@main.command()
@concept_argument("target")
@saved_known_option
@strict_option
@query_command
def gaps(
    kg: KGraph, target: str, known: tuple[str, ...] | None, profile: Path | None, strict: bool
) -> object:
    """Split what you miss for TARGET into ready-now and blocked concepts.

    \b
    Example:
        kgraph gaps transformer --known python,neural-networks
    """
    return queries.gaps(kg, target, known=_known(kg, known, profile), strict=strict)


@main.command("next")
@saved_known_option
@strict_option
@click.option("--goal", shell_complete=_complete_concept, help="Rank toward this concept only.")
@query_command
def next_command(
    kg: KGraph, known: tuple[str, ...] | None, profile: Path | None, strict: bool, goal: str | None
) -> object:
    """List what you can learn now, ranked by how much it unlocks per hour.

    \b
    Example:
        kgraph next --known python,linear-algebra --goal transformer
    """
    known = _known(kg, known, profile)
    return queries.fringe(kg, known=known, strict=strict, goal=goal)


@main.command()
@concept_argument("source")
@concept_argument("target")
@query_command
def why(kg: KGraph, source: str, target: str) -> object:
    """Show the shortest chains by which SOURCE is needed for TARGET, with reasons.

    \b
    Example:
        kgraph why matrix-rank lora
    """
    return queries.why(kg, source, target)


@main.command()
@concept_argument("concept")
@click.option("--depth", type=click.IntRange(min=1), help="Only this many steps away.")
@query_command
def unlocks(kg: KGraph, concept: str, depth: int | None) -> object:
    """Show what CONCEPT opens up, directly and transitively.

    \b
    Example:
        kgraph unlocks attention --depth 2
    """
    return queries.unlocks(kg, concept, depth=depth)


@main.command()
@concept_argument("concept")
@query_command
def show(kg: KGraph, concept: str) -> object:
    """Show one concept: summary, hours, resources, what it needs and unlocks.

    \b
    Example:
        kgraph show "kv cache"
    """
    return queries.show(kg, concept)


@main.command()
@click.argument("text")
@query_command
def search(kg: KGraph, text: str) -> object:
    """Find concepts by name, alias or words of their summary.

    \b
    Example:
        kgraph search quantization
    """
    return queries.search(kg, text)


@main.command("list")
@click.option("--level", type=click.Choice([lv.value for lv in Level]), help="Only this rung.")
@click.option("--category", type=click.Choice([c.value for c in Category]), help="Only this topic.")
@query_command
def list_command(kg: KGraph, level: str | None, category: str | None) -> object:
    """List concepts in ladder order, optionally of one rung or category.

    \b
    Example:
        kgraph list --level repair
    """
    chosen_level = Level(level) if level else None
    chosen_category = Category(category) if category else None
    return queries.listing(kg, level=chosen_level, category=chosen_category)


@main.command()
@query_command
def stats(kg: KGraph) -> object:
    """Count concepts, edges and hours per rung and category.

    \b
    Example:
        kgraph stats --format json
    """
    return queries.stats(kg)


@main.command("validate")
@graph_option
@format_option("text", "json", "github")
@click.pass_context
def validate_command(ctx: click.Context, graph: Path | None, fmt: str) -> None:
    """Check the graph file; exit 1 and list every problem (file:line:col) if it has any.

    \b
    Example:
        kgraph validate --format github
    """
    path = _graph_path(graph)
    parsed = parse(read_text(path), str(path))
    problems = validate(parsed)
    count = len(parsed.graph.concepts) if parsed.graph else 0
    click.echo(_report(problems, fmt, path=str(path), count=count), nl=False)
    ctx.exit(1 if problems else 0)


def _report(problems: tuple[Problem, ...], fmt: str, *, path: str, count: int) -> str:
    if fmt == "json":
        return render_json({"path": path, "concepts": count, "problems": problems})
    if fmt == "github":
        from kgraph.render.github import render_github

        return render_github(problems)
    if not problems:
        return f"{path}: ok, {count} concepts\n"
    kind = problems[0].severity
    return render_problems(problems) + f"{path}: {len(problems)} {kind}(s)\n"


@main.command("lint")
@graph_option
@format_option("text", "json", "github")
@click.option("--strict", is_flag=True, help="Exit 1 when any warning remains.")
@click.pass_context
def lint_command(ctx: click.Context, graph: Path | None, fmt: str, strict: bool) -> None:
    """Warn about what misleads learners (redundant edges, rung inversions, …), with fixes.

    \b
    Example:
        kgraph lint --strict
    """
    from kgraph.lint import lint

    path = _graph_path(graph)
    parsed, kg = load_checked(path)
    warnings = lint(parsed, kg)
    click.echo(_report(warnings, fmt, path=str(path), count=len(kg)), nl=False)
    ctx.exit(1 if strict and warnings else 0)


@main.command()
@graph_option
@click.option("--check", is_flag=True, help="Change nothing; exit 1 and show the diff if needed.")
@click.pass_context
def fmt(ctx: click.Context, graph: Path | None, check: bool) -> None:
    """Rewrite the graph file in its one canonical form (sorted, fixed key order).

    \b
    Example:
        kgraph fmt --check
    """
    path = _graph_path(graph)
    text = read_text(path)
    parsed = parse(text, str(path))
    if parsed.problems or parsed.graph is None:
        click.echo(render_problems(parsed.problems), nl=False)
        ctx.exit(1)
    canonical = dump(parsed.graph)
    if canonical == text:
        click.echo(f"{path}: already canonical", err=True)
    elif check:
        diff = difflib.unified_diff(
            text.splitlines(keepends=True), canonical.splitlines(keepends=True),
            f"{path} (now)", f"{path} (canonical)",
        )  # fmt: skip
        click.echo("".join(diff), nl=False)
        click.echo(f"{path}: not canonical; run `kgraph fmt` to rewrite it", err=True)
        ctx.exit(1)
    else:
        write_atomic(path, canonical)
        click.echo(f"{path}: rewritten in canonical form", err=True)


@main.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path))
def schema(output: Path | None) -> None:
    """Print the JSON Schema of concepts.json (or write it with -o).

    \b
    Example:
        kgraph schema -o graph/concepts.schema.json
    """
    text = json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
    if output is None:
        click.echo(text, nl=False)
    else:
        write_atomic(output, text)


@main.command("diff")
@click.argument("base")
@click.argument("head")
@click.option(
    "--path",
    "graph_file",
    default="graph/concepts.json",
    show_default=True,
    help="The graph file inside the repository, read at BASE or HEAD when they are revisions.",
)
@format_option("text", "json", "markdown")
@click.pass_context
def diff_command(ctx: click.Context, base: str, head: str, graph_file: str, fmt: str) -> None:
    """Review a change: compare two graphs, files or git revisions.

    Reports concepts added, removed, renamed and changed, edges with their reasons, new errors
    and lint warnings, and how landmark learning paths change. Exits 1 when the change
    introduces errors (a cycle, an id removed without keeping it as an alias, …).

    \b
    Example:
        kgraph diff origin/main HEAD
        kgraph diff HEAD graph/concepts.json --format markdown >> "$GITHUB_STEP_SUMMARY"
    """
    from kgraph.diff import compare, read_side
    from kgraph.render.diff import render_diff

    result = compare(read_side(base, graph_file), read_side(head, graph_file))
    click.echo(render_diff(result, fmt), nl=False)
    ctx.exit(1 if result.breaks else 0)


def _write_export(text: str, output: Path | None, fmt: str) -> None:
    """Write an export to *output* ('-': stdout), by default ``exports/kgraph.<ext>``."""
    if output == Path("-"):
        click.echo(text, nl=False)
        return
    target = output or Path("exports") / f"kgraph.{EXTENSIONS[fmt]}"
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        msg = f"{target.parent}: cannot create the directory: {err.strerror or err}"
        raise InputError(msg) from None
    write_atomic(target, text)
    click.echo(f"wrote {target}", err=True)


@main.command()
@graph_option
@format_option(*sorted(EXPORTERS, key=lambda f: f != "html"))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
    help="File to write, '-' for stdout  [default: exports/kgraph.<ext>]",
)
@click.option("--focus", shell_complete=_complete_concept, help="Only this concept and its rungs.")
@click.option(
    "--depth",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    help="Rungs of prerequisites and dependents around --focus.",
)
@click.option("--path", nargs=2, metavar="FROM TO", help="Highlight the learning plan FROM → TO.")
@click.option("--only-path", is_flag=True, help="Show the --path plan alone.")
@click.option(
    "--level",
    "levels",
    multiple=True,
    type=click.Choice([lv.value for lv in Level]),
    help="Only this rung (repeatable).",
)
@click.option(
    "--category",
    "categories",
    multiple=True,
    type=click.Choice([c.value for c in Category]),
    help="Only this topic (repeatable).",
)
@known_option
def export(graph: Path | None, fmt: str, output: Path | None, **options: Any) -> None:
    """Export the graph, or part of it, as html, mermaid, dot, graphml, gexf, json or markdown.

    \b
    Example:
        kgraph export --format mermaid --path lora agi --only-path -o -
        kgraph export --focus lora --depth 2 --known python
    """
    if options["only_path"] and not options["path"]:
        msg = "--only-path needs --path FROM TO"
        raise click.UsageError(msg)
    options["levels"] = [Level(v) for v in options["levels"]]
    options["categories"] = [Category(c) for c in options["categories"]]
    selection = select(_graph(graph), **options)
    _write_export(exporter(fmt)(selection), output, fmt)


@main.command()
@concept_argument("names", nargs=-1, required=True, metavar="CONCEPT...")
@graph_option
@profile_option
def learn(names: tuple[str, ...], graph: Path | None, profile: Path | None) -> None:
    """Mark concepts as known and save it; their prerequisites count as known too.

    \b
    Example:
        kgraph learn python linear-algebra lora
    """
    change = record_learned(_graph(graph), load_profile(profile_path(profile)), names, now())
    click.echo(render_text(change), nl=False, err=True)


@main.command()
@concept_argument("names", nargs=-1, required=True, metavar="CONCEPT...")
@graph_option
@profile_option
def forget(names: tuple[str, ...], graph: Path | None, profile: Path | None) -> None:
    """Unmark concepts as known; nothing else is removed.

    \b
    Example:
        kgraph forget lora
    """
    change = record_forgotten(_graph(graph), load_profile(profile_path(profile)), names)
    click.echo(render_text(change), nl=False, err=True)


@main.command()
@graph_option
@profile_option
@format_option("text", "json")
@click.option("--export", "export_", is_flag=True, help="Print the progress file, to keep or move.")
@click.option(
    "--import", "import_", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
    help="Merge the progress in FILE (from --export) into yours.",
)  # fmt: skip
def known(
    graph: Path | None, profile: Path | None, fmt: str, export_: bool, import_: Path | None
) -> None:
    """List what you know, by rung; or export or import (merge) your saved progress.

    \b
    Example:
        kgraph known
        kgraph known --export > progress.json
        kgraph known --import progress.json
    """
    if export_ and import_:
        msg = "--export and --import exclude each other"
        raise click.UsageError(msg)
    kg = _graph(graph)
    saved = load_profile(profile_path(profile))
    if export_:
        click.echo(marks_text(migrated(kg, saved.marked)), nl=False)
    elif import_:
        incoming = parse_marks(read_text(import_), str(import_))
        marks = merge(kg, saved.marked, incoming)  # unknown ids: nothing is written
        added = tuple(sorted(set(marks) - set(migrated(kg, saved.marked))))
        if marks != saved.marked:
            save_profile(saved, marks)
        change = Change(str(saved.path), "Imported", added, ())
        click.echo(render_text(change), nl=False, err=True)
    else:
        resolved = resolve(kg, saved.marked)
        report = known_report(kg, str(saved.path), dict(resolved.marks), resolved.unresolved)
        _emit(report, fmt)


@main.command("progress")
@saved_known_option
@strict_option
@query_command
def progress_command(
    kg: KGraph, known: tuple[str, ...] | None, profile: Path | None, strict: bool
) -> object:
    """Show the ladder: how much of each rung you know, where you stand, how to climb.

    \b
    Example:
        kgraph progress
        kgraph progress --known lora --format json
    """
    return ladder(kg, known=_known(kg, known, profile), strict=strict)


_REPLIES: dict[str, Answer] = {"y": "yes", "n": "no", "s": "skip"}


@main.command()
@concept_argument("target", required=False)
@graph_option
@profile_option
@format_option("text", "json")
@click.option("-y", "--yes", "save", is_flag=True, help="Save what was found without asking.")
@click.option("--fresh", is_flag=True, help="Ask even about what your saved progress covers.")
def assess(
    *,
    target: str | None,
    graph: Path | None,
    profile: Path | None,
    fmt: str,
    save: bool,
    fresh: bool,
) -> None:
    """Find what you know with few yes/no questions, then save it.

    A yes counts all prerequisites as known, a no rules out everything that needs it.

    \b
    Example:
        kgraph assess transformer
    """
    kg = _graph(graph)
    saved = load_profile(profile_path(profile))
    start = () if fresh else resolve(kg, saved.marked).ids
    run = Assessment(kg, target, known=start)
    click.echo(f"{len(run.open)} concepts to decide; answer y, n or s (skip).", err=True)
    while (question := run.next_question()) is not None:
        concept = kg[question]
        prompt = f"Do you know {label(concept)}? {clean(concept.summary)}"
        reply = click.prompt(prompt, type=click.Choice(list(_REPLIES)), err=True)
        run.answer(question, _REPLIES[reply])
    result = run.result()
    _emit(result, fmt)
    new = [c.id for c in result.known if c.id not in kg.closure(start)]
    if not new:
        click.echo("Nothing new to save.", err=True)
    elif save or click.confirm(
        f"Save {len(new)} concepts to {saved.path}?", default=True, err=True
    ):
        save_profile(saved, learn_marks(kg, saved.marked, new, now()))
        click.echo(f"Saved in {saved.path}", err=True)


__all__ = ["main"]

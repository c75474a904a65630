"""MkDocs hooks: the page beside the docs, every command loaded, the data format's tables.

kgraph's command group imports a command's module only when it runs, so the command reference
(mkdocs-click) would see only the commands already imported: ``on_config`` loads them all.

The committed ``exports/kgraph.html`` (kept fresh by ``kgraph refresh``) is published as
``kgraph.html`` at the site's root, so the docs link to it and Pages serves both together.

A page holds ``<!-- fields: Concept -->`` (or Prerequisite, Resource, Translation); the build
replaces it with one row per property the schema has: its type, whether it is required, the
rule the schema enforces and what it means. A field the schema gains without a meaning here
stops the build (``mkdocs build --strict``), so the page never lags the format.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from kgraph.schema import json_schema

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

PAGE: Final = Path(__file__).resolve().parent.parent / "exports" / "kgraph.html"

MEANINGS: Final[dict[str, dict[str, str]]] = {
    "Concept": {
        "id": "The stable identifier. It is forever: saved progress and links use it.",
        "name": "How people write it: `KV cache`, `LoRA`.",
        "aliases": "Other names and abbreviations people search for.",
        "kind": "`concept` to learn, or `project` to build: a project proves what its needs "
        "teach, and no concept ever needs one.",
        "capstone": "On a project: the one project of its rung that proves the rung.",
        "level": "The rung of the ladder: what someone must be able to *do* to need it.",
        "category": "The topic.",
        "summary": "One to three plain sentences: what it is and why it matters.",
        "deliverable": "On a project: what the learner hands in at the end.",
        "outcomes": "One to three checkable \u201cyou can \u2026\u201d statements: how a learner "
        "knows they know it.",
        "covers": "The sub-topics it teaches, as learners name them.",
        "deeper": "On a light counterpart of a lower rung: the id of its full version, on a "
        "higher rung.",
        "hours": "Hours for a motivated learner once the prerequisites are known.",
        "prerequisites": "The direct prerequisites: what must be learned first.",
        "resources": "Real sources to learn it from; the original paper or official docs first.",
        "translations": "The same texts in another language, keyed by code (`ru`).",
    },
    "Prerequisite": {
        "id": "The id of the concept needed first.",
        "why": "What the concept uses from it, shown on every path and by `kgraph why`.",
        "why_ru": "The same reason in Russian.",
    },
    "Resource": {
        "title": "The title as its author gives it.",
        "url": "Where it is; `https://` only.",
        "kind": "What it is.",
        "free": "Whether it can be read without paying.",
    },
    "Translation": {
        "name": "The name in that language.",
        "summary": "The summary in that language.",
        "outcomes": "The outcomes in that language, in the same order.",
        "deliverable": "A project's deliverable in that language.",
    },
}
NO_RULE: Final = "\u2014"
_MARKER: Final = re.compile(r"<!-- fields: (?P<definition>[A-Za-z]+) -->")


def fields_table(definition: str, schema: dict[str, Any] | None = None) -> str:
    """The Markdown table of *definition*'s properties in the JSON Schema."""
    schema = schema or json_schema()
    defs = schema["$defs"]
    body = defs[definition]
    meanings = MEANINGS[definition]
    missing = sorted(set(body["properties"]) - set(meanings))
    if missing:
        msg = f"docs/hooks.py: no meaning for {definition} field(s) {', '.join(missing)}"
        raise ValueError(msg)
    rows = ["| field | type | required | rule | meaning |", "|---|---|---|---|---|"]
    for name, prop in body["properties"].items():
        required = "yes" if name in body.get("required", ()) else "no"
        cells = (f"`{name}`", _type(prop, defs), required, _rule(prop, defs), meanings[name])
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def _resolve(prop: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    if "$ref" in prop:
        return {
            **defs[prop["$ref"].rsplit("/", 1)[1]],
            **{k: v for k, v in prop.items() if k != "$ref"},
        }
    return prop


def _type(prop: dict[str, Any], defs: dict[str, Any]) -> str:
    prop = _resolve(prop, defs)
    if "anyOf" in prop:
        return " or ".join(_type(p, defs) for p in prop["anyOf"])
    if prop.get("type") == "array":
        item = prop.get("items", {})
        inner = item["$ref"].rsplit("/", 1)[1] if "$ref" in item else _type(item, defs)
        return f"list of {inner}"
    if prop.get("type") == "object" and "patternProperties" in prop:
        (value,) = prop["patternProperties"].values()
        inner = value["$ref"].rsplit("/", 1)[1] if "$ref" in value else _type(value, defs)
        return f"map of {inner}"
    return str(prop.get("type", "any"))


def _rule(prop: dict[str, Any], defs: dict[str, Any]) -> str:
    prop = dict(_resolve(prop, defs))
    parts = [_rule(p, defs) for p in prop.get("anyOf", ()) if p.get("type") != "null"]
    parts = [part for part in parts if part != NO_RULE]
    if "minItems" in prop and "maxItems" in prop:
        parts.append(f"{prop.pop('minItems')} to {prop.pop('maxItems')} items")
    if "enum" in prop:
        parts.append("one of " + ", ".join(f"`{v}`" for v in prop["enum"]))
    if "pattern" in prop:
        parts.append(f"matches `{prop['pattern']}`")
    for key, words in (
        ("minLength", "at least {} characters"),
        ("maxLength", "at most {} characters"),
        ("minItems", "at least {} items"),
        ("maxItems", "at most {} items"),
        ("exclusiveMinimum", "greater than {}"),
        ("minimum", "at least {}"),
        ("maximum", "at most {}"),
    ):
        if key in prop:
            parts.append(words.format(prop[key]))
    if "items" in prop and prop["items"].get("maxLength"):
        parts.append(f"each at most {prop['items']['maxLength']} characters")
    if "default" in prop:
        parts.append(f"default `{json.dumps(prop['default'])}`")
    return "; ".join(parts) or NO_RULE


def load_commands() -> None:
    """Import every command of kgraph's lazy group, so mkdocs-click documents them all."""
    import click  # noqa: PLC0415 - the docs build only

    from kgraph.cli.app import main  # noqa: PLC0415

    context = click.Context(main)
    for name in main.list_commands(context):
        main.get_command(context, name)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Before any page renders: the command reference needs every command loaded."""
    load_commands()
    return config


def on_page_markdown(markdown: str, **_: object) -> str:
    """Replace each ``<!-- fields: X -->`` marker with X's table."""
    if "<!-- fields: " not in markdown:
        return markdown
    schema = json_schema()
    return _MARKER.sub(lambda m: fields_table(m["definition"], schema), markdown)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Publish the committed page as ``kgraph.html`` beside the docs."""
    from mkdocs.structure.files import File  # noqa: PLC0415 - the tables need no mkdocs

    files.append(File.generated(config, "kgraph.html", abs_src_path=str(PAGE)))
    return files

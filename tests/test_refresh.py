"""``kgraph refresh``: one command rewrites every file derived from the graph, on a fixture checkout.

The checkout is built in tmp_path from the small test graph, with a README and a guide that use
every kind of marker; the shipped repository is only used to check the guide's own example.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from kgraph.cli import main
from kgraph.cli.refresh import COMMAND, guide_example, with_concept, with_typo
from kgraph.model import GraphFile
from kgraph.store import dump
from tests.conftest import REPO, SHIPPED, small_concepts

README = """\
# demo

A graph of <!-- count: concepts -->1<!-- /count --> concepts and \
<!-- count: edges -->0<!-- /count --> edges; `<!-- count: concepts -->…<!-- /count -->` is prose.

```console
$ kgraph stats
stale
```

```console
$ kgraph next
stale
```

<!-- output: none -->
```console
$ kgraph stats
as written
```

<!-- output: known qlora,history -->
```console
$ kgraph next
stale
$ kgraph forget ml
stale
```

```console
$ echo hi
hi
```
"""

EXAMPLE = {
    "id": "dora",
    "name": "DoRA",
    "level": "tune",
    "category": "fine-tuning",
    "summary": "Weight-decomposed low-rank adaptation: LoRA on the direction of the weights only.",
    "hours": 3,
    "prerequisites": [{"id": "lora", "why": "DoRA applies LoRA to the direction component"}],
    "resources": [
        {"title": "DoRA", "url": "https://arxiv.org/abs/2402.09353", "kind": "paper", "free": True}
    ],
}

GUIDE = f"""\
# Contributing

<!-- output: shipped -->
```console
$ git clone x
$ kgraph validate
stale
```

## Add a concept, step by step

```json
{json.dumps(EXAMPLE, indent=2)}
```

<!-- output: example -->
```console
$ kgraph fmt
stale
$ kgraph validate
stale
```

<!-- output: typo -->
```console
$ kgraph validate
stale
```

## Other
"""


def invoke(runner: CliRunner, *args: str, code: int = 0):
    result = runner.invoke(main, list(args))
    assert result.exit_code == code, (result.output, result.exception)
    assert "Traceback" not in result.output
    return result


@pytest.fixture
def checkout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A kgraph checkout whose every derived file is stale."""
    root = tmp_path / "repo"
    (root / "graph").mkdir(parents=True)
    (root / "exports").mkdir()
    (root / "graph" / "concepts.json").write_text(
        dump(GraphFile(concepts=tuple(small_concepts()))), encoding="utf-8"
    )
    (root / "graph" / "concepts.schema.json").write_text("stale\n", encoding="utf-8")
    (root / "exports" / "kgraph.mmd").write_text("stale\n", encoding="utf-8")
    (root / "README.md").write_text(README, encoding="utf-8")
    (root / "CONTRIBUTING.md").write_text(GUIDE, encoding="utf-8")
    monkeypatch.chdir(root)
    return root


def files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def block_after(text: str, command: str, nth: int = 0) -> str:
    """What the ``$ command`` line shows in *text* (its nth occurrence), up to the next line
    starting with ``$`` or the end of its block."""
    shown = text.split(f"$ {command}\n")[nth + 1].split("```", maxsplit=1)[0]
    return shown.split("\n$ ")[0] + "\n" if "\n$ " in shown else shown


STALE = ["README.md", "CONTRIBUTING.md", "exports/kgraph.mmd", "graph/concepts.schema.json"]


def test_check_names_each_stale_file_and_the_command_and_changes_nothing(runner, checkout):
    before = files(checkout)
    result = invoke(runner, "refresh", "--check", code=1)
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[:-1] == [f"{path}: stale, not what the graph gives now" for path in STALE]
    assert f"`{COMMAND}`" in lines[-1]
    assert files(checkout) == before


def test_refresh_rewrites_every_derived_file_from_the_graph(runner, checkout):
    result = invoke(runner, "refresh")
    assert result.stderr.splitlines() == [f"wrote {path}" for path in STALE]
    readme = (checkout / "README.md").read_text(encoding="utf-8")
    edges = sum(len(c.prerequisites) for c in small_concepts())
    assert f"<!-- count: concepts -->{len(small_concepts())}<!-- /count -->" in readme
    assert f"<!-- count: edges -->{edges}<!-- /count -->" in readme
    assert "`<!-- count: concepts -->…<!-- /count -->` is prose" in readme
    assert block_after(readme, "kgraph stats") == invoke(runner, "stats").stdout
    assert block_after(readme, "kgraph stats", 1) == "as written\n"
    assert block_after(readme, "echo hi") == "hi\n"
    ready = invoke(runner, "next", "--known", "qlora,history").stdout
    assert "agi" in ready
    assert block_after(readme, "kgraph next", 1) == ready
    assert "ml still counts as known: qlora needs it" in block_after(readme, "kgraph forget ml")
    mermaid = invoke(runner, "export", "--format", "mermaid", "-o", "-").stdout
    assert (checkout / "exports" / "kgraph.mmd").read_text(encoding="utf-8") == mermaid
    schema = invoke(runner, "schema").stdout
    assert (checkout / "graph" / "concepts.schema.json").read_text(encoding="utf-8") == schema


def test_the_guides_blocks_run_on_the_graph_with_its_example(runner, checkout):
    invoke(runner, "refresh")
    guide = (checkout / "CONTRIBUTING.md").read_text(encoding="utf-8")
    count = len(small_concepts())
    assert "$ git clone x\n$ kgraph validate\n" in guide
    assert block_after(guide, "kgraph validate") == f"graph/concepts.json: ok, {count} concepts\n"
    assert block_after(guide, "kgraph fmt") == "graph/concepts.json: rewritten in canonical form\n"
    with_example = f"graph/concepts.json: ok, {count + 1} concepts\n"
    assert block_after(guide, "kgraph validate", 1) == with_example
    typo = block_after(guide, "kgraph validate", 2)
    assert "concept 'dora': field 'prerequisites[0].id': unknown prerequisite 'lor'" in typo
    assert typo.startswith("graph/concepts.json:")
    assert typo.endswith("graph/concepts.json: 1 error\n")


def test_refresh_is_idempotent(runner, checkout):
    invoke(runner, "refresh")
    after = files(checkout)
    assert invoke(runner, "refresh").stderr == "every file derived from the graph is up to date\n"
    assert invoke(runner, "refresh", "--check").stderr.endswith("up to date\n")
    assert files(checkout) == after


def test_a_new_concept_is_stale_until_refreshed(runner, checkout):
    invoke(runner, "refresh")
    graph = checkout / "graph" / "concepts.json"
    graph.write_text(
        with_concept(graph.read_text(encoding="utf-8"), json.dumps(EXAMPLE)), encoding="utf-8"
    )
    invoke(runner, "fmt")
    result = invoke(runner, "refresh", "--check", code=1)
    assert "README.md: stale" in result.stderr
    invoke(runner, "refresh")
    readme = (checkout / "README.md").read_text(encoding="utf-8")
    assert f"<!-- count: concepts -->{len(small_concepts()) + 1}<!-- /count -->" in readme
    assert "dora" in (checkout / "exports" / "kgraph.mmd").read_text(encoding="utf-8")


def test_the_users_own_progress_and_language_do_not_show(runner, checkout, monkeypatch):
    invoke(runner, "learn", "qlora")
    monkeypatch.setenv("KGRAPH_LANG", "ru")
    invoke(runner, "refresh")
    readme = (checkout / "README.md").read_text(encoding="utf-8")
    assert "linalg" in block_after(readme, "kgraph next")  # with qlora known it is not next
    assert "concepts" in block_after(readme, "kgraph stats")
    assert invoke(runner, "known").stdout.count("qlora")  # the saved progress is untouched


def test_messages_follow_lang(runner, checkout):
    result = invoke(runner, "refresh", "--check", "--lang", "ru", code=1)
    assert "README.md: устарел, граф сейчас даёт другое" in result.stderr
    assert f"запустите `{COMMAND}`" in result.stderr


def test_outside_a_checkout_it_says_so(runner, tmp_path):
    result = invoke(runner, "refresh", code=2)
    assert result.stderr == (
        f"Error: {tmp_path}: not the root of a kgraph checkout "
        "(needs graph/concepts.json, README.md)\n"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "<!-- output: bogus -->\n```console\n$ kgraph stats\n```\n",
            "Error: README.md: unknown <!-- output: bogus -->; use one of shipped, example, typo",
        ),
        (
            "<!-- output: known -->\n```console\n$ kgraph next\n```\n",
            "Error: README.md: unknown <!-- output: known -->; use one of shipped, example, typo",
        ),
        (
            "<!-- count: wheels -->1<!-- /count -->\n",
            "Error: README.md: unknown <!-- count: wheels -->; use one of concepts, edges",
        ),
    ],
)
def test_a_wrong_marker_is_named(runner, checkout, text, message):
    (checkout / "README.md").write_text(text, encoding="utf-8")
    before = files(checkout)
    assert invoke(runner, "refresh", code=2).stderr.startswith(message)
    assert files(checkout) == before


def test_an_invalid_graph_derives_nothing(runner, checkout):
    """The examples would show errors: refresh says to fix the graph first, and writes nothing."""
    graph = checkout / "graph" / "concepts.json"
    graph.write_text(graph.read_text(encoding="utf-8").replace('"ml"', '"ml2"', 1))  # a category
    before = files(checkout)
    result = invoke(runner, "refresh", code=1)
    assert result.stderr.startswith("Error: the graph has 1 error:\ngraph/concepts.json:")
    assert "field 'category'" in result.stderr
    assert files(checkout) == before


def test_a_guide_without_its_example_is_named(runner, checkout):
    (checkout / "CONTRIBUTING.md").write_text("<!-- output: example -->\n```console\n```\n")
    result = invoke(runner, "refresh", code=2)
    assert result.stderr == (
        "Error: CONTRIBUTING.md: no ```json block under '## Add a concept, step by step'\n"
    )


def test_with_typo_drops_the_last_letter_of_the_first_prerequisite():
    typo = json.loads(with_typo(json.dumps(EXAMPLE)))
    assert typo["prerequisites"][0]["id"] == "lor"
    assert {k: v for k, v in typo.items() if k != "prerequisites"} == {
        k: v for k, v in EXAMPLE.items() if k != "prerequisites"
    }


def shipped_without(concept_id: str) -> dict[str, Any]:
    """The shipped graph without *concept_id*: the rehearsal in .ci/run adds the guide's example
    to a copy of the repository and runs these tests there too."""
    document: dict[str, Any] = json.loads(SHIPPED.read_text(encoding="utf-8"))
    document["concepts"] = [c for c in document["concepts"] if c["id"] != concept_id]
    return document


def lint_findings(runner: CliRunner, graph: Path) -> set[tuple[str | None, str | None, str]]:
    result = invoke(runner, "lint", "-f", "json", "-g", str(graph))
    return {(p["concept"], p["field"], p["message"]) for p in json.loads(result.stdout)["problems"]}


def test_the_guides_example_adds_no_lint_warning_to_the_shipped_graph(runner, tmp_path):
    """The worked example, pasted verbatim, is valid and warns about nothing, Russian included.

    Compared with the graph without it, so the example is judged alone: whether the shipped
    graph itself is lint-clean is `tests/test_content.py`'s question.
    """
    example = guide_example(REPO)
    concept = json.loads(example)
    base = json.dumps(shipped_without(concept["id"]), indent=2, ensure_ascii=False)
    graph, bare = tmp_path / "concepts.json", tmp_path / "without.json"
    graph.write_text(with_concept(base, example), encoding="utf-8")
    bare.write_text(base, encoding="utf-8")
    invoke(runner, "validate", "-g", str(graph))
    assert lint_findings(runner, graph) == lint_findings(runner, bare)
    assert concept["translations"]["ru"]["name"]
    assert all(p["why_ru"] for p in concept["prerequisites"])


def test_the_guides_example_cites_what_no_concept_of_the_graph_cites():
    """Its resources are the guide's alone, so pasting it never warns about a duplicate URL.

    Its id is reserved too: were it added to the graph, pasting the example would be a
    duplicate id, and the rehearsal of the guide in .ci/run fails.
    """
    concept = json.loads(guide_example(REPO))
    others = shipped_without(concept["id"])["concepts"]
    cited = {r["url"] for c in others for r in c["resources"]}
    assert not cited & {r["url"] for r in concept["resources"]}


def test_the_docs_sites_pages_are_refreshed_too(runner, checkout):
    """Every Markdown page under docs/ (Russian ones too) is a document like the README."""
    page = checkout / "docs" / "tutorials" / "first.ru.md"
    page.parent.mkdir(parents=True)
    page.write_text("```console\n$ kgraph stats --lang ru\nstale\n```\n", encoding="utf-8")
    (checkout / "docs" / "hooks.py").write_text("# not a document\n", encoding="utf-8")
    assert (
        "docs/tutorials/first.ru.md: stale" in invoke(runner, "refresh", "--check", code=1).stderr
    )
    invoke(runner, "refresh")
    shown = block_after(page.read_text(encoding="utf-8"), "kgraph stats --lang ru")
    assert shown == invoke(runner, "stats", "--lang", "ru").stdout
    assert (checkout / "docs" / "hooks.py").read_text(encoding="utf-8") == "# not a document\n"

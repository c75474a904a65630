"""The contributor tooling: GitHub workflow, pre-commit files, templates and CONTRIBUTING.md.

Every ``kgraph …`` command these files run is parsed by the real CLI (click's own parser), so a
renamed command, option or format choice fails here rather than on a contributor's pull request.
"""

from __future__ import annotations

import importlib.util
import re
import shlex
from fnmatch import fnmatch
from pathlib import Path
from typing import Any

import click
import pytest
import yaml

from kgraph.cli import main

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "graph.yml"
CONTRIBUTING = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
_SHELL_OPERATORS = frozenset({">>", ">", "|", "&&", "||", ";"})


def load_yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def kgraph_commands(script: str) -> list[list[str]]:
    """The argument lists of every ``kgraph`` invocation in a shell script, without redirects."""
    found = []
    for line in script.splitlines():
        words = shlex.split(line, comments=True)
        while "kgraph" in words:
            words = words[words.index("kgraph") + 1 :]
            cut = next((i for i, w in enumerate(words) if w in _SHELL_OPERATORS), len(words))
            found.append(words[:cut])
            words = words[cut:]
    return found


def check_command(args: list[str]) -> click.Context:
    """Parse *args* exactly as ``kgraph`` would, without running the command."""
    assert args, "a bare `kgraph` runs nothing"
    command = main.get_command(click.Context(main), args[0])  # imports the command's module
    assert command is not None, f"kgraph has no command {args[0]!r}"
    try:
        return command.make_context(args[0], args[1:])
    except click.UsageError as err:  # pragma: no cover - only on a broken file
        pytest.fail(f"`kgraph {shlex.join(args)}`: {err.format_message()}")


def workflow_steps() -> list[dict[str, Any]]:
    steps: list[dict[str, Any]] = load_yaml(WORKFLOW)["jobs"]["graph"]["steps"]
    return steps


def workflow_runs() -> list[str]:
    return [step["run"] for step in workflow_steps() if "run" in step]


def triggers(doc: dict[Any, Any]) -> dict[str, Any]:
    """The ``on:`` mapping (YAML 1.1 reads the key ``on`` as True)."""
    found: dict[str, Any] = doc["on"] if "on" in doc else doc[True]
    return found


def test_workflow_triggers_on_graph_pull_requests_and_main() -> None:
    """Pull requests that can change the graph or what derives from it, and pushes to main."""
    doc = load_yaml(WORKFLOW)
    paths = triggers(doc)["pull_request"]["paths"]
    for changed in ("graph/concepts.json", "exports/kgraph.html", "README.md", "CONTRIBUTING.md"):
        assert any(fnmatch(changed, pattern) for pattern in paths), changed
    assert triggers(doc)["push"] == {"branches": ["main"]}
    assert doc["permissions"] == {"contents": "read"}


def test_workflow_checks_out_full_history_and_installs_kgraph() -> None:
    """The base branch is readable (fetch-depth 0) and kgraph is installed from the checkout."""
    checkout = next(s for s in workflow_steps() if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"] == {"fetch-depth": 0, "persist-credentials": False}
    assert "pip install ." in workflow_runs()


def test_workflow_runs_the_review_commands() -> None:
    """validate and lint annotate, fmt and refresh check, diff goes to the summary."""
    commands = [" ".join(c) for run in workflow_runs() for c in kgraph_commands(run)]
    assert commands == [
        "validate --format github",
        "fmt --check",
        "lint --strict --format github",
        "refresh",
        "refresh --check",
        "diff origin/$BASE_REF HEAD --format markdown",
    ]
    diff_step = next(s for s in workflow_steps() if "kgraph diff" in s.get("run", ""))
    assert diff_step["env"] == {"BASE_REF": "${{ github.base_ref }}"}
    assert diff_step["run"].endswith('>> "$GITHUB_STEP_SUMMARY"')
    assert "github.event_name == 'pull_request'" in diff_step["if"]


def test_a_pull_request_is_checked_on_the_rebuilt_tree_not_failed_for_stale_files() -> None:
    """The pull request's job runs main's rebuild itself (`kgraph refresh`), then checks that a
    second run changes nothing: a contributor never commits generated files."""
    step = next(s for s in workflow_steps() if "kgraph refresh" in s.get("run", ""))
    assert "github.event_name" not in step.get("if", "")
    assert [" ".join(c) for c in kgraph_commands(step["run"])] == ["refresh", "refresh --check"]


def test_every_step_after_install_runs_even_when_an_earlier_check_failed() -> None:
    steps = workflow_steps()
    checks = steps[[s.get("id") for s in steps].index("install") + 2 :]
    assert checks
    assert all("!cancelled()" in s["if"] for s in checks)


def guide_checklist() -> list[list[str]]:
    """The commands of the guide's "run what the pull request check runs" step, in order."""
    step = CONTRIBUTING.split("run what the pull request check runs", 1)[1].split("```console")[1]
    return [shlex.split(line[2:]) for line in step.split("```")[0].splitlines() if line]


def test_the_guide_lists_the_checks_in_the_workflows_order() -> None:
    """Step 9 of the guide is the graph workflow's commands, then the tests workflow's pytest."""
    listed = guide_checklist()
    assert [c[:2] for c in listed[:-1]] == [
        ["kgraph", c[0]] for run in workflow_runs() for c in kgraph_commands(run)
    ]
    assert listed[-1] == ["pytest"]
    review = CONTRIBUTING.split("## How review works", 1)[1].split("\n## ", 1)[0]
    for run in workflow_runs():
        for command in kgraph_commands(run):
            assert f"`kgraph {command[0]}" in review, command


def test_the_rehearsal_runs_the_workflows_checks_in_order() -> None:
    """.ci/rehearse.py runs, on each sample pull request, what the workflows run."""
    spec = importlib.util.spec_from_file_location("rehearse", ROOT / ".ci" / "rehearse.py")
    assert spec
    assert spec.loader
    rehearse = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(rehearse)
    checks = [shlex.split(c) for c in rehearse.CHECKS]
    assert [c[:2] for c in checks[:-2]] == [c[:2] for c in guide_checklist()[:-1]]
    assert checks[-2][-6:] == ["-m", "pytest", "-x", "-q", "-p", "no:cacheprovider"]
    assert checks[-1][1:4] == ["-m", "pytest", "-m"]
    assert checks[-1][-1] == "tests/browser"
    assert set(rehearse.SCENARIOS) == {"add", "rename", "unlink", "concurrent"}
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "python .ci/rehearse.py add rename unlink concurrent" in ci


TESTS = load_yaml(ROOT / ".github" / "workflows" / "tests.yml")


def test_tests_workflow_runs_on_pull_requests_and_pushes_read_only() -> None:
    assert triggers(TESTS) == {"pull_request": None, "push": {"branches": ["main"]}}
    assert TESTS["permissions"] == {"contents": "read"}
    assert TESTS["defaults"] == {"run": {"shell": "bash"}}


def test_tests_workflow_runs_the_readmes_test_command_and_the_browser_tests() -> None:
    runs = {
        name: [s["run"] for s in job["steps"] if "run" in s] for name, job in TESTS["jobs"].items()
    }
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quickstart = readme.split("## Quickstart", 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]
    assert quickstart.splitlines()[1] in runs["tests"]
    # A pull request carries no generated file: each job rebuilds them first, as main will.
    assert runs["tests"][0].endswith("&& .venv/bin/kgraph refresh")
    assert runs["browser"][0].endswith("&& kgraph refresh")
    browser = "\n".join(runs["browser"])
    assert "KGRAPH_CHROMIUM=" in browser
    assert "KGRAPH_FIREFOX=" in browser
    assert "pytest -m browser" in browser
    assert "grep -q SKIPPED" in browser
    assert "ruff format --check . && ruff check . && mypy && lint-imports" in runs["lint"]
    assert "zizmor --offline .github/workflows" in runs["lint"]
    assert runs["docs"] == ["pip install '.[docs]' && kgraph refresh", "mkdocs build --strict"]


@pytest.mark.parametrize("name", ["graph.yml", "tests.yml"])
def test_no_workflow_can_write(name: str) -> None:
    """Every workflow runs a pull request's code, so none has more than read access."""
    doc = load_yaml(ROOT / ".github" / "workflows" / name)
    assert doc["permissions"] == {"contents": "read"}
    assert all("permissions" not in job for job in doc["jobs"].values())


@pytest.mark.parametrize(
    "args", [c for run in workflow_runs() for c in kgraph_commands(run)], ids=" ".join
)
def test_workflow_commands_are_real(args: list[str]) -> None:
    """Each command, option and format choice in the workflow exists in the CLI."""
    ctx = check_command(args)
    if "--format" in args:
        assert ctx.params["fmt"] == args[args.index("--format") + 1]


def test_no_untrusted_expression_is_pasted_into_a_script() -> None:
    """`${{ … }}` never appears inside `run:`; values reach scripts through `env:`."""
    tests_runs = [s["run"] for job in TESTS["jobs"].values() for s in job["steps"] if "run" in s]
    assert all("${{" not in run for run in [*workflow_runs(), *tests_runs])


HOOKS = load_yaml(ROOT / ".pre-commit-hooks.yaml")


def test_pre_commit_hooks_for_other_repositories() -> None:
    """kgraph-validate and kgraph-fmt, python hooks on concepts.json, run without file names."""
    assert [h["id"] for h in HOOKS] == ["kgraph-validate", "kgraph-fmt"]
    assert [h["entry"] for h in HOOKS] == ["kgraph validate", "kgraph fmt"]
    for hook in HOOKS:
        assert hook["language"] == "python"
        assert hook["pass_filenames"] is False
        assert re.search(hook["files"], "graph/concepts.json")
        assert not re.search(hook["files"], "graph/concepts.schema.json")
        check_command(shlex.split(hook["entry"])[1:])


LOCAL = load_yaml(ROOT / ".pre-commit-config.yaml")


def test_local_pre_commit_config_uses_only_local_system_hooks() -> None:
    """One `repo: local` with system hooks: nothing is fetched, versions match CI's."""
    assert [r["repo"] for r in LOCAL["repos"]] == ["local"]
    hooks = LOCAL["repos"][0]["hooks"]
    assert [h["id"] for h in hooks] == [
        "ruff-format",
        "ruff-check",
        "mypy",
        "lint-imports",
        "kgraph-validate",
        "kgraph-fmt",
    ]
    assert {h["language"] for h in hooks} == {"system"}


@pytest.mark.parametrize("hook", LOCAL["repos"][0]["hooks"], ids=lambda h: h["id"])
def test_local_hook_entries_exist(hook: dict[str, Any]) -> None:
    """Each entry is kgraph or a tool of the lint extra; kgraph entries parse as real commands."""
    program, *args = shlex.split(hook["entry"])
    package = {"lint-imports": "import-linter"}.get(program, program)
    if program != "kgraph":
        pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
        lint_extra = pyproject.split("optional-dependencies.lint", 1)[1].split("]", 1)[0]
        assert f'"{package}' in lint_extra, program
    else:
        check_command(args)
        assert re.search(hook["files"], "graph/concepts.json")
        assert hook["pass_filenames"] is False


@pytest.mark.parametrize("name", ["new-concept.md", "wrong-prerequisite.md"])
def test_issue_templates_have_front_matter(name: str) -> None:
    """GitHub lists a template only with `name` and `about` in its YAML front matter."""
    text = (ROOT / ".github" / "ISSUE_TEMPLATE" / name).read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    meta = yaml.safe_load(front)
    assert set(meta) >= {"name", "about", "title", "labels"}
    assert body.strip()


def test_pull_request_template_has_the_checklist() -> None:
    """The checklist covers formatting, validation, ids and the kept-alias rule."""
    text = (ROOT / ".github" / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    boxes = [line for line in text.splitlines() if line.startswith("- [ ] ")]
    assert len(boxes) >= 6
    for needle in ("kgraph fmt", "kgraph validate", "kgraph lint", "aliases", "kgraph diff"):
        assert any(needle in box for box in boxes), needle


@pytest.mark.parametrize(
    "args",
    [
        shlex.split(line.removeprefix("$ kgraph "))
        for line in CONTRIBUTING.splitlines()
        if line.startswith("$ kgraph ")
    ],
    ids=" ".join,
)
def test_contributing_commands_are_real(args: list[str]) -> None:
    """Every `$ kgraph …` line in CONTRIBUTING.md parses as a real command."""
    check_command(args)


def test_contributing_covers_the_brief() -> None:
    """The guide explains the worked example, field rules, renames, editors and review."""
    for heading in (
        "## Add a concept, step by step",
        "## The rules for each field",
        "## Rename or merge a concept without breaking anyone",
        "## Editor support",
        "## How review works",
    ):
        assert heading in CONTRIBUTING
    assert '"$schema": "concepts.schema.json"' in CONTRIBUTING

"""The GitHub workflows as a security reviewer reads them (zizmor, in .ci/run, finds nothing).

Actions are pinned to a commit with the version beside it; each job has the least rights it needs;
no checkout keeps credentials; the one job that writes runs on main's trusted code only.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.test_workflow import kgraph_commands, load_yaml, triggers

WORKFLOWS = sorted((Path(__file__).resolve().parent.parent / ".github" / "workflows").glob("*.yml"))
NAMES = [w.name for w in WORKFLOWS]
_PINNED = re.compile(r"^\s*(?:- )?uses: [\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+(?:\.\d+)*$")


def steps(doc: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for job in doc["jobs"].values() for step in job["steps"]]


def test_the_workflows_are_the_four_we_know():
    assert NAMES == ["graph.yml", "pages.yml", "rebuild.yml", "tests.yml"]


@pytest.mark.parametrize("path", WORKFLOWS, ids=NAMES)
def test_every_action_is_pinned_to_a_commit_with_its_version_beside_it(path: Path):
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if "uses:" in line]
    assert lines
    for line in lines:
        assert _PINNED.match(line), line


@pytest.mark.parametrize("path", WORKFLOWS, ids=NAMES)
def test_no_checkout_keeps_credentials(path: Path):
    checkouts = [
        s for s in steps(load_yaml(path)) if s.get("uses", "").startswith("actions/checkout@")
    ]
    assert checkouts
    for step in checkouts:
        assert step["with"]["persist-credentials"] is False


def rights(doc: dict[str, Any]) -> dict[str, dict[str, str]]:
    """Each job's effective permissions: its own, else the workflow's."""
    return {name: job.get("permissions", doc["permissions"]) for name, job in doc["jobs"].items()}


@pytest.mark.parametrize("path", WORKFLOWS, ids=NAMES)
def test_each_job_has_the_least_rights(path: Path):
    """Read-only everywhere, except Pages' deploy job and the rebuild job's push."""
    writers = {
        ("pages.yml", "deploy"): {"pages": "write", "id-token": "write"},
        ("rebuild.yml", "rebuild"): {"contents": "write"},
    }
    doc = load_yaml(path)
    assert doc["permissions"] in ({}, {"contents": "read"})
    for job, granted in rights(doc).items():
        assert granted == writers.get((path.name, job), {"contents": "read"} if granted else {})


def test_the_rebuild_runs_only_on_mains_code_and_pushes_what_refresh_rewrites():
    doc = load_yaml(next(w for w in WORKFLOWS if w.name == "rebuild.yml"))
    assert set(triggers(doc)) == {"push", "workflow_dispatch"}
    assert triggers(doc)["push"]["branches"] == ["main"]
    assert "graph/**" in triggers(doc)["push"]["paths"]
    runs = [s["run"] for s in steps(doc) if "run" in s]
    commands = [" ".join(c) for run in runs for c in kgraph_commands(run)]
    assert commands == ["validate", "refresh", "refresh --check"]
    assert runs.index("pytest -q -p no:cacheprovider") == len(runs) - 2  # tests, then the push
    push = runs[-1]
    assert "git commit" in push
    assert "HEAD:main" in push
    assert "${{" not in push  # the token and the repository come through env


def test_ci_runs_zizmor_offline_from_the_lint_extra():
    root = WORKFLOWS[0].parent.parent.parent
    assert "\nzizmor --offline .github/workflows\n" in (root / ".ci" / "run").read_text("utf-8")
    pyproject = (root / "pyproject.toml").read_text(encoding="utf-8")
    assert '"zizmor' in pyproject.split("optional-dependencies.lint", 1)[1].split("]", 1)[0]

"""Resource links: validation accepts only plain https:// addresses, without credentials.

Every other renderer trusts that check (Markdown re-checks the scheme, the HTML page re-checks
in the browser: tests/browser/test_links_browser.py), so it is tested here on the whole load.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

from kgraph.errors import DataError
from kgraph.load import load_graph

if TYPE_CHECKING:
    from pathlib import Path


def load_with_url(tmp_path: Path, url: str) -> DataError | None:
    """Load a one-concept graph whose resource has *url*; the error, if any."""
    concept = {
        "id": "a",
        "name": "A",
        "level": "use",
        "category": "ml",
        "summary": "A concept with one resource.",
        "hours": 1,
        "resources": [{"title": "t", "url": url, "kind": "docs", "free": True}],
    }
    path = tmp_path / "g.json"
    path.write_text(json.dumps({"concepts": [concept]}), encoding="utf-8")
    try:
        load_graph(path)
    except DataError as err:
        return err
    return None


REJECTED = {
    "http": ("http://example.org/", "https://"),
    "javascript": ("javascript:alert(1)", "https://"),
    "javascript upper": ("JavaScript:alert(1)", "https://"),
    "data": ("data:text/html,<script>alert(1)</script>", "control characters"),
    "data plain": ("data:text/html;base64,PHNjcmlwdD4=", "https://"),
    "vbscript": ("vbscript:msgbox(1)", "https://"),
    "file": ("file:///etc/passwd", "https://"),
    "ftp": ("ftp://example.org/x", "https://"),
    "scheme-relative": ("//example.org/x", "https://"),
    "no scheme": ("example.org/x", "https://"),
    "user and password": ("https://u:p@example.org/", "credentials"),
    "user": ("https://u@example.org/", "credentials"),
    "password only": ("https://:p@example.org/", "credentials"),
    "empty user": ("https://@example.org/", "credentials"),
    "space": ("https://example.org/a b", "spaces"),
    "leading space": (" https://example.org/", "spaces"),
    "trailing newline": ("https://example.org/\n", "spaces"),
    "tab": ("https://example.org/a\tb", "spaces"),
    "nul": ("https://example.org/\x00", "control characters"),
    "escape": ("https://example.org/\x1b[31m", "control characters"),
    "delete": ("https://example.org/\x7f", "control characters"),
    "no-break space": ("https://example.org/a\u00a0b", "spaces"),
    "line separator": ("https://example.org/a\u2028b", "spaces"),
    "next line (C1)": ("https://example.org/a\x85b", "spaces"),
    "quote": ('https://example.org/"onmouseover=alert(1)', "quotes"),
    "angle": ("https://example.org/<script>", "angle brackets"),
    "backslash": ("https://example.org\\@evil.example/", "control characters"),
    "no host": ("https://", "host"),
    "no host, path": ("https:///path", "host"),
    "no slashes": ("https:example.org", "host"),
}


@pytest.mark.parametrize(("url", "reason"), REJECTED.values(), ids=REJECTED.keys())
def test_unsafe_urls_are_validation_errors(tmp_path, url, reason):
    """The load fails (exit 1 in the CLI) naming the concept, the field and the reason."""
    err = load_with_url(tmp_path, url)
    assert err is not None, url
    assert [(p.concept, p.field) for p in err.problems] == [("a", "resources[0].url")]
    assert reason in err.problems[0].message


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/",
        "https://example.org/a_(b)/c?q=[1]&r=2#frag",
        "HTTPS://EXAMPLE.ORG/upper",
        "https://example.org:8443/port",
        "https://пример.рф/путь",
        "https://example.org/%20encoded%0A",
    ],
)
def test_plain_https_urls_are_accepted(tmp_path, url):
    assert load_with_url(tmp_path, url) is None


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/a\x9bb",
        "https://example.org/\u202egpj.exe",
        "https://exa\u200bmple.org/",
        "https://example.org/\ufeff",
    ],
    ids=["C1 CSI", "bidi override", "zero-width space", "BOM"],
)
def test_invisible_and_c1_characters_are_rejected(tmp_path, url):
    err = load_with_url(tmp_path, url)
    assert err is not None
    assert [p.field for p in err.problems] == ["resources[0].url"]


def test_cli_validate_names_the_bad_link_and_exits_1(runner, tmp_path):
    from kgraph.cli import main

    load_with_url(tmp_path, "https://u:p@example.org/")
    result = runner.invoke(main, ["validate", "--graph", str(tmp_path / "g.json")])
    assert result.exit_code == 1
    assert "concept 'a': field 'resources[0].url': must not carry credentials" in result.stdout

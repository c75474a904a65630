"""Every message in the catalogues is used: a key no code asks for is dead text to translate."""

from __future__ import annotations

import re
from pathlib import Path

import kgraph
from kgraph.i18n import en, ru

PACKAGE = Path(kgraph.__file__).parent
CATALOGUES = {PACKAGE / "i18n" / "en.py", PACKAGE / "i18n" / "ru.py"}
# A key built at run time: the literal part before an f-string field or a JS concatenation.
_PYTHON_PREFIX = re.compile(r"""f["']([a-z_][a-z_.]*)\{""")
_JS_PREFIX = re.compile(r"""["']([a-z_][a-z_.]*)["']\s*\+""")


def _sources() -> str:
    files = [
        p
        for p in sorted(PACKAGE.rglob("*"))
        if p.suffix in {".py", ".js", ".j2"} and p not in CATALOGUES and "vendor" not in p.parts
    ]
    return "\n".join(p.read_text(encoding="utf-8") for p in files)


def unused(keys: list[str], text: str) -> list[str]:
    """The *keys* that *text* neither names whole nor builds from a named prefix."""
    prefixes = tuple(_PYTHON_PREFIX.findall(text) + _JS_PREFIX.findall(text))
    return [
        key
        for key in keys
        if f'"{key}"' not in text and f"'{key}'" not in text and not key.startswith(prefixes)
    ]


def test_every_message_key_is_used():
    assert unused(list(en.MESSAGES), _sources()) == []


def test_both_catalogues_have_the_same_keys():
    assert set(ru.MESSAGES) == set(en.MESSAGES)


def test_the_check_finds_a_dead_key():
    text = 'x = t("used.key")\ny = t(f"built.{kind}")\nz = ui("page.state_" + s)\n'
    keys = ["used.key", "built.one", "page.state_known", "dead.key"]
    assert unused(keys, text) == ["dead.key"]

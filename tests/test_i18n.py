"""The message catalogue: complete in every language, the language chosen in the documented order."""

from __future__ import annotations

import re
import string
import subprocess
import sys

import pytest

from kgraph.i18n import (
    DEFAULT,
    LANGUAGES,
    LanguageError,
    choose_language,
    language_of,
    plural_category,
    texts,
)
from kgraph.model import LEVELS, Category, Prerequisite, ResourceKind, Translation
from tests.helpers import make_concept

RU = texts("ru")
EN = texts("en")


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_language_has_every_key():
    """No message, noun, rung, category or kind is missing in any language."""
    for lang in LANGUAGES:
        t = texts(lang)
        assert set(t.messages) == set(EN.messages), lang
        assert set(t.nouns) == set(EN.nouns), lang
    assert set(RU.levels) == {str(lv) for lv in LEVELS}
    assert set(RU.categories) == {str(c) for c in Category}
    assert set(RU.kinds) == {str(k) for k in ResourceKind}


def test_russian_nouns_have_every_plural_category():
    """Russian needs one, few and many (and other, for the page's Intl.PluralRules)."""
    for noun, forms in RU.nouns.items():
        assert set(forms) == {"one", "few", "many", "other"}, noun
    for noun, forms in EN.nouns.items():
        assert set(forms) == {"one", "other"}, noun


def test_page_messages_use_only_plain_placeholders():
    """The page's view (page-*.js) fills ``{name}`` and nothing else: no format specs or conversions there."""
    for lang in LANGUAGES:
        for key, template in texts(lang).messages.items():
            if key.startswith(("page.", "unit.")):
                for _, name, spec, conversion in string.Formatter().parse(template):
                    if name is not None:
                        assert re.fullmatch(r"\w+", name), key
                        assert (spec, conversion) == ("", None), key


def test_russian_uses_only_values_the_renderers_pass():
    """A Russian template names English's fields or the plural nouns passed beside them."""
    extra = {"concepts", "problems", "steps", "name"}
    for key, template in RU.messages.items():
        nouns = {name for name in fields(template) if name.endswith("_noun")}
        assert fields(template) - nouns <= fields(EN.messages[key]) | extra, key


def test_plurals_follow_the_cldr_rules():
    assert [RU.plural(n, "concept") for n in (1, 2, 5, 11, 21, 24, 112)] == [
        "понятие", "понятия", "понятий", "понятий", "понятие", "понятия", "понятий",
    ]  # fmt: skip
    assert [EN.plural(n, "concept") for n in (0, 1, 2)] == ["concepts", "concept", "concepts"]
    assert plural_category("en", 1) == "one"


def test_rung_names_fit_the_text_tables():
    """Rung names share an 11-column field with ``foundations``."""
    assert all(len(name) <= 11 for name in RU.levels.values())


@pytest.mark.parametrize(
    ("explicit", "env", "expected"),
    [
        (None, {}, "en"),
        (None, {"LANG": "ru_RU.UTF-8"}, "ru"),
        (None, {"LANG": "de_DE.UTF-8"}, "en"),
        (None, {"LC_MESSAGES": "ru_RU", "LANG": "en_US.UTF-8"}, "ru"),
        (None, {"LC_ALL": "C.UTF-8", "LANG": "ru_RU.UTF-8"}, "en"),  # LC_ALL overrides, as in POSIX
        (None, {"LC_ALL": "ru_RU.UTF-8", "LANG": "en_US"}, "ru"),
        (None, {"KGRAPH_LANG": "en", "LANG": "ru_RU.UTF-8"}, "en"),
        (None, {"KGRAPH_LANG": "RU", "LC_ALL": "C"}, "ru"),
        ("en", {"KGRAPH_LANG": "ru", "LANG": "ru_RU.UTF-8"}, "en"),
        ("ru", {}, "ru"),
    ],
)
def test_language_order_flag_env_locale_english(explicit, env, expected):
    """--lang, then KGRAPH_LANG, then the locale (LC_ALL, LC_MESSAGES, LANG), then English."""
    assert choose_language(explicit, env) == expected


@pytest.mark.parametrize(("explicit", "env"), [("xx", {}), (None, {"KGRAPH_LANG": "fr"})])
def test_unsupported_language_is_an_input_error(explicit, env):
    with pytest.raises(LanguageError, match=r"choose one of en, ru") as caught:
        choose_language(explicit, env)
    assert caught.value.exit_code == 2


def test_language_of_reads_locale_names():
    assert [language_of(v) for v in ("ru_RU.UTF-8", "ru", "RU", "en-GB", "C", "ru_UA@euro")] == [
        "ru", "ru", "ru", "en", "c", "ru",
    ]  # fmt: skip


def test_concept_text_falls_back_to_english():
    """A concept or edge without Russian shows its English text in Russian output."""
    plain = make_concept("plain", name="Plain", summary="An English summary, long enough here.")
    translated = make_concept(
        "tr", name="Attention", translations={"ru": Translation(name="Внимание", summary="Кратко.")}
    )
    assert (RU.name(plain), RU.summary(plain)) == ("Plain", plain.summary)
    assert (RU.name(translated), RU.summary(translated)) == ("Внимание", "Кратко.")
    assert (EN.name(translated), EN.summary(translated)) == ("Attention", translated.summary)
    edge = Prerequisite(id="a", why="because")
    assert RU.why(edge) == "because"
    assert RU.why(Prerequisite(id="a", why="because", why_ru="потому что")) == "потому что"
    assert EN.why(Prerequisite(id="a", why="because", why_ru="потому что")) == "because"


def test_export_titles():
    assert RU.export_title(source="lora", target="agi", focus=None) == "kgraph: lora → agi"
    assert RU.export_title(source=None, target="agi", focus=None) == "kgraph: путь к agi"
    assert RU.export_title(source=None, target=None, focus=None) == "kgraph: все понятия"
    assert EN.export_title(source=None, target=None, focus="lora") == "kgraph: lora"
    assert DEFAULT == "en"


@pytest.mark.parametrize(("lang", "loaded"), [("en", False), ("ru", True)])
def test_only_the_catalogue_in_use_is_imported(lang: str, loaded: bool):
    """A query in English never loads the Russian catalogue (a start-up cost, not a timing)."""
    probe = (
        "import sys\n"
        "from kgraph.i18n import texts\n"
        f"texts({lang!r})('error', message='x')\n"
        "print('kgraph.i18n.ru' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == str(loaded)

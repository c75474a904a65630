"""The message catalogue: every fixed string kgraph prints, in each language it speaks.

One module per language (`kgraph.i18n.en`, `kgraph.i18n.ru`) holds the same keys; `Texts`
formats them and reads a concept's text in its language, falling back to English where a
translation is missing. Which language: ``--lang``, then ``$KGRAPH_LANG``, then the locale (the
first of ``LC_ALL``, ``LC_MESSAGES``, ``LANG`` that is set, as POSIX orders them), then English.

Templates are `str.format` strings and every caller passes every value a language may need:
English ignores the plural noun a Russian template uses, so both read naturally.
"""

from __future__ import annotations

import functools
import os
from importlib import import_module
from typing import TYPE_CHECKING, Final, Protocol

from kgraph.errors import InputError
from kgraph.model import Headline

if TYPE_CHECKING:
    from collections.abc import Mapping
    from types import ModuleType

    from kgraph.model import Concept

LANGUAGES: Final[tuple[str, ...]] = ("en", "ru")
DEFAULT: Final = "en"
ENV: Final = "KGRAPH_LANG"
LOCALE_ENV: Final = ("LC_ALL", "LC_MESSAGES", "LANG")


class LanguageError(InputError):
    """A language was asked for (``--lang``, ``$KGRAPH_LANG``) that kgraph does not speak."""


class Reasoned(Protocol):
    """An edge as far as its reason goes: a prerequisite or a link of a chain."""

    @property
    def why(self) -> str:
        """The reason in English."""

    @property
    def why_ru(self) -> str | None:
        """The reason in Russian, when the graph has it."""


def language_of(value: str) -> str:
    """The language part of a locale or language name: ``ru_RU.UTF-8`` and ``RU`` give ``ru``."""
    head = value.split(".", maxsplit=1)[0].split("@", maxsplit=1)[0]
    return head.replace("-", "_").split("_", maxsplit=1)[0].strip().lower()


def choose_language(explicit: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """The output language: *explicit*, then ``$KGRAPH_LANG``, then the locale, then English.

    Raises:
        LanguageError: if *explicit* or ``$KGRAPH_LANG`` names a language kgraph lacks.

    Examples:
        >>> choose_language(environ={"LANG": "ru_RU.UTF-8"})
        'ru'
        >>> choose_language("en", {"KGRAPH_LANG": "ru"})
        'en'
    """
    env = os.environ if environ is None else environ
    if explicit:
        return _supported(explicit, "--lang")
    if env.get(ENV):
        return _supported(env[ENV], ENV)
    for name in LOCALE_ENV:
        if value := env.get(name):
            lang = language_of(value)
            return lang if lang in LANGUAGES else DEFAULT
    return DEFAULT


def _supported(value: str, source: str) -> str:
    lang = language_of(value)
    if lang not in LANGUAGES:
        choices = ", ".join(LANGUAGES)
        raise LanguageError(
            texts(DEFAULT)("lang.unsupported", value=value, source=source, choices=choices)
        )
    return lang


def plural_category(lang: str, count: int) -> str:
    """The CLDR plural category of a whole *count*, as ``Intl.PluralRules`` gives it in a page.

    Examples:
        >>> [plural_category("ru", n) for n in (1, 3, 5, 11, 21, 22)]
        ['one', 'few', 'many', 'many', 'one', 'few']
    """
    if lang == "ru":
        if count % 10 == 1 and count % 100 != 11:  # noqa: PLR2004 - the CLDR rule
            return "one"
        if 2 <= count % 10 <= 4 and not 12 <= count % 100 <= 14:  # noqa: PLR2004
            return "few"
        return "many"
    return "one" if count == 1 else "other"


def hours(value: float) -> str:
    """Hours as people write them: ``6``, ``1.25``, ``1494890`` (never ``1.49489e+06``).

    The one rule for a number of hours, with or without its unit (`Texts.hours`).
    """
    return f"{value:.12g}"


class Texts:
    """The catalogue of one language, and concept text read in that language."""

    def __init__(self, lang: str) -> None:
        catalogue: ModuleType = import_module(f"kgraph.i18n.{lang}")  # only the one in use
        self.lang = lang
        self.messages: Mapping[str, str] = catalogue.MESSAGES
        self.nouns: Mapping[str, Mapping[str, str]] = catalogue.NOUNS
        self.levels: Mapping[str, str] = catalogue.LEVELS
        self.categories: Mapping[str, str] = catalogue.CATEGORIES
        self.kinds: Mapping[str, str] = catalogue.KINDS
        self.outcome_prefixes: tuple[str, ...] = catalogue.OUTCOME_PREFIXES

    def __call__(self, key: str, /, **values: object) -> str:
        """The message *key* with *values* filled in (values it does not use are ignored)."""
        return self.messages[key].format(**values)

    def plural(self, count: int, noun: str) -> str:
        """*noun* in the form that follows *count*: ``1 concept``, ``5 понятий``."""
        return self.nouns[noun][plural_category(self.lang, count)]

    def hours(self, value: float) -> str:
        """Hours with their unit: ``6 h``, ``1.5 ч``."""
        return self("unit.h", hours=hours(value))

    def level(self, level: str) -> str:
        """A rung's name in this language (English uses the value itself)."""
        return self.levels.get(str(level), str(level))

    def category(self, category: str) -> str:
        """A category's name in this language."""
        return self.categories.get(str(category), str(category))

    def kind(self, kind: str) -> str:
        """A resource kind's name in this language."""
        return self.kinds.get(str(kind), str(kind))

    def name(self, concept: Concept | Headline) -> str:
        """The concept's name in this language, else its English name."""
        if isinstance(concept, Headline):
            for lang, name in concept.names:
                if lang == self.lang:
                    return name
            return concept.name
        translation = concept.translations.get(self.lang)
        return translation.name if translation is not None else concept.name

    def summary(self, concept: Concept) -> str:
        """The concept's summary in this language, else its English summary."""
        translation = concept.translations.get(self.lang)
        return translation.summary if translation is not None else concept.summary

    def outcomes(self, concept: Concept) -> tuple[str, ...]:
        """The concept's outcomes ("you can …") in this language, else in English."""
        translation = concept.translations.get(self.lang)
        return translation.outcomes if translation and translation.outcomes else concept.outcomes

    def deliverable(self, concept: Concept) -> str | None:
        """What a project hands in, in this language, else in English."""
        translation = concept.translations.get(self.lang)
        return (
            translation.deliverable
            if translation and translation.deliverable
            else (concept.deliverable)
        )

    def can_you(self, outcome: str) -> str:
        """An outcome asked as a question: "You can explain X." becomes "Can you explain X?".

        Examples:
            >>> texts("en").can_you("You can explain why LoRA's update has rank r.")
            "Can you explain why LoRA's update has rank r?"
            >>> texts("en").can_you("Explain LoRA.")
            'Can you do this: Explain LoRA?'
        """
        text = outcome.strip().rstrip(".")
        for prefix in self.outcome_prefixes:
            if text.casefold().startswith(prefix):
                return self("cli.assess_can", ability=text[len(prefix) :])
        english = texts(DEFAULT)
        if self.lang != DEFAULT and text.casefold().startswith(english.outcome_prefixes):
            return english.can_you(outcome)  # an untranslated outcome is asked in English
        return self("cli.assess_can_this", outcome=text)

    def why(self, edge: Reasoned) -> str:
        """Why the prerequisite is needed, in this language, else in English."""
        translated: str | None = getattr(edge, f"why_{self.lang}", None)
        return translated or edge.why

    def export_title(self, *, source: str | None, target: str | None, focus: str | None) -> str:
        """An export's heading from resolved ids: the path, the focus, or the whole graph."""
        if target is None:
            return self("title.focus", focus=focus) if focus else self("title.all")
        return (
            self("title.from", source=source, target=target)
            if source
            else self("title.to", target=target)
        )


@functools.cache
def texts(lang: str = DEFAULT) -> Texts:
    """The catalogue of *lang* (one of `LANGUAGES`)."""
    return Texts(lang)


__all__ = [
    "DEFAULT",
    "ENV",
    "LANGUAGES",
    "LOCALE_ENV",
    "LanguageError",
    "Reasoned",
    "Texts",
    "choose_language",
    "hours",
    "language_of",
    "plural_category",
    "texts",
]

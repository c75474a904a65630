"""What every text renderer shares: terminal-safe strings and a concept's label.

Every string from the graph passes through `clean` before it reaches a terminal: a concept name
must not be able to move the cursor, recolour the terminal or reverse the text around it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from kgraph.i18n import DEFAULT, texts

if TYPE_CHECKING:
    from collections.abc import Callable

    from kgraph.i18n import Texts
    from kgraph.model import Concept, Headline, Resource

# Printable ASCII is always safe; anything else is looked up by Unicode category. Hidden are
# controls (C0 and C1: ESC starts ANSI and OSC 8 sequences, CR and BS overwrite, CSI is \x9b),
# format characters (bidi embeddings, overrides and isolates, zero-width spaces and joiners,
# the BOM), line and paragraph separators, and lone surrogates (which no terminal can encode).
_SUSPECT: Final = r"[^\x20-\x7e]"  # compiled by re on first use: plain ASCII never needs it
_HIDDEN: Final = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})


def hidden(char: str) -> bool:
    """Whether a terminal would act on *char* or not show it (see `_HIDDEN`)."""
    import unicodedata  # noqa: PLC0415 - plain ASCII text never asks

    return unicodedata.category(char) in _HIDDEN


def escape_hidden(text: str, escape: Callable[[str], str]) -> str:
    """*text* with each hidden character replaced by ``escape(char)``."""
    if text.isascii() and text.isprintable():
        return text
    return re.sub(_SUSPECT, lambda m: escape(m.group()) if hidden(m.group()) else m.group(), text)


def _shown(char: str) -> str:
    return char.encode("unicode_escape").decode("ascii")


def clean(text: str) -> str:
    r"""*text* with every control, format or bidi character shown as a visible escape (``\x1b``).

    Examples:
        >>> print(clean("\x1b[31mred\u202e\r"))
        \x1b[31mred\u202e\r
    """
    return escape_hidden(text, _shown)


def clean_message(text: str) -> str:
    """A multi-line message (an error, a report) cleaned line by line, keeping its line breaks."""
    return "\n".join(clean(line) for line in text.split("\n"))


def label(concept: Concept | Headline, lang: str = DEFAULT) -> str:
    """``id — Name`` (the name in *lang*), or the id alone when the name says the same."""
    return label_in(concept, texts(lang))


def label_in(concept: Concept | Headline, t: Texts) -> str:
    """`label` in *t*'s language, for a renderer that labels many concepts."""
    name = clean(t.name(concept))
    cid = concept.id
    return cid if name.casefold() == cid.replace("-", " ") else f"{cid} — {name}"


def resource_text(resource: Resource, t: Texts) -> str:
    """``[course, free] Title: https://…`` in *t*'s language, cleaned for a terminal."""
    cost = t("guide.free") if resource.free else t("guide.paid")
    return t(
        "guide.resource", kind=t.kind(resource.kind), cost=cost, title=clean(resource.title),
        url=clean(resource.url),
    )  # fmt: skip


__all__ = [
    "clean",
    "clean_message",
    "escape_hidden",
    "hidden",
    "label",
    "label_in",
    "resource_text",
]

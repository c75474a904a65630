"""The shipped graph in Russian: every concept and reason translated, nothing left as a copy."""

from __future__ import annotations

import re

import pytest

from kgraph.validate import load_graph
from tests.conftest import SHIPPED

# Russian practice keeps some names as they are: products, libraries, acronyms, coined terms.
# Such a name reads as one (see `reads_as_a_kept_name`); these single plain words do not.
KEPT_WORDS = frozenset({"Dropout", "Git", "pandas", "Python", "Safetensors", "Softmax"})


def reads_as_a_kept_name(name: str) -> bool:
    """An acronym or inner capital (LoRA, KV cache, BM25), or a proper name of several
    capitalised words (Hugging Face Hub): what Russian text keeps in Latin letters.

    A rule rather than a list of ids, so a contributor's new kept name or a renamed id passes.
    """
    words = name.split()
    inner_capital = re.search(r"\w[A-Z0-9]", name) is not None
    proper_name = len(words) > 1 and all(w[0].isupper() for w in words)
    return inner_capital or proper_name or name in KEPT_WORDS


@pytest.fixture(scope="module")
def kg():
    return load_graph(SHIPPED)


def test_every_concept_has_a_russian_name_and_summary(kg):
    translated = [c for c in kg.concepts.values() if "ru" in c.translations]
    assert len(translated) == len(kg.concepts)


def test_every_reason_has_a_russian_why(kg):
    edges = [p for c in kg.concepts.values() for p in c.prerequisites]
    assert [p.id for p in edges if not p.why_ru] == []


def test_no_translation_copies_its_english_source_except_kept_names(kg):
    """A Russian name equal to the English one is a kept name; no summary or reason is ever a
    copy."""
    same_name = [c for c in kg.concepts.values() if c.translations["ru"].name == c.name]
    assert [c.name for c in same_name if not reads_as_a_kept_name(c.name)] == []
    assert [c.id for c in kg.concepts.values() if c.translations["ru"].summary == c.summary] == []
    copied = [
        (cid, p.id) for cid, c in kg.concepts.items() for p in c.prerequisites if p.why_ru == p.why
    ]
    assert copied == []


def test_russian_text_is_russian(kg):
    """Every translated summary and reason has Russian words, not English left in place (code
    names such as ``lora_alpha`` stay as they are written)."""
    for concept in kg.concepts.values():
        ru = concept.translations["ru"]
        for text in (ru.summary, *(p.why_ru or "" for p in concept.prerequisites)):
            assert re.search(r"[а-яё]{4,}", text, re.IGNORECASE), (concept.id, text)

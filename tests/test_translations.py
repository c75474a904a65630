"""The shipped graph in Russian: every concept and reason translated, nothing left as a copy."""

from __future__ import annotations

import re

import pytest

from kgraph.load import load_graph
from tests.conftest import SHIPPED


@pytest.fixture(scope="module")
def kg():
    return load_graph(SHIPPED)


def test_every_concept_has_a_russian_name_and_summary(kg):
    translated = [c for c in kg.concepts.values() if "ru" in c.translations]
    assert len(translated) == len(kg.concepts)


def test_every_reason_has_a_russian_why(kg):
    edges = [p for c in kg.concepts.values() for p in c.prerequisites]
    assert [p.id for p in edges if not p.why_ru] == []


def test_no_summary_or_reason_is_a_copy_of_its_english_source(kg):
    """A Russian name may equal the English one (LoRA, Triton, FlashAttention: terms Russian
    practice keeps, a reviewer's call), but a summary or a reason is always translated."""
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

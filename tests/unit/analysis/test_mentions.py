"""analysis/mentions.py: where forms occur, as whole words in their exact case, the longest form first."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from coalition_texts.analysis.mentions import Texts, pattern
from coalition_texts.model.records import Paragraph, RenderedDocument, SourceText
from tests.base import minimal_catalog


def rendered(*paragraphs: str) -> RenderedDocument:
    source = SourceText("0" * 64, tuple(Paragraph(text, n, n) for n, text in enumerate(paragraphs, 1)), ())
    anchors = tuple(f"p{n}" for n in range(1, len(paragraphs) + 1))
    return RenderedDocument(minimal_catalog().documents[0], source, anchors, ())


def test_whole_words_exact_case_longest_first():
    texts = Texts([rendered("Niger and Nigeria.", "ISIS-Khorasan, not isis.", "Niger's ISIS", "None here.")])
    mentions = texts.mentions(["Niger", "ISIS", "ISIS-Khorasan"])
    ((_, paragraphs),) = mentions.found
    assert paragraphs == [("p1", 1), ("p2", 2), ("p3", 3)]
    assert mentions.forms == ["Niger", "ISIS-Khorasan", "ISIS"]  # in order of first use
    assert pattern(["ISIS", "ISIS-Khorasan"]).findall("ISIS-Khorasan ISIS") == ["ISIS-Khorasan", "ISIS"]
    assert Texts([rendered("Nothing.")]).mentions(["Niger"]).found == []


WORD = st.text(alphabet="abcAB-é", min_size=1, max_size=5)


@given(
    st.lists(WORD, min_size=1, max_size=4),
    st.lists(st.one_of(WORD, st.sampled_from([" ", ".", "_", "1"])), max_size=20),
)
def test_the_paragraphs_found_are_those_an_independent_search_finds(forms, pieces):
    """A paragraph is found exactly when a form stands in it with no letter, digit or underscore beside it."""
    text = "".join(pieces)
    found = Texts([rendered(text)]).mentions(forms).found
    whole = any(
        (start == 0 or not re.match(r"\w", text[start - 1]))
        and (start + len(form) == len(text) or not re.match(r"\w", text[start + len(form)]))
        for form in forms
        for start in range(len(text))
        if text.startswith(form, start)
    )
    assert bool(found) == whole

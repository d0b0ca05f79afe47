"""model/records.py: the one word count, the order of documents, an event's dates."""

from __future__ import annotations

import dataclasses
import random

from hypothesis import given
from hypothesis import strategies as st

from coalition_texts.model.dates import PartialDate
from coalition_texts.model.records import sort_key, word_count
from tests.base import PARTIAL_DATES, minimal_catalog


def test_a_word_holds_a_letter_or_digit():
    assert word_count("Daesh/ISIS and the 83-member Coalition – 2022.") == 6  # the dash alone is no word
    assert word_count(" \n\t") == 0 and word_count("— … ¶") == 0
    assert word_count("Niamey,\u00a0Niger") == 2  # a no-break space separates words as a space does
    assert word_count("ﬁrst 第一 première") == 3


@given(st.lists(st.one_of(st.none(), PARTIAL_DATES), min_size=1, max_size=8))
def test_documents_sort_newest_first_undated_last_whatever_the_catalog_order(dates):
    base = minimal_catalog().documents[0]
    documents = [dataclasses.replace(base, id=f"d{n}", published=date) for n, date in enumerate(dates)]
    ordered = sorted(documents, key=sort_key)
    shuffled = documents[:]
    random.Random(0).shuffle(shuffled)
    assert sorted(shuffled, key=sort_key) == ordered  # ties are broken by id
    known = [doc.published for doc in ordered if doc.published is not None]
    assert known == sorted(known, reverse=True)
    assert all(doc.published is None for doc in ordered[len(known) :])


def test_an_event_without_an_end_goes_on():
    event = minimal_catalog().events[0]
    assert event.when() == "from 11 May 2022"
    assert dataclasses.replace(event, end=PartialDate(2022, 5, 12)).when() == "11–12 May 2022"

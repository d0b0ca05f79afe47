"""analysis/feed_dates.py: the full date a feed gives each document, within what is known of its date."""

from __future__ import annotations

import calendar
import dataclasses
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from coalition_texts.analysis.feed_dates import feed_date
from coalition_texts.model.dates import PartialDate
from coalition_texts.model.records import Catalog
from tests.base import PARTIAL_DATES, minimal_catalog


def _first_day(start: PartialDate) -> date:
    return date(start.year, start.month or 1, start.day or 1)


def _period(published: PartialDate) -> tuple[date, date]:
    last_month = published.month or 12
    last_day = published.day or calendar.monthrange(published.year, last_month)[1]
    return _first_day(published), date(published.year, last_month, last_day)


@given(published=st.none() | PARTIAL_DATES, starts=st.lists(PARTIAL_DATES, min_size=1, max_size=3))
def test_feed_date_is_in_the_known_period_and_not_before_the_latest_event(published, starts):
    events = tuple(
        dataclasses.replace(minimal_catalog().events[0], id=f"e{index}", start=start, end=None)
        for index, start in enumerate(starts)
    )
    doc = dataclasses.replace(
        minimal_catalog().documents[0], published=published, events=tuple(event.id for event in events)
    )
    result = date.fromisoformat(feed_date(doc, Catalog(documents=(doc,), events=events)))
    latest = max(_first_day(start) for start in starts)
    if published is None:
        assert result == latest
        return
    first, last = _period(published)
    assert first <= result <= last  # never outside what is known of the date
    if published.precision != "day" and first <= latest <= last:
        assert result == latest  # never before the event it covers, when the event is in the period
    if published.precision != "day" and latest < first:
        assert result == first


def test_a_day_is_kept_and_a_month_starts_at_the_event():
    doc, event = minimal_catalog().documents[0], minimal_catalog().events[0]  # the meeting: 11 May 2022
    assert feed_date(doc, minimal_catalog()) == "2022-05-12"

    def with_date(published: PartialDate | None) -> str:
        return feed_date(dataclasses.replace(doc, published=published), minimal_catalog())

    assert with_date(PartialDate(2022, 5)) == "2022-05-11"  # not 1 May, ten days before the meeting
    assert with_date(PartialDate(2022, 6)) == "2022-06-01"
    assert with_date(PartialDate(2022, 4)) == "2022-04-30"  # a text known to predate the meeting
    assert with_date(None) == "2022-05-11" and event.start == PartialDate(2022, 5, 11)

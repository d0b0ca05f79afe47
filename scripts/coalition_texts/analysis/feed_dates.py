"""The full date that the feeds give each document (the `feed_date` front matter field, read by mkdocs-rss-plugin)."""

from __future__ import annotations

import calendar

from coalition_texts.model.dates import PartialDate
from coalition_texts.model.records import Catalog, Document


def _first_day(date: PartialDate) -> str:
    return f"{date.year:04d}-{date.month or 1:02d}-{date.day or 1:02d}"


def _last_day(date: PartialDate) -> str:
    if date.day:
        return date.iso()
    month = date.month or 12
    return f"{date.year:04d}-{month:02d}-{calendar.monthrange(date.year, month)[1]:02d}"


def feed_date(doc: Document, catalog: Catalog) -> str:
    """The full date (YYYY-MM-DD) that feeds give a document, which must have one.

    A date known to the day is used as it is. Otherwise the feed date is the start of the latest
    event the document covers (for the blog repost of the Marrakesh statement, the earliest day it
    can have appeared; for The Sun's report of May 2022, the meeting of 11 May it reports), kept
    within the known month or year: its first day when the event began earlier, its last day when
    the event began later (a text known to predate the event it covers). A lower bound that places
    the item in the feed, not a publication date: the page, the dataset and the JSON-LD give the date
    only as precisely as it is known, and an undated item's description says "undated". See README.md.
    """
    published = doc.published
    if published is not None and published.precision == "day":
        return published.iso()
    latest_event = _first_day(max(catalog.event(event_id).start for event_id in doc.events))
    if published is None:
        return latest_event
    return min(max(latest_event, _first_day(published)), _last_day(published))  # ISO dates sort as text

"""The full date that the feeds give each document (the `feed_date` front matter field, read by mkdocs-rss-plugin)."""

from __future__ import annotations

from coalition_texts.model.dates import PartialDate
from coalition_texts.model.records import Catalog, Document


def _first_day(date: PartialDate) -> str:
    return f"{date.year:04d}-{date.month or 1:02d}-{date.day or 1:02d}"


def feed_date(doc: Document, catalog: Catalog) -> str:
    """The full date (YYYY-MM-DD) that feeds give a document, which must have one.

    A date known to the day is used as it is; one known to the month or year gives the first day of
    that period. An undated document gets the start of the latest event it covers (for the blog
    repost of the Marrakesh statement, the earliest day it can have appeared): a lower bound that
    places it in the feed, not a publication date. Its page, the dataset and the JSON-LD carry no
    date at all, and its feed item's description says "undated". See README.md.
    """
    if doc.published is not None:
        return _first_day(doc.published)
    return _first_day(max(catalog.event(event_id).start for event_id in doc.events))

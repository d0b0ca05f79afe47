"""The date a build gives itself: the newest date in the data, never the clock.

MkDocs and mkdocs-rss-plugin date what they write by the build's time unless `SOURCE_DATE_EPOCH`
is set (the reproducible-builds convention both follow): the RSS channel's `pubDate` and
`lastBuildDate`, every page's `update_date` (the sitemap's `<lastmod>`) and the time stamp inside
`sitemap.xml.gz`. The plugin sets it, for the length of one build, to the newest feed date of the
catalog (`analysis/feed_dates.py`): the site changes when a text is added, and a text's date is
what the data knows. Two builds of the same sources are then byte-identical whenever they run.

The conversion itself runs `unpinned`: the anchor registry records the day a paragraph was removed
from its source, which is the day of the build (or the SOURCE_DATE_EPOCH set by hand), not the
date of the newest text.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone

from coalition_texts.analysis.feed_dates import feed_date
from coalition_texts.model.records import Catalog

VARIABLE = "SOURCE_DATE_EPOCH"


def data_date(catalog: Catalog) -> datetime:
    """Midnight UTC of the newest feed date of the catalog's documents (the Unix epoch if there are none)."""
    dates = [feed_date(doc, catalog) for doc in catalog.documents]
    if not dates:
        return datetime.fromtimestamp(0, timezone.utc)
    return datetime.fromisoformat(max(dates)).replace(tzinfo=timezone.utc)


def pin(catalog: Catalog) -> str | None:
    """Give the build the data's date; returns the variable's previous value, for `release`."""
    previous = os.environ.get(VARIABLE)
    os.environ[VARIABLE] = str(int(data_date(catalog).timestamp()))
    return previous


def release(previous: str | None) -> None:
    """Put the variable back as it was before `pin`, so that nothing outside the build sees it."""
    if previous is None:
        os.environ.pop(VARIABLE, None)
    else:
        os.environ[VARIABLE] = previous


@contextmanager
def unpinned(previous: str | None) -> Iterator[None]:
    """Within the block, the variable as it was before `pin`; pinned again after it."""
    pinned = os.environ.get(VARIABLE)
    release(previous)
    try:
        yield
    finally:
        if pinned is not None:
            os.environ[VARIABLE] = pinned

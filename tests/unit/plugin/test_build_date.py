"""plugin/build_date.py: a build is dated by its data, never by the clock, and the variable is put back."""

from __future__ import annotations

import dataclasses
import os
from datetime import datetime, timezone

import pytest

from coalition_texts.model.dates import PartialDate
from coalition_texts.model.records import Catalog
from coalition_texts.plugin import build_date
from tests.base import minimal_catalog


def test_the_data_date_is_the_newest_feed_date():
    minimal = minimal_catalog()
    newer = dataclasses.replace(minimal.documents[0], id="newer", published=PartialDate(2023, 3))  # -> 1 March
    catalog = Catalog((minimal.documents[0], newer), minimal.events, minimal.kinds)
    assert build_date.data_date(catalog) == datetime(2023, 3, 1, tzinfo=timezone.utc)
    assert build_date.data_date(Catalog((), minimal.events)) == datetime(1970, 1, 1, tzinfo=timezone.utc)


@pytest.mark.parametrize("before", [None, "12345"])
def test_pin_release_and_unpinned_restore_the_variable(monkeypatch, before):
    if before is None:
        monkeypatch.delenv(build_date.VARIABLE, raising=False)
    else:
        monkeypatch.setenv(build_date.VARIABLE, before)
    previous = build_date.pin(minimal_catalog())
    pinned = str(int(datetime(2022, 5, 12, tzinfo=timezone.utc).timestamp()))
    assert previous == before and os.environ[build_date.VARIABLE] == pinned
    with build_date.unpinned(previous):
        assert os.environ.get(build_date.VARIABLE) == before  # the conversion dates retired anchors by the clock
    assert os.environ[build_date.VARIABLE] == pinned
    build_date.release(previous)
    assert os.environ.get(build_date.VARIABLE) == before

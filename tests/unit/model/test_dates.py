"""model/dates.py: dates as precise as their evidence, how they read, and how supplied parts are marked."""

from __future__ import annotations

import calendar
import datetime

from hypothesis import given
from hypothesis import strategies as st

from coalition_texts.model.dates import DATE_PARTS, PartialDate, date_range, supplied_parts_phrase
from tests.base import PARTIAL_DATES


@given(PARTIAL_DATES)
def test_iso_and_human_forms_agree_with_the_standard_library(date):
    full = datetime.date(date.year, date.month or 1, date.day or 1)
    iso = {"year": full.strftime("%Y"), "month": full.strftime("%Y-%m"), "day": full.isoformat()}
    assert date.iso() == iso[date.precision]
    human = {"year": f"{full.year}", "month": f"{full:%B} {full.year}", "day": f"{full.day} {full:%B} {full.year}"}
    assert date.human() == human[date.precision]
    assert date.parts == DATE_PARTS[DATE_PARTS.index(date.precision) :]


@given(PARTIAL_DATES, PARTIAL_DATES)
def test_dates_sort_by_year_then_month_then_day(a, b):
    """A date known to the month sorts before any day of that month, so a list reads in time order."""
    assert (a < b) == ((a.year, a.month, a.day) < (b.year, b.month, b.day))


@given(PARTIAL_DATES, st.data())
def test_marking_wraps_exactly_the_supplied_parts_and_keeps_the_words(date, data):
    marked = tuple(data.draw(st.lists(st.sampled_from(date.parts), unique=True), label="marked"))
    shown = date.human_marking(marked, lambda words: f"[{words}]")
    assert shown.replace("[", "").replace("]", "") == date.human()
    words = {"day": str(date.day), "month": calendar.month_name[date.month], "year": str(date.year)}
    inside = " ".join(run.split("]")[0] for run in shown.split("[")[1:])
    assert inside.split() == [words[part] for part in date.parts if part in marked]
    assert shown.count("[") <= 2  # neighbours share one bracket: "3 March [2023]", "[May 2022]", "[3] March [2023]"


def test_marking_examples():
    mark = "[{}]".format
    assert PartialDate(2023, 3, 3).human_marking(("year",), mark) == "3 March [2023]"
    assert PartialDate(2022, 5).human_marking(("month", "year"), mark) == "[May 2022]"
    assert PartialDate(2022, 5, 11).human_marking(("day", "year"), mark) == "[11] May [2022]"


def test_supplied_parts_in_words():
    assert supplied_parts_phrase(PartialDate(2023, 3, 3), ("year",)) == "the year (the day and month are in the text)"
    assert supplied_parts_phrase(PartialDate(2022, 5), ("month",)) == "the month (the year is in the text)"
    assert (
        supplied_parts_phrase(PartialDate(2022, 5, 1), ("day", "month"))
        == "the day and month (the year is in the text)"
    )
    assert supplied_parts_phrase(PartialDate(2022, 5), ("month", "year")) == "the date"


def test_date_ranges():
    assert date_range(PartialDate(2022, 5, 11), None) == "11 May 2022"
    assert date_range(PartialDate(2022, 5, 11), PartialDate(2022, 5, 11)) == "11 May 2022"
    assert date_range(PartialDate(2023, 3, 1), PartialDate(2023, 3, 2)) == "1–2 March 2023"
    assert date_range(PartialDate(2021, 12), PartialDate(2022, 5)) == "December 2021 – May 2022"
    assert date_range(PartialDate(2023, 2, 28), PartialDate(2023, 3, 2)) == "28 February 2023 – 2 March 2023"

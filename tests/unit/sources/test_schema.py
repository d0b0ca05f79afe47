"""sources/schema.py: one entry's fields read and checked, each problem located by file, line, entry and field."""

from __future__ import annotations

import calendar

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coalition_texts.model.dates import PartialDate
from coalition_texts.sources.schema import FIRST_YEAR, LAST_YEAR, Entry, entries, unique_id
from tests.base import source_error


def entry(tmp_path, body: str) -> Entry:
    """The first entry of a file `items:` listing one mapping whose fields are `body` (one per line)."""
    path = tmp_path / "sources" / "items.yml"
    path.parent.mkdir(exist_ok=True)
    lines = "".join(f"    {line}\n" for line in body.splitlines())
    path.write_text("items:\n  - id: x\n" + lines, encoding="utf-8")
    return Entry(path, entries(path, "items")[0], "item x")


def test_a_message_names_file_line_entry_and_field(tmp_path):
    reader = entry(tmp_path, "title: A\ncount: 3")
    error = reader.fail("count", "is wrong.", "Fix it.")
    assert str(error) == f"{reader.path}, line 4 (item x, field 'count'): is wrong. Fix it."
    assert str(reader.fail(None, "is wrong.")) == f"{reader.path}, line 2 (item x): is wrong."


def test_unknown_and_missing_fields(tmp_path):
    reader = entry(tmp_path, "titel: A")
    message = source_error(lambda: reader.check_fields({"id", "title"}, ["id"]))
    assert (
        message == f"{reader.path}, line 3 (item x, field 'titel'): unknown field 'titel'. Allowed fields: id, title."
    )
    reader = entry(tmp_path, "")
    message = source_error(lambda: reader.check_fields({"id", "title"}, ["id", "title"]))
    assert message == f"{reader.path}, line 2 (item x): the required field 'title' is missing. Add it."


def test_texts_are_one_line_and_never_empty(tmp_path):
    reader = entry(tmp_path, 'title: "  A\\n  title\\tsplit  "\nempty: " "\nnumber: 3\nnothing: null')
    assert reader.text("title") == "A title split"
    assert reader.text("nothing", optional=True) is None
    for field in ("empty", "number", "nothing"):
        assert source_error(lambda field=field: reader.text(field)).endswith(
            f"field '{field}'): must be a non-empty text."
        )


def test_flags_and_lists(tmp_path):
    reader = entry(tmp_path, "shown: true\nword: yes please\nlist: [a, b]\nbad: [a, '']\nscalar: a")
    assert reader.flag("shown") is True and reader.flag("absent") is False
    assert "must be true or false, not 'yes please'" in source_error(lambda: reader.flag("word"))
    assert reader.texts("list") == ("a", "b") and reader.texts("absent") == ()
    for field in ("bad", "scalar"):
        assert "must be a list of non-empty texts" in source_error(lambda field=field: reader.texts(field))


def test_addresses_are_rebuilt_or_refused(tmp_path):
    reader = entry(tmp_path, 'url: "https://example.org/a<b>"\nbad: "javascript:alert(1)"')
    assert reader.address("url") == "https://example.org/a%3Cb%3E"
    message = source_error(lambda: reader.address("bad"))
    assert "field 'bad'): 'javascript:alert(1)' is not an http(s) address." in message


@given(
    year=st.integers(FIRST_YEAR, LAST_YEAR),
    month=st.integers(1, 12),
    day=st.integers(1, 31),
    precision=st.sampled_from(["year", "month", "day"]),
)
def test_any_real_date_reads_back_and_any_impossible_one_is_named(tmp_path_factory, year, month, day, precision):
    text = {"year": f"{year}", "month": f"{year}-{month:02d}", "day": f"{year}-{month:02d}-{day:02d}"}[precision]
    reader = entry(tmp_path_factory.mktemp("d"), f"start: {text}")
    if precision == "day" and day > calendar.monthrange(year, month)[1]:
        assert "is an impossible date" in source_error(lambda: reader.date("start"))
        assert f"has no day {day}" in source_error(lambda: reader.date("start"))
    else:
        date = reader.date("start")
        assert date.iso() == text and date.precision == precision


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("2022-13", "'2022-13' is an impossible date (no month 13)."),
        ("2023-02-29", "'2023-02-29' is an impossible date (February 2023 has no day 29)."),
        ("1899", "'1899' is outside the years 1900–2100."),
        ("2101-01-01", "'2101-01-01' is outside the years 1900–2100."),
        ("11 May 2022", "'11 May 2022' is not a date."),
        ("2022-5-11", "'2022-5-11' is not a date."),
    ],
)
def test_bad_dates(tmp_path, value, problem):
    reader = entry(tmp_path, f"start: {value}")
    assert source_error(lambda: reader.date("start")).startswith(
        f"{reader.path}, line 3 (item x, field 'start'): {problem}"
    )


def test_an_empty_date(tmp_path):
    reader = entry(tmp_path, "start: null")
    assert reader.date("start", optional=True) is None
    assert "field 'start'): is empty." in source_error(lambda: reader.date("start"))
    assert entry(tmp_path, "start: 2022-05").date("start") == PartialDate(2022, 5)


def test_ids_are_slugs_used_once(tmp_path):
    seen: dict[str, int] = {}
    assert unique_id(entry(tmp_path, ""), seen) == "x" and seen == {"x": 2}
    message = source_error(lambda: unique_id(entry(tmp_path, ""), seen))
    assert message.endswith("field 'id'): duplicate id 'x' (first used on line 2). Ids must be unique.")
    path = tmp_path / "sources" / "items.yml"
    path.write_text("items:\n  - id: Not A Slug\n")
    reader = Entry(path, entries(path, "items")[0], "item")
    assert "'Not A Slug' is not a valid id." in source_error(lambda: unique_id(reader, {}))


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("other: []\n", "must be a mapping with a list under 'items:'."),
        ("- a\n", "must be a mapping with a list under 'items:'."),
        ("items:\n  - a\n", "entry 1 under 'items:' is not a mapping."),
    ],
)
def test_the_list_of_entries(tmp_path, text, problem):
    path = tmp_path / "sources" / "items.yml"
    path.parent.mkdir()
    path.write_text(text)
    assert source_error(lambda: entries(path, "items")) == f"{path}: {problem}" + (
        " See README.md." if "mapping with" in problem else ""
    )
    path.write_text("items: []\n")
    assert entries(path, "items") == []
    assert "a non-empty list" in source_error(lambda: entries(path, "items", non_empty=True))

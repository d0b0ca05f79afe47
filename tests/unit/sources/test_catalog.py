"""sources/catalog.py: the catalog and the events, read from a minimal sources/ folder with one change each."""

from __future__ import annotations

import pytest

from coalition_texts.model.dates import PartialDate
from coalition_texts.sources.catalog import load_catalog, load_events
from tests.base import MINIMAL_SOURCES, source_error, write_sources

CATALOG = MINIMAL_SOURCES["catalog.yml"]
ENTRY = CATALOG[len("documents:\n") :]  # the one document, to list it twice


def test_the_minimal_catalog_reads_with_its_defaults(tmp_path):
    catalog = load_catalog(write_sources(tmp_path))
    (doc,) = catalog.documents
    assert (doc.id, doc.file, doc.title, doc.published, doc.line) == (
        "text",
        "text.txt",
        "A text",
        PartialDate(2022, 5, 12),
        2,
    )
    assert doc.short_name == "A publisher"  # the publisher when no short name is given
    assert doc.kind_info.label == "Statement" and catalog.event("meeting").short_name == "The meeting"
    assert (doc.date_supplied, doc.date_supplied_parts, doc.url_supplied, doc.strip, doc.tags) == (
        False,
        (),
        False,
        (),
        (),
    )


@pytest.mark.parametrize(
    ("value", "parts"),
    [("true", ("day", "month", "year")), ("[year]", ("year",)), ("[year, month]", ("month", "year"))],
)
def test_supplied_date_parts(tmp_path, value, parts):
    catalog = load_catalog(write_sources(tmp_path, {"catalog.yml": CATALOG + f"    date_supplied: {value}\n"}))
    assert catalog.documents[0].date_supplied_parts == parts and catalog.documents[0].date_supplied


def changed(old: str, new: str) -> str:
    """The minimal catalog with `old` replaced by `new` (an empty `old`: `new` added to the entry)."""
    if not old:
        return CATALOG + new
    assert old in CATALOG, old
    return CATALOG.replace(old, new)


# (text replaced in the catalog, its replacement, the line and field the message names, the problem it states)
BAD_DOCUMENTS = {
    "unknown field": ("", "    titel: x\n", 10, "titel", "unknown field 'titel'."),
    "missing field": ("    language: en\n", "", 2, None, "the required field 'language' is missing."),
    "unknown kind": ("kind: statement", "kind: statment", 7, "kind", "unknown kind 'statment'."),
    "unknown event": ("[meeting]", "[meeting, summit]", 8, "events", "unknown event id 'summit'."),
    "no event": ("[meeting]", "[]", 8, "events", "lists no event."),
    "language": ("language: en", "language: English", 9, "language", "'English' is not a language tag."),
    "impossible date": ("2022-05-12", "2022-02-30", 6, "published", "'2022-02-30' is an impossible date"),
    "no date, no note": ("2022-05-12", "null", 6, "published", "is null but no 'date_note' says why."),
    "part not a part": ("", "    date_supplied: [decade]\n", 10, "date_supplied", "'decade' is not a part of a date."),
    "part it lacks": ("2022-05-12\n", "2022-05\n    date_supplied: [day]\n", 7, "date_supplied",
                      "the date '2022-05' has no day."),
    "part twice": ("", "    date_supplied: [year, year]\n", 10, "date_supplied", "names a part twice."),
    "supplied, no date": ("2022-05-12\n", "null\n    date_note: unknown\n    date_supplied: true\n", 8,
                          "date_supplied", "names a supplied date, but 'published' is null."),
    "url supplied, no url": ("", "    url_supplied: true\n", 10, "url_supplied", "is true, but 'url' is null."),
    "bad url": ("", "    url: ftp://example.org/\n", 10, "url", "'ftp://example.org/' is not an http(s) address."),
    "file outside": ("file: text.txt", "file: ../text.txt", 3, "file",
                     "'../text.txt' must be a path inside sources/."),
    "duplicate id": ("", ENTRY, 10, "id", "duplicate id 'text' (first used on line 2)."),
}  # fmt: skip


@pytest.mark.parametrize("case", BAD_DOCUMENTS)
def test_each_bad_document_gets_one_located_message(tmp_path, case):
    old, new, line, field, problem = BAD_DOCUMENTS[case]
    sources = write_sources(tmp_path, {"catalog.yml": changed(old, new)})
    message = source_error(lambda: load_catalog(sources))
    where = f"{sources / 'catalog.yml'}, line {line} (document text" + (f", field '{field}')" if field else ")")
    assert message.startswith(f"{where}: {problem}"), message


EVENTS = MINIMAL_SOURCES["events.yml"]


@pytest.mark.parametrize(
    ("extra", "line", "field", "problem"),
    [
        ("    end: 2022-05-10\n", 6, "end", "the end (2022-05-10) is before the start (2022-05-11)."),
        ("    place: ''\n", 6, "place", "must be a non-empty text."),
        ("    date: 2022\n", 6, "date", "unknown field 'date'."),
    ],
)
def test_bad_events_are_located(tmp_path, extra, line, field, problem):
    sources = write_sources(tmp_path, {"events.yml": EVENTS + extra})
    message = source_error(lambda: load_events(sources / "events.yml"))
    assert message.startswith(f"{sources / 'events.yml'}, line {line} (event meeting, field '{field}'): {problem}")


def test_an_event_spans_its_dates(tmp_path):
    sources = write_sources(tmp_path, {"events.yml": EVENTS + "    end: 2022-05-12\n    short_name: Meeting\n"})
    (event,) = load_events(sources / "events.yml")
    assert (event.start, event.end, event.short_name) == (PartialDate(2022, 5, 11), PartialDate(2022, 5, 12), "Meeting")


def test_a_missing_catalog_is_named(tmp_path):
    sources = write_sources(tmp_path, {"catalog.yml": None})
    assert source_error(lambda: load_catalog(sources)).startswith(
        f"{sources / 'catalog.yml'}: the file does not exist."
    )

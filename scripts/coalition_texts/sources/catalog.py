"""Read and check `sources/catalog.yml` and `sources/events.yml` into typed records (kinds: kinds.py).

Every problem becomes a SourceError that names the file, the line, the entry and the field.
"""

from __future__ import annotations

import re
from pathlib import Path

from coalition_texts.model.dates import DATE_PARTS, PartialDate
from coalition_texts.model.records import Catalog, Document, Event
from coalition_texts.sources.files import check_name
from coalition_texts.sources.kinds import KINDS_FILE, load_kinds
from coalition_texts.sources.schema import Entry, entries, unique_id

LANGUAGE_PATTERN = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
DOCUMENT_FIELDS = {
    "id", "file", "original_file", "title", "title_supplied", "publisher",
    "publisher_supplied", "url", "url_supplied", "published", "date_supplied", "date_note", "place",
    "kind", "events", "language", "strip", "notes", "tags", "short_name",
}  # fmt: skip
DOCUMENT_REQUIRED = ["id", "file", "title", "publisher", "published", "kind", "events", "language"]
EVENT_FIELDS = {"id", "name", "short_name", "start", "end", "date_note", "place", "description"}
EVENT_REQUIRED = ["id", "name", "start", "description"]


def _date_parts(reader: Entry, field: str, date: PartialDate | None) -> tuple[str, ...]:
    """`true`/`false`, or a list of the parts of `date` not stated in the text, like [year]."""
    value = reader.entry.get(field, False)
    fix = "Write true (the whole date), false, or a list of the date's parts, like [year] or [month, year]."
    if value is False:
        return ()
    if date is None:
        raise reader.fail(field, "names a supplied date, but 'published' is null.", "Remove it, or give the date.")
    if value is True:
        return date.parts
    if not isinstance(value, list) or not value:
        raise reader.fail(field, f"must be true, false or a list of date parts, not {value!r}.", fix)
    for part in value:
        if part not in DATE_PARTS:
            raise reader.fail(field, f"{part!r} is not a part of a date.", "Use day, month or year. " + fix)
        if part not in date.parts:
            raise reader.fail(
                field, f"the date '{date.iso()}' has no {part}.", f"Its parts are: {', '.join(date.parts)}."
            )
    if len(set(value)) != len(value):
        raise reader.fail(field, "names a part twice.", fix)
    return tuple(part for part in date.parts if part in value)


def load_events(path: Path) -> tuple[Event, ...]:
    events: list[Event] = []
    seen: dict[str, int] = {}
    for index, entry in enumerate(entries(path, "events")):
        reader = Entry(path, entry, f"event {entry.get('id') or index + 1}")
        reader.check_fields(EVENT_FIELDS, EVENT_REQUIRED)
        identifier = unique_id(reader, seen)
        start, end = reader.date("start"), reader.date("end", optional=True)
        if end is not None and end < start:
            raise reader.fail("end", f"the end ({end.iso()}) is before the start ({start.iso()}).")
        name = reader.text("name")
        events.append(
            Event(
                id=identifier,
                name=name,
                short_name=reader.text("short_name", optional=True) or name,
                start=start,
                end=end,
                date_note=reader.text("date_note", optional=True),
                place=reader.text("place", optional=True),
                description=reader.text("description"),
            )
        )
    return tuple(events)


def load_catalog(sources: Path) -> Catalog:
    """Read the catalog's files of `sources/`, check every field and every cross-reference."""
    kinds = {kind.id: kind for kind in load_kinds(sources / KINDS_FILE)}
    events = load_events(sources / "events.yml")
    event_ids = {event.id for event in events}
    path = sources / "catalog.yml"
    documents: list[Document] = []
    seen: dict[str, int] = {}
    for index, entry in enumerate(entries(path, "documents")):
        reader = Entry(path, entry, f"document {entry.get('id') or index + 1}")
        reader.check_fields(DOCUMENT_FIELDS, DOCUMENT_REQUIRED)
        identifier = unique_id(reader, seen)
        kind = reader.text("kind")
        if kind not in kinds:
            raise reader.fail(
                "kind", f"unknown kind '{kind}'.", f"Use one of the ids of sources/{KINDS_FILE}: {', '.join(kinds)}."
            )
        doc_events = reader.texts("events")
        if not doc_events:
            raise reader.fail("events", "lists no event.", "Name at least one id from sources/events.yml.")
        for event_id in doc_events:
            if event_id not in event_ids:
                raise reader.fail(
                    "events", f"unknown event id '{event_id}'.", f"Known ids: {', '.join(sorted(event_ids))}."
                )
        language = reader.text("language")
        if not LANGUAGE_PATTERN.match(language):
            raise reader.fail("language", f"'{language}' is not a language tag.", "Write one like 'en' or 'fr'.")
        url = reader.address("url", optional=True)
        published = reader.date("published", optional=True)
        date_parts = _date_parts(reader, "date_supplied", published)
        url_supplied = reader.flag("url_supplied")
        if url_supplied and url is None:
            raise reader.fail("url_supplied", "is true, but 'url' is null.", "Remove it, or give the address.")
        date_note = reader.text("date_note", optional=True)
        if published is None and date_note is None:
            raise reader.fail("published", "is null but no 'date_note' says why.", "Add a date_note.")
        file_name = reader.text("file")
        check_name(file_name, f"{path}, line {entry.line_of('file')} (document {identifier}, field 'file')")
        documents.append(
            Document(
                id=identifier,
                file=file_name,
                original_file=reader.text("original_file", optional=True),
                title=reader.text("title"),
                title_supplied=reader.flag("title_supplied"),
                publisher=reader.text("publisher"),
                publisher_supplied=reader.flag("publisher_supplied"),
                url=url,
                published=published,
                date_supplied=bool(date_parts),
                date_note=date_note,
                place=reader.text("place", optional=True),
                kind=kind,
                events=doc_events,
                language=language,
                strip=reader.texts("strip"),
                notes=reader.text("notes", optional=True),
                tags=reader.texts("tags"),
                # Defaults to the publisher, the name a text was known by before short names existed.
                short_name=reader.text("short_name", optional=True) or reader.text("publisher"),
                kind_info=kinds[kind],
                line=entry.line,
                date_supplied_parts=date_parts,
                url_supplied=url_supplied,
            )
        )
    return Catalog(documents=tuple(documents), events=events, kinds=tuple(kinds.values()))

"""Read and check `sources/catalog.yml` and `sources/events.yml` into typed records.

Every problem becomes a SourceError that names the file, the line, the entry and the field.
"""

from __future__ import annotations

import re
from pathlib import Path

from coalition_texts.model.records import KINDS, Catalog, Document, Event
from coalition_texts.sources.schema import Entry, entries

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
LANGUAGE_PATTERN = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
URL_PATTERN = re.compile(r"^https?://[^\s]+$")
DOCUMENT_FIELDS = {
    "id", "file", "original_file", "title", "title_supplied", "publisher",
    "publisher_supplied", "url", "published", "date_supplied", "date_note", "place",
    "kind", "events", "language", "strip", "notes", "tags",
}  # fmt: skip
DOCUMENT_REQUIRED = ["id", "file", "title", "publisher", "published", "kind", "events", "language"]
EVENT_FIELDS = {"id", "name", "short_name", "start", "end", "date_note", "place", "description"}
EVENT_REQUIRED = ["id", "name", "start", "description"]


def _unique_id(reader: Entry, seen: dict[str, int]) -> str:
    identifier = reader.text("id")
    if not ID_PATTERN.match(identifier):
        raise reader.fail("id", f"'{identifier}' is not a valid id.", "Use lowercase letters, digits and hyphens.")
    if identifier in seen:
        raise reader.fail(
            "id", f"duplicate id '{identifier}' (first used on line {seen[identifier]}).", "Ids must be unique."
        )
    seen[identifier] = reader.entry.line
    return identifier


def load_events(path: Path) -> tuple[Event, ...]:
    events: list[Event] = []
    seen: dict[str, int] = {}
    for index, entry in enumerate(entries(path, "events")):
        reader = Entry(path, entry, f"event {entry.get('id') or index + 1}")
        reader.check_fields(EVENT_FIELDS, EVENT_REQUIRED)
        identifier = _unique_id(reader, seen)
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
    """Read both files of `sources/`, check every field and every cross-reference."""
    events = load_events(sources / "events.yml")
    event_ids = {event.id for event in events}
    path = sources / "catalog.yml"
    documents: list[Document] = []
    seen: dict[str, int] = {}
    for index, entry in enumerate(entries(path, "documents")):
        reader = Entry(path, entry, f"document {entry.get('id') or index + 1}")
        reader.check_fields(DOCUMENT_FIELDS, DOCUMENT_REQUIRED)
        identifier = _unique_id(reader, seen)
        kind = reader.text("kind")
        if kind not in KINDS:
            raise reader.fail("kind", f"unknown kind '{kind}'.", f"Use one of: {', '.join(KINDS)}.")
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
        url = reader.text("url", optional=True)
        if url is not None and not URL_PATTERN.match(url):
            raise reader.fail("url", f"'{url}' is not an http(s) address.", "Write the full address, or null.")
        published = reader.date("published", optional=True)
        date_note = reader.text("date_note", optional=True)
        if published is None and date_note is None:
            raise reader.fail("published", "is null but no 'date_note' says why.", "Add a date_note.")
        file_name = reader.text("file")
        if Path(file_name).is_absolute() or ".." in Path(file_name).parts:
            raise reader.fail("file", f"'{file_name}' must be a path inside sources/.")
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
                date_supplied=reader.flag("date_supplied"),
                date_note=date_note,
                place=reader.text("place", optional=True),
                kind=kind,
                events=doc_events,
                language=language,
                strip=reader.texts("strip"),
                notes=reader.text("notes", optional=True),
                tags=reader.texts("tags"),
                line=entry.line,
            )
        )
    return Catalog(documents=tuple(documents), events=events)

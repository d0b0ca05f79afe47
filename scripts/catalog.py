"""Read and check `sources/catalog.yml`, `sources/events.yml` and `sources/kinds.yml` into typed records.

Every problem becomes a SourceError that names the file, the line, the entry and the field.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from pathlib import Path

from errors import SourceError
from yaml_lines import LineDict, load_yaml

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
LANGUAGE_PATTERN = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
DATE_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
URL_PATTERN = re.compile(r"^https?://[^\s]+$")
MONTHS = [
    "", "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip

DOCUMENT_FIELDS = {
    "id", "file", "original_file", "title", "title_supplied", "publisher",
    "publisher_supplied", "url", "published", "date_supplied", "date_note", "place",
    "kind", "events", "language", "strip", "notes", "tags", "short_name",
}  # fmt: skip
DOCUMENT_REQUIRED = ["id", "file", "title", "publisher", "published", "kind", "events", "language"]
EVENT_FIELDS = {"id", "name", "short_name", "start", "end", "date_note", "place", "description"}
EVENT_REQUIRED = ["id", "name", "start", "description"]
KIND_FIELDS = {"id", "label", "description", "origin", "csl_type", "ris_type", "schema_type", "author_is_publisher"}
# Who puts a text's words out; each origin has its own badge style (docs/stylesheets/site.css).
ORIGINS = {
    "first-hand": "issued by the body that wrote it",
    "reported": "relayed by a news outlet or wire",
    "unattributed": "no author or organisation named",
}
KINDS_FILE = "kinds.yml"


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day: only as precise as the evidence."""

    year: int
    month: int = 0
    day: int = 0

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def iso(self) -> str:
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def human(self) -> str:
        if self.day:
            return f"{self.day} {MONTHS[self.month]} {self.year}"
        if self.month:
            return f"{MONTHS[self.month]} {self.year}"
        return str(self.year)


@dataclass(frozen=True)
class Event:
    id: str
    name: str
    short_name: str
    start: PartialDate
    end: PartialDate | None
    date_note: str | None
    place: str | None
    description: str

    def when(self) -> str:
        return f"from {self.start.human()}" if self.end is None else date_range(self.start, self.end)


def date_range(start: PartialDate, end: PartialDate | None) -> str:
    """'11 May 2022', '1–2 March 2023' or 'December 2021 – May 2022' (a single date when `end` is None)."""
    if end is None or end == start:
        return start.human()
    if start.precision == end.precision == "day" and (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {MONTHS[start.month]} {start.year}"
    return f"{start.human()} – {end.human()}"


@dataclass(frozen=True)
class Kind:
    """A kind of source (`sources/kinds.yml`): what a text is, and so how far it can be relied on."""

    id: str
    label: str  # shown beside the title in lists, page heads and search results
    description: str  # the About page's explanation
    origin: str  # a key of ORIGINS
    csl_type: str
    ris_type: str
    schema_type: str
    author_is_publisher: bool  # the publisher issued the text in its own name (citations name it as author)


@dataclass(frozen=True)
class Document:
    id: str
    file: str
    original_file: str | None
    title: str
    title_supplied: bool
    publisher: str
    publisher_supplied: bool
    url: str | None
    published: PartialDate | None
    date_supplied: bool
    date_note: str | None
    place: str | None
    kind: str
    events: tuple[str, ...]
    language: str
    strip: tuple[str, ...]
    notes: str | None
    tags: tuple[str, ...]
    short_name: str  # how the text is named in passing (notes, comparisons, evidence links, search results)
    kind_info: Kind  # the record of `kind`, from sources/kinds.yml
    line: int  # where the entry starts in catalog.yml, for messages

    @property
    def kind_label(self) -> str:
        return self.kind_info.label

    @property
    def date_human(self) -> str:
        return self.published.human() if self.published else "Date unknown"


@dataclass(frozen=True)
class Catalog:
    documents: tuple[Document, ...]
    events: tuple[Event, ...]
    kinds: tuple[Kind, ...] = ()

    def event(self, event_id: str) -> Event:
        return next(event for event in self.events if event.id == event_id)


class _Entry:
    """Reads the fields of one YAML entry, turning every problem into a located SourceError."""

    def __init__(self, path: Path, entry: LineDict, label: str):
        self.path, self.entry, self.label = path, entry, label

    def fail(self, field: str | None, problem: str, fix: str = "") -> SourceError:
        line = self.entry.line_of(field) if field else self.entry.line
        where = f"{self.path}, line {line} ({self.label}"
        where += f", field '{field}')" if field else ")"
        return SourceError(where, problem, fix)

    def check_fields(self, allowed: set[str], required: list[str]) -> None:
        for key in self.entry:
            if key not in allowed:
                raise self.fail(key, f"unknown field '{key}'.", f"Allowed fields: {', '.join(sorted(allowed))}.")
        for key in required:
            if key not in self.entry:
                raise self.fail(None, f"the required field '{key}' is missing.", "Add it.")

    def text(self, field: str, *, optional: bool = False) -> str | None:
        value = self.entry.get(field)
        if value is None and optional:
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.fail(field, "must be a non-empty text.")
        return " ".join(value.split())

    def flag(self, field: str) -> bool:
        value = self.entry.get(field, False)
        if not isinstance(value, bool):
            raise self.fail(field, f"must be true or false, not {value!r}.")
        return value

    def texts(self, field: str) -> tuple[str, ...]:
        value = self.entry.get(field) or []
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail(field, "must be a list of non-empty texts, like [a, b].")
        return tuple(value)

    def date(self, field: str, *, optional: bool = False) -> PartialDate | None:
        value = self.entry.get(field)
        if value is None:
            if optional:
                return None
            raise self.fail(field, "is empty.", "Write YYYY-MM-DD, YYYY-MM or YYYY.")
        match = DATE_PATTERN.match(str(value))
        if not match:
            raise self.fail(field, f"'{value}' is not a date.", "Write YYYY-MM-DD, YYYY-MM or YYYY.")
        year, month, day = (int(part) if part else 0 for part in match.groups())
        if match.group(2) and not 1 <= month <= 12:
            raise self.fail(field, f"'{value}' is an impossible date (no month {month}).")
        if match.group(3) and not 1 <= day <= calendar.monthrange(year, month)[1]:
            raise self.fail(field, f"'{value}' is an impossible date ({MONTHS[month]} {year} has no day {day}).")
        return PartialDate(year, month, day)


def _entries(path: Path, key: str) -> list[LineDict]:
    data = load_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get(key), list):
        raise SourceError(str(path), f"must be a mapping with a list under '{key}:'.", "See README.md.")
    for index, entry in enumerate(data[key]):
        if not isinstance(entry, LineDict):
            raise SourceError(str(path), f"entry {index + 1} under '{key}:' is not a mapping.")
    return data[key]


def _unique_id(reader: _Entry, seen: dict[str, int]) -> str:
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
    events, seen = [], {}
    for index, entry in enumerate(_entries(path, "events")):
        reader = _Entry(path, entry, f"event {entry.get('id') or index + 1}")
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


def load_kinds(path: Path) -> tuple[Kind, ...]:
    """Read `sources/kinds.yml`: the kinds of source a catalog entry may name."""
    kinds, seen = [], {}
    for index, entry in enumerate(_entries(path, "kinds")):
        reader = _Entry(path, entry, f"kind {entry.get('id') or index + 1}")
        reader.check_fields(KIND_FIELDS, sorted(KIND_FIELDS))
        identifier = _unique_id(reader, seen)
        origin = reader.text("origin")
        if origin not in ORIGINS:
            raise reader.fail("origin", f"unknown origin '{origin}'.", f"Use one of: {', '.join(ORIGINS)}.")
        kinds.append(
            Kind(
                id=identifier,
                label=reader.text("label"),
                description=reader.text("description"),
                origin=origin,
                csl_type=reader.text("csl_type"),
                ris_type=reader.text("ris_type"),
                schema_type=reader.text("schema_type"),
                author_is_publisher=reader.flag("author_is_publisher"),
            )
        )
    if not kinds:
        raise SourceError(str(path), "lists no kind.", "Add at least one (see README.md, 'Kinds of source').")
    return tuple(kinds)


def load_catalog(sources: Path) -> Catalog:
    """Read the files of `sources/`, check every field and every cross-reference."""
    kinds = {kind.id: kind for kind in load_kinds(sources / KINDS_FILE)}
    events = load_events(sources / "events.yml")
    event_ids = {event.id for event in events}
    path = sources / "catalog.yml"
    documents, seen = [], {}
    for index, entry in enumerate(_entries(path, "documents")):
        reader = _Entry(path, entry, f"document {entry.get('id') or index + 1}")
        reader.check_fields(DOCUMENT_FIELDS, DOCUMENT_REQUIRED)
        identifier = _unique_id(reader, seen)
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
                # Defaults to the publisher, the name a text was known by before short names existed.
                short_name=reader.text("short_name", optional=True) or reader.text("publisher"),
                kind_info=kinds[kind],
                line=entry.line,
            )
        )
    return Catalog(documents=tuple(documents), events=events, kinds=tuple(kinds.values()))

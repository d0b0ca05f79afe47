"""Read and check the site's own prose in `sources/editorial/` (rendered by pages/events.py and pages/overview.py).

Written by hand (see README.md); every `[[...]]` evidence reference is kept as written, with where
it was written, and checked when the pages link it (analysis/evidence.py):

- `events/<event-id>.md`: one file per event of `sources/events.yml`. Its first paragraph is the
  event's summary (on the event page, the events list and the home page); the rest is the body.
- `timeline.yml`: dated entries, each with its text and evidence.
- `differences.yml`: topics on which the texts disagree, each with the texts' own words (checked
  against the paragraph they are quoted from) and the site's notes.
- in both, beside the list, the page's `description` (its meta description) and `summary` (its card
  on the home page): they state what the entries hold, so they are written with them, not in code.
- `sources.yml`: the public sources that references
  may name besides paragraphs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from coalition_texts.model.dates import PartialDate
from coalition_texts.model.errors import SourceError
from coalition_texts.model.records import Catalog, EvidenceSources, PublicSource
from coalition_texts.sources.files import read_bytes
from coalition_texts.sources.schema import ID_PATTERN, Entry, listing
from coalition_texts.sources.yaml_lines import LineDict, load_yaml

FOLDER = "editorial"  # under sources/
TIMELINE_FIELDS = {"date", "end", "text", "evidence", "event"}
TOPIC_FIELDS = {"id", "title", "intro", "rows", "text"}
ROW_FIELDS = {"ref", "quote", "note"}
SOURCE_FIELDS = {"id", "label", "description", "url"}
PAGE_FIELDS = ["description", "summary"]  # beside the list of timeline.yml and differences.yml

Locator = Callable[[int], str]  # an offset in a text -> 'path, line N' (for messages)


def line_locator(path: Path, text: str, first_line: int = 1) -> Locator:
    """A function from an offset in `text` to 'path, line N' (for messages)."""
    return lambda offset: f"{path}, line {first_line + text.count(chr(10), 0, offset)}"


def field_locator(reader: Entry, field: str) -> Locator:
    """Every offset in a field's text located at the field's line (YAML folds lines)."""
    where = f"{reader.path}, line {reader.entry.line_of(field)} ({reader.label}, field '{field}')"
    return lambda offset: where


@dataclass(frozen=True)
class EventText:
    """An event's text as written: the summary (`lead`) and the rest (`body`), references unresolved."""

    lead: str
    body: str
    lead_at: Locator
    body_at: Locator


@dataclass(frozen=True)
class TimelineEntry:
    start: PartialDate
    end: PartialDate | None
    text: str
    text_at: Locator
    evidence: tuple[str, ...]
    evidence_at: str
    event: str | None
    index: int  # the order written, which breaks ties between entries of the same date


@dataclass(frozen=True)
class Quote:
    """A row of a differences table: a paragraph, its exact words, and the site's note."""

    ref: str
    ref_at: str
    quote: str
    quote_at: str
    note: str | None
    note_at: Locator


@dataclass(frozen=True)
class DifferenceTopic:
    id: str
    title: str
    intro: str | None
    intro_at: Locator
    rows: tuple[Quote, ...] | None
    text: str | None  # kept as written (not joined into one line): it may hold Markdown lists
    text_at: Locator


@dataclass(frozen=True)
class PageText:
    """What a page of the site's own prose says of itself, as plain text: `description`, its meta description
    (search engines, link previews, JSON-LD), and `summary`, its card on the home page."""

    description: str
    summary: str


@dataclass(frozen=True)
class Editorial:
    events: dict[str, EventText]
    timeline: tuple[TimelineEntry, ...]
    differences: tuple[DifferenceTopic, ...]
    timeline_page: PageText
    differences_page: PageText


def _event_texts(folder: Path, catalog: Catalog) -> dict[str, EventText]:
    known = {event.id for event in catalog.events}
    for path in sorted(folder.glob("*.md")):
        if path.stem not in known:
            raise SourceError(str(path), f"no event '{path.stem}' in sources/events.yml.", "Rename or remove it.")
    texts = {}
    for event in catalog.events:
        path = folder / f"{event.id}.md"
        if not path.exists() and not path.is_symlink():
            raise SourceError(str(path), f"is missing: event '{event.id}' needs its page text.", "See README.md.")
        try:
            text = read_bytes(path, str(path)).decode("utf-8").strip() + "\n"
        except UnicodeDecodeError as error:
            raise SourceError(str(path), f"is not UTF-8 (byte {error.start}).", "Save it as UTF-8.") from None
        lead, _, body = text.partition("\n\n")
        if not lead.strip() or lead.lstrip().startswith("#"):
            raise SourceError(f"{path}, line 1", "must start with a summary paragraph.", "Headings come after it.")
        texts[event.id] = EventText(
            lead=lead,
            body=body,
            lead_at=line_locator(path, text),
            body_at=line_locator(path, body, 1 + text[: len(lead) + 2].count("\n")),
        )
    return texts


def _timeline(path: Path, data: LineDict, catalog: Catalog) -> tuple[TimelineEntry, ...]:
    """The entries of timeline.yml (`data`, checked by `listing`)."""
    events = {event.id for event in catalog.events}
    found = []
    for index, entry in enumerate(data["entries"]):
        reader = Entry(path, entry, f"timeline entry {index + 1}")
        reader.check_fields(TIMELINE_FIELDS, ["date", "text", "evidence"])
        start, end = reader.date("date"), reader.date("end", optional=True)
        if end is not None and end < start:
            raise reader.fail("end", f"the end ({end.iso()}) is before the date ({start.iso()}).")
        event_id = reader.text("event", optional=True)
        if event_id is not None and event_id not in events:
            raise reader.fail("event", f"unknown event id '{event_id}'.", f"Known ids: {', '.join(sorted(events))}.")
        targets = reader.texts("evidence")
        if not targets:
            raise reader.fail("evidence", "is empty: every entry needs its evidence.")
        text = reader.text("text")
        evidence_at = field_locator(reader, "evidence")(0)
        found.append(
            TimelineEntry(start, end, text, field_locator(reader, "text"), targets, evidence_at, event_id, index)
        )
    return tuple(found)


def _row(reader: Entry, row: LineDict) -> Quote:
    row_reader = Entry(reader.path, row, reader.label + ", row")
    row_reader.check_fields(ROW_FIELDS, ["quote", "ref"])
    ref, quote = row_reader.text("ref"), row_reader.text("quote")
    quote_at = str(row_reader.fail("quote", "").where)
    return Quote(
        ref,
        field_locator(row_reader, "ref")(0),
        quote,
        quote_at,
        row_reader.text("note", optional=True),
        field_locator(row_reader, "note"),
    )


def _differences(path: Path, data: LineDict) -> tuple[DifferenceTopic, ...]:
    """The topics of differences.yml (`data`, checked by `listing`)."""
    topics = []
    seen: set[str] = set()
    for index, topic in enumerate(data["topics"]):
        reader = Entry(path, topic, f"topic {topic.get('id') or index + 1}")
        reader.check_fields(TOPIC_FIELDS, ["id", "title"])
        identifier = reader.text("id")
        if identifier in seen:
            raise reader.fail("id", f"duplicate id '{identifier}'.")
        seen.add(identifier)
        if "rows" not in topic and "text" not in topic:
            raise reader.fail(None, "has neither 'rows' nor 'text'.", "Add the texts' words or a note.")
        title = reader.text("title")
        intro = reader.text("intro", optional=True)
        rows = None
        if "rows" in topic:
            listed = topic["rows"]
            if not isinstance(listed, list) or not listed or not all(isinstance(r, LineDict) for r in listed):
                raise reader.fail("rows", "must be a list of mappings with 'ref', 'quote' and optionally 'note'.")
            rows = tuple(_row(reader, row) for row in listed)
        text = None
        if "text" in topic:
            text = topic["text"]
            if not isinstance(text, str) or not text.strip():
                raise reader.fail("text", "must be a non-empty text.")
            text = text.strip()
        topics.append(
            DifferenceTopic(
                identifier,
                title,
                intro,
                field_locator(reader, "intro"),
                rows,
                text,
                field_locator(reader, "text"),
            )
        )
    return tuple(topics)


def _page_text(path: Path, data: LineDict, key: str, label: str) -> PageText:
    """The page's `description` and `summary`, beside its list under `key:` (in `data`, checked by `listing`)."""
    reader = Entry(path, data, label)
    reader.check_fields({key, *PAGE_FIELDS}, PAGE_FIELDS)
    return PageText(reader.text("description"), reader.text("summary"))


def load_editorial(sources: Path, catalog: Catalog) -> Editorial:
    folder = sources / FOLDER
    timeline, differences = folder / "timeline.yml", folder / "differences.yml"
    events = _event_texts(folder / "events", catalog)
    # Each file is parsed once; its list and the page's fields beside it are read from that mapping.
    timeline_data = listing(timeline, "entries", non_empty=True)
    timeline_entries = _timeline(timeline, timeline_data, catalog)
    differences_data = listing(differences, "topics", non_empty=True)
    return Editorial(
        events=events,
        timeline=timeline_entries,
        differences=_differences(differences, differences_data),
        timeline_page=_page_text(timeline, timeline_data, "entries", "the timeline page"),
        differences_page=_page_text(differences, differences_data, "topics", "the differences page"),
    )


def load_evidence_sources(sources: Path, catalog: Catalog) -> EvidenceSources:
    """Read `sources/editorial/sources.yml`: the public sources (documents are named by their short names)."""
    path = sources / FOLDER / "sources.yml"
    data = load_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("public_sources"), list):
        raise SourceError(str(path), "must be a mapping with a list under 'public_sources:'.", "See README.md.")
    if "document_labels" in data:  # the short names' old place: one place only, or the two would drift apart
        line = data.line_of("document_labels") if isinstance(data, LineDict) else 0
        raise SourceError(
            f"{path}, line {line} (field 'document_labels')",
            "short names of documents are no longer read here.",
            "Give each document a short_name in sources/catalog.yml and remove document_labels.",
        )
    known = {doc.id for doc in catalog.documents}
    public: dict[str, PublicSource] = {}
    for index, entry in enumerate(data["public_sources"]):
        if not isinstance(entry, LineDict):
            raise SourceError(str(path), f"entry {index + 1} under 'public_sources:' is not a mapping.")
        reader = Entry(path, entry, f"public source {entry.get('id') or index + 1}")
        reader.check_fields(SOURCE_FIELDS, sorted(SOURCE_FIELDS))
        identifier = reader.text("id")
        if not ID_PATTERN.match(identifier) or identifier in known or identifier in public:
            raise reader.fail("id", f"'{identifier}' is not a new id.", "Use lowercase words joined by hyphens.")
        url = reader.address("url")
        public[identifier] = PublicSource(identifier, reader.text("label"), reader.text("description"), url)
    return EvidenceSources(public)

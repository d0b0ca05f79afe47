"""The site's own prose: what happened at each event, the timeline, and where the sources differ.

Written by hand in `sources/editorial/` (see README.md) and rendered here into Markdown, with
every `[[...]]` evidence reference checked and turned into paragraph links by `evidence.py`:

- `events/<event-id>.md`: one file per event of `sources/events.yml`. Its first paragraph is the
  event's summary (on the event page, the events list and the home page); the rest is the body.
- `timeline.yml`: dated entries, each with its text and evidence.
- `differences.yml`: topics on which the texts disagree, each with the texts' own words (checked
  against the paragraph they are quoted from) and the site's notes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from catalog import Catalog, _Entry, date_range
from errors import SourceError
from evidence import Evidence, line_locator
from markdown_text import md_escape
from page_render import front_matter
from source_files import read_bytes
from yaml_lines import LineDict, load_yaml

TIMELINE_FIELDS = {"date", "end", "text", "evidence", "event"}
TOPIC_FIELDS = {"id", "title", "intro", "rows", "text"}
ROW_FIELDS = {"ref", "quote", "note"}
FOLDER = "overview"  # the generated folder of docs/ that holds the timeline and the differences
SITE_NOTE = "{: .site-note }"  # marks the site's guidance to readers, as opposed to statements of fact


@dataclass(frozen=True)
class EventText:
    lead: str  # Markdown of the summary, links relative to docs/events/
    body: str
    home_lead: str  # the same summary with links relative to the docs root


@dataclass(frozen=True)
class Editorial:
    events: dict[str, EventText]
    timeline: str  # the page's Markdown
    differences: str

    @property
    def pages(self) -> dict[str, str]:
        return {f"{FOLDER}/timeline.md": self.timeline, f"{FOLDER}/differences.md": self.differences}


def _event_texts(folder: Path, catalog: Catalog, evidence: Evidence) -> dict[str, EventText]:
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
        where = line_locator(path, text)
        body_where = line_locator(path, body, 1 + text[: len(lead) + 2].count("\n"))
        texts[event.id] = EventText(
            lead=evidence.expand(lead, where, "../") + "\n",
            body=evidence.expand(body, body_where, "../"),
            home_lead=evidence.expand(lead, where, "") + "\n",
        )
    return texts


def _with_evidence(text: str, links: str) -> str:
    """The sentence with its evidence before the final full stop, where a reader expects it."""
    if text.endswith("."):
        return f"{text[:-1]} {links}."
    return f"{text} {links}"


def _entries(path: Path, key: str) -> list[LineDict]:
    data = load_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get(key), list) or not data[key]:
        raise SourceError(str(path), f"must be a mapping with a non-empty list under '{key}:'.", "See README.md.")
    for index, entry in enumerate(data[key]):
        if not isinstance(entry, LineDict):
            raise SourceError(str(path), f"entry {index + 1} under '{key}:' is not a mapping.")
    return data[key]


def _where(reader: _Entry, field: str):
    return lambda offset: f"{reader.path}, line {reader.entry.line_of(field)} ({reader.label}, field '{field}')"


def timeline_page(path: Path, catalog: Catalog, evidence: Evidence) -> str:
    events = {event.id: event for event in catalog.events}
    entries = []
    for index, entry in enumerate(_entries(path, "entries")):
        reader = _Entry(path, entry, f"timeline entry {index + 1}")
        reader.check_fields(TIMELINE_FIELDS, ["date", "text", "evidence"])
        start, end = reader.date("date"), reader.date("end", optional=True)
        if end is not None and end < start:
            raise reader.fail("end", f"the end ({end.iso()}) is before the date ({start.iso()}).")
        event_id = reader.text("event", optional=True)
        if event_id is not None and event_id not in events:
            raise reader.fail("event", f"unknown event id '{event_id}'.", f"Known ids: {', '.join(sorted(events))}.")
        targets = list(reader.texts("evidence"))
        if not targets:
            raise reader.fail("evidence", "is empty: every entry needs its evidence.")
        text = evidence.expand(reader.text("text"), _where(reader, "text"), "../")
        line = _with_evidence(text, evidence.links(targets, _where(reader, "evidence")(0), "../"))
        if event_id:
            line += f" [{md_escape(events[event_id].short_name)}](../events/{event_id}.md)"
        # A date known only to the month (or year) sorts after the days of that month (or year).
        order = (start.year, start.month or 13, start.day or 32, index)
        entries.append((order, start.year, date_range(start, end), line))
    parts = [
        front_matter(
            {
                "title": "Timeline",
                "description": "From the Coalition's founding in 2014 to the Africa Focus Group's Niamey meeting "
                "in 2023, each entry linked to its evidence.",
            }
        ),
        "\n# Timeline\n\n",
        "Each entry links to the paragraph of the text, or the public source, that states it; where an entry "
        "concerns one of the site's events, the event's page is linked after it.\n" + SITE_NOTE + "\n",
    ]
    year = None
    for _, entry_year, when, line in sorted(entries):
        if entry_year != year:
            parts.append(f"\n## {entry_year}\n")
            year = entry_year
        parts.append(f"\n{md_escape(when)}\n:   {line}\n")
    return "".join(parts)


def _row(reader: _Entry, row: LineDict, evidence: Evidence) -> str:
    """One table row: the text and paragraph, its exact words (checked), and the site's note."""
    row_reader = _Entry(reader.path, row, reader.label + ", row")
    row_reader.check_fields(ROW_FIELDS, ["quote", "ref"])
    target, quote = row_reader.text("ref"), row_reader.text("quote")
    paragraph = evidence.paragraph(target, _where(row_reader, "ref")(0))
    if quote not in " ".join(paragraph.text.split()):
        raise row_reader.fail("quote", f"these words are not in {target}: “{quote}”.", "Quote the text exactly.")
    note = row_reader.text("note", optional=True)
    note_md = evidence.expand(note, _where(row_reader, "note"), "../") if note else ""
    words = evidence.paragraph_link(paragraph, "../", text=f"“{md_escape(quote)}”")
    return f"| {evidence.paragraph_link(paragraph, '../')} | {words} | {note_md} |"


def differences_page(path: Path, evidence: Evidence) -> str:
    parts = [
        front_matter(
            {
                "title": "Where the sources differ",
                "description": "What the texts state differently: the Coalition's size, the statement's date, "
                "spellings and names, and what each report leaves out.",
            }
        ),
        "\n# Where the sources differ\n\n",
        "The texts do not always agree. This page sets side by side what each one says, in its own words and "
        "with a link to the paragraph; it does not decide which is right.\n" + SITE_NOTE + "\n",
    ]
    seen: set[str] = set()
    for index, topic in enumerate(_entries(path, "topics")):
        reader = _Entry(path, topic, f"topic {topic.get('id') or index + 1}")
        reader.check_fields(TOPIC_FIELDS, ["id", "title"])
        identifier = reader.text("id")
        if identifier in seen:
            raise reader.fail("id", f"duplicate id '{identifier}'.")
        seen.add(identifier)
        if "rows" not in topic and "text" not in topic:
            raise reader.fail(None, "has neither 'rows' nor 'text'.", "Add the texts' words or a note.")
        parts.append(f"\n## {md_escape(reader.text('title'))} {{ #{identifier} }}\n")
        intro = reader.text("intro", optional=True)
        if intro:
            parts.append("\n" + evidence.expand(intro, _where(reader, "intro"), "../") + "\n")
        if "rows" in topic:
            rows = topic["rows"]
            if not isinstance(rows, list) or not rows or not all(isinstance(r, LineDict) for r in rows):
                raise reader.fail("rows", "must be a list of mappings with 'ref', 'quote' and optionally 'note'.")
            table = ["| Text | Its words | Notes |", "| --- | --- | --- |"]
            parts.append("\n" + "\n".join(table + [_row(reader, row, evidence) for row in rows]) + "\n")
        if "text" in topic:
            # Kept as written (not joined into one line): the text may hold Markdown lists.
            text = topic["text"]
            if not isinstance(text, str) or not text.strip():
                raise reader.fail("text", "must be a non-empty text.")
            parts.append("\n" + evidence.expand(text.strip(), _where(reader, "text"), "../") + "\n")
    return "".join(parts)


def load_editorial(sources: Path, catalog: Catalog, evidence: Evidence) -> Editorial:
    folder = sources / "editorial"
    return Editorial(
        events=_event_texts(folder / "events", catalog, evidence),
        timeline=timeline_page(folder / "timeline.yml", catalog, evidence),
        differences=differences_page(folder / "differences.yml", evidence),
    )


def home_events(catalog: Catalog, editorial: Editorial) -> str:
    """The home page's lead: a card per event with its summary, then the timeline and the differences."""
    cards = []
    for event in catalog.events:
        place = f", {md_escape(event.place)}" if event.place else ""
        cards.append(
            f"-   **[{md_escape(event.name)}](events/{event.id}.md)**\n\n"
            f"    {md_escape(event.when())}{place}\n\n"
            f"    {editorial.events[event.id].home_lead.strip()}\n"
        )
    cards.append(
        "-   **[Timeline](overview/timeline.md)**\n\n"
        "    From the Coalition's founding in 2014 to the Niamey meeting, entry by entry.\n"
    )
    cards.append(
        "-   **[Where the sources differ](overview/differences.md)**\n\n"
        "    The Coalition's size, the statement's date, spellings and names, and what each report leaves out.\n"
    )
    return '<div class="grid cards" markdown>\n\n' + "\n".join(cards) + "\n</div>\n"

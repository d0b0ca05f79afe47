"""Write the generated folder `docs/overview/`: the timeline and where the sources differ.

The text is the site's own prose from `sources/editorial/` (read by sources/editorial.py); every
`[[...]]` evidence reference becomes links to the paragraphs (pages/evidence_links.py), and each
quotation of the differences is checked against the paragraph it is quoted from.
"""

from __future__ import annotations

from coalition_texts.model.dates import date_range
from coalition_texts.model.errors import SourceError
from coalition_texts.model.records import Catalog
from coalition_texts.model.urls import DIFFERENCES, TIMELINE, event_page, prefix
from coalition_texts.pages.evidence_links import Links
from coalition_texts.pages.markdown import front_matter, md_escape
from coalition_texts.sources.editorial import DifferenceTopic, Editorial, Quote, TimelineEntry

SITE_NOTE = "{: .site-note }"  # marks the site's guidance to readers, as opposed to statements of fact
PREFIX = prefix(TIMELINE)  # from docs/overview/ to the docs root


def _with_evidence(text: str, links: str) -> str:
    """The sentence with its evidence before the final full stop, where a reader expects it."""
    if text.endswith("."):
        return f"{text[:-1]} {links}."
    return f"{text} {links}"


def timeline_page(timeline: tuple[TimelineEntry, ...], catalog: Catalog, links: Links, description: str) -> str:
    """The timeline; `description` is the page's own, from timeline.yml (it says what the entries cover)."""
    events = {event.id: event for event in catalog.events}
    entries = []
    for entry in timeline:
        text = links.expand(entry.text, entry.text_at, PREFIX)
        line = _with_evidence(text, links.links(entry.evidence, entry.evidence_at, PREFIX))
        if entry.event:
            line += f" [{md_escape(events[entry.event].short_name)}]({PREFIX}{event_page(entry.event)})"
        start = entry.start
        # A date known only to the month (or year) sorts after the days of that month (or year).
        order = (start.year, start.month or 13, start.day or 32, entry.index)
        entries.append((order, start.year, date_range(start, entry.end), line))
    parts = [
        front_matter({"title": "Timeline", "description": description}),
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


def _row(row: Quote, links: Links) -> str:
    """One table row: the text and paragraph, its exact words (checked), and the site's note."""
    paragraph = links.evidence.paragraph(row.ref, row.ref_at)
    if row.quote not in " ".join(paragraph.text.split()):
        raise SourceError(row.quote_at, f"these words are not in {row.ref}: “{row.quote}”.", "Quote the text exactly.")
    note_md = links.expand(row.note, row.note_at, PREFIX) if row.note else ""
    words = links.paragraph_link(paragraph, PREFIX, text=f"“{md_escape(row.quote)}”")
    return f"| {links.paragraph_link(paragraph, PREFIX)} | {words} | {note_md} |"


def _topic(topic: DifferenceTopic, links: Links) -> list[str]:
    parts = [f"\n## {md_escape(topic.title)} {{ #{topic.id} }}\n"]
    if topic.intro:
        parts.append("\n" + links.expand(topic.intro, topic.intro_at, PREFIX) + "\n")
    if topic.rows is not None:
        table = ["| Text | Its words | Notes |", "| --- | --- | --- |"]
        parts.append("\n" + "\n".join(table + [_row(row, links) for row in topic.rows]) + "\n")
    if topic.text is not None:
        parts.append("\n" + links.expand(topic.text, topic.text_at, PREFIX) + "\n")
    return parts


def differences_page(topics: tuple[DifferenceTopic, ...], links: Links, description: str) -> str:
    """The differences; `description` is the page's own, from differences.yml (it names what the topics cover)."""
    parts = [
        front_matter({"title": "Where the sources differ", "description": description}),
        "\n# Where the sources differ\n\n",
        "The texts do not always agree. This page sets side by side what each one says, in its own words and "
        "with a link to the paragraph; it does not decide which is right.\n" + SITE_NOTE + "\n",
    ]
    for topic in topics:
        parts += _topic(topic, links)
    return "".join(parts)


def pages(editorial: Editorial, catalog: Catalog, links: Links) -> dict[str, str]:
    """The folder's pages, by their path under docs/."""
    return {
        TIMELINE: timeline_page(editorial.timeline, catalog, links, editorial.timeline_page.description),
        DIFFERENCES: differences_page(editorial.differences, links, editorial.differences_page.description),
    }

"""The lists several generated folders show: a card per document, and an event's dates and summary.

The documents' list (pages/documents.py), an event's documents (pages/events.py) and the home page's
newest documents and events (pages/snippets.py) are the same lists: written here once, so that a
document or an event reads alike wherever it is listed, and no page writer imports another.
"""

from __future__ import annotations

from coalition_texts.model.records import Catalog, Document, Event, sort_key
from coalition_texts.model.urls import document_page as document_path
from coalition_texts.model.urls import event_page, prefix
from coalition_texts.pages.evidence_links import Links
from coalition_texts.pages.kinds import kind_badge
from coalition_texts.pages.markdown import html_attr, md_breakable, md_escape
from coalition_texts.pages.marks import supplied_mark
from coalition_texts.sources.editorial import EventText


def date_cell(doc: Document) -> str:
    if doc.published is None:
        return "Date unknown"
    return md_escape(doc.published.human()) + supplied_cell_note(doc)


def supplied_date_mark(doc: Document) -> str:
    """ "supplied", or "year supplied" where the text gives the rest of the date; "" where nothing is supplied."""
    if not doc.published or not doc.date_supplied_parts:
        return ""
    if doc.date_supplied_parts == doc.published.parts:
        return "supplied"
    return f"{' and '.join(doc.date_supplied_parts)} supplied"


def supplied_cell_note(doc: Document) -> str:
    """What follows a listing's date: "(supplied)", or "(year supplied)" where only the year is."""
    mark = supplied_date_mark(doc)
    return " " + supplied_mark(f"({mark})") if mark else ""


def event_links(doc: Document, catalog: Catalog, prefix: str) -> str:
    return ", ".join(f"[{md_escape(catalog.event(e).short_name)}]({prefix}{event_page(e)})" for e in doc.events)


def _card(doc: Document, catalog: Catalog, prefix: str) -> str:
    """One document of a list: its title, then kind, publisher, date and events (the list's filters read the data-*)."""
    events = " ".join(doc.events)
    # A supplied title or publisher is marked in the listing as on the page: not the text's own.
    title_note = " " + supplied_mark("(supplied)") if doc.title_supplied else ""
    publisher_note = " " + supplied_mark("(supplied)") if doc.publisher_supplied else ""
    return (
        f'<li class="doc-card" data-kind="{html_attr(doc.kind)}" data-events="{html_attr(events)}"'
        f' data-publisher="{html_attr(doc.publisher)}" markdown="block">\n'
        f'<p class="doc-card__title" markdown="span">[{md_escape(doc.title)}]({prefix}{document_path(doc.id)})'
        f"{title_note}</p>\n"
        f'<p class="doc-card__meta" markdown="span">{kind_badge(doc)} '
        f'<span class="doc-card__fact">{md_breakable(doc.publisher)}{publisher_note}</span> '
        f'<span class="doc-card__fact">{date_cell(doc)}</span> '
        f'<span class="doc-card__fact">{event_links(doc, catalog, prefix)}</span></p>\n'
        "</li>\n"
    )


def documents_list(docs: list[Document], catalog: Catalog, prefix: str, *, filters: bool = False) -> str:
    """A list of documents, newest first, one card each; `prefix` leads from the page's folder to the docs root.

    The list is complete HTML: with `filters`, docs/javascripts/document-filters.js adds controls to
    narrow it by kind, event and publisher, and without script every document shows.
    """
    cards = "".join(_card(doc, catalog, prefix) for doc in sorted(docs, key=sort_key))
    if not filters:
        return f'<ul class="doc-cards" markdown="block">\n{cards}</ul>\n'
    # The script fills the slot; its room is kept from the start, so that nothing moves when it does, and
    # given back when script is off (the <noscript> style), so that no empty space stands above the list.
    slot = (
        '<div class="doc-filters-slot"></div>\n'
        "<noscript><style>.doc-filters-slot { display: none; }</style></noscript>\n\n"
    )
    return slot + f'<ul class="doc-cards" data-filterable="" markdown="block">\n{cards}</ul>\n'


def when_listed(event: Event) -> str:
    """An event's dates for a listing, marked where no text states them (the page's date note says
    where they come from), as a supplied document date is."""
    when = md_escape(event.when())
    return f"{when} {supplied_mark('(dates not stated in the texts)')}" if event.date_note else when


def lead(text: EventText, links: Links, page: str) -> str:
    """The event's summary as Markdown for `page` (a path under docs/), its references made links."""
    return links.expand(text.lead, text.lead_at, prefix(page)) + "\n"

"""Render the generated Markdown pages: one per document, one per event, and the listings.

Source paragraphs are written as raw HTML `<p>` elements with escaped text, which Markdown passes
through untouched: that is what keeps every word exactly as published. Everything else is Markdown
with escaped values, so that MkDocs checks the links between pages.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import citation
import yaml
from catalog import Catalog, Document, Event
from kinds import kind_badge
from markdown_text import html_attr, html_text, md_breakable, md_escape, md_with_links
from site_paths import CORPUS_JSON, absolute, page_path, source_download, text_download
from source_text import SourceText
from structured_data import feed_date

LANGUAGES = {"en": "English", "fr": "French", "ar": "Arabic", "es": "Spanish", "pt": "Portuguese"}
HOME_TABLE_LIMIT = 25  # the home page lists the newest documents; the listing page has them all


@dataclass(frozen=True)
class RenderedDocument:
    """A document with its text and the anchors the registry gave its paragraphs."""

    doc: Document
    source: SourceText
    anchors: tuple[str, ...]
    retired: tuple[tuple[str, str, str], ...]  # (anchor, date retired, anchor it now leads to)

    @property
    def words(self) -> int:
        return sum(len(p.text.split()) for p in self.source.paragraphs)


def front_matter(data: dict) -> str:
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's emitter: this runs once per page
    return "---\n" + yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=10_000) + "---\n"


def description(doc: Document) -> str:
    date = doc.published.human() if doc.published else "undated"
    return f"{doc.kind_label} published by {doc.publisher} ({date}): “{doc.title}”."


def sort_key(doc: Document) -> tuple:
    """Newest first; undated documents last; ties by id so the order never depends on the catalog."""
    published = doc.published
    return (published is None, -(published.year if published else 0), -(published.month if published else 0),
            -(published.day if published else 0), doc.id)  # fmt: skip


def date_cell(doc: Document) -> str:
    if doc.published is None:
        return "Date unknown"
    return md_escape(doc.published.human()) + (" (supplied)" if doc.date_supplied else "")


def event_links(doc: Document, catalog: Catalog, prefix: str) -> str:
    return ", ".join(f"[{md_escape(catalog.event(e).short_name)}]({prefix}events/{e}.md)" for e in doc.events)


def _card(doc: Document, catalog: Catalog, prefix: str) -> str:
    """One document of a list: its title, then kind, publisher, date and events (the list's filters read the data-*)."""
    events = " ".join(doc.events)
    return (
        f'<li class="doc-card" data-kind="{html_attr(doc.kind)}" data-events="{html_attr(events)}"'
        f' data-publisher="{html_attr(doc.publisher)}" markdown="block">\n'
        f'<p class="doc-card__title" markdown="span">[{md_escape(doc.title)}]({prefix}documents/{doc.id}.md)</p>\n'
        f'<p class="doc-card__meta" markdown="span">{kind_badge(doc)} '
        f'<span class="doc-card__fact">{md_breakable(doc.publisher)}</span> '
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


def _definition(term: str, value: str) -> str:
    return f"{term}\n:   {value}\n"


def _flag(text: str) -> str:
    return f' <span class="flag">{html_text(text)}</span>'


def metadata_block(item: RenderedDocument, catalog: Catalog) -> str:
    doc, source = item.doc, item.source
    precision = {"day": "", "month": " (month known, not the day)", "year": " (year known only)"}
    published = md_escape(doc.published.human()) + precision[doc.published.precision] if doc.published else "Unknown"
    if doc.date_supplied:
        published += _flag("supplied: not stated in the text")
    if doc.date_note:
        published += "<br>" + md_with_links(doc.date_note)
    publisher = md_escape(doc.publisher) + (_flag("supplied: not named in the text") if doc.publisher_supplied else "")
    title = md_escape(doc.title) + (_flag("supplied: the text has no title") if doc.title_supplied else "")
    address = f"[{md_escape(doc.url)}](<{doc.url}>)" if doc.url else "Not recorded"
    original = f" (captured as `{doc.original_file}`)" if doc.original_file else ""
    parts = [
        _definition("Title", title),
        _definition("Publisher", publisher),
        _definition("Published", published),
        _definition("Kind", doc.kind_label),
        _definition("Events", event_links(doc, catalog, "../")),
    ]
    if doc.place:
        parts.append(_definition("Place", md_escape(doc.place)))
    parts += [
        _definition("Language", LANGUAGES.get(doc.language, doc.language)),
        _definition("Original address", address),
        _definition("Source file", f"`{doc.file}`{original}"),
        _definition("SHA-256", f'<code class="checksum">{source.sha256}</code>'),
        _definition("Length", f"{len(source.paragraphs)} paragraphs, {item.words} words"),
        _definition(
            "Download",
            f'<span class="downloads">[Source file as captured](<../{source_download(doc)}>){{ download="" }} · '
            f'[Clean text](<../{text_download(doc)}>){{ download="" }} · '
            f"[All documents as JSON](../{CORPUS_JSON})</span>",
        ),  # written by open_data.py; `download`: saved as UTF-8 bytes, not shown in a guessed encoding
    ]
    return '<div class="doc-meta" markdown>\n\n' + "\n".join(parts) + "\n</div>\n"


def paragraph_html(anchor: str, number: int, text: str, mark: Callable[[str], str] = html_text) -> str:
    """`mark` writes the text as HTML: escaped, and optionally with glossary terms explained (glossary.py)."""
    return (
        f'<p id="{anchor}" class="para" data-n="{number}">'
        f'<a class="para-link" href="#{anchor}" aria-label="Link to paragraph {number}"></a>'
        f"{mark(text)}</p>\n"
    )


def retired_html(anchor: str, date: str, successor: str, number: int) -> str:
    return (
        f'<div id="{anchor}" class="para-retired" role="note" data-successor="{successor}">'
        f"<p>The paragraph this link pointed to (#{anchor}) was removed from the source text on "
        f'{html_text(date)}. <a href="#{successor}">Go to the nearest remaining paragraph, ¶ {number}</a>.</p>'
        "</div>\n"
    )


def furniture_block(item: RenderedDocument) -> str:
    removed = item.source.removed
    if not removed:
        return ""
    rows = "".join(f"<li>Line {r.line}: <q>{html_text(r.text)}</q></li>" for r in removed)
    lines = "line" if len(removed) == 1 else "lines"
    return (
        "\n## Removed page furniture\n\n"
        '<details class="furniture note"><summary>'
        f"{len(removed)} {lines} of page furniture removed from the captured text</summary>"
        "<p>These lines belong to the web page the text was captured from, not to the text. They are "
        "declared in <code>sources/catalog.yml</code> and left out of the text above.</p>"
        f"<ul>{rows}</ul></details>\n"
    )


def document_page(
    item: RenderedDocument,
    catalog: Catalog,
    mark: Callable[[str], str] = html_text,
    after: dict[str, str] | None = None,
    *,
    site_url: str | None = None,
) -> str:
    """`after` maps an anchor to HTML placed after that paragraph, outside it (passage_pages.notes).

    With `site_url`, the page ends with the citation forms of the text (citation.py).
    """
    doc, source = item.doc, item.source
    meta = {
        "title": doc.title,
        "description": description(doc),
        "date": doc.published.iso() if doc.published else None,
        "date_precision": doc.published.precision if doc.published else None,
        "date_supplied": doc.date_supplied,
        "title_supplied": doc.title_supplied,
        "publisher": doc.publisher,
        "publisher_supplied": doc.publisher_supplied,
        "source_url": doc.url,
        "kind": doc.kind,
        "events": list(doc.events),
        "language": doc.language,
        "source_file": doc.file,
        "original_file": doc.original_file,
        "source_sha256": source.sha256,
        "paragraphs": len(source.paragraphs),
        "words": item.words,
        "feed_date": feed_date(doc, catalog),  # a full date for the feeds (see structured_data.feed_date)
    }
    if doc.tags:
        meta["tags"] = list(doc.tags)  # shown and listed by Material's tags plugin (topics.py)
    number_of = {anchor: n for n, anchor in enumerate(item.anchors, start=1)}
    retired_before: dict[str, list[str]] = {}
    for anchor, date, successor in item.retired:
        retired_before.setdefault(successor, []).append(retired_html(anchor, date, successor, number_of[successor]))
    body = []
    for number, (anchor, paragraph) in enumerate(zip(item.anchors, source.paragraphs, strict=True), start=1):
        body.extend(retired_before.get(anchor, []))
        body.append(paragraph_html(anchor, number, paragraph.text, mark))
        if after and anchor in after:
            body.append(after[anchor])
    notes = f'\n!!! info "About this source"\n\n    {md_with_links(doc.notes)}\n' if doc.notes else ""
    return (
        front_matter(meta)
        + f"\n# {md_escape(doc.title.strip())}\n\n"
        + f'<p class="doc-kind">{kind_badge(doc)}</p>\n\n'
        + metadata_block(item, catalog)
        + notes
        + f'\n## Text\n\n<div class="doc-text" lang="{html_attr(doc.language)}" markdown="0"'
        + f' data-cite="{html_attr(citation.plain_text_head(doc))}">\n\n'
        + "\n".join(body)
        + "\n</div>\n"
        + (citation.markdown_block(doc, absolute(site_url, page_path(f"documents/{doc.id}.md"))) if site_url else "")
        + furniture_block(item)
    )


def event_page(event: Event, catalog: Catalog, lead: str = "", body: str = "") -> str:
    """The event's page; `lead` and `body` are its text from sources/editorial/ (see editorial.py)."""
    docs = [d for d in catalog.documents if event.id in d.events]
    facts = [_definition("When", md_escape(event.when()))]
    if event.date_note:
        facts.append(_definition("About the date", md_with_links(event.date_note)))
    facts.append(_definition("Where", md_escape(event.place) if event.place else "Not applicable"))
    others = [e for e in catalog.events if e.id != event.id]
    return (
        front_matter({"title": event.name, "description": event.description})
        + f"\n# {md_escape(event.name)}\n\n"
        + (lead or f"{md_escape(event.description)}\n")
        + "\n"
        + '<div class="doc-meta" markdown>\n\n'
        + "\n".join(facts)
        + "\n</div>\n\n"
        + body
        + f"\n## Documents\n\n{len(docs)} of the collection's documents concern this event.\n{{: .site-note }}\n\n"
        + documents_list(docs, catalog, "../")
        + "\n## Other events\n\n"
        + "".join(f"- [{md_escape(e.name)}]({e.id}.md) ({md_escape(e.when())})\n" for e in others)
    )


def events_index(catalog: Catalog, leads: dict[str, str] | None = None) -> str:
    """The list of events; `leads` are their summaries with evidence links (see editorial.py)."""
    lines = [front_matter({"title": "Events", "description": "The events the documents cover."}), "\n# Events\n"]
    for event in catalog.events:
        count = sum(event.id in d.events for d in catalog.documents)
        place = f", {md_escape(event.place)}" if event.place else ""
        summary = (leads or {}).get(event.id, "").strip() or md_escape(event.description)
        lines.append(
            f"\n## [{md_escape(event.name)}]({event.id}.md)\n\n"
            f"{md_escape(event.when())}{place} ({count} {'document' if count == 1 else 'documents'})\n\n"
            f"{summary}\n"
        )
    return "".join(lines)


def documents_index(catalog: Catalog) -> str:
    count = len(catalog.documents)
    return (
        front_matter({"title": "Documents", "description": f"All {count} documents of the collection."})
        + "\n# Documents\n\n"
        + f"All {count} documents, newest first (undated ones last). The label beside each says what kind"
        " of source it is (see [About this site](../about.md#kinds-of-source)). Dates marked “supplied” are"
        " not stated in the text itself; each document's page says where they come from.\n\n"
        + documents_list(list(catalog.documents), catalog, "../", filters=True)
    )


def home_table(catalog: Catalog) -> str:
    """The snippet the home page includes: the newest documents, with a link to all of them."""
    docs = sorted(catalog.documents, key=sort_key)[:HOME_TABLE_LIMIT]
    more = ""
    if len(catalog.documents) > len(docs):
        more = f"\n[All {len(catalog.documents)} documents](documents/index.md)\n"
    return documents_list(docs, catalog, "") + more

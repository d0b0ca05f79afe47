"""Write the generated folder `docs/documents/`: one page per document, and the list of all of them.

Source paragraphs are written as raw HTML `<p>` elements with escaped text, which Markdown passes
through untouched: that is what keeps every word exactly as published. Everything else is Markdown
with escaped values, so that MkDocs checks the links between pages.
"""

from __future__ import annotations

from collections.abc import Callable

from coalition_texts.analysis import citation
from coalition_texts.analysis.feed_dates import feed_date
from coalition_texts.model.dates import supplied_parts_phrase
from coalition_texts.model.records import Catalog, Document, RenderedDocument
from coalition_texts.model.urls import (
    ABOUT,
    CORPUS_JSON,
    DOCUMENTS_INDEX,
    TOPICS,
    absolute,
    page_path,
    prefix,
    source_download,
    text_download,
)
from coalition_texts.model.urls import (
    document_page as document_path,
)
from coalition_texts.pages.kinds import kind_badge
from coalition_texts.pages.listings import documents_list, event_links, supplied_date_mark
from coalition_texts.pages.markdown import (
    PAGE_TERMS_HERE,
    RAW_LINKS_CLASS,
    definition,
    front_matter,
    html_attr,
    html_text,
    md_breakable,
    md_code,
    md_escape,
    md_with_links,
    pilcrow,
)
from coalition_texts.pages.marks import supplied_mark
from coalition_texts.pages.wording import agree, count

PREFIX = prefix(DOCUMENTS_INDEX)  # from docs/documents/ to the docs root
LANGUAGES = {"en": "English", "fr": "French", "ar": "Arabic", "es": "Spanish", "pt": "Portuguese"}


def description(doc: Document) -> str:
    """The page's meta description; what the text does not state is in square brackets, as in the
    plain-text citation, so that a description quoted elsewhere still tells the source from the site."""

    def mark(text: str) -> str:
        return f"[{text}]"

    date = doc.published.human_marking(doc.date_supplied_parts, mark) if doc.published else "undated"
    publisher = mark(doc.publisher) if doc.publisher_supplied else doc.publisher
    title = mark(doc.title) if doc.title_supplied else doc.title
    return f"{doc.kind_label} published by {publisher} ({date}): “{title}”."


def date_supplied_explanation(doc: Document) -> str:
    """What of the date the text does not state, in words; "" where it states it all."""
    if not doc.published or not doc.date_supplied_parts:
        return ""
    if doc.date_supplied_parts == doc.published.parts:
        return "not stated in the text"
    return supplied_parts_phrase(doc.published, doc.date_supplied_parts)


SUPPLIED = "supplied"  # the byline's short mark; "About this document", after the text, says more
# What each supplied mark of the byline means, read out by screen readers after the word "supplied".
NOT_IN_TEXT = {
    "title": "the text has no title",
    "publisher": "not named in the text",
    "address": "not in the text, from the project's notes on where it was found",
}


def supplied_note(text: str) -> str:
    """A mark in "About this document" that says in words what was supplied and why ("supplied: …")."""
    return " " + supplied_mark(text)


def _byline_part(content: str) -> str:
    return f'<span class="doc-byline__part">{content}</span>'


def byline(doc: Document) -> str:
    """One line under the title: kind · publisher · date · original address, "supplied" marks kept.

    Each part is a span; the separators are drawn by CSS between them, joined to the words beside them
    (docs/stylesheets/site.css), so that a phone's second line never starts or ends with one."""
    # A mark stays on the line of the words it qualifies (a no-break space); a publisher that is a web
    # address may wrap after its dots and slashes.
    publisher = md_breakable(doc.publisher)
    if doc.publisher_supplied:
        publisher += "\u00a0" + supplied_mark(SUPPLIED, NOT_IN_TEXT["publisher"])
    date = md_escape(doc.published.human()).replace(" ", "\u00a0") if doc.published else "undated"  # "12 May" whole
    if mark := supplied_date_mark(doc):  # as in the listings
        date += "\u00a0" + supplied_mark(mark, date_supplied_explanation(doc))
    parts = [kind_badge(doc), publisher, date]
    if doc.url:
        address = f'[original address<span aria-hidden="true">\u00a0↗</span>](<{doc.url}>)'
        if doc.url_supplied:
            address += "\u00a0" + supplied_mark(SUPPLIED, NOT_IN_TEXT["address"])
        parts.append(address)
    if doc.title_supplied:
        parts.insert(0, supplied_mark(f"title {SUPPLIED}", NOT_IN_TEXT["title"]))
    return '<p class="doc-byline" markdown="span">' + "".join(_byline_part(part) for part in parts) + "</p>\n"


def metadata_block(item: RenderedDocument, catalog: Catalog) -> str:
    doc, source = item.doc, item.source
    precision = {"day": "", "month": " (month known, not the day)", "year": " (year known only)"}
    published = md_escape(doc.published.human()) + precision[doc.published.precision] if doc.published else "Unknown"
    if explanation := date_supplied_explanation(doc):
        published += supplied_note(f"{SUPPLIED}: {explanation}")
    if doc.date_note:
        published += "<br>" + md_with_links(doc.date_note)
    publisher = md_escape(doc.publisher) + (
        supplied_note(f"{SUPPLIED}: {NOT_IN_TEXT['publisher']}") if doc.publisher_supplied else ""
    )
    title = md_escape(doc.title) + (supplied_note(f"{SUPPLIED}: {NOT_IN_TEXT['title']}") if doc.title_supplied else "")
    address = f"[{md_escape(doc.url)}](<{doc.url}>)" if doc.url else "Not recorded"
    if doc.url and doc.url_supplied:
        address += supplied_note(f"{SUPPLIED}: {NOT_IN_TEXT['address']}")
    original = f" (captured as {md_code(doc.original_file)})" if doc.original_file else ""
    parts = [
        definition("Title", title),
        definition("Publisher", publisher),
        definition("Published", published),
        definition("Kind", md_escape(doc.kind_label)),
        definition("Events", event_links(doc, catalog, PREFIX)),
    ]
    if doc.place:
        parts.append(definition("Place", md_escape(doc.place)))
    if doc.tags:
        links = ", ".join(
            f'<a href="{PREFIX}{TOPICS}" data-topic="{html_attr(t)}">{html_text(t)}</a>' for t in doc.tags
        )  # raw HTML: the renderer's anchor for each topic is added when the page is built (plugin/note_links.py)
        parts.append(definition("Topics", f'<span class="{RAW_LINKS_CLASS}">{links}</span>'))
    parts += [
        definition("Language", LANGUAGES.get(doc.language, doc.language)),
        definition("Original address", address),
        definition("Source file", f"{md_code(doc.file)}{original}"),
        definition("SHA-256", f'<code class="checksum">{source.sha256}</code>'),
        definition("Length", f"{count(len(source.paragraphs), 'paragraph')}, {count(item.words, 'word')}"),
        definition(
            "Download",
            f'<span class="downloads">[Source file as captured](<{PREFIX}{source_download(doc)}>){{ download="" }} · '
            f'[Clean text](<{PREFIX}{text_download(doc)}>){{ download="" }} · '
            f"[All documents as JSON]({PREFIX}{CORPUS_JSON})</span>",
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
        f'{html_text(date)}. <a href="#{successor}">Go to the nearest remaining paragraph, {pilcrow(number)}</a>.</p>'
        "</div>\n"
    )


def furniture_block(item: RenderedDocument) -> str:
    removed = item.source.removed
    if not removed:
        return ""
    rows = "".join(f"<li>Line {r.line}: <q>{html_text(r.text)}</q></li>" for r in removed)
    return (
        "\n## Removed page furniture\n\n"
        '<details class="furniture note"><summary>'
        f"{count(len(removed), 'line')} of page furniture removed from the captured text</summary>"
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
    """`after` maps an anchor to HTML placed after that paragraph, outside it (compare.notes).

    With `site_url`, the page ends with the citation forms of the text (citation.py).
    """
    doc, source = item.doc, item.source
    meta = {
        "title": doc.title,
        "description": description(doc),
        "date": doc.published.iso() if doc.published else None,
        "date_precision": doc.published.precision if doc.published else None,
        "date_supplied": doc.date_supplied,
        "date_supplied_parts": list(doc.date_supplied_parts),
        "title_supplied": doc.title_supplied,
        "publisher": doc.publisher,
        "publisher_supplied": doc.publisher_supplied,
        "source_url": doc.url,
        "url_supplied": doc.url_supplied,
        "kind": doc.kind,
        "events": list(doc.events),
        "language": doc.language,
        "source_file": doc.file,
        "original_file": doc.original_file,
        "source_sha256": source.sha256,
        "paragraphs": len(source.paragraphs),
        "words": item.words,
        "feed_date": feed_date(doc, catalog),  # a full date for the feeds (see analysis/feed_dates.py)
    }
    if doc.tags:
        meta["tags"] = list(doc.tags)  # listed by Material's tags plugin on the topics page
        meta["hide"] = ["tags"]  # and shown after the text, with the other details, not above it
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
    notes = f"\n{md_with_links(doc.notes)}\n" if doc.notes else ""
    return (
        front_matter(meta)
        + f"\n# {md_escape(doc.title.strip())}\n\n"
        + byline(doc)
        # The heading names the section for screen readers and the page's contents; the text follows.
        + "\n## Text { .doc-text-heading }\n\n"
        + f'<div class="doc-text" lang="{html_attr(doc.language)}" markdown="0"'
        + f' data-cite="{html_attr(citation.plain_text_head(doc))}" data-paragraphs="{len(source.paragraphs)}">\n\n'
        + "\n".join(body)
        + "\n</div>\n\n"
        # The list of the terms on this page goes here, right after the text (plugin/abbreviations.py).
        + f'<div class="{PAGE_TERMS_HERE}" markdown="1">\n</div>\n'
        + "\n## About this document\n\n"
        + notes
        + metadata_block(item, catalog)
        + (citation.markdown_block(doc, absolute(site_url, page_path(document_path(doc.id)))) if site_url else "")
        + furniture_block(item)
    )


def _first_uses(mark: Callable[[str, set[str]], str]) -> Callable[[str], str]:
    """`mark` for one page: each term is marked at its first use in the page's text only."""
    seen: set[str] = set()
    return lambda text: mark(text, seen)


def all_documents(number: int) -> str:
    """The collection named whole, as a sentence: "All 5 documents of the collection", "The only document…"."""
    if number == 0:
        return "The collection holds no document yet"
    return (
        "The only document of the collection" if number == 1 else f"All {count(number, 'document')} of the collection"
    )


def documents_index(catalog: Catalog) -> str:
    number = len(catalog.documents)
    lead = f"All {count(number, 'document')}, newest first (undated ones last)" if number > 1 else all_documents(number)
    # How to read the list, once there is one: its labels and marks, said of one document or of each.
    label, page = agree(number, "The label beside it", "The label beside each"), agree(number, "its", "each document's")
    guide = (
        f" {label} says what kind of source it is (see [About this site]({PREFIX}{ABOUT}#kinds-of-source))."
        " A date, title or publisher marked “supplied” is not stated in the text itself (“year supplied”: the"
        f" text gives the day and month, not the year); {page} page says where it comes from."
    )
    return (
        # `scripts`: what overrides/main.html loads on this page only (the list's filters).
        front_matter(
            {
                "title": "Documents",
                "description": f"{all_documents(number)}.",
                "scripts": ["javascripts/document-filters.js"],
            }
        )
        + "\n# Documents\n\n"
        + f"{lead}.{guide if number else ''}\n\n"
        + documents_list(list(catalog.documents), catalog, PREFIX, filters=True)
    )


def pages(
    documents: list[RenderedDocument],
    catalog: Catalog,
    mark: Callable[[str, set[str]], str],
    notes: dict[str, dict[str, str]],
    site_url: str,
) -> dict[str, str]:
    """The folder's pages, by their path under docs/: `mark` writes a paragraph's text as HTML (the
    glossary's terms explained where the page first uses them, given the terms it has marked already),
    `notes` are the shared-passage notes by document and anchor."""
    pages = {
        document_path(item.doc.id): document_page(
            item, catalog, _first_uses(mark), notes.get(item.doc.id), site_url=site_url
        )
        for item in documents
    }
    pages[DOCUMENTS_INDEX] = documents_index(catalog)
    return pages

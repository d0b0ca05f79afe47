"""Rewrite Material's search index so that a hit lands on the paragraph that holds the words.

Material's search plugin writes `search/search_index.json` with one entry per page section. After it
(and before the offline plugin copies the index into `search_index.js`), this module rewrites it:

- document pages are not indexed by Material at all (the plugin marks them `search.exclude`, see
  `plugin.on_page_markdown`): parsing their HTML only to throw the sections away was most of the search
  plugin's cost. Their entries are made here, from the data the pages were made from:
  - a page-level entry, so that results stay grouped by document, with the document's title and its
    kind's badge (kinds.py), the document's facts (publisher, date, place, kind, events) as its text,
    and its topics in a field that is searched but not shown: Material would draw them as a row of
    chips above the hits;
  - one entry per paragraph: the location is the paragraph's anchor, the title names the paragraph
    number and the document's short name, the text is the paragraph's words and nothing else (no number, link or
    other furniture that the page adds around them); the removed page furniture is not indexed: those
    lines are not the document's words;
- names and spellings of `sources/search-variants.yml` find each other: an entry that uses one term
  of a group gets the group's other terms in a field that is searched but never shown;
- titles are searched through a `heading` field that paragraph entries do not have, so that the
  words of a document's title match the document, not every one of its paragraphs;
- entry boosts rank the texts' own words first, then document pages, then the site's other pages;
- an event page's facts (when, about the date, where) are a definition list, which Material's index would
  run together ("When 11 May 2022 Where Marrakesh"): the page keeps the list out of Material's index
  (`data-search-exclude`), and they are written here one to a line, with their labels, after the summary.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from coalition_texts.model.records import Catalog, Document, Event, RenderedDocument
from coalition_texts.model.urls import document_page, event_page, page_path
from coalition_texts.pages.events import event_facts
from coalition_texts.pages.kinds import kind_badge
from coalition_texts.pages.markdown import html_text
from coalition_texts.sources.search_variants import VariantGroup

# Searched fields and their weights. The displayed `title` is not searched (see `heading`). A document's
# topics are searched as `topics`, not as Material's `tags`, which it shows as chips before the hits (and
# whose weight, a million, would rank a tagged page above every paragraph); they count as a heading.
# The site's other pages keep Material's `tags` (none has any today).
FIELDS = {
    "heading": {"boost": 2.0},
    "text": {"boost": 1.0},
    "tags": {"boost": 2.0},
    "topics": {"boost": 2.0},
    "variants": {"boost": 0.5},  # below the text, so the spelling searched for comes first
}
# Entry boosts. Material multiplies a page-level entry's score by up to 5 and a section's by up to 2,
# so these keep a paragraph that holds the words above the pages that merely mention them.
DOCUMENT_PAGE_BOOST = 0.1
SITE_PAGE_BOOST = 0.05
_TAG = re.compile(r"<[^>]*>")
# The first of the elements Material's index keeps (a paragraph, a list, a code block), whole.
_FIRST_ELEMENT = re.compile(r"\s*<(p|ul|ol|pre)\b.*?</\1>", re.DOTALL)


class _Tokens:
    """Splits text into lower-case words with the search's own separator, as the browser does."""

    def __init__(self, separator: str):
        self.separator = re.compile(separator)

    def __call__(self, text: str) -> tuple[str, ...]:
        return tuple(token for token in self.separator.split(text.lower()) if token)


def _contains(words: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    size = len(phrase)
    return any(word == phrase[0] and words[i : i + size] == phrase for i, word in enumerate(words))


class _Variants:
    def __init__(self, groups: Iterable[VariantGroup], tokens: _Tokens):
        self.tokens = tokens
        self.groups = [[(term, tokens(term)) for term in group.terms] for group in groups]

    def extra_terms(self, *texts: str) -> str:
        """The terms of every group that the texts use, which the texts do not already hold."""
        plain = " ".join(html.unescape(_TAG.sub(" ", text)) for text in texts).lower()
        # Splitting into words is the slow part: most entries hold no term at all, even as a substring.
        groups = [group for group in self.groups if any(phrase[0] in plain for _, phrase in group)]
        if not groups:
            return ""
        words = self.tokens(plain)
        present = set(words)
        extra = []
        for group in groups:
            # A one-word term is in the text if the word is; only longer ones need their order checked.
            found = [set(phrase) <= present and (len(phrase) == 1 or _contains(words, phrase)) for _, phrase in group]
            if any(found):
                extra += [term for (term, _), hit in zip(group, found, strict=True) if not hit]
        return " ".join(extra)


def paragraph_title(doc: Document, number: int) -> str:
    """What a hit shows above the paragraph: its number and its text's short name (the group shows the title)."""
    return html_text(f"¶\u00a0{number} · {doc.short_name}")


def page_title(doc: Document) -> str:
    """What heads a document's group of hits: its title and the badge of its kind of source."""
    return f"{html_text(doc.title.strip())} {kind_badge(doc)}"


def document_facts(doc: Document, event_names: dict[str, str]) -> str:
    """The searchable text of a document's page-level entry: its facts, not the page's furniture."""
    facts = [f"Publisher: {doc.publisher}."]
    facts.append(f"Published: {doc.published.human()}." if doc.published else "Date unknown.")
    if doc.place:
        facts.append(f"Place: {doc.place}.")
    facts.append(f"Kind: {doc.kind_label}.")
    facts.append("Events: " + "; ".join(event_names[event] for event in doc.events) + ".")
    return html_text(" ".join(facts))


def document_entries(item: RenderedDocument, url: str, event_names: dict[str, str]) -> list[dict]:
    """The page-level entry (what Material makes of the page's h1, with the facts as text), then the paragraphs."""
    page: dict[str, Any] = {
        "location": url,
        "title": page_title(item.doc),
        "text": document_facts(item.doc, event_names),
    }
    if item.doc.tags:
        # Searched, never shown (a hidden field): escaped all the same, as every value in the index is.
        page["topics"] = html_text(" ".join(item.doc.tags))
    paragraphs = [
        {"location": f"{url}#{anchor}", "title": paragraph_title(item.doc, number), "text": html_text(paragraph.text)}
        for number, (anchor, paragraph) in enumerate(zip(item.anchors, item.source.paragraphs, strict=True), start=1)
    ]
    # Material lists a page's own entry before its sections, and groups results on that order.
    return [_with_heading(page, DOCUMENT_PAGE_BOOST, html_text(item.doc.title.strip())), *paragraphs]


def event_facts_html(event: Event) -> str:
    """An event's facts as its search entry shows them: a line each, labelled as on the page."""
    return "".join(f"<p>{label}: {html_text(value)}</p>" for label, value, _ in event_facts(event))


def with_event_facts(entry: dict, event: Event) -> dict:
    """The page-level entry of an event's page with its facts inserted where the page lists them: after the
    summary, the first element of the entry's text (sources/editorial.py requires it), before the rest."""
    text = entry["text"]
    summary = _FIRST_ELEMENT.match(text)
    at = summary.end() if summary else 0
    return {**entry, "text": text[:at] + event_facts_html(event) + text[at:]}


def _with_heading(entry: dict, boost: float, heading: str | None = None) -> dict:
    """`entry` with its title searched as `heading` (the displayed `title` may hold markup) and `boost`."""
    entry = {**entry, "heading": entry["title"] if heading is None else heading}
    entry["boost"] = round(entry.get("boost", 1.0) * boost, 6)
    return entry


def rewrite(index: dict, documents: Sequence[RenderedDocument], catalog: Catalog, groups: Iterable[VariantGroup],
            use_directory_urls: bool) -> dict:  # fmt: skip
    """The index Material wrote (`{"config": ..., "docs": [...]}`), rewritten as the module docstring says."""
    config = {**index["config"], "fields": FIELDS}
    variants = _Variants(groups, _Tokens(config["separator"]))
    event_names = {event.id: event.name for event in catalog.events}
    events = {page_path(event_page(event.id), use_directory_urls): event for event in catalog.events}
    docs = []
    for entry in index["docs"]:
        event = events.get(entry["location"])
        docs.append(_with_heading(with_event_facts(entry, event) if event else entry, SITE_PAGE_BOOST))
    for item in documents:
        docs += document_entries(item, page_path(document_page(item.doc.id), use_directory_urls), event_names)
    for entry in docs:
        # What is searched but not shown.
        extra = variants.extra_terms(entry.get("heading", ""), entry["text"], entry.get("topics", ""))
        if extra:
            entry["variants"] = extra
    return {**index, "config": config, "docs": docs}


def write_search_index(site_dir: Path, variants: Iterable[VariantGroup], documents: Sequence[RenderedDocument],
                       catalog: Catalog, use_directory_urls: bool) -> None:  # fmt: skip
    """Rewrite `search/search_index.json` in the built site, if the search plugin wrote one.

    `variants` is what load_variants() read, checked before the build with the rest of sources/.
    """
    path = site_dir / "search" / "search_index.json"
    if not path.is_file():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    index = rewrite(index, documents, catalog, variants, use_directory_urls)
    # The same compact, ASCII-only form as Material's, so the offline plugin's copy loads in any encoding.
    path.write_text(json.dumps(index, separators=(",", ":")), encoding="utf-8")

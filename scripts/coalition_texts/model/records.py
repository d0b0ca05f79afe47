"""The records every layer shares: the catalog's documents and events, the texts and their anchors.

Readers in `sources/` make them, `analysis/` and `pages/` read them; none of them holds Markdown or
a page-relative address (pages/ and model/urls.py make those when they write).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from coalition_texts.model.dates import PartialDate, date_range

# Who puts a text's words out; each origin has its own badge style (docs/stylesheets/site.css).
ORIGINS = {
    "first-hand": "issued by the body that wrote it",
    "reported": "relayed by a news outlet or wire",
    "unattributed": "no author or organisation named",
}


# A word, for every word count the site shows: a run of characters between spaces that holds at least
# one letter or digit ("Daesh/ISIS" and "83-member" are one word each; a lone dash is none).
_WORD = re.compile(r"\S*[^\W_]\S*")


def word_count(text: str) -> int:
    """How many words `text` has: the one definition of a word count on the site."""
    return len(_WORD.findall(text))


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
    # Which parts of `published` the site supplied (`date_supplied: [year]`; `true` is every part the
    # date has): "March 3" in a dateline states the month and day, not the year.
    date_supplied_parts: tuple[str, ...] = ()
    url_supplied: bool = False  # the address comes from research, not from the text

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


@dataclass(frozen=True)
class Paragraph:
    text: str  # the source's words, line breaks inside the paragraph turned into spaces
    first_line: int  # 1-based line numbers in the source file
    last_line: int


@dataclass(frozen=True)
class RemovedLine:
    line: int
    text: str


@dataclass(frozen=True)
class SourceText:
    sha256: str
    paragraphs: tuple[Paragraph, ...]
    removed: tuple[RemovedLine, ...]

    @property
    def words(self) -> int:
        return sum(word_count(p.text) for p in self.paragraphs)


@dataclass(frozen=True)
class RenderedDocument:
    """A document with its text and the anchors the registry gave its paragraphs."""

    doc: Document
    source: SourceText
    anchors: tuple[str, ...]
    retired: tuple[tuple[str, str, str], ...]  # (anchor, date retired, anchor it now leads to)

    @property
    def words(self) -> int:
        return self.source.words  # word_count: the same count on every page


@dataclass(frozen=True)
class PublicSource:
    """A public source outside the collection, for facts the five texts do not state."""

    id: str
    label: str  # the link text, e.g. "Agenzia Stampa Italia"
    description: str  # what it is, shown as the link's title
    url: str


@dataclass(frozen=True)
class EvidenceSources:
    """What evidence references may name besides paragraphs (`sources/editorial/sources.yml`)."""

    public: dict[str, PublicSource]  # documents are named by their catalog short_name


def sort_key(doc: Document) -> tuple:
    """Newest first; undated documents last; ties by id so the order never depends on the catalog."""
    published = doc.published
    return (published is None, -(published.year if published else 0), -(published.month if published else 0),
            -(published.day if published else 0), doc.id)  # fmt: skip

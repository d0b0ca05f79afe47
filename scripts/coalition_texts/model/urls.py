"""Every address of the site in one place: the generated pages (paths under docs/), the data files,
the feeds, and the absolute address of any of them.

Pages are named by their Markdown source path (`documents/<id>.md`), as MkDocs links them; a page
that links another from its own folder prefixes the path with `prefix(...)` ("../" from one folder
down). So the pages, the dataset, the download links on document pages, the page head metadata,
the search index and the tests agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from coalition_texts.model.records import Document

# The project's folders, beside mkdocs.yml: the inputs, and the pages MkDocs renders.
SOURCES = "sources"
DOCS = "docs"
SITE = "site"  # MkDocs' default site_dir
ANCHORS = f"{SOURCES}/anchors.json"  # the registry of published paragraph anchors, committed

# The generated folders of docs/: each is written whole by one module of pages/ and ignored by git.
DOCUMENTS = "documents"
EVENTS = "events"
COMPARE = "compare"
OVERVIEW = "overview"
REFERENCE = "reference"
SNIPPETS = "snippets"  # fragments the home page includes, and the glossary appended to every page
GENERATED = (DOCUMENTS, EVENTS, SNIPPETS, REFERENCE, COMPARE, OVERVIEW)

ABOUT = "about.md"  # hand-written; the generated pages link to its sections (#kinds-of-source)
DOCUMENTS_INDEX = f"{DOCUMENTS}/index.md"
EVENTS_INDEX = f"{EVENTS}/index.md"
COMPARE_INDEX = f"{COMPARE}/index.md"
TIMELINE = f"{OVERVIEW}/timeline.md"
DIFFERENCES = f"{OVERVIEW}/differences.md"
GLOSSARY = f"{REFERENCE}/glossary.md"
NAMES = f"{REFERENCE}/names.md"
TOPICS = f"{REFERENCE}/topics.md"
ABBREVIATIONS = "abbreviations.md"  # in snippets/, appended to every page (mkdocs.yml, pymdownx.snippets)
ABBREVIATIONS_SNIPPET = f"{SNIPPETS}/{ABBREVIATIONS}"
DOCUMENTS_TABLE_SNIPPET = f"{SNIPPETS}/documents-table.md"
EVENT_LIST_SNIPPET = f"{SNIPPETS}/event-list.md"
KINDS_SNIPPET = f"{SNIPPETS}/kinds.md"
COLLECTION_SNIPPET = f"{SNIPPETS}/collection.md"


def document_page(doc_id: str) -> str:
    return f"{DOCUMENTS}/{doc_id}.md"


def event_page(event_id: str) -> str:
    return f"{EVENTS}/{event_id}.md"


def compare_name(pair: tuple[str, str]) -> str:
    """The name of the comparison of two documents that share passages: `<left>--<right>`."""
    return f"{pair[0]}--{pair[1]}"


def compare_page(pair: tuple[str, str]) -> str:
    return f"{COMPARE}/{compare_name(pair)}.md"


def prefix(page: str) -> str:
    """What leads from the folder of `page` (a path under docs/) to the docs root: '' or '../'…"""
    return "../" * page.count("/")


DATA = "data"
CORPUS_JSON = f"{DATA}/corpus.json"
CORPUS_SCHEMA = f"{DATA}/corpus.schema.json"  # hand-written, committed in docs/data/
PARAGRAPHS_CSV = f"{DATA}/paragraphs.csv"
# Written by mkdocs-rss-plugin (its default file names, which Material links from every page's head).
RSS_FEED = "feed_rss_created.xml"
JSON_FEED = "feed_json_created.json"


def source_download(doc: Document) -> str:
    """The source file exactly as captured (same bytes as in sources/), under a name of the site's choosing.

    Named after the document's id with `.txt`, whatever the captured file is called: served as plain
    text, a file captured as `.html` or `.md` is never published as a page (nor as script on the
    site's origin), and no file name from the data becomes an address.
    """
    return f"{DATA}/sources/{doc.id}.txt"


def text_download(doc: Document) -> str:
    """The clean text: the paragraphs as shown on the page, one per block, furniture removed."""
    return f"{DATA}/text/{doc.id}.txt"


def _page_id(src_uri: str, collection: str) -> str | None:
    folder, _, name = src_uri.rpartition("/")
    if folder != collection or not name.endswith(".md") or name == "index.md":
        return None
    return name[: -len(".md")]


def document_id(src_uri: str) -> str | None:
    """The id named by a document page's source path (`documents/<id>.md`); None for any other page."""
    return _page_id(src_uri, DOCUMENTS)


def event_id(src_uri: str) -> str | None:
    """The id named by an event page's source path (`events/<id>.md`); None for any other page."""
    return _page_id(src_uri, EVENTS)


def page_path(src_uri: str, use_directory_urls: bool = True) -> str:
    """The site path of a Markdown page (as MkDocs writes it) or of any other file."""
    if not src_uri.endswith(".md"):
        return src_uri
    stem = src_uri[: -len(".md")]
    if not use_directory_urls:
        return f"{stem}.html"
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return f"{stem}/"


def absolute(site_url: str, path: str) -> str:
    """`path` (relative to the site root) under `site_url`, which MkDocs ends with a slash."""
    return site_url.rstrip("/") + "/" + path


class _SiteConfig(Protocol):
    @property
    def site_url(self) -> str | None: ...
    @property
    def use_directory_urls(self) -> bool: ...


@dataclass(frozen=True)
class SiteUrls:
    """Absolute addresses in the built site: `base` is MkDocs' `site_url`; `directory_urls` its
    `use_directory_urls` (false in the offline build, where pages are `documents/<id>.html`)."""

    base: str
    directory_urls: bool = True

    @classmethod
    def of(cls, config: _SiteConfig) -> SiteUrls:
        """From MkDocs' configuration (or anything with its two settings)."""
        return cls(config.site_url or "", config.use_directory_urls)

    def page(self, src_uri: str) -> str:
        return absolute(self.base, page_path(src_uri, self.directory_urls))

    def file(self, path: str) -> str:
        return absolute(self.base, path)

"""Where the machine-readable files live in the built site, and the absolute address of any site path.

One place for these names, so the dataset, the download links on document pages, the page head
metadata and the tests agree.
"""

from __future__ import annotations

from dataclasses import dataclass

from catalog import Document

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


def document_id(src_uri: str) -> str | None:
    """The id named by a document page's source path (`documents/<id>.md`); None for any other page."""
    folder, _, name = src_uri.rpartition("/")
    if folder != "documents" or not name.endswith(".md") or name == "index.md":
        return None
    return name[: -len(".md")]


def page_path(src_uri: str, use_directory_urls: bool = True) -> str:
    """The site path of a Markdown page (as MkDocs writes it) or of any other file."""
    if not src_uri.endswith(".md"):
        return src_uri
    stem = src_uri[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return f"{stem}/" if use_directory_urls else f"{stem}.html"


def absolute(site_url: str, path: str) -> str:
    """`path` (relative to the site root) under `site_url`, which MkDocs ends with a slash."""
    return site_url.rstrip("/") + "/" + path


@dataclass(frozen=True)
class SiteUrls:
    """Absolute addresses in the built site: `base` is MkDocs' `site_url`; `directory_urls` its
    `use_directory_urls` (false in the offline build, where pages are `documents/<id>.html`)."""

    base: str
    directory_urls: bool = True

    @classmethod
    def of(cls, config) -> SiteUrls:
        return cls(config.site_url, config.use_directory_urls)

    def page(self, src_uri: str) -> str:
        return absolute(self.base, page_path(src_uri, self.directory_urls))

    def file(self, path: str) -> str:
        return absolute(self.base, path)

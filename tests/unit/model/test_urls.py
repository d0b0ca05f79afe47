"""model/urls.py: every address of the site, checked against how MkDocs itself names pages."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st
from mkdocs.structure.files import File

from coalition_texts.model import urls

SEGMENT = st.from_regex(r"[a-z0-9][a-z0-9-]{0,12}", fullmatch=True)
SOURCE_PATH = st.builds(
    lambda folders, name, suffix: "/".join([*folders, name + suffix]),
    st.lists(SEGMENT, max_size=3),
    st.one_of(SEGMENT, st.just("index")),
    st.sampled_from([".md", ".md", ".txt", ".json"]),
)


@given(SOURCE_PATH, st.booleans())
def test_page_path_is_the_address_mkdocs_gives_the_file(src_uri, directory_urls):
    mkdocs_file = File(src_uri, "/docs", "/site", use_directory_urls=directory_urls)
    assert urls.page_path(src_uri, directory_urls) == mkdocs_file.url.removeprefix("./")


@given(SOURCE_PATH)
def test_prefix_leads_from_a_page_back_to_the_root(page):
    assert urls.prefix(page) == "../" * (len(page.split("/")) - 1)


def test_generated_pages_and_their_ids():
    assert urls.document_page("a-text") == "documents/a-text.md"
    assert urls.event_page("a-meeting") == "events/a-meeting.md"
    assert urls.compare_page(("a", "b")) == "compare/a--b.md"
    assert urls.document_id(urls.document_page("a-text")) == "a-text"
    assert urls.event_id(urls.event_page("a-meeting")) == "a-meeting"
    for other in ["documents/index.md", "events/a.md", "documents/a.txt", "documents/sub/a.md", "a.md"]:
        assert urls.document_id(other) is None, other
    for other in ["events/index.md", "documents/a.md", "events/a.txt", "x/events/a.md"]:
        assert urls.event_id(other) is None, other
    assert set(urls.GENERATED) == {"documents", "events", "snippets", "reference", "compare", "overview"}


def test_downloads_are_named_by_the_id_never_by_the_file():
    doc = SimpleNamespace(id="a-text", file="capture <1>.html")
    assert urls.source_download(doc) == "data/sources/a-text.txt"
    assert urls.text_download(doc) == "data/text/a-text.txt"


@pytest.mark.parametrize("base", ["https://example.org/site/", "https://example.org/site", ""])
def test_absolute_addresses(base):
    site = urls.SiteUrls.of(SimpleNamespace(site_url=base or None, use_directory_urls=True))
    root = base.rstrip("/")
    assert site.page("documents/a.md") == f"{root}/documents/a/"
    assert site.page("index.md") == f"{root}/"
    assert site.file(urls.CORPUS_JSON) == f"{root}/data/corpus.json"
    offline = urls.SiteUrls(base, directory_urls=False)
    assert offline.page("documents/a.md") == f"{root}/documents/a.html"

"""postbuild/head_metadata.py: JSON-LD and meta tags for each kind of page, from the minimal sources/ and
stand-ins for MkDocs' page and config (the real pages' heads: tests/site/test_open_data.py)."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coalition_texts.build import render
from coalition_texts.model import urls
from coalition_texts.postbuild.head_metadata import head_metadata, json_ld
from coalition_texts.sources.anchors import Registry
from tests.base import write_sources

CONFIG = {"site_url": "https://example.org/", "site_name": "Texts", "site_description": "The texts.",
          "use_directory_urls": True}  # fmt: skip


@pytest.fixture(scope="module")
def conversion(tmp_path_factory):
    folder = tmp_path_factory.mktemp("head")
    write_sources(folder)
    return render(folder, Registry(folder / urls.ANCHORS), CONFIG["site_url"])


def head(conversion, src_uri: str, homepage: bool = False) -> tuple[dict, dict[str, str]]:
    address = urls.page_path(src_uri)
    page = SimpleNamespace(
        file=SimpleNamespace(src_uri=src_uri, url=address),
        canonical_url=CONFIG["site_url"] + address,
        meta={"title": "A &amp; B"},  # as plugin/template_values.py leaves it: escaped for the templates
        title=None,
        is_homepage=homepage,
    )
    documents = {item.doc.id: item for item in conversion.documents}
    found = head_metadata(page, SimpleNamespace(**CONFIG), conversion.catalog, documents)
    return json.loads(found["json_ld"]), {name: value for _, name, value in found["meta"]}


def test_a_document_page_is_its_kind_of_article(conversion):
    data, meta = head(conversion, urls.document_page("text"))
    assert (data["@type"], data["headline"], data["datePublished"]) == ("Article", "A text", "2022-05-12")
    assert data["about"][0]["url"] == "https://example.org/events/meeting/" and data["wordCount"] == 7
    assert data["encoding"][0]["contentUrl"] == "https://example.org/data/sources/text.txt"
    assert (meta["og:type"], meta["article:published_time"], meta["og:title"]) == ("article", "2022-05-12", "A & B")


def test_an_event_page_lists_its_documents(conversion):
    data, meta = head(conversion, urls.event_page("meeting"))
    assert (data["@type"], data["startDate"], meta["og:type"]) == ("Event", "2022-05-11", "website")
    assert data["subjectOf"] == [{"@type": "Article", "name": "A text", "url": "https://example.org/documents/text/"}]


@pytest.mark.parametrize(
    ("src_uri", "homepage", "kind"),
    [("index.md", True, "WebSite"), ("documents/index.md", False, "CollectionPage"), ("about.md", False, "WebPage"),
     ("events/index.md", False, "CollectionPage")],
)  # fmt: skip
def test_other_pages(conversion, src_uri, homepage, kind):
    data, _ = head(conversion, src_uri, homepage)
    assert data["@type"] == kind and data["name"] == "A & B"


@given(st.text())
def test_no_value_can_close_the_script_element(value):
    text = json_ld({"name": value})
    assert json.loads(text) == {"name": value}
    assert "<" not in text and ">" not in text and "&" not in text

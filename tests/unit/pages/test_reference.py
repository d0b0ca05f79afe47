"""pages/reference.py: the glossary, the index of names and the topics, written from small sources/ files
(every term and name of the real texts against an independent search: tests/site/test_glossary_index.py)."""

from __future__ import annotations

import html

import pytest
from bs4 import BeautifulSoup

from coalition_texts.build import render
from coalition_texts.model import urls
from coalition_texts.sources.anchors import Registry
from tests.base import write_sources

GLOSSARY = "terms:\n  - term: Second\n    explanation: The <b>next</b> one.\n    cite: [text#p2]\n"
NAMES = "entries:\n  - name: First\n    kind: place\n  - name: Nowhere\n    kind: place\n"


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    folder = tmp_path_factory.mktemp("reference")
    write_sources(folder, {"glossary.yml": GLOSSARY, "index-entries.yml": NAMES})
    return render(folder, Registry(folder / urls.ANCHORS), "https://example.org/").pages


def test_a_term_is_marked_at_its_first_use_with_its_explanation_as_text(pages):
    page = BeautifulSoup(pages[urls.document_page("text")].split("---\n", 2)[2], "html.parser")
    (mark,) = page.select(".doc-text abbr")
    assert (mark.get_text(), mark.find_parent("p")["id"]) == ("Second", "p2")
    # Material draws the title as HTML: escaped once more, it shows the explanation's characters.
    assert html.unescape(mark["title"]) == "The <b>next</b> one."
    assert pages[urls.ABBREVIATIONS_SNIPPET] == "*[Second]: The &amp;lt;b&amp;gt;next&amp;lt;/b&amp;gt; one.\n"


def test_the_glossary_page_cites_and_locates_each_term(pages):
    page = pages[urls.GLOSSARY]
    assert (
        'The &lt;b&gt;next&lt;/b&gt; one\\. <span class="evidence">([A publisher ¶\u00a02](../documents/text.md#p2))'
        in page
    )
    assert "- [A text](../documents/text.md): [¶\u00a02](../documents/text.md#p2)" in page


def test_the_index_links_every_paragraph_that_names_an_entry(pages):
    page = pages[urls.NAMES]
    assert "### First\n\n- [A text](../documents/text.md): [¶\u00a01](../documents/text.md#p1)" in page
    assert page.endswith("### Nowhere\n\nNo paragraph of the texts names it.\n")

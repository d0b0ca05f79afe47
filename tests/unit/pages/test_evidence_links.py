"""pages/evidence_links.py: references in the site's own prose become links, the prose stays text, and
an unmatched bracket or a reference to nothing is named where it was written."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coalition_texts.analysis.evidence import Evidence
from coalition_texts.build import render
from coalition_texts.model import urls
from coalition_texts.model.records import EvidenceSources, PublicSource
from coalition_texts.pages.evidence_links import Links
from coalition_texts.sources.anchors import Registry
from tests.base import source_error, write_sources


@pytest.fixture(scope="module")
def links(tmp_path_factory):
    folder = tmp_path_factory.mktemp("links")
    write_sources(folder)
    documents = render(folder, Registry(folder / urls.ANCHORS), "https://example.org/").documents
    public = PublicSource("asi", "ASI <agency>", 'A "news" agency.', "https://example.org/asi?a=1&b=2")
    return Links(Evidence(documents, EvidenceSources({"asi": public})))


def where(offset: int) -> str:
    return f"prose.md, offset {offset}"


def test_references_become_links_from_the_page_folder(links):
    text = links.expand("Held [[text#p1, text#p2]] and reported [[asi]].", where, "../")
    assert text == (
        'Held <span class="evidence">([A publisher ¶\u00a01](../documents/text.md#p1), '
        "[¶\u00a02](../documents/text.md#p2))</span> and reported "
        '<span class="evidence">(<a href="https://example.org/asi?a=1&amp;b=2" '
        'title="A &quot;news&quot; agency.">ASI &lt;agency&gt;</a>)</span>.'
    )


@given(st.text(alphabet="ab <>&*[]x", max_size=30).filter(lambda t: "[[" not in t and "]]" not in t))
def test_the_prose_around_references_keeps_its_characters_and_opens_no_element(links, text):
    expanded = links.expand(text + " [[text#p1]]", where, "")
    prose = expanded[: expanded.index('<span class="evidence">')]
    assert prose.replace("&lt;", "<") == text + " " and "<" not in prose


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("A [[text#p1] claim.", "prose.md, offset 2: an unmatched '[['."),
        ("A claim]] here.", "prose.md, offset 7: an unmatched ']]'."),
        ("Then [[text#p7]].", "prose.md, offset 5: document 'text' has no paragraph #p7."),
    ],
)
def test_bad_references_are_located(links, text, problem):
    assert source_error(lambda: links.expand(text, where, "")).startswith(problem)

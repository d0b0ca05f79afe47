"""postbuild/search_index.py: Material's index rewritten in-process from a small index and one document."""

from __future__ import annotations

import dataclasses
import html

from hypothesis import given
from hypothesis import strategies as st

from coalition_texts.model.records import Paragraph, RenderedDocument, SourceText
from coalition_texts.postbuild.search_index import DOCUMENT_PAGE_BOOST, SITE_PAGE_BOOST, rewrite
from coalition_texts.sources.search_variants import VariantGroup
from tests.base import minimal_catalog

SEPARATOR = r"[\s\-]+|\.(?!\d)"  # words end at spaces, hyphens and full stops (mkdocs.yml sets the site's)


def material_index() -> dict:
    return {
        "config": {"lang": ["en"], "separator": SEPARATOR},
        "docs": [{"location": "about/", "title": "About <b>the</b> site", "text": "Marrakech and more."}],
    }


def document(*paragraphs: str, **changes: object) -> RenderedDocument:
    doc = dataclasses.replace(minimal_catalog().documents[0], **changes)
    source = SourceText("0" * 64, tuple(Paragraph(text, n, n) for n, text in enumerate(paragraphs, 1)), ())
    return RenderedDocument(doc, source, tuple(f"p{n + 2}" for n in range(len(paragraphs))), ())


def test_one_entry_per_paragraph_headed_by_the_page(tmp_path):
    item = document("The ministers met in Marrakesh.", "Daesh was discussed.", tags=("Finance",), short_name="Text")
    groups = [VariantGroup(("Marrakesh", "Marrakech"), 1), VariantGroup(("Daesh", "ISIS"), 2)]
    index = rewrite(material_index(), [item], minimal_catalog(), groups, use_directory_urls=True)
    site_page, page, first, second = index["docs"]
    assert site_page["location"] == "about/" and site_page["heading"] == "About <b>the</b> site"
    assert site_page["variants"] == "Marrakesh" and site_page["boost"] == SITE_PAGE_BOOST
    assert (
        page["location"] == "documents/text/" and page["heading"] == "A text" and page["boost"] == DOCUMENT_PAGE_BOOST
    )
    assert page["text"] == "Publisher: A publisher. Published: 12 May 2022. Kind: Statement. Events: The meeting."
    assert page["title"].startswith("A text <span") and page["topics"] == "Finance"
    assert first == {"location": "documents/text/#p2", "title": "¶\u00a01 · Text",
                     "text": "The ministers met in Marrakesh.", "variants": "Marrakech"}  # fmt: skip
    assert second["location"] == "documents/text/#p3" and second["variants"] == "ISIS"
    assert "heading" not in first and "boost" not in first  # a title's words find the document, not each paragraph
    assert set(index["config"]["fields"]) == {"heading", "text", "tags", "topics", "variants"}


def test_offline_addresses_end_in_html():
    index = rewrite(material_index(), [document("Words.")], minimal_catalog(), [], use_directory_urls=False)
    assert [entry["location"] for entry in index["docs"][1:]] == ["documents/text.html", "documents/text.html#p2"]


def test_a_term_of_several_words_must_stand_in_order():
    groups = [VariantGroup(("Africa Focus Group", "AFG"), 1)]
    items = [document("The Africa Focus Group met.", "Group of Africa focus.")]
    _, _, together, apart = rewrite(material_index(), items, minimal_catalog(), groups, True)["docs"]
    assert together["variants"] == "AFG" and "variants" not in apart


@given(st.text(min_size=1).filter(str.strip))
def test_any_paragraph_is_its_own_words_as_html_text(text):
    index = rewrite(material_index(), [document(text)], minimal_catalog(), [], True)
    entry = index["docs"][-1]
    assert html.unescape(entry["text"]) == text
    assert "<" not in entry["text"] and "<" not in entry["title"]


def event_index(text: str) -> dict:
    """Material's index with the page-level entry of the minimal catalog's event page holding `text`."""
    return {
        "config": {"lang": ["en"], "separator": SEPARATOR},
        "docs": [{"location": "events/meeting/", "title": "The meeting", "text": text}],
    }


def test_an_event_pages_facts_read_one_to_a_line_after_its_summary():
    """The page keeps its definition list out of Material's index; the entry gets a line a fact, escaped."""
    catalog = minimal_catalog()
    event = dataclasses.replace(catalog.events[0], place="Marrakesh & <Rabat>", date_note="From a note.")
    catalog = dataclasses.replace(catalog, events=(event,))
    facts = (
        "<p>When: from 11 May 2022</p><p>About the date: From a note.</p><p>Where: Marrakesh &amp; &lt;Rabat&gt;</p>"
    )
    cases = {
        "<p>The ministers met.</p>": f"<p>The ministers met.</p>{facts}",
        # What the page says after the list and before its first heading stays after the facts.
        "<p>The ministers\nmet.</p> <ul><li>A.</li></ul><p>B.</p>": (
            f"<p>The ministers\nmet.</p>{facts} <ul><li>A.</li></ul><p>B.</p>"
        ),
        "<ul><li>A summary as a list.</li></ul><p>B.</p>": f"<ul><li>A summary as a list.</li></ul>{facts}<p>B.</p>",
        "": facts,
    }
    for text, expected in cases.items():
        (entry,) = rewrite(event_index(text), [], catalog, [], use_directory_urls=True)["docs"]
        assert entry["text"] == expected, text

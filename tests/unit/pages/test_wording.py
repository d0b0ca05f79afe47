"""pages/wording.py: counts in the site's prose agree with their number, and so does the verb after them;
and the pages the conversion writes read right for a collection of one document and no shared passage."""

from __future__ import annotations

import dataclasses
import re

from hypothesis import given
from hypothesis import strategies as st

from coalition_texts.build import render
from coalition_texts.model import urls
from coalition_texts.pages.documents import documents_index
from coalition_texts.pages.wording import agree, capitalised, count
from coalition_texts.sources.anchors import Registry
from tests.base import MINIMAL_SOURCES, minimal_catalog, write_sources

COUNTS = st.integers(0, 10_000) | st.sampled_from([0, 1, 2, 1_000, 10_000])


def test_one_and_many():
    assert count(1, "document") == "1 document" and count(2, "document") == "2 documents"
    assert count(0, "document") == "0 documents"  # a tally: plural, as English has it
    assert count(1, "pair of documents", "share", plural="pairs of documents") == "1 pair of documents shares"
    assert count(3, "pair of documents", "share", plural="pairs of documents") == "3 pairs of documents share"
    assert count(1, "paragraph", ("is", "are")) == "1 paragraph is"
    assert count(1_234, "word") == "1,234 words"


def test_zero_can_read_as_no():
    no_pair = count(0, "pair of documents", "share", plural="pairs of documents", zero="no pair of documents")
    assert capitalised(no_pair) + " passages." == "No pair of documents shares passages."
    assert count(2, "document", "concern", zero="no document") == "2 documents concern"  # only 0 changes


def test_capitalised_changes_only_the_first_letter():
    assert capitalised("no pair of EIN items") == "No pair of EIN items" and capitalised("") == ""


@given(COUNTS)
def test_any_count_agrees(number):
    noun = count(number, "document")
    assert noun == f"{number:,} {'document' if number == 1 else 'documents'}"
    with_verb = count(number, "document", "concern", zero="no document")
    expected = (
        "no document concerns"
        if number == 0
        else f"{number:,} {agree(number, 'document concerns', 'documents concern')}"
    )
    assert with_verb == expected
    # Never a singular noun with a plural number, nor the reverse.
    assert not re.search(r"\b(?!1\b)[\d,]+ document\b|\b1 documents\b", noun + " " + with_verb)


# --- the pages of a collection of one document, sharing no passage ------------------------------------

# A number other than 1 followed by a singular noun, or 1 followed by a plural one, in any page.
MISMATCH = re.compile(
    r"\b(?:1 (?:documents|paragraphs|words|pairs|rows|lines|texts|passages|shared passages)"
    r"|(?:[02-9]|\d\d+) (?:document|paragraph|word|pair|row|line|text|passage|shared passage)\b(?!s))"
)


def one_document(folder):
    """The minimal sources with a text of one paragraph of one word (the differences cite it)."""
    differences = MINIMAL_SOURCES["editorial/differences.yml"].replace("text#p2", "text#p1")
    write_sources(folder, {"text.txt": "Alone.\n", "editorial/differences.yml": differences})
    return render(folder, Registry(folder / urls.ANCHORS), "https://example.org/").pages


def test_one_document_of_one_paragraph_reads_in_the_singular(tmp_path):
    pages = one_document(tmp_path)
    assert "Length\n:   1 paragraph, 1 word\n" in pages[urls.document_page("text")]
    index = pages[urls.DOCUMENTS_INDEX]
    assert "description: The only document of the collection.\n" in index
    assert "\nThe only document of the collection. The label beside it says" in index and "newest first" not in index
    assert "; its page says where it comes from." in index and "each document's" not in index
    assert "1 of the collection's documents concerns this event." in pages[urls.event_page("meeting")]
    assert "· 1 document\n" in pages[urls.EVENTS_INDEX]
    compare = pages[urls.COMPARE_INDEX]
    assert "No pair of documents shares passages." in compare
    assert "\n## A document that shares no passage {#documents-that-share-no-passage}\n" in compare
    assert "This document repeats no passage of another document of the collection:" in compare
    for path, page in pages.items():
        assert not MISMATCH.search(page), (path, MISMATCH.search(page))


def test_an_event_no_document_concerns(tmp_path):
    events = (
        MINIMAL_SOURCES["events.yml"] + "  - id: later\n    name: Later\n    start: 2023\n    description: Later.\n"
    )
    pages = write_and_render(tmp_path, {"events.yml": events, "editorial/events/later.md": "Later [[text#p1]].\n"})
    assert "None of the collection's documents concerns this event." in pages[urls.event_page("later")]
    assert "· 0 documents\n" in pages[urls.EVENTS_INDEX]


def write_and_render(folder, changes):
    write_sources(folder, changes)
    return render(folder, Registry(folder / urls.ANCHORS), "https://example.org/").pages


def test_the_documents_list_names_the_collection_whole_for_none_one_and_many():
    one = minimal_catalog()
    (doc,) = one.documents
    many = dataclasses.replace(one, documents=(doc, dataclasses.replace(doc, id="other")))
    heads = {
        len(catalog.documents): documents_index(catalog).split("# Documents\n\n")
        for catalog in (dataclasses.replace(one, documents=()), one, many)
    }
    assert heads[0][0].count("\ndescription: The collection holds no document yet.\n") == 1
    assert heads[0][1].startswith("The collection holds no document yet.\n")  # no labels to explain
    assert heads[1][0].count("\ndescription: The only document of the collection.\n") == 1
    assert heads[2][0].count("\ndescription: All 2 documents of the collection.\n") == 1
    assert heads[2][1].startswith("All 2 documents, newest first (undated ones last). The label beside each says")
    assert "; each document's page says where it comes from." in heads[2][1]

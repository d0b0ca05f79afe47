"""pages/documents.py: what the site says of a document's supplied parts (description, listings, byline),
on the minimal catalog's document with each part supplied in turn."""

from __future__ import annotations

import dataclasses

import pytest
from bs4 import BeautifulSoup

from coalition_texts.model.dates import PartialDate
from coalition_texts.pages.documents import byline, description
from coalition_texts.pages.listings import date_cell, documents_list, supplied_date_mark
from tests.base import minimal_catalog


def marks(html: str) -> list[str]:
    """The words of each quiet "supplied" mark, without the explanation only screen readers hear."""
    soup = BeautifulSoup(html, "html.parser")
    for hidden in soup.select(".visually-hidden"):
        hidden.decompose()
    return [mark.get_text() for mark in soup.select(".supplied")]


def doc(**changes):
    return dataclasses.replace(minimal_catalog().documents[0], **changes)


@pytest.mark.parametrize(
    ("date", "parts", "mark", "shown"),
    [
        ((2022, 5, 12), (), "", "(12 May 2022)"),
        ((2023, 3, 3), ("year",), "year supplied", "(3 March [2023])"),
        ((2022, 5), ("month", "year"), "supplied", "([May 2022])"),
        (None, (), "", "(undated)"),
    ],
)
def test_supplied_date_parts_are_marked_alike_everywhere(date, parts, mark, shown):
    published = PartialDate(*date) if date else None
    text = doc(published=published, date_supplied_parts=parts, date_supplied=bool(parts))
    assert supplied_date_mark(text) == mark
    assert description(text) == f"Statement published by A publisher {shown}: “A text”."
    listed = "Date unknown" if published is None else published.human() + (f" ({mark})" if mark else "")
    assert BeautifulSoup(date_cell(text), "html.parser").get_text() == listed
    assert marks(date_cell(text)) == ([f"({mark})"] if mark else [])
    assert marks(byline(text)) == ([mark] if mark else [])


def test_a_supplied_title_publisher_and_address():
    text = doc(title_supplied=True, publisher_supplied=True, url="https://example.org/a", url_supplied=True)
    assert description(text) == "Statement published by [A publisher] (12 May 2022): “[A text]”."
    assert marks(byline(text)) == ["title supplied", "supplied", "supplied"]  # title, publisher, address
    cards = BeautifulSoup(documents_list([text], minimal_catalog(), "../"), "html.parser")
    assert " ".join(cards.select_one(".doc-card__title").get_text().split()).endswith("(supplied)")
    assert "A publisher (supplied)" in cards.select_one(".doc-card__meta").get_text()


def test_lists_are_newest_first_and_filterable_only_where_asked():
    older = doc(id="older", published=PartialDate(2021, 1))
    undated = doc(id="undated", published=None, date_note="Unknown.")
    newer = doc(id="newer", published=PartialDate(2022, 5, 12))
    listing = documents_list([older, undated, newer], minimal_catalog(), "")
    cards = BeautifulSoup(listing, "html.parser").select("li.doc-card")
    assert [card.select_one("a, p").get_text() for card in cards] == ["[A text](documents/newer.md)",
        "[A text](documents/older.md)", "[A text](documents/undated.md)"]  # fmt: skip
    assert "data-filterable" not in listing
    assert "data-filterable" in documents_list([older], minimal_catalog(), "", filters=True)

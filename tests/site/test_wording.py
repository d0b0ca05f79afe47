"""The site's own words, true for any collection: checked in the real built site and in a built scratch copy
whose catalog holds one document of one paragraph (tests/base.py's one_document_build, the session's
`one_document_site`; what its scripts say, tests/browser/test_reader_first_browser.py).

Counts agree with their number ("1 document", "No pair of documents shares passages"); an event without a
place claims none; and no page the pipeline writes describes what the data does not hold: the meta
descriptions of the scratch copy's generated pages name none of the real collection's names, places or years.
"""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

from tests.base import MINIMAL_SOURCES, catalog, source_data

HAND_WRITTEN = {"index.html", "about/index.html", "404.html"}  # docs/*.md and overrides/: not generated
# A number other than 1 before a singular noun, or 1 before a plural one.
MISMATCH = re.compile(
    r"\b(?:1 (?:documents|paragraphs|words|pairs|rows|lines|texts|passages|shared passages)"
    r"|(?:[02-9]|\d\d+) (?:document|paragraph|word|pair|row|line|text|passage|shared passage)\b(?!s))"
)


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def description(page: BeautifulSoup) -> str:
    meta = page.find("meta", attrs={"name": "description"})
    return meta["content"] if meta else ""


def test_a_collection_of_one_reads_in_the_singular(one_document_site):
    site = one_document_site
    documents = soup(site / "documents/index.html")
    assert description(documents) == "The only document of the collection."
    assert "The only document of the collection." in documents.get_text(" ")
    event = soup(site / "events/meeting/index.html")
    assert "1 of the collection's documents concerns this event." in event.get_text(" ")
    assert [dt.get_text() for dt in event.select(".doc-meta dt")] == ["When"]  # no place given: no "Where"
    page = soup(site / "documents/text/index.html").get_text(" ")
    assert re.search(r"Length\s+1 paragraph, 1 word\b", page)
    home = soup(site / "index.html")
    assert "The collection holds 1 text; by kind of source: Statement (1)." in " ".join(home.get_text().split())
    assert not re.search(r"\b(?:[Ff]ive|5) texts\b", description(home) + home.get_text(" "))  # the real site's size
    compare = soup(site / "compare/index.html").get_text(" ")
    assert "No pair of documents shares passages." in compare
    assert "This document repeats no passage of another document of the collection:" in compare
    for path in site.rglob("*.html"):
        text = soup(path).get_text(" ")
        assert not MISMATCH.search(text), (path, MISMATCH.search(text))


def real_names() -> set[str]:
    """What the real collection names that the minimal sources do not: people, places, organisations,
    glossary terms, events and their places, and the years of the timeline."""
    names = {entry["name"] for entry in source_data("index-entries.yml")["entries"]}
    names |= {term["term"] for term in source_data("glossary.yml")["terms"]}
    names |= {event.name for event in catalog().events} | {event.place for event in catalog().events if event.place}
    names |= {str(entry["date"])[:4] for entry in source_data("editorial/timeline.yml")["entries"]}
    return {name for name in names if name not in "\n".join(MINIMAL_SOURCES.values()) + "2022"}


def test_no_generated_page_describes_what_the_data_does_not_hold(one_document_site):
    names = real_names()
    assert {"Niamey", "2014", "Morocco"} <= names  # the check reads the real data
    for path in one_document_site.rglob("*.html"):
        relative = str(path.relative_to(one_document_site))
        if relative in HAND_WRITTEN:
            continue
        said = description(soup(path))
        assert said, relative
        named = [name for name in names if re.search(rf"\b{re.escape(name)}\b", said)]
        assert not named, (relative, said, named)


def test_no_event_page_of_the_real_site_claims_a_place_is_not_applicable(built_site):
    for event in catalog().events:
        page = soup(built_site / "events" / event.id / "index.html")
        facts = {dt.get_text(): dt.find_next_sibling("dd").get_text() for dt in page.select(".doc-meta dt")}
        assert facts.get("Where") == event.place, event.id  # the place as given, or no row at all
    assert not any("Not applicable" in path.read_text(encoding="utf-8") for path in built_site.rglob("*.html"))

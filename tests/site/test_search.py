"""The search index of the built site: one entry per paragraph, its words only, every link resolving.

The browser tests (test_search_browser.py) check what a reader sees; these check the index itself.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st

from coalition_texts.model.errors import SourceError
from coalition_texts.postbuild import search_index
from coalition_texts.sources import search_variants
from coalition_texts.sources.texts import read_source
from tests.base import ROOT, catalog, copy_project, index_of, mkdocs_build, one_build_error, variant_groups


def page_html(site: Path, location: str) -> BeautifulSoup:
    path = location.split("#")[0]
    file = site / path / "index.html" if path == "" or path.endswith("/") else site / path
    assert file.is_file(), f"search entry {location!r} leads to a missing page"
    return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def index(built_site) -> dict:
    return index_of(built_site)


def test_one_entry_per_paragraph_with_its_words_only(built_site, index, doc):
    source = read_source(ROOT / "sources" / doc.file, doc.strip, doc.id)
    shown = BeautifulSoup(
        (built_site / "documents" / doc.id / "index.html").read_text(encoding="utf-8"), "html.parser"
    ).select(".doc-text p.para")
    url = f"documents/{doc.id}/"
    entries = [e for e in index["docs"] if e["location"].startswith(f"{url}#p")]
    assert [e["location"] for e in entries] == [f"{url}#{p['id']}" for p in shown]
    assert [html.unescape(e["text"]) for e in entries] == [p.text for p in source.paragraphs]
    for number, entry in enumerate(entries, start=1):
        assert html.unescape(entry["title"]) == f"¶\u00a0{number} · {doc.short_name}"
        assert "heading" not in entry  # the document's title matches the document, not each paragraph
    # Results are grouped under the page's own entry, which Material expects before its sections.
    locations = [e["location"] for e in index["docs"]]
    assert locations.index(url) == locations.index(entries[0]["location"]) - 1


def test_every_location_resolves_to_a_page_and_anchor(built_site, index):
    for entry in index["docs"]:
        location = entry["location"]
        assert location is not None and "undefined" not in location
        page = page_html(built_site, location)
        anchor = location.partition("#")[2]
        if anchor:
            assert page.find(id=anchor), f"search entry {location!r} leads to a missing anchor"
        if re.fullmatch(r"p\d+", anchor) and location.startswith("documents/"):
            target = page.find(id=anchor)
            assert "para" in target.get("class", []), location
            assert html.unescape(entry["text"]).split() == target.get_text().split()


def test_page_furniture_is_not_indexed(index):
    paragraphs = [e for e in index["docs"] if re.search(r"^documents/[^/]+/#p\d+$", e["location"])]
    for entry in paragraphs:
        assert "<" not in entry["text"], "markup (links, buttons, notes) in a paragraph's indexed text"
        assert "Link to paragraph" not in entry["text"]
    others = [e for e in index["docs"] if e not in paragraphs]
    # The page's "Text" section is replaced by the paragraph entries, and removed furniture is not indexed.
    assert not [e["location"] for e in others if e["location"].endswith(("#text", "#removed-page-furniture"))]
    for doc in catalog().documents:
        page_entry = next(e for e in index["docs"] if e["location"] == f"documents/{doc.id}/")
        for line in doc.strip:
            assert html.escape(line, quote=False) not in page_entry["text"]


def test_paragraph_text_starts_as_the_source_does(index):
    """No number, link label or button text before a paragraph's first word."""
    for doc in catalog().documents:
        source = read_source(ROOT / "sources" / doc.file, doc.strip, doc.id)
        first = next(e for e in index["docs"] if e["location"] == f"documents/{doc.id}/#p1")
        assert html.unescape(first["text"]) == source.paragraphs[0].text


def test_document_facts_are_searchable(index, doc):
    entry = next(e for e in index["docs"] if e["location"] == f"documents/{doc.id}/")
    text = html.unescape(entry["text"])
    assert doc.publisher in text
    if doc.place:
        assert doc.place in text
    for event in doc.events:
        assert catalog().event(event).name in text
    assert html.unescape(entry["heading"]) == doc.title


def test_event_facts_read_one_to_a_line_after_the_summary(index):
    """Each event page's entry: its summary, then "When: …", "About the date: …", "Where: …" a line each, as the
    page lists them (not run together, as Material indexes a definition list)."""
    for event in catalog().events:
        entry = next(e for e in index["docs"] if e["location"] == f"events/{event.id}/")
        lines = [p.get_text() for p in BeautifulSoup(entry["text"], "html.parser").find_all("p", recursive=False)]
        facts = [f"When: {event.when()}"]
        facts += [f"About the date: {event.date_note}"] if event.date_note else []
        facts += [f"Where: {event.place}"] if event.place else []
        assert lines[1 : 1 + len(facts)] == facts, event.id  # after the summary, a paragraph
        assert "When " not in BeautifulSoup(entry["text"], "html.parser").get_text().replace("When: ", "")


def test_document_entry_shows_title_and_kind_and_hides_topics(index, doc):
    """Material draws `tags` as chips above the hits: a document's topics are searched, not shown."""
    entry = next(e for e in index["docs"] if e["location"] == f"documents/{doc.id}/")
    assert "tags" not in entry
    assert entry.get("topics", "") == " ".join(doc.tags)
    assert "topics" in index["config"]["fields"]
    title = BeautifulSoup(entry["title"], "html.parser")
    badge = title.select_one("span.kind-badge")
    assert badge.get_text() == doc.kind_label
    badge.decompose()
    assert title.get_text().strip() == doc.title.strip()


def test_fields_rank_the_texts_first(index):
    fields = index["config"]["fields"]
    assert set(fields) >= {"heading", "text", "variants"}
    assert "title" not in fields  # shown, not searched: see search_index.py
    assert fields["variants"]["boost"] < fields["text"]["boost"]
    boosts = {e.get("boost", 1.0) for e in index["docs"] if "#p" not in e["location"]}
    assert max(boosts) < 1.0


@pytest.mark.parametrize(
    ("word", "variant"),
    [("Marrakesh", "Marrakech"), ("Marrakech", "Marrakesh"), ("ISIS-Khorasan", "ISIS-K"), ("Daesh", "ISIL"),
     ("Africa Focus Group", "AFG"), ("ISIS", "Islamic State")],
)  # fmt: skip
def test_variants_are_searchable_but_the_text_is_unchanged(index, word, variant):
    pattern = re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])", re.IGNORECASE)
    holding = [e for e in index["docs"] if "#p" in e["location"] and pattern.search(html.unescape(e["text"]))]
    assert holding, f"no paragraph uses {word!r}"
    for entry in holding:
        if variant.lower() not in html.unescape(entry["text"]).lower():
            assert variant in entry.get("variants", ""), entry["location"]


def test_the_variants_file_is_data():
    found = {term for group in variant_groups() for term in group.terms}
    assert {"Marrakech", "Marrakesh", "Daesh", "ISIS", "ISIL", "Islamic State", "ISIS-K", "ISIS-Khorasan"} <= found
    assert {"AFG", "Africa Focus Group"} <= found


WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8)


@given(
    before=st.lists(WORD, max_size=6),
    after=st.lists(WORD, max_size=6),
    group=st.deferred(lambda: st.sampled_from(variant_groups())),  # read when the test runs, not at import
    pick=st.integers(min_value=0),
)
def test_a_term_anywhere_brings_the_rest_of_its_group(before, after, group, pick):
    term = group.terms[pick % len(group.terms)]
    tokens = search_index._Tokens(r"[\s\-,.()]+")
    text = " ".join([*before, f"({term}),", *after])
    extra = search_index._Variants([group], tokens).extra_terms(text)
    for other in group.terms:
        if other != term and not set(tokens(other)) <= set(tokens(text)):
            assert other in extra


@given(text=st.text(alphabet="abcdehij XYZ-/.,", max_size=60))
def test_no_variants_for_a_text_without_terms(text):
    tokens = search_index._Tokens(r"[\s\-,./]+")
    assert search_index._Variants(variant_groups(), tokens).extra_terms(text) == ""


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("variants:\n  - terms: [Marrakesh]\n", "line 2 (variant group 1, field 'terms'): lists fewer than two terms"),
        (
            "variants:\n  - terms: [A, B]\n  - terms: [b, C]\n",
            "line 3 (variant group 2, field 'terms'): 'b' is already",
        ),
        ("variants:\n  - terms: [A, B]\n    weight: 2\n", "line 3 (variant group 1, field 'weight'): unknown field"),
        ("variants: [A, B\n", "is not valid YAML"),
    ],
)
def test_bad_variants_file_names_file_line_and_field(tmp_path, content, message):
    (tmp_path / search_variants.VARIANTS_FILE).write_text(content, encoding="utf-8")
    with pytest.raises(SourceError) as error:
        search_variants.load_variants(tmp_path)
    assert search_variants.VARIANTS_FILE in str(error.value)
    assert message in str(error.value)


def test_bad_variants_file_stops_the_build_with_one_message(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "sources" / search_variants.VARIANTS_FILE).write_text("variants:\n  - terms: [AFG]\n", encoding="utf-8")
    error = one_build_error(mkdocs_build(project, tmp_path / "site"))
    assert "sources/search-variants.yml, line 2 (variant group 1, field 'terms')" in error

"""pages/events.py: an event's page and the events list, from the minimal sources/ (the real events'
prose and evidence: tests/site/test_editorial.py)."""

from __future__ import annotations

from coalition_texts.build import render
from coalition_texts.model import urls
from coalition_texts.sources.anchors import Registry
from tests.base import MINIMAL_SOURCES, write_sources


def pages(folder, events: str = MINIMAL_SOURCES["events.yml"]) -> dict[str, str]:
    write_sources(folder, {"events.yml": events})
    return render(folder, Registry(folder / urls.ANCHORS), "https://example.org/").pages


def test_the_event_page_leads_with_its_text_and_lists_its_documents(tmp_path):
    page = pages(tmp_path)[urls.event_page("meeting")]
    assert page.startswith("---\ntitle: The meeting\ndescription: A meeting.\n---\n\n# The meeting\n\n")
    assert (
        'The meeting was held <span class="evidence">([A publisher ¶\u00a01](../documents/text.md#p1))</span>.' in page
    )
    assert '<li class="doc-card" data-kind="statement" data-events="meeting"' in page


def test_dates_no_text_states_are_marked_in_the_list(tmp_path):
    listed = pages(tmp_path / "a")[urls.EVENTS_INDEX]
    assert "\nfrom 11 May 2022 · 1 document\n" in listed and "not stated" not in listed  # no end: it goes on
    noted = MINIMAL_SOURCES["events.yml"] + "    end: 2022-05-12\n    date_note: From a public source.\n"
    listed = pages(tmp_path / "b", noted)[urls.EVENTS_INDEX]
    assert '11–12 May 2022 <span class="supplied">(dates not stated in the texts)</span>' in listed


def test_an_event_without_a_place_makes_no_claim_about_one(tmp_path):
    """`place` is optional: where the catalog gives none the page has no "Where" row (not "Not applicable")."""
    page = pages(tmp_path / "a")[urls.event_page("meeting")]
    assert "Where" not in page and "applicable" not in page
    placed = pages(tmp_path / "b", MINIMAL_SOURCES["events.yml"] + "    place: Niamey, Niger\n")
    assert "Where\n:   Niamey, Niger\n" in placed[urls.event_page("meeting")]
    assert "\nfrom 11 May 2022, Niamey, Niger · 1 document\n" in placed[urls.EVENTS_INDEX]

"""The lists of documents as a reader uses them in Chromium, on a desktop (1366x900) and a phone (390x844).

Every document is listed, nothing is wider than the screen, the filters (docs/javascripts/document-filters.js)
narrow the list and say how many are shown, and without script the whole list shows. The kind of source
reads the same on the list, the document's page, its events' pages and in search results. The headings
of the comparison pages, which name texts by their short names, never break a word on a phone.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.base import catalog
from tests.browser.actions import FITS_WIDTH, fits_width, search, tab_until

pytestmark = pytest.mark.browser

SIZES = {"desktop": (1366, 900), "phone": (390, 844)}
CARD = "ul.doc-cards > li.doc-card"

# Elements of the page's content that reach past the right edge of the window. Material hides the
# horizontal overflow of <html>, so a too-wide element would be cut off rather than scroll: measure both.
OVERFLOWING = """() => [...document.querySelectorAll('.md-content *')]
  .filter(e => e.getClientRects().length && e.getBoundingClientRect().right > window.innerWidth + 0.5)
  .map(e => e.tagName + '.' + e.className + ': ' + e.textContent.trim().slice(0, 60))"""


@pytest.fixture(params=list(SIZES), ids=list(SIZES))
def sized(browser, request):
    width, height = SIZES[request.param]
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.requests = requests
    yield page
    context.close()


def listed_ids(page: Page, visible_only: bool = True) -> list[str]:
    selector = f"{CARD}:not([hidden])" if visible_only else CARD
    hrefs = page.locator(f"{selector} .doc-card__title a").evaluate_all("links => links.map(a => a.href)")
    return [re.search(r"/documents/([^/]+)/", href).group(1) for href in hrefs]


def count_text(page: Page) -> str:
    return page.locator(".doc-filters-count").inner_text()


def test_documents_list_fits_the_screen_and_lists_every_document(sized, site_url):
    sized.goto(site_url + "/documents/")
    assert fits_width(sized)
    assert sized.evaluate(OVERFLOWING) == []
    assert sorted(listed_ids(sized)) == sorted(doc.id for doc in catalog().documents)
    # Titles get the list's whole width, not a narrow column.
    widths = sized.evaluate(
        f"() => [...document.querySelectorAll('{CARD} .doc-card__title')].map(t => t.getBoundingClientRect().width"
        " / t.closest('ul').getBoundingClientRect().width)"
    )
    assert widths and min(widths) > 0.95
    for doc in catalog().documents:
        card = sized.locator(CARD).filter(has=sized.locator(f'a[href$="{doc.id}/"]'))
        expect(card.locator(".kind-badge")).to_have_text(doc.kind_label)
        expect(card).to_contain_text(doc.publisher)
    assert all(url.startswith(site_url) for url in sized.requests), sized.requests


def test_every_list_of_documents_fits_a_phone(browser, site_url):
    """The home page and each event page use the same list."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        for path in ["/", *(f"/events/{event.id}/" for event in catalog().events)]:
            page.goto(site_url + path)
            assert page.locator(CARD).count() > 0, path
            assert fits_width(page), path
            assert page.evaluate(OVERFLOWING) == [], path
    finally:
        context.close()


def test_filters_narrow_the_list_and_the_count(sized, site_url):
    sized.goto(site_url + "/documents/")
    total = len(catalog().documents)
    expect(sized.locator(".doc-filters-count")).to_have_text(f"Showing all {total} documents.")
    expect(sized.locator(".doc-filters-count")).to_have_attribute("role", "status")

    kind = sized.get_by_label("Kind of source", exact=True)
    event = sized.get_by_label("Event", exact=True)
    publisher = sized.get_by_label("Publisher", exact=True)
    repost = next(doc for doc in catalog().documents if doc.kind == "repost")
    kind.select_option(label=repost.kind_label)
    wanted = [doc.id for doc in catalog().documents if doc.kind == "repost"]
    assert listed_ids(sized) == wanted
    expect(sized.locator(".doc-filters-count")).to_have_text(f"Showing {len(wanted)} of {total} documents.")

    kind.select_option(value="")
    niamey = catalog().event("niamey-meeting-2023")
    event.select_option(label=niamey.short_name)
    assert sorted(listed_ids(sized)) == sorted(d.id for d in catalog().documents if niamey.id in d.events)

    event.select_option(value="")
    publisher.select_option(label="The Sun (Nigeria)")
    assert listed_ids(sized) == ["sun-nigeria-nsa-delegation-2022"]

    kind.select_option(label=repost.kind_label)  # the Sun's report is not a repost: nothing left
    assert listed_ids(sized) == []
    expect(sized.locator(".doc-filters-count")).to_have_text(f"Showing 0 of {total} documents.")

    sized.get_by_role("button", name="Show all").click()
    assert sorted(listed_ids(sized)) == sorted(doc.id for doc in catalog().documents)
    expect(sized.locator(".doc-filters-count")).to_have_text(f"Showing all {total} documents.")
    assert fits_width(sized)
    assert all(url.startswith(site_url) for url in sized.requests), "a filter asked another host"


def test_the_list_does_not_move_when_the_filters_appear(sized, site_url):
    """The filters fill room kept for them from the first paint: no layout shift, at either size."""
    sized.goto(site_url + "/documents/")
    expect(sized.locator(".doc-filters select")).to_have_count(3)
    shift = sized.evaluate(
        """() => new Promise(resolve => {
          let total = 0;
          new PerformanceObserver(list => { for (const e of list.getEntries()) total += e.value; })
            .observe({type: 'layout-shift', buffered: true});
          setTimeout(() => resolve(total), 300);
        })"""
    )
    assert shift < 0.01
    slot = sized.locator(".doc-filters-slot").bounding_box()
    filled = sized.evaluate(
        "() => document.querySelector('.doc-filters-count').getBoundingClientRect().bottom"
        " - document.querySelector('.doc-filters').getBoundingClientRect().top"
    )
    assert abs(slot["height"] - filled) < 1, (slot, filled)


def test_filters_are_reached_and_used_by_keyboard_with_visible_focus(sized, site_url):
    sized.goto(site_url + "/documents/")
    kind = sized.get_by_label("Kind of source", exact=True)
    tab_until(sized, "document.activeElement.matches('select[name=kind]')", 60, "the kind filter")
    outline = kind.evaluate("el => getComputedStyle(el).outlineStyle + ' ' + getComputedStyle(el).outlineWidth")
    assert not outline.startswith("none") and not outline.endswith(" 0px"), outline
    news = next(doc for doc in catalog().documents if doc.kind == "news-report")
    kind.select_option(label=news.kind_label)  # what a keyboard's arrow keys do to a focused <select>
    sized.keyboard.press("Tab")
    expect(sized.get_by_label("Event", exact=True)).to_be_focused()
    assert news.id in listed_ids(sized)


def test_without_script_the_whole_list_shows(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(site_url + "/documents/")
        expect(page.locator(".doc-filters")).to_have_count(0)
        expect(page.locator(".doc-filters-slot")).to_be_hidden()  # no empty room kept above the list
        assert sorted(listed_ids(page, visible_only=False)) == sorted(doc.id for doc in catalog().documents)
        for card in page.locator(CARD).all():
            expect(card).to_be_visible()
        assert page.evaluate(FITS_WIDTH)  # no script, so nothing moves after the load
    finally:
        context.close()


def test_kind_reads_the_same_on_list_page_event_and_search(sized, site_url, doc):
    def badge(locator) -> tuple[str, str]:
        return locator.inner_text(), locator.get_attribute("class")

    sized.goto(site_url + "/documents/")
    card = sized.locator(CARD).filter(has=sized.locator(f'a[href$="{doc.id}/"]'))
    expected = badge(card.locator(".kind-badge"))
    assert expected[0] == doc.kind_label
    sized.goto(site_url + f"/documents/{doc.id}/")
    assert badge(sized.locator("article .doc-byline .kind-badge")) == expected
    for event in doc.events:
        sized.goto(site_url + f"/events/{event}/")
        card = sized.locator(CARD).filter(has=sized.locator(f'a[href$="{doc.id}/"]'))
        assert badge(card.locator(".kind-badge")) == expected
    sized.goto(site_url + "/")
    search(sized, doc.title)
    group = sized.locator(".md-search-result__item").filter(
        has=sized.locator(f'a.md-search-result__link[href*="/documents/{doc.id}/"]')
    )
    assert badge(group.first.locator("h1 .kind-badge")) == expected


# Words of headings and table heads that the browser split over two lines, and headings wider than the
# window (tables scroll in a box of their own). A word is a run of non-space characters within one text
# node (<wbr> after a slash or dot in an address separates text nodes: a break there is allowed).
BROKEN_WORDS = """() => {
  const broken = [];
  for (const heading of document.querySelectorAll('article h1, article h2, article th')) {
    const r = heading.getBoundingClientRect();
    // A wide table scrolls in its own box (Material's scroll wrapper); a heading must fit the window.
    const tooWide = heading.tagName !== 'TH' && r.right > window.innerWidth + 0.5;
    if (tooWide) broken.push('too wide: ' + heading.textContent.trim());
    const walker = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.data.matchAll(/\\S+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set([...range.getClientRects()].filter(b => b.width > 0).map(b => Math.round(b.top)));
        if (lines.size > 1) broken.push(match[0]);
      }
    }
  }
  return broken;
}"""


def test_comparison_headings_never_break_a_word_on_a_phone(browser, site_url, built_site):
    pages = sorted(path.parent.name for path in (built_site / "compare").glob("*--*/index.html"))
    assert pages
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        for name in ["", *pages]:
            page.goto(f"{site_url}/compare/{name}/" if name else f"{site_url}/compare/")
            assert page.evaluate(BROKEN_WORDS) == [], name
            assert fits_width(page), name
    finally:
        context.close()

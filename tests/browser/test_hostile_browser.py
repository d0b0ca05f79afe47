"""A site built with hostile values in every data field, driven in Chromium: nothing runs, nothing is fetched
from another host, and the title and tooltips read as the text they were given."""

from __future__ import annotations

import pytest

from coalition_bench.harness import serve
from tests.site.hostile import DOC, EVENT, HOSTILE, SITE_NAME, normal


@pytest.mark.browser
def test_nothing_runs_or_fetches_in_chromium(hostile_site, browser):
    """Every page that shows a value, with tooltips drawn and a search made: no dialog, no other host."""
    with serve(hostile_site) as address:
        dialogs, foreign = visit_every_page(browser, address + "/")
    assert dialogs == [] and foreign == []


def visit_every_page(browser, base: str) -> tuple[list[str], list[str]]:
    dialogs: list[str] = []
    foreign: list[str] = []
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("request", lambda request: None if request.url.startswith(base) or request.url.startswith("data:")
            else foreign.append(request.url))  # fmt: skip
    try:
        for path in ["", f"documents/{DOC}/", "documents/", f"events/{EVENT}/", "events/",
                     "reference/topics/", "reference/glossary/", "reference/names/", "overview/timeline/",
                     "overview/differences/", "compare/"]:  # fmt: skip
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
            for selector in ["abbr[title]", ".evidence a[title]", "abbr"]:
                for element in page.locator(selector).all()[:3]:
                    if element.is_visible():
                        element.hover()
                        page.wait_for_timeout(150)
        page.goto(base + f"documents/{DOC}/")
        assert normal(page.title()) == f"{normal(HOSTILE)} - {SITE_NAME}"
        page.locator("p.para abbr").first.hover()
        tooltip = page.locator(".md-tooltip2--active")
        tooltip.wait_for(state="visible")
        assert normal(tooltip.inner_text()) == f"{normal(HOSTILE)}: {normal(HOSTILE)}"
        page.keyboard.press("/")
        page.keyboard.type("onerror")
        page.wait_for_selector(".md-search-result__item", timeout=10_000)
        page.wait_for_timeout(500)
        page.goto(base + f"data/sources/{DOC}.txt")
        assert page.locator("pre").count() == 1  # shown as plain text
    finally:
        context.close()
    return dialogs, foreign

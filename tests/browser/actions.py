"""What the browser tests do in a page: open Material's search and type a query, run axe-core."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.base import ROOT

SEARCH_INPUT = "input.md-search__input"
META = ".md-search-result__meta"
# Material's placeholders while the index loads and before anything is typed.
NOT_YET = ("Initializing search", "Type to start searching")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# The rules Lighthouse's accessibility score weighs (node_modules/lighthouse/core/config/default-config.js)
# that no WCAG tag runs: axe's "best practices" the "Lighthouse 1.0" holds us to. (A menu label given
# role=button passed every WCAG rule and cost the score a point: aria-allowed-role.)
LIGHTHOUSE_RULES = [
    "accesskeys",
    "aria-allowed-role",
    "aria-dialog-name",
    "aria-text",
    "aria-treeitem-name",
    "heading-order",
    "image-redundant-alt",
    "skip-link",
    "tabindex",
    "table-duplicate-name",
]


def open_search(page: Page) -> None:
    """Open the search box; on a phone it is behind the header's search button."""
    button = page.locator('label.md-header__button[for="__search"]')
    if page.locator("#__search").is_checked():
        page.locator(SEARCH_INPUT).focus()
    elif button.is_visible():
        button.click()
        expect(page.locator(SEARCH_INPUT)).to_be_focused()
    else:
        page.locator(SEARCH_INPUT).click()


def search(page: Page, query: str) -> None:
    """Type the query into Material's search box and wait for the results of the whole query."""
    open_search(page)
    page.locator(SEARCH_INPUT).fill(query)
    page.locator(SEARCH_INPUT).press("End")  # Material queries on keyup
    page.wait_for_function(
        "([selector, waiting]) => { const meta = document.querySelector(selector);"
        " return meta && !waiting.some(text => meta.textContent.includes(text)); }",
        arg=[META, list(NOT_YET)],
        timeout=20_000,
    )


def tab_until(page: Page, reached: str, limit: int, what: str) -> None:
    """Press Tab until the JavaScript expression `reached` is true (`limit` presses at most), as a keyboard
    reader would; fail naming `what` was never reached."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(reached):
            return
    pytest.fail(f"Tab never reached {what}")


def settle(page: Page) -> None:
    """Wait until the page has finished reacting to what was just done, before measuring it.

    Material reacts late on purpose: focus and blur reach it through a 1 ms debounce, and what it then
    changes (a toggle opening the search, say) starts CSS transitions on the next frames. On a loaded
    machine a measurement taken straight after a key press can fall before the reaction or midway through
    a transition (the phone search box slides in from 5 % to the right, widening the page meanwhile).
    A timer of 20 ms fires after the theme's 1 ms ones; two frames let the styles they set apply; then
    the transitions those styles started are waited out."""
    page.evaluate(
        "() => new Promise(done => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(done)), 20))"
    )
    page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')", timeout=10_000)


FITS_WIDTH = "document.documentElement.scrollWidth <= window.innerWidth"  # no sideways scrolling


def fits_width(page: Page) -> bool:
    """Whether the settled page fits its viewport's width. (Not for a page with script turned off: its timers
    never fire, so there settle would wait for ever; evaluate FITS_WIDTH there, with nothing to wait for.)"""
    settle(page)
    return bool(page.evaluate(FITS_WIDTH))


def axe_violations(page, axe_source: str) -> list[str]:
    # Colours read midway through a CSS transition (search results fading in as the query is typed)
    # are neither the start nor the end state.
    settle(page)
    page.add_script_tag(content=axe_source)
    result = page.evaluate(
        "([tags, rules]) => axe.run(document, {runOnly: {type: 'tag', values: tags},"
        " rules: Object.fromEntries(rules.map(rule => [rule, {enabled: true}]))})",
        [WCAG_TAGS, LIGHTHOUSE_RULES],
    )
    found = []
    for violation in result["violations"]:
        for node in violation["nodes"]:
            summary = " ".join(node["failureSummary"].split())
            found.append(f"{violation['id']} at {' '.join(node['target'])}: {summary}")
    return found

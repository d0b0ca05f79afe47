"""WCAG 2.2 A/AA in Chromium with axe-core, in light and dark palettes, and keyboard-only use.

Every page type (`page_types` of coalition_bench.harness: the home page, every page of the main navigation such as the
glossary, and the largest page of each collection: a document, an event, a comparison... as they appear)
is checked, plus the home page with search results open. axe-core comes from npm (package.json, installed by `npm ci`).
"""

from __future__ import annotations

import pytest

from coalition_bench.harness import page_types
from tests.base import ROOT
from tests.browser.actions import AXE, axe_violations

pytestmark = pytest.mark.browser

SCHEMES = {"light": "default", "dark": "slate"}  # prefers-color-scheme -> Material palette scheme
SEARCH_QUERY = "Marrakesh"


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.is_file():
        pytest.fail(f"{AXE.relative_to(ROOT)} is missing: run `npm ci` in the project folder (see README, Tests)")
    return AXE.read_text(encoding="utf-8")


def open_with_scheme(browser, url: str, scheme: str):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.body.dataset.mdColorScheme") == SCHEMES[scheme], url
    return context, page


def open_search(page) -> None:
    page.locator("input.md-search__input").focus()
    page.keyboard.type(SEARCH_QUERY)
    page.locator(".md-search-result__item").first.wait_for()
    # The results are redrawn after each keystroke: wait until the list stops changing.
    page.wait_for_function(
        """() => new Promise(done => {
            const list = document.querySelector('.md-search-result__list');
            let timer = setTimeout(() => done(true), 500);
            new MutationObserver(() => { clearTimeout(timer); timer = setTimeout(() => done(true), 500); })
                .observe(list, {childList: true, subtree: true, attributes: true});
        })"""
    )


@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_page_type_meets_wcag_22_aa(browser, built_site, site_url, axe_source, scheme):
    types = page_types(built_site)
    assert {"home", "documents/*", "events/*"} <= set(types)
    failures = []
    for name, path in types.items():
        context, page = open_with_scheme(browser, f"{site_url}/{path}", scheme)
        failures += [f"{name} ({path or '/'}): {v}" for v in axe_violations(page, axe_source)]
        context.close()
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_search_results_meet_wcag_22_aa(browser, site_url, axe_source, scheme):
    context, page = open_with_scheme(browser, f"{site_url}/", scheme)
    open_search(page)
    assert page.locator(".md-search-result__item").count() > 0
    violations = axe_violations(page, axe_source)
    context.close()
    assert not violations, "\n".join(violations)


# The controls a keyboard user must reach: visible, enabled, interactive. A label bound to a visually
# hidden radio or checkbox (Material's palette toggle) is reached through its input. Inputs that are not
# rendered at all (Material's `display: none` state toggles) cannot take focus and are driven by other controls.
CONTROLS_JS = """() => {
  const shown = el => {
    const box = el.getBoundingClientRect(), style = getComputedStyle(el);
    return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && !el.closest('[hidden],[inert]');
  };
  const sel = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]';
  const drawnByLabel = el => getComputedStyle(el).display !== 'none' && el.labels && [...el.labels].some(shown);
  // A radio group is one Tab stop (arrow keys move within it): count its checked radio only.
  const tabStop = el => el.type !== 'radio' || !el.name || el.checked ||
    (!document.querySelector(`input[type=radio][name="${el.name}"]:checked`) &&
     document.querySelector(`input[type=radio][name="${el.name}"]`) === el);
  const controls = [...document.querySelectorAll(sel)].filter(el =>
    el.tabIndex >= 0 && !el.disabled && tabStop(el) && (shown(el) || drawnByLabel(el)));
  controls.forEach((el, i) => el.setAttribute('data-kbd', i));
  return controls.map(el => el.outerHTML.slice(0, 120));
}"""

# Where a focused element shows its focus: itself, or the label drawn for a hidden input.
FOCUS_BOX_JS = """() => {
  let el = document.activeElement;
  if (!el || el === document.body) return null;
  let box = el.getBoundingClientRect();
  if (box.width < 2 || box.height < 2) {
    // Material draws a hidden radio's switch as the label that follows it.
    const next = el.nextElementSibling && el.nextElementSibling.tagName === 'LABEL' ? [el.nextElementSibling] : [];
    el = [...next, ...(el.labels || [])].find(l => l.getBoundingClientRect().width > 0) || el;
    box = el.getBoundingClientRect();
  }
  const active = document.activeElement, parent = active.parentElement;
  // Elements of one kind in one place share their focus style: one look at each kind is enough.
  const kind = [active.tagName, active.className, active.type, parent && parent.className].join('|');
  return {id: active.getAttribute('data-kbd'), kind, x: box.x, y: box.y, w: box.width, h: box.height};
}"""


def focus_clip(box: dict, viewport: dict) -> dict:
    margin = 6  # outlines and focus rings are drawn outside the box
    x, y = max(box["x"] - margin, 0), max(box["y"] - margin, 0)
    width = min(box["x"] + box["w"] + margin, viewport["width"]) - x
    height = min(box["y"] + box["h"] + margin, viewport["height"]) - y
    return {"x": x, "y": y, "width": max(width, 1), "height": max(height, 1)}


def keyboard_walk(page) -> tuple[list[str], set[str], list[str]]:
    """Tab through the page; return the controls, those reached, and those whose focus was not visible."""
    controls = page.evaluate(CONTROLS_JS)
    reached, invisible, seen_kinds = set(), [], set()
    viewport = page.viewport_size
    for _ in range(len(controls) + 20):
        page.keyboard.press("Tab")
        box = page.evaluate(FOCUS_BOX_JS)
        if box is None or box["id"] is None:
            continue
        if box["id"] in reached:
            break  # focus went round the page
        reached.add(box["id"])
        if box["kind"] in seen_kinds:
            continue
        seen_kinds.add(box["kind"])
        clip = focus_clip(box, viewport)
        focused = page.screenshot(clip=clip, animations="disabled")
        page.evaluate("() => document.activeElement.blur()")
        unfocused = page.screenshot(clip=clip, animations="disabled")
        page.evaluate("i => document.querySelector(`[data-kbd='${i}']`).focus()", box["id"])
        if focused == unfocused:
            invisible.append(controls[int(box["id"])])
    return controls, reached, invisible


@pytest.mark.parametrize("scheme", SCHEMES)
def test_keyboard_reaches_every_control_with_visible_focus(browser, built_site, site_url, scheme):
    failures = []
    for name, path in page_types(built_site).items():
        context, page = open_with_scheme(browser, f"{site_url}/{path}", scheme)
        controls, reached, invisible = keyboard_walk(page)
        assert len(controls) > 3, name
        missed = [html for i, html in enumerate(controls) if str(i) not in reached]
        failures += [f"{name}: not reachable by Tab: {html}" for html in missed]
        failures += [f"{name}: no visible focus: {html}" for html in invisible]
        context.close()
    assert not failures, "\n".join(failures)

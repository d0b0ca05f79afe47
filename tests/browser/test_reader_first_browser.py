"""Reading comes first, in Chromium, at 1366x900 and 390x844, for every document the built site holds.

The text starts on the first screen (also for a document with the longest metadata the catalog
allows, built in a scratch copy); a keyboard reader reaches ¶ 1 within 25 Tabs; selected paragraphs
copy as exactly their words; the paragraph buttons are visible and large enough; the phone menu
leads to the page's sections; a link to a missing paragraph says so; the 404 page leads back.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from coalition_bench.harness import page_types
from coalition_texts.sources.catalog import load_catalog
from coalition_texts.sources.texts import read_source
from tests.base import copy_project, mkdocs_build, serve
from tests.browser.actions import AXE, axe_violations, settle, tab_until

pytestmark = pytest.mark.browser

SIZES = {"desktop": (1366, 900), "phone": (390, 844)}
MAX_TABS = 25
LONG_ID = "long-metadata-document"

# The position of character `offset` of a paragraph's words, skipping the number link and the tools.
POINT_AT = """([id, offset]) => {
  const paragraph = document.getElementById(id);
  const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT, {acceptNode: node =>
    node.parentElement.closest('.para-link, .para-tools') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT});
  let left = offset, node = null, last = null;
  while ((node = walker.nextNode())) {
    last = node;
    if (left <= node.data.length) return [node, left];
    left -= node.data.length;
  }
  return [last, last.data.length];
}"""
SELECT_SPAN = (
    """([[startId, startOffset], [endId, endOffset]]) => {
  const pointAt = """
    + POINT_AT
    + """;
  const [startNode, startAt] = pointAt([startId, startOffset]);
  const [endNode, endAt] = pointAt([endId, endOffset]);
  const range = document.createRange();
  range.setStart(startNode, startAt);
  range.setEnd(endNode, endAt);
  getSelection().removeAllRanges();
  getSelection().addRange(range);
}"""
)


# Whether the focused element is drawn where the reader sees it: visible, inside the window, with a size.
# A visually hidden control is seen through its drawn label (the palette switch: site.css outlines the label).
FOCUS_SHOWN_JS = """() => {
  const element = document.activeElement;
  const palette = element.closest('[data-md-component="palette"]');
  const drawn = [element, ...(element.labels || []), ...(palette ? palette.querySelectorAll('label') : [])];
  const shown = drawn.some(el => {
    const box = el.getBoundingClientRect();
    return el.checkVisibility({visibilityProperty: true, opacityProperty: true})
      && box.width > 1 && box.height > 1 && box.right > 0 && box.bottom > 0
      && box.left < innerWidth && box.top < innerHeight;
  });
  const box = element.getBoundingClientRect();
  return {shown, what: element.outerHTML.slice(0, 100) + ` at ${Math.round(box.left)},${Math.round(box.top)}`};
}"""


def context_for(browser, size: str, **options):
    width, height = SIZES[size]
    phone = size == "phone"
    return browser.new_context(viewport={"width": width, "height": height}, is_mobile=phone, has_touch=phone, **options)


def document_ids(site: Path) -> list[str]:
    ids = sorted(path.parent.name for path in (site / "documents").glob("*/index.html"))
    assert ids, "the built site has document pages"
    return ids


def source_paragraphs(project: Path, doc_id: str) -> list[str]:
    catalog = load_catalog(project / "sources")
    doc = next(d for d in catalog.documents if d.id == doc_id)
    return [p.text for p in read_source(project / "sources" / doc.file, doc.strip, doc.id).paragraphs]


@pytest.fixture(scope="module")
def long_site(tmp_path_factory):
    """A scratch copy with a sixth document whose metadata is as long as the catalog allows."""
    project = copy_project(tmp_path_factory.mktemp("long-metadata") / "project")
    (project / "sources" / "long-metadata.txt").write_text(
        "Short first paragraph about Daesh/ISIS and the AFG.\n\nA second paragraph.\n", encoding="utf-8"
    )
    title = "A very long supplied title " + "about the Coalition's ministerial meeting in Marrakesh " * 4
    publisher = "Ministry of Foreign Affairs, African Cooperation and Expatriates " * 2
    topics = "[Africa, Iraq and Syria, ISIS-Khorasan, terrorist financing, foreign terrorist fighters, stabilization]"
    with (project / "sources" / "catalog.yml").open("a", encoding="utf-8") as catalog:
        catalog.write(
            f'\n  - id: {LONG_ID}\n    file: long-metadata.txt\n    title: "{title.strip()}"\n'
            f'    title_supplied: true\n    publisher: "{publisher.strip()}"\n    publisher_supplied: true\n'
            "    url: https://example.org/a/very/long/address/that/goes/on/and/on/for/a/while/before/it/ends.html\n"
            "    published: 2022-05-11\n    date_supplied: true\n"
            f'    date_note: "{"A long note on how the date was established. " * 8}"\n'
            "    place: Marrakesh, Morocco\n    kind: press-release\n"
            "    events: [marrakesh-ministerial-2022, africa-focus-group, niamey-meeting-2023]\n"
            f'    tags: {topics}\n    language: en\n    notes: "{"A long provenance note. " * 20}"\n'
        )
    site = project / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    with serve(site) as url:
        yield project, site, url


@pytest.mark.parametrize("size", SIZES)
def test_first_paragraph_starts_on_the_first_screen(browser, built_site, site_url, long_site, size):
    _, long_built, long_url = long_site
    sites = [(site_url, built_site), (long_url, long_built)]
    assert LONG_ID in document_ids(long_built)
    context = context_for(browser, size)
    page = context.new_page()
    height = SIZES[size][1]
    late = []
    for url, site in sites:
        for doc_id in document_ids(site):
            page.goto(f"{url}/documents/{doc_id}/")
            box = page.evaluate("document.querySelector('.doc-text p.para').getBoundingClientRect().toJSON()")
            line = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.doc-text p.para')).lineHeight)")
            # The first line of ¶ 1 is on the first screen, whole.
            if box["top"] + line > height:
                late.append(f"{doc_id}: ¶ 1 starts at {box['top']:.0f} px")
    context.close()
    assert not late, late


@pytest.mark.parametrize("size", SIZES)
def test_keyboard_reaches_the_first_paragraph_within_25_tabs(browser, built_site, site_url, size):
    longest = page_types(built_site)["documents/*"]
    context = context_for(browser, size)
    page = context.new_page()
    page.goto(f"{site_url}/{longest}")
    page.wait_for_function("document.querySelectorAll('.doc-text .para-tools').length > 0")
    unseen = []
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('.doc-text p.para[data-n=\"1\"]')"):
            break
        # Every stop on the way is one the reader sees: not in the closed menu drawer, not off screen
        # (once the theme has reacted to the focus, e.g. opened the search, and its transitions have run).
        settle(page)
        stop = page.evaluate(FOCUS_SHOWN_JS)
        if not stop["shown"]:
            unseen.append(stop["what"])
    else:
        stops = page.evaluate("document.activeElement.outerHTML.slice(0, 80)")
        pytest.fail(f"¶ 1 not reached in {MAX_TABS} Tabs on {longest} (at {stops})")
    context.close()
    assert not unseen, unseen


@pytest.mark.parametrize("size", SIZES)
def test_copying_selected_paragraphs_gives_exactly_their_words(browser, built_site, site_url, size):
    context = context_for(browser, size, permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    project = built_site.parent
    for doc_id in document_ids(built_site):
        paragraphs = source_paragraphs(project, doc_id)
        page.goto(f"{site_url}/documents/{doc_id}/")
        page.wait_for_function("document.querySelectorAll('.doc-text .para-tools').length > 0")
        ids = page.evaluate("[...document.querySelectorAll('.doc-text p.para')].map(p => p.id)")
        assert len(ids) == len(paragraphs), doc_id
        # Runs of whole paragraphs: all of them, and each paragraph followed by an "Also in" note with the next.
        noted = page.evaluate(
            "[...document.querySelectorAll('.doc-text p.para')].map((p, i) => "
            "p.nextElementSibling && p.nextElementSibling.matches('.passage-note') ? i : -1).filter(i => i >= 0)"
        )
        runs = [(0, len(ids) - 1)] + [(i, min(i + 1, len(ids) - 1)) for i in noted[:3]]
        for first, last in runs:
            page.evaluate(SELECT_SPAN, [[ids[first], 0], [ids[last], len(paragraphs[last])]])
            page.keyboard.press("Control+C")
            copied = page.evaluate("navigator.clipboard.readText()")
            assert copied == "\n\n".join(paragraphs[first : last + 1]), (doc_id, first + 1, last + 1)
        if len(ids) > 1:
            # From inside ¶ 1 to inside ¶ 2: the selected words, a blank line between.
            start, end = len(paragraphs[0]) // 2, len(paragraphs[1]) // 2
            page.evaluate(SELECT_SPAN, [[ids[0], start], [ids[1], end]])
            page.keyboard.press("Control+C")
            copied = page.evaluate("navigator.clipboard.readText()")
            assert copied == paragraphs[0][start:] + "\n\n" + paragraphs[1][:end], doc_id
    context.close()
    assert not errors, errors


BUTTONS_JS = """() => [...document.querySelectorAll('.doc-text p.para')].map(p => {
  const tools = p.querySelector('.para-tools');
  const shown = el => { for (let e = el; e; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.opacity !== '1' || s.visibility !== 'visible' || s.display === 'none') return false; }
    return true; };
  const buttons = [...tools.querySelectorAll('.para-tool')].map(b => {
    const r = b.getBoundingClientRect();
    return {label: b.getAttribute('aria-label'), w: r.width, h: r.height, shown: shown(b)};
  });
  const t = tools.getBoundingClientRect(), box = p.getBoundingClientRect();
  return {id: p.id, buttons, toolsHeight: t.height, lineHeight: parseFloat(getComputedStyle(p).lineHeight),
          inside: t.bottom <= box.bottom + 1 && t.top >= box.top - 1};
})"""


@pytest.mark.parametrize("size", SIZES)
def test_paragraph_buttons_are_visible_without_hover_and_large_enough(browser, built_site, site_url, size):
    context = context_for(browser, size)
    page = context.new_page()
    problems = []
    for doc_id in document_ids(built_site):
        page.goto(f"{site_url}/documents/{doc_id}/")
        page.wait_for_function("document.querySelectorAll('.doc-text .para-tools').length > 0")
        page.mouse.move(0, 0)  # no hover anywhere near the text
        for paragraph in page.evaluate(BUTTONS_JS):
            where = f"{doc_id}#{paragraph['id']}"
            labels = [b["label"] for b in paragraph["buttons"]]
            if not any(label.startswith("Copy link") for label in labels) or len(labels) != 2:
                problems.append(f"{where}: buttons {labels}")
            for button in paragraph["buttons"]:
                if not button["shown"] or button["w"] < 24 or button["h"] < 24:
                    problems.append(f"{where}: {button}")
            # The buttons sit in a line of the paragraph, no taller than a line: no gap under the text.
            if paragraph["toolsHeight"] > paragraph["lineHeight"] + 0.5 or not paragraph["inside"]:
                problems.append(f"{where}: tools {paragraph['toolsHeight']} px in a {paragraph['lineHeight']} px line")
    context.close()
    assert not problems, "\n".join(problems[:20])


def test_selection_button_draws_its_icon_without_an_emoji_font(tab_with_clipboard, site_url):
    page = tab_with_clipboard
    page.goto(f"{site_url}/documents/canada-joint-statement-2022/")
    page.wait_for_function("document.querySelectorAll('.doc-text .para-tools').length > 0")
    page.evaluate(SELECT_SPAN, [["p3", 4], ["p3", 30]])
    button = page.locator("#p3 .para-selection-link")
    button.wait_for(state="visible")
    label = page.evaluate("getComputedStyle(document.querySelector('#p3 .para-selection-link'), '::after').content")
    assert label == '"Copy link to selection"'
    assert button.locator("svg").count() == 1
    box = button.bounding_box()
    assert box["height"] >= 24


@pytest.fixture
def tab_with_clipboard(browser):
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    yield context.new_page()
    context.close()


def test_phone_menu_shows_the_document_sections(browser, built_site, site_url):
    context = context_for(browser, "phone")
    page = context.new_page()
    for doc_id in document_ids(built_site):
        page.goto(f"{site_url}/documents/{doc_id}/")
        # The closed drawer takes no focus (docs/stylesheets/site.css); opened, its links do.
        home = page.locator("nav.md-nav--primary a.md-nav__link").first
        home.focus()
        assert not page.evaluate("document.activeElement.closest('.md-sidebar--primary')"), doc_id
        page.click(".md-header .menu-button")
        page.wait_for_function(
            "getComputedStyle(document.querySelector('.md-sidebar--primary')).visibility === 'visible'"
        )
        home.focus()
        assert page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')"), doc_id
        title = page.locator("nav.md-nav--primary label.md-nav__link--active[for='__toc']")
        title.wait_for(state="visible")
        title.click()
        cite = page.locator("nav.md-nav--primary .md-nav--secondary a[href='#cite-this-document']")
        cite.wait_for(state="visible")
        for section in ("#text", "#terms-on-this-page", "#about-this-document"):
            assert page.locator(f"nav.md-nav--primary .md-nav--secondary a[href='{section}']").is_visible(), section
        cite.click()
        page.wait_for_function("location.hash === '#cite-this-document'")
        page.wait_for_timeout(300)
        heading = page.evaluate("document.getElementById('cite-this-document').getBoundingClientRect().top")
        assert 0 <= heading < SIZES["phone"][1], doc_id
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_phone_menu_opens_and_closes_by_keyboard(browser, built_site, site_url, scheme):
    context = context_for(browser, "phone", color_scheme=scheme)
    page = context.new_page()
    longest = page_types(built_site)["documents/*"]
    page.goto(f"{site_url}/{longest}")
    drawer = "getComputedStyle(document.querySelector('.md-sidebar--primary')).visibility"
    # Tab reaches the menu button (docs/javascripts/menu-button.js), a button with a name and a state.
    tab_until(page, "document.activeElement.matches('.md-header .menu-button')", MAX_TABS, "the menu button")
    button = page.locator(".md-header .menu-button")
    assert button.evaluate("element => element.localName") == "button"  # a real one: a label may not be given the role
    assert button.get_attribute("aria-label") == "Menu"
    assert button.get_attribute("aria-expanded") == "false"
    page.keyboard.press("Enter")
    page.wait_for_function(f"{drawer} === 'visible'")
    assert button.get_attribute("aria-expanded") == "true"
    # The drawer's links take focus now, and Escape closes it, the focus back on the button.
    page.locator("nav.md-nav--primary a.md-nav__link").first.focus()
    assert page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')")
    page.keyboard.press("Escape")
    page.wait_for_function(f"{drawer} === 'hidden'")
    assert page.evaluate("document.activeElement.matches('.md-header .menu-button')")
    assert button.get_attribute("aria-expanded") == "false"
    page.keyboard.press("Space")  # a button opens on Space too
    page.wait_for_function(f"{drawer} === 'visible'")
    assert axe_violations(page, AXE.read_text(encoding="utf-8")) == []  # the open menu, its button named
    page.keyboard.press("Space")
    page.wait_for_function(f"{drawer} === 'hidden'")
    context.close()


def test_phone_menu_keeps_the_focus_when_it_closes_and_leaves_other_escapes_alone(browser, built_site, site_url):
    """Closed by the overlay or its own title, the drawer hands the focus of its link back to the menu
    button (it would fall to <body> as the drawer hides); Escape in the search box does not close it."""
    context = context_for(browser, "phone")
    page = context.new_page()
    drawer = "getComputedStyle(document.querySelector('.md-sidebar--primary')).visibility"
    on_button = "document.activeElement.matches('.md-header .menu-button')"
    button = page.locator(".md-header .menu-button")
    document = page_types(built_site)["documents/*"]
    # (the page, how the drawer is closed): the drawer's title closes it where the drawer opens at the
    # top level (on a document's page it opens at Documents, under that section's title).
    closers = {
        "the overlay": (document, lambda: page.mouse.click(SIZES["phone"][0] - 10, SIZES["phone"][1] // 2)),
        "the drawer's title": ("about/", lambda: page.locator('label.md-nav__title[for="__drawer"]').click()),
    }
    for name, (path, close) in closers.items():
        page.goto(f"{site_url}/{path}")
        button.click()
        page.wait_for_function(f"{drawer} === 'visible'")
        page.locator("nav.md-nav--primary a.md-nav__link").first.focus()
        close()
        page.wait_for_function(f"{drawer} === 'hidden'")
        assert page.evaluate(on_button), name
        assert button.get_attribute("aria-expanded") == "false", name
    # Escape belongs to what has the focus: in the search box it leaves the open drawer open.
    page.goto(f"{site_url}/{document}")
    button.click()
    page.wait_for_function(f"{drawer} === 'visible'")
    page.evaluate("document.querySelector('.md-search__input').focus()")
    assert page.evaluate("document.activeElement.matches('.md-search__input')")
    page.keyboard.press("Escape")
    assert page.evaluate("document.getElementById('__drawer').checked")
    assert not page.evaluate(on_button)
    assert button.get_attribute("aria-expanded") == "true"
    context.close()


@pytest.mark.parametrize("size", SIZES)
def test_link_to_a_missing_paragraph_says_so_and_gives_the_range(browser, built_site, site_url, size):
    context = context_for(browser, size)
    page = context.new_page()
    project = built_site.parent
    for doc_id in document_ids(built_site):
        count = len(source_paragraphs(project, doc_id))
        page.goto(f"{site_url}/documents/{doc_id}/#p99")
        notice = page.locator(".para-missing")
        notice.wait_for(state="visible")
        text = " ".join(notice.inner_text().split())
        assert "This document has no paragraph 99" in text, text
        assert f"numbered ¶\u00a01 to ¶\u00a0{count}" in notice.inner_text(), text
        box = notice.bounding_box()
        assert 0 <= box["y"] < SIZES[size][1]
        notice.locator("a").click()
        page.wait_for_function("location.hash === '#p1'")
        assert page.locator(".para-target").get_attribute("id") == "p1"
        # A paragraph that exists shows no notice.
        page.goto(f"{site_url}/documents/{doc_id}/#p2")
        page.wait_for_function("document.querySelector('.para-tools')")
        assert page.locator(".para-missing").count() == 0
    context.close()


def test_the_scripts_speak_in_the_singular_of_one_document_and_one_paragraph(browser, one_document_site):
    """The filters' count and the missing-paragraph notice, in a collection of one document of one
    paragraph (the words the build writes: tests/site/test_wording.py)."""
    context = context_for(browser, "desktop")
    page = context.new_page()
    with serve(one_document_site) as address:
        page.goto(f"{address}/documents/")
        page.wait_for_function("document.querySelector('.doc-filters-count')?.textContent")
        assert page.locator(".doc-filters-count").inner_text() == "Showing the only document."
        page.goto(f"{address}/documents/text/#p9")
        notice = page.locator(".para-missing")
        notice.wait_for(state="visible")
        assert " ".join(notice.inner_text().split()) == (
            "This document has no paragraph 9 (#p9). It has one paragraph, ¶ 1. Go to ¶ 1"
        )
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("size", SIZES)
def test_404_page_offers_search_documents_and_events(browser, site_url, size, scheme):
    context = context_for(browser, size, color_scheme=scheme)
    page = context.new_page()
    page.goto(f"{site_url}/404.html")
    assert page.locator("article h1").inner_text().strip() == "Page not found"
    # The accessibility gate's page types leave 404.html out (coalition_bench.harness): checked here, in both palettes.
    assert axe_violations(page, AXE.read_text(encoding="utf-8")) == []
    for name, path in (("All documents", "/documents/"), ("Events", "/events/")):
        link = page.locator("article a", has_text=name).first
        assert link.get_attribute("href") == path
        link.click()
        page.wait_for_load_state()
        assert page.url == f"{site_url}{path}" and page.locator("article h1").count() == 1
        page.goto(f"{site_url}/404.html")
    page.fill("#not-found-query", "Marrakesh")
    page.keyboard.press("Enter")
    # The home page opens with Material's search showing the results for the words typed.
    page.locator(".md-search-result__item").first.wait_for()
    assert page.locator("input.md-search__input").input_value() == "Marrakesh"
    context.close()


# The byline as drawn: its lines, whether it would fit one line, and the parts on each side of a separator
# (the line of the last word before it and of the first word after it).
BYLINE_JS = """() => {
  const byline = document.querySelector('article .doc-byline');
  const words = element => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT, {acceptNode: node =>
      node.parentElement.closest('.visually-hidden') || !node.data.trim()
        ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT});
    const nodes = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node);
    return nodes;
  };
  const lineOf = (node, at) => {
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + 1);
    const box = range.getBoundingClientRect();
    return Math.round(box.top + box.height / 2);
  };
  const half = parseFloat(getComputedStyle(byline).lineHeight) / 2;
  const parts = [...byline.querySelectorAll(':scope > .doc-byline__part')];
  const joins = parts.slice(1).map((part, i) => {
    const before = words(parts[i]).at(-1), after = words(part)[0];
    const end = before.data.trimEnd().length - 1, start = after.data.length - after.data.trimStart().length;
    return {after: after.data.trim().slice(0, 30), separator: getComputedStyle(part, '::before').content,
            same: Math.abs(lineOf(before, end) - lineOf(after, start)) < half};
  });
  // Lines: the middles of the characters, grouped where they lie within half a line of each other.
  const middles = words(byline).flatMap(node => [...Array(node.data.length).keys()]
    .filter(i => node.data[i].trim()).map(i => lineOf(node, i))).sort((a, b) => a - b);
  const lines = new Set();
  let top = -Infinity;
  for (const middle of middles) if (middle - top > half) lines.add(top = middle);
  // Words whose first and last letters lie on different lines: broken mid-word (a link breaks anywhere
  // in Material where its line has no other place to break).
  const broken = words(byline).flatMap(node => [...node.data.matchAll(/[^\\s\\u00a0]+/g)]
    .filter(m => m[0].length > 1 && Math.abs(lineOf(node, m.index) - lineOf(node, m.index + m[0].length - 1)) >= half)
    .map(m => m[0]));
  const width = byline.getBoundingClientRect().width;
  byline.style.width = 'max-content';
  const fits = byline.getBoundingClientRect().width <= width;
  byline.style.width = '';
  return {joins, broken, lines: lines.size, fits, overflow: byline.scrollWidth > byline.clientWidth + 1};
}"""


@pytest.mark.parametrize("size", SIZES)
def test_byline_wraps_cleanly_without_separators_at_line_ends(browser, built_site, site_url, long_site, size):
    _, long_built, long_url = long_site
    context = context_for(browser, size)
    page = context.new_page()
    problems = []
    for url, site in ((site_url, built_site), (long_url, long_built)):
        for doc_id in document_ids(site):
            page.goto(f"{url}/documents/{doc_id}/")
            line = page.evaluate(BYLINE_JS)
            for join in line["joins"]:
                if '"·"' not in join["separator"].replace("\u00a0", "").replace(" ", ""):
                    problems.append(f"{doc_id}: no separator before {join['after']!r} ({join['separator']})")
                # The words on both sides of a separator share its line: it neither starts nor ends one.
                if not join["same"]:
                    problems.append(f"{doc_id}: a line breaks beside the separator before {join['after']!r}")
            if line["overflow"]:
                problems.append(f"{doc_id}: the byline is wider than its column")
            if line["broken"]:
                problems.append(f"{doc_id}: words broken across lines: {line['broken']}")
            # One compact line wherever it fits (on a desktop screen, the byline of each of today's texts).
            if line["fits"] and line["lines"] > 1:
                problems.append(f"{doc_id}: the byline takes {line['lines']} lines where one would do")
    context.close()
    assert not problems, "\n".join(problems)


# How a kind badge and a supplied mark are drawn: a label in a box, and quiet words with a dotted underline.
MARKS_JS = """() => [...document.querySelectorAll('article .kind-badge, article .supplied')]
  .filter(el => el.checkVisibility()).map(el => {
    const style = getComputedStyle(el);
    return {kind: el.classList.contains('kind-badge') ? 'badge' : 'supplied', text: el.textContent.trim(),
            border: parseFloat(style.borderTopWidth), underline: style.textDecorationLine.includes('underline')
            && style.textDecorationStyle === 'dotted', italic: style.fontStyle === 'italic'};
  })"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_supplied_marks_do_not_look_like_kind_badges(browser, built_site, site_url, scheme):
    context = context_for(browser, "desktop", color_scheme=scheme)
    page = context.new_page()
    paths = [f"documents/{doc_id}/" for doc_id in document_ids(built_site)] + ["documents/", "", "about/"]
    paths += [f"events/{path.parent.name}/" for path in sorted((built_site / "events").glob("*/index.html"))]
    seen: dict[str, int] = {"badge": 0, "supplied": 0}
    problems = []
    for path in paths:
        page.goto(f"{site_url}/{path}")
        for mark in page.evaluate(MARKS_JS):
            seen[mark["kind"]] += 1
            if mark["kind"] == "badge" and (mark["border"] < 1 or mark["underline"]):
                problems.append(f"/{path}: the badge {mark['text']!r} is not a boxed label")
            if mark["kind"] == "supplied" and (mark["border"] or not mark["underline"] or not mark["italic"]):
                problems.append(f"/{path}: the mark {mark['text']!r} is not a quiet underlined note")
    context.close()
    assert seen["badge"] and seen["supplied"], seen
    assert not problems, "\n".join(problems)


# The palette the body has when the page's main part arrives, before any of its text can be drawn (after the
# header, where Material's own script applies a palette the reader chose).
PALETTE_AT_FIRST_PAINT = """
window.__palette = null;
new MutationObserver((_, observer) => {
  if (!document.querySelector(".md-main")) return;
  window.__palette = document.body.getAttribute("data-md-color-scheme");
  observer.disconnect();
}).observe(document, {childList: true, subtree: true});
"""


@pytest.mark.parametrize(("scheme", "palette"), [("dark", "slate"), ("light", "default")])
def test_a_first_visit_is_drawn_in_the_system_palette_from_the_first_frame(
    browser, built_site, site_url, scheme, palette
):
    """A first visit in dark mode showed the light page for a few frames (Material's deferred bundle chose the
    palette): every page type, opened first, is drawn in the system's palette. Then the reader's own choice,
    which Material stores, wins over the system's on the next page."""
    drawn = {}
    for path in page_types(built_site).values():
        context = context_for(browser, "phone", color_scheme=scheme)  # nothing stored: a first visit
        page = context.new_page()
        page.add_init_script(PALETTE_AT_FIRST_PAINT)
        page.goto(f"{site_url}/{path}")
        drawn[path] = page.evaluate("window.__palette")
        context.close()
    assert drawn == dict.fromkeys(drawn, palette)
    context = context_for(browser, "phone", color_scheme=scheme)
    page = context.new_page()
    page.add_init_script(PALETTE_AT_FIRST_PAINT)
    # A stored choice still wins: the script leaves it to Material, whose own script applies it after ours.
    page.goto(f"{site_url}/")
    page.locator("form[data-md-component=palette] label:not([hidden])").click()  # the header's toggle
    chosen = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert chosen != palette
    page.goto(f"{site_url}/documents/")
    assert page.evaluate("window.__palette") == chosen
    context.close()

"""Paragraph links, copy buttons, text-fragment links and retired anchors, in Chromium.

Runs against the built site served on localhost, and against a scratch copy where a paragraph was
deleted (so a retired anchor exists) and Material's instant navigation is on.
"""

from __future__ import annotations

import base64

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from coalition_texts.analysis import citation
from tests.base import copy_project, document, mkdocs_build, repoint_citations, serve
from tests.browser.actions import settle, tab_until

pytestmark = pytest.mark.browser

DOC_ID = "canada-joint-statement-2022"
PAGE = f"documents/{DOC_ID}/"
DELETED_START = "In Syria, the Coalition stands with the Syrian people"  # a paragraph the site does not quote
EPOCH = {"SOURCE_DATE_EPOCH": "1767225600"}  # 2026-01-01
HIGHLIGHT = (0xFF, 0xD8, 0x3D)  # ::target-text in site.css

PARAGRAPH_OF = """(words) => {
  for (const p of document.querySelectorAll('.doc-text p.para')) if (p.textContent.includes(words)) return p.id;
  return null;
}"""
SELECT_WORDS = """([id, words]) => {
  const walker = document.createTreeWalker(document.getElementById(id), NodeFilter.SHOW_TEXT);
  for (let node; (node = walker.nextNode()); ) {
    const at = node.data.indexOf(words);
    if (at >= 0) {
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + words.length);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      return true;
    }
  }
  return false;
}"""
# Counts the pixels of a screenshot (PNG, base64) drawn in the highlight colour, decoded by the browser.
HIGHLIGHTED_PIXELS = """async ([png, rgb]) => {
  const image = new Image();
  image.src = 'data:image/png;base64,' + png;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = image.width;
  canvas.height = image.height;
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  const data = context.getImageData(0, 0, image.width, image.height).data;
  let count = 0;
  for (let i = 0; i < data.length; i += 4) {
    const near = (k) => Math.abs(data[i + k] - rgb[k]) < 12;
    if (near(0) && near(1) && near(2)) count++;
  }
  return count;
}"""


@pytest.fixture
def tab(browser):
    """A page whose clipboard the test can read, failing on any script error."""
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, permissions=["clipboard-read", "clipboard-write"]
    )
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert not errors, errors


@pytest.fixture(scope="module")
def revised_site(tmp_path_factory):
    """A scratch copy with one paragraph deleted from the source and instant navigation on."""
    project = copy_project(tmp_path_factory.mktemp("paragraph-links") / "project")
    source = project / "sources" / document(DOC_ID).file
    text = source.read_text(encoding="utf-8")
    kept = [p for p in text.split("\n\n") if not p.startswith(DELETED_START)]
    assert len(kept) < len(text.split("\n\n"))
    source.write_text("\n\n".join(kept), encoding="utf-8")
    assert len(repoint_citations(project, DOC_ID)) == 1
    config = project / "mkdocs.yml"
    yaml_text = config.read_text(encoding="utf-8")
    assert "    - navigation.tabs\n" in yaml_text
    config.write_text(yaml_text.replace("    - navigation.tabs\n", "    - navigation.tabs\n    - navigation.instant\n"))
    site = project / "site"
    # Served before it is built: instant navigation only takes over links under `site_url` (it reads
    # the sitemap there), so the build is told the address it is served at.
    with serve(site) as url:
        result = mkdocs_build(project, site, env={**EPOCH, "SITE_URL": url + "/"})
        assert result.returncode == 0, result.stderr
        yield url


def header_bottom(page) -> float:
    return page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")


def assert_marked_below_header(page, anchor: str) -> None:
    box = page.evaluate(f"document.getElementById('{anchor}').getBoundingClientRect().toJSON()")
    assert header_bottom(page) <= box["top"] < page.viewport_size["height"], f"#{anchor} is not in view: {box}"
    style = page.evaluate(
        f"(s => [s.borderLeftStyle, s.borderLeftWidth])(getComputedStyle(document.getElementById('{anchor}')))"
    )
    # Marked by a shape (a bar beside it), not by a colour alone.
    assert style[0] in ("solid", "dashed") and float(style[1].rstrip("px")) >= 3, style


def open_page(page, url: str) -> None:
    page.goto(url)
    page.wait_for_function("document.querySelectorAll('.doc-text .para-tools').length > 0")


def test_paragraph_link_lands_below_the_header_and_is_marked(tab, site_url):
    anchor = "p9"
    open_page(tab, f"{site_url}/{PAGE}#{anchor}")
    assert_marked_below_header(tab, anchor)
    # Following another paragraph's link on the page moves the mark.
    tab.click("#p4 .para-link")
    tab.wait_for_function("location.hash === '#p4'")
    assert_marked_below_header(tab, "p4")
    assert tab.evaluate("getComputedStyle(document.getElementById('p9')).borderLeftStyle") == "none"


def test_every_paragraph_shows_its_number_and_named_link(tab, site_url):
    open_page(tab, f"{site_url}/{PAGE}")
    shown = tab.evaluate(
        """[...document.querySelectorAll('.doc-text p.para')].map(p => [p.dataset.n,
            getComputedStyle(p.querySelector('.para-link'), '::before').content,
            p.querySelector('.para-link').getAttribute('aria-label'),
            [...p.querySelectorAll('.para-tools button')].map(b => b.getAttribute('aria-label'))])"""
    )
    # The number is a CSS counter of the paragraphs (generated content, so never copied): it shows
    # data-n as long as data-n counts the paragraphs in page order.
    assert [int(number) for number, *_ in shown] == list(range(1, len(shown) + 1))
    for number, content, name, buttons in shown:
        assert content == '"¶\u00a0" counter(para)'
        assert name == f"Link to paragraph {number}"
        assert buttons == [
            "Copy link to selection",
            f"Copy link to paragraph {number}",
            f"Copy citation of paragraph {number}",
        ]


def test_copy_link_and_copy_citation_put_the_right_text_on_the_clipboard(tab, site_url):
    open_page(tab, f"{site_url}/{PAGE}?h=Benin")  # a search highlight must not leak into the link
    anchor = tab.evaluate(PARAGRAPH_OF, "Benin")
    number = int(tab.get_attribute(f"#{anchor}", "data-n"))
    url = f"{site_url}/{PAGE}#{anchor}"
    tab.hover(f"#{anchor}")
    tab.click(f"#{anchor} .para-tool[data-action=link]")
    tab.wait_for_selector(".para-status--visible")
    assert tab.evaluate("navigator.clipboard.readText()") == url
    assert tab.inner_text("#para-status") == f"Link to paragraph {number} copied to the clipboard."
    tab.click(f"#{anchor} .para-tool[data-action=cite]")
    tab.wait_for_function("document.getElementById('para-status')?.textContent.startsWith('Citation')")
    assert tab.evaluate("navigator.clipboard.readText()") == citation.plain_text(document(DOC_ID), url, number)


def test_copy_buttons_work_with_the_keyboard_with_visible_focus_and_confirmation(tab, site_url):
    open_page(tab, f"{site_url}/{PAGE}")
    tab.focus("#p3 .para-link")
    link_button = "document.activeElement.matches('#p3 .para-tool[data-action=link]')"
    tab_until(tab, link_button, 30, "the copy-link button of ¶ 3")
    # The tools fade in over 125 ms: wait for the end of the transition rather than read it midway.
    tab.wait_for_function("getComputedStyle(document.activeElement.parentElement).opacity === '1'", timeout=5000)
    focus = tab.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert focus == "solid", "the focused button must be shown with a visible outline"
    tab.keyboard.press("Enter")
    tab.wait_for_selector(".para-status--visible")
    assert tab.evaluate("navigator.clipboard.readText()") == f"{site_url}/{PAGE}#p3"
    assert tab.is_visible("#para-status") and tab.get_attribute("#para-status", "role") == "status"
    tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.getAttribute('aria-label')") == "Copy citation of paragraph 3"
    tab.keyboard.press("Space")
    tab.wait_for_function("document.getElementById('para-status')?.textContent.startsWith('Citation of paragraph 3')")
    expected = citation.plain_text(document(DOC_ID), f"{site_url}/{PAGE}#p3", 3)
    assert tab.evaluate("navigator.clipboard.readText()") == expected


def test_numbers_and_buttons_stay_out_of_copied_text_and_the_html(tab, site_url, built_site):
    open_page(tab, f"{site_url}/{PAGE}")
    for anchor in ("p1", "p5", "p9"):
        tab.evaluate(
            "id => { const r = document.createRange(); r.selectNodeContents(document.getElementById(id));"
            " getSelection().removeAllRanges(); getSelection().addRange(r); }",
            anchor,
        )
        tab.keyboard.press("Control+C")
        copied = tab.evaluate("navigator.clipboard.readText()")
        words = tab.evaluate(f"document.getElementById('{anchor}').textContent")
        assert copied.split() == words.split() and "¶" not in copied and "Copy" not in copied
    html = (built_site / PAGE / "index.html").read_text(encoding="utf-8")
    text = BeautifulSoup(html, "html.parser").select_one(".doc-text")
    assert not text.select("button, .para-tools") and "Copy link" not in html
    index = (built_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "Copy link" not in index and "Copy citation" not in index


def highlighted_pixels(page, anchor: str) -> int:
    """How much of the paragraph is painted in the text-fragment highlight colour."""
    clip = page.evaluate(
        "id => (b => ({x: b.x + scrollX, y: b.y + scrollY, width: b.width, height: b.height}))"
        "(document.getElementById(id).getBoundingClientRect())",
        anchor,
    )
    shot = page.screenshot(clip=clip, full_page=True)
    return page.evaluate(HIGHLIGHTED_PIXELS, [base64.b64encode(shot).decode(), HIGHLIGHT])


def test_text_fragment_link_lands_on_and_highlights_the_passage(tab, site_url):
    open_page(tab, f"{site_url}/{PAGE}")
    anchor = tab.evaluate(PARAGRAPH_OF, "eighty-five")
    assert highlighted_pixels(tab, anchor) == 0
    open_page(tab, f"{site_url}/{PAGE}#{anchor}:~:text=up%20to%20eighty%2Dfive")
    tab.wait_for_timeout(300)
    assert tab.evaluate("document.querySelector('.para-target').id") == anchor
    box = tab.evaluate(f"document.getElementById('{anchor}').getBoundingClientRect().toJSON()")
    assert box["top"] < tab.viewport_size["height"] and box["bottom"] > header_bottom(tab)
    assert highlighted_pixels(tab, anchor) > 200


def test_copy_link_to_selection_opens_the_page_on_the_selected_words(tab, site_url, browser):
    open_page(tab, f"{site_url}/{PAGE}")
    anchor = tab.evaluate(PARAGRAPH_OF, "Al-Sinaa detention facility")
    assert tab.evaluate(SELECT_WORDS, [anchor, "e large-scale attack against the Al-Sinaa detention fa"])
    button = f"#{anchor} .para-selection-link"
    tab.wait_for_selector(button, state="visible")
    assert tab.get_attribute(button, "aria-label") == "Copy link to selection"
    tab.click(button)
    tab.wait_for_function("document.getElementById('para-status')?.textContent.includes('selected words')")
    link = tab.evaluate("navigator.clipboard.readText()")
    # The paragraph's anchor first (browsers without text fragments still land on it), whole words only.
    assert link.startswith(f"{site_url}/{PAGE}#{anchor}:~:text=")
    assert "the%20large%2Dscale" in link and "detention%20facility" in link
    # The selection button hides again once nothing is selected.
    tab.evaluate("getSelection().removeAllRanges()")
    tab.wait_for_selector(button, state="hidden")

    other = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        other.goto(link)
        other.wait_for_function("document.querySelector('.para-target')")
        assert other.evaluate("document.querySelector('.para-target').id") == anchor
        other.wait_for_timeout(300)
        assert highlighted_pixels(other, anchor) > 200
    finally:
        other.close()


def test_copy_link_to_selection_with_a_mouse_selection_and_the_keyboard(tab, site_url):
    open_page(tab, f"{site_url}/{PAGE}#p3")
    box = tab.evaluate("document.getElementById('p3').getBoundingClientRect().toJSON()")
    # Drag across the first line of the paragraph's words, then reach the button with Tab.
    tab.mouse.move(box["x"] + 60, box["y"] + 10)
    tab.mouse.down()
    tab.mouse.move(box["x"] + 400, box["y"] + 10, steps=5)
    tab.mouse.up()
    tab.wait_for_selector("#p3 .para-selection-link", state="visible")
    tab_until(tab, "document.activeElement.matches('#p3 .para-selection-link')", 15, "'Copy link to selection'")
    tab.keyboard.press("Enter")
    tab.wait_for_function("document.getElementById('para-status')?.textContent.includes('selected words')")
    assert tab.evaluate("navigator.clipboard.readText()").startswith(f"{site_url}/{PAGE}#p3:~:text=")


def test_retired_anchor_shows_its_notice_and_leads_to_the_nearest_paragraph(tab, revised_site):
    open_page(tab, f"{revised_site}/{PAGE}")
    retired = tab.evaluate("[...document.querySelectorAll('.para-retired')].map(n => [n.id, n.dataset.successor])")
    assert len(retired) == 1
    anchor, successor = retired[0]
    assert not tab.is_visible(f"#{anchor}"), "a notice is hidden unless a link opens it"

    open_page(tab, f"{revised_site}/{PAGE}#{anchor}")
    # A link within the page: paragraphs.js marks the notice on hashchange and again one timer later (on
    # Material's location$); measure once both have run (CI once caught the notice between two states).
    settle(tab)
    notice = tab.locator(f"#{anchor}")
    expect(notice).to_be_visible()
    assert "was removed from the source text on 2026-01-01" in notice.inner_text()
    assert header_bottom(tab) <= notice.bounding_box()["y"]
    # The paragraph it leads to is right below the notice, in view and marked.
    assert_marked_below_header(tab, successor)
    assert "para-successor" in tab.get_attribute(f"#{successor}", "class")
    notice.locator("a").click()
    tab.wait_for_function(f"location.hash === '#{successor}'")
    assert_marked_below_header(tab, successor)
    assert not tab.is_visible(f"#{anchor}")


def test_paragraph_links_and_tools_work_after_instant_navigation(tab, revised_site):
    """With navigation.instant, Material swaps pages without loading them: `:target` does not follow."""
    tab.goto(f"{revised_site}/documents/")
    tab.wait_for_function("window.document$ !== undefined")
    tab.evaluate(
        f"""document.querySelector('.md-content article').insertAdjacentHTML('beforeend',
            '<a id="go" href="{DOC_ID}/#p6">to paragraph 6</a>')"""
    )
    tab.evaluate("window.stillTheSameDocument = true")
    tab.click("#go")
    tab.wait_for_function("location.hash === '#p6' && document.querySelector('#p6 .para-tools')")
    assert tab.evaluate("window.stillTheSameDocument") is True, "the page was loaded, not swapped in"
    assert tab.evaluate("document.querySelector('.para-target').id") == "p6"
    tab.wait_for_timeout(300)  # Material scrolls to the anchor after the swap
    assert_marked_below_header(tab, "p6")
    tab.click("#p6 .para-tool[data-action=link]")
    tab.wait_for_selector(".para-status--visible")
    assert tab.evaluate("navigator.clipboard.readText()") == f"{revised_site}/{PAGE}#p6"

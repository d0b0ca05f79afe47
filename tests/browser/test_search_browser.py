"""Search as a reader uses it, in Chromium: the first hit opens on the paragraph, online and offline."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.base import copy_project, index_of, mkdocs_build, variant_groups

pytestmark = pytest.mark.browser

SEARCH_INPUT = "input.md-search__input"
META = ".md-search-result__meta"
# Material's placeholders while the index loads and before anything is typed.
NOT_YET = ("Initializing search", "Type to start searching")


def forms(word: str) -> set[str]:
    """The word and, if it is in a group of sources/search-variants.yml, the group's other terms."""
    for group in variant_groups():
        if word.lower() in (term.lower() for term in group.terms):
            return {term.lower() for term in group.terms}
    return {word.lower()}


def search(page: Page, query: str) -> None:
    """Type the query into Material's search box and wait for the results of the whole query."""
    page.locator(SEARCH_INPUT).click()
    page.locator(SEARCH_INPUT).fill(query)
    page.locator(SEARCH_INPUT).press("End")  # Material queries on keyup
    page.wait_for_function(
        "([selector, waiting]) => { const meta = document.querySelector(selector);"
        " return meta && !waiting.some(text => meta.textContent.includes(text)); }",
        arg=[META, list(NOT_YET)],
        timeout=20_000,
    )


def open_first_result(page: Page) -> str:
    """Follow the best hit of the first group (a group is headed by its page); return its address."""
    group = page.locator(".md-search-result__item").first
    links = group.locator(":scope > a.md-search-result__link")
    page_score = float(links.nth(0).locator("article").get_attribute("data-md-score"))
    hit = links.nth(1)
    href = hit.get_attribute("href")
    assert re.search(r"#p\d+$", href), f"the first result is not a paragraph: {href}"
    # The paragraph is the group's best match, so Material shows it first rather than folded away.
    assert float(hit.locator("article").get_attribute("data-md-score")) >= page_score
    hit.click()
    page.wait_for_url(re.compile(r"#p\d+$"))
    return href


def landed_paragraph_text(page: Page) -> str:
    target = page.locator(":target")
    expect(target).to_have_class(re.compile(r"\bpara\b"))
    return target.inner_text().lower()


@pytest.mark.parametrize("query", ["Benin", "Khorasan", "Monguno", "Niamey action plan", "Marrakech", "eighty-five"])
def test_first_result_opens_on_a_paragraph_holding_the_words(page, site_url, query):
    page.goto(site_url + "/")
    search(page, query)
    open_first_result(page)
    text = landed_paragraph_text(page)
    for word in query.split():
        assert any(form in text for form in forms(word)), f"{word!r} (or a variant) is not in: {text[:200]}"
    # Search highlighting marks the words searched for in the landed paragraph.
    literal = [word for word in query.split() if word.lower() in text]
    assert literal
    expect(page.locator(":target mark[data-md-highlight]").first).to_be_visible()


@pytest.mark.parametrize(
    ("query", "other"), [("Marrakesh", "Marrakech"), ("AFG", "Africa Focus Group"), ("ISIL", "Daesh")]
)
def test_a_variant_finds_paragraphs_that_use_another_form(page, site_url, built_site, query, other):
    page.goto(site_url + "/")
    search(page, query)
    hrefs = page.locator("a.md-search-result__link").evaluate_all("links => links.map(a => a.href)")
    found = {re.sub(r"\?[^#]*", "", href).removeprefix(site_url + "/") for href in hrefs if "#p" in href}
    texts = {entry["location"]: entry["text"].lower() for entry in index_of(built_site)["docs"]}
    through_variant = [loc for loc in found if other.lower() in texts[loc] and query.lower() not in texts[loc]]
    assert through_variant, f"no paragraph that writes {other!r} but not {query!r} among the results"


def test_a_publisher_finds_its_document(page, site_url):
    page.goto(site_url + "/")
    search(page, "Presswire")
    first = page.locator(".md-search-result__item").first.locator("a.md-search-result__link").first
    expect(first).to_have_attribute("href", re.compile(r"/documents/einpresswire-niamey-action-plan-2023/"))


def test_a_word_in_no_document_says_so(page, site_url):
    page.goto(site_url + "/")
    search(page, "Zyxqwvutz")
    expect(page.locator(META)).to_have_text("No matching documents")
    expect(page.locator(".md-search-result__item")).to_have_count(0)


def test_no_result_links_to_undefined(page, site_url):
    page.goto(site_url + "/")
    search(page, "Coalition")
    hrefs = page.locator("a.md-search-result__link").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert hrefs and not [href for href in hrefs if "undefined" in href]


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory) -> Path:
    """`OFFLINE=true mkdocs build` of a scratch copy of the project."""
    project = copy_project(tmp_path_factory.mktemp("offline") / "project")
    site = project / "site"
    result = mkdocs_build(project, site, env={"OFFLINE": "true"})
    assert result.returncode == 0, result.stderr
    return site


def test_offline_build_is_made_for_the_file_system(offline_site):
    script = (offline_site / "search" / "search_index.js").read_text(encoding="utf-8")
    # The offline plugin copies the index after search_index.py has rewritten it.
    assert script == "var __index = " + (offline_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert '"location":"documents/canada-joint-statement-2022.html#p1"' in script
    assert (offline_site / "documents" / "canada-joint-statement-2022.html").is_file()  # no directory URLs
    for page in offline_site.rglob("*.html"):
        assert "unpkg.com" not in page.read_text(encoding="utf-8"), page


def test_offline_search_works_from_disk_without_other_hosts(browser, offline_site):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    try:
        page.goto((offline_site / "index.html").as_uri())
        search(page, "Benin")
        href = open_first_result(page)
        assert href.startswith("file://") and ".html?h=benin#p" in href
        assert "benin" in landed_paragraph_text(page)
        expect(page.locator(":target mark[data-md-highlight]").first).to_be_visible()
    finally:
        context.close()
    elsewhere = sorted({url for url in requests if not url.startswith(("file:", "data:", "blob:", "about:"))})
    assert not elsewhere, f"the offline site asked other hosts for: {elsewhere}"

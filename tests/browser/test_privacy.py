"""Privacy and resilience: pages load nothing from other hosts and log no errors.

In Chromium, every request of every page type (`page_types` of coalition_bench.harness), and of a search,
is recorded: all go to the local server, none fails, and the console stays free of errors. Without a
browser, every HTML file is read for resources (scripts, styles, images, frames, fonts) addressed to another host.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from coalition_bench.harness import page_types
from tests.site_crawl import html_pages

INLINE_SCHEMES = {"data", "blob", "about"}
# Elements that make the browser fetch something as the page loads (links a reader follows are not here).
LOADING = {"script": "src", "img": "src", "iframe": "src", "source": "src", "video": "src", "audio": "src",
           "embed": "src", "object": "data", "track": "src", "input": "src"}  # fmt: skip
LOADING_LINK_RELS = {"stylesheet", "icon", "preload", "prefetch", "modulepreload", "manifest", "apple-touch-icon",
                     "preconnect", "dns-prefetch"}  # fmt: skip


def is_remote(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in INLINE_SCHEMES:
        return False
    return bool(parts.netloc) and parts.hostname not in {"127.0.0.1", "localhost", "::1"}


def test_no_page_addresses_resources_on_other_hosts(built_site):
    found = []
    for page in html_pages(built_site):
        soup = BeautifulSoup((built_site / page).read_text(encoding="utf-8"), "html.parser")
        for tag in soup.find_all(list(LOADING)):
            url = tag.get(LOADING[tag.name]) or ""
            found += [f"{page}: <{tag.name}> {url}"] if is_remote(url) else []
        for tag in soup.find_all("link", href=True):
            if LOADING_LINK_RELS & {rel.lower() for rel in tag.get("rel", [])} and is_remote(tag["href"]):
                found.append(f"{page}: <link rel={tag['rel']}> {tag['href']}")
        for tag in soup.find_all(style=True):
            if "url(" in tag["style"] and "//" in tag["style"]:
                found.append(f"{page}: style {tag['style'][:80]}")
    assert not found, "\n".join(found)


def record(browser, url: str, action=None) -> tuple[list[str], list[str], list[str]]:
    """Open `url` (then run `action(page)`); return every request, the failures, and the console errors."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    requests, failures, errors = [], [], []
    context.on("request", lambda request: requests.append(request.url))
    context.on("requestfailed", lambda request: failures.append(f"{request.url} ({request.failure})"))
    context.on("response", lambda response: failures.append(f"{response.url} (HTTP {response.status})")
               if response.status >= 400 else None)  # fmt: skip
    page = context.new_page()
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    if action:
        action(page)
        page.wait_for_load_state("networkidle")
    context.close()
    return requests, failures, errors


def search_for(page) -> None:
    page.locator("input.md-search__input").focus()
    page.keyboard.type("Niamey")
    page.locator(".md-search-result__item").first.wait_for()
    page.locator(".md-search-result__item a").first.click()


@pytest.mark.browser
def test_pages_load_only_from_this_site_without_errors(browser, built_site, site_url):
    visits = {name: (f"{site_url}/{path}", None) for name, path in page_types(built_site).items()}
    visits["search, then open the first result"] = (f"{site_url}/", search_for)
    problems = []
    for name, (url, action) in visits.items():
        requests, failures, errors = record(browser, url, action)
        assert requests, name
        problems += [f"{name}: request to another host: {r}" for r in requests if is_remote(r)]
        problems += [f"{name}: failed: {f}" for f in failures]
        problems += [f"{name}: console error: {e}" for e in errors]
    assert not problems, "\n".join(problems)


def test_remote_detection():
    assert is_remote("https://fonts.googleapis.com/css?family=Roboto")
    assert is_remote("//cdn.example.org/x.js")
    assert not is_remote("http://127.0.0.1:8000/assets/x.js")
    assert not is_remote("../assets/x.js")
    assert not is_remote("data:image/png;base64,AAAA")

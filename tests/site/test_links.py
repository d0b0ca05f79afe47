"""Every internal link and anchor of the built site resolves; external addresses are listed, not fetched.

The crawl reads the HTML files as written (no JavaScript runs), plus the addresses that the search
index and the sitemap point to. The external addresses go to `reports/external-links.txt` (ignored by
git) so that a person can check them now and then; tests never touch the network.
"""

from __future__ import annotations

from pathlib import Path

from coalition_bench.harness import page_types
from coalition_texts.sources.catalog import load_catalog
from tests.base import ROOT
from tests.site_crawl import check, search_index_locations, sitemap_locations

REPORT = ROOT / "reports" / "external-links.txt"


def write_report(external: dict[str, set[str]], path: Path) -> None:
    lines = ["# External addresses linked from the built site (not fetched by the tests), with the pages", ""]
    for url in sorted(external):
        lines.append(url)
        lines += [f"    {page}" for page in sorted(external[url])]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_every_internal_link_and_anchor_resolves(built_site):
    crawl = check(built_site, {**search_index_locations(built_site), **sitemap_locations(built_site)})
    write_report(crawl.external, REPORT)
    assert not crawl.broken, "broken links:\n" + "\n".join(crawl.broken)
    # The crawl saw the site: every page links to the stylesheets, the home page and the other sections.
    assert crawl.checked > 10 * len(crawl.pages)


def test_original_addresses_are_in_the_external_report(built_site):
    crawl = check(built_site)
    for doc in load_catalog(ROOT / "sources").documents:
        if doc.url:
            assert f"documents/{doc.id}/index.html" in crawl.external.get(doc.url, set()), doc.id


def test_page_types_are_discovered_from_the_layout(built_site):
    types = page_types(built_site)
    assert types["home"] == ""
    assert types["documents/*"].startswith("documents/") and types["documents/*"] != "documents/"
    assert types["events/*"].startswith("events/") and types["events/*"] != "events/"


def _page(site: Path, path: str, body: str) -> None:
    target = site / path
    target.parent.mkdir(parents=True, exist_ok=True)
    head = '<link rel="canonical" href="https://example.org/sub/"><link rel="stylesheet" href="/sub/style.css">'
    target.write_text(f"<html><head>{head}</head><body>{body}</body></html>", encoding="utf-8")


def test_the_crawl_finds_what_is_broken(tmp_path):
    """The checker itself: a small site with one link of each kind, good and bad."""
    site = tmp_path / "site"
    (site / "style.css").parent.mkdir(parents=True)
    (site / "style.css").write_text("")
    _page(site, "index.html", '<a href="a/#p2">ok</a> <a href="a/#p9">bad anchor</a> <a href="b/">bad page</a>')
    _page(
        site,
        "a/index.html",
        '<p id="p2">x</p><a href="../#top">bad anchor home</a><a href="#p2:~:text=x">fragment ok</a>'
        '<a href="https://example.org/sub/a/#p2">own address ok</a><a href="https://example.com/">external</a>'
        '<img srcset="../missing.png 2x, ../style.css 1x"><a href="mailto:x@example.com">mail</a>'
        '<a href="#">top</a><a href="data:,x">data</a>',
    )
    crawl = check(site, {"search/search_index.json": ["a/#p2", "a/#nope"]})
    assert sorted(crawl.broken) == [
        "a/index.html: ../#top (no element with id 'top')",
        "a/index.html: ../missing.png (no such file)",
        "index.html: a/#p9 (no element with id 'p9')",
        "index.html: b/ (no such file)",
        "search/search_index.json: a/#nope (no element with id 'nope')",
    ]
    assert set(crawl.external) == {"https://example.com/", "mailto:x@example.com"}

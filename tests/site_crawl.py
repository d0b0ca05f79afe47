"""Crawl a built site from disk: every link of every HTML page, and whether it resolves.

Used by the link gate and the privacy gate. (The page types the gates check are found by
coalition_bench.harness.page_types, which the Lighthouse benchmark shares.)
"""

from __future__ import annotations

import json
import posixpath
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit
from xml.etree import ElementTree

from bs4 import BeautifulSoup

# Attributes that hold one address, per element; `srcset` holds several.
URL_ATTRIBUTES = {
    "a": ("href",),
    "area": ("href",),
    "link": ("href",),
    "script": ("src",),
    "img": ("src",),
    "source": ("src",),
    "iframe": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "form": ("action",),
    "use": ("href", "xlink:href"),
    "image": ("href", "xlink:href"),
}
# A private base for resolving relative addresses; never requested.
BASE = "http://site.invalid/"
IGNORED_SCHEMES = {"data", "javascript", "about", "blob"}


@dataclass(frozen=True)
class Link:
    page: str  # site path of the page holding the link, e.g. "documents/x/index.html"
    url: str  # as written


@dataclass
class Crawl:
    pages: list[str]
    broken: list[str] = field(default_factory=list)  # "page: url (why)"
    external: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # url -> pages
    checked: int = 0


def html_pages(site: Path) -> list[str]:
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))


def page_url(path: str) -> str:
    """The address a page is served at, relative to the site root ("documents/x/index.html" -> "documents/x/")."""
    return path[: -len("index.html")] if path.endswith("index.html") else path


def canonical_root(site: Path) -> str | None:
    """The configured site_url, as the home page's canonical link states it."""
    link = _soup(site / "index.html").find("link", rel="canonical")
    return link["href"] if link and link.get("href") else None


@cache
def _soup_cached(path: Path, mtime: float) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _soup(path: Path) -> BeautifulSoup:
    return _soup_cached(path, path.stat().st_mtime)


def ids_of(path: Path) -> set[str]:
    soup = _soup(path)
    return {tag["id"] for tag in soup.find_all(id=True)} | {
        tag["name"] for tag in soup.find_all("a", attrs={"name": True})
    }


def urls_in(soup: BeautifulSoup) -> list[str]:
    urls = []
    for tag in soup.find_all(list(URL_ATTRIBUTES)):
        for attribute in URL_ATTRIBUTES[tag.name]:
            if tag.get(attribute) is not None:
                urls.append(tag[attribute].strip())
        if tag.get("srcset"):
            urls += [candidate.strip().split()[0] for candidate in tag["srcset"].split(",") if candidate.strip()]
    for meta in soup.find_all("meta", attrs={"http-equiv": lambda v: v and v.lower() == "refresh"}):
        content = meta.get("content", "")
        if "url=" in content.lower():
            urls.append(content[content.lower().index("url=") + 4 :].strip(" '\""))
    return urls


def resolve(site: Path, root: str | None, page: str, url: str) -> tuple[str, Path | None, str] | None:
    """("internal"|"external", target file or None, fragment); None for addresses that are not links."""
    scheme = urlsplit(url).scheme.lower()
    if scheme in IGNORED_SCHEMES:
        return None
    if root and url.startswith(root):
        url = urlsplit(root).path + url[len(root) :]
    elif scheme or url.startswith("//"):
        return ("external", None, "")
    absolute = urljoin(BASE + page_url(page), url)
    parts = urlsplit(absolute)
    path = unquote(parts.path)
    prefix = urlsplit(root).path if root else "/"
    if url.startswith("/") and path.startswith(prefix):
        path = "/" + path[len(prefix) :]  # root-relative addresses (404 page) carry site_url's path
    relative = posixpath.normpath(path.lstrip("/")) if path.strip("/") else ""
    target = site / relative if relative else site
    if target.is_dir():
        target = target / "index.html"
    fragment = unquote(parts.fragment).split(":~:")[0]  # a text fragment follows the element anchor
    return ("internal", target if target.is_file() else None, fragment)


def check(site: Path, extra: dict[str, list[str]] | None = None) -> Crawl:
    """Every address on every page (and in `extra`: source label -> root-relative addresses)."""
    root = canonical_root(site)
    crawl = Crawl(html_pages(site))
    sources = [(page, urls_in(_soup(site / page))) for page in crawl.pages]
    sources += [(label, urls) for label, urls in (extra or {}).items()]
    for page, urls in sources:
        for url in urls:
            resolved = resolve(site, root, page if page.endswith(".html") else "index.html", url)
            if resolved is None:
                continue
            kind, target, fragment = resolved
            if kind == "external":
                crawl.external[url].add(page)
                continue
            crawl.checked += 1
            if target is None:
                crawl.broken.append(f"{page}: {url} (no such file)")
            elif fragment and target.suffix == ".html" and fragment not in ids_of(target):
                crawl.broken.append(f"{page}: {url} (no element with id {fragment!r})")
    return crawl


def search_index_locations(site: Path) -> dict[str, list[str]]:
    """The addresses the search results link to, relative to the site root."""
    index = site / "search" / "search_index.json"
    if not index.is_file():
        return {}
    docs = json.loads(index.read_text(encoding="utf-8")).get("docs", [])
    return {"search/search_index.json": [entry["location"] or "./" for entry in docs]}


def sitemap_locations(site: Path) -> dict[str, list[str]]:
    sitemap = site / "sitemap.xml"
    if not sitemap.is_file():
        return {}
    # An XML document, read as XML (the standard library's parser; no lxml needed). `<loc>` in any
    # namespace, so that a change of the sitemap's namespace cannot silently leave it unchecked.
    root = ElementTree.parse(sitemap).getroot()
    return {"sitemap.xml": [(el.text or "").strip() for el in root.iter() if el.tag.rpartition("}")[2] == "loc"]}

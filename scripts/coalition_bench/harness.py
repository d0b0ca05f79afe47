"""What the tests and the benchmarks share: find the project, copy it, build it, serve a site, Chromium.

- `project_root()`: the checkout (the folder holding mkdocs.yml and sources/), found from the
  current folder upwards, never from where this package is installed;
- `copy_project(source, target)`: a scratch copy without generated or cached files, to change freely;
- `mkdocs_build(project, site)`: the real `mkdocs build --strict` of a copy, run with that copy's
  own `scripts/` first on PYTHONPATH, so that the copy's pipeline is the one that runs;
- `serve(folder, gzip=...)`: a static-file server on 127.0.0.1 (a free port), gzip-compressing
  text files when asked, as web servers do (for Lighthouse and page weights);
- `page_types(site)`: one page of each kind in a built site, found in it (the tests' gates and
  Lighthouse check these);
- `CHROMIUM`, `CHROMIUM_ARGS`: Debian's Chromium and the arguments every launch uses.

Imports nothing from tests/ and not pytest, so that `pip install '.[bench]'` is enough for benchmarks.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from coalition_texts.model.urls import SITE, SOURCES

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")
# Generated, cached or installed: a copy builds without them (node_modules is only read by the
# Chromium-driven checks, from the checkout itself). The first are names at the project's top only
# (tests/site/ is copied), the others anywhere.
_TOP_IGNORED = {SITE, ".git", ".venv", "node_modules"}
_CACHES = shutil.ignore_patterns("__pycache__", ".pytest_cache", ".hypothesis", ".mypy_cache", ".import_linter_cache")


def project_root(start: Path | None = None) -> Path:
    """The project folder: `start` (default: the current folder) or the nearest parent with mkdocs.yml."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "mkdocs.yml").is_file() and (folder / SOURCES).is_dir():
            return folder
    raise SystemExit(f"{here} is not inside the project: run this from the folder holding mkdocs.yml")


def copy_project(source: Path, target: Path) -> Path:
    """A scratch copy of the project at `source` (without generated or cached files) to change freely."""

    def ignored(folder: str, names: list[str]) -> set[str]:
        top = _TOP_IGNORED.intersection(names) if Path(folder) == source else set()
        return top | set(_CACHES(folder, names))

    shutil.copytree(source, target, ignore=ignored)
    return target


def build_environment(project: Path, env: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of a build of `project`: its own scripts/ first on the import path."""
    path = os.pathsep.join(filter(None, [str(project / "scripts"), os.environ.get("PYTHONPATH")]))
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": path, **(env or {})}


def mkdocs_build(
    project: Path, site: Path, *extra: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the real `mkdocs build --strict` of `project` into `site`."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml")]
    return subprocess.run(
        [*command, "-d", str(site), *extra],
        cwd=project,
        capture_output=True,
        text=True,
        env=build_environment(project, env),
    )


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, without a log line per request."""

    def log_message(self, format: str, *args: object) -> None:
        pass


class GzipHandler(QuietHandler):
    """Static files, gzip-compressed when the client accepts it, with a day of caching for assets."""

    def send_head(self):
        requested = Path(self.translate_path(self.path))
        if requested.is_dir() and not self.path.split("?")[0].endswith("/"):
            return super().send_head()  # the redirect to the folder's own address
        path = requested / "index.html" if requested.is_dir() else requested
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not accepts_gzip or not path.is_file() or path.suffix not in COMPRESSIBLE:
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=86400" if "/assets/" in self.path else "no-cache")
        self.end_headers()
        self.wfile.write(body)
        return None


@contextmanager
def serve(folder: Path, *, compress: bool = False) -> Iterator[str]:
    """Serve `folder` on 127.0.0.1 until the block ends; yields the base address (no trailing slash)."""
    handler = functools.partial(GzipHandler if compress else QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class _NavLinks(HTMLParser):
    """The addresses of the links of Material's main navigation (`a.md-nav__link` in `nav.md-nav--primary`)."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0  # open <nav> elements, counted from the primary one
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        classes = (values.get("class") or "").split()
        if tag == "nav" and (self.depth or "md-nav--primary" in classes):
            self.depth += 1
        elif tag == "a" and self.depth and "md-nav__link" in classes and values.get("href"):
            self.links.append(values["href"] or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav" and self.depth:
            self.depth -= 1


def _page_file(site: Path, href: str) -> Path | None:
    """The HTML file a link of the home page leads to, if it is a page of the site."""
    parts = urlsplit(urljoin("http://site.invalid/", href))
    if parts.netloc != "site.invalid":
        return None
    target = site / unquote(parts.path).lstrip("/")  # an address's %-escapes name the file's characters
    target = target / "index.html" if target.is_dir() else target
    return target if target.is_file() and target.suffix == ".html" else None


def page_types(site: Path) -> dict[str, str]:
    """One page of each kind in the built `site`: name -> address relative to the site root, by name.

    The home page and every page of the main navigation (each a kind of its own: a listing, the
    glossary, the timeline...), any other page at the top (not the 404 page); then, for each top-level
    section, the largest of its pages the navigation does not list ("documents/*": a collection's
    pages, the longest document, the biggest comparison), the one most likely to break. Nothing here
    knows what the pages are about, so pages added later are found without changing the callers."""
    nav = _NavLinks()
    nav.feed((site / "index.html").read_text(encoding="utf-8"))
    listed = {page for href in nav.links if (page := _page_file(site, href))}
    types = {"home": ""}
    collections: dict[str, list[Path]] = {}
    for page in sorted(site.rglob("*.html")):
        relative = page.relative_to(site).as_posix()
        address = relative.removesuffix("index.html")
        if relative in ("index.html", "404.html"):
            continue
        if page in listed:
            types[address.rstrip("/")] = address
        elif "/" in relative:
            collections.setdefault(relative.split("/")[0], []).append(page)
        else:
            types[relative.removesuffix(".html")] = relative
    for section, pages in collections.items():
        largest = max(pages, key=lambda p: (p.stat().st_size, p.as_posix()))
        types[f"{section}/*"] = largest.relative_to(site).as_posix().removesuffix("index.html")
    return dict(sorted(types.items()))

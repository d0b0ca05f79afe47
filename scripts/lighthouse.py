"""Lighthouse scores of built pages: serve a site folder on 127.0.0.1 (gzip, as web servers do) and audit.

    python scripts/lighthouse.py site/ "" documents/<id>/      # prints one line per page

Lighthouse is the npm package pinned in package.json (`npm ci`), run with its mobile defaults against
Debian's Chromium (CHROME_PATH=/usr/bin/chromium). Used by scripts/benchmark.py; never by the tests.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROME = "/usr/bin/chromium"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-compressed when the client accepts it, with a day of caching for assets."""

    def log_message(self, *args):
        pass

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
def serve(folder: Path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


def audit(url: str) -> dict[str, float]:
    """Lighthouse's category scores (0 to 1) for one address, mobile defaults."""
    if not LIGHTHOUSE.exists():
        raise SystemExit(f"{LIGHTHOUSE.relative_to(ROOT)} is missing: run `npm ci` in the project folder")
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "report.json"
        subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                "--quiet",
                "--output=json",
                f"--output-path={report}",
                f"--only-categories={','.join(CATEGORIES)}",
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
            ],
            check=True,
            env={**os.environ, "CHROME_PATH": CHROME},
            capture_output=True,
        )
        categories = json.loads(report.read_text(encoding="utf-8"))["categories"]
    return {name: categories[name]["score"] for name in CATEGORIES}


def audit_pages(site: Path, pages: dict[str, str]) -> dict[str, dict[str, float]]:
    """Scores for each named page (address relative to the site root) of the built `site`."""
    with serve(site) as base:
        return {name: audit(base + path) for name, path in pages.items()}


if __name__ == "__main__":
    folder, *paths = sys.argv[1:]
    for path, scores in audit_pages(Path(folder), {p: p for p in paths}).items():
        print(path or "/", " ".join(f"{k}={v:.2f}" for k, v in scores.items()))

"""Lighthouse scores of built pages: serve a site folder on 127.0.0.1 (gzip, as web servers do) and audit.

    python3 -m coalition_bench.lighthouse site/ "" documents/<id>/      # prints one line per page

Lighthouse is the npm package pinned in package.json (`npm ci`), run with its mobile defaults against
Debian's Chromium (CHROME_PATH=/usr/bin/chromium). Used by coalition_bench.build; never by the tests.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from coalition_bench.harness import CHROMIUM, project_root, serve

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def lighthouse_command() -> Path:
    """The Lighthouse that `npm ci` installed in the project folder."""
    command = project_root() / "node_modules" / ".bin" / "lighthouse"
    if not command.exists():
        raise SystemExit("node_modules/.bin/lighthouse is missing: run `npm ci` in the project folder")
    return command


def audit(url: str) -> dict[str, float]:
    """Lighthouse's category scores (0 to 1) for one address, mobile defaults."""
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "report.json"
        subprocess.run(
            [
                str(lighthouse_command()),
                url,
                "--quiet",
                "--output=json",
                f"--output-path={report}",
                f"--only-categories={','.join(CATEGORIES)}",
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
            ],
            check=True,
            env={**os.environ, "CHROME_PATH": CHROMIUM},
            capture_output=True,
        )
        categories = json.loads(report.read_text(encoding="utf-8"))["categories"]
    return {name: categories[name]["score"] for name in CATEGORIES}


def audit_pages(site: Path, pages: dict[str, str]) -> dict[str, dict[str, float]]:
    """Scores for each named page (address relative to the site root) of the built `site`."""
    with serve(site, compress=True) as base:
        return {name: audit(f"{base}/{path}") for name, path in pages.items()}


if __name__ == "__main__":
    folder, *paths = sys.argv[1:]
    for path, scores in audit_pages(Path(folder), {p: p for p in paths}).items():
        print(path or "/", " ".join(f"{k}={v:.2f}" for k, v in scores.items()))

"""Lighthouse scores of every page type, against a bare Material build of the same pages, in one run.

    python3 -m coalition_bench.lighthouse                    # writes its section of benchmarks/results.md
    python3 -m coalition_bench.lighthouse --runs 5 --out /tmp/lighthouse.md
    python3 -m coalition_bench.lighthouse --site site/ "" documents/<id>/   # prints one line per page

The project is copied to a scratch folder and built twice: the real build, and a bare Material build of
the same docs/ (coalition_bench.build.bare_config: Material and its search, no extra CSS, JavaScript
or template overrides). Each page type found in the built site (`page_types`: the home page, every page
of the main navigation, the largest page of each collection, the 404 page and the search results) is
audited in both, taking turns, `--runs` times, so that the machine's load weighs on both alike. The
median and the range of each score go into the section "Lighthouse per page type" of `--out`
(the rest of the file is left as it is). Lighthouse scales the CPU time it observes: on a shared
machine, read the two builds against each other, not the scores alone.

Lighthouse is the npm package pinned in package.json (`npm ci`), run with its mobile defaults against
Debian's Chromium (CHROME_PATH=/usr/bin/chromium), the site served with gzip on 127.0.0.1 as web
servers do. Used by coalition_bench.build too; never by the tests.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from coalition_bench import harness
from coalition_bench.harness import CHROMIUM, copy_project, mkdocs_build, project_root, serve
from coalition_texts.model.urls import SITE

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
SECTION = "## Lighthouse per page type"
# The section in a report: from its heading to the next heading of its level, or the end.
SECTION_PATTERN = re.compile(rf"^{re.escape(SECTION)}\n.*?(?=^## |\Z)", re.MULTILINE | re.DOTALL)
SEARCH_WORDS = "Marrakesh"  # the search results page type: the home page opened with `?q=` (search.share)


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


def page_types(site: Path) -> dict[str, str]:
    """The page types the tests check (coalition_bench.harness.page_types), named for the report: each
    collection's page as its largest, and two more that Lighthouse audits: the search results (the home
    page with `?q=`) and the 404 page."""
    found = harness.page_types(site)
    types = {"home": found.pop("home"), "search results": f"?q={SEARCH_WORDS}"}
    # The navigation's pages first, then the collections' (a stable sort keeps each group's order).
    for name, address in sorted(found.items(), key=lambda item: item[0].endswith("/*")):
        types[f"{name} (largest)" if name.endswith("/*") else name] = address
    if (site / "404.html").is_file():
        types["404"] = "404.html"
    return types


def build_both(work: Path) -> tuple[Path, Path]:
    """The real site and the bare Material site of the same pages, built in a scratch copy."""
    from coalition_bench.build import EPOCH, bare_config  # build.py imports this module

    project = copy_project(project_root(), work / "project")
    site, bare = project / SITE, work / "bare"
    result = mkdocs_build(project, site, env=EPOCH)
    if result.returncode:
        raise SystemExit(f"the build failed:\n{result.stderr}")
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(bare_config(project)), "-d", str(bare)]
    subprocess.run(command, cwd=project, check=True, env={**os.environ, **EPOCH}, capture_output=True)
    return site, bare


def load_average() -> str:
    return " ".join(f"{value:.1f}" for value in os.getloadavg())


def compare(site: Path, bare: Path, runs: int) -> Iterator[tuple[dict[str, str], dict[str, dict[str, list]], list]]:
    """Every page type audited `runs` times in both sites, taking turns; after each round, the scores so far
    and the load averages (before each round, and now)."""
    types = page_types(site)
    scores: dict[str, dict[str, list[dict]]] = {name: {"project": [], "bare": []} for name in types}
    loads: list[str] = []
    with contextlib.ExitStack() as stack:
        bases = {"project": stack.enter_context(serve(site, compress=True))}
        bases["bare"] = stack.enter_context(serve(bare, compress=True))
        for round_ in range(runs):
            loads.append(load_average())
            for name, address in types.items():
                for which, base in bases.items():
                    scores[name][which].append(audit(f"{base}/{address}"))
                project, plain = scores[name]["project"][-1], scores[name]["bare"][-1]
                print(f"{round_ + 1}/{runs} {name}: project {project}, bare {plain['performance']}", flush=True)
            yield types, scores, [*loads, load_average()]


def _spread(values: list[float]) -> str:
    low, high = min(values), max(values)
    middle = f"{statistics.median(values):.2f}"
    return middle if low == high else f"{middle} ({low:.2f}–{high:.2f})"


def section(types: dict[str, str], scores: dict[str, dict[str, list[dict]]], loads: list[str], runs: int) -> str:
    """The report's section: per page type, the median and range of each score, the bare build's beside it."""
    lines = [
        SECTION,
        "",
        f"`python3 -m coalition_bench.lighthouse --runs {runs}`: Lighthouse (npm, mobile defaults, Debian's "
        "Chromium), the site served with gzip on 127.0.0.1; each page type audited in the project's build and in "
        "a bare Material build of the same pages (no extra CSS, JavaScript or overrides), taking turns. Median "
        f"(lowest–highest) of {runs} run{'s' if runs != 1 else ''}. Load average (1, 5, 15 min) before each "
        f"round and at the end: {'; '.join(loads)} ({os.cpu_count()} cores; a busy machine lowers performance in "
        "both builds).",
        "",
        "| page type | performance | bare Material: performance | accessibility | best practices | SEO |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, address in types.items():
        project, bare = scores[name]["project"], scores[name]["bare"]
        others = " | ".join(_spread([run[c] for run in project]) for c in CATEGORIES[1:])
        lines.append(
            f"| {name} (`/{address}`) | {_spread([run['performance'] for run in project])} "
            f"| {_spread([run['performance'] for run in bare])} | {others} |"
        )
    return "\n".join(lines) + "\n"


def replace_section(report: str, text: str) -> str:
    """`report` with its section "Lighthouse per page type" replaced by `text` (added at the end if absent)."""
    if SECTION_PATTERN.search(report):
        return SECTION_PATTERN.sub(lambda _: text + "\n", report, count=1).rstrip("\n") + "\n"
    return report.rstrip("\n") + "\n\n" + text


def kept_section(path: Path) -> str:
    """The section as last written in `path` ("" if none): coalition_bench.build rewrites the rest of the file."""
    if not path.is_file():
        return ""
    found = SECTION_PATTERN.search(path.read_text(encoding="utf-8"))
    return found.group(0).rstrip("\n") + "\n" if found else ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="audits of each page type in each build")
    parser.add_argument("--out", type=Path, default=Path("benchmarks") / "results.md")
    parser.add_argument("--site", type=Path, help="audit these pages of a built site instead, and print the scores")
    parser.add_argument("pages", nargs="*", help="with --site: addresses relative to the site root")
    args = parser.parse_args(argv)
    if args.site:
        for path, page_scores in audit_pages(args.site, {p: p for p in args.pages or [""]}).items():
            print(path or "/", " ".join(f"{k}={v:.2f}" for k, v in page_scores.items()))
        return 0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    text = ""
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as scratch:
        site, bare = build_both(Path(scratch))
        # Written after each round, so that a run stopped early still leaves what it measured.
        for round_, (types, scores, loads) in enumerate(compare(site, bare, args.runs), start=1):
            text = section(types, scores, loads, round_)
            report = args.out.read_text(encoding="utf-8") if args.out.is_file() else ""
            args.out.write_text(replace_section(report, text), encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())

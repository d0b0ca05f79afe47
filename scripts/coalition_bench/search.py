"""Benchmark the site search: index size, and the time from a keystroke to results, in Chromium.

    python3 -m coalition_bench.search                        # the five documents, and 1,000 more
    python3 -m coalition_bench.search --sizes 0 200 --out benchmarks/out/search.md

For each size the project is copied to a scratch folder, `size` generated documents are added
through the catalog (corpus_generator.py; 0 means the five real texts alone), and the site is built
with `mkdocs build`. Then:

- the search index `search/search_index.json`, raw and gzip-compressed (level 6, as web servers
  commonly serve it), and its number of entries;
- "ready": from the page's load event until Material's search can answer (the worker has fetched the
  index and built the lunr index), median of `--repeat` page loads;
- "keystroke to results": from the keyup event of the query's last key until the result list has
  changed, measured inside the page (performance.now), for each query, median and maximum over
  `--repeat` runs.

The site is served on 127.0.0.1 by Python's http.server; Chromium is Debian's /usr/bin/chromium.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from coalition_bench.corpus_generator import write_corpus
from coalition_bench.harness import CHROMIUM, CHROMIUM_ARGS, copy_project, mkdocs_build, project_root, serve
from coalition_texts.model.urls import SITE, SOURCES
from coalition_texts.sources.catalog import load_catalog  # noqa: E402

QUERIES = ["Benin", "Khorasan", "Monguno", "Niamey action plan", "Marrakech", "eighty-five", "Coalition", "Zyxqwvutz"]

# Types `query` except its last key, then sends the last key's keyup (Material searches on keyup) and
# resolves with the milliseconds until the result list or its count line changes.
MEASURE = """async (query) => {
  const input = document.querySelector("input.md-search__input");
  const meta = document.querySelector(".md-search-result__meta");
  const list = document.querySelector(".md-search-result__list");
  input.focus();
  input.value = query;
  let start = 0;
  const done = new Promise(resolve => {
    const observer = new MutationObserver(() => { observer.disconnect(); resolve(performance.now() - start); });
    observer.observe(list, { childList: true });
    observer.observe(meta, { childList: true, characterData: true, subtree: true });
  });
  start = performance.now();
  input.dispatchEvent(new KeyboardEvent("keyup", { key: query.slice(-1), bubbles: true }));
  return await done;
}"""
READY = "() => !/Initializing/.test(document.querySelector('.md-search-result__meta').textContent)"


def build(size: int, work: Path) -> dict:
    project = copy_project(project_root(), work / f"project-{size}")
    if size:
        write_corpus(project, size)
    started = time.perf_counter()
    result = mkdocs_build(project, project / SITE)
    if result.returncode != 0:
        raise SystemExit(f"build of {size} generated documents failed:\n{result.stderr[-2000:]}")
    documents = len(load_catalog(project / SOURCES).documents)
    return {"site": project / SITE, "documents": documents, "build": time.perf_counter() - started}


def index_size(site: Path) -> dict:
    data = (site / "search" / "search_index.json").read_bytes()
    return {
        "entries": len(json.loads(data)["docs"]),
        "raw": len(data),
        "gzip": len(gzip.compress(data, compresslevel=6, mtime=0)),
    }


def browser_times(site: Path, repeat: int) -> dict:
    from playwright.sync_api import sync_playwright

    ready: list[float] = []
    typed: dict[str, list[float]] = {query: [] for query in QUERIES}
    with serve(site) as address:
        url = address + "/"
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            for _ in range(repeat):
                page.goto(url, wait_until="load")
                loaded = page.evaluate("() => performance.now()")
                page.wait_for_function(READY, timeout=300_000, polling=10)
                ready.append(page.evaluate("() => performance.now()") - loaded)
                for query in QUERIES:
                    typed[query].append(page.evaluate(MEASURE, query))
                    page.evaluate(MEASURE, "")  # back to the empty box, so the next query changes the list
            browser.close()
    return {"ready": statistics.median(ready), "typed": typed}


def report(rows: list[dict]) -> str:
    lines = [
        "| Documents | Index entries | Index raw | Index gzip | Search ready after load | Build |",
        "| ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        size = f"{row['raw'] / 1024:,.0f} KiB | {row['gzip'] / 1024:,.0f} KiB"
        lines.append(
            f"| {row['documents']:,} | {row['entries']:,} | {size} | {row['ready']:,.0f} ms | {row['build']:,.0f} s |"
        )
    lines += ["", "Keystroke to results, median / maximum (ms):", ""]
    lines.append("| Query | " + " | ".join(f"{row['documents']:,} documents" for row in rows) + " |")
    lines.append("| --- |" + " ---: |" * len(rows))
    for query in QUERIES:
        cells = [f"{statistics.median(row['typed'][query]):.0f} / {max(row['typed'][query]):.0f}" for row in rows]
        lines.append(f"| {query} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[0, 1000], help="generated documents to add")
    parser.add_argument("--repeat", type=int, default=5, help="page loads (and runs of each query) per size")
    parser.add_argument("--out", type=Path, help="also write the Markdown table to this file")
    args = parser.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory(prefix="benchmark-search-") as work:
        for size in args.sizes:
            built = build(size, Path(work))
            site = built.pop("site")
            row = {**built, **index_size(site), **browser_times(site, args.repeat)}
            rows.append(row)
            print(f"{row['documents']} documents: built in {row['build']:.0f} s", file=sys.stderr)
    table = report(rows)
    print(table)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(table, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

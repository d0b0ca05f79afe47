"""Benchmark the whole build at scale against a bare Material build of the same pages; Lighthouse scores.

    python3 -m coalition_bench.build                     # 5, 1,000 and 10,000 documents, then Lighthouse
    python3 -m coalition_bench.build--sizes 5 200 --no-lighthouse --out /tmp/bench.md

For each size the project is copied to a scratch folder and `size - 5` generated documents are added
through the catalog (coalition_bench/corpus_generator.py; the five real texts stay). Then, with
SOURCE_DATE_EPOCH set:

Times are CPU seconds (user + system) of each build process, which a busy shared machine disturbs far
less than wall-clock time (kept for the whole build too).

- conversion: `python -m coalition_texts` (sources to Markdown pages, from an empty docs/ state);
- whole build: `mkdocs build --strict` as a reader runs it, all plugins included (the generated
  folders removed first, so the project's plugin converts everything again, as in a fresh clone);
- bare build: `mkdocs build` of the same docs/ with a plain mkdocs.yml: Material, its search plugin,
  the same Markdown extensions, navigation and theme features, and no other plugins, extra CSS or
  JavaScript. The ratio whole/bare is what the project adds to Material's own cost (goal: at most 1.3);
- pages per CPU second of the whole build (HTML files written / seconds);
- page weight of the largest document page: every request Chromium makes to load it, gzip-compressed
  (level 6), with the search index counted apart;
- search index: `search/search_index.json`, raw and gzip.

Sizes up to 1,000 documents are built `--repeat` times, whole and bare builds taking turns, and the
fastest run of each is kept: on a shared virtual machine one build's CPU time varies by a quarter from
run to run, mostly in slow drifts that taking turns spreads over both. The table goes to `--out`
(Markdown) with a plot beside it (PNG), rewritten after each size, so a run stopped early keeps what it
measured. Lighthouse (coalition_bench/lighthouse.py, mobile defaults) audits the real site (the 5-document
corpus) as soon as it is built: the home page, an event page and the longest document page.
"""

from __future__ import annotations

import argparse
import gzip
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from coalition_bench import lighthouse
from coalition_bench.corpus_generator import write_corpus
from coalition_bench.harness import (
    CHROMIUM,
    CHROMIUM_ARGS,
    build_environment,
    copy_project,
    mkdocs_build,
    project_root,
    serve,
)
from coalition_texts.build import GENERATED, mkdocs_yml
from coalition_texts.model.urls import DOCS, SITE, SNIPPETS

REAL_DOCUMENTS = 5
REPEATED_UP_TO = 1000  # a 10,000-document build takes minutes: it runs once
EPOCH = {"SOURCE_DATE_EPOCH": "1700000000", "NO_MKDOCS_2_WARNING": "1"}
# What the bare configuration keeps of the real one: what Material needs to render the same pages.
BARE_KEEPS = ("site_name", "site_url", "theme", "nav", "not_in_nav", "exclude_docs", "markdown_extensions",
              "use_directory_urls")  # fmt: skip


def bare_config(project: Path) -> Path:
    """A plain mkdocs.yml for the same docs/: Material and search only (see the module docstring)."""
    config = mkdocs_yml(project)
    bare = {key: config[key] for key in BARE_KEEPS if key in config}
    bare["theme"] = {key: value for key, value in config["theme"].items() if key != "custom_dir"}
    bare["plugins"] = ["search"]
    extensions = []
    for extension in bare.get("markdown_extensions", []):
        if extension == "pymdownx.snippets" or (isinstance(extension, dict) and "pymdownx.snippets" in extension):
            options = dict(extension["pymdownx.snippets"] or {}) if isinstance(extension, dict) else {}
            options["base_path"] = [str(project / DOCS / SNIPPETS)]  # what the project's plugin sets
            extension = {"pymdownx.snippets": options}
        extensions.append(extension)
    bare["markdown_extensions"] = extensions
    path = project / "mkdocs-bare.yml"
    path.write_text(yaml.safe_dump(bare, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(run) -> tuple[float, float]:
    """(wall-clock, CPU) seconds of `run()`, which runs one child process and returns it."""
    start, cpu = time.perf_counter(), cpu_seconds()
    result = run()
    elapsed, used = time.perf_counter() - start, cpu_seconds() - cpu
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(map(str, result.args))} failed:\n{result.stderr[-3000:]}")
    return elapsed, used


def child(command: list[str], cwd: Path):
    environment = build_environment(cwd, EPOCH)  # the copy's own pipeline
    return lambda: subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=environment)


def clear_generated(project: Path) -> None:
    for folder in GENERATED:
        shutil.rmtree(project / DOCS / folder, ignore_errors=True)


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 6, mtime=0))


def page_weight(site: Path, path: str) -> tuple[int, int]:
    """(gzip bytes of everything Chromium loads for the page except the search index, of the index)."""
    from playwright.sync_api import sync_playwright

    requested: list[str] = []
    with serve(site, compress=True) as address, sync_playwright() as playwright:
        base = address + "/"
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.on("request", lambda request: requested.append(request.url))
        page.goto(base + path)
        page.wait_for_load_state("networkidle")
        browser.close()
    weight = index = 0
    for url in dict.fromkeys(requested):
        local = url.removeprefix(base).split("?")[0].split("#")[0]
        file = site / local
        file = file / "index.html" if file.is_dir() else file
        if not file.is_file():
            continue
        size = gz(file.read_bytes())
        if local.startswith("search/"):
            index += size
        else:
            weight += size
    return weight, index


def largest_document(site: Path) -> str:
    pages = [p for p in (site / "documents").glob("*/index.html")]
    largest = max(pages, key=lambda p: (p.stat().st_size, p.as_posix()))
    return largest.parent.relative_to(site).as_posix() + "/"


def measure(size: int, work: Path, repeat: int) -> dict:
    project = copy_project(project_root(), work / f"project-{size}")
    if size > REAL_DOCUMENTS:
        write_corpus(project, size - REAL_DOCUMENTS, seed=1)
    conversion, whole, bare = [], [], []
    site, bare_site = project / SITE, work / f"bare-{size}"
    bare_file = bare_config(project)
    python = sys.executable
    for _ in range(repeat):
        clear_generated(project)
        conversion.append(timed(child([python, "-m", "coalition_texts", "--root", str(project)], project)))
        clear_generated(project)
        whole.append(timed(lambda: mkdocs_build(project, site, env=EPOCH)))
        bare_build = [python, "-m", "mkdocs", "build", "-q", "-f", str(bare_file), "-d", str(bare_site)]
        bare.append(timed(child(bare_build, project)))
    pages = sum(1 for _ in site.rglob("*.html"))
    bare_pages = sum(1 for _ in bare_site.rglob("*.html"))
    shutil.rmtree(bare_site)
    document = largest_document(site)
    weight, loaded_index = page_weight(site, document)
    index = site / "search" / "search_index.json"
    best_whole, best_bare = min(cpu for _, cpu in whole), min(cpu for _, cpu in bare)
    row = {
        "documents": size,
        # CPU seconds (user + system) of the build processes: on a shared machine wall-clock time measures
        # the other processes as much as the build. The whole build's wall-clock time is kept for reference.
        "conversion": min(cpu for _, cpu in conversion),
        "whole": best_whole,
        "bare": best_bare,
        "whole_wall": min(wall for wall, _ in whole),
        # For the growth between sizes: the best of several runs against a single run would overstate it.
        "whole_median": statistics.median(cpu for _, cpu in whole),
        "bare_median": statistics.median(cpu for _, cpu in bare),
        # Each whole build against the bare build run right after it: how much the ratio itself varies.
        "paired": sorted(w / b for (_, w), (_, b) in zip(whole, bare, strict=True)),
        "pages": pages,
        "bare_pages": bare_pages,
        "weight": weight,
        "loaded_index": loaded_index,
        "index_raw": index.stat().st_size,
        "index_gz": gz(index.read_bytes()),
        "document": document,
        "site": site,
    }
    row["ratio"] = best_whole / best_bare
    row["pages_per_second"] = pages / best_whole
    return row


def kib(size: int) -> str:
    return f"{size / 1024:,.0f} KiB" if size < 10 * 1024 * 1024 else f"{size / 1024 / 1024:,.1f} MiB"


def table(rows: list[dict]) -> str:
    lines = [
        "| documents | conversion CPU s | whole build CPU s (wall s) | bare Material build CPU s | whole / bare "
        "| pages per CPU s (whole) | HTML pages (whole / bare) | document page, gzip, all assets "
        "| search index raw / gzip |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        lines.append(
            f"| {row['documents']:,} | {row['conversion']:.1f} | {row['whole']:.1f} ({row['whole_wall']:.0f}) "
            f"| {row['bare']:.1f} "
            f"| {row['ratio']:.2f} | {row['pages_per_second']:.0f} | {row['pages']:,} / {row['bare_pages']:,} "
            f"| {kib(row['weight'])} (+ {kib(row['loaded_index'])} index) "
            f"| {kib(row['index_raw'])} / {kib(row['index_gz'])} |"
        )
    return "\n".join(lines)


def growth(rows: list[dict]) -> str:
    """How time grows between the two largest sizes (median runs), and how much the ratio varies between runs."""
    paired = "; ".join(
        f"{row['documents']:,}: {row['paired'][0]:.2f} to {row['paired'][-1]:.2f} ({len(row['paired'])} runs)"
        if len(row["paired"]) > 1
        else f"{row['documents']:,}: {row['paired'][0]:.2f} (one run)"
        for row in rows
    )
    text = f"Whole / bare of each whole build and the bare build run right after it: {paired}."
    if len(rows) < 2:
        return text
    small, large = rows[-2], rows[-1]
    factor = large["documents"] / small["documents"]
    whole = large["whole_median"] / small["whole_median"]
    bare = large["bare_median"] / small["bare_median"]
    return (
        f"From {small['documents']:,} to {large['documents']:,} documents (x{factor:.0f}), the whole build took "
        f"x{whole:.1f} the time and the bare build x{bare:.1f} (median runs). {text}"
    )


def plot(rows: list[dict], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = [row["documents"] for row in rows]
    figure, (times, ratio) = plt.subplots(1, 2, figsize=(10, 4), dpi=100)
    for key, label, marker in (("whole", "whole build", "o"), ("bare", "bare Material build", "s"),
                               ("conversion", "conversion", "^")):  # fmt: skip
        times.loglog(sizes, [row[key] for row in rows], marker=marker, label=label)
    times.set_xlabel("documents")
    times.set_ylabel("CPU seconds (log)")
    times.set_title("Build time")
    times.legend()
    times.grid(True, which="both", alpha=0.3)
    ratio.semilogx(sizes, [row["ratio"] for row in rows], marker="o", label="whole / bare (best runs)")
    # The spread of whole / bare over the paired runs: one build's time varies from run to run.
    ratio.vlines(sizes, [row["paired"][0] for row in rows], [row["paired"][-1] for row in rows], colors="tab:blue",
                 alpha=0.4, linewidth=6, label="range over paired runs")  # fmt: skip
    ratio.axhline(1.3, linestyle="--", color="grey", label="goal 1.3")
    ratio.set_xlabel("documents")
    ratio.set_title("Whole build / bare Material build")
    ratio.legend()
    ratio.grid(True, which="both", alpha=0.3)
    figure.tight_layout()
    figure.savefig(path, metadata={"Software": None})
    plt.close(figure)


def lighthouse_pages(site: Path) -> dict[str, str]:
    events = sorted(p.parent.name for p in (site / "events").glob("*/index.html"))
    return {"home": "", "event": f"events/{events[0]}/", "longest document": largest_document(site)}


def write_report(args: argparse.Namespace, rows: list[dict], scores: dict, audited: dict, load: str) -> str:
    """The table, the plot and the Lighthouse scores measured so far (rewritten after each size)."""
    args.out.parent.mkdir(parents=True, exist_ok=True)
    image = args.out.with_suffix(".png")
    plot(rows, image)
    cpu = f"{os.cpu_count()} cores, {platform.python_implementation()} {platform.python_version()}"
    measured = [row["documents"] for row in rows]
    missing = [size for size in args.sizes if size not in measured]
    text = [
        "# Build benchmark",
        "",
        f"`python3 -m coalition_bench.build--sizes {' '.join(map(str, args.sizes))}` on {cpu}; load average "
        f"at the start: {load}. Document page: the largest of the corpus. Times are CPU seconds (user + system) of "
        f"the build processes, best of {args.repeat} for sizes up to {REPEATED_UP_TO:,} documents (larger: one run).",
        "",
        table(rows),
        "",
        growth(rows),
        "",
        f"Not measured (the run was stopped first): {', '.join(f'{size:,}' for size in missing)} documents."
        if missing
        else "",
        "",
        f"![Build time and ratio]({image.name})",
    ]
    if scores:
        text += ["", "## Lighthouse (mobile defaults, Debian's Chromium, site served with gzip on 127.0.0.1)", ""]
        text += [f"Load average after the audits: {audited['load']} (a busy machine lowers performance).", ""]
        text += ["| page | performance | accessibility | best practices | SEO |", "|---|---:|---:|---:|---:|"]
        for name, score in scores.items():
            values = " | ".join(f"{score[c]:.2f}" for c in lighthouse.CATEGORIES)
            text.append(f"| {name} (`/{audited[name]}`) | {values} |")
    if kept := lighthouse.kept_section(args.out):  # coalition_bench.lighthouse's own section stays
        text += ["", *kept.rstrip("\n").split("\n")]
    report = "\n".join(line for i, line in enumerate(text) if line or (i and text[i - 1])) + "\n"
    args.out.write_text(report, encoding="utf-8")
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5, 1000, 10000], help="documents per corpus")
    parser.add_argument(
        "--repeat", type=int, default=5, help=f"runs of sizes up to {REPEATED_UP_TO:,} documents (fastest kept)"
    )
    parser.add_argument("--out", type=Path, default=Path("benchmarks") / "results.md")
    parser.add_argument("--no-lighthouse", action="store_true", help="skip the Lighthouse audits")
    args = parser.parse_args(argv)
    args.sizes = sorted(args.sizes)
    load = " ".join(f"{value:.1f}" for value in os.getloadavg())
    rows, scores, audited = [], {}, {}
    with tempfile.TemporaryDirectory(prefix="benchmark-") as scratch:
        for size in args.sizes:
            row = measure(size, Path(scratch), args.repeat if size <= REPEATED_UP_TO else 1)
            rows.append(row)
            print(table([row]).splitlines()[-1], flush=True)
            if size == REAL_DOCUMENTS and not args.no_lighthouse:  # the real site, audited before it is removed
                audited = lighthouse_pages(row["site"])
                scores = lighthouse.audit_pages(row["site"], audited)
                # Lighthouse scales the CPU time it observes: a busy machine lowers the performance score.
                audited["load"] = " ".join(f"{value:.1f}" for value in os.getloadavg())
            shutil.rmtree(row.pop("site").parent, ignore_errors=True)  # the scratch copies of large corpora are big
            write_report(args, rows, scores, audited, load)
    print(write_report(args, rows, scores, audited, load))
    return 0


if __name__ == "__main__":
    sys.exit(main())

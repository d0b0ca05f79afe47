"""Benchmark the open data and the page head metadata on generated corpora: time, growth and sizes.

    python3 -m coalition_bench.open_data                 # 1,000 and 10,000 documents
    python3 -m coalition_bench.open_data --sizes 500 5000 --out benchmarks/out/open_data.md

Corpora come from corpus_texts.py; each generated text becomes a catalog document (the metadata of
a real one, with its own id, file and date) with its paragraphs and anchors. For each size the
table gives the CPU time of `open_data.site_files` (corpus.json, paragraphs.csv and two downloads
per document) and of `head_metadata.head_metadata` for every document page (JSON-LD, Open Graph),
the CPU time per document, the growth against the previous size (CPU time ratio over size ratio:
1.0 is linear) and the size of the dataset files. Best of `--repeat` runs.
"""

from __future__ import annotations

import hashlib
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

from coalition_bench import corpus_texts
from coalition_bench.harness import project_root
from coalition_bench.report import main_over_sizes
from coalition_texts.model.dates import PartialDate
from coalition_texts.model.records import Catalog, Paragraph, RenderedDocument, SourceText
from coalition_texts.model.urls import CORPUS_JSON, PARAGRAPHS_CSV, SOURCES
from coalition_texts.postbuild import head_metadata, open_data
from coalition_texts.sources.catalog import load_catalog

CONFIG = SimpleNamespace(
    site_name="Benchmark", site_url="http://127.0.0.1:8000/", site_description="", copyright="", use_directory_urls=True
)


def corpus(size: int, seed: int, folder: Path) -> tuple[Catalog, list[RenderedDocument]]:
    real = load_catalog(project_root() / SOURCES)
    template = real.documents[0]
    (folder / SOURCES).mkdir()
    documents, rendered = [], []
    for index, text in enumerate(corpus_texts.generate(size, seed)):
        published = PartialDate(2000 + index % 25, 1 + index % 12, 1 + index % 28) if index % 10 else None
        doc = replace(template, id=f"text-{index}", file=f"text-{index}.txt", title=text.title, published=published)
        data = "\n\n".join(text.paragraphs).encode("utf-8") + b"\n"
        (folder / SOURCES / doc.file).write_bytes(data)
        paragraphs = tuple(Paragraph(p, 1, 1) for p in text.paragraphs)
        source = SourceText(hashlib.sha256(data).hexdigest(), paragraphs, ())
        anchors = tuple(f"p{n}" for n in range(1, len(paragraphs) + 1))
        documents.append(doc)
        rendered.append(RenderedDocument(doc, source, anchors, ()))
    return Catalog(tuple(documents), real.events), rendered


def _cpu(function, repeat: int):
    best, result = None, None
    for _ in range(repeat):
        start = time.process_time()
        result = function()
        elapsed = time.process_time() - start
        best = elapsed if best is None else min(best, elapsed)
    return best, result


def head_metadata_for_every_document(catalog: Catalog, rendered: list[RenderedDocument]) -> int:
    by_id = {item.doc.id: item for item in rendered}
    for item in rendered:
        url = f"documents/{item.doc.id}/"
        page = SimpleNamespace(
            file=SimpleNamespace(src_uri=f"documents/{item.doc.id}.md", url=url),
            canonical_url=CONFIG.site_url + url,
            meta={"title": item.doc.title, "description": ""},
            title=item.doc.title,
            is_homepage=False,
        )
        head_metadata.head_metadata(page, CONFIG, catalog, by_id)
    return len(rendered)


def run(size: int, repeat: int, seed: int) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        catalog, rendered = corpus(size, seed, Path(folder))
        data_cpu, files = _cpu(lambda: open_data.site_files(Path(folder), rendered, catalog, CONFIG), repeat)
        head_cpu, _ = _cpu(lambda: head_metadata_for_every_document(catalog, rendered), repeat)
    return {
        "documents": size,
        "paragraphs": sum(len(item.source.paragraphs) for item in rendered),
        "data_cpu": data_cpu,
        "head_cpu": head_cpu,
        "json_mb": len(files[CORPUS_JSON]) / 1e6,
        "csv_mb": len(files[PARAGRAPHS_CSV]) / 1e6,
        "files": len(files),
    }


def table(results: list[dict]) -> str:
    lines = [
        "| Documents | Paragraphs | Open data CPU (s) | Head metadata CPU (s) | CPU ms per document | Growth "
        "| corpus.json (MB) | paragraphs.csv (MB) | Files |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    previous = None
    for r in results:
        total = r["data_cpu"] + r["head_cpu"]
        growth = "—"
        if previous:
            before = previous["data_cpu"] + previous["head_cpu"]
            growth = f"{(total / before) / (r['documents'] / previous['documents']):.2f}"
        lines.append(
            f"| {r['documents']:,} | {r['paragraphs']:,} | {r['data_cpu']:.2f} | {r['head_cpu']:.2f} "
            f"| {1000 * total / r['documents']:.2f} | {growth} | {r['json_mb']:.1f} | {r['csv_mb']:.1f} "
            f"| {r['files']:,} |"
        )
        previous = r
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    return main_over_sizes(
        __doc__.splitlines()[0], run, table, lambda r: f"{r['data_cpu'] + r['head_cpu']:.2f} s CPU", argv
    )


if __name__ == "__main__":
    sys.exit(main())

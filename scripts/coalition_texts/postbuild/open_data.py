"""The corpus as open data, published with the site: JSON (with its JSON Schema), CSV and downloads.

Built from the same records as the pages (the build's documents, anchors and paragraphs), so the
data and the pages cannot disagree:

- `data/corpus.json`: every document's catalog metadata, checksum, page address, citation forms
  (citation.py) and paragraphs in order (anchor, number, text, permanent address), and the events; it validates against
  `data/corpus.schema.json` (hand-written, kept in `docs/data/`);
- `data/paragraphs.csv`: the same paragraphs, one row each;
- `data/sources/<id>.txt`: each source file exactly as captured (always served as plain text), and
  `data/text/<id>.txt`: its clean text.

The files are handed to MkDocs as generated files (`File.generated`), so they are written into the
site, served by `mkdocs serve`, and links to them are checked like any other.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from coalition_texts.analysis import citation
from coalition_texts.model.records import Catalog, Event, RenderedDocument, sort_key
from coalition_texts.model.urls import (
    CORPUS_JSON,
    CORPUS_SCHEMA,
    JSON_FEED,
    PARAGRAPHS_CSV,
    RSS_FEED,
    SOURCES,
    SiteUrls,
    document_page,
    event_page,
    source_download,
    text_download,
)
from coalition_texts.sources.files import read_bytes

CSV_COLUMNS = ("document_id", "number", "anchor", "url", "text")


def clean_text(item: RenderedDocument) -> str:
    """The paragraphs as the page shows them, separated by blank lines: the text without page furniture."""
    return "\n\n".join(paragraph.text for paragraph in item.source.paragraphs) + "\n"


def _document(item: RenderedDocument, urls: SiteUrls) -> dict:
    doc, source = item.doc, item.source
    page_url = urls.page(document_page(doc.id))
    return {
        "id": doc.id,
        "title": doc.title,
        "title_supplied": doc.title_supplied,
        "publisher": doc.publisher,
        "publisher_supplied": doc.publisher_supplied,
        "short_name": doc.short_name,
        "source_url": doc.url,
        "url_supplied": doc.url_supplied,
        "published": doc.published.iso() if doc.published else None,
        "date_precision": doc.published.precision if doc.published else None,
        "date_supplied": doc.date_supplied,
        "date_supplied_parts": list(doc.date_supplied_parts),
        "date_note": doc.date_note,
        "place": doc.place,
        "kind": doc.kind,
        "kind_label": doc.kind_label,
        "events": list(doc.events),
        "language": doc.language,
        "tags": list(doc.tags),
        "notes": doc.notes,
        "source_file": doc.file,
        "original_file": doc.original_file,
        "sha256": source.sha256,
        "page_url": page_url,
        "downloads": {
            "source": urls.file(source_download(doc)),
            "text": urls.file(text_download(doc)),
        },
        # The citation forms of the page's "Cite this document" section, from the same code.
        "citation": {
            "plain_text": citation.plain_text(doc, page_url),
            "bibtex": citation.bibtex(doc, page_url),
            "csl_json": citation.csl_json(doc, page_url),
            "ris": citation.ris(doc, page_url),
        },
        "paragraph_count": len(source.paragraphs),
        "word_count": item.words,
        "paragraphs": [
            {
                "number": number,
                "anchor": anchor,
                "url": f"{page_url}#{anchor}",
                "text": paragraph.text,
                "first_line": paragraph.first_line,
                "last_line": paragraph.last_line,
            }
            for number, (anchor, paragraph) in enumerate(zip(item.anchors, source.paragraphs, strict=True), start=1)
        ],
        "removed_lines": [{"line": removed.line, "text": removed.text} for removed in source.removed],
        "retired_anchors": [
            {"anchor": anchor, "retired": date, "now_leads_to": successor, "url": f"{page_url}#{anchor}"}
            for anchor, date, successor in item.retired
        ],
    }


def _event(event: Event, catalog: Catalog, urls: SiteUrls) -> dict:
    return {
        "id": event.id,
        "name": event.name,
        "short_name": event.short_name,
        "start": event.start.iso(),
        "end": event.end.iso() if event.end else None,
        "date_note": event.date_note,
        "place": event.place,
        "description": event.description,
        "page_url": urls.page(event_page(event.id)),
        "documents": [doc.id for doc in sorted(catalog.documents, key=sort_key) if event.id in doc.events],
    }


def corpus(documents: list[RenderedDocument], catalog: Catalog, site_name: str, urls: SiteUrls, rights: str) -> dict:
    """The whole dataset: documents newest first (undated last, as on the site), then the events."""
    ordered = sorted(documents, key=lambda item: sort_key(item.doc))
    return {
        "$schema": urls.file(CORPUS_SCHEMA),
        "title": site_name,
        "site_url": urls.base,
        "rights": rights,
        "files": {
            "json": urls.file(CORPUS_JSON),
            "csv": urls.file(PARAGRAPHS_CSV),
            "rss": urls.file(RSS_FEED),
            "json_feed": urls.file(JSON_FEED),
        },
        "documents": [_document(item, urls) for item in ordered],
        "events": [_event(event, catalog, urls) for event in catalog.events],
    }


def paragraphs_csv(data: dict) -> str:
    """One row per paragraph of every document, in the dataset's order (RFC 4180: CRLF, quotes doubled)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for doc in data["documents"]:
        for paragraph in doc["paragraphs"]:
            writer.writerow((doc["id"], paragraph["number"], paragraph["anchor"], paragraph["url"], paragraph["text"]))
    return out.getvalue()


def site_files(root: Path, documents: list[RenderedDocument], catalog: Catalog, config) -> dict[str, bytes]:
    """Every open-data file, by its path in the site (`config`: the MkDocs configuration)."""
    data = corpus(documents, catalog, config.site_name, SiteUrls.of(config), config.copyright or "")
    files = {
        # Not indented: Python's JSON encoder is written in C only for the unindented form, and at
        # 10,000 documents the indented form was the slowest step of the open data.
        CORPUS_JSON: (json.dumps(data, ensure_ascii=False) + "\n").encode("utf-8"),
        PARAGRAPHS_CSV: paragraphs_csv(data).encode("utf-8"),
    }
    for item in documents:
        where = f"sources/catalog.yml, line {item.doc.line} (document {item.doc.id}, field 'file')"
        files[source_download(item.doc)] = read_bytes(root / SOURCES / item.doc.file, where)
        files[text_download(item.doc)] = clean_text(item).encode("utf-8")
    return files


def add_to_site(files, config, root: Path, documents: list[RenderedDocument], catalog: Catalog):
    """MkDocs `on_files`: add the open-data files to the site as generated files."""
    from mkdocs.structure.files import File  # only needed inside MkDocs

    for path, content in site_files(root, documents, catalog, config).items():
        files.append(File.generated(config, path, content=content))
    return files

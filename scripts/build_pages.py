"""Convert `sources/` into the generated pages of `docs/`: the pipeline's one entry point.

Run alone (`python scripts/build_pages.py`) or from MkDocs through `scripts/mkdocs_hooks.py`.
Everything is read and checked before anything is written; the pages are then written to a
temporary folder and swapped in, so bad input leaves the last good pages as they were.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import editorial
import kinds
import passage_pages
import reference
from anchors import Registry
from catalog import Catalog, load_catalog
from errors import SourceError, relative_message
from evidence import load_evidence
from mkdocs.utils.yaml import yaml_load
from page_render import (
    RenderedDocument,
    document_page,
    documents_index,
    event_page,
    events_index,
    home_table,
)
from source_text import read_source

ROOT = Path(__file__).resolve().parent.parent
# The folders of docs/ that belong to the pipeline: replaced whole on every build, ignored by git.
GENERATED = ("documents", "events", "snippets", reference.FOLDER, passage_pages.FOLDER, editorial.FOLDER)


@dataclass
class BuildResult:
    catalog: Catalog
    documents: list[RenderedDocument]
    pages: dict[str, str]  # path under docs/ -> content
    changed: bool  # whether any file under docs/ was written
    anchor_changes: list[str]


def render(
    root: Path, registry: Registry, site_url: str | None = None
) -> tuple[Catalog, list[RenderedDocument], dict[str, str], list[str]]:
    """Read and check everything, assign anchors (in memory) and render every page.

    `site_url` (for the citations) defaults to the one mkdocs.yml sets.
    """
    site_url = site_url or configured_site_url(root)
    sources = root / "sources"
    catalog = load_catalog(sources)
    rendered, changes = [], []
    for doc in catalog.documents:
        label = f"sources/catalog.yml, line {doc.line} (document {doc.id})"
        source = read_source(sources / doc.file, doc.strip, label)
        anchors, doc_changes = registry.assign(doc.id, [p.text for p in source.paragraphs])
        changes += doc_changes
        entry = registry.documents[doc.id]
        retired = tuple((r.anchor, r.retired, entry.successor_of(r.anchor)) for r in entry.retired)
        rendered.append(RenderedDocument(doc, source, tuple(anchors), retired))
    glossary, reference_pages = reference.build(sources, catalog, rendered)
    shared = passage_pages.detect(rendered)  # passages one document shares with another
    also_in = passage_pages.notes(shared, rendered)
    pages = {
        f"documents/{item.doc.id}.md": document_page(
            item, catalog, glossary.mark, also_in.get(item.doc.id), site_url=site_url
        )
        for item in rendered
    }
    pages.update(passage_pages.pages(shared, rendered))
    pages.update(reference_pages)
    pages["documents/index.md"] = documents_index(catalog)
    texts = editorial.load_editorial(sources, catalog, load_evidence(sources, catalog, rendered))
    for event in catalog.events:
        text = texts.events[event.id]
        pages[f"events/{event.id}.md"] = event_page(event, catalog, text.lead, text.body)
    pages["events/index.md"] = events_index(catalog, {key: text.lead for key, text in texts.events.items()})
    pages.update(texts.pages)
    pages["snippets/documents-table.md"] = home_table(catalog)
    pages["snippets/event-list.md"] = editorial.home_events(catalog, texts)
    pages["snippets/kinds.md"] = kinds.kinds_section(catalog)  # the About page's list of kinds of source
    return catalog, rendered, pages, changes


def _current(docs: Path, folder: str) -> dict[str, bytes]:
    base = docs / folder
    if not base.is_dir():
        return {}
    return {path.relative_to(docs).as_posix(): path.read_bytes() for path in base.rglob("*") if path.is_file()}


def write_pages(docs: Path, pages: dict[str, str]) -> bool:
    """Swap in each generated folder whose content differs; return whether anything was written.

    Unchanged folders are not touched, so `mkdocs serve` does not see its own output as an edit.
    """
    changed = False
    for folder in GENERATED:
        wanted = {path: text.encode("utf-8") for path, text in pages.items() if path.startswith(folder + "/")}
        if _current(docs, folder) == wanted:
            continue
        docs.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{folder}-new-", dir=docs))
        for path, data in wanted.items():
            target = staging / Path(path).relative_to(folder)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        old = docs / f".{folder}-old"
        shutil.rmtree(old, ignore_errors=True)
        if (docs / folder).exists():
            os.replace(docs / folder, old)
        os.replace(staging, docs / folder)
        shutil.rmtree(old, ignore_errors=True)
        changed = True
    return changed


def configured_site_url(root: Path) -> str:
    """`site_url` as mkdocs.yml sets it (it reads SITE_URL), for a conversion run outside MkDocs."""
    with open(root / "mkdocs.yml", encoding="utf-8") as file:
        return yaml_load(file).get("site_url") or ""


def build(root: Path = ROOT, *, update_registry: bool = True, site_url: str | None = None) -> BuildResult:
    """The whole conversion. Raises SourceError, having written nothing, on bad input."""
    registry = Registry(root / "sources" / "anchors.json")
    catalog, rendered, pages, changes = render(root, registry, site_url)
    changed = write_pages(root / "docs", pages)
    if update_registry:
        registry.write()
    return BuildResult(catalog, rendered, pages, changed, changes)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="project folder (default: this checkout)")
    parser.add_argument(
        "--check-anchors",
        action="store_true",
        help="write nothing; exit 1 if sources/anchors.json is out of date with the sources",
    )
    args = parser.parse_args(argv)
    try:
        if args.check_anchors:
            registry = Registry(args.root / "sources" / "anchors.json")
            changes = render(args.root, registry)[3]
            for change in changes:
                print(f"anchors out of date: {change}", file=sys.stderr)
            if changes:
                print("Run `python scripts/build_pages.py` and commit sources/anchors.json.", file=sys.stderr)
            return 1 if changes else 0
        result = build(args.root)
    except SourceError as error:
        print(f"error: {relative_message(error, args.root.resolve())}", file=sys.stderr)
        return 1
    for change in result.anchor_changes:
        print(f"anchor: {change}")
    state = "written" if result.changed else "unchanged"
    print(f"{len(result.documents)} documents, {len(result.pages)} pages {state} in docs/")
    return 0


if __name__ == "__main__":
    sys.exit(main())

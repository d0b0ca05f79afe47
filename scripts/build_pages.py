"""Convert `sources/` into the generated pages of `docs/`: the pipeline's one entry point.

Run alone (`python scripts/build_pages.py`) or from MkDocs through `scripts/mkdocs_hooks.py`.
Everything is read and checked before anything is written; the pages are then staged and committed
with the anchor registry as one transaction (build_transaction.py), so bad input, or a failure of any
later step, leaves the last good pages, registry and site as they were.
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import editorial
import passage_pages
import reference
from anchors import Registry
from build_transaction import Transaction
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
    registry: Registry  # extended in memory; written when the build commits


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
    return catalog, rendered, pages, changes


def configured_site_url(root: Path) -> str:
    """`site_url` as mkdocs.yml sets it (it reads SITE_URL), for a conversion run outside MkDocs."""
    with open(root / "mkdocs.yml", encoding="utf-8") as file:
        return yaml_load(file).get("site_url") or ""


# Set to 1 to say on purpose that this is a new site, whose anchor registry is to be started afresh.
NEW_REGISTRY_VARIABLE = "NEW_ANCHOR_REGISTRY"


def check_registry_present(root: Path, new_registry: bool) -> None:
    """Refuse to start a new registry over pages already published (their links would move).

    Published pages are the generated document pages in docs/ or a built site/; a maintainer who
    starts a new site on purpose says so (`--new-registry`, or NEW_ANCHOR_REGISTRY=1 for MkDocs).
    """
    path = root / "sources" / "anchors.json"
    if new_registry or path.exists() or path.is_symlink():
        return
    published = [
        folder for folder in (root / "docs" / "documents", root / "site" / "documents")
        if folder.is_dir() and any(p.name != "index.md" and p.name != "index.html" for p in folder.iterdir())
    ]  # fmt: skip
    if published:
        raise SourceError(
            str(path),
            f"is missing, but document pages were already published ({published[0].relative_to(root)}/): a new"
            " registry would give their paragraphs new anchors and break every published paragraph link.",
            f"Restore it (git checkout sources/anchors.json). For a new site on purpose, build once with"
            f" {NEW_REGISTRY_VARIABLE}=1 (python scripts/build_pages.py --new-registry).",
        )


def transaction(root: Path, site_dir: Path | None = None) -> Transaction:
    """The transaction of one build of `root` (the generated folders of docs/, the registry, `site_dir`)."""
    return Transaction(root, GENERATED, site_dir)


def build(
    root: Path = ROOT,
    *,
    update_registry: bool = True,
    site_url: str | None = None,
    new_registry: bool | None = None,
    within: Transaction | None = None,
) -> BuildResult:
    """The whole conversion. Raises SourceError, having changed nothing, on bad input.

    `within`: a transaction the caller holds (locked) and commits once its own steps have run (the
    MkDocs hooks: after the site is written); the pages are only staged here. Without it, the
    conversion takes the folder's lock and commits the pages and the registry itself.
    """
    if new_registry is None:
        new_registry = os.environ.get(NEW_REGISTRY_VARIABLE) == "1"
    owned = within is None
    current = transaction(root) if within is None else within
    if owned:
        current.lock()
    try:
        check_registry_present(root, new_registry)
        registry = Registry(root / "sources" / "anchors.json")
        catalog, rendered, pages, changes = render(root, registry, site_url)
        changed = current.stage_pages(pages)
        if owned:
            current.commit(registry.write if update_registry else lambda: None)
    except BaseException:
        if owned:
            current.rollback()
        raise
    finally:
        if owned:
            current.release()
    return BuildResult(catalog, rendered, pages, changed, changes, registry)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="project folder (default: this checkout)")
    parser.add_argument(
        "--check-anchors",
        action="store_true",
        help="write nothing; exit 1 if sources/anchors.json is out of date with the sources",
    )
    parser.add_argument(
        "--new-registry",
        action="store_true",
        help="this is a new site: start sources/anchors.json afresh even though pages were published before",
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
        result = build(args.root, new_registry=args.new_registry or None)
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

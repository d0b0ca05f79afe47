"""Convert `sources/` into the generated pages of `docs/`: the pipeline's one entry point.

Run alone (`python -m coalition_texts`) or from MkDocs through the plugin (plugin/plugin.py).
Everything is read and checked before anything is written; the pages are then staged and committed
with the anchor registry as one transaction (transaction.py), so bad input, or a failure of any later
step, leaves the last good pages, registry and site as they were.
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml_env_tag import add_env_tag

from coalition_texts.analysis.evidence import Evidence
from coalition_texts.model.errors import SourceError, relative_message
from coalition_texts.model.records import Catalog, RenderedDocument
from coalition_texts.model.urls import ANCHORS, DOCS, DOCUMENTS, GENERATED, SITE, SOURCES
from coalition_texts.pages import compare, documents, events, overview, reference, snippets
from coalition_texts.pages.evidence_links import Links
from coalition_texts.sources.anchors import Registry
from coalition_texts.sources.catalog import load_catalog
from coalition_texts.sources.editorial import load_editorial, load_evidence_sources
from coalition_texts.sources.glossary import load_glossary
from coalition_texts.sources.index_entries import load_index
from coalition_texts.sources.texts import read_source
from coalition_texts.sources.topics import load_topics
from coalition_texts.transaction import Transaction


@dataclass(frozen=True)
class Conversion:
    """Everything read, checked and rendered, nothing written yet."""

    catalog: Catalog
    documents: list[RenderedDocument]
    pages: dict[str, str]  # path under docs/ -> content
    anchor_changes: list[str]  # what the registry (in memory) gained, one line each
    term_evidence: dict[str, str]  # each glossary explanation and its evidence links (reference.term_evidence)


@dataclass(frozen=True)
class BuildResult(Conversion):
    """A conversion whose pages are in docs/."""

    changed: bool  # whether any file under docs/ was written
    registry: Registry  # extended in memory; written when the build commits


def render(root: Path, registry: Registry, site_url: str | None = None, catalog: Catalog | None = None) -> Conversion:
    """Read and check everything, assign anchors (in memory) and render every page.

    `site_url` (for the citations) defaults to the one mkdocs.yml sets; `catalog`, to the one
    `sources/` holds (the plugin passes the catalog it read at the start of the build).
    """
    site_url = site_url or configured_site_url(root)
    sources = root / SOURCES
    catalog = catalog or load_catalog(sources)
    rendered, changes = [], []
    for doc in catalog.documents:
        label = f"sources/catalog.yml, line {doc.line} (document {doc.id})"
        source = read_source(sources / doc.file, doc.strip, label)
        anchors, doc_changes = registry.assign(doc.id, [p.text for p in source.paragraphs])
        changes += doc_changes
        entry = registry.documents[doc.id]
        retired = []
        for old in entry.retired:
            successor = entry.successor_of(old.anchor)
            if successor is None:  # only a document without paragraphs, which read_source refuses
                raise SourceError(label, f"the retired anchor #{old.anchor} leads to no paragraph.")
            retired.append((old.anchor, old.retired, successor))
        rendered.append(RenderedDocument(doc, source, tuple(anchors), tuple(retired)))
    # The other inputs: all read and checked before anything is rendered.
    evidence_sources = load_evidence_sources(sources, catalog)
    glossary = load_glossary(sources / "glossary.yml")
    index_entries = load_index(sources / "index-entries.yml")
    topics = load_topics(sources / "topics.yml", catalog)
    editorial = load_editorial(sources, catalog)
    # Analysis: the evidence references resolve against the documents; the passages they share.
    links = Links(Evidence(rendered, evidence_sources))
    shared = compare.detect(rendered, compare.names(glossary, index_entries, rendered))
    # Every generated page, by its path under docs/.
    pages = reference.pages(glossary, index_entries, topics, catalog, rendered, links)
    marks = reference.GlossaryMarks(glossary)
    pages.update(documents.pages(rendered, catalog, marks.mark, compare.notes(shared, rendered), site_url))
    pages.update(compare.pages(shared, rendered))
    pages.update(events.pages(catalog, editorial, links))
    pages.update(overview.pages(editorial, catalog, links))
    pages.update(snippets.pages(catalog, editorial, links, glossary))
    return Conversion(catalog, rendered, pages, changes, reference.term_evidence(glossary, links))


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml as MkDocs does for the tags it uses: `!ENV [NAME, default]` (pyyaml_env_tag)."""


add_env_tag(_ConfigLoader)


def mkdocs_yml(root: Path) -> dict[str, Any]:
    """The project's mkdocs.yml as data, environment variables resolved, without MkDocs."""
    with open(root / "mkdocs.yml", encoding="utf-8") as file:
        data = yaml.load(file, Loader=_ConfigLoader)  # noqa: S506 - a SafeLoader with one more tag
    return data if isinstance(data, dict) else {}


def configured_site_url(root: Path) -> str:
    """`site_url` as mkdocs.yml sets it (it reads SITE_URL), for a conversion run outside MkDocs."""
    return str(mkdocs_yml(root).get("site_url") or "")


# Set to 1 to say on purpose that this is a new site, whose anchor registry is to be started afresh.
NEW_REGISTRY_VARIABLE = "NEW_ANCHOR_REGISTRY"


def check_registry_present(root: Path, new_registry: bool) -> None:
    """Refuse to start a new registry over pages already published (their links would move).

    Published pages are the generated document pages in docs/ or a built site/; a maintainer who
    starts a new site on purpose says so (`--new-registry`, or NEW_ANCHOR_REGISTRY=1 for MkDocs).
    """
    path = root / ANCHORS
    if new_registry or path.exists() or path.is_symlink():
        return
    published = [
        folder for folder in (root / DOCS / DOCUMENTS, root / SITE / DOCUMENTS)
        if folder.is_dir() and any(p.name not in ("index.md", "index.html") for p in folder.iterdir())
    ]  # fmt: skip
    if published:
        raise SourceError(
            str(path),
            f"is missing, but document pages were already published ({published[0].relative_to(root)}/): a new"
            " registry would give their paragraphs new anchors and break every published paragraph link.",
            f"Restore it (git checkout sources/anchors.json). For a new site on purpose, build once with"
            f" {NEW_REGISTRY_VARIABLE}=1 (python -m coalition_texts --new-registry).",
        )


def transaction(root: Path, site_dir: Path | None = None) -> Transaction:
    """The transaction of one build of `root` (the generated folders of docs/, the registry, `site_dir`)."""
    return Transaction(root, GENERATED, site_dir)


def build(
    root: Path,
    *,
    update_registry: bool = True,
    site_url: str | None = None,
    new_registry: bool | None = None,
    within: Transaction | None = None,
    catalog: Catalog | None = None,
) -> BuildResult:
    """The whole conversion. Raises SourceError, having changed nothing, on bad input.

    `within`: a transaction the caller holds (locked) and commits once its own steps have run (the
    MkDocs plugin: after the site is written); the pages are only staged here. Without it, the
    conversion takes the folder's lock and commits the pages and the registry itself. `catalog`: the
    catalog already read, if any (see `render`).
    """
    if new_registry is None:
        new_registry = os.environ.get(NEW_REGISTRY_VARIABLE) == "1"
    owned = within is None
    current = transaction(root) if within is None else within
    if owned:
        current.lock()
    try:
        check_registry_present(root, new_registry)
        registry = Registry(root / ANCHORS)
        conversion = render(root, registry, site_url, catalog)
        changed = current.stage_pages(conversion.pages)
        if owned:
            current.commit(registry.write if update_registry else lambda: None)
    except BaseException:
        if owned:
            current.rollback()
        raise
    finally:
        if owned:
            current.release()
    return BuildResult(
        conversion.catalog,
        conversion.documents,
        conversion.pages,
        conversion.anchor_changes,
        conversion.term_evidence,
        changed,
        registry,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m coalition_texts", description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--root", type=Path, default=Path.cwd(), help="project folder, holding mkdocs.yml (default: the current one)"
    )
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
            registry = Registry(args.root / ANCHORS)
            changes = render(args.root, registry).anchor_changes
            for change in changes:
                print(f"anchors out of date: {change}", file=sys.stderr)
            if changes:
                print("Run `python -m coalition_texts` and commit sources/anchors.json.", file=sys.stderr)
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

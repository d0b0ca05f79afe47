"""The reference data of `sources/` (glossary, index of names, topics) read and turned into pages.

Called by build_pages.py after the texts are read (citations are checked and linked by evidence.py,
as in the site's own prose) and before the document pages are written (they need the glossary).
"""

from __future__ import annotations

from pathlib import Path

from catalog import Catalog
from evidence import load_evidence
from glossary import Glossary, glossary_page, load_glossary
from name_index import IndexEntry, index_page, load_index
from topics import load_topics, topics_page

FOLDER = "reference"  # generated: listed in build_pages.GENERATED and .gitignore
ABBREVIATIONS = "abbreviations.md"  # in docs/snippets/, appended to every page (mkdocs.yml, pymdownx.snippets)


def build(sources: Path, catalog: Catalog, documents) -> tuple[Glossary, dict[str, str], tuple[str, ...]]:
    """Read and check the three files; return the glossary, the pages (paths under docs/) and the
    names the texts share without quoting each other (see `names`)."""
    evidence = load_evidence(sources, catalog, documents)
    glossary = load_glossary(sources / "glossary.yml", evidence)
    entries = load_index(sources / "index-entries.yml", evidence)
    topics = load_topics(sources / "topics.yml", catalog)
    pages = {
        f"{FOLDER}/glossary.md": glossary_page(glossary, documents),
        f"{FOLDER}/names.md": index_page(entries, documents),
        f"{FOLDER}/topics.md": topics_page(topics, catalog),
        f"snippets/{ABBREVIATIONS}": glossary.abbreviations(),
    }
    return glossary, pages, names(glossary, entries)


def names(glossary: Glossary, entries: tuple[IndexEntry, ...]) -> tuple[str, ...]:
    """Every form of every glossary term (with its expansion) and index name: the shared-passage
    detection (passages.py) does not count a name two texts share as a passage they share."""
    found = [form for term in glossary.terms for form in (*term.forms, *filter(None, [term.expansion]))]
    found += [form for entry in entries for form in entry.forms]
    return tuple(sorted(set(found)))

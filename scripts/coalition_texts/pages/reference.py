"""The reference data of `sources/` (glossary, index of names, topics) read and turned into pages.

Called by build.py after the texts are read (citations are checked and linked by evidence.py,
as in the site's own prose) and before the document pages are written (they need the glossary).
"""

from __future__ import annotations

from pathlib import Path

from coalition_texts.analysis.evidence import Evidence
from coalition_texts.model.records import Catalog, RenderedDocument
from coalition_texts.sources.glossary import Glossary, glossary_page, load_glossary
from coalition_texts.sources.index_entries import index_page, load_index
from coalition_texts.sources.topics import load_topics, topics_page

FOLDER = "reference"  # generated: listed in build.GENERATED and .gitignore
ABBREVIATIONS = "abbreviations.md"  # in docs/snippets/, appended to every page (mkdocs.yml, pymdownx.snippets)


def build(
    sources: Path, catalog: Catalog, documents: list[RenderedDocument], evidence: Evidence
) -> tuple[Glossary, dict[str, str]]:
    """Read and check the three files; return the glossary and the pages (paths under docs/)."""
    glossary = load_glossary(sources / "glossary.yml", evidence)
    entries = load_index(sources / "index-entries.yml", evidence)
    topics = load_topics(sources / "topics.yml", catalog)
    return glossary, {
        f"{FOLDER}/glossary.md": glossary_page(glossary, documents),
        f"{FOLDER}/names.md": index_page(entries, documents),
        f"{FOLDER}/topics.md": topics_page(topics, catalog),
        f"snippets/{ABBREVIATIONS}": glossary.abbreviations(),
    }

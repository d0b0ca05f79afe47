"""The names and spellings that find each other in search (`sources/search-variants.yml`).

Each group lists two or more forms of one name; the search index (postbuild/search_index.py) gives
an entry that uses one form the group's other forms in a field that is searched but never shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from coalition_texts.sources.schema import Entry, entries

VARIANTS_FILE = "search-variants.yml"


@dataclass(frozen=True)
class VariantGroup:
    terms: tuple[str, ...]
    line: int


def load_variants(sources: Path) -> tuple[VariantGroup, ...]:
    """Read `sources/search-variants.yml`; a missing file means no variants."""
    path = sources / VARIANTS_FILE
    if not path.exists():
        return ()
    groups: list = []
    owner: dict[str, int] = {}
    for index, entry in enumerate(entries(path, "variants")):
        reader = Entry(path, entry, f"variant group {index + 1}")
        reader.check_fields({"terms", "note"}, ["terms"])
        reader.text("note", optional=True)
        terms = tuple(" ".join(term.split()) for term in reader.texts("terms"))
        if len(terms) < 2:
            raise reader.fail("terms", "lists fewer than two terms.", "A group joins two or more forms of a name.")
        for term in terms:
            key = term.casefold()
            if key in owner:
                raise reader.fail(
                    "terms", f"'{term}' is already in the group on line {owner[key]}.", "List each term once."
                )
            owner[key] = entry.line
        groups.append(VariantGroup(terms, entry.line))
    return tuple(groups)

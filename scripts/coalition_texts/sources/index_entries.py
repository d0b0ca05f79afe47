"""Read and check the index of people, places and organisations (`sources/index-entries.yml`).

Each entry names one person, place or organisation and the other ways the texts write it
("Marrakech", "Moroccan"). The page (pages/reference.py) links every paragraph where the name or
a variant occurs, found in the texts at build time (see analysis/mentions.py for what counts as an
occurrence), so a new text or a corrected paragraph is indexed without editing the list.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from coalition_texts.sources.schema import Entry, entries

KINDS = {"person": "People", "place": "Places", "organisation": "Organisations"}
FIELDS = {"name", "kind", "variants", "description", "cite"}
REQUIRED = ["name", "kind"]


@dataclass(frozen=True)
class IndexEntry:
    name: str
    kind: str
    variants: tuple[str, ...]
    description: str | None
    cites: tuple[str, ...]  # what the description cites: `document-id#pN` or public source ids, as written
    line: int
    cites_at: str = ""  # where `cites` is written, for messages

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.name, *self.variants)


def load_index(path: Path) -> tuple[IndexEntry, ...]:
    """Read and check the entries; their citations are checked when they are linked (see evidence.py)."""
    found: list = []
    owner: dict[str, int] = {}
    for index, entry in enumerate(entries(path, "entries")):
        reader = Entry(path, entry, f"entry {entry.get('name') or index + 1}")
        reader.check_fields(FIELDS, REQUIRED)
        name = reader.text("name")
        kind = reader.text("kind")
        if kind not in KINDS:
            raise reader.fail("kind", f"unknown kind '{kind}'.", f"Use one of: {', '.join(KINDS)}.")
        variants = tuple(" ".join(v.split()) for v in reader.texts("variants"))
        for field_name, form in [("name", name), *(("variants", v) for v in variants)]:
            if form in owner:
                raise reader.fail(
                    field_name,
                    f"duplicate entry '{form}' (already listed on line {owner[form]}).",
                    "List each name or variant once.",
                )
            owner[form] = entry.line_of(field_name)
        description = reader.text("description", optional=True)
        cites = list(reader.texts("cite"))
        if description and not cites:
            raise reader.fail("cite", "is missing: a description must cite its source.", "Add cite: [<id>#p<n>].")
        where = f"{path}, line {entry.line_of('cite')} (entry {name}, field 'cite')"
        found.append(
            IndexEntry(
                name=name,
                kind=kind,
                variants=variants,
                description=description,
                cites=tuple(cites),
                line=entry.line,
                cites_at=where,
            )
        )
    return tuple(found)

"""Read and check `sources/kinds.yml`: the kinds of source a catalog entry may name.

Every problem becomes a SourceError that names the file, the line, the kind and the field.
"""

from __future__ import annotations

from pathlib import Path

from coalition_texts.model.records import ORIGINS, Kind
from coalition_texts.sources.schema import Entry, entries, unique_id

KINDS_FILE = "kinds.yml"
KIND_FIELDS = {"id", "label", "description", "origin", "csl_type", "ris_type", "schema_type", "author_is_publisher"}


def load_kinds(path: Path) -> tuple[Kind, ...]:
    """Every kind of `path` (sources/kinds.yml), checked: all fields, a known origin, unique ids."""
    kinds: list[Kind] = []
    seen: dict[str, int] = {}
    for index, entry in enumerate(entries(path, "kinds", non_empty=True)):
        reader = Entry(path, entry, f"kind {entry.get('id') or index + 1}")
        reader.check_fields(KIND_FIELDS, sorted(KIND_FIELDS))
        identifier = unique_id(reader, seen)
        origin = reader.text("origin")
        if origin not in ORIGINS:
            raise reader.fail("origin", f"unknown origin '{origin}'.", f"Use one of: {', '.join(ORIGINS)}.")
        kinds.append(
            Kind(
                id=identifier,
                label=reader.text("label"),
                description=reader.text("description"),
                origin=origin,
                csl_type=reader.text("csl_type"),
                ris_type=reader.text("ris_type"),
                schema_type=reader.text("schema_type"),
                author_is_publisher=reader.flag("author_is_publisher"),
            )
        )
    return tuple(kinds)

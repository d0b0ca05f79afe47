"""The index of people, places and organisations (`sources/index-entries.yml`) and its page.

Each entry names one person, place or organisation and the other ways the texts write it
("Marrakech", "Moroccan"). The page links every paragraph where the name or a variant occurs,
found in the texts at build time (see mentions.py for what counts as an occurrence), so a new
text or a corrected paragraph is indexed without editing the list.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from coalition_texts.analysis.evidence import Evidence
from coalition_texts.analysis.mentions import Texts, mentions_markdown
from coalition_texts.pages.markdown import md_escape
from coalition_texts.sources.catalog import _entries, _Entry

KINDS = {"person": "People", "place": "Places", "organisation": "Organisations"}
FIELDS = {"name", "kind", "variants", "description", "cite"}
REQUIRED = ["name", "kind"]


@dataclass(frozen=True)
class IndexEntry:
    name: str
    kind: str
    variants: tuple[str, ...]
    description: str | None
    evidence: str  # Markdown links to what the description cites (evidence.py), from reference/; or ""
    line: int

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.name, *self.variants)


def load_index(path: Path, evidence: Evidence) -> tuple[IndexEntry, ...]:
    """Read and check the entries; citations are checked and linked by `evidence` (see evidence.py)."""
    entries, owner = [], {}
    for index, entry in enumerate(_entries(path, "entries")):
        reader = _Entry(path, entry, f"entry {entry.get('name') or index + 1}")
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
        entries.append(
            IndexEntry(
                name=name,
                kind=kind,
                variants=variants,
                description=description,
                evidence=evidence.links(cites, where, "../") if cites else "",
                line=entry.line,
            )
        )
    return tuple(entries)


def index_page(entries: tuple[IndexEntry, ...], documents) -> str:
    out = [
        "---\ntitle: People, places and organisations\n"
        "description: Who and what the texts name, with a link to every paragraph that names them.\n---\n\n"
        "# People, places and organisations\n\n"
        "Who and what the texts name, with a link to every paragraph that names them, whichever way the"
        " text writes the name (the other spellings and forms are listed under each entry).\n"
    ]
    texts = Texts(documents)
    for kind, heading in KINDS.items():
        members = sorted((e for e in entries if e.kind == kind), key=lambda e: e.name.casefold())
        if not members:
            continue
        out.append(f"\n## {heading}\n")
        for entry in members:
            mentioned = texts.mentions(entry.forms)
            found = mentioned.found
            out.append(f"\n### {md_escape(entry.name)}\n\n")
            if entry.description:
                out.append(f"{md_escape(entry.description)} {entry.evidence}\n\n")
            used = [form for form in mentioned.forms if form != entry.name]
            if used:
                out.append("Also written: " + ", ".join(f"“{md_escape(form)}”" for form in used) + ".\n\n")
            if found:
                out.append(mentions_markdown(found))
            else:
                out.append("No paragraph of the texts names it.\n")
    return "".join(out)

"""Read and check the glossary (`sources/glossary.yml`): abbreviations and terms, explained wherever they appear.

Three outputs come from the one list of terms (pages/reference.py writes them):

- inside source paragraphs (raw HTML that Markdown does not touch), each occurrence is wrapped in a
  focusable `<abbr>` while the paragraph's text stays exactly as published;
- everywhere else, the `abbreviations.md` snippet feeds Python-Markdown's `abbr` extension through
  `pymdownx.snippets` `auto_append` (Material's documented glossary); the plugin's
  `FocusableAbbreviations` lets keyboard users reach those `<abbr>` elements too, and Material's
  `content.tooltips` shows the explanation on hover and on focus alike;
- the glossary page gathers every term with its explanation, its sources and where the texts use it.

The citations are kept as written (`document-id#pN` or a public source id) with where they were
written; analysis/evidence.py checks them when the pages link them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from coalition_texts.sources.schema import Entry, entries

FIELDS = {"term", "expansion", "variants", "explanation", "cite"}
REQUIRED = ["term", "explanation", "cite"]
# The abbr extension finds a term between word boundaries and reads its definition up to "]".
FORM = re.compile(r"^\w(?:[^\]\\\n]*\w)?$")


@dataclass(frozen=True)
class Term:
    term: str
    expansion: str | None
    variants: tuple[str, ...]
    explanation: str
    cites: tuple[str, ...]  # paragraphs (`document-id#pN`) or public source ids, as written
    line: int
    cites_at: str = ""  # where `cites` is written, for messages

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.term, *self.variants)

    @property
    def tooltip(self) -> str:
        return f"{self.expansion}: {self.explanation}" if self.expansion else self.explanation


@dataclass(frozen=True)
class Glossary:
    terms: tuple[Term, ...]

    @property
    def by_form(self) -> dict[str, Term]:
        """Each form (term or variant) and the term it belongs to."""
        return {form: term for term in self.terms for form in term.forms}


def load_glossary(path: Path) -> Glossary:
    """Read and check the glossary; its citations are checked when they are linked (see evidence.py)."""
    terms: list = []
    owner: dict[str, int] = {}
    for index, entry in enumerate(entries(path, "terms")):
        reader = Entry(path, entry, f"term {entry.get('term') or index + 1}")
        reader.check_fields(FIELDS, REQUIRED)
        term = reader.text("term")
        variants = tuple(" ".join(v.split()) for v in reader.texts("variants"))
        for name, form in [("term", term), *(("variants", v) for v in variants)]:
            if not FORM.match(form):
                raise reader.fail(
                    name, f"'{form}' cannot be found as a word.", "Begin and end it with a letter or digit; no ']'."
                )
            if form in owner:
                raise reader.fail(
                    name, f"duplicate term '{form}' (already defined on line {owner[form]}).", "Define it once."
                )
            owner[form] = entry.line_of(name)
        cites = list(reader.texts("cite"))
        if not cites:
            raise reader.fail("cite", "cites nothing.", "Name the paragraph (<document id>#p<n>) or public source.")
        where = f"{path}, line {entry.line_of('cite')} (term {term}, field 'cite')"
        terms.append(
            Term(
                term=term,
                expansion=reader.text("expansion", optional=True),
                variants=variants,
                explanation=reader.text("explanation"),
                cites=tuple(cites),
                line=entry.line,
                cites_at=where,
            )
        )
    return Glossary(tuple(terms))

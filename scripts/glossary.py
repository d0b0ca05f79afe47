"""The glossary (`sources/glossary.yml`): abbreviations and terms, explained wherever they appear.

Three outputs come from the one list of terms:

- inside source paragraphs (raw HTML that Markdown does not touch), `mark()` wraps each occurrence
  in a focusable `<abbr>` while leaving the paragraph's text exactly as published;
- everywhere else, the `abbreviations.md` snippet feeds Python-Markdown's `abbr` extension through
  `pymdownx.snippets` `auto_append` (Material's documented glossary); `FocusableAbbreviations` lets
  keyboard users reach those `<abbr>` elements too, and Material's `content.tooltips` shows the
  explanation on hover and on focus alike;
- the glossary page gathers every term with its explanation, its sources and where the texts use it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from catalog import _entries, _Entry
from evidence import Evidence
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown_text import html_text, md_escape, tooltip_attr
from mentions import Texts, mentions_markdown, pattern

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
    evidence: str  # Markdown links to the paragraphs or public sources cited (evidence.py), from reference/
    line: int

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.term, *self.variants)

    @property
    def tooltip(self) -> str:
        return f"{self.expansion}: {self.explanation}" if self.expansion else self.explanation


@dataclass(frozen=True)
class Glossary:
    terms: tuple[Term, ...]
    _by_form: dict[str, Term] = field(init=False, repr=False, compare=False)
    _regex: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        by_form = {form: term for term in self.terms for form in term.forms}
        object.__setattr__(self, "_by_form", by_form)
        object.__setattr__(self, "_regex", pattern(by_form) if by_form else re.compile(r"(?!)"))

    def mark(self, text: str) -> str:
        """HTML for `text` (escaped as by html_text) with each glossary term wrapped in an explanation."""
        parts, last = [], 0
        for match in self._regex.finditer(text):
            term = self._by_form[match.group(0)]
            parts.append(html_text(text[last : match.start()]))
            title = tooltip_attr(term.tooltip)  # drawn as HTML by Material's tooltips: escaped twice
            parts.append(f'<abbr class="term" tabindex="0" title="{title}">{html_text(match.group(0))}</abbr>')
            last = match.end()
        parts.append(html_text(text[last:]))
        return "".join(parts)

    def abbreviations(self) -> str:
        """The snippet appended to every Markdown page: one abbreviation definition per form.

        Material's tooltip draws the `title` attribute as HTML, so its value must be the escaped text.
        The abbr extension copies the definition into the attribute, and Python-Markdown's serializer
        leaves entities it finds there as they are (it escapes only a bare "&"): so the definition is
        escaped twice, and the attribute's value is the text escaped once.
        """
        return "".join(
            f"*[{form}]: {html_text(html_text(term.tooltip))}\n" for form, term in sorted(self._by_form.items())
        )


def load_glossary(path: Path, evidence: Evidence) -> Glossary:
    """Read and check the glossary; citations are checked and linked by `evidence` (see evidence.py)."""
    terms, owner = [], {}
    for index, entry in enumerate(_entries(path, "terms")):
        reader = _Entry(path, entry, f"term {entry.get('term') or index + 1}")
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
                evidence=evidence.links(cites, where, "../"),
                line=entry.line,
            )
        )
    return Glossary(tuple(terms))


class _Focusable(Treeprocessor):
    def run(self, root):
        def visit(element, in_link: bool) -> None:
            for child in element:
                # Inside a link the link takes the focus: a second tab stop there would be a nested control.
                if child.tag == "abbr" and not in_link:
                    child.set("tabindex", "0")
                visit(child, in_link or child.tag == "a")

        visit(root, False)


class FocusableAbbreviations(Extension):
    """Give the abbr extension's `<abbr>` elements a tab stop, so that keyboard focus shows the tooltip too."""

    def extendMarkdown(self, md):
        md.treeprocessors.register(_Focusable(md), "focusable_abbr", 6)  # after abbr (7)


def glossary_page(glossary: Glossary, documents) -> str:
    """The page gathering every term: explanation, sources, and the paragraphs that use it."""
    out = [
        "---\ntitle: Glossary\ndescription: The abbreviations and terms the texts use, explained with their sources.\n"
        "---\n\n# Abbreviations and terms\n\n",
        "Wherever one of these terms appears on this site, in the texts or in the site's own pages, it is"
        " underlined with dots: hover over it, or move to it with the Tab key, to read its explanation."
        " Each explanation cites the paragraph or the public source that supports it.\n",
    ]
    texts = Texts(documents)
    for term in sorted(glossary.terms, key=lambda t: t.term.casefold()):
        mentioned = texts.mentions(term.forms)
        found, used = mentioned.found, mentioned.forms
        unused = [form for form in term.forms if form not in used]
        out.append(f"\n## {md_escape(term.term)}\n\n")
        if term.expansion:
            out.append(f"**{md_escape(term.expansion)}**\n\n")
        out.append(f"{md_escape(term.explanation)} {term.evidence}\n\n")
        if used:
            out.append("Written in the texts as " + ", ".join(f"“{md_escape(f)}”" for f in used) + ".")
        if unused:
            listed = ", ".join(f"“{md_escape(f)}”" for f in unused)
            out.append((" " if used else "") + f"Not used by the texts: {listed}.")
        out.append("\n\n")
        if found:
            count = sum(len(paragraphs) for _, paragraphs in found)
            out.append(f"Found in {count} {'paragraph' if count == 1 else 'paragraphs'}:\n\n")
            out.append(mentions_markdown(found))
    return "".join(out)

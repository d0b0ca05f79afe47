"""The glossary (`sources/glossary.yml`): abbreviations and terms, explained wherever they appear.

Three outputs come from the one list of terms:

- inside source paragraphs (raw HTML that Markdown does not touch), `mark()` wraps the first use of
  each term in an `<abbr>` while leaving the paragraph's text exactly as published;
- everywhere else, the `abbreviations.md` snippet feeds Python-Markdown's `abbr` extension through
  `pymdownx.snippets` `auto_append` (Material's documented glossary), and Material's
  `content.tooltips` shows the explanation on hover;
- the glossary page gathers every term with its explanation, its sources and where the texts use it.

`PageTerms` (a Markdown extension) keeps the marks readable on every page: a term is marked once, at
its first use (in a document's text first), never in a heading, and is not a tab stop (73 tab stops
on one page kept keyboard readers from the text). The page's terms and their explanations are then
listed after the text ("Terms on this page"), where keyboard and screen-reader users read them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path
from xml.etree import ElementTree as etree

from catalog import _entries, _Entry
from evidence import Evidence
from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER, AtomicString
from markdown_text import NO_PAGE_TERMS, PAGE_TERMS_HERE, html_attr, html_text, md_escape
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
    evidence_root: str = ""  # the same links, from the docs folder itself (for the lists of PageTerms)

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

    def mark(self, text: str, seen: set[str] | None = None) -> str:
        """HTML for `text` (escaped as by html_text) with glossary terms wrapped in an explanation.

        With `seen` (the terms already marked on the page, updated here), only a term's first use is
        marked; without it, every use.
        """
        parts, last = [], 0
        for match in self._regex.finditer(text):
            term = self._by_form[match.group(0)]
            if seen is not None:
                if term.term in seen:
                    continue
                seen.add(term.term)
            parts.append(html_text(text[last : match.start()]))
            parts.append(f'<abbr class="term" title="{html_attr(term.tooltip)}">{html_text(match.group(0))}</abbr>')
            last = match.end()
        parts.append(html_text(text[last:]))
        return "".join(parts)

    def abbreviations(self) -> str:
        """The snippet appended to every Markdown page: one abbreviation definition per form."""
        return "".join(f"*[{form}]: {term.tooltip}\n" for form, term in sorted(self._by_form.items()))


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
                evidence_root=evidence.links(cites, where, ""),
            )
        )
    return Glossary(tuple(terms))


_RAW_MARK = re.compile(r'<abbr class="term" title="([^"]*)">(.*?)</abbr>')
_PLACEHOLDER = re.compile(re.escape(HTML_PLACEHOLDER).replace("%s", r"(\d+)"))
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def _unwrap(parent: etree.Element, child: etree.Element) -> None:
    """Replace `child` by its text, joined to the text around it."""
    words = (child.text or "") + (child.tail or "")
    index = list(parent).index(child)
    if index:
        previous = parent[index - 1]
        previous.tail = (previous.tail or "") + words
    else:
        parent.text = (parent.text or "") + words
    parent.remove(child)


class _PageTerms(Treeprocessor):
    def __init__(self, md, extension: PageTerms):
        super().__init__(md)
        self.extension = extension

    def _evidence(self, title: str) -> list[etree.Element]:
        """The links that support an explanation, addressed from the current page (MkDocs then turns the
        .md paths into the built pages' addresses, as for any Markdown link)."""
        source = self.extension.evidence.get(title)
        if not source:
            return []
        up = "../" * self.extension.page.count("/")
        span = etree.fromstring(source)
        for link in span.iter("a"):
            href = link.get("href", "")
            if not re.match(r"[a-z][a-z0-9+.-]*:|#", href):
                link.set("href", up + href)
        return [span]

    def run(self, root):
        seen: dict[str, str] = {}  # explanation (the abbr's title) -> the term as first written
        stash = self.md.htmlStash.rawHtmlBlocks

        def raw_marks(text: str | None) -> None:
            # A document's text is raw HTML, kept aside by Markdown: its marks (glossary.mark) come first.
            for placeholder in _PLACEHOLDER.finditer(text or ""):
                index = int(placeholder.group(1))
                block = stash[index] if index < len(stash) else ""
                for mark in _RAW_MARK.finditer(block if isinstance(block, str) else ""):
                    seen.setdefault(unescape(mark.group(1)), unescape(mark.group(2)))

        def visit(element: etree.Element, in_heading: bool) -> None:
            raw_marks(element.text)
            for child in list(element):
                title = child.get("title") if child.tag == "abbr" else None
                if title:
                    if in_heading or title in seen:
                        tail = child.tail
                        _unwrap(element, child)
                        raw_marks(tail)
                        continue
                    seen[title] = child.text or ""
                visit(child, in_heading or child.tag in HEADINGS)
                raw_marks(child.tail)

        visit(root, False)
        if not seen or any(NO_PAGE_TERMS in (el.get("class") or "").split() for el in root.iter()):
            return
        place = next((el for el in root.iter() if PAGE_TERMS_HERE in (el.get("class") or "").split()), root)
        # Out of the search index: the glossary page is where search finds the explanations.
        heading = etree.SubElement(place, "h2", {"id": "terms-on-this-page", "data-search-exclude": ""})
        heading.text = "Terms on this page"
        listing = etree.SubElement(place, "dl", {"class": "page-terms", "data-search-exclude": ""})
        for title, term in seen.items():
            etree.SubElement(listing, "dt").text = AtomicString(term)
            explanation = etree.SubElement(listing, "dd")
            evidence = self._evidence(title)
            explanation.text = AtomicString(title + (" " if evidence else ""))
            explanation.extend(evidence)


class PageTerms(Extension):
    """Each glossary term marked once per page, at its first use, never in a heading, no tab stop;
    the page's terms listed with their explanations, and the evidence for them, after the text.

    `use(glossary)` gives it the evidence of each explanation (once per build); `page` is the path of
    the page being rendered, under docs/ (set by the MkDocs hook before each page), from which the
    evidence links are addressed.
    """

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.evidence: dict[str, str] = {}  # explanation (tooltip) -> its evidence links, as XHTML
        self.page = ""

    def use(self, glossary: Glossary) -> None:
        # Rendered once per build, not once per page: a few Markdown links per term.
        render = Markdown(extensions=["attr_list"], output_format="xhtml")
        self.evidence = {}
        for term in glossary.terms:
            if term.evidence_root:
                html = render.reset().convert(term.evidence_root)
                self.evidence[term.tooltip] = html.removeprefix("<p>").removesuffix("</p>")

    def extendMarkdown(self, md):
        md.treeprocessors.register(_PageTerms(md, self), "page_terms", 6)  # after abbr (7), before toc (5)


def glossary_page(glossary: Glossary, documents) -> str:
    """The page gathering every term: explanation, sources, and the paragraphs that use it."""
    out = [
        "---\ntitle: Glossary\ndescription: The abbreviations and terms the texts use, explained with their sources.\n"
        "---\n\n# Abbreviations and terms\n\n",
        "On every page of this site, the first use of one of these terms is underlined with dots: hover"
        " over it to read its explanation. Each page also lists its terms, with their explanations, after"
        " its text. Each explanation here cites the paragraph or the public source that supports it.\n"
        f"{{: .{NO_PAGE_TERMS} }}\n",
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

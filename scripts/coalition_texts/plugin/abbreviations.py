"""Python-Markdown glue: glossary marks that help reading, on every page MkDocs renders.

The glossary (sources/glossary.py) feeds the `abbr` extension through the `abbreviations.md`
snippet, and pages/reference.GlossaryMarks marks the terms inside the source paragraphs of document
pages. `PageTerms` keeps those marks readable: a term is marked once per page, at its first use (in a
document's text first), never in a heading, and is no tab stop (73 tab stops on one page kept
keyboard readers from the text); Material's tooltip shows the explanation on hover. The page's terms,
their explanations and the evidence for them are then listed after the text ("Terms on this page"),
where keyboard and screen-reader users read them. Added to the Markdown extensions by the plugin's
`on_config`.
"""

from __future__ import annotations

import re
from html import unescape
from xml.etree import ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER, AtomicString

from coalition_texts.pages.markdown import NO_PAGE_TERMS, PAGE_TERMS_HERE

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

    `use(evidence)` gives it the evidence of each explanation (once per build); `page` is the path of
    the page being rendered, under docs/ (set by the MkDocs hook before each page), from which the
    evidence links are addressed.
    """

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.evidence: dict[str, str] = {}  # explanation (tooltip) -> its evidence links, as XHTML
        self.page = ""

    def use(self, evidence: dict[str, str]) -> None:
        """`evidence`: each explanation and the Markdown links to its evidence, from the docs root
        (pages/reference.term_evidence); rendered once per build, not once per page."""
        render = Markdown(extensions=["attr_list"], output_format="xhtml")
        self.evidence = {}
        for tooltip, links in evidence.items():
            html = render.reset().convert(links)
            self.evidence[tooltip] = html.removeprefix("<p>").removesuffix("</p>")

    def extendMarkdown(self, md):
        md.treeprocessors.register(_PageTerms(md, self), "page_terms", 6)  # after abbr (7), before toc (5)

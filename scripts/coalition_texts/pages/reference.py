"""Write the generated folder `docs/reference/`: the glossary, the index of names and the topics.

The three lists are read and checked by sources/glossary.py, sources/index_entries.py and
sources/topics.py; here each becomes its page, with the paragraphs that use each term or name
(analysis/mentions.py) and the evidence each explanation cites (pages/evidence_links.py).
`GlossaryMarks` explains the glossary's terms inside the source paragraphs of the document pages.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from coalition_texts.analysis.mentions import Found, Texts, pattern
from coalition_texts.model.records import Catalog, RenderedDocument
from coalition_texts.model.urls import GLOSSARY, NAMES, TOPICS, document_page, prefix
from coalition_texts.pages.evidence_links import Links
from coalition_texts.pages.markdown import NO_PAGE_TERMS, html_text, md_escape, pilcrow, tooltip_attr
from coalition_texts.pages.wording import count
from coalition_texts.sources.glossary import Glossary
from coalition_texts.sources.index_entries import KINDS, IndexEntry
from coalition_texts.sources.topics import Topic

PREFIX = prefix(GLOSSARY)  # from docs/reference/ to the docs root


class GlossaryMarks:
    """Writes a source paragraph as HTML with each glossary term wrapped in its explanation."""

    def __init__(self, glossary: Glossary):
        self.by_form = glossary.by_form
        self.regex = pattern(self.by_form) if self.by_form else re.compile(r"(?!)")

    def mark(self, text: str, seen: set[str] | None = None) -> str:
        """HTML for `text` (escaped as by html_text) with glossary terms wrapped in an explanation.

        With `seen` (the terms already marked on the page, updated here), only a term's first use is
        marked; without it, every use. A mark is no tab stop: the page lists its terms after the text.
        """
        parts, last = [], 0
        for match in self.regex.finditer(text):
            term = self.by_form[match.group(0)]
            if seen is not None:
                if term.term in seen:
                    continue
                seen.add(term.term)
            parts.append(html_text(text[last : match.start()]))
            title = tooltip_attr(term.tooltip)  # drawn as HTML by Material's tooltips: escaped twice
            parts.append(f'<abbr class="term" title="{title}">{html_text(match.group(0))}</abbr>')
            last = match.end()
        parts.append(html_text(text[last:]))
        return "".join(parts)


def term_evidence(glossary: Glossary, links: Links) -> dict[str, str]:
    """Each explanation (a term's tooltip) and the Markdown links to its evidence, from the docs root:
    the lists of a page's terms (plugin/abbreviations.py) show them after each explanation."""
    return {term.tooltip: links.links(term.cites, term.cites_at, "") for term in glossary.terms}


def mentions_markdown(found: Found, prefix: str = PREFIX) -> str:
    """A Markdown list: one line per document, with a link to each paragraph."""
    lines = []
    for item, paragraphs in found:
        page = f"{prefix}{document_page(item.doc.id)}"
        links = ", ".join(f"[{pilcrow(number)}]({page}#{anchor})" for anchor, number in paragraphs)
        lines.append(f"- [{md_escape(item.doc.title)}]({page}): {links}\n")
    return "".join(lines)


def glossary_page(glossary: Glossary, documents: Sequence[RenderedDocument], links: Links) -> str:
    """The page gathering every term: explanation, sources, and the paragraphs that use it."""
    out = [
        "---\ntitle: Glossary\n"
        "description: The terms the texts use, and abbreviations for them, explained with their sources.\n"
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
        out.append(f"{md_escape(term.explanation)} {links.links(term.cites, term.cites_at, PREFIX)}\n\n")
        if used:
            out.append("Written in the texts as " + ", ".join(f"“{md_escape(f)}”" for f in used) + ".")
        if unused:
            listed = ", ".join(f"“{md_escape(f)}”" for f in unused)
            out.append((" " if used else "") + f"Not used by the texts: {listed}.")
        out.append("\n\n")
        if found:
            paragraphs = sum(len(anchors) for _, anchors in found)
            out.append(f"Found in {count(paragraphs, 'paragraph')}:\n\n")
            out.append(mentions_markdown(found))
    return "".join(out)


def index_page(entries: tuple[IndexEntry, ...], documents: Sequence[RenderedDocument], links: Links) -> str:
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
                out.append(f"{md_escape(entry.description)} {links.links(entry.cites, entry.cites_at, PREFIX)}\n\n")
            used = [form for form in mentioned.forms if form != entry.name]
            if used:
                out.append("Also written: " + ", ".join(f"“{md_escape(form)}”" for form in used) + ".\n\n")
            if found:
                out.append(mentions_markdown(found))
            else:
                out.append("No paragraph of the texts names it.\n")
    return "".join(out)


def topics_page(topics: tuple[Topic, ...], catalog: Catalog) -> str:
    lines = [
        "---\ntitle: Topics\ndescription: The documents grouped by topic.\n---\n\n# Topics\n\n"
        "Each document is tagged with the topics it addresses; its page lists them after the text, and each"
        " tag leads here. The topics are:\n\n"
    ]
    for topic in sorted(topics, key=lambda t: t.name.casefold()):
        tagged = sum(topic.name in doc.tags for doc in catalog.documents)
        lines.append(f"{md_escape(topic.name)}\n:   {md_escape(topic.description)} ({count(tagged, 'document')})\n\n")
    lines.append("## Documents by topic\n\n<!-- material/tags -->\n")
    return "".join(lines)


def pages(
    glossary: Glossary,
    entries: tuple[IndexEntry, ...],
    topics: tuple[Topic, ...],
    catalog: Catalog,
    documents: Sequence[RenderedDocument],
    links: Links,
) -> dict[str, str]:
    """The folder's pages, by their path under docs/."""
    return {
        GLOSSARY: glossary_page(glossary, documents, links),
        NAMES: index_page(entries, documents, links),
        TOPICS: topics_page(topics, catalog),
    }

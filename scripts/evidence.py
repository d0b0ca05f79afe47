"""Evidence references in the site's own prose, checked and turned into links.

Editorial text (in `sources/editorial/`) cites its evidence with `[[...]]` inside the sentence it
supports: `[[canada-joint-statement-2022#p3]]` for a paragraph of a document,
`[[canada-joint-statement-2022#p8, blog-repost-africa-communique-2022#p3]]` for several, and
`[[asi-africa-focus-group]]` for a public source listed in `sources/editorial/sources.yml` (facts
that none of the texts states). Every reference is checked against the catalog, the anchor
registry and that list, so a mistyped id or a retired anchor stops the build with its file and
line; the links it becomes are Markdown links that MkDocs checks again in the strict build.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from catalog import URL_PATTERN, Catalog, _Entry
from errors import SourceError
from markdown_text import md_escape
from page_render import RenderedDocument
from yaml_lines import LineDict, load_yaml

REFERENCE = re.compile(r"\[\[([^\[\]]*?)\]\]")  # may wrap lines; may not hold brackets
TARGET = re.compile(r"^(?P<id>[a-z0-9]+(?:-[a-z0-9]+)*)(?:#(?P<anchor>p[0-9]+))?$")
SOURCE_FIELDS = {"id", "label", "description", "url"}


@dataclass(frozen=True)
class PublicSource:
    """A public source outside the collection, for facts the five texts do not state."""

    id: str
    label: str  # the link text, e.g. "Agenzia Stampa Italia"
    description: str  # what it is, shown as the link's title
    url: str


@dataclass(frozen=True)
class Paragraph:
    """A paragraph a reference points to: its document, anchor, reading-order number and words."""

    doc_id: str
    anchor: str
    number: int
    text: str


class Evidence:
    """Resolves references against the rendered documents and the public sources."""

    def __init__(self, documents: list[RenderedDocument], public: dict[str, PublicSource]):
        self.documents = {item.doc.id: item for item in documents}
        self.public = public

    def label(self, doc_id: str) -> str:
        """The document's short name (catalog `short_name`), as every passing mention of a text uses."""
        return self.documents[doc_id].doc.short_name

    def paragraph(self, target: str, where: str) -> Paragraph:
        """The paragraph `document-id#pN` names; a SourceError at `where` if there is none."""
        match = TARGET.match(target)
        if not match or not match.group("anchor"):
            raise SourceError(where, f"'{target}' is not a paragraph reference.", "Write document-id#pN.")
        doc_id, anchor = match.group("id"), match.group("anchor")
        item = self.documents.get(doc_id)
        if item is None:
            raise SourceError(
                where, f"unknown document '{doc_id}'.", f"Known documents: {', '.join(sorted(self.documents))}."
            )
        if anchor not in item.anchors:
            retired = {r[0]: r[2] for r in item.retired}
            if anchor in retired:
                raise SourceError(
                    where,
                    f"'{target}' was removed from the source text.",
                    f"Cite the paragraph that now holds the words (perhaps #{retired[anchor]}).",
                )
            raise SourceError(
                where,
                f"document '{doc_id}' has no paragraph #{anchor}.",
                f"Its anchors are {item.anchors[0]} to {item.anchors[-1]} (see sources/anchors.json).",
            )
        number = item.anchors.index(anchor)
        return Paragraph(doc_id, anchor, number + 1, item.source.paragraphs[number].text)

    def paragraph_link(self, paragraph: Paragraph, prefix: str, *, labelled: bool = True, text: str = "") -> str:
        """A Markdown link to one paragraph; its text is `text`, or 'Label ¶ N' (or '¶ N')."""
        label = f"{md_escape(self.label(paragraph.doc_id))} " if labelled else ""
        text = text or f"{label}¶ {paragraph.number}"
        return f"[{text}]({prefix}documents/{paragraph.doc_id}.md#{paragraph.anchor})"

    def links(self, targets: list[str], where: str, prefix: str) -> str:
        """Markdown for one group of references: `(Joint statement ¶ 8, ¶ 9; ASI)`, each part a link."""
        if not targets:
            raise SourceError(where, "an evidence reference is empty.", "Write [[document-id#pN]].")
        groups: dict[str, list[str]] = {}  # one entry per document or public source, in the order written
        for target in targets:
            if target in self.public:
                groups.setdefault(target, [])
                continue
            paragraph = self.paragraph(target, where)
            links = groups.setdefault(paragraph.doc_id, [])
            links.append(self.paragraph_link(paragraph, prefix, labelled=not links))
        parts = []
        for key, links in groups.items():
            if key in self.public:
                source = self.public[key]
                title = source.description.replace('"', "'")
                parts.append(f'[{md_escape(source.label)}](<{source.url}> "{title}")')
            else:
                parts.append(", ".join(links))
        return '<span class="evidence">(' + "; ".join(parts) + ")</span>"

    def expand(self, text: str, where_line, prefix: str) -> str:
        """`text` with every `[[...]]` replaced by its links; `where_line(offset)` locates errors."""

        def replace(match: re.Match) -> str:
            where = where_line(match.start())
            targets = [t.strip() for t in match.group(1).split(",") if t.strip()]
            for target in targets:
                if target not in self.public and not TARGET.match(target):
                    shown = " ".join(target.split())
                    shown = shown if len(shown) <= 60 else shown[:60] + "…"
                    raise SourceError(
                        where,
                        f"'{shown}' is neither a paragraph (document-id#pN) nor a public source id.",
                        "Public sources are listed in sources/editorial/sources.yml.",
                    )
            return self.links(targets, where, prefix)

        expanded = REFERENCE.sub(replace, text)
        for bracket in ("[[", "]]"):
            if bracket in expanded:
                offset = text.find(bracket) if bracket in text else 0
                raise SourceError(where_line(offset), f"an unmatched '{bracket}'.", "Close it or remove it.")
        return expanded


def line_locator(path: Path, text: str, first_line: int = 1):
    """A function from an offset in `text` to 'path, line N' (for messages)."""
    return lambda offset: f"{path}, line {first_line + text.count(chr(10), 0, offset)}"


def load_evidence(sources: Path, catalog: Catalog, documents: list[RenderedDocument]) -> Evidence:
    """Read `sources/editorial/sources.yml`: the public sources (documents are named by their short names)."""
    path = sources / "editorial" / "sources.yml"
    data = load_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("public_sources"), list):
        raise SourceError(str(path), "must be a mapping with a list under 'public_sources:'.", "See README.md.")
    if "document_labels" in data:  # the short names' old place: one place only, or the two would drift apart
        line = data.line_of("document_labels") if isinstance(data, LineDict) else 0
        raise SourceError(
            f"{path}, line {line} (field 'document_labels')",
            "short names of documents are no longer read here.",
            "Give each document a short_name in sources/catalog.yml and remove document_labels.",
        )
    known = {doc.id for doc in catalog.documents}
    public: dict[str, PublicSource] = {}
    for index, entry in enumerate(data["public_sources"]):
        if not isinstance(entry, LineDict):
            raise SourceError(str(path), f"entry {index + 1} under 'public_sources:' is not a mapping.")
        reader = _Entry(path, entry, f"public source {entry.get('id') or index + 1}")
        reader.check_fields(SOURCE_FIELDS, sorted(SOURCE_FIELDS))
        identifier = reader.text("id")
        if not TARGET.match(identifier) or identifier in known or identifier in public:
            raise reader.fail("id", f"'{identifier}' is not a new id.", "Use lowercase words joined by hyphens.")
        url = reader.text("url")
        if not URL_PATTERN.match(url):
            raise reader.fail("url", f"'{url}' is not an http(s) address.")
        public[identifier] = PublicSource(identifier, reader.text("label"), reader.text("description"), url)
    return Evidence(documents, public)

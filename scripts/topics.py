"""Topics (`sources/topics.yml`): the tags documents may carry, and the page to browse by tag.

A document's topics are its `tags:` in `sources/catalog.yml`; they go into the page's front matter,
where Material's `tags` plugin shows them and lists the tagged pages on the topics page (the
`<!-- material/tags -->` listing). Every tag must be declared here, so a misspelt tag is refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from catalog import Catalog, _entries, _Entry
from errors import SourceError
from markdown_text import md_escape


@dataclass(frozen=True)
class Topic:
    name: str
    description: str


def load_topics(path: Path, catalog: Catalog) -> tuple[Topic, ...]:
    """Read the topics and check every document's tags against them."""
    topics, seen = [], {}
    for index, entry in enumerate(_entries(path, "topics")):
        reader = _Entry(path, entry, f"topic {entry.get('name') or index + 1}")
        reader.check_fields({"name", "description"}, ["name", "description"])
        name = reader.text("name")
        if name.casefold() in seen:
            raise reader.fail("name", f"duplicate topic '{name}' (first on line {seen[name.casefold()]}).")
        seen[name.casefold()] = entry.line
        topics.append(Topic(name, reader.text("description")))
    names = {topic.name for topic in topics}
    for doc in catalog.documents:
        for tag in doc.tags:
            if tag not in names:
                raise SourceError(
                    f"{path.parent / 'catalog.yml'}, line {doc.line} (document {doc.id}, field 'tags')",
                    f"unknown topic '{tag}'.",
                    f"Declare it in sources/topics.yml or use one of: {', '.join(sorted(names))}.",
                )
    return tuple(topics)


def topics_page(topics: tuple[Topic, ...], catalog: Catalog) -> str:
    lines = [
        "---\ntitle: Topics\ndescription: The documents grouped by topic.\n---\n\n# Topics\n\n"
        "Each document is tagged with the topics it addresses; its page lists them after the text, and each"
        " tag leads here. The topics are:\n\n"
    ]
    for topic in sorted(topics, key=lambda t: t.name.casefold()):
        count = sum(topic.name in doc.tags for doc in catalog.documents)
        lines.append(
            f"{md_escape(topic.name)}\n:   {md_escape(topic.description)}"
            f" ({count} {'document' if count == 1 else 'documents'})\n\n"
        )
    lines.append("## Documents by topic\n\n<!-- material/tags -->\n")
    return "".join(lines)

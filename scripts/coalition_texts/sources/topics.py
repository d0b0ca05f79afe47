"""Read and check the topics (`sources/topics.yml`): the tags documents may carry (the page: pages/reference.py).

A document's topics are its `tags:` in `sources/catalog.yml`; they go into the page's front matter,
where Material's `tags` plugin shows them and lists the tagged pages on the topics page (the
`<!-- material/tags -->` listing). Every tag must be declared here, so a misspelt tag is refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from coalition_texts.model.errors import SourceError
from coalition_texts.model.records import Catalog
from coalition_texts.sources.schema import Entry, entries


@dataclass(frozen=True)
class Topic:
    name: str
    description: str


def load_topics(path: Path, catalog: Catalog) -> tuple[Topic, ...]:
    """Read the topics and check every document's tags against them."""
    topics: list = []
    seen: dict[str, int] = {}
    for index, entry in enumerate(entries(path, "topics")):
        reader = Entry(path, entry, f"topic {entry.get('name') or index + 1}")
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

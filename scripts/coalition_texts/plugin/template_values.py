"""The page values Material's templates print as HTML, escaped before the templates see them.

Material prints a page's title (in the header, the navigation, the breadcrumbs, the footer, the tags
listings and the search results) and its description (in `<meta name="description" content="…">`)
as they are, without escaping: it takes them for HTML. Titles and descriptions of generated pages
come from `sources/`, so they are text; the hooks turn them into HTML that shows exactly that text
at the moment they are handed to the templates, rather than overriding (and copying) every partial
that prints them. Who reads these values as text afterwards (postbuild/head_metadata.py) unescapes them
with html.unescape, the exact inverse.

- The description is escaped for an attribute (quotes too) as soon as the page's Markdown is read,
  before the RSS plugin copies it: a feed item's `description` and JSON Feed's `content_html` are HTML.
- Tag names are escaped then too, before the tags plugin reads them.
- The title is escaped after every plugin has read the page's content (the RSS plugin copies the
  title as the feed item's plain-text title) and before any template is rendered.
"""

from __future__ import annotations

import html
from collections.abc import MutableMapping
from typing import Any


def escape_description(meta: MutableMapping[str, Any]) -> None:
    description = meta.get("description")
    if isinstance(description, str):
        meta["description"] = html.escape(description, quote=True)


def escape_tags(meta: MutableMapping[str, Any]) -> None:
    """Material's tags plugin prints tag names as HTML (on the page and in the tags listing)."""
    tags = meta.get("tags")
    if isinstance(tags, list):
        meta["tags"] = [html.escape(tag, quote=True) if isinstance(tag, str) else tag for tag in tags]


def escape_title(meta: MutableMapping[str, Any]) -> None:
    # MkDocs' `page.title` is the front matter's title when there is one: escaping it escapes both.
    title = meta.get("title")
    if isinstance(title, str):
        meta["title"] = html.escape(title, quote=True)

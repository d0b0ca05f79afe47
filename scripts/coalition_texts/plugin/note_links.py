"""Point the links of the shared-passage notes (and of a document's topics) at their pages, in each
page MkDocs renders.

The notes (pages/compare.py) are raw HTML, whose links MkDocs leaves alone: they name `.md` files,
turned here into the addresses MkDocs gives those pages (`on_page_content`). So are a document's
topics (pages/documents.py, `RAW_LINKS_CLASS`): they link to the anchors Material's tags plugin adds
to the topics page after MkDocs has checked anchors: each names its topic (`data-topic`), and the
anchor the plugin gives that topic is added here.
"""

from __future__ import annotations

import posixpath
import re
from html import unescape

from mkdocs.exceptions import PluginError
from pymdownx.slugs import slugify  # type: ignore[import-untyped]

from coalition_texts.pages.compare import PASSAGE_NOTE_CLASS
from coalition_texts.pages.markdown import RAW_LINKS_CLASS, html_attr

_NOTE = re.compile(
    rf'<div class="{PASSAGE_NOTE_CLASS}"[^>]*>.*?</div>|<span class="{RAW_LINKS_CLASS}">.*?</span>', re.DOTALL
)
_MD_HREF = re.compile(r'href="([^"#]+\.md)(#[^"]*)?"')
_TOPIC = re.compile(r'href="([^"#]*)" data-topic="([^"]*)"')
# Material's tags plugin slugifies topic names this way (its default `tags_slugify` and format).
_TAG_SLUG = slugify(case="lower")


def topic_anchor(name: str) -> str:
    """The anchor Material's tags plugin gives a topic in its listing on the topics page."""
    return "tag:" + _TAG_SLUG(name, "-")


def resolve_note_links(html: str, page, files) -> str:
    """In a built page (MkDocs' `on_page_content`), point the notes' links to `.md` files at their pages."""

    def address(match: re.Match) -> str:
        path = posixpath.normpath(posixpath.join(posixpath.dirname(page.file.src_uri), unescape(match[1])))
        target = files.get_file_from_path(path)
        if target is None:
            raise PluginError(f"{page.file.src_uri}: a shared-passage note links to {path}, which is not a page.")
        return f'href="{html_attr(target.url_relative_to(page.file))}{match[2] or ""}"'

    def topic(match: re.Match) -> str:
        return f'href="{match[1]}#{html_attr(topic_anchor(unescape(match[2])))}" data-topic="{match[2]}"'

    return _NOTE.sub(lambda note: _TOPIC.sub(topic, _MD_HREF.sub(address, note[0])), html)

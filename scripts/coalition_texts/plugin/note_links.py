"""Point the links of the shared-passage notes at their pages, in each page MkDocs renders.

The notes (pages/compare.py) are raw HTML, whose links MkDocs leaves alone: they name `.md` files,
turned here into the addresses MkDocs gives those pages (`on_page_content`).
"""

from __future__ import annotations

import posixpath
import re
from html import unescape

from mkdocs.exceptions import PluginError

from coalition_texts.pages.compare import PASSAGE_NOTE_CLASS
from coalition_texts.pages.markdown import html_attr

_NOTE = re.compile(rf'<div class="{PASSAGE_NOTE_CLASS}"[^>]*>.*?</div>', re.DOTALL)
_MD_HREF = re.compile(r'href="([^"#]+\.md)(#[^"]*)?"')


def resolve_note_links(html: str, page, files) -> str:
    """In a built page (MkDocs' `on_page_content`), point the notes' links to `.md` files at their pages."""

    def address(match: re.Match) -> str:
        path = posixpath.normpath(posixpath.join(posixpath.dirname(page.file.src_uri), unescape(match[1])))
        target = files.get_file_from_path(path)
        if target is None:
            raise PluginError(f"{page.file.src_uri}: a shared-passage note links to {path}, which is not a page.")
        return f'href="{html_attr(target.url_relative_to(page.file))}{match[2] or ""}"'

    return _NOTE.sub(lambda note: _MD_HREF.sub(address, note[0]), html)

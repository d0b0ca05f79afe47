"""Give the pages left out of the navigation their section, for Material's breadcrumbs.

Document and event pages are not in `nav` (the sidebar would not scale to thousands of documents),
so MkDocs gives them no parent and Material's `navigation.path` would show no breadcrumbs on
them. A page outside the navigation is placed, as a child that the sidebar does not list, in the
section whose index page lives in the same folder: `documents/<id>/` reads "Home › Documents"
and its tab is marked as the current one. Pages in the navigation are left as MkDocs made them.
Used by the plugin's `on_nav` and `on_pre_page` events.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable

from mkdocs.structure import StructureItem
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page


def _walk(items: Iterable[StructureItem], found: dict[str, Section]) -> None:
    for item in items:
        if isinstance(item, Section):
            for child in item.children:
                if isinstance(child, Page) and posixpath.basename(child.file.src_uri) == "index.md":
                    found.setdefault(posixpath.dirname(child.file.src_uri), item)
            _walk(item.children, found)


class Breadcrumbs:
    """The sections of the current build, by the folder of their index page."""

    def __init__(self) -> None:
        self.sections: dict[str, Section] = {}

    def collect(self, nav: Navigation) -> None:
        self.sections = {}
        _walk(nav.items, self.sections)

    def place(self, page: Page) -> None:
        # `parent` is only read for the breadcrumbs and the active tab; the section's children, and so
        # the sidebar, are unchanged. Pages with a place in `nav` keep it.
        if page.parent is None and not page.file.inclusion.is_in_nav():
            page.parent = self.sections.get(posixpath.dirname(page.file.src_uri))

"""MkDocs hooks: give the pages left out of the navigation their section, for Material's breadcrumbs
and menu.

Document and event pages are not in `nav` (the sidebar would not scale to thousands of documents),
so MkDocs gives them no parent and Material's `navigation.path` would show no breadcrumbs on
them. A page outside the navigation is placed in the section whose index page lives in the same
folder: `documents/<id>/` reads "Home › Documents" and its tab is marked as the current one.

While that page alone is rendered, it is also listed in its section, after the section's own pages:
Material then shows it, with its own sections (the table of contents), in the menu, which on a
phone is the only way to them (the section's panel was empty). Every other page's menu is as
MkDocs made it. Pages in the navigation are left as MkDocs made them.
"""

from __future__ import annotations

import posixpath

from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

_sections: dict[str, Section] = {}  # folder of a section's index page -> the section (current build)


def _walk(items, found: dict[str, Section]) -> None:
    for item in items:
        if isinstance(item, Section):
            for child in item.children:
                if isinstance(child, Page) and posixpath.basename(child.file.src_uri) == "index.md":
                    found.setdefault(posixpath.dirname(child.file.src_uri), item)
            _walk(item.children, found)


def on_nav(nav: Navigation, config, files):
    _sections.clear()
    _walk(nav.items, _sections)
    return nav


def on_pre_page(page: Page, config, files):
    # `parent` is only read for the breadcrumbs and the active tab; the section's children, and so
    # the sidebar, are unchanged. Pages with a place in `nav` keep it.
    if page.parent is None and not page.file.inclusion.is_in_nav():
        page.parent = _sections.get(posixpath.dirname(page.file.src_uri))
    return page


_listed: list[Page] = []  # the page listed in its section while it is rendered (at most one)


def on_page_context(context, page: Page, config, nav):
    # Not `is_in_nav()`: a section's own index page may match `not_in_nav` and still be in `nav`.
    if page.parent is not None and page not in page.parent.children:
        page.parent.children.append(page)
        _listed.append(page)
    return context


def on_post_page(output: str, page: Page, config) -> str:
    while _listed:
        listed = _listed.pop()
        listed.parent.children.remove(listed)
    return output

"""Python-Markdown glue: give the `abbr` extension's `<abbr>` elements a tab stop.

The glossary (sources/glossary.py) feeds the `abbr` extension through the `abbreviations.md`
snippet; with a tab stop, keyboard focus shows Material's tooltip as hovering does. Added to the
Markdown extensions by the plugin's `on_config`.
"""

from __future__ import annotations

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor


class _Focusable(Treeprocessor):
    def run(self, root):
        def visit(element, in_link: bool) -> None:
            for child in element:
                # Inside a link the link takes the focus: a second tab stop there would be a nested control.
                if child.tag == "abbr" and not in_link:
                    child.set("tabindex", "0")
                visit(child, in_link or child.tag == "a")

        visit(root, False)


class FocusableAbbreviations(Extension):
    """Give the abbr extension's `<abbr>` elements a tab stop, so that keyboard focus shows the tooltip too."""

    def extendMarkdown(self, md):
        md.treeprocessors.register(_Focusable(md), "focusable_abbr", 6)  # after abbr (7)

"""A Markdown extension that keeps links and images to web addresses and the site's own pages.

Markdown lets a link name any address, `javascript:` included, and the site's own prose (in
`sources/editorial/`) is Markdown. After the other extensions, a link or image whose address has a
scheme other than http, https or mailto (relative addresses have none) becomes plain text, so a link
made from the data can run nothing when followed. Raw HTML does not reach this tree: the prose's "<" is escaped as text
(evidence.py), and every generated value is escaped (markdown_text.py).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

SCHEMES = {"", "http", "https", "mailto"}


def allowed(address: str) -> bool:
    # Browsers ignore tabs, line breaks and leading control characters and spaces in a scheme.
    cleaned = "".join(character for character in address if character not in "\t\n\r").lstrip("\x00 ")
    try:
        return urlsplit(cleaned).scheme.lower() in SCHEMES
    except ValueError:
        return False


class _SafeLinks(Treeprocessor):
    def run(self, root):
        for element in root.iter():
            for attribute in ("href", "src"):
                value = element.get(attribute)
                if value is not None and not allowed(value):
                    # Left as text: MkDocs expects every link and image it meets to have its address.
                    del element.attrib[attribute]
                    if element.tag == "img":
                        element.text = element.get("alt", "")
                    element.tag = "span"


class SafeLinks(Extension):
    def extendMarkdown(self, md):
        md.treeprocessors.register(_SafeLinks(md), "safe_links", 0.5)  # after inline links and attr_list

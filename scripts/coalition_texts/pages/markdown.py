"""Write arbitrary text into Markdown or HTML so that it renders as exactly that text."""

from __future__ import annotations

import html
import re

import yaml

# Python-Markdown's escapable characters with the site's extensions (tables adds "|"), except the
# three that HTML escaping already neutralises: "<", ">" and "&" are written as entities instead.
MARKDOWN_ESCAPABLE = "\\`*_{}[]()#+-.!|"
# A hyphen after a letter or digit ("ISIS-Khorasan") can start no Markdown syntax, and left bare it
# lets the abbr extension find hyphenated glossary terms, which an escape would split in two.
_ESCAPE = re.compile(r"(?<!\w)-|[" + re.escape(MARKDOWN_ESCAPABLE.replace("-", "").replace("[]", "")) + "]")
# Square brackets become character references, not backslash escapes: the link reference pattern
# does not honour "\]", so a value such as "]:" inside link text would turn the link into a definition.
_BRACKETS = str.maketrans({"[": "&#91;", "]": "&#93;"})
# "???" opens a pymdownx.details block at the start of a line and has no backslash escape: break it up.
_DETAILS = re.compile(r"\?(?=\?\?)")
_URL = re.compile(r"https?://[^\s()<>]+[^\s()<>.,;:!?'\"]")


def md_escape(text: str) -> str:
    """Markdown for `text` on one line, read literally (whitespace runs become one space)."""
    escaped = html.escape(_ESCAPE.sub(r"\\\g<0>", re.sub(r"\s+", " ", text)), quote=False)
    return _DETAILS.sub("&#63;", escaped.translate(_BRACKETS))


def md_breakable(text: str) -> str:
    """Like md_escape, but a web address in `text` may wrap after a slash or a dot, never inside a word."""
    return _ADDRESS_BREAK.sub(r"\1<wbr>", md_escape(text))


_ADDRESS_BREAK = re.compile(r"([/.])(?=\w)")


def md_with_links(text: str) -> str:
    """Like md_escape, but the web addresses in `text` become links (for notes that cite sources)."""
    parts, last = [], 0
    for match in _URL.finditer(text):
        parts.append(md_escape(text[last : match.start()]))
        url = match.group(0)
        parts.append(f"[{md_escape(url)}](<{url}>)")
        last = match.end()
    parts.append(md_escape(text[last:]))
    return "".join(parts)


def html_text(text: str) -> str:
    """HTML for `text` inside an element (no attribute quoting needed)."""
    return html.escape(text, quote=False)


def html_attr(text: str) -> str:
    return html.escape(text, quote=True)


def front_matter(data: dict) -> str:
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's emitter: this runs once per page
    return "---\n" + yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=10_000) + "---\n"

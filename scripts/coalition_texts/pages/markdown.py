"""Write arbitrary text into Markdown or HTML so that it renders as exactly that text."""

from __future__ import annotations

import html
import re

import yaml

from coalition_texts.model.web_address import rebuild

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
# Classes that place the glossary's list of a page's terms (glossary.PageTerms): an element with the
# first takes the list (a document page puts it right after the text); one with the second has none.
PAGE_TERMS_HERE = "page-terms-here"
NO_PAGE_TERMS = "page-terms-none"
# Raw HTML that links to .md files with anchors MkDocs cannot check: its links are made addresses after
# rendering (passage_pages.resolve_note_links).
RAW_LINKS_CLASS = "md-links"
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
        url = rebuild(match.group(0))
        if url is None:  # not an address after all: it stays text
            continue
        parts.append(md_escape(text[last : match.start()]))
        parts.append(f"[{md_escape(match.group(0))}](<{url}>)")
        last = match.end()
    parts.append(md_escape(text[last:]))
    return "".join(parts)


def html_text(text: str) -> str:
    """HTML for `text` inside an element (no attribute quoting needed)."""
    return html.escape(text, quote=False)


def html_attr(text: str) -> str:
    return html.escape(text, quote=True)


def pilcrow(number: int | str) -> str:
    """The sign and number of paragraph `number`, kept on one line (a no-break space), for text shown on pages."""
    return f"¶\u00a0{number}"


def front_matter(data: dict) -> str:
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's emitter: this runs once per page
    return "---\n" + yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=10_000) + "---\n"


# Python-Markdown runs its backtick, escape, link and autolink patterns before it recognises raw
# HTML, even inside an attribute's value: there, these characters are written as references.
_ATTRIBUTE_IN_MARKDOWN = str.maketrans({character: f"&#{ord(character)};" for character in "`\\[]()*_{}"})


def tooltip_attr(text: str) -> str:
    """A `title` attribute's value for Material's `content.tooltips`, which draws the title as HTML:
    the text is escaped for HTML, then for the attribute, so the tooltip shows exactly `text`. Safe
    in raw HTML inside Markdown too (no character of it starts Markdown syntax)."""
    return html_attr(html_text(text)).translate(_ATTRIBUTE_IN_MARKDOWN)


def md_code(text: str) -> str:
    """Inline code for `text` (a file name, say) that no backtick or markup in it can end or open."""
    return f"<code>{md_escape(text)}</code>"


def definition(term: str, value: str) -> str:
    """One term of a definition list (`def_list`): the term, then its value on the next line."""
    return f"{term}\n:   {value}\n"

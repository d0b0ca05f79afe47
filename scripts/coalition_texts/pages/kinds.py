"""How a text's kind of source is shown: one badge, the same in lists, page heads, event pages and search.

The kinds themselves are data (`sources/kinds.yml`, read by `sources/kinds.py`); this module only
writes them: `kind_badge(doc)` for any page or index entry that names a document, `kinds_section(catalog)`
for the About page, which explains every kind, and `texts_per_kind(catalog)`, the counts both it and
the home page give.
"""

from __future__ import annotations

from collections import Counter

from coalition_texts.model.records import ORIGINS, Catalog, Document, Kind
from coalition_texts.pages.markdown import html_attr, html_text, md_escape
from coalition_texts.pages.wording import count

BADGE_CLASS = "kind-badge"


def badge_html(kind: Kind) -> str:
    """The kind's label as a small badge; its style says who put the words out (`origin`), the text says the kind."""
    return (
        f'<span class="{BADGE_CLASS} {BADGE_CLASS}--{html_attr(kind.origin)}" data-kind="{html_attr(kind.id)}">'
        f"{html_text(kind.label)}</span>"
    )


def kind_badge(doc: Document) -> str:
    """The badge of a document's kind (HTML, escaped), for bylines, lists and search results."""
    return badge_html(doc.kind_info)


def texts_per_kind(catalog: Catalog) -> list[tuple[Kind, int]]:
    """Every kind, in the catalog's order, with how many documents are of it (0 included)."""
    numbers = Counter(doc.kind for doc in catalog.documents)
    return [(kind, numbers[kind.id]) for kind in catalog.kinds]


def kinds_section(catalog: Catalog) -> str:
    """Markdown for the About page: every kind with its badge, its explanation and how many texts are of it."""
    lines = []
    for kind, number in texts_per_kind(catalog):
        texts = f"{count(number, 'text')} of the collection" if number else "no text yet"
        lines.append(
            f"{badge_html(kind)}\n:   {md_escape(kind.description)} "
            f"({md_escape(ORIGINS[kind.origin].capitalize())}; {texts}.)\n"
        )
    return '<div class="kind-list" markdown>\n\n' + "\n".join(lines) + "\n</div>\n"

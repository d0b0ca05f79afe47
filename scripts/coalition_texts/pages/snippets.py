"""Write the generated folder `docs/snippets/`: what the home page includes, and the glossary's abbreviations.

- `collection.md`: how many texts the collection holds, of each kind of source (the home page's
  introduction says it in the catalog's numbers, so that it stays true as texts are added);
- `documents-table.md`: the newest documents, with a link to all of them;
- `event-list.md`: a card per event with its summary, then the timeline and the differences;
- `kinds.md`: the kinds of source, for the About page (pages/kinds.py);
- `abbreviations.md`: one abbreviation definition per glossary form, appended to every page by
  `pymdownx.snippets` (`auto_append` in mkdocs.yml) for Python-Markdown's `abbr` extension.

Links are relative to the docs root, where the home page lives.
"""

from __future__ import annotations

from coalition_texts.model.records import Catalog, sort_key
from coalition_texts.model.urls import (
    ABBREVIATIONS_SNIPPET,
    ABOUT,
    COLLECTION_SNIPPET,
    DIFFERENCES,
    DOCUMENTS_INDEX,
    DOCUMENTS_TABLE_SNIPPET,
    EVENT_LIST_SNIPPET,
    KINDS_SNIPPET,
    TIMELINE,
    event_page,
)
from coalition_texts.pages.evidence_links import Links
from coalition_texts.pages.kinds import kinds_section, texts_per_kind
from coalition_texts.pages.listings import documents_list, lead, when_listed
from coalition_texts.pages.markdown import html_text, md_escape
from coalition_texts.pages.wording import count
from coalition_texts.sources.editorial import Editorial
from coalition_texts.sources.glossary import Glossary

HOME = "index.md"  # the page that includes the snippets: their links are relative to it
HOME_TABLE_LIMIT = 25  # the home page lists the newest documents; the listing page has them all


def collection_summary(catalog: Catalog) -> str:
    """The home page's sentence on what the collection holds: its size, then the texts of each kind."""
    total = len(catalog.documents)
    if total == 0:
        return "The collection holds no text yet.\n"
    kinds = [f"{md_escape(kind.label)} ({number:,})" for kind, number in texts_per_kind(catalog) if number]
    return (
        f"The collection holds {count(total, 'text')}; by [kind of source]({ABOUT}#kinds-of-source): "
        + "; ".join(kinds)
        + ".\n"
    )


def home_table(catalog: Catalog) -> str:
    """The snippet the home page includes: the newest documents, with a link to all of them."""
    docs = sorted(catalog.documents, key=sort_key)[:HOME_TABLE_LIMIT]
    more = ""
    if len(catalog.documents) > len(docs):
        more = f"\n[All {count(len(catalog.documents), 'document')}]({DOCUMENTS_INDEX})\n"
    return documents_list(docs, catalog, "") + more


def home_events(catalog: Catalog, editorial: Editorial, links: Links) -> str:
    """The home page's lead: a card per event with its summary, then the timeline and the differences."""
    cards = []
    for event in catalog.events:
        place = f", {md_escape(event.place)}" if event.place else ""
        cards.append(
            f"-   **[{md_escape(event.name)}]({event_page(event.id)})**\n\n"
            f"    {when_listed(event)}{place}\n\n"
            f"    {lead(editorial.events[event.id], links, HOME).strip()}\n"
        )
    # What the two pages cover is written with their entries (sources/editorial/), not here.
    cards.append(f"-   **[Timeline]({TIMELINE})**\n\n    {md_escape(editorial.timeline_page.summary)}\n")
    cards.append(
        f"-   **[Where the sources differ]({DIFFERENCES})**\n\n    {md_escape(editorial.differences_page.summary)}\n"
    )
    return '<div class="grid cards" markdown>\n\n' + "\n".join(cards) + "\n</div>\n"


def abbreviations(glossary: Glossary) -> str:
    """The snippet appended to every Markdown page: one abbreviation definition per form."""
    # Material's tooltip draws the `title` attribute as HTML, so its value must be the escaped text. The
    # abbr extension copies the definition into the attribute, and Python-Markdown's serializer leaves
    # entities it finds there as they are (it escapes only a bare "&"): so the definition is escaped
    # twice, and the attribute's value is the text escaped once.
    return "".join(
        f"*[{form}]: {html_text(html_text(term.tooltip))}\n" for form, term in sorted(glossary.by_form.items())
    )


def pages(catalog: Catalog, editorial: Editorial, links: Links, glossary: Glossary) -> dict[str, str]:
    """The folder's files, by their path under docs/."""
    return {
        COLLECTION_SNIPPET: collection_summary(catalog),
        DOCUMENTS_TABLE_SNIPPET: home_table(catalog),
        EVENT_LIST_SNIPPET: home_events(catalog, editorial, links),
        ABBREVIATIONS_SNIPPET: abbreviations(glossary),
        KINDS_SNIPPET: kinds_section(catalog),  # the About page's list of kinds of source
    }

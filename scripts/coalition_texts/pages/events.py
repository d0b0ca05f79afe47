"""Write the generated folder `docs/events/`: one page per event of `sources/events.yml`, and their list.

Each event's text is the site's own prose from `sources/editorial/events/` (sources/editorial.py),
its evidence references made links (pages/evidence_links.py); the page ends with the event's
documents and the other events.
"""

from __future__ import annotations

from coalition_texts.model.records import Catalog, Event
from coalition_texts.model.urls import EVENTS_INDEX, prefix
from coalition_texts.model.urls import event_page as event_path
from coalition_texts.pages.evidence_links import Links
from coalition_texts.pages.listings import documents_list, lead, when_listed
from coalition_texts.pages.markdown import definition, front_matter, md_escape, md_with_links
from coalition_texts.pages.wording import capitalised, count
from coalition_texts.sources.editorial import Editorial


def event_facts(event: Event) -> list[tuple[str, str, bool]]:
    """What an event's page lists after its summary: (label, plain text, whether its web addresses are links).

    The search index shows the same facts with the same labels (postbuild/search_index.py)."""
    facts = [("When", event.when(), False)]
    if event.date_note:
        facts.append(("About the date", event.date_note, True))  # it cites where the dates come from
    if event.place:  # optional in the catalog: where none is given, the page makes no claim about a place
        facts.append(("Where", event.place, False))
    return facts


def event_page(event: Event, catalog: Catalog, lead: str = "", body: str = "") -> str:
    """The event's page; `lead` and `body` are its text from sources/editorial/ (sources/editorial.py)."""
    docs = [d for d in catalog.documents if event.id in d.events]
    facts = [
        definition(label, md_with_links(value) if linked else md_escape(value))
        for label, value, linked in event_facts(event)
    ]
    others = [e for e in catalog.events if e.id != event.id]
    concern = count(
        len(docs),
        "of the collection's documents",
        "concern",
        plural="of the collection's documents",
        zero="none of the collection's documents",
    )
    return (
        front_matter({"title": event.name, "description": event.description})
        + f"\n# {md_escape(event.name)}\n\n"
        + (lead or f"{md_escape(event.description)}\n")
        + "\n"
        # Material's index would run the list together; postbuild/search_index.py writes the facts a line each.
        + '<div class="doc-meta" markdown data-search-exclude>\n\n'
        + "\n".join(facts)
        + "\n</div>\n\n"
        + body
        + f"\n## Documents\n\n{capitalised(concern)} this event.\n{{: .site-note }}\n\n"
        + documents_list(docs, catalog, prefix(EVENTS_INDEX))
        + "\n## Other events\n\n"
        + "".join(f"- [{md_escape(e.name)}]({e.id}.md) ({md_escape(e.when())})\n" for e in others)
    )


def events_index(catalog: Catalog, leads: dict[str, str] | None = None) -> str:
    """The list of events; `leads` are their summaries with evidence links (sources/editorial.py)."""
    lines = [front_matter({"title": "Events", "description": "The events the documents cover."}), "\n# Events\n"]
    for event in catalog.events:
        documents = sum(event.id in d.events for d in catalog.documents)
        place = f", {md_escape(event.place)}" if event.place else ""
        summary = (leads or {}).get(event.id, "").strip() or md_escape(event.description)
        lines.append(
            f"\n## [{md_escape(event.name)}]({event.id}.md)\n\n"
            f"{when_listed(event)}{place} · {count(documents, 'document')}\n\n"
            f"{summary}\n"
        )
    return "".join(lines)


def pages(catalog: Catalog, editorial: Editorial, links: Links) -> dict[str, str]:
    """The folder's pages, by their path under docs/."""
    result, leads = {}, {}
    for event in catalog.events:
        text, path = editorial.events[event.id], event_path(event.id)
        leads[event.id] = lead(text, links, path)
        body = links.expand(text.body, text.body_at, prefix(path))
        result[path] = event_page(event, catalog, leads[event.id], body)
    result[EVENTS_INDEX] = events_index(catalog, leads)
    return result

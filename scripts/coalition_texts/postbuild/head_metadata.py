"""What each page tells machines: schema.org JSON-LD, Open Graph and Twitter card tags, feed dates.

`head_metadata` is called from the MkDocs hooks for every page and handed to the template as `machine`;
`overrides/main.html` writes it into the page's head. The feeds' dates are analysis/feed_dates.py.
"""

from __future__ import annotations

import html
import json
from typing import Any

from coalition_texts.model.records import Catalog, Event, RenderedDocument
from coalition_texts.model.urls import (
    JSON_FEED,
    SiteUrls,
    document_id,
    document_page,
    event_id,
    event_page,
    source_download,
    text_download,
)

SCHEMA_ORG = "https://schema.org"
# Each kind of source names its schema.org type (sources/kinds.yml).


def _place(name: str) -> dict:
    return {"@type": "Place", "name": name, "address": name}


def event_data(event: Event, url: str) -> dict:
    """schema.org `Event`: dates as precise as they are known (ISO 8601 allows `2021` or `2022-05`)."""
    data: dict[str, Any] = {"@type": "Event", "name": event.name, "description": event.description, "url": url}
    data["startDate"] = event.start.iso()
    if event.end is not None:
        data["endDate"] = event.end.iso()
    if event.place:
        data["location"] = _place(event.place)
    return data


def document_data(item: RenderedDocument, catalog: Catalog, urls: SiteUrls, site_name: str) -> dict:
    doc = item.doc
    url = urls.page(document_page(doc.id))
    data: dict[str, Any] = {
        "@context": SCHEMA_ORG,
        "@type": doc.kind_info.schema_type,
        "@id": url,
        "url": url,
        "mainEntityOfPage": url,
        "headline": doc.title,
        "name": doc.title,
        "genre": doc.kind_label,
        "inLanguage": doc.language,
        "publisher": {"@type": "Organization", "name": doc.publisher},
    }
    if doc.published is not None:
        data["datePublished"] = doc.published.iso()
    if doc.url:
        data["isBasedOn"] = doc.url
    if doc.place:
        data["locationCreated"] = _place(doc.place)
    data["about"] = [event_data(catalog.event(event_id), urls.page(event_page(event_id))) for event_id in doc.events]
    data["wordCount"] = item.words
    data["encoding"] = [
        {
            "@type": "MediaObject",
            "name": "The source file as captured",
            "contentUrl": urls.file(source_download(doc)),
            "encodingFormat": "text/plain",
            "sha256": item.source.sha256,
        },
        {
            "@type": "MediaObject",
            "name": "The clean text",
            "contentUrl": urls.file(text_download(doc)),
            "encodingFormat": "text/plain",
        },
    ]
    data["isPartOf"] = {"@type": "WebSite", "name": site_name, "url": urls.base}
    return data


def event_page_data(event: Event, catalog: Catalog, urls: SiteUrls) -> dict:
    data = {"@context": SCHEMA_ORG, **event_data(event, urls.page(event_page(event.id)))}
    data["subjectOf"] = [
        {
            "@type": doc.kind_info.schema_type,
            "name": doc.title,
            "url": urls.page(document_page(doc.id)),
        }
        for doc in catalog.documents
        if event.id in doc.events
    ]
    return data


def json_ld(data: dict) -> str:
    """JSON for a `<script>` element: `<`, `>` and `&` escaped so no text can close the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def head_metadata(page, config, catalog: Catalog, documents: dict[str, RenderedDocument]) -> dict:
    """JSON-LD, `<meta>` tags and `<link>`s for one page (`page`, `config`: MkDocs objects)."""
    urls, site_url, site_name = SiteUrls.of(config), config.site_url, config.site_name
    src = page.file.src_uri
    url = page.canonical_url or urls.file(page.file.url)
    # The page's title and description arrive escaped for Material's templates (plugin/template_values.py):
    # html.unescape is the exact inverse of that escaping.
    title = html.unescape(page.meta.get("title") or page.title or site_name)
    summary = html.unescape(page.meta.get("description") or "") or config.site_description or ""
    doc_id = document_id(src) if document_id(src) in documents else None
    page_event = event_id(src) if doc_id is None else None
    events = {event.id: event for event in catalog.events}
    og_type = "website"
    # Site-relative paths (the template makes them relative to the page, as Material does for its RSS
    # links). Only feeds are `alternate`: Material's script looks for a sitemap.xml beside every
    # alternate link, so the data files are linked from the page body and the JSON-LD instead.
    links = [("alternate", "application/feed+json", "JSON Feed of the documents", JSON_FEED)]
    extra_meta = []
    if doc_id is not None:
        item = documents[doc_id]
        data = document_data(item, catalog, urls, site_name)
        og_type = "article"
        if item.doc.published is not None:
            extra_meta.append(("property", "article:published_time", item.doc.published.iso()))
        extra_meta.append(("property", "article:section", item.doc.kind_label))
    elif page_event in events:
        data = event_page_data(events[page_event], catalog, urls)
    else:
        listing = src.rpartition("/")[2] == "index.md"
        kind = "WebSite" if page.is_homepage else "CollectionPage" if listing else "WebPage"
        data = {"@context": SCHEMA_ORG, "@type": kind, "name": title, "description": summary, "url": url}
        if kind != "WebSite":
            data["isPartOf"] = {"@type": "WebSite", "name": site_name, "url": site_url}
    meta = [
        ("property", "og:type", og_type),
        ("property", "og:site_name", site_name),
        ("property", "og:title", title),
        ("property", "og:description", summary),
        ("property", "og:url", url),
        *extra_meta,
        ("name", "twitter:card", "summary"),
        ("name", "twitter:title", title),
        ("name", "twitter:description", summary),
    ]
    return {"json_ld": json_ld(data), "meta": meta, "links": links}

"""The open data, the feeds and the metadata for machines, checked in the real built site.

The dataset validates against its published schema and agrees with the pages paragraph by
paragraph; the CSV and the downloads agree with the dataset and the sources; the feeds parse with a
real feed parser and list every document newest first; every page carries JSON-LD, Open Graph and
Twitter tags, and absolute canonical and sitemap addresses.
"""

from __future__ import annotations

import calendar
import csv
import hashlib
import io
import json
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import feedparser
import jsonschema
import pytest
from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st

from coalition_texts.model.urls import CORPUS_JSON, CORPUS_SCHEMA, JSON_FEED, PARAGRAPHS_CSV, RSS_FEED
from coalition_texts.postbuild.head_metadata import json_ld
from coalition_texts.postbuild.open_data import CSV_COLUMNS, paragraphs_csv
from tests.base import ROOT, catalog, copy_project, document, mkdocs_build

DEFAULT_SITE_URL = "http://127.0.0.1:8000/"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def pages(site: Path) -> list[Path]:
    """Every HTML page of the site (the 404 page is a template with no page of its own)."""
    return sorted(path for path in site.rglob("*.html") if path.name != "404.html")


def page_file(site: Path, url: str, site_url: str = DEFAULT_SITE_URL) -> Path:
    assert url.startswith(site_url), url
    return site / url[len(site_url) :].split("#")[0] / "index.html"


def site_file(site: Path, url: str, site_url: str = DEFAULT_SITE_URL) -> Path:
    assert url.startswith(site_url), url
    return site / url[len(site_url) :]


def json_lds(page: BeautifulSoup) -> list[dict]:
    return [json.loads(script.string) for script in page.select('script[type="application/ld+json"]')]


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def corpus(built_site) -> dict:
    return json.loads((built_site / CORPUS_JSON).read_text(encoding="utf-8"))


def test_dataset_validates_against_its_published_schema(built_site, corpus):
    schema = json.loads((built_site / CORPUS_SCHEMA).read_text(encoding="utf-8"))
    assert (built_site / CORPUS_SCHEMA).read_bytes() == (ROOT / "docs" / CORPUS_SCHEMA).read_bytes()
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    assert not list(validator.iter_errors(corpus))
    assert corpus["$schema"] == DEFAULT_SITE_URL + CORPUS_SCHEMA


def test_schema_refuses_what_the_dataset_must_not_hold(built_site, corpus):
    """The schema is strict enough to catch a broken dataset: a missing field, an unknown one, a bad date."""
    schema = json.loads((built_site / CORPUS_SCHEMA).read_text(encoding="utf-8"))
    broken = [json.loads(json.dumps(corpus)) for _ in range(4)]
    del broken[0]["documents"][0]["paragraphs"][0]["anchor"]
    broken[1]["documents"][0]["invented"] = True
    broken[2]["documents"][0]["published"] = "12 May 2022"
    broken[3]["documents"][0]["paragraphs"] = []
    for data in broken:
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)


def test_dataset_holds_every_document_with_its_catalog_metadata(corpus):
    by_id = {doc["id"]: doc for doc in corpus["documents"]}
    assert sorted(by_id) == sorted(doc.id for doc in catalog().documents)
    for doc in catalog().documents:
        data = by_id[doc.id]
        assert data["title"] == doc.title and data["publisher"] == doc.publisher
        assert data["published"] == (doc.published.iso() if doc.published else None)
        assert data["date_supplied"] == doc.date_supplied and data["source_url"] == doc.url
        assert data["date_supplied_parts"] == list(doc.date_supplied_parts)
        assert data["url_supplied"] == doc.url_supplied
        assert data["events"] == list(doc.events) and data["language"] == doc.language
        assert data["sha256"] == hashlib.sha256((ROOT / "sources" / doc.file).read_bytes()).hexdigest()
        assert data["page_url"] == f"{DEFAULT_SITE_URL}documents/{doc.id}/"
    assert [event["id"] for event in corpus["events"]] == [event.id for event in catalog().events]
    for event in corpus["events"]:
        assert set(event["documents"]) == {doc.id for doc in catalog().documents if event["id"] in doc.events}


def test_dataset_matches_the_pages_paragraph_for_paragraph(built_site, corpus):
    for doc in corpus["documents"]:
        page = soup(page_file(built_site, doc["page_url"]))
        assert page.find("link", rel="canonical")["href"] == doc["page_url"]
        shown = page.select(".doc-text p.para")
        assert len(shown) == len(doc["paragraphs"]) == doc["paragraph_count"], doc["id"]
        for paragraph, element in zip(doc["paragraphs"], shown, strict=True):
            assert element["id"] == paragraph["anchor"]
            assert int(element["data-n"]) == paragraph["number"]
            assert paragraph["url"] == f"{doc['page_url']}#{paragraph['anchor']}"
            assert words(element.get_text()) == words(paragraph["text"])


def test_dataset_citations_are_those_the_pages_show(built_site, corpus):
    for doc in corpus["documents"]:
        page = soup(page_file(built_site, doc["page_url"]))
        shown = [code.get_text().rstrip() for code in page.select(".citation code")]
        forms = doc["citation"]
        assert forms["bibtex"].rstrip() in shown and forms["ris"].rstrip() in shown, doc["id"]
        assert forms["plain_text"].rstrip() in shown and forms["plain_text"].endswith(doc["page_url"])
        assert json.dumps([forms["csl_json"]], ensure_ascii=False, indent=2) in shown
        assert f"url = {{{doc['page_url']}}}" in forms["bibtex"]


def test_csv_has_one_row_per_paragraph_of_the_dataset(built_site, corpus):
    raw = (built_site / PARAGRAPHS_CSV).read_bytes()
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8"), newline="")))
    expected = [
        dict(zip(CSV_COLUMNS, (doc["id"], str(p["number"]), p["anchor"], p["url"], p["text"]), strict=True))
        for doc in corpus["documents"]
        for p in doc["paragraphs"]
    ]
    assert rows == expected
    assert raw.startswith(",".join(CSV_COLUMNS).encode() + b"\r\n")


def test_downloads_are_the_sources_and_the_clean_text(built_site, corpus):
    for doc in corpus["documents"]:
        source = site_file(built_site, doc["downloads"]["source"]).read_bytes()
        assert source == (ROOT / "sources" / doc["source_file"]).read_bytes()
        assert hashlib.sha256(source).hexdigest() == doc["sha256"]
        text = site_file(built_site, doc["downloads"]["text"]).read_text(encoding="utf-8")
        assert text == "\n\n".join(p["text"] for p in doc["paragraphs"]) + "\n"


def test_document_pages_link_their_downloads(built_site, corpus):
    for doc in corpus["documents"]:
        path = page_file(built_site, doc["page_url"])
        links = soup(path).select(".doc-meta .downloads a")
        targets = {(path.parent / link["href"]).resolve() for link in links}
        # Saved rather than shown: a server that sends text/plain without a charset would garble it.
        assert [link.has_attr("download") for link in links] == [True, True, False]
        for url in (doc["downloads"]["source"], doc["downloads"]["text"], DEFAULT_SITE_URL + CORPUS_JSON):
            assert site_file(built_site, url).resolve() in targets, (doc["id"], url)


def _expected_feed_date(doc) -> date:
    """The feed date promised in the README: the date when known to the day; otherwise the latest
    event's start, kept within the month or year the date is known to."""
    if doc.published and doc.published.day:
        return date(doc.published.year, doc.published.month, doc.published.day)
    start = max(catalog().event(event_id).start for event_id in doc.events)
    latest = date(start.year, start.month or 1, start.day or 1)
    if doc.published is None:
        return latest
    first = date(doc.published.year, doc.published.month or 1, 1)
    last_month = doc.published.month or 12
    last = date(doc.published.year, last_month, calendar.monthrange(doc.published.year, last_month)[1])
    return min(max(latest, first), last)


def test_rss_feed_parses_and_lists_every_document_newest_first(built_site):
    feed = feedparser.parse((built_site / RSS_FEED).read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "rss20"
    links = [entry.link for entry in feed.entries]
    assert sorted(links) == sorted(f"{DEFAULT_SITE_URL}documents/{doc.id}/" for doc in catalog().documents)
    by_url = {f"{DEFAULT_SITE_URL}documents/{doc.id}/": doc for doc in catalog().documents}
    dates = [date(*entry.published_parsed[:3]) for entry in feed.entries]
    assert dates == sorted(dates, reverse=True)
    for entry, published in zip(feed.entries, dates, strict=True):
        doc = by_url[entry.link]
        assert published == _expected_feed_date(doc), doc.id
        assert entry.title == doc.title
        # An undated document is not given a date of publication in what the reader sees.
        assert ("(undated)" in entry.summary) == (doc.published is None)


def test_json_feed_lists_the_same_documents_in_the_same_order(built_site):
    feed = json.loads((built_site / JSON_FEED).read_text(encoding="utf-8"))
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    rss = feedparser.parse((built_site / RSS_FEED).read_bytes())
    assert [item["url"] for item in feed["items"]] == [entry.link for entry in rss.entries]
    assert all(item["title"] and item["date_published"] for item in feed["items"])


def test_every_page_links_the_feeds_from_its_head(built_site):
    for path in pages(built_site):
        head = soup(path).head
        rss = head.find("link", rel="alternate", type="application/rss+xml")
        assert rss and (path.parent / rss["href"]).resolve() == (built_site / RSS_FEED).resolve(), path
        json_feed = head.find("link", rel="alternate", type="application/feed+json")
        assert (path.parent / json_feed["href"]).resolve() == (built_site / JSON_FEED).resolve(), path


def test_json_ld_parses_on_every_page(built_site):
    for path in pages(built_site):
        found = json_lds(soup(path))
        assert len(found) == 1, path
        assert found[0]["@context"] == "https://schema.org" and found[0]["@type"], path


def test_document_json_ld_describes_the_document(built_site, doc):
    (data,) = json_lds(soup(built_site / "documents" / doc.id / "index.html"))
    assert data["@type"] in {"Article", "NewsArticle", "BlogPosting"}
    assert data["headline"] == doc.title and data["url"] == f"{DEFAULT_SITE_URL}documents/{doc.id}/"
    assert data["publisher"] == {"@type": "Organization", "name": doc.publisher}
    assert data["inLanguage"] == doc.language
    assert data.get("datePublished") == (doc.published.iso() if doc.published else None)
    assert data.get("isBasedOn") == doc.url
    assert [event["url"] for event in data["about"]] == [f"{DEFAULT_SITE_URL}events/{e}/" for e in doc.events]
    assert all(event["@type"] == "Event" and event["startDate"] for event in data["about"])
    assert data["encoding"][0]["sha256"] == hashlib.sha256((ROOT / "sources" / doc.file).read_bytes()).hexdigest()


def test_event_json_ld_gives_dates_and_place(built_site, event):
    (data,) = json_lds(soup(built_site / "events" / event.id / "index.html"))
    assert data["@type"] == "Event" and data["name"] == event.name
    assert data["startDate"] == event.start.iso()
    assert data.get("endDate") == (event.end.iso() if event.end else None)
    assert (data.get("location") or {}).get("name") == event.place
    assert {item["url"] for item in data["subjectOf"]} == {
        f"{DEFAULT_SITE_URL}documents/{doc.id}/" for doc in catalog().documents if event.id in doc.events
    }


def test_open_graph_and_twitter_tags_on_every_page(built_site):
    for path in pages(built_site):
        page = soup(path)
        canonical = page.find("link", rel="canonical")["href"]
        assert canonical.startswith(DEFAULT_SITE_URL), path

        def meta(key: str, page=page) -> str | None:
            tag = page.find("meta", attrs={"property": key}) or page.find("meta", attrs={"name": key})
            return tag["content"] if tag else None

        assert meta("og:url") == canonical, path
        assert meta("og:title") and meta("og:description") and meta("og:site_name"), path
        assert meta("twitter:card") == "summary" and meta("twitter:title") == meta("og:title"), path
        is_document = "/documents/" in canonical and not canonical.endswith("/documents/")
        assert meta("og:type") == ("article" if is_document else "website"), path


def test_sitemap_lists_every_page_by_its_absolute_canonical_address(built_site):
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = {loc.text for loc in ET.parse(built_site / "sitemap.xml").getroot().findall("s:url/s:loc", namespace)}
    canonicals = {soup(path).find("link", rel="canonical")["href"] for path in pages(built_site)}
    assert all(loc.startswith(DEFAULT_SITE_URL) for loc in locations)
    assert {f"{DEFAULT_SITE_URL}documents/{doc.id}/" for doc in catalog().documents} <= locations
    assert locations <= canonicals


@pytest.mark.parametrize("offline", [False, True], ids=["served", "offline"])
def test_site_url_from_the_environment_reaches_every_address(tmp_path, offline):
    """Deploying elsewhere (SITE_URL) moves canonical links, the sitemap, the dataset, the feeds and the
    JSON-LD; in the offline build (pages as `<name>.html`) the addresses follow the pages."""
    site_url = "https://texts.example.org/coalition/"
    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    result = mkdocs_build(project, site, env={"SITE_URL": site_url, "OFFLINE": str(offline).lower()})
    assert result.returncode == 0, result.stderr
    data = json.loads((site / CORPUS_JSON).read_text(encoding="utf-8"))
    doc = data["documents"][0]
    page_path = f"documents/{doc['id']}.html" if offline else f"documents/{doc['id']}/index.html"
    assert doc["page_url"] == site_url + page_path.removesuffix("index.html")
    assert doc["paragraphs"][0]["url"].startswith(doc["page_url"] + "#")
    assert data["events"][0]["page_url"].endswith(".html" if offline else "/")
    page = soup(site / page_path)
    assert page.find("link", rel="canonical")["href"] == doc["page_url"]
    assert json_lds(page)[0]["url"] == doc["page_url"]
    assert all(site_file(site, url, site_url).is_file() for url in doc["downloads"].values())
    feed = feedparser.parse((site / RSS_FEED).read_bytes())
    assert len(feed.entries) == len(catalog().documents)
    assert all(entry.link.startswith(site_url) for entry in feed.entries)
    assert f"<loc>{site_url}{'index.html' if offline else ''}</loc>" in (site / "sitemap.xml").read_text("utf-8")


@given(st.text())
def test_json_ld_cannot_close_its_script_element(text):
    written = json_ld({"name": text, "nested": [{"x": text + "</script><!--"}]})
    assert "<" not in written and ">" not in written and "&" not in written
    assert json.loads(written) == {"name": text, "nested": [{"x": text + "</script><!--"}]}


@given(st.lists(st.text(min_size=1).filter(str.strip), min_size=1, max_size=5))
def test_csv_round_trips_any_paragraph_text(texts):
    data = {
        "documents": [
            {
                "id": "a-text",
                "paragraphs": [
                    {"number": n, "anchor": f"p{n}", "url": f"https://x.test/a/#p{n}", "text": text}
                    for n, text in enumerate(texts, start=1)
                ],
            }
        ]
    }
    rows = list(csv.reader(io.StringIO(paragraphs_csv(data), newline="")))
    assert rows[0] == list(CSV_COLUMNS)
    assert [row[4] for row in rows[1:]] == texts


@pytest.mark.browser
@pytest.mark.parametrize("doc_id", ["canada-joint-statement-2022", "blog-repost-africa-communique-2022"])
def test_reader_follows_the_download_links_in_chromium(page, site_url, doc_id, corpus):
    """In a real browser: the page's JSON-LD parses, and the two download links give the exact files."""
    doc = document(doc_id)
    page.goto(f"{site_url}/documents/{doc.id}/")
    data = page.evaluate("JSON.parse(document.querySelector('script[type=\"application/ld+json\"]').textContent)")
    assert data["headline"] == doc.title
    hrefs = page.eval_on_selector_all(".doc-meta .downloads a", "links => links.map(link => link.href)")
    (entry,) = [d for d in corpus["documents"] if d["id"] == doc.id]
    expected_text = "\n\n".join(p["text"] for p in entry["paragraphs"]) + "\n"
    # The bytes as served (a navigation's body would be the browser's re-encoding of what it shows).
    assert page.request.get(hrefs[0]).body() == (ROOT / "sources" / doc.file).read_bytes()
    assert page.request.get(hrefs[1]).body() == expected_text.encode("utf-8")
    assert not page.console_errors

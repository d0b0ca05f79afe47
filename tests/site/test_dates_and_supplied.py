"""Dates the site gives, and metadata it supplies, say exactly what is known.

- No date of a build is the clock's: two plain builds, under different clocks, write byte-identical
  feeds and sitemaps, dated by the data (the newest feed date), and the feeds carry no empty image.
- A feed date for a text known only to the month or year, or undated, is never before the start of
  the latest event it covers (while staying within the period the date is known to).
- Where only part of a date is supplied, only that part is marked: on the page, in the listings, in
  the plain-text citation (in brackets), in the other citation forms and in the dataset; supplied
  addresses are marked too; bad values stop the build with the file, line and field.
- The EIN Presswire item's place is its dateline's, not the meeting's.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
from datetime import date, datetime, timezone
from email.utils import format_datetime
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup

from coalition_texts.analysis import citation
from coalition_texts.analysis.feed_dates import feed_date
from coalition_texts.model.dates import PartialDate
from coalition_texts.model.errors import SourceError
from coalition_texts.model.urls import CORPUS_JSON, RSS_FEED
from coalition_texts.plugin import build_date
from coalition_texts.sources.catalog import load_catalog
from tests.base import ROOT, catalog, copy_project, document, mkdocs_build

EIN, SUN, BLOG, CANADA = (
    "einpresswire-niamey-action-plan-2023",
    "sun-nigeria-nsa-delegation-2022",
    "blog-repost-africa-communique-2022",
    "canada-joint-statement-2022",
)
DATED_FILES = (
    "feed_rss_created.xml",
    "feed_rss_updated.xml",
    "feed_json_created.json",
    "feed_json_updated.json",
    "sitemap.xml",
    "sitemap.xml.gz",
)


def soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")


def words(text: str) -> str:
    return " ".join(text.split())


# --- No date is the clock's -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def two_plain_builds(tmp_path_factory) -> tuple[Path, Path]:
    """The same sources built twice with no SOURCE_DATE_EPOCH of ours, the second under another
    "clock" (a hand-set SOURCE_DATE_EPOCH far from the first build's time, which MkDocs and the
    feed plugin would otherwise take as the build's time)."""
    project = copy_project(tmp_path_factory.mktemp("clock") / "project")
    environment = {key: value for key, value in os.environ.items() if key != "SOURCE_DATE_EPOCH"}
    sites = []
    for name, extra in (("now", {}), ("later", {"SOURCE_DATE_EPOCH": "1999999999"})):  # 2033-05-18
        saved = dict(os.environ)
        os.environ.clear()
        os.environ.update(environment)
        try:
            result = mkdocs_build(project, project / f"site-{name}", env=extra)
        finally:
            os.environ.clear()
            os.environ.update(saved)
        assert result.returncode == 0, result.stderr
        sites.append(project / f"site-{name}")
    return sites[0], sites[1]


def newest_feed_date() -> date:
    return max(date.fromisoformat(feed_date(doc, catalog())) for doc in catalog().documents)


def test_plain_builds_under_different_clocks_write_identical_feeds_and_sitemaps(two_plain_builds):
    first, second = two_plain_builds
    for name in DATED_FILES:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_no_date_in_the_feeds_or_sitemap_is_the_clock(two_plain_builds):
    site, _ = two_plain_builds
    today = datetime.now(timezone.utc)
    clock = {today.date().isoformat(), format_datetime(today)[:16], "2033-05-18", "Wed, 18 May 2033"}
    for name in DATED_FILES:
        data = (site / name).read_bytes()
        text = gzip.decompress(data).decode() if name.endswith(".gz") else data.decode()
        for stamp in clock:
            assert stamp not in text, (name, stamp)
    # The gzip header's time stamp is the data's date too.
    mtime = int.from_bytes((site / "sitemap.xml.gz").read_bytes()[4:8], "little")
    assert datetime.fromtimestamp(mtime, timezone.utc).date() == newest_feed_date()


def test_channel_and_sitemap_are_dated_by_the_newest_text(two_plain_builds):
    site, _ = two_plain_builds
    newest = newest_feed_date()
    feed = feedparser.parse((site / RSS_FEED).read_bytes())
    assert date(*feed.feed.published_parsed[:3]) == newest
    assert date(*feed.feed.updated_parsed[:3]) == newest
    lastmods = set(re.findall(r"<lastmod>([^<]*)</lastmod>", (site / "sitemap.xml").read_text(encoding="utf-8")))
    assert lastmods == {newest.isoformat()}


def test_the_feeds_carry_no_empty_image(two_plain_builds):
    site, _ = two_plain_builds
    rss = (site / RSS_FEED).read_text(encoding="utf-8")
    assert "None" not in rss
    image = re.search(r"<image>\s*<url>([^<]+)</url>", rss)
    assert image, "the channel image is the site's favicon"
    assert (site / image.group(1).removeprefix("http://127.0.0.1:8000/")).is_file()
    assert json.loads((site / "feed_json_created.json").read_text(encoding="utf-8"))["icon"] == image.group(1)


def test_a_build_leaves_source_date_epoch_as_it_found_it():
    before = os.environ.get(build_date.VARIABLE)
    previous = build_date.pin(catalog())
    assert os.environ[build_date.VARIABLE] == str(int(build_date.data_date(catalog()).timestamp()))
    build_date.release(previous)
    assert os.environ.get(build_date.VARIABLE) == before


# --- Feed dates and the events they cover ---------------------------------------------------------


def _first_day(start: PartialDate) -> date:
    return date(start.year, start.month or 1, start.day or 1)


def test_no_feed_date_precedes_the_latest_event_of_a_text_without_a_day():
    for doc in catalog().documents:
        if doc.published is not None and doc.published.day:
            continue
        latest = max(_first_day(catalog().event(event_id).start) for event_id in doc.events)
        assert date.fromisoformat(feed_date(doc, catalog())) >= latest, doc.id
    assert feed_date(document(SUN), catalog()) == "2022-05-11"  # not 1 May, ten days before the meeting
    assert feed_date(document(BLOG), catalog()) == "2022-05-11"


# --- Supplied parts of dates, supplied addresses ---------------------------------------------------


def test_the_catalog_says_which_parts_are_supplied():
    assert document(EIN).date_supplied_parts == ("year",)  # "MOROCCO, March 3": month and day are in the text
    assert document(SUN).date_supplied_parts == ("month", "year")
    assert document(CANADA).date_supplied_parts == ()
    assert {doc.id for doc in catalog().documents if doc.url_supplied} == {EIN, SUN, BLOG}


def test_citations_bracket_only_the_supplied_part():
    url = "https://example.org/documents/x/"
    assert ", 3 March [2023]." in citation.plain_text(document(EIN), url)
    assert ", [May 2022]." in citation.plain_text(document(SUN), url)
    assert ", 12 May 2022." in citation.plain_text(document(CANADA), url)
    note = citation.supplied_note(document(EIN))
    assert "year of the date" in note and "original address" in note
    assert "original address" not in (citation.supplied_note(document(CANADA)) or "")


def test_event_listings_mark_dates_no_text_states(built_site):
    listing = words(soup(built_site, "events").select_one("article").get_text())
    home = words(soup(built_site, "").select_one("article").get_text())
    for text in (listing, home):
        assert "from December 2021 (dates not stated in the texts)" in text  # the Africa Focus Group: ASI
        assert "1–2 March 2023 (dates not stated in the texts)" in text  # Niamey: the Coalition's statement
        assert "11 May 2022 (dates" not in text  # Marrakesh: Morocco's announcement gives the day


def test_pages_and_listings_show_the_supplied_parts(built_site):
    meta = soup(built_site, f"documents/{EIN}").select_one(".doc-meta")
    published = meta.find("dt", string=re.compile("Published")).find_next_sibling("dd")
    assert "supplied: the year (the day and month are in the text)" in words(published.get_text())
    listing = words(soup(built_site, "documents").select_one("article .doc-cards").get_text())
    assert "3 March 2023 (year supplied)" in listing and "May 2022 (supplied)" in listing
    rows = {
        card.select_one(".doc-card__title a").get_text(): words(card.get_text())
        for card in soup(built_site, "documents").select("article li.doc-card")
    }
    ein, canada = document(EIN), document(CANADA)
    assert f"{ein.title} (supplied)" in rows[ein.title] and f"{ein.publisher} (supplied)" in rows[ein.title]
    assert "(supplied)" not in rows[canada.title]
    described = soup(built_site, f"documents/{EIN}").find("meta", attrs={"name": "description"})
    assert f"[{ein.publisher}] (3 March [2023])" in described["content"]
    assert "[" not in soup(built_site, f"documents/{CANADA}").find("meta", attrs={"name": "description"})["content"]
    page = soup(built_site, f"documents/{EIN}")
    plain = page.select_one(".tabbed-block code, .tabbed-block pre").get_text()
    assert "3 March [2023]" in plain


def test_a_supplied_address_is_marked_on_the_page(built_site, doc):
    meta = soup(built_site, f"documents/{doc.id}").select_one(".doc-meta")
    address = meta.find("dt", string=re.compile("Original address")).find_next_sibling("dd")
    flagged = "supplied: not in the text" in words(address.get_text())
    assert flagged == doc.url_supplied


def test_the_dataset_exports_the_supplied_parts(built_site):
    corpus = json.loads((built_site / CORPUS_JSON).read_text(encoding="utf-8"))
    by_id = {doc["id"]: doc for doc in corpus["documents"]}
    assert by_id[EIN]["date_supplied_parts"] == ["year"] and by_id[EIN]["date_supplied"] is True
    assert by_id[SUN]["date_supplied_parts"] == ["month", "year"]
    assert by_id[CANADA]["date_supplied_parts"] == [] and by_id[CANADA]["url_supplied"] is False
    assert by_id[EIN]["url_supplied"] is True


# --- The EIN Presswire item's place ---------------------------------------------------------------


def test_the_ein_item_is_not_placed_in_niamey(built_site):
    assert document(EIN).place == "Morocco"  # its dateline: "MOROCCO, March 3 -"
    page = soup(built_site, f"documents/{EIN}")
    for script in page.select('script[type="application/ld+json"]'):
        data = json.loads(script.string)
        assert "Niamey" not in json.dumps(data.get("locationCreated", {}))
    assert "CY  - Morocco" in citation.ris(document(EIN), "https://example.org/")
    assert citation.csl_json(document(EIN), "https://example.org/")["publisher-place"] == "Morocco"


# --- Bad values stop the build with the file, line and field --------------------------------------

BAD_VALUES = {
    "date_supplied: [decade]": ("date_supplied", "'decade' is not a part of a date"),
    "date_supplied: [day]": ("date_supplied", "has no day"),  # the Sun's date is known to the month
    "date_supplied: [year, year]": ("date_supplied", "names a part twice"),
    "date_supplied: year": ("date_supplied", "must be true, false or a list"),
    "date_supplied: []": ("date_supplied", "must be true, false or a list"),
    "url_supplied: yes please": ("url_supplied", "must be true or false"),
}


@pytest.mark.parametrize("bad", BAD_VALUES)
def test_bad_supplied_values_name_file_line_and_field(tmp_path, bad):
    sources = tmp_path / "sources"
    shutil.copytree(ROOT / "sources", sources)
    catalog = sources / "catalog.yml"
    text = catalog.read_text(encoding="utf-8")
    old = "    published: 2022-05\n    date_supplied: true\n"
    assert old in text
    field = bad.split(":")[0]
    new = old if field == "url_supplied" else "    published: 2022-05\n"
    new += f"    {bad}\n"
    if field == "url_supplied":
        text = text.replace("    url_supplied: true\n    published: 2022-05\n", "    published: 2022-05\n")
    catalog.write_text(text.replace(old, new), encoding="utf-8")
    line = next(n for n, content in enumerate(catalog.read_text().splitlines(), start=1) if content.strip() == bad)
    with pytest.raises(SourceError) as caught:
        load_catalog(sources)
    message = str(caught.value)
    expected_field, problem = BAD_VALUES[bad]
    assert f"catalog.yml, line {line} (document {SUN}, field '{expected_field}')" in message, message
    assert problem in message, message


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ("    url: null\n", "    url: null\n    url_supplied: true\n", "url_supplied"),
        ("    published: null\n", "    published: null\n    date_supplied: true\n", "date_supplied"),
    ],
)
def test_a_supplied_mark_on_nothing_is_refused(tmp_path, old, new, field):
    sources = tmp_path / "sources"
    shutil.copytree(ROOT / "sources", sources)
    catalog = sources / "catalog.yml"
    text = catalog.read_text(encoding="utf-8")
    assert old in text
    catalog.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        load_catalog(sources)
    assert f"field '{field}')" in str(caught.value) and "is null" in str(caught.value)

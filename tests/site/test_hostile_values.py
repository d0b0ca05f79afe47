"""Any value in any data field of `sources/` is text on the site: in HTML, attributes, tooltips, the
search index, the feeds and the JSON-LD; addresses are rebuilt; source files are served as plain text."""

from __future__ import annotations

import json
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.base import SYNTAX
from tests.site.hostile import (
    DOC,
    EVENT,
    HOSTILE,
    HOSTILE_FILE,
    SITE_NAME,
    build_with,
    json_ld_values,
    markup_found,
    normal,
)


def read(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def check_literal(site: Path, value: str) -> None:
    """The value shows as itself wherever a page shows it, and became markup nowhere."""
    for page in site.rglob("*.html"):
        assert markup_found(page.read_text(encoding="utf-8")) == [], page
    expected = normal(value)
    doc = read(site, f"documents/{DOC}/index.html")
    for link in doc.select(".headerlink"):
        link.decompose()
    assert normal(doc.h1.get_text()) == expected
    assert normal(doc.title.get_text()) == f"{expected} - {SITE_NAME}"
    terms, values = doc.select(".doc-meta dt"), doc.select(".doc-meta dd")
    facts = {normal(dt.get_text()): dd for dt, dd in zip(terms, values, strict=True)}
    assert normal(facts["Publisher"].get_text()) == expected
    assert normal(facts["Place"].get_text()) == expected
    codes = [normal(code.get_text()) for code in facts["Source file"].find_all("code")]
    assert codes == [HOSTILE_FILE, expected]
    assert normal(doc.select_one(".md-header__topic:last-child").get_text()) == expected
    description = doc.find("meta", attrs={"name": "description"})["content"]
    assert expected in normal(description)
    assert normal(doc.find("meta", property="og:title")["content"]) == expected
    ld = json_ld_values(str(doc))[0]
    assert normal(ld["headline"]) == expected and normal(ld["publisher"]["name"]) == expected
    assert any(normal(tag.get_text()) == expected for tag in doc.select(".md-tag"))
    event = read(site, f"events/{EVENT}/index.html")
    for link in event.select(".headerlink"):
        link.decompose()
    assert normal(event.h1.get_text()) == expected
    topics = read(site, "reference/topics/index.html")
    assert expected in [normal(dt.get_text()) for dt in topics.find_all("dt")]
    glossary = read(site, "reference/glossary/index.html")
    assert expected in [normal(p.get_text()) for p in glossary.find_all("strong")]
    for abbr in doc.select("p.para abbr"):  # the tooltip, drawn as HTML by Material: one level of escaping
        assert normal(BeautifulSoup(abbr["title"], "html.parser").get_text()) == f"{expected}: {expected}"


def test_every_hostile_value_is_text_in_the_built_html(hostile_site):
    check_literal(hostile_site, HOSTILE)


def test_addresses_are_rebuilt_and_name_only_their_host(hostile_site):
    doc = read(hostile_site, f"documents/{DOC}/index.html")
    addresses = [a["href"] for a in doc.find_all("a", href=True) if a["href"].startswith("https://example.org")]
    assert addresses, "the document's address and the date note's link are shown"
    for address in addresses:
        assert urlsplit(address).hostname == "example.org"
        assert not set("<>\"' ") & set(address), address
    timeline = read(hostile_site, "overview/timeline/index.html")
    sources = timeline.select(".evidence a[title]")
    assert sources, "public sources are cited on the timeline"
    for link in sources:
        assert urlsplit(link["href"]).hostname == "example.org"
        assert normal(BeautifulSoup(link["title"], "html.parser").get_text()) == normal(HOSTILE)


def test_source_files_are_published_as_plain_text_under_the_sites_name(hostile_site):
    published = sorted(path.name for path in (hostile_site / "data" / "sources").iterdir())
    assert f"{DOC}.txt" in published and all(name.endswith(".txt") for name in published)
    assert (
        not list(hostile_site.rglob("*.html.html")) and not (hostile_site / "data" / "sources" / HOSTILE_FILE).exists()
    )


def test_feeds_carry_the_values_as_text(hostile_site):
    rss = ET.parse(hostile_site / "feed_rss_created.xml").getroot()
    item = next(i for i in rss.iter("item") if DOC in i.findtext("link"))
    assert normal(item.findtext("title")) == normal(HOSTILE)
    description = item.findtext("description")  # HTML, as feed readers take it
    assert markup_found(description) == [] and normal(HOSTILE) in normal(
        BeautifulSoup(description, "html.parser").get_text()
    )
    feed = json.loads((hostile_site / "feed_json_created.json").read_text(encoding="utf-8"))
    entry = next(i for i in feed["items"] if DOC in i["url"])
    assert normal(entry["title"]) == normal(HOSTILE)
    assert markup_found(entry["content_html"]) == []
    assert normal(HOSTILE) in normal(BeautifulSoup(entry["content_html"], "html.parser").get_text())


def test_search_index_holds_the_values_as_html_text(hostile_site):
    index = json.loads((hostile_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    for entry in index["docs"]:
        for field in ("title", "text", "heading", "variants"):
            assert markup_found(entry.get(field, "")) == [], (entry["location"], field)
        assert markup_found(entry.get("topics", "")) == [], (entry["location"], "topics")
    page = next(e for e in index["docs"] if e["location"] == f"documents/{DOC}/")
    title = BeautifulSoup(page["title"], "html.parser")
    title.select_one(".kind-badge").decompose()  # the site's own badge of the kind of source follows the title
    assert normal(title.get_text()) == normal(HOSTILE)
    assert normal(HOSTILE) in normal(BeautifulSoup(page["topics"], "html.parser").get_text())


# Values as a contributor might write them: any characters (but controls, which YAML files cannot hold
# as such), with Markdown, HTML and template syntax mixed in.
CHARACTERS = st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\u2028\u2029\x85\ufeff")
VALUE = st.lists(st.one_of(st.sampled_from(tuple(filter(str.strip, SYNTAX))), st.text(CHARACTERS, max_size=8)),
                 min_size=1, max_size=12).map("".join).filter(lambda v: normal(v) != "")  # fmt: skip


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(VALUE)
def test_any_value_in_any_field_renders_literally(value):
    """Each example is one whole-site build with the value in every field at once."""
    with tempfile.TemporaryDirectory() as folder:
        check_literal(build_with(value, Path(folder)), value)

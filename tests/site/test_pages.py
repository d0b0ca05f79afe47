"""The built site shows every source paragraph word for word, with its metadata, in a strict build."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from coalition_texts.sources.texts import read_source
from tests.base import ROOT, catalog, copy_project, mkdocs_build


def words(text: str) -> list[str]:
    return text.split()


def soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_every_paragraph_is_verbatim_in_order(built_site, doc):
    source = read_source(ROOT / "sources" / doc.file, doc.strip, doc.id)
    shown = soup(built_site, f"documents/{doc.id}").select(".doc-text p.para")
    assert [words(p.get_text()) for p in shown] == [words(p.text) for p in source.paragraphs]
    assert all(p.get("id") and p.find("a", href=f"#{p['id']}") for p in shown)


def test_every_word_of_the_file_is_shown_or_listed_as_removed(built_site, doc):
    """Text plus the declared furniture, in file order, is the whole file."""
    raw = (ROOT / "sources" / doc.file).read_text(encoding="utf-8-sig")
    page = soup(built_site, f"documents/{doc.id}")
    shown = [p.get_text() for p in page.select(".doc-text p.para")]
    removed = [q.get_text() for q in page.select(".furniture li q")]
    assert sorted(words(" ".join(shown + removed))) == sorted(words(raw))
    assert [line.strip() for line in raw.splitlines() if line.strip() in doc.strip] == removed


def test_document_page_shows_its_metadata(built_site, doc):
    page = soup(built_site, f"documents/{doc.id}")
    meta = page.select_one(".doc-meta").get_text(" ")
    assert doc.publisher in meta
    assert doc.kind_label in meta
    assert hashlib.sha256((ROOT / "sources" / doc.file).read_bytes()).hexdigest() in meta
    assert (doc.published.human() if doc.published else "Unknown") in meta
    if doc.url:
        assert page.select_one(f'.doc-meta a[href="{doc.url}"]')
    if doc.title_supplied or doc.date_supplied or doc.publisher_supplied:
        assert "supplied" in meta
    heading = page.find("h1")
    for permalink in heading.select(".headerlink"):
        permalink.decompose()
    assert heading.get_text().strip() == doc.title
    description = page.find("meta", attrs={"name": "description"})["content"]
    assert doc.publisher in description


def test_front_matter_has_the_promised_fields(built_site):
    import yaml

    generated = built_site.parent / "docs" / "documents"  # the built copy's pages: a fresh clone has none
    for doc in catalog().documents:
        text = (generated / f"{doc.id}.md").read_text(encoding="utf-8")
        meta = yaml.safe_load(text.split("---\n")[1])
        for key in ("title", "date", "publisher", "source_url", "kind", "events", "language", "source_file",
                    "source_sha256", "description", "paragraphs", "words"):  # fmt: skip
            assert key in meta, (doc.id, key)
        assert meta["source_sha256"] == hashlib.sha256((ROOT / "sources" / doc.file).read_bytes()).hexdigest()


def test_sources_are_the_seeds_byte_for_byte():
    seeds = ROOT.parent / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.skip("../shared/seeds is not beside this checkout")
    for doc in catalog().documents:
        assert (ROOT / "sources" / doc.file).read_bytes() == (seeds / doc.original_file).read_bytes()


def test_home_lists_documents_and_events(built_site):
    home = soup(built_site, ".")
    for doc in catalog().documents:
        assert home.select_one(f'a[href="documents/{doc.id}/"]'), doc.id
    for event in catalog().events:
        assert home.select_one(f'a[href="events/{event.id}/"]'), event.id


def test_event_page_lists_its_documents(built_site, event):
    page = soup(built_site, f"events/{event.id}")
    listed = {a["href"].split("/")[-2] for a in page.select('.doc-cards a[href*="documents/"]')}
    assert listed == {d.id for d in catalog().documents if event.id in d.events}
    assert event.when() in page.get_text()


def test_furniture_is_disclosed_not_hidden(built_site):
    page = soup(built_site, "documents/blog-repost-africa-communique-2022")
    details = page.select_one("details.furniture")
    assert details is not None and "4 lines" in details.summary.get_text()
    assert "top of page" not in " ".join(p.get_text() for p in page.select(".doc-text p.para"))


def test_sidebar_does_not_list_documents(built_site):
    nav = soup(built_site, "documents").select_one("nav.md-nav--primary")
    assert not nav.select('a[href$="canada-joint-statement-2022/"]')


def scripts(page: Path) -> list[dict[str, str]]:
    """The `<script src>` elements of a built page: their address and attributes."""
    html = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    return [{key: str(value) for key, value in element.attrs.items()} for element in html.select("script[src]")]


def test_the_file_system_shim_is_in_the_offline_build_only(built_site, offline_site):
    """The iframe-worker shim lets search run from file://: in the offline build, each page loads it (the
    local copy, mkdocs.yml's extra.polyfills); served, it would only hold up the first paint
    (coalition_texts/plugin/plugin.py leaves it out)."""
    shim = "javascripts/iframe-worker-shim.js"
    for page in sorted(built_site.rglob("*.html")):
        assert not [s["src"] for s in scripts(page) if "iframe-worker" in s["src"]], page
    pages = sorted(offline_site.rglob("*.html"))
    assert len(pages) == len(list(built_site.rglob("*.html")))
    for page in pages:
        (src,) = [s["src"] for s in scripts(page) if "iframe-worker" in s["src"]]
        assert src.endswith(shim) and "//" not in src, (page, src)  # the local copy, not a CDN's
    assert (offline_site / shim).is_file()


@pytest.mark.parametrize("build", ["built_site", "offline_site"])
def test_no_script_holds_up_the_first_paint(request, build):
    """Every script file a served page loads is deferred (overrides/main.html adds `defer` to Material's bundle),
    and search-rank.js comes just before the bundle, so that it wraps the Worker before the bundle creates the
    search worker. The offline build's file:// shim is the one script in the head, where it must run first."""
    site = request.getfixturevalue(build)
    for page in sorted(site.rglob("*.html")):
        loaded = [s for s in scripts(page) if "iframe-worker" not in s["src"]]
        assert loaded and all("defer" in script for script in loaded), page
        names = [script["src"].rsplit("/", 1)[-1] for script in loaded]
        bundle = next(i for i, name in enumerate(names) if re.fullmatch(r"bundle\.[0-9a-f]+\.min\.js", name))
        assert names[bundle - 1] == "search-rank.js", (page, names)


def test_the_filters_script_loads_on_the_documents_list_only(built_site):
    """docs/javascripts/document-filters.js, deferred, on documents/index.html (its front matter names it)."""
    loaded = {
        str(page.relative_to(built_site)): found
        for page in sorted(built_site.rglob("*.html"))
        if (found := [s for s in scripts(page) if "document-filters" in s["src"]])
    }
    assert list(loaded) == ["documents/index.html"]
    (script,) = loaded["documents/index.html"]
    assert script["src"] == "../javascripts/document-filters.js" and "defer" in script


def test_no_web_fonts_from_other_hosts(built_site):
    html = (built_site / "index.html").read_text()
    assert "fonts.googleapis" not in html and "fonts.gstatic" not in html


def test_rebuilds_are_byte_identical(tmp_path):
    project = copy_project(tmp_path / "project")
    first, second = tmp_path / "one", tmp_path / "two"
    env = {"SOURCE_DATE_EPOCH": "1700000000"}
    assert mkdocs_build(project, first, env=env).returncode == 0
    generated = {p: p.read_bytes() for p in (project / "docs").rglob("*") if p.is_file()}
    assert mkdocs_build(project, second, env=env).returncode == 0
    assert {p: p.read_bytes() for p in (project / "docs").rglob("*") if p.is_file()} == generated
    files_one = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    files_two = sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert files_one == files_two
    for name in files_one:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_new_document_through_the_catalog_alone(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "sources" / "new-text.txt").write_text(
        "Header to drop\n\nA sixth text about the Marrakech meeting.\nSecond line.\n\nAnother paragraph.\n",
        encoding="utf-8",
    )
    with (project / "sources" / "catalog.yml").open("a", encoding="utf-8") as catalog:
        catalog.write(
            "\n  - id: sixth-text\n    file: new-text.txt\n    title: A sixth text\n    publisher: Someone\n"
            "    published: 2022-06\n    kind: news-report\n    events: [marrakesh-ministerial-2022]\n"
            "    language: en\n    strip: [Header to drop]\n"
        )
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    home = (site / "index.html").read_text()
    assert 'href="documents/sixth-text/"' in home
    page = BeautifulSoup((site / "documents/sixth-text/index.html").read_text(), "html.parser")
    assert [p.get_text() for p in page.select(".doc-text p.para")] == [
        "A sixth text about the Marrakech meeting. Second line.",
        "Another paragraph.",
    ]
    assert re.search(r"June 2022", page.select_one(".doc-meta").get_text())

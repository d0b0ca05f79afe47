"""Kinds of source (sources/kinds.yml) and short names (catalog `short_name`): the data, its checks, its use.

What a reader sees of them in Chromium is in test_document_lists_browser.py and test_search_browser.py.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from coalition_texts.model.errors import SourceError
from coalition_texts.model.records import ORIGINS
from coalition_texts.pages.kinds import kind_badge
from coalition_texts.pages.markdown import md_breakable
from coalition_texts.sources.catalog import load_catalog
from coalition_texts.sources.kinds import KINDS_FILE, load_kinds
from tests.base import ROOT, catalog, copy_project, document, mkdocs_build, one_build_error


def soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")


def scratch_sources(tmp_path: Path) -> Path:
    """The three files load_catalog reads, copied to change freely."""
    sources = tmp_path / "sources"
    sources.mkdir()
    for name in ("catalog.yml", "events.yml", KINDS_FILE):
        shutil.copy(ROOT / "sources" / name, sources / name)
    return sources


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, text: str) -> int:
    """The line of `path` (in the checkout) that starts with `text`: messages must name it."""
    lines = (ROOT / "sources" / path).read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if line.startswith(text))


# --- The data -------------------------------------------------------------------------------------


def test_each_text_has_the_kind_it_is():
    """As ../shared/context.md and the texts say: checked by hand, so a changed kind is a decision."""
    kinds = {doc.id: doc.kind for doc in catalog().documents}
    assert kinds == {
        "canada-joint-statement-2022": "official-statement",  # the ministers' joint statement, as Canada published it
        "morocco-mfa-announcement-2022": "press-release",  # the foreign ministry's announcement of the meeting
        "sun-nigeria-nsa-delegation-2022": "news-report",  # a newspaper report quoting a government statement
        "einpresswire-niamey-action-plan-2023": "news-wire",  # a government-news wire item
        "blog-repost-africa-communique-2022": "repost",  # an anonymous blog repost of the communiqué
    }


def test_every_kind_is_labelled_explained_and_distinct():
    kinds = load_kinds(ROOT / "sources" / KINDS_FILE)
    assert len({kind.label for kind in kinds}) == len(kinds)
    for kind in kinds:
        assert kind.label.strip() and len(kind.description.split()) >= 8
        assert kind.origin in ORIGINS
    # The anonymous repost never looks like the ministers' statement: other words and another style.
    blog, canada = document("blog-repost-africa-communique-2022"), document("canada-joint-statement-2022")
    assert blog.kind_label != canada.kind_label
    assert blog.kind_info.origin == "unattributed" and canada.kind_info.origin == "first-hand"
    assert kind_badge(blog) != kind_badge(canada).replace(canada.kind_label, blog.kind_label)


def test_citation_types_come_with_the_kind():
    ein = document("einpresswire-niamey-action-plan-2023").kind_info
    assert (ein.ris_type, ein.schema_type, ein.author_is_publisher) == ("NEWS", "NewsArticle", False)
    canada = document("canada-joint-statement-2022").kind_info
    assert canada.author_is_publisher and canada.ris_type == "GOVDOC"


# --- Bad kinds: one message naming the file, the line and the field -----------------------------


REPORT = "    origin: reported\n    csl_type: article-newspaper"
FIRST_AUTHOR = "    author_is_publisher: true\n\n  - id: press-release"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("    label: News report\n", "", "line 35 (kind news-report): the required field 'label' is missing"),
        (REPORT, REPORT.replace("reported", "hearsay"),
         "line 40 (kind news-report, field 'origin'): unknown origin 'hearsay'"),
        ("  - id: news-wire", "  - id: news-report",
         "line 46 (kind news-report, field 'id'): duplicate id 'news-report'"),
        (FIRST_AUTHOR, FIRST_AUTHOR.replace("true", "yes please"),
         "line 22 (kind official-statement, field 'author_is_publisher'): must be true or false"),
        ("    schema_type: BlogPosting\n", "    schema_type: BlogPosting\n    colour: red\n",
         "line 67 (kind repost, field 'colour'): unknown field 'colour'"),
        ("kinds:\n", "kinds: [\n", "is not valid YAML"),
    ],
)  # fmt: skip
def test_bad_kinds_file_names_file_line_and_field(tmp_path, old, new, expected):
    sources = scratch_sources(tmp_path)
    replace(sources / KINDS_FILE, old, new)
    with pytest.raises(SourceError) as error:
        load_catalog(sources)
    message = str(error.value)
    assert KINDS_FILE in message and expected in message, message
    assert message.count("\n") == 0


def test_unknown_kind_in_the_catalog_names_file_line_and_field(tmp_path):
    sources = scratch_sources(tmp_path)
    replace(sources / "catalog.yml", "    kind: repost\n", "    kind: blog\n")
    with pytest.raises(SourceError) as error:
        load_catalog(sources)
    message = str(error.value)
    line = line_of(Path("catalog.yml"), "    kind: repost")
    expected = (
        f"catalog.yml, line {line} (document blog-repost-africa-communique-2022, field 'kind'): unknown kind 'blog'"
    )
    assert expected in message
    assert "sources/kinds.yml" in message and "official-statement" in message


def test_unknown_kind_stops_the_build_with_one_message(tmp_path):
    project = copy_project(tmp_path / "project")
    replace(project / "sources/catalog.yml", "    kind: repost\n", "    kind: blog\n")
    error = one_build_error(mkdocs_build(project, tmp_path / "site"))
    line = line_of(Path("catalog.yml"), "    kind: repost")
    assert f"sources/catalog.yml, line {line} (document blog-repost-africa-communique-2022, field 'kind')" in error


# --- Short names -----------------------------------------------------------------------------------


def test_each_text_has_one_short_name():
    names = {doc.id: doc.short_name for doc in catalog().documents}
    assert names == {
        "canada-joint-statement-2022": "Joint statement",
        "blog-repost-africa-communique-2022": "Blog repost",
        "morocco-mfa-announcement-2022": "Moroccan announcement",
        "sun-nigeria-nsa-delegation-2022": "The Sun",
        "einpresswire-niamey-action-plan-2023": "EIN Presswire",
    }


def test_short_name_defaults_to_the_publisher(tmp_path):
    sources = scratch_sources(tmp_path)
    replace(sources / "catalog.yml", "    short_name: The Sun\n", "")
    sun = next(doc for doc in load_catalog(sources).documents if doc.id == "sun-nigeria-nsa-delegation-2022")
    assert sun.short_name == "The Sun (Nigeria)"


def test_empty_short_name_names_file_line_and_field(tmp_path):
    sources = scratch_sources(tmp_path)
    replace(sources / "catalog.yml", "    short_name: The Sun\n", "    short_name: ''\n")
    with pytest.raises(SourceError) as error:
        load_catalog(sources)
    line = line_of(Path("catalog.yml"), "    short_name: The Sun")
    assert f"catalog.yml, line {line} (document sun-nigeria-nsa-delegation-2022, field 'short_name')" in str(
        error.value
    )


def test_an_address_breaks_only_after_a_slash_or_dot():
    assert md_breakable("promotemoroccoinir.wixsite.com/morinirl") == (
        "promotemoroccoinir\\.<wbr>wixsite\\.<wbr>com/<wbr>morinirl"
    )
    assert md_breakable("The Sun") == "The Sun"


def test_short_names_are_used_wherever_a_text_is_named_in_passing(built_site):
    """Evidence links, shared-passage notes, comparisons: the catalog's short name, never the publisher."""
    timeline = soup(built_site, "overview/timeline").get_text(" ")
    assert "Joint statement ¶" in timeline
    canada = soup(built_site, "documents/canada-joint-statement-2022")
    notes = " ".join(" ".join(n.get_text().split()) for n in canada.select(".passage-note"))
    assert "Blog repost, ¶" in notes and "The Sun, ¶" in notes
    assert "wixsite" not in notes and "The Sun (Nigeria)" not in notes
    for page in (built_site / "compare").glob("*--*/index.html"):
        html = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        heading = " ".join(html.h1.get_text().replace("¶", "").split())
        assert heading.startswith("Shared passages: ")
        assert "Global Affairs Canada" not in heading and "wixsite" not in heading
        names = {doc.short_name for doc in catalog().documents}
        assert {th.get_text().strip() for th in html.select(".passage-compare th")} <= names


def test_kind_badge_is_the_same_everywhere(built_site, doc):
    """Documents list, home page, document page and each event page show the one badge of the text's kind."""
    expected = BeautifulSoup(kind_badge(doc), "html.parser").span
    places = [("documents", f'li.doc-card:has(a[href="{doc.id}/"]) .kind-badge'),
              (".", f'li.doc-card:has(a[href="documents/{doc.id}/"]) .kind-badge'),
              (f"documents/{doc.id}", "article .doc-byline .kind-badge")]  # fmt: skip
    places += [
        (f"events/{event}", f'li.doc-card:has(a[href="../../documents/{doc.id}/"]) .kind-badge') for event in doc.events
    ]
    for page, selector in places:
        badge = soup(built_site, page).select_one(selector)
        assert badge is not None, (page, selector)
        assert badge.get_text() == expected.get_text() == doc.kind_label
        assert badge["class"] == expected["class"], page


def test_about_page_explains_every_kind(built_site):
    about = soup(built_site, "about")
    section = about.select_one(".kind-list")
    assert about.find(id="kinds-of-source") and section
    terms = [dt.get_text() for dt in section.select("dt")]
    assert terms == [kind.label for kind in catalog().kinds]
    text = " ".join(section.get_text().split())
    for kind in catalog().kinds:
        assert " ".join(kind.description.split()) in text

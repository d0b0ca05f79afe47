"""The site's own prose: event pages, timeline and differences cite a paragraph for every fact.

Checked on the built HTML: every paragraph link on every page lands on an existing anchor; every
sentence that states a fact on the event, timeline and differences pages carries a link to a
paragraph or to a public source listed in sources/editorial/sources.yml; each event page lists its
documents and links to the other events; the home page reaches any paragraph in three clicks;
breadcrumbs say where a reader is. Bad editorial input stops the build with its file and line.
"""

from __future__ import annotations

import re
from collections import deque
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup, Tag
from hypothesis import given
from hypothesis import strategies as st

from coalition_texts.build import main as build_main
from tests.base import catalog, copy_project, mkdocs_build, source_data
from tests.base import links as checkout_links

PARAGRAPH_HREF = re.compile(r"(?:^|/)documents/(?P<doc>[^/#]+)/#(?P<anchor>p[0-9]+)$")

# Words after which a full stop does not end a sentence (titles, initials, "U.S.").
ABBREVIATIONS = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Gen|Maj|Col|St|No|Nos|vs|etc|e\.g|i\.e)|\b[A-Z]|\b(?:[A-Z]\.)+[A-Z])$"
)
SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s+|$)")
MIN_WORDS = 4  # shorter runs ending in a full stop are labels or figures, not statements


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """`editorial_page`: every page of the site's own prose (each event's page, the timeline, the differences)."""
    if "editorial_page" in metafunc.fixturenames:
        pages = [f"events/{event_id}" for event_id in event_ids()] + ["overview/timeline", "overview/differences"]
        metafunc.parametrize("editorial_page", pages)


def event_ids() -> list[str]:
    return [event.id for event in catalog().events]


def public_urls() -> set[str]:
    """The addresses of sources/editorial/sources.yml's public sources."""
    return {source["url"] for source in source_data("editorial/sources.yml")["public_sources"]}


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text`: it ends at . ! or ? (and closing quotes) before a space."""
    spans, start = [], 0
    for match in SENTENCE_END.finditer(text):
        before = text[start : match.start()]
        if match.group(0).startswith(".") and ABBREVIATIONS.search(before):
            continue
        spans.append((start, match.end()))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def is_statement(text: str) -> bool:
    return bool(SENTENCE_END.search(text.rstrip())) and len(text.split()) >= MIN_WORDS


@given(st.lists(st.sampled_from(["The", "Ministers", "met", "U.S.", "Mr.", "J.", "in", "Marrakesh.", "It", "“ISIS.”"])))
def test_sentence_spans_cover_the_text_in_order(words):
    text = " ".join(words)
    spans = sentences(text)
    assert "".join(text[s:e] for s, e in spans).split() == text.split()
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))


def test_sentence_splitting_knows_titles_and_initials():
    text = "Antony J. Blinken and the U.S. Secretary met Mr. Bourita. Major-Gen. Monguno led it! Was it? Yes."
    assert [text[s:e].strip() for s, e in sentences(text)] == [
        "Antony J. Blinken and the U.S. Secretary met Mr. Bourita.",
        "Major-Gen. Monguno led it!",
        "Was it?",
        "Yes.",
    ]


def soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")


def resolve(page: str, href: str) -> tuple[str, str] | None:
    """The site path (like 'documents/x/') and fragment a link on `page` leads to; None if external."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith("mailto:"):
        return None
    base = PurePosixPath(page) if page else PurePosixPath(".")
    target = (base / unquote(parts.path)) if parts.path else base
    normal: list[str] = []
    for part in target.parts:
        if part == "..":
            normal.pop()
        elif part != ".":
            normal.append(part)
    path = "/".join(normal)
    if path.endswith("index.html"):
        path = path[: -len("index.html")]
    return (path.rstrip("/") + "/" if path else ""), parts.fragment


def is_evidence(page: str, link: Tag) -> bool:
    href = link.get("href", "")
    if href in public_urls():
        return True
    target = resolve(page, href)
    return bool(target and PARAGRAPH_HREF.search(target[0] + "#" + target[1]))


def statements_without_evidence(page: str, html: BeautifulSoup) -> list[str]:
    """The site's own sentences on `page` that state something and carry no evidence link."""
    article = html.select_one("article.md-content__inner")
    # The page's list of glossary terms (glossary.PageTerms) repeats the glossary's entries, each with its
    # evidence after it, as on the glossary page (tests/site/test_reader_first.py checks that it is there).
    for skip in article.select(".site-note, .headerlink, .md-source-file, .doc-text, q, blockquote, .page-terms"):
        skip.decompose()
    missing = []
    blocks = article.select("p, li, dd, td")
    for block in blocks:
        if block.select_one("p, li, dd, td, ul, ol, dl, table"):
            continue  # the inner blocks are checked one by one
        text, cited = "", []
        for node in block.descendants:
            if isinstance(node, str):
                inside = node.find_parent("a")
                if inside is not None and is_evidence(page, inside):
                    cited.append((len(text), len(text) + len(node)))
                text += node
        if not "".join(s for s in block.strings if s.find_parent("a") is None).strip():
            continue  # nothing but links, like a document's title in a table: no statement of the site's own
        for start, end in sentences(text):
            sentence = text[start:end].strip()
            if is_statement(sentence) and not any(s < end and e > start for s, e in cited):
                missing.append(sentence)
    return missing


def test_every_statement_carries_evidence(built_site, editorial_page):
    page = editorial_page
    html = soup(built_site, page)
    counted = sum(
        is_statement(html_text)
        for html_text in (b.get_text() for b in html.select("article p, article li, article dd, article td"))
    )
    assert counted >= 5, f"{page}: the check found almost nothing to check"
    assert statements_without_evidence(page, html) == []


def test_a_statement_without_evidence_is_caught():
    """The check itself: a sentence with only a page link, or none, is reported; a cited one is not."""
    page = "events/x"
    html = BeautifulSoup(
        '<article class="md-content__inner"><p>The ministers met in Marrakesh on 11 May 2022 '
        '<a href="../../documents/canada-joint-statement-2022/#p3">Joint statement ¶\u00a03</a>. '
        'Benin joined the Coalition at the meeting <a href="../../documents/blog/">Blog</a>.</p>'
        '<p class="site-note">This page has guidance for readers only.</p>'
        "<ul><li>Under Secretary Victoria Nuland represented the United States.</li></ul></article>",
        "html.parser",
    )
    assert statements_without_evidence(page, html) == [
        "Benin joined the Coalition at the meeting Blog.",
        "Under Secretary Victoria Nuland represented the United States.",
    ]


def all_pages(site: Path) -> list[str]:
    folders = (p.parent.relative_to(site).as_posix() for p in site.rglob("index.html"))
    return sorted("" if folder == "." else folder for folder in folders)


def anchors_on(site: Path, path: str, cache: dict) -> set[str]:
    if path not in cache:
        file = site / path / "index.html"
        html = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser") if file.is_file() else None
        cache[path] = {tag["id"] for tag in html.select("[id]")} if html else None
    return cache[path]


def test_every_paragraph_link_on_every_page_resolves(built_site):
    cache: dict[str, set[str] | None] = {}
    checked, broken = 0, []
    for page in all_pages(built_site):
        base = page + "/" if page else ""
        for link in soup(built_site, page).select("a[href]"):
            target = resolve(base, link["href"])
            if not target or not PARAGRAPH_HREF.search(target[0] + "#" + target[1]):
                continue
            checked += 1
            anchors = anchors_on(built_site, target[0], cache)
            if anchors is None or target[1] not in anchors:
                broken.append(f"{page or 'home'}: {link['href']}")
    assert checked > 100 and broken == []


def test_evidence_links_land_on_a_paragraph_of_text(built_site, editorial_page):
    """Not on a removal notice: the build refuses retired anchors, and the pages agree."""
    page = editorial_page
    base = page + "/"
    for link in soup(built_site, page).select("article a[href]"):
        target = resolve(base, link["href"])
        if target and PARAGRAPH_HREF.search(target[0] + "#" + target[1]):
            para = soup(built_site, target[0].rstrip("/")).find(id=target[1])
            assert para is not None and para.name == "p" and "para" in para["class"], link["href"]


def test_quoted_words_are_in_the_paragraph_they_link_to(built_site):
    page = "overview/differences"
    quotes = [a for a in soup(built_site, page).select("article td a[href]") if a.get_text().startswith("“")]
    assert len(quotes) >= 15
    for link in quotes:
        path, anchor = resolve(page + "/", link["href"])
        words = " ".join(soup(built_site, path.rstrip("/")).find(id=anchor).get_text().split())
        assert link.get_text().strip("“”") in words, link["href"]


def test_differences_page_covers_what_the_issue_names(built_site):
    text = " ".join(soup(built_site, "overview/differences").select_one("article").get_text().split())
    for words in ("83-member", "84 states", "eighty-five", "11.05.2022", "May 12 2022", "Marrakech", "Marrakesh",
                  "Daesh/ISIS", "ISIS-Khorasan", "against Daesh", "leaves out"):  # fmt: skip
        assert words in text, words


def test_timeline_runs_from_2014_to_niamey_in_order(built_site):
    html = soup(built_site, "overview/timeline")
    years = [int(h2.get_text().strip("#").strip()) for h2 in html.select("article h2:not(#terms-on-this-page)")]
    assert years == sorted(years) and years[0] == 2014 and years[-1] == 2023
    assert 2018 in years
    entries = html.select("article dd")
    assert all(entry.select("span.evidence a") for entry in entries)
    events = {a["href"] for a in html.select("article dd a[href*='events/']")}
    assert {f"../../events/{event_id}/" for event_id in event_ids()} <= events


def test_event_page_lists_documents_and_links_other_events(built_site, event):
    html = soup(built_site, f"events/{event.id}")
    listed = {a["href"].split("/")[-2] for a in html.select('.doc-cards a[href*="documents/"]')}
    assert listed == {d.id for d in catalog().documents if event.id in d.events}
    links = {a["href"] for a in html.select("article a[href]")}
    for other in event_ids():
        if other != event.id:
            assert f"../{other}/" in links, other
    assert html.select("article h2")[0].get_text().strip("#").strip() != "Documents", "no text before the list"


def test_home_leads_with_the_events_and_the_timeline(built_site):
    html = soup(built_site, "")
    first_section = html.select_one("article h2").find_next("div", class_="grid")
    hrefs = [a["href"] for a in first_section.select("a[href]")]
    for event_id in event_ids():
        assert f"events/{event_id}/" in hrefs
    assert "overview/timeline/" in hrefs and "overview/differences/" in hrefs


def clicks_to_paragraphs(site: Path) -> dict[tuple[str, str], int]:
    """Breadth-first from the home page: the fewest clicks to each (page, #pN) of a document."""
    depth = {"": 0}
    reached: dict[tuple[str, str], int] = {}
    queue = deque([""])
    while queue:
        page = queue.popleft()
        if depth[page] >= 3:
            continue
        file = site / page / "index.html"
        if not file.is_file():
            continue
        for link in BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser").select("a[href]"):
            target = resolve(page, link["href"])
            if target is None:
                continue
            path, fragment = target
            if fragment:
                reached.setdefault((path, fragment), depth[page] + 1)
            if path not in depth:
                depth[path] = depth[page] + 1
                queue.append(path)
    return reached


def paragraphs(site: Path, doc_ids) -> list[tuple[str, str]]:
    return [
        (f"documents/{doc_id}/", p["id"])
        for doc_id in doc_ids
        for p in soup(site, f"documents/{doc_id}").select(".doc-text p.para[id]")
    ]


def test_home_reaches_every_paragraph_in_three_clicks(built_site):
    reached = clicks_to_paragraphs(built_site)
    wanted = paragraphs(built_site, [doc.id for doc in catalog().documents])
    assert len(wanted) == sum(1 for _ in wanted) > 40
    assert [p for p in wanted if reached.get(p, 99) > 3] == []


def test_home_reaches_every_paragraph_in_three_clicks_with_many_documents(tmp_path):
    """Beyond the home page's table of newest documents, the listing is one click further."""
    project = copy_project(tmp_path / "project")
    entries = []
    for n in range(30):
        (project / "sources" / f"extra-{n}.txt").write_text(
            f"Extra text {n} about the Marrakesh meeting.\n\nIts second paragraph, number {n}.\n", encoding="utf-8"
        )
        entries.append(
            f"\n  - id: extra-{n}\n    file: extra-{n}.txt\n    title: Extra text {n}\n    publisher: Someone\n"
            f"    published: 2021-01\n    kind: news-report\n    events: [marrakesh-ministerial-2022]\n"
            "    language: en\n"
        )
    with (project / "sources" / "catalog.yml").open("a", encoding="utf-8") as catalog_file:
        catalog_file.write("".join(entries))
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    reached = clicks_to_paragraphs(site)
    wanted = paragraphs(site, [f"extra-{n}" for n in range(30)] + [doc.id for doc in catalog().documents])
    assert [p for p in wanted if reached.get(p, 99) > 3] == []
    assert max(reached[p] for p in wanted) == 3, "the oldest documents are only on the listing page"


@pytest.mark.parametrize(
    ("page", "section"),
    [
        ("events/niamey-meeting-2023", "Events"),
        ("events", "Events"),
        ("overview/timeline", "Events"),
        ("overview/differences", "Events"),
        ("documents", "Documents"),
        ("documents/canada-joint-statement-2022", "Documents"),
    ],
)
def test_breadcrumbs_and_tab_say_where_the_reader_is(built_site, page, section):
    html = soup(built_site, page)
    trail = [a.get_text(strip=True) for a in html.select("nav.md-path a")]
    assert trail == ["Home", section]
    assert [a.get_text(strip=True) for a in html.select(".md-tabs__item--active a")] == [section]


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 375])
def test_one_click_from_a_statement_to_its_paragraph(page, site_url, width):
    """In Chromium, on a wide and a phone screen: breadcrumbs show, and an evidence link opens its paragraph."""
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(f"{site_url}/events/niamey-meeting-2023/")
    assert page.locator("nav.md-path").is_visible()
    link = page.locator("article span.evidence a[href*='documents/']").first
    href = link.get_attribute("href")
    link.click()
    page.wait_for_url(re.compile(r"/documents/[^/]+/#p[0-9]+$"))
    anchor = href.split("#")[1]
    target = page.locator(f"[id='{anchor}']")
    page.wait_for_function("id => { const r = document.getElementById(id).getBoundingClientRect();"
                           " return r.top >= 0 && r.top < window.innerHeight; }", arg=anchor)  # fmt: skip
    assert target.evaluate("e => e.tagName") == "P"
    assert page.locator("nav.md-path a").all_inner_texts() == ["Home", "Documents"]
    assert page.console_errors == []


# --- bad editorial input: one message naming the file and line -------------------------------------

EVENT_TEXT = "sources/editorial/events/niamey-meeting-2023.md"
TIMELINE = "sources/editorial/timeline.yml"
DIFFERENCES = "sources/editorial/differences.yml"


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


BAD_INPUT = {
    "unknown-document": (
        EVENT_TEXT,
        "einpresswire-niamey-action-plan-2023#p7]]",
        "einpresswire-niamey-2099#p7]]",
        ["niamey-meeting-2023.md, line 15", "unknown document 'einpresswire-niamey-2099'"],
    ),
    "unknown-anchor": (
        EVENT_TEXT,
        "einpresswire-niamey-action-plan-2023#p8]]",
        "einpresswire-niamey-action-plan-2023#p80]]",
        ["niamey-meeting-2023.md, line 16", "no paragraph #p80"],
    ),
    "unknown-public-source": (
        TIMELINE,
        "evidence: [asi-africa-focus-group]\n    event: africa-focus-group\n\n  - date: 2021-12",
        "evidence: [asi-2099]\n    event: africa-focus-group\n\n  - date: 2021-12",
        ["timeline.yml, line", "field 'evidence'", "'asi-2099'"],
    ),
    "no-evidence": (
        TIMELINE,
        "evidence: [morocco-mfa-announcement-2022#p6, apa-announcement-2022]",
        "evidence: []",
        ["timeline.yml, line 24", "field 'evidence'", "every entry needs its evidence"],
    ),
    "misquoted": (
        DIFFERENCES,
        "quote: An 83-member Global Coalition",
        "quote: An 84-member Global Coalition",
        ["differences.yml, line", "field 'quote'", "not in sun-nigeria-nsa-delegation-2022#p1"],
    ),
    "short-names-in-the-old-place": (
        "sources/editorial/sources.yml",
        "\npublic_sources:\n",
        "\ndocument_labels:\n  sun-nigeria-nsa-delegation-2022: The Sun\n\npublic_sources:\n",
        ["sources.yml, line 6 (field 'document_labels')", "short_name in sources/catalog.yml"],
    ),
    "public-source-without-address": (
        "sources/editorial/sources.yml",
        "    url: https://apanews.net/en/news/anti-daesh-global-coalition-to-meet-in-marrakech",
        "    url: apanews.net/en/news/anti-daesh-global-coalition-to-meet-in-marrakech",
        ["sources.yml, line 10", "public source apa-announcement-2022", "field 'url'", "not an http(s) address"],
    ),
    "unclosed-reference": (
        EVENT_TEXT,
        "[[einpresswire-niamey-action-plan-2023#p6]]",
        "[[einpresswire-niamey-action-plan-2023#p6]",
        ["niamey-meeting-2023.md, line", "unmatched"],
    ),
}


@pytest.mark.parametrize("case", BAD_INPUT, ids=list(BAD_INPUT))
def test_bad_evidence_stops_the_build_with_file_and_line(tmp_path, capsys, case):
    project = copy_project(tmp_path / "project")
    file, old, new, expected = BAD_INPUT[case]
    replace(project / file, old, new)
    assert build_main(["--root", str(project), "--check-anchors"]) == 1
    message = capsys.readouterr().err
    assert message.startswith("error: ") and message.count("\n") == 1, message
    for fragment in expected:
        assert fragment in message, (fragment, message)


def test_an_event_without_its_text_stops_the_build(tmp_path, capsys):
    project = copy_project(tmp_path / "project")
    (project / EVENT_TEXT).unlink()
    assert build_main(["--root", str(project), "--check-anchors"]) == 1
    assert "niamey-meeting-2023.md: is missing" in capsys.readouterr().err


@pytest.fixture(scope="module")
def resolver():
    """The checkout's evidence, resolved (the conversion in memory) before any example is timed."""
    return checkout_links()


@given(
    before=st.text(alphabet=st.characters(blacklist_characters="[]"), max_size=40),
    after=st.text(alphabet=st.characters(blacklist_characters="[]"), max_size=40),
    picks=st.lists(st.integers(min_value=0, max_value=10_000), min_size=1, max_size=4),
)
def test_any_reference_becomes_links_to_exactly_its_paragraphs(resolver, before, after, picks):
    """Text around a reference is kept as written (a "<" as text: the prose holds no raw HTML); each cited
    paragraph gets one link, with its number."""
    every = [f"{doc_id}#{anchor}" for doc_id, item in resolver.evidence.documents.items() for anchor in item.anchors]
    targets = [every[i % len(every)] for i in picks]
    expanded = resolver.expand(f"{before}[[{', '.join(targets)}]]{after}", lambda offset: "test", "../")
    assert expanded.startswith(before.replace("<", "&lt;")) and expanded.endswith(after.replace("<", "&lt;"))
    links = re.findall(r"\]\(\.\./documents/([^.]+)\.md#(p[0-9]+)\)", expanded)
    assert sorted(set(links)) == sorted({tuple(t.split("#")) for t in targets})

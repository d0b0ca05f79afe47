"""Shared passages: detection against a hand-made table of the five texts, and what the built site shows."""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from coalition_bench.passage_truth import load as load_truth
from coalition_texts.analysis.passages import MIN_ROW_WORDS, Text, find_passages, split_sentences, words
from coalition_texts.model.urls import compare_name as page_name
from coalition_texts.pages.compare import PASSAGE_NOTE_CLASS
from coalition_texts.sources.texts import read_source
from tests.base import ROOT, catalog, copy_project, mkdocs_build

CANADA = "canada-joint-statement-2022"
BLOG = "blog-repost-africa-communique-2022"
SUN = "sun-nigeria-nsa-delegation-2022"
MOROCCO = "morocco-mfa-announcement-2022"
NIAMEY = "einpresswire-niamey-action-plan-2023"

# The ground truth, read off the texts by hand: (document, ¶, document, ¶, identical or edited).
# The blog copies the Africa part of the statement (Canada ¶ 8-9) into seven shorter paragraphs;
# the Sun quotes five sentences of the statement with words changed ("Daesh/ISIS" -> "ISIS",
# "remains" -> "remained", "The Ministers" -> "Member countries"/"The Coalition"), and paraphrases
# two more around a phrase lifted whole. Morocco's announcement (written before the meeting) and
# the Niamey item share names and set phrases with the others, but no passage.
GROUND_TRUTH = {
    (CANADA, 8, BLOG, 3, "identical"),  # "The Ministers also recognized ... to the African continent."
    (CANADA, 8, BLOG, 4, "identical"),  # "This effort includes sharing assessments ..."
    (CANADA, 8, BLOG, 5, "identical"),  # "The Ministers stressed the need for the Africa Focus Group ..."
    (CANADA, 9, BLOG, 6, "identical"),  # "... addressing underlying causes to insecurity in Africa ..."
    (CANADA, 9, BLOG, 7, "identical"),  # "... the proliferation of non-State actors ..."
    (CANADA, 9, BLOG, 8, "identical"),  # "... a civilian-driven effort by, with, and through ..."
    (CANADA, 9, BLOG, 9, "identical"),  # "... the entry of Benin ... eighty-five." (two sentences)
    (CANADA, 5, SUN, 8, "edited"),  # "affirmed that ensuring the enduring defeat of [Daesh/]ISIS ..."
    (CANADA, 5, SUN, 9, "edited"),  # "despite significant setbacks suffered by [Daesh/]ISIS' leadership ..."
    (CANADA, 6, SUN, 10, "edited"),  # "reiterated the importance of allocating adequate resources ..."
    (CANADA, 6, SUN, 11, "edited"),  # "Civilian-led efforts ... the lasting defeat of [Daesh/]ISIS."
    (CANADA, 6, SUN, 3, "edited"),  # "It recommended civilian-led efforts, including prevention ..."
    (CANADA, 8, SUN, 12, "edited"),  # "recognized the need to meet the evolving threat of [Daesh/]ISIS in Africa"
    (CANADA, 8, SUN, 2, "edited"),  # "... synergies with other existing international, sub-regional ..."
    (BLOG, 3, SUN, 12, "edited"),  # the blog's copy of the same sentence
    (BLOG, 5, SUN, 2, "edited"),  # the blog's copy of the synergies sentence
}


@functools.cache
def names() -> tuple[str, ...]:
    """The glossary's and index's forms and the titles, as the build gives them."""
    return load_truth().names


def texts() -> list[Text]:
    return [
        Text(doc.id, tuple(p.text for p in read_source(ROOT / "sources" / doc.file, doc.strip, doc.id).paragraphs))
        for doc in catalog().documents
    ]


def paragraph_pairs(shared) -> set[tuple[str, int, str, int, str]]:
    """Every pair of paragraphs that share a sentence, read through the page notes' own view (counterparts)."""
    found = set()
    for doc, paragraphs in shared.counterparts().items():
        for paragraph, counterparts in paragraphs.items():
            for c in counterparts:
                found.add((doc, paragraph + 1, c.doc, c.paragraph + 1, "identical" if c.identical else "edited"))
    return found


def symmetric(table) -> set:
    return {row for a, pa, b, pb, s in table for row in ((a, pa, b, pb, s), (b, pb, a, pa, s))}


def soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")


def shared_passages():
    return find_passages(texts(), names())


def test_detection_finds_every_shared_passage_and_nothing_else():
    assert paragraph_pairs(shared_passages()) == symmetric(GROUND_TRUTH)


def test_the_blog_copy_is_one_passage_across_paragraph_boundaries():
    shared = shared_passages()
    (passage,) = shared.passages[(CANADA, BLOG)]
    assert passage.identical
    assert passage.paragraphs("left") == (7, 8)  # 0-based: Canada ¶ 8-9
    assert passage.paragraphs("right") == tuple(range(2, 9))  # the blog's ¶ 3-9
    assert len(passage.rows) == 9  # every sentence of the copied part, in order, one row each
    for side in ("left", "right"):
        indices = [getattr(row, side)[0].index for row in passage.rows]
        assert indices == list(range(indices[0], indices[0] + 9))


def test_no_passage_for_documents_that_share_only_context():
    shared = shared_passages()
    assert not [pair for pair in shared.passages if MOROCCO in pair or NIAMEY in pair]


def test_renamings_are_edits_inside_one_passage():
    """The Sun writes "ISIS" and "Member countries" where the statement writes "Daesh/ISIS" and "The
    Ministers": its four quoted sentences of ¶ 5-6 are one alignment, each row edited, with only the
    changed words marked."""
    shared = shared_passages()
    first = shared.passages[(CANADA, SUN)][0]
    paired = first.paired_rows
    assert [(r.left[0].paragraph + 1, r.right[0].paragraph + 1) for r in paired] == [(5, 8), (5, 9), (6, 10), (6, 11)]
    assert [len(r.left) for r in first.rows if not r.right] == [1]  # "The Coalition will continue…": not quoted
    row = paired[0]
    left_words = [k for s in row.left for k in s.keys]
    right_words = [k for s in row.right for k in s.keys]
    assert [left_words[i] for i in sorted(row.changed_left)][:3] == ["the", "ministers", "daesh"]
    assert [right_words[i] for i in sorted(row.changed_right)] == ["member", "countries", "remained", "a"]


def test_names_alone_make_no_passage():
    """A title that shares only the Coalition's and the group's names with a paragraph (11 of its 16
    words) is no passage once those are names; without the names, the same words would make one."""
    title = "Joint Statement by the Co-Chairs of the Global Coalition to Defeat ISIS Africa Focus Group"
    canada = next(t for t in texts() if t.id == CANADA)
    pair = [canada, Text("co-chairs", (title, "The meeting was held in Niamey."))]
    assert not find_passages(pair, names()).passages
    assert not find_passages(pair, (*names(), title)).passages
    assert find_passages(pair, ()).passages, "the test would not show what the names do"


def test_a_passage_most_documents_reprint_is_still_aligned_between_candidates():
    """With four more copies of the statement's Africa sentence, its seeds are in most documents and
    seed nothing by themselves; documents that share rarer seeds still align it."""
    originals = texts()
    africa = next(t for t in originals if t.id == CANADA).paragraphs[7]
    start, end = split_sentences(africa)[0]
    copies = [Text(f"copy-{n}", (f"Report {n} on the meeting.", africa[start:end])) for n in range(4)]
    found = paragraph_pairs(find_passages([*originals, *copies], names()))
    assert {(CANADA, 8, SUN, 12, "edited"), (CANADA, 8, BLOG, 3, "identical")} <= found


def test_repeated_stock_phrase_makes_no_passage():
    """A phrase found in most documents of the collection seeds nothing."""
    stock = "in line with the principles of national ownership and the specific needs of member states"
    documents = [
        Text(f"d{n}", (f"Zorbal {n} quintet {n} gleaming {n}. The delegates agreed, {stock}.",)) for n in range(6)
    ]
    assert not find_passages(documents).passages


def test_sentences_split_at_ends_not_at_abbreviations():
    text = "Secretary of State Antony J. Blinken met Major-Gen. Babagana Monguno. The U.S. delegation left."
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "Secretary of State Antony J. Blinken met Major-Gen. Babagana Monguno.",
        "The U.S. delegation left.",
    ]
    quoted = "The statement quoted the communiqué in part: “Member countries affirmed it."
    assert [quoted[s:e] for s, e in split_sentences(quoted)][1] == "“Member countries affirmed it."


def test_words_ignore_case_punctuation_quotes_and_apostrophes():
    assert [k for k, _, _ in words("the Coalition's efforts")] == [k for k, _, _ in words("“The COALITION’S efforts”")]


# --- Property: a text against an edited copy of itself ------------------------------------------

WORD = st.text(alphabet="bcdfghjklmnpqrstvwxz", min_size=4, max_size=9)
SENTENCE = st.lists(WORD, min_size=MIN_ROW_WORDS + 10, max_size=20, unique=True)


def sentence_text(sentence: list[str]) -> str:
    return " ".join(sentence).capitalize() + "."


@settings(max_examples=60, deadline=None)
@given(
    drawn=st.lists(SENTENCE, min_size=1, max_size=8),
    split_at=st.integers(min_value=1, max_value=4),
    edited=st.data(),
)
def test_an_edited_copy_is_found_sentence_by_sentence(drawn, split_at, edited):
    """Regroup the paragraphs, change case and punctuation, change one word in some sentences:
    every sentence is found against its own copy (identical or edited as it was made), and only there."""
    sentences = [[f"{word}{number}" for word in sentence] for number, sentence in enumerate(drawn)]  # no word shared
    change = [edited.draw(st.booleans()) for _ in sentences]
    copies = []
    for sentence, changed in zip(sentences, change, strict=True):
        words_copy = list(sentence)
        if changed:
            words_copy[len(words_copy) // 2] = "yyyy"  # "y" is not in the alphabet above: a new word
        copies.append("“" + " ".join(words_copy).upper() + "!”")
    original = Text("a", tuple(sentence_text(s) for s in sentences))  # one sentence per paragraph
    regrouped = tuple(" ".join(copies[i : i + split_at]) for i in range(0, len(copies), split_at))
    shared = find_passages([original, Text("b", regrouped)])
    rows = [row for passages in shared.passages.values() for passage in passages for row in passage.rows]
    assert all(row.paired and len(row.left) == len(row.right) == 1 for row in rows)
    pairs = {
        (r.left[0].index, r.right[0].index) if r.left[0].doc == "a" else (r.right[0].index, r.left[0].index)
        for r in rows
    }
    assert pairs == {(i, i) for i in range(len(sentences))}
    for row in rows:
        a_side = row.left[0] if row.left[0].doc == "a" else row.right[0]
        assert row.identical is (not change[a_side.index])


# --- The built site -----------------------------------------------------------------------------


def resolve(site: Path, page: str, href: str) -> tuple[Path, str]:
    """The built file and the fragment a relative link from `page` (a folder like documents/x) leads to."""
    parts = urlsplit(href)
    target = (site / page / parts.path).resolve()
    if target.is_dir():
        target = target / "index.html"
    return target, parts.fragment


def test_notes_link_both_ways_to_existing_paragraphs(built_site):
    links = set()
    for doc in catalog().documents:
        page = f"documents/{doc.id}"
        for note in soup(built_site, page).select(f".doc-text .{PASSAGE_NOTE_CLASS}"):
            assert note.has_attr("data-search-exclude") and note.get("role") == "note"
            assert not note.find_parent("p"), "the note must stay outside the paragraph"
            here = note.find_previous_sibling("p", class_="para")["id"]
            for link in note.select("a"):
                target, fragment = resolve(built_site, page, link["href"])
                assert target.is_file(), link["href"]
                assert BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser").find(id=fragment), link["href"]
                if "/documents/" in target.as_posix():
                    links.add((doc.id, here, target.parent.name, fragment))
    assert links and links == {(b, pb, a, pa) for a, pa, b, pb in links}
    # One link per ground-truth pair of paragraphs (anchors are pN for these never-edited texts).
    assert {(a, int(pa[1:]), b, int(pb[1:])) for a, pa, b, pb in links} == {
        (a, pa, b, pb) for a, pa, b, pb, _ in symmetric(GROUND_TRUTH)
    }


def test_note_links_resolve_without_directory_urls(tmp_path):
    """The offline build writes pages as documents/<id>.html: the notes' links must follow."""
    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    result = mkdocs_build(project, site, "--no-directory-urls")
    assert result.returncode == 0, result.stderr
    checked = []
    for doc in catalog().documents:
        page = site / "documents" / f"{doc.id}.html"
        for link in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select(f".{PASSAGE_NOTE_CLASS} a"):
            parts = urlsplit(link["href"])
            target = (page.parent / parts.path).resolve()
            assert target.suffix == ".html" and target.is_file(), link["href"]
            assert BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser").find(id=parts.fragment)
            checked.append(target.parent.name)
    assert checked.count("documents") == 2 * len(GROUND_TRUTH)  # each pair of paragraphs, both ways
    assert "compare" in checked


def test_notes_say_identical_or_edited(built_site):
    notes = soup(built_site, f"documents/{CANADA}").select(f".{PASSAGE_NOTE_CLASS}")
    texts_ = [" ".join(n.get_text().split()) for n in notes]
    assert any("Also in: Blog repost, ¶ 3, ¶ 4, ¶ 5 — identical" in t for t in texts_)
    assert any("The Sun, ¶ 2, ¶ 12 — edited" in t for t in texts_)


def test_comparison_marks_daesh_isis_against_isis(built_site):
    page = soup(built_site, f"compare/{page_name((CANADA, SUN))}")
    rows = page.select(".passage-compare tbody tr")
    row = next(r for r in rows if "evolving threat" in r.get_text())
    left, right = row.find_all("td")
    deleted = [" ".join(d.get_text().split()) for d in left.select("del")]
    assert "[deleted: Daesh/]" in deleted
    assert "ISIS in Africa" in right.get_text() and not right.select("del")
    for change in page.select(".passage-compare del, .passage-compare ins"):
        hidden = change.select(".passage-sr")
        assert len(hidden) == 2 and hidden[0].get_text().startswith("[")


def test_comparison_text_is_the_source_text(built_site):
    """With the screen-reader words taken out, every cell is a run of the source paragraph it links to."""
    sources = {t.id: t.paragraphs for t in texts()}
    checked = 0
    for pair in shared_passages().passages:
        page = f"compare/{page_name(pair)}"
        for cell in soup(built_site, page).select(".passage-compare td"):
            for hidden in cell.select(".passage-sr"):
                hidden.decompose()
            for link in cell.select("a"):
                target, fragment = resolve(built_site, page, link["href"])
                assert target.is_file() and BeautifulSoup(target.read_text(), "html.parser").find(id=fragment)
                doc = target.parent.name
                shown = []
                for sibling in link.next_siblings:
                    if getattr(sibling, "name", None) in ("a", "br"):
                        break
                    shown.append(sibling.get_text() if hasattr(sibling, "get_text") else str(sibling))
                text = " ".join("".join(shown).split())
                assert text and text in " ".join(sources[doc][int(fragment[1:]) - 1].split())
                checked += 1
    assert checked >= 2 * 18  # 18 rows that pair sentences among the three pairs of documents


def test_overview_lists_every_pair_and_the_documents_without_passages(built_site):
    page = soup(built_site, "compare")
    rows = page.select("table tbody tr")
    assert len(rows) == 3
    compares = {a["href"].strip("/").split("/")[-1] for a in page.select("table a") if a.get_text() == "compare"}
    assert compares == {page_name(p) for p in [(CANADA, BLOG), (CANADA, SUN), (BLOG, SUN)]}
    blog_row = next(r for r in rows if "9 (9 identical, 0 edited)" in r.get_text())
    assert "Joint statement" in blog_row.get_text()
    alone = page.select_one("#documents-that-share-no-passage").find_next("ul").get_text()
    assert "Morocco hosts" in alone and "Niamey" in alone


SUMMARY = re.compile(
    r"(\d+) shared passages? in (\d+) rows? of sentences: "
    r"(\d+) identical, (\d+) edited(?:, (\d+) without counterpart)?\."
)


def test_comparison_summary_counts_exactly_the_rows_shown(built_site):
    """The counts above a comparison are the rows below it; each label says what the row shows."""
    for pair in shared_passages().passages:
        page = soup(built_site, f"compare/{page_name(pair)}")
        match = SUMMARY.search(" ".join(page.select_one("article").get_text().split()))
        assert match, pair
        passages, rows, identical, edited, alone = (int(n or 0) for n in match.groups())
        tables = page.select(".passage-compare table")
        shown = [row for table in tables for row in table.select("tbody tr")]
        assert (passages, rows) == (len(tables), len(shown))
        marked = [bool(row.select("del, ins")) for row in shown]
        without = [bool(row.select(".passage-none")) for row in shown]
        assert alone == sum(without)
        assert identical == sum(not m and not w for m, w in zip(marked, without, strict=True))
        assert edited == sum(m for m in marked)
        for heading, table in zip(page.select("h2[id^=passage-]"), tables, strict=True):
            honest = "identical" if not table.select("del, ins, .passage-none") else "edited"
            assert heading.get_text().split(":")[1].strip().startswith(honest), heading.get_text()


def test_search_index_leaves_out_notes_and_comparisons(built_site):
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [d["location"] for d in index["docs"] if re.match(r"compare/[^/#]+--", d["location"])]
    assert [d for d in index["docs"] if d["location"] == "compare/"]  # the overview itself is found
    assert not [d["location"] for d in index["docs"] if re.search(r"Also in:|\(compare\)", d["text"])]


@pytest.mark.browser
def test_following_a_note_lands_on_the_counterpart_and_changes_show_without_colour(page, site_url):
    page.goto(f"{site_url}/documents/{SUN}/")
    page.locator(f"#p12 + .{PASSAGE_NOTE_CLASS} a", has_text="Joint statement").click()
    page.wait_for_url(re.compile(rf"/documents/{CANADA}/#p8$"))
    assert page.evaluate("document.querySelector(':target').id") == "p8"
    assert page.locator("#p8").bounding_box()["y"] >= 0
    page.goto(f"{site_url}/compare/{page_name((CANADA, SUN))}/")
    styles = page.evaluate(
        """() => ['del', 'ins'].map(tag => {
            const el = document.querySelector('.passage-compare ' + tag);
            const hidden = el.querySelector('.passage-sr');
            return [getComputedStyle(el).textDecorationLine, hidden.getBoundingClientRect().width];
        })"""
    )
    assert styles == [["line-through", 1], ["underline", 1]]

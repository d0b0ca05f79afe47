"""Show the shared passages found by `passages.py`: notes on document pages, comparisons, an overview.

- After each paragraph that shares a passage, a note (class PASSAGE_NOTE_CLASS, excluded from the
  search index) links to the counterpart paragraphs, both ways, and says whether the words are
  identical or edited.
- For every pair of documents that share passages, `compare/<left>--<right>.md` sets the passages
  side by side, in the rows of sentences the word alignment found, with `<del>` and `<ins>` marking
  the words it did not match (struck through or underlined, and announced to screen readers, so
  colour is not needed); its summary counts exactly the rows it shows.
- `compare/index.md` tells which document shares how much with which.

Every word shown is cut from the source paragraphs by offset: nothing is retyped.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby

from coalition_texts.analysis.passages import (
    MIN_ROW_WORDS,
    MIN_SENTENCE_SHARE,
    Row,
    Sentence,
    SharedPassages,
    Text,
    find_passages,
    words,
)
from coalition_texts.model.records import RenderedDocument
from coalition_texts.model.urls import COMPARE_INDEX, compare_name, compare_page, document_page, prefix
from coalition_texts.pages.kinds import kind_badge
from coalition_texts.pages.markdown import front_matter, html_attr, html_text, md_breakable, md_escape, pilcrow
from coalition_texts.pages.wording import agree, capitalised, count
from coalition_texts.sources.glossary import Glossary
from coalition_texts.sources.index_entries import IndexEntry

PREFIX = prefix(COMPARE_INDEX)  # from docs/compare/ (and docs/documents/, for the notes) to the docs root
PASSAGE_NOTE_CLASS = "passage-note"  # the "also in" notes; the search indexer skips them


def names(glossary: Glossary, entries: Sequence[IndexEntry], items: Sequence[RenderedDocument]) -> tuple[str, ...]:
    """The collection's names: every form of every glossary term (with its expansion) and index entry,
    and every document's title. Texts that share only names share no passage."""
    found = [form for term in glossary.terms for form in (*term.forms, *filter(None, [term.expansion]))]
    found += [form for entry in entries for form in entry.forms]
    found += [item.doc.title for item in items]
    return tuple(sorted(set(found)))


def detect(items: Sequence[RenderedDocument], names: Sequence[str] = ()) -> SharedPassages:
    """The passages the documents share; words inside `names` (see `names()`) count for nothing."""
    return find_passages([Text(item.doc.id, tuple(p.text for p in item.source.paragraphs)) for item in items], names)


def status(identical: bool) -> str:
    return "identical" if identical else "edited"


def _labels(items: dict[str, RenderedDocument], pair: tuple[str, str]) -> tuple[str, str]:
    """How the two documents are named in a comparison: by short name, with the title where that is shared."""
    left, right = items[pair[0]].doc, items[pair[1]].doc
    if left.short_name != right.short_name:
        return left.short_name, right.short_name
    return f"{left.short_name}: {left.title}", f"{right.short_name}: {right.title}"


# --- Notes on document pages --------------------------------------------------------------------


def notes(shared: SharedPassages, items: Sequence[RenderedDocument]) -> dict[str, dict[str, str]]:
    """For each document, the HTML note to place after each paragraph (by anchor) with a counterpart.

    The notes sit in the raw HTML of the text, which MkDocs passes through untouched: their links
    name the Markdown files, as Markdown links do, and `resolve_note_links` turns them into the
    built pages' addresses (which differ between `use_directory_urls` builds and the offline one).
    """
    by_id = {item.doc.id: item for item in items}
    result: dict[str, dict[str, str]] = {}
    for doc, paragraphs in shared.counterparts().items():
        anchors = by_id[doc].anchors
        for paragraph, counterparts in paragraphs.items():
            parts = []
            # One entry per other document and status: "Short name, ¶ 3, ¶ 4 — identical (compare)".
            for (other_id, identical, pair), grouped in groupby(counterparts, lambda c: (c.doc, c.identical, c.pair)):
                group, other = list(grouped), by_id[other_id]
                links = []
                for position, counterpart in enumerate(group):
                    name = f"{other.doc.short_name}, {pilcrow(counterpart.paragraph + 1)}"
                    text = name if position == 0 else pilcrow(counterpart.paragraph + 1)
                    links.append(
                        f'<a href="{html_attr(other.doc.id)}.md#{other.anchors[counterpart.paragraph]}">'
                        f"{html_text(text)}</a>"
                    )
                compare = f"{PREFIX}{compare_page(pair)}#passage-{group[0].passage}"
                parts.append(", ".join(links) + f' — {status(identical)} (<a href="{html_attr(compare)}">compare</a>)')
            result.setdefault(doc, {})[anchors[paragraph]] = (
                f'<div class="{PASSAGE_NOTE_CLASS}" role="note" data-search-exclude>'
                f'<span class="passage-note-label">Also in:</span> {"; ".join(parts)}</div>\n'
            )
    return result


# --- Comparison pages ---------------------------------------------------------------------------


def _side(sentences: list[Sentence], item: RenderedDocument, marked: set[int], tag: str) -> str:
    """One cell: the sentences as in the source, each paragraph introduced by its link, changes marked."""
    if not sentences:
        return '<span class="passage-none">(no counterpart)</span>'
    said = {"del": "deleted", "ins": "inserted"}[tag]
    segments: list[tuple[int, int, int]] = []  # paragraph, start, end
    for number, sentence in enumerate(sentences):
        follows = number and sentences[number - 1].index + 1 == sentence.index
        if follows and segments[-1][0] == sentence.paragraph:
            segments[-1] = (sentence.paragraph, segments[-1][1], sentence.end)
        else:
            segments.append((sentence.paragraph, sentence.start, sentence.end))
    out, token = [], 0
    for paragraph, start, end in segments:
        text = item.source.paragraphs[paragraph].text
        link = f"[{pilcrow(paragraph + 1)}]({PREFIX}{document_page(item.doc.id)}#{item.anchors[paragraph]})"
        pieces, position = [], start
        tokens = [(s + start, e + start) for _, s, e in words(text[start:end])]
        run_start = None
        for offset, (token_start, token_end) in enumerate(tokens):
            is_marked = token + offset in marked
            next_marked = token + offset + 1 in marked and offset + 1 < len(tokens)
            if is_marked and run_start is None:
                run_start = token_start
            if is_marked and not next_marked:
                run_end = token_end
                # "Daesh/ISIS" against "ISIS": the joining slash or hyphen goes with the marked word.
                if run_end + 1 < end and text[run_end] in "/-" and text[run_end + 1].isalnum():
                    run_end += 1
                pieces.append(md_escape(text[position:run_start]))
                pieces.append(
                    f'<{tag}><span class="passage-sr">[{said}: </span>{md_escape(text[run_start:run_end])}'
                    f'<span class="passage-sr">]</span></{tag}>'
                )
                position, run_start = run_end, None
        pieces.append(md_escape(text[position:end]))
        token += len(tokens)
        out.append(f"{link} {''.join(pieces)}")
    return "<br>".join(out)


def _row(row: Row, left: RenderedDocument, right: RenderedDocument) -> str:
    """One table row: each side's sentences, with the words the alignment did not match marked."""
    return (
        f"| {_side(list(row.left), left, set(row.changed_left), 'del')} "
        f"| {_side(list(row.right), right, set(row.changed_right), 'ins')} |\n"
    )


def _counts(rows: Sequence[Row]) -> tuple[int, int, int]:
    """(identical, edited, without counterpart): every row is exactly one of the three."""
    identical = sum(row.identical for row in rows)
    edited = sum(row.paired and not row.identical for row in rows)
    return identical, edited, len(rows) - identical - edited


def _kinds(rows: Sequence[Row]) -> str:
    """The kinds of rows, e.g. "4 identical, 1 edited, 1 without counterpart": they add up to len(rows)."""
    identical, edited, alone = _counts(rows)
    return f"{identical} identical, {edited} edited" + (f", {alone} without counterpart" if alone else "")


def _rows_summary(rows: Sequence[Row]) -> str:
    return f"{count(len(rows), 'row')} of sentences: {_kinds(rows)}"


def _span(numbers: tuple[int, ...]) -> str:
    first, last = numbers[0] + 1, numbers[-1] + 1
    return pilcrow(first) if first == last else pilcrow(f"{first}–{last}")


def _document_line(item: RenderedDocument, side: str) -> str:
    doc = item.doc
    date = doc.published.human() if doc.published else "undated"
    return (
        f"- {side}, {md_breakable(doc.short_name)}: [{md_escape(doc.title)}]({PREFIX}{document_page(doc.id)}) "
        f"{kind_badge(doc)}, {md_breakable(doc.publisher)}, "
        f"{md_escape(date)} ({count(item.words, 'word')})\n"
    )


def comparison_page(pair: tuple[str, str], shared: SharedPassages, items: dict[str, RenderedDocument]) -> str:
    left, right = items[pair[0]], items[pair[1]]
    left_label, right_label = _labels(items, pair)
    passages = shared.passages[pair]
    rows = [row for passage in passages for row in passage.rows]
    title = f"Shared passages: {left_label} and {right_label}"
    meta = {
        "title": title,
        "description": f"The passages that “{left.doc.title}” and “{right.doc.title}” share, side by side.",
        "search": {"exclude": True},  # the words are already indexed on the documents' own pages
    }
    lines = [
        front_matter(meta),
        f"\n# Shared passages: {md_breakable(left_label)} and {md_breakable(right_label)}\n\n",
        _document_line(left, "Left"),
        _document_line(right, "Right"),
        f"\n{count(len(passages), 'shared passage')} in {_rows_summary(rows)}. [All shared passages](index.md).\n\n",
        '!!! note "How to read this comparison"\n\n'
        "    Each row sets sentences of the left document beside the sentences of the right document that "
        "carry the same words, as a word-by-word alignment of the two texts found them. Words of the left "
        "document that the alignment did not match with the same word of the right one are struck through "
        "(marked as deleted); words the right document has instead or in addition are underlined (marked as "
        "inserted); a row is “identical” when no word is marked. Differences of letter case, punctuation, "
        "quotation marks and apostrophes are not marked. A sentence inside a passage that has no counterpart "
        "is set against “(no counterpart)”. "
        "The left document is the longer of the two; the order says nothing about which came first.\n",
    ]
    for passage in passages:
        where = (
            f"{md_breakable(left_label)} {_span(passage.paragraphs('left'))}; "
            f"{md_breakable(right_label)} {_span(passage.paragraphs('right'))}"
        )
        lines.append(f"\n## Passage {passage.number}: {status(passage.identical)} {{#passage-{passage.number}}}\n\n")
        lines.append(f"{where}.\n\n")
        lines.append('<div class="passage-compare" markdown>\n\n')
        lines.append(f"| {md_breakable(left_label)} | {md_breakable(right_label)} |\n| --- | --- |\n")
        lines.extend(_row(row, left, right) for row in passage.rows)
        lines.append("\n</div>\n")
    return "".join(lines)


# --- Overview -----------------------------------------------------------------------------------


def _percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)} %" if whole else "0 %"


def overview_page(shared: SharedPassages, items: dict[str, RenderedDocument]) -> str:
    rows = [
        "| Documents | Passages | Rows of sentences | Share of each document's words | Comparison |",
        "| --- | --- | --- | --- | --- |",
    ]
    for pair, passages in shared.passages.items():
        left, right = items[pair[0]].doc, items[pair[1]].doc
        rows_ = [row for passage in passages for row in passage.rows]
        shares = "<br>".join(
            f"{md_escape(doc.short_name)}: {_percent(shared.shared_words(pair, side), shared.word_counts[doc.id])}"
            for side, doc in enumerate((left, right))
        )
        rows.append(
            f"| [{md_escape(left.short_name)}]({PREFIX}{document_page(left.id)}) and "
            f"[{md_escape(right.short_name)}]({PREFIX}{document_page(right.id)}) | {len(passages)} | "
            f"{len(rows_)} ({_kinds(rows_)}) | {shares} | [compare]({compare_name(pair)}.md) |"
        )
    sharing = {doc for pair in shared.passages for doc in pair}
    alone = [item.doc for item in items.values() if item.doc.id not in sharing]
    pairs = len(shared.passages)
    share = count(pairs, "pair of documents", "share", plural="pairs of documents", zero="no pair of documents")
    lines = [
        front_matter(
            {"title": "Shared passages", "description": "Which documents repeat the words of which, and how much."}
        ),
        "\n# Shared passages\n\n",
        "Where one document repeats the words of another, word for word or with changes, the two share a "
        "passage. Each document page notes, after such a paragraph, where else its words appear; the "
        "comparisons below set the passages side by side and mark every word that differs.\n\n",
        "Passages are found as reprints are: runs of words that two documents share and few others use point "
        "to a region of each, and the two regions are aligned word by word, so that a word changed, added or "
        "left out is an edit inside a passage rather than its end. Names (of the glossary and the index of "
        "names), document titles and words nearly every text uses do not count: two documents that share only "
        "those share no passage. Sentences are set side by side when the alignment matches at least "
        f"{MIN_ROW_WORDS} of their words, {round(100 * MIN_SENTENCE_SHARE)} % or more of the shorter side (a "
        "quotation may be part of a longer sentence), close together. Letter case, punctuation, quotation marks "
        "and apostrophes are not compared. A row is “identical” when the words are the same, and “edited” when "
        "words were changed, added or left out.\n\n",
        f"## Pairs of documents\n\n{capitalised(share)} passages.\n\n",
    ]
    if pairs:
        lines.append("\n".join(rows) + "\n")
    if alone:
        heading = agree(len(alone), "A document that shares no passage", "Documents that share no passage")
        lines.append(f"\n## {heading} {{#documents-that-share-no-passage}}\n\n")  # one address, either wording
        lines.append(
            f"{agree(len(alone), 'This document repeats', 'These documents repeat')} no passage of another document "
            "of the collection:\n\n"
            + "".join(
                f"- [{md_escape(doc.title)}]({PREFIX}{document_page(doc.id)}) ({md_escape(doc.publisher)})\n"
                for doc in alone
            )
        )
    return "".join(lines)


def pages(shared: SharedPassages, items: Sequence[RenderedDocument]) -> dict[str, str]:
    """Every page of the `compare/` folder: the overview and one comparison per pair."""
    by_id = {item.doc.id: item for item in items}
    result = {COMPARE_INDEX: overview_page(shared, by_id)}
    for pair in shared.passages:
        result[compare_page(pair)] = comparison_page(pair, shared, by_id)
    return result

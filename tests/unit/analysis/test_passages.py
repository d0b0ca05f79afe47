"""analysis/passages.py on small hand-made texts: a reprint found and labelled identical or edited, a
renaming inside one passage, names and stock phrases that pair nothing, the same outcome whichever way
round and in whatever order the texts come, every time, and whatever bits of two seeds' hashes agree.
(The scores against real reprint patterns are in test_passage_truth.py.)"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coalition_texts.analysis import passages as passages_module
from coalition_texts.analysis.passages import SharedPassages, Text, find_passages

NAMES = ("Global Coalition to Defeat Daesh/ISIS", "Africa Focus Group", "Daesh", "ISIS", "Daesh/ISIS", "Niamey")
STATEMENT = (
    "The Ministers reaffirmed their determination to degrade and ultimately defeat Daesh in Iraq and Syria. "
    "They welcomed the progress made by partners in stabilising liberated areas and returning displaced families. "
    "Ministers condemned the attacks carried out against civilians across the Sahel region."
)
UNRELATED = (
    "Farmers in the valley harvested barley early this year because the autumn rains arrived late.",
    "Engineers rebuilt the northern bridge with steel girders shipped from distant foundries.",
    "A choir from the coast performed old songs about fishing boats and winter storms.",
)
# A set phrase of the field: long enough to be a passage between two texts that alone carry it.
STOCK = (
    "The international community remains firmly committed to lasting peace, stability and prosperity for all nations."
)


def filler(number: int) -> str:
    """A sentence of words only text `number` uses (no word is shared with another filler)."""
    letter = "qxz"[number % 3]
    return " ".join(f"{word}{letter}{number}" for word in ("amber", "brisk", "cobalt", "dune", "ember", "fjord"))


def outcome(shared: SharedPassages) -> list[tuple]:
    """Everything a page shows of the detection: each pair's passages, their rows' sentences and changed words."""
    return [
        (
            pair,
            passage.number,
            [
                (
                    [(s.doc, s.paragraph, s.start, s.end) for s in row.left],
                    [(s.doc, s.paragraph, s.start, s.end) for s in row.right],
                    sorted(row.changed_left),
                    sorted(row.changed_right),
                    row.links,
                )
                for row in passage.rows
            ],
        )
        for pair, passages in sorted(shared.passages.items())
        for passage in passages
    ]


def only_passage(shared: SharedPassages):
    (passages,) = shared.passages.values()
    (passage,) = passages
    return passage


def test_an_identical_reprint_is_found_and_labelled_identical():
    reprint = Text("reprint", (UNRELATED[0], STATEMENT))
    shared = find_passages([Text("statement", (STATEMENT,)), reprint], NAMES)
    passage = only_passage(shared)
    # The longer document is on the left; every sentence of the statement is paired, word for word.
    assert (passage.left, passage.right) == ("reprint", "statement")
    assert passage.identical and len(passage.paired_rows) == 3
    assert passage.paragraphs("left") == (1,) and passage.paragraphs("right") == (0,)
    assert [c.identical for c in shared.counterparts()["statement"][0]] == [True]


def test_an_edited_reprint_is_labelled_edited_at_the_changed_words():
    edited = STATEMENT.replace("liberated areas", "areas freed from Daesh")
    passage = only_passage(find_passages([Text("statement", (STATEMENT,)), Text("edited", (edited,))], NAMES))
    assert not passage.identical
    assert [row.identical for row in passage.rows] == [True, False, True]
    changed = passage.rows[1]
    words_of = {"statement": STATEMENT.split(". ")[1].split(), "edited": edited.split(". ")[1].split()}
    left_words = [words_of[passage.left][i] for i in sorted(changed.changed_left)]
    right_words = [words_of[passage.right][i] for i in sorted(changed.changed_right)]
    assert sorted([left_words, right_words]) == sorted([["liberated"], ["freed", "from", "Daesh"]])


def test_a_renaming_stays_inside_one_aligned_passage():
    """Daesh -> Daesh/ISIS and "The Ministers" -> "Member countries" are edits, not ends of the passage."""
    renamed = STATEMENT.replace("Daesh", "Daesh/ISIS").replace("The Ministers", "Member countries")
    shared = find_passages([Text("statement", (STATEMENT,)), Text("renamed", (renamed,))], NAMES)
    passage = only_passage(shared)
    assert len(passage.paired_rows) == 3 == len(passage.rows)
    assert [row.identical for row in passage.rows] == [False, True, True]
    assert [c.identical for c in shared.counterparts()["renamed"][0]] == [False]


def test_a_title_that_shares_only_long_names_pairs_nothing():
    title = "Meeting of the Global Coalition to Defeat Daesh/ISIS Africa Focus Group in Niamey"
    texts = [Text("a", (title, UNRELATED[0])), Text("b", (title + ".", UNRELATED[1]))]
    assert find_passages(texts, NAMES).passages == {}
    # The names are what makes the difference: the same words, not known as names, are a passage.
    assert set(find_passages(texts).passages) == {("a", "b")}


def with_stock_phrase(carriers: int, documents: int = 10) -> list[Text]:
    """`documents` texts of their own words, the first `carriers` of which also carry STOCK."""
    return [
        Text(f"t{n}", (filler(n), STOCK, filler(n + 100)) if n < carriers else (filler(n), filler(n + 100)))
        for n in range(documents)
    ]


def test_a_stock_phrase_frequent_across_the_collection_seeds_nothing():
    """Carried by two texts of ten, the phrase is a passage they share; by six of ten (more than the
    limit of five a seed may be found in) it is a set phrase that pairs none of them, although its
    words are still rare enough to count; by every text, its words weigh too little besides."""
    assert set(find_passages(with_stock_phrase(2)).passages) == {("t0", "t1")}
    assert find_passages(with_stock_phrase(6)).passages == {}
    assert find_passages(with_stock_phrase(12, 12)).passages == {}


def test_seeds_whose_sort_keys_collide_stay_apart(monkeypatch: pytest.MonkeyPatch):
    """Seeds are sorted by a key that keeps only the hash's high bits. With one bit kept (as if all
    the seeds of ten texts had collided), the two texts' rare seeds must not be counted with the
    others' (as one seed found in all ten documents, beyond the limit of five, they seed nothing):
    the pair is found, and everything found is as with the full key."""
    texts = with_stock_phrase(2)
    expected = outcome(find_passages(texts))
    monkeypatch.setattr(passages_module, "_packed_bits", lambda count: 63)
    shared = find_passages(texts)
    assert set(shared.passages) == {("t0", "t1")}
    assert outcome(shared) == expected


@pytest.mark.parametrize("bits", [9, 40, 60, 63])  # at least the bits of an index below 500
def test_the_seed_order_is_by_full_hash_then_index_whatever_the_bits_kept(bits: int):
    """`_seed_groups` against a stable argsort of the full hashes, on hashes that share their high bits."""
    generator = np.random.default_rng(bits)
    high = generator.integers(0, 4, 500, dtype=np.uint64) << np.uint64(62)
    low = generator.integers(0, 6, 500, dtype=np.uint64)  # few values: equal hashes too
    hashes = high | low
    order, new_hash = passages_module._seed_groups(hashes, bits)
    expected = np.argsort(hashes, kind="stable")
    assert order.tolist() == expected.tolist()
    ordered = hashes[expected]
    assert new_hash.tolist() == [True, *(ordered[1:] != ordered[:-1]).tolist()]


def test_both_documents_see_the_passage():
    """Each paragraph of a shared passage names its counterpart in the other document, both ways."""
    shared = find_passages([Text("statement", (STATEMENT,)), Text("reprint", (UNRELATED[0], STATEMENT))], NAMES)
    counterparts = shared.counterparts()
    assert [(c.doc, c.paragraph) for c in counterparts["statement"][0]] == [("reprint", 1)]
    assert [(c.doc, c.paragraph) for c in counterparts["reprint"][1]] == [("statement", 0)]
    assert 0 not in counterparts["reprint"]  # the unrelated paragraph has none
    assert shared.shared_words(("reprint", "statement"), 0) == shared.shared_words(("reprint", "statement"), 1)


def collection() -> list[Text]:
    """A statement, an identical reprint, a renamed copy, a title sharing names, and unrelated texts."""
    renamed = STATEMENT.replace("Daesh", "Daesh/ISIS").replace("The Ministers", "Member countries")
    title = "Meeting of the Global Coalition to Defeat Daesh/ISIS Africa Focus Group in Niamey"
    return [
        Text("statement", (STATEMENT,)),
        Text("reprint", (UNRELATED[0], STATEMENT)),
        Text("renamed", (renamed, UNRELATED[1])),
        Text("title", (title, UNRELATED[2])),
        Text("other", (title + ".", filler(7))),
    ]


@settings(max_examples=20, deadline=None)
@given(st.permutations(range(5)))
def test_the_outcome_does_not_depend_on_the_order_of_the_texts(order):
    texts = collection()
    expected = outcome(find_passages(texts, NAMES))
    # Each pair once, the longer document on the left; the titles and the unrelated texts pair nothing.
    pairs = {pair for pair, _, _ in expected}
    assert pairs == {("reprint", "renamed"), ("reprint", "statement"), ("renamed", "statement")}
    assert outcome(find_passages([texts[i] for i in order], NAMES)) == expected


def test_the_outcome_is_the_same_every_time():
    runs = [outcome(find_passages(collection(), NAMES)) for _ in range(3)]
    assert runs[0] and runs[0] == runs[1] == runs[2]

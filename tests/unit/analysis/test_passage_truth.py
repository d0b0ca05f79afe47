"""Shared passages against the ground truth of real reprint patterns, and properties of the detection
that must hold for any input (nothing from unrelated texts, names or function words; symmetric;
renamings found; the same output in every process)."""

from __future__ import annotations

import functools
import os
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coalition_bench.passage_truth import HELD_OUT, GroundTruth, evaluate, load, report
from coalition_texts.analysis.passages import Text, find_passages
from tests.base import ROOT


@functools.cache
def truth() -> GroundTruth:
    """The ground truth of coalition_bench/passage_truth.py, loaded on first use."""
    return load()


@functools.cache
def held_out() -> GroundTruth:
    """The held-out set, all nine texts (one rule was added after the ninth), loaded on first use."""
    return load(folder=HELD_OUT)


@functools.cache
def untouched() -> GroundTruth:
    """The held-out set's eight texts that were scored before any change to the detection."""
    return load(folder=HELD_OUT, untouched_only=True)


def test_ground_truth_precision_and_recall():
    score = evaluate(truth())
    print(report(score, "Ground truth"))  # shown with pytest -s, and on failure
    assert score.precision >= 0.95 and score.recall >= 0.9, report(score)
    assert not score.wrong_labels, report(score)


@pytest.mark.parametrize("subset", ["all nine texts", "the eight untouched texts"])
def test_held_out_precision_and_recall(subset: str):
    """The set written after the thresholds were set: the same goals, on all its texts (the ninth led
    to one rule) and on the eight that were scored before any change (the real held-out score)."""
    score = evaluate(held_out() if subset == "all nine texts" else untouched())
    print(report(score, f"Held-out set, {subset}"))
    assert score.precision >= 0.95 and score.recall >= 0.9, report(score)
    assert not score.wrong_labels, report(score)


def test_the_untouched_subset_leaves_out_only_the_ninth_text():
    left_out = {text.id for text in held_out().texts} - {text.id for text in untouched().texts}
    assert left_out == {"ho-analysis-quotes-renamed"}
    assert untouched().expected == {
        pair: label for pair, label in held_out().expected.items() if not {pair[0], pair[2]} & left_out
    }


def test_held_out_set_is_apart_from_the_ground_truth():
    """No text of one set is in the other; the held-out set scores only pairs with its own texts."""
    own = {text.id for text in held_out().texts if text.id.startswith("ho-")}
    assert own and held_out().scored == own
    assert not own & {text.id for text in truth().texts}
    assert not {text.id for text in held_out().texts if text.id.startswith("gt-")}
    assert all({a, b} & own for a, _, b, _ in held_out().expected)
    assert {doc for a, _, b, _ in held_out().expected for doc in (a, b)} >= own - {
        "ho-cochairs-niamey-title",
        "ho-stock-phrases-oped",
    }


def test_ground_truth_covers_every_pattern():
    """Each text of the ground truth is in at least one expected pair, or in none on purpose (stock phrases)."""
    in_pairs = {doc for a, _, b, _ in truth().expected for doc in (a, b)}
    ground_truth_texts = {text.id for text in truth().texts if text.id.startswith("gt-")}
    assert ground_truth_texts - in_pairs == {"gt-analysis-stock-phrases"}


# --- Properties ---------------------------------------------------------------------------------

CONTENT = st.text(alphabet="bcdfghjklmnpqrstvwxz", min_size=5, max_size=9)
FUNCTION = st.sampled_from(["the", "of", "and", "to", "in", "by", "with", "that", "for", "on"])
NAMES = ("Global Coalition to Defeat Daesh/ISIS", "Africa Focus Group", "Daesh", "ISIS", "Niamey")


def sentence(words: list[str]) -> str:
    return " ".join(words).capitalize() + "."


@st.composite
def paragraphs(draw, suffix: str) -> tuple[str, ...]:
    """Paragraphs of made-up content words (ending in `suffix`, so two texts share none), function
    words and names, in any order and in runs of any length."""
    name_words = st.sampled_from(NAMES)
    words = st.one_of(CONTENT.map(lambda w: w + suffix), FUNCTION, name_words)
    sentences = st.lists(st.lists(words, min_size=3, max_size=40).map(sentence), min_size=1, max_size=4)
    return tuple(" ".join(s) for s in draw(st.lists(sentences, min_size=1, max_size=5)))


@settings(max_examples=40, deadline=None)
@given(a=paragraphs("a"), b=paragraphs("e"))
def test_texts_that_share_only_names_and_function_words_share_nothing(a, b):
    assert not find_passages([Text("a", a), Text("b", b)], NAMES).passages


def test_a_name_weighs_inside_a_quotation_only():
    """A ten-word quotation whose middle is a name ("South and Central Asian") is found; the same name
    with the function words around it, and no word of the quotation beyond, is not."""
    names = ("South and Central Asian", "ISIS-Khorasan")
    quotation = "a growing threat to the South and Central Asian region"
    source = Text("a", (f"The Ministers confirmed the common view that ISIS-Khorasan is {quotation}.",))
    quoting = Text("b", (f'The ministers called ISIS-Khorasan "{quotation}" in Marrakesh.',))
    naming = Text("c", ("Nobody doubted that it would spread to the South and Central Asian countries.",))
    shared = find_passages([source, quoting, naming], names)
    assert set(shared.passages) == {("a", "b")} or set(shared.passages) == {("b", "a")}


SENTENCE = st.lists(CONTENT, min_size=14, max_size=24, unique=True)


@settings(max_examples=30, deadline=None)
@given(drawn=st.lists(SENTENCE, min_size=1, max_size=5), every=st.integers(min_value=3, max_value=8), data=st.data())
def test_a_copy_that_renames_the_group_everywhere_is_found_sentence_by_sentence(drawn, every, data):
    """The original writes "Daesh" every few words, the copy "Daesh/ISIS": the runs between renamings
    may be short, and every sentence is still found against its copy, edited, and only there."""
    originals, copies = [], []
    for number, words in enumerate(drawn):
        words = [f"{w}{number}" for w in words]  # no word shared between sentences
        with_name = [w for i, w in enumerate(words) for w in ((w, "Daesh") if i % every == every - 1 else (w,))]
        originals.append(sentence(with_name))
        copies.append(sentence(["Daesh/ISIS" if w == "Daesh" else w for w in with_name]))
    extra = data.draw(st.lists(CONTENT.map(lambda w: w + "x"), min_size=3, max_size=12))
    copy = Text("b", (sentence(extra), " ".join(copies)))  # an unrelated sentence first, then the copy
    shared = find_passages([Text("a", tuple(originals)), copy], NAMES)
    rows = [row for passages in shared.passages.values() for passage in passages for row in passage.rows]
    found = set()
    for row in rows:
        assert row.paired and not row.identical
        here = {s.doc: s.index for s in (*row.left, *row.right)}
        found.add((here["a"], here["b"]))
    assert found == {(i, i + 1) for i in range(len(drawn))}


@settings(max_examples=25, deadline=None)
@given(drawn=st.lists(SENTENCE, min_size=2, max_size=6), data=st.data())
def test_detection_is_symmetric(drawn, data):
    """Which paragraphs share a passage does not depend on the order the documents are given in."""
    sentences = [sentence([f"{w}{n}" for w in words]) for n, words in enumerate(drawn)]
    picked = data.draw(st.lists(st.integers(0, len(sentences) - 1), min_size=1, max_size=len(sentences)))
    changed = [s.replace(s.split()[3], "altered", 1) if data.draw(st.booleans()) else s for s in sentences]
    a = Text("a", tuple(sentences))
    b = Text("b", tuple(changed[i] for i in picked))

    def pairs(shared):
        return {
            (doc, p, c.doc, c.paragraph, c.identical)
            for doc, by_paragraph in shared.counterparts().items()
            for p, counterparts in by_paragraph.items()
            for c in counterparts
        }

    assert pairs(find_passages([a, b])) == pairs(find_passages([b, a]))
    assert pairs(find_passages([a, b]))  # the property is not vacuous: the copied sentences are found


DUMP = """
from coalition_bench.passage_truth import load
from coalition_texts.analysis.passages import find_passages
truth = load()
shared = find_passages(truth.texts, truth.names)
for pair, passages in shared.passages.items():
    for p in passages:
        for r in p.rows:
            print(pair, p.number, [s.index for s in r.left], [s.index for s in r.right],
                  sorted(r.changed_left), sorted(r.changed_right), r.links)
"""


def test_output_is_the_same_in_every_process():
    """Python salts its string hashes per process: the detection must not depend on them."""
    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT / "scripts")}
        result = subprocess.run([sys.executable, "-c", DUMP], cwd=ROOT, env=env, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        outputs.append(result.stdout)
    assert outputs[0] == outputs[1] and outputs[0].count("\n") >= 30

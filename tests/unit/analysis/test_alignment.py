"""analysis/alignment.py: the vectorised Smith-Waterman (affine gaps) against a plain reference
implementation, and its columns scored back to its score (hypothesis, on small word sequences)."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from coalition_texts.analysis.alignment import GAP_EXTEND, GAP_OPEN, MATCH, MISMATCH, align

WORDS = st.lists(st.integers(0, 5), max_size=14)


def reference_score(a: list[int], b: list[int]) -> int:
    """Gotoh's recurrences, one cell at a time: the best local alignment score."""
    low = -(10**9)
    n, m = len(a), len(b)
    h = [[0] * (m + 1) for _ in range(n + 1)]
    e = [[low] * (m + 1) for _ in range(n + 1)]  # gap in a (b's word against nothing)
    f = [[low] * (m + 1) for _ in range(n + 1)]  # gap in b
    best = 0
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            e[i][j] = max(e[i][j - 1] - GAP_EXTEND, h[i][j - 1] - GAP_OPEN - GAP_EXTEND)
            f[i][j] = max(f[i - 1][j] - GAP_EXTEND, h[i - 1][j] - GAP_OPEN - GAP_EXTEND)
            diagonal = h[i - 1][j - 1] + (MATCH if a[i - 1] == b[j - 1] else MISMATCH)
            h[i][j] = max(0, diagonal, e[i][j], f[i][j])
            best = max(best, h[i][j])
    return best


def columns_score(a: list[int], b: list[int], columns: list[tuple[int, int]]) -> int:
    score, previous = 0, None
    for i, j in columns:
        if i >= 0 and j >= 0:
            score += MATCH if a[i] == b[j] else MISMATCH
            previous = None
        else:
            side = "a" if i < 0 else "b"
            score -= GAP_EXTEND + (GAP_OPEN if previous != side else 0)
            previous = side
    return score


@given(WORDS, WORDS)
def test_the_score_is_the_best_local_alignment_and_the_columns_earn_it(a, b):
    score, columns = align(np.array(a, dtype=np.int64), np.array(b, dtype=np.int64))
    assert score == reference_score(a, b)
    assert columns_score(a, b, columns) == score
    for side in (0, 1):
        used = [column[side] for column in columns if column[side] >= 0]
        assert used == sorted(set(used))  # each word once, in order
    assert align(np.array(b, dtype=np.int64), np.array(a, dtype=np.int64))[0] == score  # symmetric in score


def test_a_renaming_is_one_gap_inside_the_alignment():
    a = np.array([1, 2, 3, 4, 5, 6], dtype=np.int64)  # "... Daesh ..."
    b = np.array([1, 2, 3, 9, 4, 5, 6], dtype=np.int64)  # "... Daesh /ISIS ..."
    score, columns = align(a, b)
    assert columns == [(0, 0), (1, 1), (2, 2), (-1, 3), (3, 4), (4, 5), (5, 6)]
    assert score == 6 * MATCH - GAP_OPEN - GAP_EXTEND
    assert align(a, np.array([], dtype=np.int64)) == (0, [])

"""Word-level local alignment (Smith-Waterman with affine gaps), vectorised over rows with numpy.

`align(a, b)` takes two sequences of word ids and returns the best-scoring local alignment as
columns (i, j): a word of `a` against a word of `b` (the same word, or a substitution), or a
word of one side against nothing (-1), a gap. A renaming such as "Daesh" -> "Daesh/ISIS" costs one
gap, "The Ministers" -> "Member countries" two substitutions: edits inside an alignment, not ends.

Each row of the score matrix is computed at once: the diagonal and vertical moves come from the
row above, and the horizontal gaps of a row are a running maximum (Gotoh's recurrence rewritten as
a prefix scan, valid because opening a gap costs at least as much as extending one). The scores are
integers and ties are broken in a fixed order, so the same input always gives the same alignment.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

MATCH = 2  # the same word on both sides
MISMATCH = -2  # a word replaced by another
GAP_OPEN = 2  # a gap of k words costs GAP_OPEN + k * GAP_EXTEND
GAP_EXTEND = 1

_NONE = np.iinfo(np.int32).min // 4  # minus infinity that cannot overflow when a cost is subtracted

Column = tuple[int, int]  # (index in a or -1, index in b or -1)


def _matrices(
    a: npt.NDArray[np.int64], b: npt.NDArray[np.int64]
) -> tuple[npt.NDArray[np.int32], npt.NDArray[np.int32], npt.NDArray[np.int32]]:
    """H (best score ending at i, j), E (ending in a gap of a: b's word against nothing), F (the reverse)."""
    n, m = len(a), len(b)
    first, extend = GAP_OPEN + GAP_EXTEND, GAP_EXTEND
    h = np.zeros((n + 1, m + 1), dtype=np.int32)
    e = np.full((n + 1, m + 1), _NONE, dtype=np.int32)
    f = np.full((n + 1, m + 1), _NONE, dtype=np.int32)
    scores = np.where(a[:, None] == b[None, :], MATCH, MISMATCH).astype(np.int32)
    ramp = extend * np.arange(m + 1, dtype=np.int32)
    # E[j] = max over k < j of T[k] - first - extend * (j - 1 - k): a running maximum of T[k] + extend * k.
    offset = ramp[:-1] + first  # extend * (j - 1) + first, for j = 1..m
    t = np.zeros(m + 1, dtype=np.int32)
    running = np.empty(m + 1, dtype=np.int32)
    gap = np.empty(m, dtype=np.int32)
    # Views made once (a view costs as much to make as a short operation): each row of the three
    # matrices and of the scores, their parts without the first or last column, the scratch rows' parts.
    h_rows, e_rows, score_rows = list(h), list(e), list(scores)
    e_tails, f_tails = list(e[:, 1:]), list(f[:, 1:])
    h_heads, h_tails = list(h[:, :-1]), list(h[:, 1:])
    t_tail, running_head = t[1:], running[:-1]
    for i in range(1, n + 1):
        f_row = f_tails[i]
        np.subtract(h_tails[i - 1], first, out=f_row)
        np.subtract(f_tails[i - 1], extend, out=gap)
        np.maximum(f_row, gap, out=f_row)
        np.add(h_heads[i - 1], score_rows[i - 1], out=t_tail)
        np.maximum(t_tail, f_row, out=t_tail)
        np.maximum(t_tail, 0, out=t_tail)
        np.add(t, ramp, out=running)
        np.maximum.accumulate(running, out=running)
        np.subtract(running_head, offset, out=e_tails[i])
        row = h_rows[i]
        np.maximum(t, e_rows[i], out=row)
        row[0] = 0
    return h, e, f


def align(a: npt.NDArray[np.int64], b: npt.NDArray[np.int64]) -> tuple[int, list[Column]]:
    """The best local alignment of `a` and `b`: (score, columns in order); (0, []) when nothing aligns."""
    if not len(a) or not len(b):
        return 0, []
    transpose = len(b) < len(a)  # loop over the shorter side: fewer, longer numpy operations
    x, y = (b, a) if transpose else (a, b)
    h, e, f = _matrices(x, y)
    best = int(h.argmax())  # the first maximum in row order: deterministic
    i, j = divmod(best, h.shape[1])
    score = int(h[i, j])
    if score <= 0:
        return 0, []
    first = GAP_OPEN + GAP_EXTEND
    columns: list[Column] = []
    state = "h"
    while i > 0 and j > 0:
        if state == "h":
            value = h[i, j]
            if value == 0:
                break
            diagonal = h[i - 1, j - 1] + (MATCH if x[i - 1] == y[j - 1] else MISMATCH)
            if value == diagonal:
                columns.append((i - 1, j - 1))
                i, j = i - 1, j - 1
            elif value == e[i, j]:
                state = "e"
            else:
                state = "f"
        elif state == "e":  # y[j - 1] against nothing
            columns.append((-1, j - 1))
            state = "h" if e[i, j] == h[i, j - 1] - first else "e"
            j -= 1
        else:  # x[i - 1] against nothing
            columns.append((i - 1, -1))
            state = "h" if f[i, j] == h[i - 1, j] - first else "f"
            i -= 1
    columns.reverse()
    if transpose:
        columns = [(j, i) for i, j in columns]
    return score, columns

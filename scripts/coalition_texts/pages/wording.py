"""Counts in the site's own prose: "1 document", "2 documents", and the verb that follows, agreeing.

Every sentence the pipeline writes about a number of things (documents, paragraphs, pairs, rows)
goes through `count`, so that it reads right for any collection: one, many, or none.
"""

from __future__ import annotations


def agree(number: int, singular: str, plural: str) -> str:
    """`singular` for exactly one, else `plural` (English uses the plural for 0 and for 2 or more)."""
    return singular if number == 1 else plural


def count(
    number: int,
    noun: str,
    verb: str | tuple[str, str] | None = None,
    *,
    plural: str | None = None,
    zero: str | None = None,
) -> str:
    """`number` and `noun` agreeing, and the `verb` that follows agreeing with them.

    `noun` is singular; its plural is `plural`, else `noun` + "s". `verb` is (singular, plural), or
    one plural form ("share") whose singular adds "s" ("shares"). Numbers are written with thousands
    separators ("1,234 documents"). For 0, `zero` replaces the number and noun ("no document"),
    and the verb is singular ("no pair of documents shares"); without it, "0 documents share".
    Lower case: at the start of a sentence, pass the result to `capitalised`.
    """
    nouns = (noun, plural if plural is not None else noun + "s")
    if number == 0 and zero is not None:
        phrase, one = zero, True
    else:
        phrase, one = f"{number:,} {agree(number, *nouns)}", number == 1
    if verb is None:
        return phrase
    forms = verb if isinstance(verb, tuple) else (verb + "s", verb)
    return f"{phrase} {forms[0] if one else forms[1]}"


def capitalised(text: str) -> str:
    """`text` with its first letter capitalised (and nothing else changed, unlike str.capitalize)."""
    return text[:1].upper() + text[1:]

"""How to cite a document of the collection: plain text, BibTeX, CSL-JSON and RIS.

Every form is built from a catalog `Document` and the address to cite (its page on this site,
optionally with a paragraph anchor). Metadata the site supplied (not stated in the text) is marked:
in square brackets in the plain-text form, as the bibliographic convention has it, and in a note in
the machine-readable forms. Nothing depends on the date of the build, so output is reproducible.

The paragraph links' "copy citation" button builds the plain-text form in the browser from
`plain_text_head` (the part before the paragraph number), as `plain_text` does here.
"""

from __future__ import annotations

import json
import re

from coalition_texts.model.records import Document

# CSL item types, RIS reference types and who the author is come with each kind (sources/kinds.yml):
# a text a body issued in its own name has that body as author; news and reposts have no named author.
LANGUAGE_NAMES = {"en": "english", "fr": "french", "ar": "arabic", "es": "spanish", "pt": "portuguese"}
_BIBTEX_SPECIAL = re.compile(r"([\\{}&%$#_~^])")
_BIBTEX_REPLACEMENT = {"\\": r"\textbackslash{}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}
FORMS = ("Plain text", "BibTeX", "CSL-JSON", "RIS")


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _bracketed(text: str, supplied: bool) -> str:
    return f"[{text}]" if supplied else text


def _date_label(doc: Document) -> str:
    """The date's name in the note: "date", or "year of the date" where only some parts are supplied."""
    if doc.published is None or doc.date_supplied_parts == doc.published.parts:
        return "date"
    return " and ".join(doc.date_supplied_parts) + " of the date"


def supplied_note(doc: Document) -> str | None:
    """Which parts of the citation the site supplied, or None when the text states them all."""
    parts = [
        name
        for name, supplied in (
            ("title", doc.title_supplied),
            ("publisher", doc.publisher_supplied),
            (_date_label(doc), doc.date_supplied and doc.published is not None),
            ("original address", doc.url_supplied and doc.url is not None),
        )
        if supplied
    ]
    if not parts:
        return None
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return f"The {listed} {'is' if len(parts) == 1 else 'are'} supplied: not stated in the text."


def plain_text_head(doc: Document) -> str:
    """Title, publisher and date: the plain-text citation up to the paragraph number."""
    title = _one_line(doc.title)
    full_stop = "" if title[-1:] in ".?!" else "."
    title_part = f"[{title}]{full_stop}" if doc.title_supplied else f"“{title}{full_stop}”"
    # Only the supplied parts are bracketed: "3 March [2023]" where the text gives the day and month.
    date = doc.published.human_marking(doc.date_supplied_parts, lambda text: f"[{text}]") if doc.published else "n.d."
    return f"{title_part} {_bracketed(_one_line(doc.publisher), doc.publisher_supplied)}, {date}"


def plain_text(doc: Document, url: str, paragraph: int | None = None) -> str:
    """“Title.” Publisher, date, ¶ n. URL — the form a reader pastes into a text."""
    text = plain_text_head(doc) + (f", ¶ {paragraph}" if paragraph is not None else "")
    return f"{text}{'' if text.endswith('.') else '.'} {url}"  # "n.d." ends with its own full stop


def _bibtex_text(text: str) -> str:
    return _BIBTEX_SPECIAL.sub(lambda m: _BIBTEX_REPLACEMENT.get(m.group(1), "\\" + m.group(1)), _one_line(text))


def _bibtex_url(url: str) -> str:
    """A URL inside \\url{} in a note: only the characters TeX itself would act on are escaped."""
    return re.sub(r"([%#{}\\])", r"\\\1", url)


def _notes(doc: Document) -> list[str]:
    notes = []
    if doc.url:
        notes.append(f"Original address: {doc.url}.")
    supplied = supplied_note(doc)
    if supplied:
        notes.append(supplied)
    return notes


def bibtex(doc: Document, url: str) -> str:
    """A BibTeX `@misc` entry (fields also read by biblatex), keyed by the document's id."""
    fields: list[tuple[str, str]] = []
    if doc.kind_info.author_is_publisher:
        fields.append(("author", "{" + _bibtex_text(doc.publisher) + "}"))  # a body, not "Lastname, First"
    fields += [
        ("title", "{" + _bibtex_text(doc.title) + "}"),  # inner braces keep the capitals as published
        ("howpublished", f"{_bibtex_text(doc.kind_label)}, {_bibtex_text(doc.publisher)}"),
        ("publisher", _bibtex_text(doc.publisher)),
    ]
    if doc.published:
        fields.append(("year", str(doc.published.year)))
        if doc.published.month:
            fields.append(("month", str(doc.published.month)))
        fields.append(("date", doc.published.iso()))
    fields.append(("url", url))
    if doc.language in LANGUAGE_NAMES:
        fields.append(("langid", LANGUAGE_NAMES[doc.language]))
    note = []
    if doc.url:
        note.append(rf"Original address: \url{{{_bibtex_url(doc.url)}}}.")
    supplied = supplied_note(doc)
    if supplied:
        note.append(_bibtex_text(supplied))
    if note:
        fields.append(("note", " ".join(note)))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{doc.id},\n{body}\n}}\n"


def csl_json(doc: Document, url: str) -> dict:
    """One CSL-JSON item (the input format of Zotero, Pandoc and citeproc processors)."""
    item: dict = {"id": doc.id, "type": doc.kind_info.csl_type, "title": _one_line(doc.title)}
    if doc.kind_info.author_is_publisher:
        item["author"] = [{"literal": _one_line(doc.publisher)}]
    item["publisher"] = _one_line(doc.publisher)
    if doc.kind_info.origin == "reported":  # an outlet or wire: the publication is its container
        item["container-title"] = _one_line(doc.publisher)
    if doc.published:
        parts = [doc.published.year, doc.published.month, doc.published.day]
        item["issued"] = {"date-parts": [[part for part in parts if part]]}
    if doc.place:
        item["publisher-place"] = _one_line(doc.place)
    item["genre"] = doc.kind_label
    item["language"] = doc.language
    item["URL"] = url
    if _notes(doc):
        item["note"] = " ".join(_notes(doc))
    return item


def csl_json_text(doc: Document, url: str) -> str:
    """The CSL-JSON file for one document: a list holding its item."""
    return json.dumps([csl_json(doc, url)], ensure_ascii=False, indent=2) + "\n"


def ris(doc: Document, url: str) -> str:
    """A RIS record (EndNote, Zotero, Mendeley and reference managers import it)."""
    lines = [("TY", doc.kind_info.ris_type), ("ID", doc.id), ("TI", _one_line(doc.title))]
    if doc.kind_info.author_is_publisher:
        lines.append(("AU", _one_line(doc.publisher)))
    lines.append(("PB", _one_line(doc.publisher)))
    if doc.published:
        published = doc.published
        lines.append(("PY", f"{published.year:04d}"))
        month = f"{published.month:02d}" if published.month else ""
        day = f"{published.day:02d}" if published.day else ""
        lines.append(("DA", f"{published.year:04d}/{month}/{day}/"))
    if doc.place:
        lines.append(("CY", _one_line(doc.place)))
    lines += [("M3", doc.kind_label), ("LA", doc.language), ("UR", url)]
    lines += [("N1", note) for note in _notes(doc)]
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {value}\n" for tag, value in lines)


def forms(doc: Document, url: str) -> dict[str, str]:
    """Every form, by its name in `FORMS`, for the document at `url`."""
    texts = (plain_text(doc, url), bibtex(doc, url), csl_json_text(doc, url), ris(doc, url))
    return dict(zip(FORMS, texts, strict=True))


def markdown_block(doc: Document, url: str) -> str:
    """The "Cite this document" section of a document page: each form in a content tab, as a code
    block (its text is literal: no Markdown, no glossary marks) with Material's copy button, which
    the `copy` class asks for. Kept out of the search index: it repeats the page's metadata."""
    tabs = []
    for name, text in forms(doc, url).items():
        fence = "`" * max(3, 1 + max((len(run) for run in re.findall("`+", text)), default=0))
        block = f"{fence} {{ .text .citation .copy }}\n{text.rstrip()}\n{fence}"
        tabs.append(f'=== "{name}"\n\n' + "\n".join("    " + line if line else "" for line in block.split("\n")) + "\n")
    return (
        "\n## Cite this document { data-search-exclude }\n\n"
        "To cite one paragraph, use the buttons beside it: they copy its link or its citation.\n\n" + "\n".join(tabs)
    )

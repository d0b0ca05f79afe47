"""sources/texts.py: decoding, declared page furniture removed, paragraphs split at blank lines."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from coalition_texts.sources.texts import decode, read_source, split_text
from tests.base import source_error, write_sources

LINE = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=20).filter(str.strip)


def test_bom_and_line_ends_are_accepted():
    assert decode("\ufeffa\r\nb\rc\n".encode(), "w") == "a\nb\nc\n"
    assert decode(b"tab\there", "w") == "tab\there"


def test_bad_bytes_and_control_characters_name_their_line():
    assert source_error(lambda: decode(b"ok\nok\nbad \xff here", "t.txt")) == (
        "t.txt: is not valid UTF-8: byte offset 10 (line 3) holds 0xff. Convert the file to UTF-8."
    )
    assert source_error(lambda: decode(b"a\n\nb\x02c", "t.txt")) == (
        "t.txt: line 3 holds the control character U+0002, which cannot be shown. Remove it from the text."
    )


def test_paragraphs_and_their_lines():
    paragraphs, removed = split_text("Title\n\n one\ntwo \n\n\nContacts\nthree\n", ("Contacts",), "w")
    assert [(p.text, p.first_line, p.last_line) for p in paragraphs] == [
        ("Title", 1, 1), ("one two", 3, 4), ("three", 8, 8)
    ]  # fmt: skip
    assert [(r.line, r.text) for r in removed] == [(7, "Contacts")]


def test_a_strip_line_not_in_the_text_is_named():
    message = source_error(lambda: split_text("a\n", ("Contact",), "t.txt (text, field 'strip')"))
    assert message.startswith("t.txt (text, field 'strip'): the strip line 'Contact' is not a line of the text.")


@given(st.lists(st.lists(LINE, min_size=1, max_size=4), min_size=1, max_size=6))
def test_any_paragraphs_come_back_word_for_word(paragraphs):
    text = "\n\n".join("\n".join(lines) for lines in paragraphs)
    found, removed = split_text(text, (), "w")
    assert [p.text for p in found] == [" ".join(line.strip() for line in lines) for lines in paragraphs]
    assert removed == ()


def test_read_source_hashes_the_bytes_and_refuses_an_empty_text(tmp_path):
    sources = write_sources(tmp_path, {"empty.txt": " \n\n", "furniture.txt": "Share\n"})
    text = read_source(sources / "text.txt", (), "text")
    assert [p.text for p in text.paragraphs] == ["First paragraph, on two lines.", "Second paragraph."]
    assert len(text.sha256) == 64
    assert source_error(lambda: read_source(sources / "empty.txt", (), "empty")).endswith(
        "the text is empty. Add the text, or remove its entry from the catalog."
    )
    assert "no text is left once the 'strip' lines are removed" in source_error(
        lambda: read_source(sources / "furniture.txt", ("Share",), "furniture")
    )

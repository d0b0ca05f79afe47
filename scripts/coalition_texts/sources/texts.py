"""Turn one captured text into paragraphs: decode, drop declared page furniture, split at blank lines."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from coalition_texts.model.errors import SourceError
from coalition_texts.model.records import Paragraph, RemovedLine, SourceText

# Tab, line feed and carriage return are the only control characters a text may hold: the others
# have no visible form in HTML, and Python-Markdown reserves STX/ETX for its own placeholders.
# Unicode's control characters (category Cc: U+0000-001F and U+007F-009F) less those three.
FORBIDDEN_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def decode(data: bytes, where: str) -> str:
    """UTF-8 (with or without a byte-order mark), CRLF or LF, no stray control characters."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise SourceError(
            where,
            f"is not valid UTF-8: byte offset {error.start} (line {line}) holds 0x{data[error.start]:02x}.",
            "Convert the file to UTF-8.",
        ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    stray = FORBIDDEN_CONTROLS.search(text)
    if stray:
        line = text.count("\n", 0, stray.start()) + 1
        raise SourceError(
            where,
            f"line {line} holds the control character U+{ord(stray.group()):04X}, which cannot be shown.",
            "Remove it from the text.",
        )
    return text


def split_text(text: str, strip: tuple[str, ...], where: str) -> tuple[tuple[Paragraph, ...], tuple[RemovedLine, ...]]:
    """Remove the lines listed in `strip` (every occurrence), then split paragraphs at blank lines.

    Only "\\n" ends a line: other Unicode line separators are part of the text.
    """
    lines = text.split("\n")
    wanted = {line.strip() for line in strip}
    removed: list[RemovedLine] = []
    found: set[str] = set()
    paragraphs: list[Paragraph] = []
    current: list[str] = []
    start = 0

    def close(last: int) -> None:
        if current:
            paragraphs.append(Paragraph(" ".join(current), start, last))
            current.clear()

    for number, line in enumerate(lines, start=1):
        content = line.strip()
        if content and content in wanted:
            removed.append(RemovedLine(number, content))
            found.add(content)
            close(number - 1)
            continue
        if not content:
            close(number - 1)
            continue
        if not current:
            start = number
        current.append(content)
    close(len(lines))
    for line in strip:
        if line.strip() not in found:
            raise SourceError(
                where,
                f"the strip line {line!r} is not a line of the text.",
                "Copy the line exactly as it stands in the file, or remove it from 'strip'.",
            )
    return tuple(paragraphs), tuple(removed)


def read_source(path: Path, strip: tuple[str, ...], label: str) -> SourceText:
    """Read and split one source file; `label` names it in messages."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise SourceError(
            label, f"the file {path} does not exist.", "Check the 'file' field or add the file."
        ) from None
    text = decode(data, f"{path}")
    if not text.strip():
        raise SourceError(f"{path}", "the text is empty.", "Add the text, or remove its entry from the catalog.")
    paragraphs, removed = split_text(text, strip, f"{path} ({label}, field 'strip')")
    if not paragraphs:
        raise SourceError(f"{path}", "no text is left once the 'strip' lines are removed.", "Check 'strip'.")
    return SourceText(hashlib.sha256(data).hexdigest(), paragraphs, removed)

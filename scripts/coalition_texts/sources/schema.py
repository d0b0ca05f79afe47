"""The shared way to read a YAML list of entries in `sources/`: typed fields, located messages.

`entries(path, key)` gives the mappings listed under `key:` (`listing(path, key)` the whole file's
mapping, for a file with fields beside its list); `Entry` reads one entry's fields
(checked names, required fields, texts, flags, lists, dates), turning every problem into a
SourceError that names the file, the line, the entry and the field. Every reader of `sources/`
uses it, so that all of them word their messages alike.
"""

from __future__ import annotations

import calendar
import re
from pathlib import Path
from typing import overload

from coalition_texts.model.dates import MONTHS, PartialDate
from coalition_texts.model.errors import SourceError
from coalition_texts.model.web_address import rebuild
from coalition_texts.sources.yaml_lines import LineDict, load_yaml

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")  # ids are URL slugs
DATE_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
# The years a date may name. Fixed, not taken from the clock, so that a build can be reproduced: the
# texts are from 2022 and 2023, and the range leaves room for their history and their future.
FIRST_YEAR, LAST_YEAR = 1900, 2100


class Entry:
    """Reads the fields of one YAML entry, turning every problem into a located SourceError."""

    def __init__(self, path: Path, entry: LineDict, label: str):
        self.path, self.entry, self.label = path, entry, label

    def fail(self, field: str | None, problem: str, fix: str = "") -> SourceError:
        line = self.entry.line_of(field) if field else self.entry.line
        where = f"{self.path}, line {line} ({self.label}"
        where += f", field '{field}')" if field else ")"
        return SourceError(where, problem, fix)

    def check_fields(self, allowed: set[str], required: list[str]) -> None:
        for key in self.entry:
            if key not in allowed:
                raise self.fail(key, f"unknown field '{key}'.", f"Allowed fields: {', '.join(sorted(allowed))}.")
        for key in required:
            if key not in self.entry:
                raise self.fail(None, f"the required field '{key}' is missing.", "Add it.")

    @overload
    def text(self, field: str) -> str: ...
    @overload
    def text(self, field: str, *, optional: bool) -> str | None: ...
    def text(self, field: str, *, optional: bool = False) -> str | None:
        value = self.entry.get(field)
        if value is None and optional:
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.fail(field, "must be a non-empty text.")
        return " ".join(value.split())

    @overload
    def address(self, field: str) -> str: ...
    @overload
    def address(self, field: str, *, optional: bool) -> str | None: ...
    def address(self, field: str, *, optional: bool = False) -> str | None:
        """An http(s) address, parsed and rebuilt (model/web_address.py): what is published is the rebuilt form."""
        value = self.text(field, optional=optional)
        if value is None:
            return None
        rebuilt = rebuild(value)
        if rebuilt is None:
            raise self.fail(field, f"'{value[:80]}' is not an http(s) address.", "Write the full address, or null.")
        return rebuilt

    def flag(self, field: str) -> bool:
        value = self.entry.get(field, False)
        if not isinstance(value, bool):
            raise self.fail(field, f"must be true or false, not {value!r}.")
        return value

    def texts(self, field: str) -> tuple[str, ...]:
        value = self.entry.get(field) or []
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail(field, "must be a list of non-empty texts, like [a, b].")
        return tuple(value)

    @overload
    def date(self, field: str) -> PartialDate: ...
    @overload
    def date(self, field: str, *, optional: bool) -> PartialDate | None: ...
    def date(self, field: str, *, optional: bool = False) -> PartialDate | None:
        value = self.entry.get(field)
        if value is None:
            if optional:
                return None
            raise self.fail(field, "is empty.", "Write YYYY-MM-DD, YYYY-MM or YYYY.")
        match = DATE_PATTERN.match(str(value))
        if not match:
            raise self.fail(field, f"'{value}' is not a date.", "Write YYYY-MM-DD, YYYY-MM or YYYY.")
        year, month, day = (int(part) if part else 0 for part in match.groups())
        if not FIRST_YEAR <= year <= LAST_YEAR:
            raise self.fail(field, f"'{value}' is outside the years {FIRST_YEAR}–{LAST_YEAR}.", "Check the year.")
        if match.group(2) and not 1 <= month <= 12:
            raise self.fail(field, f"'{value}' is an impossible date (no month {month}).")
        if match.group(3) and not 1 <= day <= calendar.monthrange(year, month)[1]:
            raise self.fail(field, f"'{value}' is an impossible date ({MONTHS[month]} {year} has no day {day}).")
        return PartialDate(year, month, day)


def listing(path: Path, key: str, *, non_empty: bool = False) -> LineDict:
    """The YAML file at `path`, checked to be a mapping whose `key:` is a list of mappings
    (`non_empty`: at least one), its other fields for the caller to read."""
    data = load_yaml(path)
    if not isinstance(data, LineDict) or not isinstance(data.get(key), list) or (non_empty and not data[key]):
        kind = "a non-empty list" if non_empty else "a list"
        raise SourceError(str(path), f"must be a mapping with {kind} under '{key}:'.", "See README.md.")
    for index, entry in enumerate(data[key]):
        if not isinstance(entry, LineDict):
            raise SourceError(str(path), f"entry {index + 1} under '{key}:' is not a mapping.")
    return data


def entries(path: Path, key: str, *, non_empty: bool = False) -> list[LineDict]:
    """The entries of the list under `key:` in the YAML file at `path`, each a mapping (`non_empty`: at least one)."""
    found: list[LineDict] = listing(path, key, non_empty=non_empty)[key]
    return found


def unique_id(reader: Entry, seen: dict[str, int]) -> str:
    """The entry's `id`: a slug, not used before in the same file (`seen`: id → line)."""
    identifier = reader.text("id")
    if not ID_PATTERN.match(identifier):
        raise reader.fail("id", f"'{identifier}' is not a valid id.", "Use lowercase letters, digits and hyphens.")
    if identifier in seen:
        raise reader.fail(
            "id", f"duplicate id '{identifier}' (first used on line {seen[identifier]}).", "Ids must be unique."
        )
    seen[identifier] = reader.entry.line
    return identifier

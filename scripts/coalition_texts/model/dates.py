"""Dates known to the year, the month or the day, and how they read."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

DATE_PARTS = ("day", "month", "year")  # in the order a date is written ("3 March 2023")

MONTHS = [
    "", "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day: only as precise as the evidence."""

    year: int
    month: int = 0
    day: int = 0

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def iso(self) -> str:
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def human(self) -> str:
        if self.day:
            return f"{self.day} {MONTHS[self.month]} {self.year}"
        if self.month:
            return f"{MONTHS[self.month]} {self.year}"
        return str(self.year)

    @property
    def parts(self) -> tuple[str, ...]:
        """The parts this date has, in `DATE_PARTS` order: ('month', 'year') for "May 2022"."""
        return tuple(part for part in DATE_PARTS if part == "year" or getattr(self, part))

    def human_marking(self, marked: tuple[str, ...], mark: Callable[[str], str]) -> str:
        """`human()` with the `marked` parts passed through `mark`, neighbours together:
        "3 March [2023]" for the year, "[May 2022]" for month and year."""
        words = {"day": str(self.day), "month": MONTHS[self.month], "year": str(self.year)}
        runs: list[tuple[bool, list[str]]] = []
        for part in self.parts:
            is_marked = part in marked
            if runs and runs[-1][0] == is_marked:
                runs[-1][1].append(words[part])
            else:
                runs.append((is_marked, [words[part]]))
        return " ".join(mark(" ".join(ws)) if is_marked else " ".join(ws) for is_marked, ws in runs)


def supplied_parts_phrase(date: PartialDate, supplied: tuple[str, ...]) -> str:
    """Which parts of a date are supplied, in words: "the year (the day and month are in the text)"."""
    if set(supplied) == set(date.parts):
        return "the date"

    def listed(parts: list[str]) -> str:
        return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]

    stated = [p for p in date.parts if p not in supplied]
    verb = "is" if len(stated) == 1 else "are"
    return f"the {listed(list(supplied))} (the {listed(stated)} {verb} in the text)"


def date_range(start: PartialDate, end: PartialDate | None) -> str:
    """'11 May 2022', '1–2 March 2023' or 'December 2021 – May 2022' (a single date when `end` is None)."""
    if end is None or end == start:
        return start.human()
    if start.precision == end.precision == "day" and (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {MONTHS[start.month]} {start.year}"
    return f"{start.human()} – {end.human()}"

"""Dates known to the year, the month or the day, and how they read."""

from __future__ import annotations

from dataclasses import dataclass

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


def date_range(start: PartialDate, end: PartialDate | None) -> str:
    """'11 May 2022', '1–2 March 2023' or 'December 2021 – May 2022' (a single date when `end` is None)."""
    if end is None or end == start:
        return start.human()
    if start.precision == end.precision == "day" and (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {MONTHS[start.month]} {start.year}"
    return f"{start.human()} – {end.human()}"

"""A build as one transaction: the pages of docs/, the anchor registry and site/ change together or not at all.

The conversion writes the generated folders of docs/ before MkDocs renders them; the registry and the
built site must only change once everything that can fail has run (rendering, the search index, the
open data, the feeds, `--strict`). So a build:

1. takes the folder's lock (`.build.lock`): a second build of the same folder waits for the first;
2. recovers from a build that was killed: the journal (`docs/.build-journal.json`) says which folders
   were swapped; before the commit they are rolled back, after it the commit is finished;
3. stages: each generated folder whose content changes is written beside the old one and swapped in,
   the old one kept as `docs/.<folder>-old`; MkDocs writes the site into a staging folder beside site/;
4. commits at the very end (after MkDocs' post-build steps): the registry is written atomically,
   the journal marked committed, the staged site swapped in, the old folders removed;
   or rolls back on any error: the old folders return, the staged site is removed, the registry and
   site/ were never touched.
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO

from coalition_texts.model.errors import SourceError
from coalition_texts.model.urls import ANCHORS, DOCS

LOCK = ".build.lock"
JOURNAL = ".build-journal.json"
WAIT_SECONDS = 600  # a second build waits this long for the first before giving up with a message


def _fsync_write(path: Path, data: bytes) -> None:
    temporary = path.with_name(path.name + ".tmp")
    with open(temporary, "wb") as file:
        file.write(data)
        file.flush()
        os.fsync(file.fileno())
    os.replace(temporary, path)


def _write_error(error: OSError, where: Path) -> SourceError:
    advice = "Free some disk space." if error.errno == errno.ENOSPC else "Make the folder writable."
    return SourceError(str(where), f"cannot be written ({error.strerror}); nothing was changed.", advice)


class Transaction:
    """The build's changes to docs/ (generated folders), sources/anchors.json and site/."""

    def __init__(self, root: Path, folders: tuple[str, ...], site_dir: Path | None = None):
        self.root, self.folders = root, folders
        self.docs = root / DOCS
        self.journal = self.docs / JOURNAL
        self.site = site_dir  # None: the site is not staged (mkdocs serve, --dirty, the conversion alone)
        self.staged_site = site_dir.with_name(f".{site_dir.name}-new") if site_dir else None
        self.swapped: list[str] = []
        self._lock_file: IO[str] | None = None

    # The lock ---------------------------------------------------------------------------------------

    def lock(self, say: Callable[[str], None] = lambda message: None) -> None:
        try:
            lock_file = open(self.root / LOCK, "a+")  # noqa: SIM115 (held until release())
        except OSError as error:
            raise _write_error(error, self.root / LOCK) from None
        self._lock_file = lock_file
        try:
            fcntl.flock(lock_file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            say("another build of this folder is running: waiting for it to finish")
            deadline = time.monotonic() + WAIT_SECONDS
            while True:
                try:
                    fcntl.flock(lock_file, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        lock_file.close()
                        self._lock_file = None
                        raise SourceError(
                            str(self.root / LOCK),
                            f"another build of this folder has held the lock for over {WAIT_SECONDS} s.",
                            "Wait for it, or stop it, then build again.",
                        ) from None
                    time.sleep(0.2)
        try:
            self.recover()
        except OSError as error:
            self.release()
            raise SourceError(
                str(error.filename or self.docs),
                f"what an interrupted build left cannot be cleaned up ({error.strerror}).",
                "Make docs/ and the site folder writable, then build again.",
            ) from None

    def release(self) -> None:
        if self._lock_file is not None:
            fcntl.flock(self._lock_file, fcntl.LOCK_UN)
            self._lock_file.close()
            self._lock_file = None

    # Recovery from a killed build -------------------------------------------------------------------

    def recover(self) -> None:
        """Finish or undo what a killed build left (called with the lock held)."""
        phase = None
        if self.journal.exists():
            try:
                phase = json.loads(self.journal.read_text(encoding="utf-8")).get("phase")
            except (ValueError, OSError):
                phase = "staged"  # a journal cut short was being written before any commit
        for folder in self.folders:
            old, current = self.docs / f".{folder}-old", self.docs / folder
            if not old.exists():
                continue
            if phase != "staged" and current.exists():  # committed (or no journal): the current pages stay
                shutil.rmtree(old)
            else:  # not committed (or the new folder never arrived): the old pages come back
                if current.exists():
                    shutil.rmtree(current)
                os.replace(old, current)
        if self.docs.is_dir():
            for leftover in self.docs.glob(".*-new-*"):
                shutil.rmtree(leftover, ignore_errors=True)
        if self.site is not None and self.staged_site is not None:
            shutil.rmtree(self.staged_site, ignore_errors=True)
            old_site = self.site.with_name(f".{self.site.name}-old")
            if old_site.exists():
                if self.site.exists():
                    shutil.rmtree(old_site, ignore_errors=True)
                else:
                    os.replace(old_site, self.site)
        temporary = (self.root / ANCHORS).with_suffix(".json.tmp")  # where sources/anchors.py writes it first
        if temporary.is_file():
            temporary.unlink()
        self.journal.unlink(missing_ok=True)

    # Staging ----------------------------------------------------------------------------------------

    def _record(self, phase: str) -> None:
        _fsync_write(self.journal, json.dumps({"phase": phase, "swapped": self.swapped}).encode())

    def stage_pages(self, pages: dict[str, str]) -> bool:
        """Swap in each generated folder whose content differs, keeping the old one until the commit.

        Unchanged folders are not touched, so `mkdocs serve` does not see its own output as an edit.
        Returns whether anything was written. A write error rolls back and becomes a SourceError.
        """
        try:
            self.docs.mkdir(parents=True, exist_ok=True)
            for folder in self.folders:
                wanted = {p: text.encode("utf-8") for p, text in pages.items() if p.startswith(folder + "/")}
                if _current(self.docs, folder) == wanted:
                    continue
                staging = Path(tempfile.mkdtemp(prefix=f".{folder}-new-", dir=self.docs))
                for path, data in wanted.items():
                    target = staging / Path(path).relative_to(folder)
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(data)
                self.swapped.append(folder)
                self._record("staged")  # before the swap: a kill from here on is rolled back
                old = self.docs / f".{folder}-old"
                if (self.docs / folder).exists():
                    os.replace(self.docs / folder, old)
                os.replace(staging, self.docs / folder)
        except OSError as error:
            self.rollback()
            raise _write_error(error, Path(error.filename or self.docs)) from None
        return bool(self.swapped)

    # The end ----------------------------------------------------------------------------------------

    def commit(self, write_registry: Callable[[], object]) -> None:
        """Write the registry, then make the staged pages and site the current ones."""
        try:
            write_registry()  # atomic: raises SourceError, having changed nothing, if it cannot write
        except Exception:
            self.rollback()
            raise
        if self.swapped:
            self._record("committed")
        if self.site is not None and self.staged_site is not None and self.staged_site.exists():
            old_site = self.site.with_name(f".{self.site.name}-old")
            shutil.rmtree(old_site, ignore_errors=True)
            if self.site.exists():
                os.replace(self.site, old_site)
            os.replace(self.staged_site, self.site)
            shutil.rmtree(old_site, ignore_errors=True)
        for folder in self.swapped:
            shutil.rmtree(self.docs / f".{folder}-old", ignore_errors=True)
        self.journal.unlink(missing_ok=True)
        self.swapped = []

    def rollback(self) -> None:
        """Put back the pages of the last good build and drop the staged site."""
        if self._lock_file is None:
            return  # never locked (a build that waited in vain): what is staged belongs to another build
        for folder in reversed(self.swapped):
            old, current = self.docs / f".{folder}-old", self.docs / folder
            if current.exists():
                shutil.rmtree(current, ignore_errors=True)
            if old.exists():
                os.replace(old, current)
        self.swapped = []
        if self.staged_site is not None:
            shutil.rmtree(self.staged_site, ignore_errors=True)
        for leftover in self.docs.glob(".*-new-*") if self.docs.is_dir() else ():
            shutil.rmtree(leftover, ignore_errors=True)
        self.journal.unlink(missing_ok=True)


def _current(docs: Path, folder: str) -> dict[str, bytes]:
    base = docs / folder
    if not base.is_dir():
        return {}
    return {path.relative_to(docs).as_posix(): path.read_bytes() for path in base.rglob("*") if path.is_file()}

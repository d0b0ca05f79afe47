"""Read a file of `sources/` safely: only regular files that stay inside `sources/`.

Every file the build reads from `sources/` (texts, YAML, editorial Markdown) comes through here.
A name is refused, with one message naming it, when it holds a NUL or a control character, is
longer than the file system allows, leads outside `sources/` (`..`, an absolute path, or a
symbolic link to a file or folder elsewhere), or names something that is not a regular file (a
folder, a named pipe, a device). The file is opened without blocking and checked with `fstat`
before a byte is read, so a named pipe cannot make the build wait forever.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from coalition_texts.model.errors import SourceError
from coalition_texts.model.urls import SOURCES

MAX_NAME = 255  # bytes in one path component (NAME_MAX on Linux and macOS)
MAX_PATH = 1024


def sources_root(path: Path) -> Path:
    """The `sources/` folder `path` is in (its nearest ancestor of that name), else its own folder."""
    for parent in path.parents:
        if parent.name == SOURCES:
            return parent
    return path.parent


def check_name(name: str, where: str) -> None:
    """Refuse a file name from the data that cannot safely name a file under `sources/`."""
    if any(ord(character) < 0x20 or ord(character) == 0x7F for character in name):
        raise SourceError(where, f"the file name {name!r} holds a control character.", "Rename the file.")
    if len(name.encode("utf-8", "surrogateescape")) > MAX_PATH or any(
        len(part.encode("utf-8", "surrogateescape")) > MAX_NAME for part in name.split("/")
    ):
        raise SourceError(
            where, f"the file name '{name[:60]}…' is too long.", f"Keep each part under {MAX_NAME} bytes."
        )
    if name.startswith("/") or "\\" in name or ".." in name.split("/"):
        raise SourceError(where, f"'{name}' must be a path inside sources/.", "Write it relative to sources/.")


def read_bytes(path: Path, where: str, root: Path | None = None) -> bytes:
    """The bytes of `path`, which must be a regular file inside `root` (default: its `sources/` folder)."""
    root = (root or sources_root(path)).resolve()
    try:
        real = path.resolve(strict=True)
    except FileNotFoundError:
        raise SourceError(where, f"the file {path} does not exist.", "Check the file name or add the file.") from None
    except (OSError, RuntimeError) as error:  # a loop of symbolic links, a name too long
        reason = getattr(error, "strerror", None) or str(error)
        raise SourceError(where, f"the file {path} cannot be read ({reason}).") from None
    if not real.is_relative_to(root):
        raise SourceError(
            where,
            f"{path} leads outside sources/ (to {real}).",
            "Put the file itself in sources/: links to files or folders elsewhere are refused.",
        )
    try:
        descriptor = os.open(real, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
    except OSError as error:
        raise SourceError(where, f"the file {path} cannot be read ({error.strerror}).") from None
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise SourceError(where, f"{path} is not a regular file.", "Name a text file, not a folder or a pipe.")
        with os.fdopen(descriptor, "rb", closefd=False) as file:
            return file.read()
    except OSError as error:
        raise SourceError(where, f"the file {path} cannot be read ({error.strerror}).") from None
    finally:
        os.close(descriptor)

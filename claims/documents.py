"""Read documents from disk: UTF-8 text only, line endings kept, clear errors otherwise."""

from __future__ import annotations

import fnmatch
import hashlib
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import PurePath

from .errors import DocumentError

DEFAULT_PATTERNS: tuple[str, ...] = ("*.txt", "*.md")


@dataclass(frozen=True, slots=True)
class Document:
    """A document's id (path relative to the scanned folder, with ``/``), text and hash."""

    id: str
    path: str
    text: str
    sha256: str


def read_text(path: str | os.PathLike) -> str:
    """Read a file as UTF-8 with line endings kept as they are.

    Raises:
        DocumentError: the file is missing, binary or not valid UTF-8.
    """
    try:
        with open(path, "rb") as file:
            raw = file.read()
    except FileNotFoundError:
        raise DocumentError(str(path), "no such file or folder", "check the path") from None
    except IsADirectoryError:
        raise DocumentError(str(path), "is a folder, not a file", "pass the folder to scan it") from None
    except OSError as exc:
        raise DocumentError(str(path), f"cannot be read ({exc.strerror})", "check its permissions") from None
    if b"\x00" in raw[:8192]:
        raise DocumentError(str(path), "is a binary file, not text",
                            "remove it or exclude it with --include/--exclude")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DocumentError(
            str(path), f"is not valid UTF-8 (byte {exc.start})",
            "convert it, e.g. `iconv -f latin1 -t utf-8`, or exclude it") from None
    return text


def sha256_of(text: str) -> str:
    """Hex SHA-256 of the UTF-8 bytes of ``text``."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def find_documents(paths: Sequence[str | os.PathLike], *,
                   patterns: Sequence[str] = DEFAULT_PATTERNS,
                   ignore: Sequence[str] = ()) -> list[tuple[str, str]]:
    """List the documents to scan: ``(document id, path)`` pairs, sorted by id.

    A file given directly is always scanned (its id is its name); a folder is walked for
    files matching ``patterns`` (by name), skipping hidden entries and ``ignore`` globs
    (matched against the id).  Ids are relative to the folder given, with ``/``; paths are
    the folder given joined with the id (strings: an archive lists a million of them).

    Raises:
        DocumentError: a path does not exist, or a file's name is not valid UTF-8.
    """
    found: dict[str, str] = {}
    for raw in paths:
        # as pathlib writes it ("seeds/" and "./seeds" are "seeds"), once per folder given;
        # ".." is kept: after a symbolic link it is not the folder the text names
        path = str(PurePath(raw))
        if not os.path.exists(path):
            raise DocumentError(_shown(str(raw)), "no such file or folder", "check the path")
        # a folder or file given whose own name is not UTF-8: renaming it is the only fix
        _check_name(path, fix="rename it to a UTF-8 name")
        if os.path.isfile(path):
            found.setdefault(os.path.basename(path), path)
            continue
        for root, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            relative = os.path.relpath(root, path)
            prefix = "" if relative == os.curdir else relative.replace(os.sep, "/") + "/"
            for name in sorted(files):
                if name.startswith("."):
                    continue
                if not any(fnmatch.fnmatch(name, pattern) for pattern in patterns):
                    continue
                doc_id = prefix + name
                if any(fnmatch.fnmatch(doc_id, glob) for glob in ignore):
                    continue
                _check_name(os.path.join(root, name))
                found.setdefault(doc_id, os.path.join(root, name))
    return sorted(found.items())


def _check_name(path: str, *, fix: str = "rename it to a UTF-8 name or leave it out with an exclude glob") -> None:
    # A name that is not UTF-8 reaches Python as lone surrogates ("caf\udce9.txt"), which no
    # report, decisions file or cache key can write: refuse it up front, naming the file.
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        raise DocumentError(_shown(path), "its name is not valid UTF-8", fix) from None


def _shown(path: str) -> str:
    """A path as a one-line message can print it: bytes that are not UTF-8 as ``\xe9``."""
    return os.fsencode(path).decode("utf-8", errors="backslashreplace")


def iter_documents(paths: Sequence[str | os.PathLike], *,
                   patterns: Sequence[str] = DEFAULT_PATTERNS,
                   ignore: Sequence[str] = ()) -> Iterator[Document]:
    """Read the documents of :func:`find_documents` one at a time (streamed)."""
    for doc_id, path in find_documents(paths, patterns=patterns, ignore=ignore):
        text = read_text(path)
        yield Document(doc_id, str(path), text, sha256_of(text))

"""A cache of extracted claims per document content, in SQLite, shared safely between runs.

It also keeps what reconciling each part of an archive found (:mod:`reconcile.memo`), so
that a re-run after one document changed reconciles only the part that holds it.

A document whose text has not changed is never extracted again: its claims are stored under
the SHA-256 of its text and the extractor's key (:data:`claims.EXTRACTOR_VERSION`, the claim
fields and the configuration that changes extraction).  Claims are stored without their
document id, so a file that is renamed or copied still hits, and the id is attached again
on the way out.

The file is SQLite in WAL mode with a busy timeout, written in transactions, so two CI jobs
sharing it wait for each other instead of corrupting it.  A file that is not SQLite, or a
SQLite database that is not ours (another application, another schema version), is never
trusted: it is replaced by an empty cache with a one-line warning.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import sys
import time
import zlib
from collections.abc import Callable, Sequence
from dataclasses import fields
from pathlib import Path

from claims import EXTRACTOR_VERSION, Claim
from claims.model import claim_from_fields

#: ``PRAGMA application_id`` of our cache files (ASCII "RcnC"): tells ours from any other SQLite file.
APPLICATION_ID = 0x52636E43
#: Bumped when the tables change; an older or newer file is rebuilt.
SCHEMA_VERSION = 2
_TABLES = ("entries", "results")
#: Seconds a writer waits for another process's transaction before giving up.
BUSY_TIMEOUT = 60.0

#: The claim fields stored, in order (``doc`` is attached again on the way out).
_STORED_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Claim) if f.name != "doc")
#: Positions (in a stored row) of the long texts that claims of one sentence repeat.
_SHARED_TEXT: tuple[int, ...] = tuple(_STORED_FIELDS.index(name) for name in ("sentence", "noun", "heading", "previous"))

Warn = Callable[[str], None]


def _warn_on_stderr(message: str) -> None:
    print(f"Warning: {message}", file=sys.stderr)


def extractor_key(*, model: str | None = None) -> str:
    """The part of a cache key that changes whenever extraction output may change.

    Args:
        model: The spaCy pipeline extraction runs on (``None``: the blank English one).
    """
    parts = [f"extractor={EXTRACTOR_VERSION}", f"fields={','.join(_STORED_FIELDS)}", f"model={model or ''}"]
    return hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()[:16]


def encode_claims(claims: Sequence[Claim]) -> bytes:
    """Claims as a compressed JSON array of field rows, without the document id."""
    rows = [[getattr(claim, name) for name in _STORED_FIELDS] for claim in claims]
    text = json.dumps(rows, ensure_ascii=False, separators=(",", ":"))
    return zlib.compress(text.encode("utf-8"), 1)


def decode_claims(payload: bytes, *, doc: str) -> list[Claim]:
    """Rebuild the claims of :func:`encode_claims`, attached to document ``doc``.

    Raises:
        ValueError: the payload is not what :func:`encode_claims` writes.
    """
    try:
        rows = json.loads(zlib.decompress(payload).decode("utf-8"))
    except (zlib.error, UnicodeDecodeError, json.JSONDecodeError, TypeError) as exc:
        raise ValueError(f"unreadable cache entry ({exc})") from None
    if not isinstance(rows, list) or not all(isinstance(r, list) and len(r) == len(_STORED_FIELDS) for r in rows):
        raise ValueError("cache entry has the wrong shape")
    # Claims of one sentence share its text (and its context) in memory, as they do when extracted.
    shared: dict[str, str] = {}
    claims = []
    for row in rows:
        for i in _SHARED_TEXT:
            if isinstance(row[i], str):
                row[i] = shared.setdefault(row[i], row[i])
        claims.append(claim_from_fields(doc, *row))
    return claims


class ClaimsCache:
    """Claims per document content, in a SQLite file.

    Use it as a context manager; :meth:`put` batches writes and :meth:`flush` (called on
    close) commits them.  Every problem with the file is reported once through ``warn``
    and degrades to "not cached", never to an error or to trusting bad data.

    Args:
        path: The SQLite file (created with its folder when missing).
        key: What else the entries depend on (:func:`extractor_key`).
        warn: Receives one-line warnings (default: ``Warning: ...`` on stderr).
        batch: Entries written per transaction.
    """

    def __init__(self, path: str | os.PathLike, *, key: str | None = None, warn: Warn | None = None,
                 batch: int = 256) -> None:
        self.path = Path(path)
        self.key = key or extractor_key()
        self._warn = warn or _warn_on_stderr
        self._batch = batch
        self._pending: list[tuple[str, bytes]] = []
        self._pending_results: list[tuple[str, bytes]] = []
        self._conn: sqlite3.Connection | None = None
        self._rebuilt = False
        self.hits = 0
        self.misses = 0
        self._open()

    # -------------------------------------------------------------- opening

    def _open(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self._warn(f"{self.path}: cannot create the claims cache ({exc.strerror or exc}); running without it")
            return
        problem = self._try_open()
        if problem is None:
            return
        if problem == _BUSY:  # another process holds it: never delete a cache that is in use
            self._warn(f"{self.path}: stayed locked by another process; running without the claims cache")
            self._close_connection()
            return
        self._warn(f"{self.path}: {problem}; ignoring it and building a new claims cache")
        self._rebuilt = True
        self._close_connection()
        self._remove_files()
        problem = self._try_open()
        if problem is not None:
            self._warn(f"{self.path}: cannot build the claims cache ({problem}); running without it")
            self._close_connection()

    def _try_open(self) -> str | None:
        """Connect and check (or create) the schema; the reason the file is unusable, or None.

        SQLite answers "locked" at once, without waiting, in a few moments of another
        process's life (switching the file to WAL, recovering it): those are retried, and
        :data:`_BUSY` is returned if the file stays locked.
        """
        deadline = time.monotonic() + BUSY_TIMEOUT
        while True:
            try:
                self._conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT, isolation_level=None)
                return self._check_or_create()
            except sqlite3.OperationalError as exc:
                if not _is_busy(exc):
                    return _describe(exc)
                self._close_connection()
                if time.monotonic() > deadline:
                    return _BUSY
                time.sleep(0.05)
            except sqlite3.DatabaseError as exc:
                return _describe(exc)
            except OSError as exc:
                return f"cannot be opened ({exc.strerror or exc})"

    def _check_or_create(self) -> str | None:
        conn = self._conn
        assert conn is not None
        # One read transaction, so that the header and the tables are read from the same
        # state even while another process is creating the schema.
        conn.execute("BEGIN")
        try:
            problem = self._foreign()
            ready = self._has_schema()
        finally:
            conn.execute("COMMIT")
        if problem is not None:
            return problem
        if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        if ready:
            return None
        # A new file: create the schema once, even when several processes race to it.
        conn.execute("BEGIN IMMEDIATE")
        try:
            if not self._has_schema():
                problem = self._foreign()
                if problem is None:
                    conn.execute("CREATE TABLE IF NOT EXISTS entries ("
                                 "content TEXT NOT NULL, extractor TEXT NOT NULL, claims BLOB NOT NULL, "
                                 "PRIMARY KEY (content, extractor)) WITHOUT ROWID")
                    conn.execute("CREATE TABLE IF NOT EXISTS results ("
                                 "key TEXT NOT NULL PRIMARY KEY, result BLOB NOT NULL) WITHOUT ROWID")
                    conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
                    conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        return problem

    def _foreign(self) -> str | None:
        """Why the open file is not one of our caches (None: ours, or still empty)."""
        conn = self._conn
        assert conn is not None
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        if app_id == 0 and not tables:
            return None
        if app_id != APPLICATION_ID:
            return "is not a claims cache (another application's SQLite file)"
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version != SCHEMA_VERSION:
            return f"is a claims cache of another version ({version}, expected {SCHEMA_VERSION})"
        if sorted(tables) != list(_TABLES):
            return "is a damaged claims cache (unexpected tables)"
        return None

    def _has_schema(self) -> bool:
        conn = self._conn
        assert conn is not None
        return conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID

    def _remove_files(self) -> None:
        for suffix in ("", "-wal", "-shm", "-journal"):
            try:
                os.unlink(f"{self.path}{suffix}")
            except FileNotFoundError:
                pass
            except OSError as exc:
                self._warn(f"{self.path}{suffix}: cannot be removed ({exc.strerror or exc})")

    def _close_connection(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()
            except sqlite3.Error:
                pass
            self._conn = None

    def _disable(self, exc: sqlite3.Error) -> None:
        """Stop using a file that failed mid-run; a damaged one is replaced by an empty cache."""
        self._pending.clear()
        self._pending_results.clear()
        self._close_connection()
        if _is_corruption(exc) and not self._rebuilt:
            self._rebuilt = True
            self._warn(f"{self.path}: {_describe(exc)}; ignoring it and building a new claims cache")
            self._remove_files()
            if self._try_open() is None:
                return
            self._close_connection()
        self._warn(f"{self.path}: {_describe(exc)}; running without the claims cache")

    # -------------------------------------------------------------- use

    @property
    def enabled(self) -> bool:
        """False when the file could not be used (every lookup then misses)."""
        return self._conn is not None

    def get(self, sha256: str, *, doc: str) -> list[Claim] | None:
        """The cached claims of the text whose hash is ``sha256``, for document ``doc``; None on a miss."""
        if self._conn is None:
            self.misses += 1
            return None
        try:
            row = self._conn.execute("SELECT claims FROM entries WHERE content=? AND extractor=?",
                                     (sha256, self.key)).fetchone()
        except sqlite3.DatabaseError as exc:
            self._disable(exc)
            self.misses += 1
            return None
        if row is None:
            self.misses += 1
            return None
        try:
            claims = decode_claims(row[0], doc=doc)
        except (ValueError, TypeError):
            self.misses += 1  # a damaged entry is re-extracted and overwritten
            return None
        self.hits += 1
        return claims

    def put(self, sha256: str, claims: Sequence[Claim]) -> None:
        """Store the claims of the text whose hash is ``sha256`` (written at the next flush)."""
        if self._conn is not None:
            self.put_payload(sha256, encode_claims(claims))

    def put_payload(self, sha256: str, payload: bytes) -> None:
        """Store claims already encoded by :func:`encode_claims` (as worker processes return them)."""
        if self._conn is None:
            return
        self._pending.append((sha256, payload))
        if len(self._pending) >= self._batch:
            self.flush()

    def get_result(self, key: str) -> bytes | None:
        """A stored reconciliation result (:mod:`reconcile.memo`), or None."""
        if self._conn is None:
            return None
        try:
            row = self._conn.execute("SELECT result FROM results WHERE key=?", (key,)).fetchone()
        except sqlite3.DatabaseError as exc:
            self._disable(exc)
            return None
        return None if row is None else bytes(row[0])

    def put_result(self, key: str, payload: bytes) -> None:
        """Store a reconciliation result (written at the next flush)."""
        if self._conn is not None:
            self._pending_results.append((key, payload))

    def flush(self) -> None:
        """Write the pending entries in one transaction."""
        if self._conn is None or not (self._pending or self._pending_results):
            return
        rows = [(sha, self.key, payload) for sha, payload in self._pending]
        try:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                self._conn.executemany("INSERT OR REPLACE INTO entries (content, extractor, claims) VALUES (?, ?, ?)",
                                       rows)
                self._conn.executemany("INSERT OR REPLACE INTO results (key, result) VALUES (?, ?)",
                                       self._pending_results)
                self._conn.execute("COMMIT")
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
        except sqlite3.DatabaseError as exc:
            self._disable(exc)
            return
        self._pending.clear()
        self._pending_results.clear()

    def close(self) -> None:
        """Flush and close the file."""
        self.flush()
        self._close_connection()

    def __enter__(self) -> ClaimsCache:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


#: What :meth:`ClaimsCache._try_open` returns for a file that stayed locked.
_BUSY = "locked"


def _is_busy(exc: sqlite3.Error) -> bool:
    message = str(exc)
    return "locked" in message or "busy" in message


def _is_corruption(exc: sqlite3.Error) -> bool:
    message = str(exc)
    return any(word in message for word in ("not a database", "malformed", "corrupt"))


def _describe(exc: sqlite3.Error) -> str:
    if _is_corruption(exc):
        return f"is not a valid claims cache ({exc})"
    return f"cannot be used ({exc})"

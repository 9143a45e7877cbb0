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

import functools
import hashlib
import json
import os
import sqlite3
import struct
import sys
import time
import zlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import fields
from pathlib import Path

from claims import EXTRACTOR_VERSION, Claim
from claims.model import claim_from_fields

from .errors import ReconcileError

#: ``PRAGMA application_id`` of our cache files (ASCII "RcnC"): tells ours from any other SQLite file.
APPLICATION_ID = 0x52636E43
#: Bumped when the tables change; an older or newer file is rebuilt.
SCHEMA_VERSION = 3
_TABLES = ("entries", "results")
#: Results (and texts) kept in memory before they are written in one transaction.
PENDING_RESULT_BYTES = 32 << 20
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


#: A claims payload begins with the number of claims and a CRC-32 of the rest (both
#: unsigned 32-bit little-endian): a lookup knows how many claims a document has, and that
#: its entry is whole, without decompressing it (:class:`CachedClaims` reads it on first use).
_HEADER = struct.Struct("<II")


def encode_claims(claims: Sequence[Claim]) -> bytes:
    """Claims as a header and a compressed JSON array of field rows, without the document id."""
    rows = [[getattr(claim, name) for name in _STORED_FIELDS] for claim in claims]
    body = zlib.compress(json.dumps(rows, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 1)
    return _HEADER.pack(len(rows), zlib.crc32(body)) + body


def payload_count(payload: bytes) -> int:
    """How many claims a payload of :func:`encode_claims` holds.

    Raises:
        ValueError: the payload is damaged (its checksum does not match).
    """
    if len(payload) < _HEADER.size:
        raise ValueError("cache entry is too short")
    count, checksum = _HEADER.unpack_from(payload)
    if zlib.crc32(memoryview(payload)[_HEADER.size:]) != checksum:
        raise ValueError("cache entry is damaged (checksum)")
    return count


def decode_claims(payload: bytes, *, doc: str) -> list[Claim]:
    """Rebuild the claims of :func:`encode_claims`, attached to document ``doc``.

    Raises:
        ValueError: the payload is not what :func:`encode_claims` writes.
    """
    count = payload_count(payload)
    try:
        rows = json.loads(zlib.decompress(memoryview(payload)[_HEADER.size:]).decode("utf-8"))
    except (zlib.error, UnicodeDecodeError, json.JSONDecodeError, TypeError) as exc:
        raise ValueError(f"unreadable cache entry ({exc})") from None
    if not isinstance(rows, list) or len(rows) != count or not all(
            isinstance(r, list) and len(r) == len(_STORED_FIELDS) for r in rows):
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


class CacheEntryError(ReconcileError):
    """A cache entry whose checksum matched could not be read (the file was written by
    something else than this program): delete the cache folder and run again."""


class CachedClaims(Sequence[Claim]):
    """One document's claims, read from their cache entry on first use.

    Its length is known from the entry's header; the claims themselves are decoded only
    when one is asked for, so a check that remembers what an unchanged document gave
    (:mod:`reconcile.memo`) never decodes them.
    """

    __slots__ = ("_payload", "_doc", "_count", "_claims", "_where")

    def __init__(self, payload: bytes, *, doc: str, where: str = "the claims cache") -> None:
        self._count = payload_count(payload)
        self._payload: bytes | None = payload
        self._doc = doc
        self._where = where
        self._claims: list[Claim] | None = None

    def _read(self) -> list[Claim]:
        if self._claims is None:
            assert self._payload is not None
            try:
                self._claims = decode_claims(self._payload, doc=self._doc)
            except ValueError as exc:
                raise CacheEntryError(f"{self._where}: the entry of {self._doc} cannot be read ({exc}); "
                                      "delete the cache (.reconcile/) and run again") from None
            self._payload = None
        return self._claims

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[Claim]:
        return iter(self._read())

    def __getitem__(self, index):  # type: ignore[override]
        return self._read()[index]


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
        self._pending_bytes = 0
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
        self._pending_bytes = 0
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
        payload = self._lookup(sha256)
        if payload is None:
            return None
        try:
            claims = decode_claims(payload, doc=doc)
        except (ValueError, TypeError):
            self.misses += 1  # a damaged entry is re-extracted and overwritten
            return None
        self.hits += 1
        return claims

    def get_lazy(self, sha256: str, *, doc: str) -> CachedClaims | None:
        """Like :meth:`get`, the claims decoded only when first read (:class:`CachedClaims`)."""
        return self.get_lazy_many([(sha256, doc)]).get(doc)

    def get_lazy_many(self, documents: Sequence[tuple[str, str]]) -> dict[str, CachedClaims]:
        """:meth:`get_lazy` of many ``(content hash, document id)`` at once: document id ->
        its claims, for the documents found (in one query)."""
        if self._conn is None or not documents:
            self.misses += len(documents)
            return {}
        shas = sorted({sha for sha, _ in documents})
        try:
            rows = dict(self._conn.execute(
                f"SELECT content, claims FROM entries WHERE extractor=? AND content IN ({','.join('?' * len(shas))})",
                [self.key, *shas]))
        except sqlite3.DatabaseError as exc:
            self._disable(exc)
            self.misses += len(documents)
            return {}
        found = {}
        for sha, doc in documents:
            try:
                found[doc] = CachedClaims(bytes(rows[sha]), doc=doc, where=str(self.path))
            except (KeyError, ValueError):
                self.misses += 1  # missing, or damaged: re-extracted and overwritten
                continue
            self.hits += 1
        return found

    def _lookup(self, sha256: str) -> bytes | None:
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
        return bytes(row[0])

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
        return self.get_results([key]).get(key)

    def get_results(self, keys: Sequence[str]) -> dict[str, bytes]:
        """The stored results of ``keys`` (those found), in a few queries."""
        found: dict[str, bytes] = {}
        if self._conn is None:
            return found
        try:
            for k in range(0, len(keys), 500):
                chunk = list(keys[k:k + 500])
                marks = ",".join("?" * len(chunk))
                found.update((key, bytes(result)) for key, result in
                             self._conn.execute(f"SELECT key, result FROM results WHERE key IN ({marks})", chunk))
        except sqlite3.DatabaseError as exc:
            self._disable(exc)
            return {}
        return found

    def put_result(self, key: str, payload: bytes) -> None:
        """Store a reconciliation result (written at the next flush)."""
        if self._conn is not None:
            self._pending_results.append((key, payload))
            self._pending_bytes += len(payload)
            if self._pending_bytes >= PENDING_RESULT_BYTES:  # an archive's report texts: write as they come
                self.flush()

    # -------------------------------------------------------------- file stamps

    def known_contents(self, paths: Sequence[str]) -> dict[str, str]:
        """The content hash of each file of ``paths`` whose stamp (size, modification and
        change times, inode) is the one recorded with it: path -> hash.

        This is how git tells an unchanged file without reading it.  A stamp is recorded
        only for a file last changed well before it was read (:meth:`remember_content`), so
        that a change made in the same clock tick as the reading is never taken for none.
        """
        if self._conn is None or not paths:
            return {}
        keys = {path: _stamp_key(path) for path in paths}
        stored = self.get_results(sorted(set(keys.values())))
        known = {}
        for path, key in keys.items():
            payload = stored.get(key)
            if payload is None:
                continue
            try:
                stamp, sha = json.loads(payload)
                if stamp == _stamp(os.stat(path)) and isinstance(sha, str):
                    known[path] = sha
            except (OSError, ValueError, TypeError):
                continue  # gone, or an unreadable record: the file is read
        return known

    def remember_content(self, path: str, stat: os.stat_result, sha256: str, *, stamped_at: int) -> None:
        """Record that the file at ``path``, stamped ``stat`` (taken before it was read, at
        ``stamped_at``, :func:`time.time_ns`), holds the text whose hash is ``sha256``."""
        if self._conn is None:
            return
        settled = stamped_at - STAMP_SETTLE_NS
        if stat.st_mtime_ns >= settled or stat.st_ctime_ns >= settled:
            return  # changed moments ago: it may change again within the same clock tick
        self.put_result(_stamp_key(path), json.dumps([_stamp(stat), sha256]).encode("utf-8"))

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
        self._pending_bytes = 0

    def close(self) -> None:
        """Flush and close the file."""
        self.flush()
        self._close_connection()

    def __enter__(self) -> ClaimsCache:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class DocumentTexts:
    """Texts made from each document's claims (a report's part), kept in the cache.

    A text is stored under the document's id and content hash, the extractor's key and a
    ``namespace`` that names what made it and how (a renderer's code): whichever of these
    changes, the text is made again.  Every stored text of ``documents`` is read at once.

    Args:
        cache: The cache they are kept in (its results table).
        documents: Document id -> content hash (SHA-256 of its text).
        namespace: What the texts depend on besides the claims.
    """

    def __init__(self, cache: ClaimsCache, *, documents: Mapping[str, str], namespace: str) -> None:
        self._cache = cache
        # stored as plain UTF-8: on an archive they are a hundred megabytes read at every run,
        # and decompressing them cost more than reading them from the file
        self._keys = {doc: "text@2:" + hashlib.sha256(f"{namespace}|{cache.key}|{doc}|{sha}".encode()).hexdigest()
                      for doc, sha in documents.items()}
        self._stored = cache.get_results(sorted(self._keys.values()))

    def get(self, doc: str) -> str | None:
        """The stored text of ``doc``, or None."""
        payload = self._stored.pop(self._keys.get(doc, ""), None)  # read once: let it go
        if payload is None:
            return None
        try:
            return payload.decode("utf-8")
        except UnicodeDecodeError:
            return None  # damaged: made again and overwritten

    def put(self, doc: str, text: str) -> None:
        """Keep the text of ``doc`` (written when the cache is flushed)."""
        key = self._keys.get(doc)
        if key is not None:
            self._cache.put_result(key, text.encode("utf-8"))


#: A file's stamp is recorded only when it last changed at least this long before it was read.
STAMP_SETTLE_NS = 2_000_000_000


def _stamp(stat: os.stat_result) -> list[int]:
    return [stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino, stat.st_dev]


def _stamp_key(path: str) -> str:
    # the reader's code is part of the key: a file's hash is the hash of the text it reads
    return "file:" + hashlib.sha256(_reader_key().encode() + b"\0"
                                    + os.path.abspath(path).encode("utf-8", "surrogateescape")).hexdigest()


@functools.lru_cache(maxsize=1)
def _reader_key() -> str:
    """A hash of the code that reads a document and hashes its text."""
    from importlib import resources

    return hashlib.sha256(resources.files("claims").joinpath("documents.py").read_bytes()).hexdigest()


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

"""Remember what reconciling a set of documents found, so that an unchanged set is not redone.

An archive is reconciled subject by subject (:func:`reconcile.engine.subject_partitions`);
each part depends only on its documents' texts, the configuration and the code.  Its
result is stored under a key made of exactly these: the id and content hash of each
document of the part, the extractor's key, the configuration that changes reconciliation
(aliases, confidence floor), and a hash of the reconciliation code and of the shipped pair
model.  After one document of a 10,000-document archive changes, only the part that holds
it is reconciled again.

The key names every document's content hash and the extractor's key, which determine the
part's claims: a stored result holds its discrepancies' claims whole and names its facts'
claims by id, so a remembered part is shown without reading its documents' claims at all.
An unreadable entry is recomputed: it can cost time, never a wrong report.

Each document's :class:`~reconcile.features.DocumentSummary` (what cutting an archive into
parts needs) is remembered the same way, under its content hash.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import json
import sys
import zlib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import fields
from importlib import resources
from typing import Protocol

from claims import Claim
from claims.model import claim_from_fields

from .config import Config
from .errors import ReconcileError
from .features import DocumentSummary
from .model import Discrepancy, Fact

#: The files whose code decides what reconciling finds (with the pair model's data), and the
#: modules of ``claims`` it reads units, date patterns and records from.
_CODE_FILES = ("anniversaries.py", "arithmetic.py", "config.py", "engine.py", "features.py", "memo.py",
               "model.py", "origins.py", "pairmodel.py", "text.py", "values.py")
_CLAIMS_FILES = ("dates.py", "lexicon.py", "model.py", "numbers.py")


@contextlib.contextmanager
def collector_paused(*, freeze: bool = True) -> Iterator[None]:
    """Pause the cyclic garbage collector while records that hold no reference cycles are made.

    Decoding an archive's results builds hundreds of thousands of lists, dicts and
    records, none of them in a reference cycle; each batch of them set off a collection
    that walked every object alive, a third of the decoding time.  With ``freeze`` the
    objects alive afterwards are frozen (:func:`gc.freeze`): they live until the end of the
    run, and no later collection need walk them again (but a cycle among them that dies
    later is never collected: not for a process that reconciles again and again).
    Reference counting still frees what is dropped.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            if freeze:
                gc.freeze()
            gc.enable()


class ResultStore(Protocol):
    """Where results are kept (:class:`reconcile.cache.ClaimsCache` is one)."""

    def get_result(self, key: str) -> bytes | None: ...

    def put_result(self, key: str, payload: bytes) -> None: ...


@functools.lru_cache(maxsize=1)
def code_key() -> str:
    """A hash of the reconciliation code, the shipped pair model and the versions of Python
    and of the libraries that score pairs: any change to one makes every stored result stale."""
    import numpy
    import rapidfuzz

    digest = hashlib.sha256()
    digest.update(f"python={sys.version}|numpy={numpy.__version__}|rapidfuzz={rapidfuzz.__version__}\0".encode())
    package = resources.files("reconcile")
    for name in _CODE_FILES:
        digest.update(name.encode() + b"\0" + package.joinpath(name).read_bytes() + b"\0")
    for name in _CLAIMS_FILES:
        digest.update(b"claims/" + name.encode() + b"\0" + resources.files("claims").joinpath(name).read_bytes() + b"\0")
    for entry in sorted(package.joinpath("data").iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".json"):
            digest.update(entry.name.encode() + b"\0" + entry.read_bytes() + b"\0")
    return digest.hexdigest()


def part_key(docs: Sequence[str], doc_keys: Mapping[str, str], *, config: Config, extractor: str) -> str | None:
    """The key of one part's result, or None when a document's content key is unknown."""
    try:
        documents = [[doc, doc_keys[doc]] for doc in sorted(docs)]
    except KeyError:
        return None
    identity = {
        "code": code_key(),
        "extractor": extractor,
        # in the configuration's order: aliases of one length are applied in that order
        "aliases": [[name, list(others)] for name, others in config.aliases.items()],
        "min_confidence": config.min_confidence,
        "documents": documents,
    }
    return hashlib.sha256(json.dumps(identity, sort_keys=True).encode("utf-8")).hexdigest()


_CLAIM_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Claim))


def encode_result(discrepancies: Sequence[Discrepancy], facts: Sequence[Fact]) -> bytes:
    """A part's result: its discrepancies with their claims, its facts with their claims' ids.

    A discrepancy's claims are stored whole (a re-run shows them without reading their
    documents' claims), all of the part's in one JSON text that is parsed only when one of
    them is read (:class:`RememberedClaims`); a fact names its claims by id, as it does in
    memory.
    """
    rows: dict[str, list] = {}
    for d in discrepancies:
        for c in d.claims:
            rows.setdefault(c.id, [getattr(c, name) for name in _CLAIM_FIELDS])
    data = {
        "discrepancies": [[d.id, d.fact, d.fact_key, d.klass, list(d.claim_ids), list(d.values),
                           [list(side) for side in d.sides], d.explanation, d.confidence] for d in discrepancies],
        "facts": [[f.key, f.label, f.klass, list(f.claim_ids), list(f.values), f.explanation, f.confidence]
                  for f in facts],
        "claims": json.dumps(list(rows.values()), ensure_ascii=False, separators=(",", ":")),
    }
    return zlib.compress(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 1)


class _PartClaims:
    """The claims of a remembered part's discrepancies, parsed on first use (once for all)."""

    __slots__ = ("_text", "_by_id")

    def __init__(self, text: str) -> None:
        self._text = text
        self._by_id: dict[str, Claim] | None = None

    def get(self, claim_id: str) -> Claim:
        try:
            if self._by_id is None:
                claims = (claim_from_fields(*row) for row in json.loads(self._text))
                self._by_id = {claim.id: claim for claim in claims}
                self._text = ""
            return self._by_id[claim_id]
        except (ValueError, KeyError, TypeError) as exc:
            # the payload passed its checksum: it was written by another program
            raise ReconcileError(f"a remembered result in the claims cache cannot be read ({exc!r}); "
                                 "delete the cache (.reconcile/) and run again") from None


class RememberedClaims(Sequence[Claim]):
    """The claims of a remembered discrepancy: their ids at once, the claims when first read.

    A check whose report is JSON needs only the ids (the report names a flag's claims by
    id); the other formats read the claims, which then come from the stored result.  Equal
    to the tuple of the same claims.
    """

    __slots__ = ("ids", "_part", "_claims")

    def __init__(self, ids: tuple[str, ...], part: _PartClaims) -> None:
        self.ids = ids
        self._part = part
        self._claims: tuple[Claim, ...] | None = None

    def _read(self) -> tuple[Claim, ...]:
        if self._claims is None:
            self._claims = tuple(self._part.get(claim_id) for claim_id in self.ids)
        return self._claims

    def __len__(self) -> int:
        return len(self.ids)

    def __iter__(self) -> Iterator[Claim]:
        return iter(self._read())

    def __getitem__(self, index):  # type: ignore[override]
        return self._read()[index]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, RememberedClaims):
            return self.ids == other.ids and self._read() == other._read()
        if isinstance(other, tuple | list):
            return self._read() == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._read())

    def __repr__(self) -> str:
        return f"RememberedClaims({self.ids!r})"


def decode_result(payload: bytes) -> tuple[list[Discrepancy], list[Fact]] | None:
    """The result of :func:`encode_result`; None when the payload is unreadable.

    The discrepancies' claims are checked against the stored rows when they are first read.
    """
    try:
        data = json.loads(zlib.decompress(payload).decode("utf-8"))
        part = _PartClaims(data["claims"])
        if not isinstance(data["claims"], str):
            raise TypeError("claims")
        discrepancies = [
            Discrepancy(id_, fact, fact_key, klass, RememberedClaims(tuple(map(str, ids)), part), tuple(values_),
                        tuple(tuple(side) for side in sides), explanation, confidence)
            for id_, fact, fact_key, klass, ids, values_, sides, explanation, confidence in data["discrepancies"]]
        facts = [Fact(key, label, klass, tuple(ids), tuple(values_), explanation, confidence)
                 for key, label, klass, ids, values_, explanation, confidence in data["facts"]]
    except (zlib.error, UnicodeDecodeError, ValueError, KeyError, TypeError):
        return None
    return discrepancies, facts


def summary_key(content: str, *, extractor: str) -> str:
    """The key of a document's :class:`~reconcile.features.DocumentSummary`: its content
    hash, the extractor's key and the code (a summary is made from the document's claims)."""
    return "summary:" + hashlib.sha256(f"{code_key()}|{extractor}|{content}".encode()).hexdigest()


def encode_summary(summary: DocumentSummary) -> bytes:
    """A document summary, stored beside the results."""
    data = [summary.names, summary.blocks, summary.date]
    # not compressed: a few hundred bytes, read for every document at every run
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def decode_summary(payload: bytes) -> DocumentSummary | None:
    """The summary of :func:`encode_summary`; None when the payload is unreadable."""
    try:
        names, blocks, date = json.loads(payload)
    except (UnicodeDecodeError, ValueError, TypeError):
        return None
    if not (isinstance(names, dict) and isinstance(blocks, dict) and (date is None or isinstance(date, str))):
        return None
    return DocumentSummary(names, blocks, date)

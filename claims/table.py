"""Every claim of a scan, held by document: read one document's claims without the others.

A check of a large archive needs the claims of the few documents that changed; the others
are known by their cache entries.  :class:`ClaimTable` is a sequence of all claims (sorted
by document and offset, as a scan gives them) built from one sequence per document, each
of which may be lazy (decoded from the cache only when read): code that iterates over the
table reads them all, code that asks for one document's claims reads only those.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable, Iterator, Sequence
from typing import overload

from .model import Claim


def _offsets(claim: Claim) -> tuple[int, int]:
    return claim.start, claim.end


class ClaimTable(Sequence[Claim]):
    """The claims of many documents, sorted by document id and offset.

    Args:
        documents: ``(document id, its claims)`` pairs, one per document.  A document's
            claims may be any sequence whose ``len()`` is cheap (a lazy one is read on first
            use); they are put in offset order when read.

    Example:
        >>> table = ClaimTable.from_claims(claims)  # doctest: +SKIP
        >>> table.of("a.txt")                       # doctest: +SKIP
    """

    __slots__ = ("_ids", "_sources", "_read", "_ends")

    def __init__(self, documents: Iterable[tuple[str, Sequence[Claim]]]) -> None:
        pairs = sorted(documents, key=lambda pair: pair[0])
        self._ids: tuple[str, ...] = tuple(doc for doc, _ in pairs)
        if len(set(self._ids)) != len(self._ids):
            raise ValueError("a document id appears twice in a claim table")
        self._sources: list[Sequence[Claim] | None] = [claims for _, claims in pairs]
        self._read: list[tuple[Claim, ...] | None] = [None] * len(pairs)
        self._ends: list[int] = list(itertools.accumulate(len(claims) for _, claims in pairs))

    @classmethod
    def from_claims(cls, claims: Iterable[Claim]) -> ClaimTable:
        """A table of claims already in memory (any order)."""
        by_doc: dict[str, list[Claim]] = {}
        for claim in claims:
            by_doc.setdefault(claim.doc, []).append(claim)
        return cls(by_doc.items())

    @property
    def documents(self) -> tuple[str, ...]:
        """The ids of the documents (with or without claims), sorted."""
        return self._ids

    def counts(self) -> list[tuple[str, int]]:
        """``(document id, how many claims it has)`` for every document, in order."""
        return [(doc, self._count(k)) for k, doc in enumerate(self._ids)]

    def count_of(self, doc: str) -> int:
        """How many claims document ``doc`` has (without reading them)."""
        return self._count(self._index(doc))

    def _start(self, k: int) -> int:
        return self._ends[k - 1] if k else 0

    def _count(self, k: int) -> int:
        return self._ends[k] - self._start(k)

    def of(self, doc: str) -> tuple[Claim, ...]:
        """The claims of document ``doc``, in offset order.

        Raises:
            KeyError: the table has no document ``doc``.
        """
        return self._document(self._index(doc))

    def _index(self, doc: str) -> int:
        k = bisect.bisect_left(self._ids, doc)
        if k == len(self._ids) or self._ids[k] != doc:
            raise KeyError(doc)
        return k

    def _document(self, k: int) -> tuple[Claim, ...]:
        claims = self._read[k]
        if claims is None:
            source = self._sources[k]
            assert source is not None
            claims = tuple(sorted(source, key=_offsets))
            if len(claims) != self._count(k):
                raise ValueError(f"{self._ids[k]}: its claims changed length while being read")
            self._read[k] = claims
            self._sources[k] = None  # the lazy source (a cache payload) is no longer needed
        return claims

    def __len__(self) -> int:
        return self._ends[-1] if self._ends else 0

    def __iter__(self) -> Iterator[Claim]:
        for k in range(len(self._ids)):
            yield from self._document(k)

    @overload
    def __getitem__(self, index: int) -> Claim: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Claim, ...]: ...

    def __getitem__(self, index: int | slice) -> Claim | tuple[Claim, ...]:
        if isinstance(index, slice):
            return tuple(self)[index]
        size = len(self)
        if index < 0:
            index += size
        if not 0 <= index < size:
            raise IndexError("claim table index out of range")
        k = bisect.bisect_right(self._ends, index)
        return self._document(k)[index - self._start(k)]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ClaimTable | tuple | list):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"ClaimTable({len(self._ids)} documents, {len(self)} claims)"

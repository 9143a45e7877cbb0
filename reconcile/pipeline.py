"""Run a check: read documents, extract claims, reconcile them, attach review states."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from claims import Claim, DocumentError, extract_claims, find_documents, read_text
from claims.documents import sha256_of

from .config import Config
from .engine import reconcile
from .memo import ResultStore
from .model import Discrepancy, DocumentInfo, Report, Review


@dataclass(frozen=True)
class Scan:
    """The documents and claims of one scan."""

    documents: tuple[DocumentInfo, ...]
    claims: tuple[Claim, ...]
    warnings: tuple[str, ...]


def iter_extracted(paths: Sequence[str | os.PathLike], *, config: Config
                   ) -> Iterator[tuple[DocumentInfo | None, list[Claim], str | None]]:
    """Yield ``(document, claims, warning)`` per document, reading one file at a time.

    Empty documents are skipped with a warning (``document`` is then ``None``).

    Raises:
        DocumentError: a path is missing, or a document is binary or not UTF-8.
    """
    for doc_id, path in find_documents(paths, patterns=config.include, ignore=config.exclude):
        text = read_text(path)
        if not text.strip():
            yield None, [], f"{path}: empty document, skipped"
            continue
        claims = extract_claims(text, doc=doc_id, model=config.model)
        yield DocumentInfo(doc_id, sha256_of(text), path=str(path)), claims, None


def scan(paths: Sequence[str | os.PathLike], *, config: Config,
         extractor: Callable[..., Iterator] | None = None,
         on_document: Callable[[DocumentInfo, list[Claim]], None] | None = None) -> Scan:
    """Read and extract every document under ``paths``.

    Args:
        paths: Files or folders.
        config: Which files to read (``include``/``exclude``).
        extractor: Replaces :func:`iter_extracted` (a cached or parallel extractor).
        on_document: Called with each document and its claims as soon as they are ready
            (while worker processes extract the next ones), in document order.

    Raises:
        DocumentError: as :func:`iter_extracted`.
    """
    documents: list[DocumentInfo] = []
    claims: list[Claim] = []
    warnings: list[str] = []
    for info, doc_claims, warning in (extractor or iter_extracted)(paths, config=config):
        if warning:
            warnings.append(warning)
        if info is not None:
            documents.append(info)
            claims.extend(doc_claims)
            if on_document is not None:
                on_document(info, doc_claims)
    if not documents and not warnings:
        raise DocumentError(", ".join(str(p) for p in paths), "holds no documents matching "
                            + " ".join(config.include), "check the path or the include setting")
    documents.sort(key=lambda d: d.id)
    claims.sort(key=lambda c: (c.doc, c.start, c.end))
    return Scan(tuple(documents), tuple(claims), tuple(warnings))


def _with_dates(documents: Sequence[DocumentInfo], claims: Sequence[Claim]) -> tuple[DocumentInfo, ...]:
    from .features import doc_dates

    dates = doc_dates(claims)
    return tuple(DocumentInfo(d.id, d.sha256, dates.get(d.id), d.path) for d in documents)


def build_report(result: Scan, *, config: Config,
                 reviews: Callable[[Sequence[Discrepancy]], dict[str, Review]] | None = None,
                 store: ResultStore | None = None, extractor: str = "", jobs: int = 1) -> Report:
    """Reconcile a scan's claims and attach review states.

    Args:
        result: The documents and claims of :func:`scan`.
        config: The check's configuration.
        reviews: Gives the review state of each discrepancy (from the decisions file).
        store: Remembers each part's result (:mod:`reconcile.memo`): a re-run reconciles
            only the parts whose documents changed.
        extractor: The key of the extractor that made the claims (part of the memo's key).
        jobs: Worker processes for the parts of an archive (same result with any number).
    """
    reconciliation = reconcile(result.claims, config=config, store=store,
                               doc_keys={d.id: d.sha256 for d in result.documents}, extractor=extractor,
                               jobs=jobs)
    review_map = reviews(reconciliation.discrepancies) if reviews else {}
    return Report(
        documents=_with_dates(result.documents, result.claims),
        claims=result.claims,
        discrepancies=reconciliation.discrepancies,
        facts=reconciliation.facts,
        reviews=review_map,
        warnings=result.warnings,
    )

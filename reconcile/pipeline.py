"""Run a check: read documents, extract claims, reconcile them, attach review states."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from claims import Claim, DocumentError, extract_claims, find_documents, read_text
from claims.documents import sha256_of
from claims.table import ClaimTable

from .config import Config
from .model import Discrepancy, DocumentInfo, Report, Review

if TYPE_CHECKING:
    from .engine import Reconciliation
    from .features import DocumentSummary
    from .memo import ResultStore


def reconcile(claims: Sequence[Claim], **options) -> Reconciliation:
    """:func:`reconcile.engine.reconcile`.

    The engine (and numpy) is imported on first use: extraction alone (``reconcile
    extract``, and every extraction worker) never loads it, a tenth of a second saved
    before the first document is read.
    """
    from .engine import reconcile as run

    return run(claims, **options)


def document_summaries(claims: ClaimTable, **options) -> dict[str, DocumentSummary]:
    """:func:`reconcile.engine.document_summaries`, the engine imported on first use (see :func:`reconcile`)."""
    from .engine import document_summaries as summarize

    return summarize(claims, **options)


@dataclass(frozen=True)
class Scan:
    """The documents and claims of one scan."""

    documents: tuple[DocumentInfo, ...]
    claims: ClaimTable
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
         on_document: Callable[[DocumentInfo, Sequence[Claim]], None] | None = None) -> Scan:
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
    claims: list[tuple[str, Sequence[Claim]]] = []
    warnings: list[str] = []
    for info, doc_claims, warning in (extractor or iter_extracted)(paths, config=config):
        if warning:
            warnings.append(warning)
        if info is not None:
            documents.append(info)
            claims.append((info.id, doc_claims))
            if on_document is not None:
                on_document(info, doc_claims)
    if not documents and not warnings:
        raise DocumentError(", ".join(str(p) for p in paths), "holds no documents matching "
                            + " ".join(config.include), "check the path or the include setting")
    documents.sort(key=lambda d: d.id)
    return Scan(tuple(documents), ClaimTable(claims), tuple(warnings))


def _with_dates(documents: Sequence[DocumentInfo], summaries: Mapping[str, DocumentSummary]
                ) -> tuple[DocumentInfo, ...]:
    return tuple(DocumentInfo(d.id, d.sha256, summaries[d.id].date if d.id in summaries else None, d.path)
                 for d in documents)


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
    doc_keys = {d.id: d.sha256 for d in result.documents}
    claims = result.claims if isinstance(result.claims, ClaimTable) else ClaimTable.from_claims(result.claims)
    summaries = document_summaries(claims, store=store, doc_keys=doc_keys, extractor=extractor, jobs=jobs)
    reconciliation = reconcile(claims, config=config, store=store, doc_keys=doc_keys, extractor=extractor,
                               jobs=jobs, summaries=summaries)
    review_map = reviews(reconciliation.discrepancies) if reviews else {}
    return Report(
        documents=_with_dates(result.documents, summaries),
        claims=claims,
        discrepancies=reconciliation.discrepancies,
        facts=reconciliation.facts,
        reviews=review_map,
        warnings=result.warnings,
    )

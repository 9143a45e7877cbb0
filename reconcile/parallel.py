"""Extraction at scale: the claims cache, worker processes or a Dask cluster, a progress bar.

:func:`make_extractor` builds a drop-in replacement of :func:`reconcile.pipeline.iter_extracted`
for :func:`reconcile.pipeline.scan`.  Whatever the engine and the number of jobs, it yields
the same ``(document, claims, warning)`` triples in the same order as the plain extractor,
so a report is byte-identical.  Documents are streamed: the parent reads one file at a
time (to hash it and look it up in the cache), and only a bounded number of texts is ever
in flight to the workers; what is kept is the claims.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import AbstractContextManager, ExitStack, nullcontext
from dataclasses import dataclass

from claims import Claim, extract_claims, find_documents, read_text
from claims.documents import sha256_of

from .cache import CachedClaims, ClaimsCache, Warn, decode_claims, encode_claims, extractor_key
from .config import Config
from .errors import ReconcileError
from .model import DocumentInfo

ENGINES: tuple[str, ...] = ("local", "dask")

#: Documents sent to a worker at once: large enough to amortize the round trip, small
#: enough to keep every worker busy until the end.
CHUNK_SIZE = 8
#: Documents read and looked up in the cache at once (one query for all of them).
LOOKUP_BATCH = 64
#: Below this many documents to extract, worker start-up costs more than it saves.
MIN_PARALLEL_DOCUMENTS = 2 * CHUNK_SIZE

Triple = tuple[DocumentInfo | None, Sequence[Claim], str | None]
Extractor = Callable[..., Iterator[Triple]]


class EngineError(ReconcileError):
    """The extraction engine cannot run (dask missing, scheduler unreachable)."""


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


@dataclass(frozen=True)
class ExtractionOptions:
    """How to extract.

    Attributes:
        jobs: Worker processes (local) or workers of the local Dask cluster; None: one per core.
        cache: Use the claims cache of the configuration (``--no-cache`` turns it off).
        engine: ``local`` (processes on this machine) or ``dask``.
        scheduler: Address of a running Dask scheduler (``tcp://host:8786``); None starts
            a local cluster.
        progress: Show a progress bar on stderr; None: when stderr is a terminal.
        model: An installed trained spaCy pipeline to extract with (``--model``); None: the
            configuration's ``model``, else the blank English pipeline.
        render: A function run in the worker on each document's freshly extracted claims;
            its text comes back with them as :attr:`ExtractedClaims.rendered`.  The JSON
            lines of ``reconcile extract`` are so written by the workers, and the parent
            never decodes those claims.  A module-level function (worker processes and
            Dask pickle it by name).  Claims found in the cache carry no rendering.
    """

    jobs: int | None = None
    cache: bool = True
    engine: str = "local"
    scheduler: str | None = None
    progress: bool | None = None
    model: str | None = None
    render: Callable[[Sequence[Claim]], str] | None = None


def extract_payloads(chunk: Sequence[tuple[str, str]], model: str | None = None) -> list[bytes]:
    """Extract each ``(document id, text)`` of a chunk; the claims as cache payloads.

    Runs in worker processes (local or Dask); payloads are compact and are what the cache
    stores, so the parent never encodes a claim twice.
    """
    return [encode_claims(extract_claims(text, doc=doc_id, model=model)) for doc_id, text in chunk]


def extract_rendered(chunk: Sequence[tuple[str, str]], model: str | None,
                     render: Callable[[Sequence[Claim]], str]) -> list[tuple[bytes, str]]:
    """:func:`extract_payloads`, each payload with what ``render`` made of its claims.

    Args:
        chunk: ``(document id, text)`` pairs.
        model: As for :func:`extract_payloads`.
        render: :attr:`ExtractionOptions.render`.

    Returns:
        ``(payload, rendered text)`` per document, in the chunk's order.
    """
    done: list[tuple[bytes, str]] = []
    for doc_id, text in chunk:
        claims = extract_claims(text, doc=doc_id, model=model)
        done.append((encode_claims(claims), render(claims)))
    return done


class ExtractedClaims(CachedClaims):
    """A document's claims as a worker sent them, decoded on first use, with the text
    :attr:`ExtractionOptions.render` made of them there (:attr:`rendered`)."""

    __slots__ = ("rendered",)

    def __init__(self, payload: bytes, *, doc: str, rendered: str) -> None:
        super().__init__(payload, doc=doc, where="a worker's result")
        self.rendered = rendered


def make_extractor(options: ExtractionOptions | None = None, *, warn: Warn | None = None) -> Extractor:
    """An extractor for :func:`reconcile.pipeline.scan` that caches and runs in parallel.

    Args:
        options: Jobs, cache, engine, progress bar, and what to render of each document's
            claims where they are extracted (default: :class:`ExtractionOptions`).
        warn: Receives one-line warnings about the cache (default: stderr).

    Returns:
        ``extractor(paths, *, config)`` yielding ``(document, claims, warning)`` per document,
        in document order.

    Example:
        >>> from reconcile.pipeline import scan
        >>> extractor = make_extractor(ExtractionOptions(jobs=2, cache=False))
        >>> result = scan(["seeds/"], config=Config(), extractor=extractor)  # doctest: +SKIP
    """
    options = options or ExtractionOptions()
    if options.engine not in ENGINES:
        raise EngineError(f"unknown engine {options.engine!r}; use one of {', '.join(ENGINES)}")
    if options.jobs is not None and options.jobs < 1:
        raise EngineError(f"--jobs must be at least 1, not {options.jobs}")

    def extractor(paths: Sequence[str | os.PathLike], *, config: Config) -> Iterator[Triple]:
        documents = find_documents(paths, patterns=config.include, ignore=config.exclude)
        model = options.model or config.model
        if model:
            extract_claims("", model=model)  # a missing pipeline fails here, once, with the fix
        with ExitStack() as stack:
            cache = None
            if options.cache:
                cache = stack.enter_context(
                    ClaimsCache(config.cache, key=extractor_key(model=model), warn=warn))
            runner = stack.enter_context(_runner(options, len(documents)))
            runner.model = model
            runner.render = options.render
            advance = stack.enter_context(_progress(options, len(documents)))
            yield from _extract_ordered(documents, cache, runner, advance)

    return extractor


# ------------------------------------------------------------------ ordering


@dataclass
class _Pending:
    """A chunk of documents waiting for their payloads, with the ready results that sit
    between them in document order (``future`` is None until the chunk is submitted)."""

    slots: list[DocumentInfo | Triple]
    future: Future | None = None


def _extract_ordered(documents: Sequence[tuple[str, os.PathLike]], cache: ClaimsCache | None,
                     runner: _Runner, advance: Callable[[int], None]) -> Iterator[Triple]:
    """Read, look up, submit the misses in chunks, and yield results in document order."""
    queue: deque[_Pending | Triple] = deque()  # in document order: chunks and ready results
    filling: _Pending | None = None
    texts: list[tuple[str, str]] = []
    in_flight = 0

    def drain(*, wait: bool) -> Iterator[Triple]:
        # Yield the head while it is ready; block on it only while too much is in flight.
        nonlocal in_flight
        while queue:
            head = queue[0]
            if isinstance(head, _Pending):
                if head.future is None:
                    return
                if not (head.future.done() or (wait and in_flight >= runner.max_in_flight)):
                    return
                queue.popleft()
                in_flight -= 1
                yield from _resolve(head, cache, rendered=runner.render is not None)
                advance(len(head.slots))
            else:
                queue.popleft()
                yield head
                advance(1)

    for start in range(0, len(documents), LOOKUP_BATCH):
        # a few documents at once: known unchanged by their stamps, or read and hashed; then
        # all looked up in the cache in one query
        chunk = documents[start:start + LOOKUP_BATCH]
        known = cache.known_contents([path for _, path in chunk]) if cache is not None else {}
        batch = []
        for doc_id, path in chunk:
            if path in known:
                batch.append((doc_id, path, None, DocumentInfo(doc_id, known[path], path=str(path))))
                continue
            text, info = _read(doc_id, path, cache)
            batch.append((doc_id, path, text, info))
        # read lazily: a check that remembers a document's part never decodes its claims
        found = cache.get_lazy_many([(info.sha256, doc_id) for doc_id, _, _, info in batch if info is not None]) \
            if cache is not None else {}
        for doc_id, path, text, info in batch:
            ready: Triple | None = None
            if text is None and info is not None and doc_id not in found:
                text, info = _read(doc_id, path, cache)  # known by its stamp, its claims not cached
            if info is None:
                ready = (None, [], f"{path}: empty document, skipped")
            elif doc_id in found:
                ready = (info, found[doc_id], None)
            if ready is not None:
                (filling.slots if filling is not None else queue).append(ready)
            else:
                if filling is None:
                    filling = _Pending([])
                    queue.append(filling)
                filling.slots.append(info)
                texts.append((doc_id, text))
                if len(texts) >= runner.chunk_size:
                    filling.future = runner.submit(texts)
                    filling, texts = None, []
                    in_flight += 1
            yield from drain(wait=True)
        del batch
    if filling is not None:
        filling.future = runner.submit(texts)
        in_flight += 1
    while queue:
        head = queue[0]
        if isinstance(head, _Pending):
            head.future.result()  # block until the head is done, then drain what is ready
        yield from drain(wait=False)


def _read(doc_id: str, path: str, cache: ClaimsCache | None) -> tuple[str, DocumentInfo | None]:
    """A document's text and its :class:`DocumentInfo` (None when it is empty); its stamp,
    taken before reading, is recorded in the cache with its hash."""
    stamped_at = time.time_ns()  # before the stamp: a change after it is never taken for none
    try:
        stat = os.stat(path) if cache is not None else None
    except OSError:
        stat = None  # read_text says what is wrong with it
    text = read_text(path)
    if not text.strip():
        return text, None
    info = DocumentInfo(doc_id, sha256_of(text), path=str(path))
    if cache is not None and stat is not None:
        cache.remember_content(path, stat, info.sha256, stamped_at=stamped_at)
    return text, info


def _resolve(pending: _Pending, cache: ClaimsCache | None, *, rendered: bool) -> Iterator[Triple]:
    """The chunk's triples; ``rendered``: its results are :func:`extract_rendered`'s."""
    results = iter(pending.future.result())
    for slot in pending.slots:
        if not isinstance(slot, DocumentInfo):
            yield slot
            continue
        if rendered:
            payload, text = next(results)
            claims: Sequence[Claim] = ExtractedClaims(payload, doc=slot.id, rendered=text)
        else:
            payload = next(results)
            claims = decode_claims(payload, doc=slot.id)
        if cache is not None:
            cache.put_payload(slot.sha256, payload)
        yield slot, claims, None


# ------------------------------------------------------------------ runners


class _Runner:
    """Runs :func:`extract_payloads` (or, with :attr:`render`, :func:`extract_rendered`) on chunks and returns futures."""

    chunk_size = 1
    max_in_flight = 1
    #: The trained spaCy pipeline extraction runs on (None: the blank English one).
    model: str | None = None
    #: :attr:`ExtractionOptions.render`.
    render: Callable[[Sequence[Claim]], str] | None = None

    def task(self, chunk: list[tuple[str, str]]) -> tuple[Callable, tuple]:
        """The function a worker runs on ``chunk``, and its arguments."""
        if self.render is None:
            return extract_payloads, (chunk, self.model)
        return extract_rendered, (chunk, self.model, self.render)

    def submit(self, chunk: list[tuple[str, str]]) -> Future:
        future: Future = Future()
        work, args = self.task(chunk)
        try:
            future.set_result(work(*args))
        except Exception as exc:  # surfaced by future.result(), as a pool would
            future.set_exception(exc)
        return future


class _ProcessRunner(_Runner):
    """Worker processes, started at the first chunk (a warm run, all cache hits, starts none)."""

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs
        self.chunk_size = CHUNK_SIZE
        self.max_in_flight = 3 * jobs
        self.pool: ProcessPoolExecutor | None = None

    def submit(self, chunk: list[tuple[str, str]]) -> Future:
        if self.pool is None:
            self.pool = ProcessPoolExecutor(max_workers=self.jobs, mp_context=_start_context())
        work, args = self.task(chunk)
        return self.pool.submit(work, *args)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)


def _start_context() -> multiprocessing.context.BaseContext:
    """fork where it is safe (no other thread in this process): the workers inherit the
    imported extractor and start at once; otherwise a fork server that preloads it."""
    if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        # reconcile.cli: what extract renders in the workers (ExtractionOptions.render) lives there
        context.set_forkserver_preload(["claims", "reconcile.parallel", "reconcile.cli"])
        return context
    return multiprocessing.get_context("spawn")  # pragma: no cover - Windows


def _runner(options: ExtractionOptions, documents: int) -> AbstractContextManager[_Runner]:
    jobs = options.jobs or default_jobs()
    if options.engine == "dask":
        from .dask_engine import dask_runner

        return dask_runner(jobs=jobs, scheduler=options.scheduler)
    if jobs == 1 or documents < MIN_PARALLEL_DOCUMENTS:
        return nullcontext(_Runner())
    return _closing(_ProcessRunner(jobs))


class _closing(AbstractContextManager):
    def __init__(self, runner: _ProcessRunner) -> None:
        self.runner = runner

    def __enter__(self) -> _ProcessRunner:
        return self.runner

    def __exit__(self, *exc_info: object) -> None:
        self.runner.close()


# ------------------------------------------------------------------ progress


def _progress(options: ExtractionOptions, total: int) -> AbstractContextManager[Callable[[int], None]]:
    show = options.progress if options.progress is not None else sys.stderr.isatty()
    if not show:
        return nullcontext(lambda n: None)
    return _ProgressBar(total)


class _ProgressBar(AbstractContextManager):
    """A rich progress bar on stderr, counting documents.

    It refreshes from this thread (no refresh thread), so worker processes can still be
    forked safely after it has started.
    """

    def __init__(self, total: int) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.progress = Progress(TextColumn("Extracting claims"), BarColumn(), MofNCompleteColumn(),
                                 TimeRemainingColumn(), console=Console(stderr=True), transient=True,
                                 auto_refresh=False)
        self.task = self.progress.add_task("extract", total=total)
        self.shown_at = 0.0

    def __enter__(self) -> Callable[[int], None]:
        self.progress.start()
        return self.advance

    def advance(self, documents: int) -> None:
        self.progress.advance(self.task, documents)
        now = time.monotonic()
        if now - self.shown_at >= 0.1:
            self.shown_at = now
            self.progress.refresh()

    def __exit__(self, *exc_info: object) -> None:
        self.progress.stop()

"""``--engine dask``: extraction on Dask's distributed scheduler.

Chunks of documents go to the workers of an existing cluster (``--scheduler ADDRESS``) or
of a :class:`~distributed.LocalCluster` started for the run.  The workers run the same
:func:`reconcile.parallel.extract_payloads` (or ``extract_rendered``) as local worker
processes, and results come back in document order, so the report is byte-identical to
the local engine's.

Workers of a remote cluster need this package installed (``pip install
'claim-reconcile[dask]'``, the same version); the documents are read here and sent to them.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from concurrent.futures import Future
from contextlib import contextmanager

from .parallel import CHUNK_SIZE, EngineError, _Runner

#: Seconds to wait for a scheduler before giving up.
CONNECT_TIMEOUT = 30


class _DaskRunner(_Runner):
    def __init__(self, client, workers: int) -> None:
        self.client = client
        self.chunk_size = CHUNK_SIZE
        self.max_in_flight = 3 * max(1, workers)

    def submit(self, chunk: list[tuple[str, str]]) -> Future:
        # pure=False: two identical chunks (copied documents) are still two tasks with their own ids.
        work, args = self.task(chunk)
        return self.client.submit(work, *args, pure=False)


@contextmanager
def dask_runner(*, jobs: int, scheduler: str | None) -> Iterator[_Runner]:
    """A runner on a Dask cluster: the one at ``scheduler``, or a local one of ``jobs`` processes.

    Raises:
        EngineError: dask is not installed, or the scheduler cannot be reached.
    """
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise EngineError("--engine dask needs Dask: pip install 'claim-reconcile[dask]'") from None
    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT, set_as_default=False)
        else:
            cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                   dashboard_address=":0", silence_logs=logging.ERROR)
            client = Client(cluster, set_as_default=False)
    except (OSError, TimeoutError) as exc:
        if cluster is not None:
            cluster.close()
        where = scheduler or "a local cluster"
        raise EngineError(f"cannot reach the Dask scheduler at {where} ({exc}); "
                          "check --scheduler (e.g. tcp://host:8786)") from None
    try:
        workers = len(client.scheduler_info().get("workers", {})) or jobs
        yield _DaskRunner(client, workers)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

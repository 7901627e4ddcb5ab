"""Extraction on every core: batches of documents run in worker processes, results in
input order, memory bounded, a dead worker's batches run again.

:class:`Workers` maps a batch function (documents -> one result per document) over a
stream of batches. With one worker it runs in this process. With more, it forks a pool
when the input turns out to hold more than one batch (a small input never pays for
starting workers), keeps at most ``in_flight`` batches submitted, and yields each
batch's results in the order the batches came. A document the function fails on is
returned as a :class:`~wirewatch.document.ReadError` naming it, and the rest of its
batch is kept (:func:`guarded`).

A worker that dies (killed, out of memory) breaks the pool: a new pool is started and
every batch not yet returned is submitted again, so nothing is lost and, since results
are only handed on once, nothing is done twice downstream. After ``MAX_RESTARTS``
broken pools the remaining batches run in this process, document by document.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import chain
from typing import Any, Generic, TypeVar

from wirewatch.document import Document, ReadError

R = TypeVar("R")
BatchFn = Callable[[Sequence[Document]], list[Any]]

MAX_RESTARTS = 3  # broken pools before the rest of a run goes on in this process


def default_workers() -> int:
    """Return the number of cores this process may use (the default of ``--workers``)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def guarded(run: BatchFn, docs: Sequence[Document]) -> list[Any]:
    """Return ``run(docs)``; if it fails, run document by document, returning a
    :class:`ReadError` for each document it fails on (the others are kept)."""
    try:
        return run(docs)
    except Exception:
        if len(docs) == 1:
            return [_failure(docs[0])]
    out: list[Any] = []
    for d in docs:
        try:
            out.extend(run([d]))
        except Exception:
            out.append(_failure(d))
    return out


def _failure(doc: Document) -> ReadError:
    import sys

    exc = sys.exc_info()[1]
    first = next(iter(str(exc).splitlines()), "") if exc else ""
    return ReadError(doc.source or doc.id,
                     f"extraction failed ({type(exc).__name__}: {first[:200]})")


_state: dict[str, BatchFn] = {}


def _start_worker(run: BatchFn) -> None:
    # forked: ``run`` (a closure over the loaded resources) is inherited, not pickled
    _state["run"] = run
    _die_with_parent()
    # results go back through the pool's pipes; a worker keeping the parent's stdout
    # or stderr open would hold a reader of them waiting after the parent is killed
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    os.close(devnull)


def _die_with_parent() -> None:
    """Ask Linux to kill this worker when the process that forked it dies (kill -9 of
    an ingest must not leave workers behind)."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: workers end when their queue closes
        pass


def _in_worker(docs: list[Document]) -> list[Any]:
    return guarded(_state["run"], docs)


class Workers(Generic[R]):
    """Runs a batch function over batches of documents in ``workers`` processes."""

    def __init__(self, run: BatchFn, workers: int = 1, in_flight: int | None = None):
        """``run``: documents -> one result each, in order (it may be a closure: workers
        are forked); ``workers``: processes (1: this process); ``in_flight``: batches
        submitted at once (default: two per worker), which bounds memory."""
        self.run = run
        self.workers = max(1, workers)
        self.in_flight = in_flight or 2 * self.workers
        self.restarts = 0

    def map(self, batches: Iterable[Sequence[Document]]) -> Iterator[list[Any]]:
        """Yield the results of each batch (a result or a ReadError per document), in
        the order of the batches."""
        it = iter(batches)
        first = next(it, None)
        if first is None:
            return
        second = next(it, None)
        if self.workers == 1 or second is None or "fork" not in \
                multiprocessing.get_all_start_methods():
            for batch in chain([first], [second] if second is not None else [], it):
                yield guarded(self.run, batch)
            return
        yield from self._pooled(chain([first, second], it))

    def _pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("fork"),
                                   initializer=_start_worker, initargs=(self.run,))

    def _pooled(self, batches: Iterator[Sequence[Document]]) -> Iterator[list[Any]]:
        pending: deque[tuple[list[Document], Future[list[Any]] | None]] = deque()
        pool: ProcessPoolExecutor | None = self._pool()
        try:
            for batch in batches:
                pending.append((list(batch), pool.submit(_in_worker, list(batch))
                                if pool else None))
                while len(pending) >= self.in_flight:
                    result, pool = self._next(pending, pool)
                    yield result
            while pending:
                result, pool = self._next(pending, pool)
                yield result
        finally:
            if pool is not None:
                pool.shutdown(wait=True, cancel_futures=True)

    def _next(self, pending: deque[tuple[list[Document], Future[list[Any]] | None]],
              pool: ProcessPoolExecutor | None
              ) -> tuple[list[Any], ProcessPoolExecutor | None]:
        """Return the oldest batch's results, restarting a broken pool first."""
        while True:
            batch, future = pending[0]
            if future is None:
                pending.popleft()
                return guarded(self.run, batch), pool
            try:
                result = future.result()
                pending.popleft()
                return result, pool
            except BrokenProcessPool:
                pool = self._restart(pool, pending)

    def _restart(self, pool: ProcessPoolExecutor | None,
                 pending: deque[tuple[list[Document], Future[list[Any]] | None]]
                 ) -> ProcessPoolExecutor | None:
        """Start a new pool (or none, after MAX_RESTARTS) and submit again every batch
        not yet returned."""
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
        self.restarts += 1
        fresh = self._pool() if self.restarts <= MAX_RESTARTS else None
        for i, (batch, _) in enumerate(pending):
            pending[i] = (batch, fresh.submit(_in_worker, batch) if fresh else None)
        return fresh


def _on_dask_worker(run: BatchFn, docs: list[Document]) -> list[Any]:
    return guarded(run, docs)


def _lost(exc: BaseException) -> bool:
    """Whether a Dask future failed because the cluster lost it (not the batch's fault:
    ``guarded`` turns the batch's own failures into results)."""
    from concurrent.futures import CancelledError

    from distributed import KilledWorker

    return isinstance(exc, CancelledError | KilledWorker)


class DaskWorkers(Generic[R]):
    """Runs a batch function over batches of documents on a Dask cluster.

    ``address``: ``local:N`` starts a LocalCluster of N single-threaded worker processes
    on this machine; anything else (``tcp://HOST:8786``) is the address of a running
    scheduler. The function is sent to every worker once (scattered) and its resources
    load there on first use. The scheduler re-runs the batches of a worker that dies
    (up to its ``allowed-failures``); results are handed on once, in input order, so
    the store (written by this process) never gets a batch twice.
    """

    def __init__(self, run: BatchFn, address: str, in_flight: int | None = None):
        """Connect (or start a local cluster); raise ValueError for a malformed address
        and OSError when the scheduler cannot be reached."""
        from distributed import Client, LocalCluster

        self.run = run
        self._cluster: Any = None
        self.client: Any
        if address.startswith("local:"):
            try:
                n = int(address.split(":", 1)[1])
            except ValueError:
                raise ValueError(f"--dask {address}: expected local:N with N workers") from None
            self._cluster = LocalCluster(  # type: ignore[no-untyped-call]
                n_workers=max(1, n), threads_per_worker=1,
                processes=True, dashboard_address=None)
            self.client = Client(self._cluster)  # type: ignore[no-untyped-call]
        else:
            self.client = Client(address, timeout="10s")  # type: ignore[no-untyped-call]
        workers = max(1, len(self.client.scheduler_info().get("workers", {})))
        self.in_flight = in_flight or 2 * workers

    def map(self, batches: Iterable[Sequence[Document]]) -> Iterator[list[Any]]:
        """Yield the results of each batch (a result or a ReadError per document), in
        the order of the batches."""
        self._run = self.client.scatter(self.run, broadcast=True, hash=False)
        pending: deque[tuple[list[Document], Any]] = deque()
        for batch in batches:
            pending.append((list(batch), self._submit(list(batch))))
            while len(pending) >= self.in_flight:
                yield self._result(*pending.popleft())
        while pending:
            yield self._result(*pending.popleft())

    def _submit(self, batch: list[Document]) -> Any:
        return self.client.submit(_on_dask_worker, self._run, batch, pure=False, retries=1)

    def _result(self, batch: list[Document], future: Any) -> list[Any]:
        """The batch's results; a batch the cluster lost (its worker died with the data it
        needed, the scheduler gave up on it) is sent again, then run here."""
        for _attempt in range(MAX_RESTARTS):
            try:
                return list(future.result())
            except Exception as exc:  # distributed's FutureCancelledError, KilledWorker
                if not _lost(exc):
                    raise
                self._run = self.client.scatter(self.run, broadcast=True, hash=False)
                future = self._submit(batch)
        return guarded(self.run, batch)

    def close(self) -> None:
        """Disconnect (and stop a local cluster)."""
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()

    def __enter__(self) -> DaskWorkers[R]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

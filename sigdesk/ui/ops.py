"""Database work on one background thread; results come back to the GUI thread by signal.

Every read and write of the caseload goes through `Ops` (ARCHITECTURE pattern 2, as
Anki's CollectionOp/QueryOp): the job runs on a single-thread executor, so SQLite sees
one connection user at a time and the window never freezes. A write returns a
`Changes`, which is broadcast on `changed`; each view decides whether to refresh.
Failures go to the one error presenter unless the caller handles them (a dialog shows
a `ValidationError` next to its field).
"""

from __future__ import annotations

import logging
import queue
from collections.abc import Callable
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal

from sigdesk.context import AppContext, NotOpenError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from sigdesk.changes import Changes
    from sigdesk.ui.errors import ErrorPresenter

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass
class _Job:
    fn: Callable[[AppContext], Any]
    done: Callable[[Any], None] | None
    failed: Callable[[BaseException], None] | None
    owner: QObject | None
    is_write: bool
    epoch: int = 0
    result: Any = None
    error: BaseException | None = None


class Ops(QObject):
    """The one door to the database for every widget."""

    #: A write finished: the `Changes` it returned.
    changed = Signal(object)
    #: True while any job is queued or running.
    busy_changed = Signal(bool)
    #: Emitted on the worker when a job is done; carries nothing (see `_done_jobs`).
    _finished = Signal()

    def __init__(
        self, ctx: AppContext, presenter: ErrorPresenter, *, worker: Executor | None = None
    ) -> None:
        """`worker` must run one job at a time (a one-thread executor); made here if None."""
        super().__init__()
        self.ctx = ctx
        self.presenter = presenter
        self._executor = worker or ThreadPoolExecutor(
            max_workers=1, thread_name_prefix="sigdesk-db"
        )
        self._pending = 0
        self._closed = False
        #: Bumped by `fence()` at a lock: results of jobs from before it are dropped.
        self._epoch = 0
        #: Between a lock and the next unlock: "the caseload is locked" errors are expected.
        self.locked = False
        # Finished jobs wait here; the signal only says "look". Handing Python objects
        # themselves through a queued cross-thread signal crashed PySide6 now and then.
        self._done_jobs: queue.SimpleQueue[_Job] = queue.SimpleQueue()
        # Emitted on the worker thread; Qt queues it to this object's (the GUI) thread.
        self._finished.connect(self._drain, Qt.ConnectionType.QueuedConnection)

    @property
    def pending(self) -> int:
        return self._pending

    def call(
        self,
        fn: Callable[[AppContext], T],
        done: Callable[[T], None] | None = None,
        *,
        failed: Callable[[BaseException], None] | None = None,
        owner: QObject | None = None,
    ) -> None:
        """Run `fn(ctx)` on the worker (open, create, lock); `done(result)` on the GUI."""
        self._submit(_Job(fn, done, failed, owner, is_write=False))

    def query(
        self,
        fn: Callable[[Session], T],
        done: Callable[[T], None],
        *,
        failed: Callable[[BaseException], None] | None = None,
        owner: QObject | None = None,
    ) -> None:
        """Read in one session on the worker; `done(result)` runs on the GUI thread."""
        self._submit(_Job(_in_session(fn), done, failed, owner, is_write=False))

    def write(
        self,
        fn: Callable[[Session], Changes],
        done: Callable[[Changes], None] | None = None,
        *,
        failed: Callable[[BaseException], None] | None = None,
        owner: QObject | None = None,
    ) -> None:
        """Write in one transaction; on success `done(changes)`, then `changed` is emitted."""
        self._submit(_Job(_in_session(fn), done, failed, owner, is_write=True))

    def adopt(
        self,
        future: Future[T],
        done: Callable[[T], None],
        *,
        failed: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Deliver a job submitted to the worker before this object existed, as `call` does."""
        job = _Job(lambda _ctx: None, done, failed, None, is_write=False, epoch=self._epoch)
        self._count_in()

        def finished(f: Future[T]) -> None:
            job.error = f.exception()
            if job.error is None:
                job.result = f.result()
            self._done_jobs.put(job)
            self._finished.emit()

        future.add_done_callback(finished)

    def _count_in(self) -> None:
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)

    def _submit(self, job: _Job) -> None:
        if self._closed:
            return
        job.epoch = self._epoch
        self._count_in()
        self._executor.submit(self._run, job)

    def _run(self, job: _Job) -> None:
        try:
            job.result = job.fn(self.ctx)
        except BaseException as exc:  # handed to the GUI thread, shown there
            job.error = exc
        self._done_jobs.put(job)
        self._finished.emit()

    def _drain(self) -> None:
        while True:
            try:
                job = self._done_jobs.get_nowait()
            except queue.Empty:
                return
            self._deliver(job)

    def _deliver(self, job: _Job) -> None:
        self._pending -= 1
        if self._pending == 0:
            self.busy_changed.emit(False)
        if job.epoch != self._epoch or (self.locked and isinstance(job.error, NotOpenError)):
            # Asked for before a lock: its rows would refill the cleared views.
            if job.error is not None:
                log.info("a result from before the lock was dropped (%s)", type(job.error).__name__)
            return
        alive = job.owner is None or shiboken6.isValid(job.owner)
        if job.error is not None:
            if job.failed is not None and alive:
                job.failed(job.error)
            else:
                self.presenter.present(job.error)
            return
        if alive and job.done is not None:
            job.done(job.result)
        if job.is_write:
            self.changed.emit(job.result)

    def fence(self) -> None:
        """The caseload locks now: drop what earlier jobs return, expect "locked" errors."""
        self._epoch += 1
        self.locked = True

    def shutdown(self) -> None:
        """Close the caseload on the worker, then stop the thread (waits for running jobs)."""
        if self._closed:
            return
        self._closed = True
        self._executor.submit(self.ctx.close)
        self._executor.shutdown(wait=True)


def _in_session(fn: Callable[[Session], T]) -> Callable[[AppContext], T]:
    def run(ctx: AppContext) -> T:
        with ctx.session_scope() as session:
            return fn(session)

    return run

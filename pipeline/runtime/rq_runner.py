"""The RQ runner: a generation is one RQ job on Redis, run by ``python -m pipeline worker``.

With ``ADSTUDIO_RUNNER=rq`` :func:`pipeline.runtime.jobs.start` inserts the row as before and calls
:func:`enqueue`; the row is then owned by the queue (:func:`pipeline.runtime.leases.queued`) until a
worker's work horse takes it, stamps its own lease and runs
:func:`pipeline.runtime.orchestrator.run`
exactly as the thread runner does. The cancel flag on the row stays the contract; on top of
it :func:`after_cancel` drops a job still in the queue, and stops (RQ's stop-job command) a
job whose worker has not reacted within ``rq_stop_after_s``. When a work horse dies (stopped,
killed, out of memory) its worker closes the row and removes its files at once; if the
whole worker dies, the row's lease runs out and the next sweep anywhere closes it.
"""

from __future__ import annotations

import logging
import shutil
import threading
import time
from typing import Any

from pipeline.errors import AdstudioError, CancelledError
from pipeline.logs import log_event
from pipeline.runtime import failures, leases
from pipeline.runtime.child import PR_SET_PDEATHSIG, _prctl
from pipeline.runtime.services import Runtime
from pipeline.store import repository
from pipeline.store.db import Generation

INTERRUPTED_WORKER = "Interrupted - the worker stopped. Please try again."
QUEUE_DOWN = (
    "The ad could not be queued: the job queue (Redis) is not reachable. Try again in a "
    "minute, or ask the administrator to check ADSTUDIO_REDIS_URL and the Redis server."
)
WAITING = ("queued", "deferred", "scheduled")

#: The worker's runtime: built once by :func:`work`, inherited by each forked work horse.
_runtime: Runtime | None = None


def job_id(generation_id: int) -> str:
    return f"adstudio-gen-{generation_id}"


def connection(runtime: Runtime) -> Any:
    """A Redis client for the settings' URL (built per call: cheap, and safe after a fork)."""
    from redis import Redis

    # No read timeout: RQ's blocking dequeue and its command channel wait on purpose.
    return Redis.from_url(runtime.settings.redis_url.get_secret_value(), socket_connect_timeout=5)


def queue(runtime: Runtime, name: str | None = None) -> Any:
    from rq import Queue

    return Queue(name or runtime.settings.rq_queue, connection=connection(runtime))


def hand_to_queue(row: Generation, runtime: Runtime) -> None:
    """Mark a new row as owned by its (future) queue job; call before the row is committed."""
    leases.queued(row, job_id(row.id), runtime.settings.rq_job_ttl_s)


def enqueue(runtime: Runtime, generation_id: int) -> None:
    """Put the generation on the queue; a Redis that does not answer fails the row."""
    try:
        queue(runtime).enqueue(
            "pipeline.runtime.rq_runner.run_job",
            generation_id,
            job_id=job_id(generation_id),
            job_timeout=int(runtime.settings.rq_job_timeout_s),
            ttl=int(runtime.settings.rq_job_ttl_s),
            result_ttl=3600,
            failure_ttl=86400,
            description=f"generation {generation_id}",
        )
    except Exception as exc:
        log_event("enqueue_failed", f"{type(exc).__name__}: {exc}", level=logging.ERROR,
                  generation_id=generation_id)  # fmt: skip
        with runtime.sessions.begin() as session:
            repository.fail_generation(session, generation_id, error=QUEUE_DOWN, stage=None)
        raise AdstudioError(QUEUE_DOWN) from exc


def job_status(runtime: Runtime, generation_id: int) -> str | None:
    """RQ's status of the generation's job ("queued", "started", ...), None if unknown."""
    from rq.exceptions import NoSuchJobError
    from rq.job import Job

    try:
        job = Job.fetch(job_id(generation_id), connection=connection(runtime))
        status = job.get_status()
    except NoSuchJobError:
        return None
    return str(getattr(status, "value", status)) if status is not None else None


def queue_lost(runtime: Runtime, row: Generation) -> str | None:
    """Why a row waiting for the queue has no job left that could run it (Redis was
    flushed, or the job ended without a worker taking the row); None if it has one, or
    if Redis does not answer (then the lease's expiry decides)."""
    if not (row.owner_token or "").startswith(leases.QUEUED_PREFIX):
        return None
    try:
        status = job_status(runtime, row.id)
    except Exception:
        return None
    if status is None:
        return "its queue job is gone from Redis"
    if status in (*WAITING, "started", "created"):
        return None
    return f"its queue job ended ({status}) without a worker taking the row"


def after_cancel(runtime: Runtime, generation_id: int) -> threading.Thread | None:
    """The RQ side of a cancel (the flag is already set): a queued job is dropped and its
    row closed now; a running one gets ``rq_stop_after_s`` to stop by itself, then RQ's
    stop-job command. Returns the thread that waits for that (None if nothing to wait for)."""
    from rq.job import Job

    try:
        status = job_status(runtime, generation_id)
        if status in WAITING:
            Job.fetch(job_id(generation_id), connection=connection(runtime)).cancel()
        if status in WAITING or (status is None and _waiting_row(runtime, generation_id)):
            close(runtime, generation_id, CancelledError().message)  # no worker will run it
            return None
    except Exception as exc:  # the flag still stops it when a worker takes it
        log_event("cancel_queue_failed", f"{type(exc).__name__}: {exc}",
                  level=logging.WARNING, generation_id=generation_id)  # fmt: skip
        return None
    thread = threading.Thread(
        target=_stop_if_stuck, args=(runtime, generation_id), daemon=True,
        name=f"stop-generation-{generation_id}",
    )  # fmt: skip
    thread.start()
    return thread


def _waiting_row(runtime: Runtime, generation_id: int) -> bool:
    with runtime.sessions() as session:
        row = session.get(Generation, generation_id)
        return row is not None and row.status == "pending"


def _active(runtime: Runtime, generation_id: int) -> bool:
    with runtime.sessions() as session:
        row = session.get(Generation, generation_id)
        return row is not None and row.is_active


def _stop_if_stuck(runtime: Runtime, generation_id: int) -> None:
    from rq.command import send_stop_job_command

    deadline = time.monotonic() + runtime.settings.rq_stop_after_s
    while time.monotonic() < deadline:
        if not _active(runtime, generation_id):
            return
        time.sleep(0.2)
    try:
        if _active(runtime, generation_id) and job_status(runtime, generation_id) == "started":
            send_stop_job_command(connection(runtime), job_id(generation_id))
            log_event("stop_job_sent", "the worker did not react to the cancel",
                      generation_id=generation_id)  # fmt: skip
    except Exception as exc:
        log_event("stop_job_failed", f"{type(exc).__name__}: {exc}",
                  level=logging.WARNING, generation_id=generation_id)  # fmt: skip


def close(runtime: Runtime, generation_id: int, message: str) -> bool:
    """Fail a row that is still active with ``message``; remove its temp folder and outputs."""
    with runtime.sessions.begin() as session:
        row = session.get(Generation, generation_id)
        if row is None or not row.is_active:
            return False
        if row.cancellation_requested:
            message = CancelledError().message
        repository.fail_generation(session, generation_id, error=message, stage=None)
    shutil.rmtree(runtime.settings.resolved_temp_dir / f"gen-{generation_id}", ignore_errors=True)
    failures.remove_outputs(runtime.settings, generation_id)
    log_event("generation_closed", message, generation_id=generation_id)
    return True


def run_job(generation_id: int) -> str:
    """The RQ job (runs in the work horse): the same orchestrator as the thread runner."""
    runtime = _runtime
    if runtime is None:
        raise RuntimeError("run_job runs inside `python -m pipeline worker` only")
    prctl = _prctl()
    if prctl is not None:  # the horse (and through it its children) dies with its worker
        import signal

        prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    leases.become_worker()
    runtime.engine.dispose(close=False)  # the parent's pooled connections are not ours
    runtime.keeper = None  # the parent's keeper thread did not come along with the fork
    return take(runtime, generation_id)


def take(runtime: Runtime, generation_id: int) -> str:
    """Run the generation if it still waits (not cancelled or recovered meanwhile); returns
    the row's status at the end."""
    from pipeline.runtime import jobs

    with runtime.sessions() as session:
        row = session.get(Generation, generation_id)
        status = row.status if row is not None else "missing"
    if status != "pending":
        return status
    jobs.run_here(runtime, generation_id)
    with runtime.sessions() as session:
        row = session.get(Generation, generation_id)
        return row.status if row is not None else "missing"


def _worker_class() -> type:
    from rq import Worker

    class AdstudioWorker(Worker):  # type: ignore[misc]
        """An RQ worker that closes the row of a work horse that died (stop-job, kill)."""

        def monitor_work_horse(self, job: Any, queue: Any, execution: Any) -> None:
            super().monitor_work_horse(job, queue, execution)
            runtime = _runtime
            generation_id = job.args[0] if job.args else None
            if runtime is None or not isinstance(generation_id, int):
                return
            try:
                close(runtime, generation_id, INTERRUPTED_WORKER)
            except Exception as exc:  # the lease runs out; the next sweep closes it
                log_event("close_failed", f"{type(exc).__name__}: {exc}",
                          level=logging.WARNING, generation_id=generation_id)  # fmt: skip

    return AdstudioWorker


def work(runtime: Runtime, queues: list[str] | None = None, *, burst: bool = False,
         name: str | None = None) -> bool:  # fmt: skip
    """Run an RQ worker on ``queues`` (default: the settings' queue) until stopped (or, with
    ``burst``, until the queues are empty). Sweeps for dead owners' rows meanwhile."""
    global _runtime
    from pipeline.runtime import jobs

    _runtime = runtime
    jobs.serve(runtime)
    worker = _worker_class()(
        [queue(runtime, q) for q in (queues or [runtime.settings.rq_queue])],
        connection=connection(runtime),
        name=name,
    )
    try:
        return bool(worker.work(burst=burst, logging_level="WARNING", with_scheduler=False))
    finally:
        if runtime.keeper is not None:
            runtime.keeper.stop()

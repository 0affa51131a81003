"""Recovery and cleanup: rows whose process is gone are failed, stale temp folders removed."""

from __future__ import annotations

import shutil
import time
from datetime import timedelta

from pipeline.logs import log_event
from pipeline.runtime import failures, jobs, leases
from pipeline.runtime.jobs import INTERRUPTED, is_running_here
from pipeline.runtime.services import Runtime
from pipeline.store import repository
from pipeline.store.db import Generation, utcnow


def recover_orphans(runtime: Runtime) -> list[int]:
    """Fail the pending/processing rows whose owner is gone (:func:`leases.owner_gone`);
    remove their temp folders and partial outputs. Rows of live processes are left alone."""
    recovered: list[tuple[int, str, str]] = []
    with jobs.start_lock(), runtime.sessions.begin() as session:
        now = utcnow()
        for row in repository.orphaned_generations(session):
            if is_running_here(row.id):
                continue
            reason = leases.why_gone(row, now) or _queue_lost(runtime, row)
            if reason is None:
                continue
            message = interrupted_message(row)
            repository.fail_generation(session, row.id, error=message, stage=None)
            recovered.append((row.id, message, reason))
    for generation_id, message, reason in recovered:
        shutil.rmtree(
            runtime.settings.resolved_temp_dir / f"gen-{generation_id}", ignore_errors=True
        )
        failures.remove_outputs(runtime.settings, generation_id)
        log_event("generation_recovered", message, generation_id=generation_id, reason=reason)
    return [generation_id for generation_id, _, _ in recovered]


def interrupted_message(row: Generation) -> str:
    """What an interrupted row says: the RQ worker stopped, or the process running it."""
    if leases.by_worker(row):
        from pipeline.runtime.rq_runner import INTERRUPTED_WORKER

        return INTERRUPTED_WORKER
    return INTERRUPTED


def _queue_lost(runtime: Runtime, row: Generation) -> str | None:
    if runtime.settings.runner != "rq":
        return None
    from pipeline.runtime import rq_runner

    return rq_runner.queue_lost(runtime, row)


def cleanup_temp(runtime: Runtime, older_than: timedelta = timedelta(days=1)) -> list[str]:
    """Remove temp folders older than ``older_than`` unless their generation still runs
    (here, or in another live process that holds its lease)."""
    removed = []
    root = runtime.settings.resolved_temp_dir
    cutoff = time.time() - older_than.total_seconds()
    with runtime.sessions() as session:
        now = utcnow()
        live = {
            row.id
            for row in repository.orphaned_generations(session)
            if not leases.owner_gone(row, now)
        }
    for folder in sorted(root.glob("gen-*")) if root.exists() else []:
        gen_id = folder.name.removeprefix("gen-")
        if gen_id.isdigit() and (is_running_here(int(gen_id)) or int(gen_id) in live):
            continue
        if folder.stat().st_mtime < cutoff:
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(str(folder))
    return removed

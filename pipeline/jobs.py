"""Jobs: start, cancel and recover generations. One daemon thread per generation.

``start(runtime, user_id, prompt)`` validates the prompt, enforces the hourly limit (counted
from the starts log in the database, so it holds across restarts, servers and deletes),
inserts a pending row that this process owns (:mod:`pipeline.leases`) and runs
:func:`pipeline.orchestrator.run` in a background thread; the orchestrator waits for one of
``ADSTUDIO_MAX_RUNNING`` places, the row showing its place in line. While generations run
here, a keeper thread renews their leases and sweeps rows whose owner is gone. Pages and the
CLI only call this module and read rows; the worker never touches the UI.
"""

from __future__ import annotations

import math
import random
import re
import shutil
import threading
import time
import unicodedata
from datetime import datetime, timedelta

from pipeline import brand_kit, leases, orchestrator, repository
from pipeline.db import Generation, utcnow
from pipeline.errors import InputError, RateLimitError
from pipeline.logs import log_event
from pipeline.runtime import Runtime

MIN_PROMPT = 10
MAX_PROMPT = 500
WINDOW = timedelta(hours=1)
INTERRUPTED = "Interrupted - the process running it stopped. Please try again."

_threads: dict[int, threading.Thread] = {}
_threads_lock = threading.RLock()


def clean_prompt(prompt: str) -> str:
    """Normalize (NFC), drop control characters and lone surrogates (undecodable bytes from
    the command line arrive as ``\udcff``; no database can store them), collapse whitespace."""
    text = unicodedata.normalize("NFC", prompt or "")
    text = "".join(
        ch for ch in text if unicodedata.category(ch) not in ("Cc", "Cs") or ch in "\n\t"
    )
    return re.sub(r"\s+", " ", text).strip()


def validate_prompt(prompt: str) -> str:
    """The cleaned prompt, or InputError saying exactly what is wrong."""
    text = clean_prompt(prompt)
    if not text:
        raise InputError("Please describe the ad you want (at least 10 characters).")
    if len(text) < MIN_PROMPT:
        raise InputError(
            f"The prompt is too short ({len(text)} characters). "
            f"Use at least {MIN_PROMPT}: say what the product is and the feel you want."
        )
    if len(text) > MAX_PROMPT:
        raise InputError(
            f"The prompt is too long ({len(text)} characters). "
            f"Keep it to {MAX_PROMPT} characters or fewer."
        )
    return text


def next_slot(runtime: Runtime, user_id: int) -> datetime | None:
    """When the user may start another generation, or None if they may now."""
    with runtime.sessions() as session:
        times = repository.recent_generation_times(session, user_id, WINDOW)
    limit = runtime.settings.rate_limit_per_hour
    if len(times) < limit:
        return None
    return times[len(times) - limit] + WINDOW


def usage(runtime: Runtime, user_id: int) -> tuple[int, int]:
    """(generations started in the rolling hour, the limit)."""
    with runtime.sessions() as session:
        used = len(repository.recent_generation_times(session, user_id, WINDOW))
    return used, runtime.settings.rate_limit_per_hour


def start(
    runtime: Runtime,
    user_id: int,
    prompt: str,
    *,
    seed: int | None = None,
    kit_id: int | None = None,
) -> int:
    """Validate, rate-limit, insert the row and start the worker; returns the generation id.

    ``kit_id`` names one of this user's brand kits (:mod:`pipeline.brand_kit`) to use.
    """
    text = validate_prompt(prompt)
    with _threads_lock:  # one start at a time, so two clicks cannot both take the last slot
        slot = next_slot(runtime, user_id)
        if slot is not None:
            minutes = max(1, math.ceil((slot - utcnow()).total_seconds() / 60))
            raise RateLimitError(
                f"You have reached the limit of {runtime.settings.rate_limit_per_hour} "
                f"generations per hour. The next slot frees at {slot:%H:%M} UTC "
                f"(in about {minutes} min).",
                retry_at=slot,
            )
        with runtime.sessions.begin() as session:
            repository.get_user_by_id(session, user_id)
            row = Generation(
                user_id=user_id,
                prompt=text,
                seed=seed if seed is not None else random.SystemRandom().randrange(2**31),
                status="pending",
                progress=0,
                current_step="Queued",
            )
            leases.stamp(row, runtime.settings.lease_seconds)
            session.add(row)
            repository.record_start(session, user_id)
            session.flush()
            generation_id = row.id
            if kit_id is not None:
                brand_kit.attach(session, generation_id, user_id, kit_id)
        _launch(runtime, generation_id)
    keeper(runtime).ensure_running()  # outside the lock: the keeper takes it to list rows
    log_event("generation_queued", text[:80], generation_id=generation_id, user_id=user_id)
    return generation_id


def _launch(runtime: Runtime, generation_id: int) -> None:
    thread = threading.Thread(
        target=orchestrator.run,
        args=(generation_id, runtime),
        name=f"generation-{generation_id}",
        daemon=True,
    )
    _threads[generation_id] = thread
    thread.start()


def running_ids() -> list[int]:
    """Generations whose worker thread is alive in this process (queued ones included)."""
    with _threads_lock:
        for generation_id in [g for g, t in _threads.items() if not t.is_alive()]:
            del _threads[generation_id]
        return sorted(_threads)


def keeper(runtime: Runtime) -> leases.Keeper:
    """The runtime's lease keeper: renews this process's leases, sweeps dead owners' rows."""
    with _threads_lock:
        if runtime.keeper is None:
            runtime.keeper = leases.Keeper(
                runtime.sessions,
                runtime.settings.lease_seconds,
                running=running_ids,
                sweep=lambda: recover_orphans(runtime),
            )
        return runtime.keeper


def serve(runtime: Runtime) -> None:
    """Keep sweeping for rows of stopped processes every ``lease_seconds``, even while this
    process runs nothing (an app server calls it once after :func:`bootstrap`)."""
    keeper(runtime).persistent = True
    keeper(runtime).ensure_running()


def last_error(generation_id: int) -> tuple[str, str | None] | None:
    """(message, stage) of a failure this process could not write to the row (a full disk)."""
    return orchestrator.unrecorded.get(generation_id)


def cancel(runtime: Runtime, user_id: int | None, generation_id: int) -> bool:
    """Ask a running generation to stop; False if it had already finished."""
    with runtime.sessions.begin() as session:
        requested = repository.request_cancel(session, generation_id, user_id)
    if requested:
        log_event("cancel_requested", "", generation_id=generation_id)
    return requested


def wait(generation_id: int, timeout_s: float | None = None) -> bool:
    """Block until the generation's worker thread ends (CLI, tests). True if it ended."""
    with _threads_lock:
        thread = _threads.get(generation_id)
    if thread is None:
        return True
    thread.join(timeout_s)
    return not thread.is_alive()


def is_running_here(generation_id: int) -> bool:
    thread = _threads.get(generation_id)
    return thread is not None and thread.is_alive()


def recover_orphans(runtime: Runtime) -> list[int]:
    """Fail the pending/processing rows whose owner is gone (:func:`leases.owner_gone`);
    remove their temp folders and partial outputs. Rows of live processes are left alone."""
    recovered = []
    with _threads_lock, runtime.sessions.begin() as session:
        now = utcnow()
        for row in repository.orphaned_generations(session):
            if is_running_here(row.id) or not leases.owner_gone(row, now):
                continue
            repository.fail_generation(session, row.id, error=INTERRUPTED, stage=None)
            recovered.append(row.id)
    for generation_id in recovered:
        shutil.rmtree(
            runtime.settings.resolved_temp_dir / f"gen-{generation_id}", ignore_errors=True
        )
        orchestrator.remove_outputs(runtime.settings, generation_id)
        log_event("generation_recovered", INTERRUPTED, generation_id=generation_id)
    return recovered


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

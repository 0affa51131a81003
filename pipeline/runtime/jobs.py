"""Jobs: start, cancel and recover generations. One daemon thread per generation, or one
RQ job per generation with ``ADSTUDIO_RUNNER=rq`` (:mod:`pipeline.runtime.rq_runner`).

``start(runtime, user_id, prompt)`` validates the prompt, enforces the hourly limit (counted
from the starts log in the database, so it holds across restarts, servers and deletes),
inserts a pending row that this process owns (:mod:`pipeline.runtime.leases`) and runs
:func:`pipeline.runtime.orchestrator.run` in a background thread; the orchestrator waits for one of
``ADSTUDIO_MAX_RUNNING`` places, the row showing its place in line. While generations run
here, a keeper thread renews their leases and sweeps rows whose owner is gone. Pages and the
CLI only call this module and read rows; the worker never touches the UI.
"""

from __future__ import annotations

import math
import os
import random
import re
import threading
import unicodedata
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select, update

from pipeline import formats as formats_mod
from pipeline import quote
from pipeline.errors import InputError, RateLimitError
from pipeline.logs import log_event
from pipeline.providers import RestingProvider
from pipeline.runtime import cancellation, failures, leases, orchestrator
from pipeline.runtime.services import Runtime
from pipeline.spec import AdSpecification, ScenePlan
from pipeline.store import brand_kit, repository, versions
from pipeline.store.db import Generation, User, utcnow

MIN_PROMPT = 10
MAX_PROMPT = 500
WINDOW = timedelta(hours=1)
INTERRUPTED = "Interrupted - the process running it stopped. Please try again."

_threads: dict[int, threading.Thread] = {}
_threads_lock = threading.RLock()


def _after_fork() -> None:
    """A forked child (an RQ work horse) runs none of its parent's threads and must not
    inherit a lock that one of them held at the fork."""
    global _threads_lock
    _threads_lock = threading.RLock()
    _threads.clear()


os.register_at_fork(after_in_child=_after_fork)


def start_lock() -> threading.RLock:
    """The lock every start in this process holds while it checks the limits and inserts
    its row; hold it around several starts to check them as one batch (variants)."""
    return _threads_lock


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


def rate_limited(runtime: Runtime, slot: datetime) -> RateLimitError:
    """The hourly limit's refusal, saying when ``slot`` frees."""
    minutes = max(1, math.ceil((slot - utcnow()).total_seconds() / 60))
    return RateLimitError(
        f"You have reached the limit of {runtime.settings.rate_limit_per_hour} "
        f"generations per hour. The next slot frees at {slot:%H:%M} UTC "
        f"(in about {minutes} min).",
        retry_at=slot,
    )


def active_cap(runtime: Runtime) -> int:
    """Ads one user may have waiting or running at once (0: no cap)."""
    settings = runtime.settings
    if settings.max_active_per_user:
        return settings.max_active_per_user
    return 3 if settings.runner == "rq" else 0


def start(
    runtime: Runtime,
    user_id: int,
    prompt: str,
    *,
    seed: int | None = None,
    voice: dict[str, Any] | None = None,
    kit_id: int | None = None,
    formats: Sequence[str] | None = None,
    duration_s: float | None = None,
    estimate: quote.Quote | None = None,
    attach: Callable[[Any, int], None] | None = None,
    planned: tuple[AdSpecification, ScenePlan] | None = None,
    parent_id: int | None = None,
) -> int:
    """Validate, rate-limit, insert the row and start the worker; returns the generation id.

    ``formats`` ("9:16", "4:5", "1:1", "16:9"; default: the prompt's platform's) and
    ``duration_s`` (15 or 30; default: the settings') shape the video (:mod:`pipeline.formats`).

    ``voice``: ``{"enabled": bool, "voice": name or None}`` (default: on, the settings' voice).
    ``kit_id`` names one of this user's brand kits (:mod:`pipeline.store.brand_kit`) to use.
    ``estimate``: this ad's quote (default: one ad from the settings' tables); it is stored
    and checked against the monthly budget (:mod:`pipeline.quote`). ``attach(session, id)``
    adds rows about the new generation before it can run (a variant's direction).
    ``planned``: a storyboard's specification and plan (the first two stages are skipped);
    ``parent_id``: the ad's first row, making this row its next version
    (:mod:`pipeline.store.versions`).

    The limits are checked in the transaction that inserts the row, with the user's row
    locked first (a write), so two servers cannot both take a user's last slot.
    """
    text = validate_prompt(prompt)
    settings = runtime.settings
    asked_formats = list(formats_mod.parse(",".join(formats))) if formats else None
    asked_length = formats_mod.check_duration(duration_s) if duration_s is not None else None
    with _threads_lock:  # one start at a time, so two clicks cannot both take the last slot
        with runtime.sessions.begin() as session:
            session.execute(  # locks the user's row (PostgreSQL) or the database (SQLite)
                update(User)
                .where(User.id == user_id)
                .values(total_cost_micros=User.total_cost_micros)
                .execution_options(synchronize_session=False)
            )
            repository.get_user_by_id(session, user_id)
            times = repository.recent_generation_times(session, user_id, WINDOW)
            limit = settings.rate_limit_per_hour
            if len(times) >= limit:
                raise rate_limited(runtime, times[len(times) - limit] + WINDOW)
            cap = active_cap(runtime)
            if cap and _active_count(session, user_id) >= cap:
                raise RateLimitError(
                    f"You already have {cap} ads waiting or being made. Start the next one "
                    "when one of them has finished, so everyone's ads keep moving."
                )
            if estimate is None:
                estimate = quote.estimate(
                    settings,
                    formats=len(asked_formats or formats_mod.for_prompt(text)),
                    duration_s=asked_length,
                    voice=(voice or {}).get("enabled", True),
                )
            quote.check_budget(session, settings, user_id, estimate.per_ad_usd)
            row = Generation(
                user_id=user_id,
                prompt=text,
                seed=seed if seed is not None else random.SystemRandom().randrange(2**31),
                status="pending",
                progress=0,
                current_step="Queued",
                voice=voice,
                formats=asked_formats,
                target_duration_s=asked_length,
            )
            if planned is not None:
                row.llm_specification = planned[0].model_dump(mode="json")
                row.scene_plan = planned[1].model_dump(mode="json")
                row.planned = True
            if parent_id is not None:
                row.parent_id = parent_id
                row.version = versions.next_number(session, parent_id)
            session.add(row)
            repository.record_start(session, user_id)
            session.flush()
            generation_id = row.id
            quote.record(session, generation_id, estimate)
            if attach is not None:
                attach(session, generation_id)
            if kit_id is not None:
                brand_kit.attach(session, generation_id, user_id, kit_id)
            if settings.runner == "rq":
                from pipeline.runtime import rq_runner

                rq_runner.hand_to_queue(row, runtime)
            else:
                leases.stamp(row, settings.lease_seconds)
        if settings.runner == "rq":
            from pipeline.runtime import rq_runner

            rq_runner.enqueue(runtime, generation_id)
        else:
            _launch(runtime, generation_id)
    if settings.runner != "rq":
        keeper(runtime).ensure_running()  # outside the lock: the keeper takes it to list rows
    log_event("generation_queued", text[:80], generation_id=generation_id, user_id=user_id)
    return generation_id


def _active_count(session: object, user_id: int) -> int:
    return int(
        session.scalar(  # type: ignore[attr-defined]
            select(func.count(Generation.id)).where(
                Generation.user_id == user_id, Generation.status.in_(("pending", "processing"))
            )
        )
        or 0
    )


def run_here(runtime: Runtime, generation_id: int) -> None:
    """Run a generation that another process queued, on a thread of this process, with its
    lease kept, until it ends (an RQ work horse calls this: it exits after the job, so the
    director's models are not loaded again in it)."""
    with _threads_lock:
        _launch(runtime, generation_id, rewarm=False)
    keeper(runtime).ensure_running()
    wait(generation_id)


def _run_then_rewarm(generation_id: int, runtime: Runtime, rewarm: bool) -> None:
    """Run a generation; with ``rewarm``, the last one of this process to end has the
    director's models loaded again (they rest while ads are drawn and encoded), on a thread
    of their own so waiting for the generation never waits for them."""
    try:
        orchestrator.run(generation_id, runtime)
    finally:
        llm = runtime.llm
        last = running_ids() == [generation_id]
        if rewarm and last and isinstance(llm, RestingProvider):
            threading.Thread(target=llm.warm, name="rewarm", daemon=True).start()


def _launch(runtime: Runtime, generation_id: int, *, rewarm: bool = True) -> None:
    thread = threading.Thread(
        target=_run_then_rewarm,
        args=(generation_id, runtime, rewarm),
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
                sweep=lambda: _sweep(runtime),
            )
        return runtime.keeper


def _sweep(runtime: Runtime) -> None:
    from pipeline.runtime.recovery import recover_orphans  # it uses this module's threads

    recover_orphans(runtime)


def serve(runtime: Runtime) -> None:
    """Keep sweeping for rows of stopped processes every ``lease_seconds``, even while this
    process runs nothing (an app server calls it once after :func:`bootstrap`)."""
    keeper(runtime).persistent = True
    keeper(runtime).ensure_running()


def delete(runtime: Runtime, user_id: int, generation_id: int) -> None:
    """Delete the user's finished generation (one version of an ad) and its files."""
    with runtime.sessions.begin() as session:
        repository.delete_generation(session, generation_id, user_id)
    failures.remove_outputs(runtime.settings, generation_id)
    log_event("generation_deleted", "", generation_id=generation_id, user_id=user_id)


def last_error(generation_id: int) -> tuple[str, str | None] | None:
    """(message, stage) of a failure this process could not write to the row (a full disk)."""
    return failures.unrecorded.get(generation_id)


def cancel(
    runtime: Runtime, user_id: int | None, generation_id: int, *, wait_s: float | None = 0
) -> bool:
    """Ask a running generation to stop; False if it had already finished.

    The flag on the row is the contract. With the RQ runner a queued job is also dropped,
    and a running one whose worker does not react is stopped after ``rq_stop_after_s``
    (in the background; ``wait_s`` waits for that, None without limit: the CLI).
    """
    with runtime.sessions.begin() as session:
        requested = repository.request_cancel(session, generation_id, user_id)
    if requested:
        cancellation.nudge(runtime.sessions, generation_id)
        log_event("cancel_requested", "", generation_id=generation_id)
        if runtime.settings.runner == "rq":
            from pipeline.runtime import rq_runner

            follow_up = rq_runner.after_cancel(runtime, generation_id)
            if follow_up is not None and wait_s != 0:
                follow_up.join(wait_s)
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

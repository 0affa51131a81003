"""A failed generation's end: its message, its published files removed, its row marked failed."""

from __future__ import annotations

import contextlib
import errno
import logging
import shutil
import time
from typing import Any

from pipeline.errors import DOING, AdstudioError, disk_full, unexpected
from pipeline.logs import log_event
from pipeline.runtime.services import Runtime
from pipeline.spec import FORMAT_SIZES
from pipeline.stages import format_exports
from pipeline.store import repository

#: Waits before each attempt to write a failure (a full disk may free up meanwhile).
FINAL_WRITE_PAUSES_S = (0.0, 0.5, 2.0)
#: generation id -> (message, stage) of failures the database could not take.
unrecorded: dict[int, tuple[str, str | None]] = {}


def remove_outputs(settings: Any, generation_id: int) -> None:
    """Delete a generation's published files (videos, captions, thumbnails, clips)."""
    for name in FORMAT_SIZES:  # the other formats' files: <id>-1x1.mp4, <id>-1x1.jpg
        video, thumb = format_exports.output_paths(settings, generation_id, name, first=False)
        video.unlink(missing_ok=True)
        thumb.unlink(missing_ok=True)
    (settings.videos_dir / f"{generation_id}.mp4").unlink(missing_ok=True)
    for suffix in (".srt", ".vtt"):
        (settings.videos_dir / f"{generation_id}{suffix}").unlink(missing_ok=True)
    (settings.thumbnails_dir / f"{generation_id}.jpg").unlink(missing_ok=True)
    shutil.rmtree(settings.output_dir / "clips" / str(generation_id), ignore_errors=True)
    shutil.rmtree(settings.output_dir / "voice" / str(generation_id), ignore_errors=True)


def _disk_full(exc: BaseException) -> bool:
    """Whether ``exc`` (or what caused it) says the disk or the database is full."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, OSError) and seen.errno in (errno.ENOSPC, errno.EDQUOT):
            return True
        text = str(seen).lower()
        if "no space left on device" in text or "database or disk is full" in text:
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def failure_message(exc: BaseException, stage: str) -> str:
    """The row's message for a failure: a full disk says so; a bug names its kind."""
    if _disk_full(exc):  # also SQLite's "database or disk is full", which has no errno
        return disk_full(DOING.get(stage, stage.replace("_", " ")))
    if isinstance(exc, AdstudioError):
        return exc.message
    return unexpected(stage, exc)


def record_failure(
    runtime: Runtime,
    generation_id: int,
    message: str,
    stage: str | None,
    *,
    event: str = "generation_failed",
    exc_info: bool = False,
    cost_breakdown: list[dict[str, Any]] | None = None,
    stage_timings: dict[str, float] | None = None,
) -> None:
    """Remove the outputs and mark the row failed, retrying the write; never raises.

    If the database cannot be written at all, the outcome is kept in :data:`unrecorded`
    (the CLI prints it) and the row is left to recovery: its lease is no longer renewed.
    """
    with contextlib.suppress(OSError):  # files it could not remove do not change the outcome
        remove_outputs(runtime.settings, generation_id)
    level = logging.WARNING if event.endswith("cancelled") else logging.ERROR
    log_event(event, message, level=level, stage=stage, generation_id=generation_id,
              exc_info=exc_info)  # fmt: skip
    problem: Exception | None = None
    for pause in FINAL_WRITE_PAUSES_S:
        time.sleep(pause)
        try:
            with runtime.sessions.begin() as session:
                repository.fail_generation(
                    session, generation_id, error=message, stage=stage,
                    cost_breakdown=cost_breakdown, stage_timings=stage_timings,
                )  # fmt: skip
            return
        except Exception as exc:
            problem = exc
    unrecorded[generation_id] = (message, stage)
    log_event(
        "status_write_failed",
        f"Could not record the end of generation {generation_id} in the database "
        f"({type(problem).__name__}: {problem}). Its row stays active until its lease "
        "expires; recovery then marks it interrupted. Free disk space for the database.",
        level=logging.CRITICAL, stage=stage, generation_id=generation_id,
    )  # fmt: skip

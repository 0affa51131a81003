"""Command line: follow a started generation to its end and print its result."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from typing import Any

from pipeline.runtime import jobs
from pipeline.store import repository


def emit(data: dict[str, Any]) -> None:
    """Print ``data`` as the one JSON object of a ``--json`` run."""
    print(json.dumps(data, indent=2, ensure_ascii=False, default=str))


def run_to_end(
    runtime: Any,
    user_id: int,
    prompt: str,
    seed: int | None,
    voice: dict[str, Any] | None = None,
    kit_id: int | None = None,
    shape: dict[str, Any] | None = None,
    start: Callable[[], int] | None = None,
) -> Any:
    """Start a generation (or call ``start``), print its progress lines to stderr, return the
    finished row."""

    def show(_id: int, percent: int, step: str) -> None:  # this process runs just this one
        print(f"[{percent:3d}%] {step}", file=sys.stderr, flush=True)

    runtime.on_progress = show
    if start is not None:
        generation_id = start()
    else:
        generation_id = jobs.start(
            runtime, user_id, prompt, seed=seed, voice=voice, kit_id=kit_id, **(shape or {})
        )
    print(f"generation {generation_id} started", file=sys.stderr)
    try:
        while jobs.is_running_here(generation_id):
            time.sleep(0.2)
    except KeyboardInterrupt:
        print("cancelling...", file=sys.stderr)
        jobs.cancel(runtime, user_id, generation_id)
    jobs.wait(generation_id)
    with runtime.sessions() as session:
        row = repository.get_generation(session, generation_id, user_id)
    if row.status == "completed":
        print("[100%] Complete", file=sys.stderr)
    return row


#: A worker that ended without a recorded outcome (should not happen; the log says why).
NO_OUTCOME = "The generation stopped without recording its result. See data/logs/adstudio.jsonl."


def outcome(row: Any) -> tuple[str, str | None, str | None]:
    """(status, error, stage) as the run ended. When the database could not take the final
    write (a full disk), the row still reads "processing": report what this process knows."""
    if not row.is_active:
        return row.status, row.error, row.error_stage
    lost = jobs.last_error(row.id)
    if lost is not None:
        return "failed", lost[0], lost[1]
    return "failed", NO_OUTCOME, None


def fail(row: Any) -> int:
    """Print why the generation failed to stderr; the exit code 1."""
    _status, error, stage = outcome(row)
    print(f"error: {error} (stage: {stage})", file=sys.stderr)
    return 1


def report(row: Any, as_json: bool, **extra: Any) -> int:
    """Print a finished generation as ``generate`` does (``extra``: more JSON keys)."""
    result = {**row_result(row), **extra}
    status, said = result["status"], row.voice or {}
    if as_json:
        emit(result)
    elif status == "completed":
        print(f"{row.video_path}\n{row.thumbnail_path}\ncost ${row.cost:.4f}")
        for name, made in list((row.videos or {}).items())[1:]:
            print(f"{name}: {made['video']}")
        if said.get("reason"):
            print(said["reason"])
    return 0 if status == "completed" else fail(row)


def row_result(row: Any) -> dict[str, Any]:
    """The JSON a finished generation prints."""
    status, error, stage = outcome(row)
    said = row.voice or {}
    return {
        "generation_id": row.id,
        "status": status,
        "video_path": row.video_path,
        "thumbnail_path": row.thumbnail_path,
        "videos": {name: made["video"] for name, made in (row.videos or {}).items()},
        "thumbnails": {name: made["thumbnail"] for name, made in (row.videos or {}).items()},
        "cost": row.cost,
        "duration_s": row.duration_s,
        "seed": row.seed,
        "error": error,
        "error_stage": stage,
        "stage_timings": row.stage_timings,
        "audio_mix": row.audio_mix,
        "voice": {key: said.get(key) for key in ("engine", "voice", "seconds", "reason")},
        "captions": row.captions,
    }

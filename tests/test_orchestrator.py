"""The orchestrator end to end with fast fake providers and the real stages and ffmpeg."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from pipeline.runtime import jobs
from pipeline.runtime.services import Runtime
from pipeline.store import repository
from pipeline.store.db import User
from tests.fakes import FakeLLM, FakeVideo
from tests.media import probe

PROMPT = "Create a luxury watch ad for Instagram"


def _row(runtime: Runtime, gid: int, user_id: int):  # type: ignore[no-untyped-def]
    with runtime.sessions() as session:
        return repository.get_generation(session, gid, user_id)


def _outputs(runtime: Runtime) -> list[Path]:
    return [p for p in runtime.settings.output_dir.rglob("*") if p.is_file()]


def test_full_generation_records_every_stage_and_publishes_the_ad(
    runtime: Runtime, user_id: int, fake_llm: FakeLLM, fake_video: FakeVideo,
    caplog: pytest.LogCaptureFixture,
) -> None:  # fmt: skip
    fake_llm.cost, fake_video.cost = 0.0123, 0.25
    with caplog.at_level(logging.INFO, logger="adstudio"):
        gid = jobs.start(runtime, user_id, PROMPT, seed=7)
        assert jobs.wait(gid, timeout_s=240)
    row = _row(runtime, gid, user_id)
    assert row.status == "completed", row.error
    assert (row.progress, row.current_step, row.error) == (100, "Complete", None)
    assert row.seed == 7 and row.llm_provider == "fake-llm" and row.video_provider == "fake-video"
    assert row.llm_specification["brand"]["brand_name"] == "Aurelius"
    assert len(row.scene_plan["scenes"]) == len(row.temp_clip_paths) == len(row.clips)
    assert all(Path(c["path"]).is_file() for c in row.clips)  # kept for the inspector
    assert list(row.stage_timings) == [
        "llm_enhancement", "scene_planning", "voice", "video_generation", "overlays", "stitching",
        "audio", "export",
    ]  # fmt: skip
    assert row.stage_timings["audio"] > 0.05  # the mix's own time, though it ran early
    mix = row.audio_mix  # what the inspector shows: the track, the effects, the loudness
    assert mix["music_title"] and mix["music_track"].startswith("music/")
    assert len(mix["sfx"]) == len(row.scene_plan["scenes"]) - 1  # one per transition
    assert mix["integrated_lufs"] == pytest.approx(-14, abs=1.5) and "path" not in mix
    n = len(row.clips)
    assert row.cost == pytest.approx(0.0123 + 0.25 * n)
    with runtime.sessions() as session:
        assert session.get(User, user_id).total_cost == pytest.approx(row.cost)  # type: ignore[union-attr]

    info = probe(row.video_path)
    assert (info.width, info.height, info.fps) == (1080, 1920, 24.0)
    assert info.duration_s == pytest.approx(15.0, abs=0.1)
    assert info.audio_codec == "aac" and info.size_bytes < 50 * 1024 * 1024
    assert np.asarray(Image.open(row.thumbnail_path).convert("L")).mean() > 30
    assert not (runtime.settings.resolved_temp_dir / f"gen-{gid}").exists()

    events = [json.loads(json.dumps(getattr(r, "event", ""))) for r in caplog.records]
    assert events.count("stage_started") == 8 and "generation_completed" in events
    costs = [r for r in caplog.records if getattr(r, "event", "") == "cost_tracked"]
    assert all(getattr(r, "generation_id", None) == gid for r in costs)


def test_cancel_mid_run_stops_cleanly(
    runtime: Runtime, user_id: int, fake_video: FakeVideo
) -> None:
    fake_video.block.set()
    gid = jobs.start(runtime, user_id, PROMPT, seed=1)
    assert fake_video.started.wait(60)
    assert _row(runtime, gid, user_id).status == "processing"
    assert jobs.cancel(runtime, user_id, gid)
    assert jobs.wait(gid, timeout_s=60)
    row = _row(runtime, gid, user_id)
    expected = ("failed", "Cancelled by user", "video_generation")
    assert (row.status, row.error, row.error_stage) == expected
    assert row.video_path is None and _outputs(runtime) == []
    assert not (runtime.settings.resolved_temp_dir / f"gen-{gid}").exists()


def test_a_cancel_during_the_overlays_stops_the_early_audio_mix_too(
    runtime: Runtime, user_id: int
) -> None:
    # The mix starts with the overlays on its own thread; the cancel must stop both, and the
    # temp folder must not come back after clean-up (the mix writes its WAV there).
    import threading

    steps: list[str] = []
    cancelled = threading.Event()

    def on_progress(gid: int, percent: int, step: str) -> None:
        steps.append(step)
        if step.startswith("Text for scene") and not cancelled.is_set():
            cancelled.set()
            assert jobs.cancel(runtime, user_id, gid)

    runtime.on_progress = on_progress
    gid = jobs.start(runtime, user_id, PROMPT, seed=2)
    assert jobs.wait(gid, timeout_s=240)
    row = _row(runtime, gid, user_id)
    assert (row.status, row.error, row.error_stage) == ("failed", "Cancelled by user", "overlays")
    assert cancelled.is_set() and not any(s.startswith("Mixing") for s in steps)
    assert row.video_path is None and _outputs(runtime) == []
    assert not (runtime.settings.resolved_temp_dir / f"gen-{gid}").exists()
    assert not [t for t in threading.enumerate() if t.name.startswith(f"gen-{gid}-")]


def test_provider_failure_marks_the_row_failed_with_stage_and_message(
    runtime: Runtime, user_id: int, fake_video: FakeVideo
) -> None:
    fake_video.fail_scene = 1
    gid = jobs.start(runtime, user_id, PROMPT)
    assert jobs.wait(gid, timeout_s=60)
    row = _row(runtime, gid, user_id)
    assert row.status == "failed"
    assert row.error_stage == "video_generation"
    assert row.error == "The fake video service is down."
    assert _outputs(runtime) == []
    assert not (runtime.settings.resolved_temp_dir / f"gen-{gid}").exists()


def test_unexpected_llm_crash_reads_well(runtime: Runtime, user_id: int, fake_llm: FakeLLM) -> None:
    fake_llm.enqueue_error(ZeroDivisionError("boom"))
    gid = jobs.start(runtime, user_id, PROMPT)
    assert jobs.wait(gid, timeout_s=60)
    row = _row(runtime, gid, user_id)
    assert row.status == "failed" and row.error_stage == "llm_enhancement"
    assert row.error and "Traceback" not in row.error and len(row.error) < 300
    assert row.progress < 100


@contextmanager
def _encoder_busy(runtime: Runtime) -> Iterator[None]:
    """Hold every final-render place, as another ad that is encoding would."""
    from pipeline.runtime import gate, turns

    size = runtime.settings.max_parallel_exports
    places = gate.shared(turns.EXPORT_GATE, size)
    with ExitStack() as stack:
        for _ in range(size):
            stack.enter_context(places.place(0))  # rank 0: ahead of every generation id
        yield


def _wait_for_step(runtime: Runtime, gid: int, user_id: int, step: str) -> None:
    import time

    deadline = time.monotonic() + 240
    while _row(runtime, gid, user_id).current_step != step:
        assert time.monotonic() < deadline and jobs.is_running_here(gid)
        time.sleep(0.05)


def test_a_generation_waits_for_the_encoder_and_can_be_cancelled_while_waiting(
    runtime: Runtime, user_id: int
) -> None:
    from pipeline.runtime import turns

    with _encoder_busy(runtime):
        gid = jobs.start(runtime, user_id, PROMPT, seed=3)
        _wait_for_step(runtime, gid, user_id, turns.WAITING_STEP)
        assert jobs.cancel(runtime, user_id, gid)
        assert jobs.wait(gid, timeout_s=60)
    row = _row(runtime, gid, user_id)
    assert (row.status, row.error, row.error_stage) == ("failed", "Cancelled by user", "export")
    assert row.video_path is None and _outputs(runtime) == []


def test_queued_ads_encode_oldest_first(runtime: Runtime, user_id: int) -> None:
    from pipeline.runtime import stages, turns

    encoding: list[int] = []
    runtime.on_progress = lambda gid, percent, step: (
        encoding.append(gid) if step == stages.STEPS["export"].label else None
    )
    with _encoder_busy(runtime):
        older = jobs.start(runtime, user_id, PROMPT, seed=4)
        _wait_for_step(runtime, older, user_id, turns.WAITING_STEP)
        newer = jobs.start(runtime, user_id, PROMPT, seed=5)
        _wait_for_step(runtime, newer, user_id, turns.WAITING_STEP)
    assert jobs.wait(older, timeout_s=120) and jobs.wait(newer, timeout_s=120)
    assert [_row(runtime, g, user_id).status for g in (older, newer)] == ["completed"] * 2
    # one place: the newer ad's encode starts only after the older one's has finished
    assert older in encoding and newer in encoding, encoding
    last_older = len(encoding) - 1 - encoding[::-1].index(older)
    assert last_older < encoding.index(newer), encoding

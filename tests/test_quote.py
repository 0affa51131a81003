"""Quotes: the price and the time of a generation, from the tables in settings."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline import jobs, quote
from pipeline.runtime import bootstrap
from pipeline.settings import Settings
from tests.fakes import FakeLLM, FakeVideo

ROOT = Path(__file__).resolve().parents[1]
KLING = "kwaivgi/kling-v1.6-standard"


def _paid(tmp_path: Path, **extra: object) -> Settings:
    values: dict[str, object] = {
        "data_dir": tmp_path / "data", "output_dir": tmp_path / "output",
        "llm_provider": "openai", "llm_model": "gpt-4o-mini",
        "video_provider": "replicate", "video_models": (KLING,),
        "tts_provider": "openai", "tts_model": "tts-1",
    }  # fmt: skip
    return Settings(**{**values, **extra})  # type: ignore[arg-type]


def test_paid_quote_is_tokens_plus_billed_clip_seconds_plus_characters(tmp_path: Path) -> None:
    got = quote.estimate(_paid(tmp_path), variants=3, formats=2)
    copy, clips, speech, render = got.lines
    # 2500 input tokens at $0.15/M + 900 output at $0.60/M
    assert copy.usd == pytest.approx(0.000915, abs=1e-9)
    # 4 scenes of 4.125 s; Kling returns 5 s clips: 20 s at $0.05
    assert clips.usd == pytest.approx(1.0, abs=1e-9)
    assert clips.detail == f"4 clips from {KLING} at $0.050/s x 20 s"
    # 15 s read at 15 characters a second, $15 per million characters
    assert speech.usd == pytest.approx(0.003375, abs=1e-9)
    assert speech.detail == "tts-1: 225 characters"
    assert got.per_ad_usd == pytest.approx(1.00429, abs=1e-9)
    assert got.usd == pytest.approx(3.01287, abs=1e-9)  # formats share the clips: no extra
    # time: model 10 s + 2 waves of 3 parallel clips x 120 s + speech 5 s + text and mix 8 s
    # + 2 encodes x 20 s
    assert render.seconds == 48.0 and got.per_ad_seconds == 10 + 240 + 5 + 48
    assert got.seconds == 3 * 303.0
    assert got.paid is True
    assert got.summary() == "Estimated cost $3.01 and about 15 min 09 s for 3 ads in 2 formats."


def test_thirty_seconds_take_five_scenes_and_ten_second_clips(tmp_path: Path) -> None:
    got = quote.estimate(_paid(tmp_path), duration_s=30.0)
    assert quote.scene_seconds(30.0) == [6.4] * 5  # 32 s of clips less 4 crossfades
    assert got.lines[1].usd == pytest.approx(2.5, abs=1e-9)  # 5 x 10 s x $0.05
    assert got.lines[2].detail == "tts-1: 450 characters"


def test_per_video_price_counts_clips(tmp_path: Path) -> None:
    got = quote.estimate(_paid(tmp_path, video_models=("minimax/video-01",)))
    assert got.lines[1].usd == pytest.approx(2.0, abs=1e-9)  # 4 x $0.50
    assert got.lines[1].detail == "4 clips from minimax/video-01 at $0.500/video"


def test_offline_providers_cost_nothing(settings: Settings) -> None:
    got = quote.estimate(settings, variants=2)
    assert got.usd == 0.0 and got.paid is False
    assert [line.usd for line in got.lines] == [0.0, 0.0, 0.0, 0.0]


def test_every_start_stores_its_estimate(tmp_path: Path) -> None:
    settings = _paid(tmp_path)
    rt = bootstrap(settings, llm=FakeLLM(), video=FakeVideo())
    try:
        from pipeline.users import add_user

        with rt.sessions.begin() as session:
            user = add_user(session, "bob", "correct horse battery").id
        generation_id = jobs.start(rt, user, "A bright ad for ZephyrRun trail shoes", seed=1)
        assert jobs.wait(generation_id, timeout_s=240)
        with rt.sessions() as session:
            stored = quote.stored(session, generation_id)
            assert stored is not None
            assert stored.estimate_micros == 1_004_290 and stored.estimate_s == 10 + 240 + 5 + 28
    finally:
        rt.engine.dispose()


def test_cli_quote_prints_the_same_numbers(tmp_path: Path) -> None:
    env = {
        **os.environ, "ADSTUDIO_DATA_DIR": str(tmp_path / "data"),
        "ADSTUDIO_OUTPUT_DIR": str(tmp_path / "output"), "ADSTUDIO_LLM_PROVIDER": "openai",
        "ADSTUDIO_LLM_MODEL": "gpt-4o-mini", "ADSTUDIO_VIDEO_PROVIDER": "replicate",
        "ADSTUDIO_VIDEO_MODELS": KLING, "ADSTUDIO_TTS_PROVIDER": "openai",
    }  # fmt: skip
    done = subprocess.run(
        [sys.executable, "-m", "pipeline", "quote", "SnapCord cable organizer for desks",
         "--formats", "9:16,1:1", "--variants", "3", "--json"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["usd"] == pytest.approx(3.01287, abs=1e-9)
    assert data["formats"] == ["9:16", "1:1"] and data["variants"] == 3
    assert data["summary"] == "Estimated cost $3.01 and about 15 min 09 s for 3 ads in 2 formats."

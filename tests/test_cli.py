"""The command line, run as a user would: a real subprocess, real offline providers."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from tests.media import probe

ROOT = Path(__file__).resolve().parents[1]


def _cli(tmp_path: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "ADSTUDIO_DATA_DIR": str(tmp_path / "data"),
        "ADSTUDIO_OUTPUT_DIR": str(tmp_path / "output"),
        "ADSTUDIO_LLM_PROVIDER": "offline",
        "ADSTUDIO_VIDEO_PROVIDER": "local",
    }
    return subprocess.run(
        [sys.executable, "-m", "pipeline", *args], cwd=ROOT, env=env, input=stdin,
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip


def test_plan_prints_specification_and_scene_plan_and_is_seeded(tmp_path: Path) -> None:
    first = _cli(tmp_path, "plan", "ZephyrRun trail running shoes ad for TikTok", "--json",
                 "--seed", "3")  # fmt: skip
    assert first.returncode == 0, first.stderr
    data = json.loads(first.stdout)
    assert data["specification"]["brand"]["brand_name"] == "ZephyrRun"
    assert 3 <= len(data["scene_plan"]["scenes"]) <= 5
    again = _cli(tmp_path, "plan", "ZephyrRun trail running shoes ad for TikTok", "--json",
                 "--seed", "3")  # fmt: skip
    assert json.loads(again.stdout) == data


def test_too_short_prompt_exits_non_zero_with_one_line_reason(tmp_path: Path) -> None:
    result = _cli(tmp_path, "generate", "watch ad")
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1].startswith("error: The prompt is too short")


def test_users_add_and_list(tmp_path: Path) -> None:
    added = _cli(tmp_path, "users", "add", "dana", "--password-stdin", stdin="a good password\n")
    assert added.returncode == 0, added.stderr
    listed = _cli(tmp_path, "users", "list")
    assert "dana" in listed.stdout
    weak = _cli(tmp_path, "users", "add", "eve", "--password-stdin", stdin="short\n")
    assert weak.returncode == 1 and "at least 8 characters" in weak.stderr


@pytest.mark.slow
def test_generate_makes_a_finished_ad_offline(tmp_path: Path) -> None:
    result = _cli(tmp_path, "generate", "Create a luxury watch ad for Instagram", "--json",
                  "--seed", "11")  # fmt: skip
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["status"] == "completed" and data["cost"] == 0.0
    for stage in ("[ 10%]", "[ 20%]", "[ 70%]", "[ 80%]", "[ 90%]", "[100%]"):
        assert stage in result.stderr
    info = probe(data["video_path"])
    assert (info.width, info.height, info.fps) == (1080, 1920, 24.0)
    assert info.duration_s == pytest.approx(15.0, abs=0.1)
    assert info.video_codec == "h264" and info.audio_codec == "aac"
    assert data["duration_s"] == pytest.approx(15.0, abs=0.1)
    # spoken by the offline voice (the default), with caption sidecars beside the MP4
    assert data["voice"]["engine"] == "piper" and data["voice"]["voice"] == "en_US-joe-medium"
    assert data["voice"]["seconds"] > 3.0 and data["voice"]["reason"] is None
    video = Path(data["video_path"])
    assert data["captions"] == {
        "srt": str(video.with_suffix(".srt")), "vtt": str(video.with_suffix(".vtt"))
    }  # fmt: skip
    assert video.with_suffix(".srt").read_text(encoding="utf-8").startswith("1\n")
    thumb = np.asarray(Image.open(data["thumbnail_path"]).convert("L"))
    # content, not the black faded-in frame nor a flat one (luxury noir ads are dark by design)
    assert thumb.mean() > 12 and thumb.std() > 10
    assert list((tmp_path / "data" / "tmp").iterdir()) == []

    # The contact sheet of the same ad: one row per scene, frames taken from the MP4.
    sheet = _cli(tmp_path, "preview", "--id", str(data["generation_id"]))
    assert sheet.returncode == 0, sheet.stderr
    png = Path(sheet.stdout.strip())
    assert png == tmp_path / "output" / "previews" / f"{data['generation_id']}.png"
    image = np.asarray(Image.open(png).convert("L"))
    plan = json.loads(_cli(tmp_path, "plan", "Create a luxury watch ad for Instagram", "--json",
                           "--seed", "11").stdout)["scene_plan"]  # fmt: skip
    assert image.shape[0] > 300 + len(plan["scenes"]) * 384
    first_frame = image[300 : 300 + 384, 16 : 16 + 216]
    assert first_frame.std() > 10  # a real frame, not an empty cell


def test_generate_without_a_voice_says_why_in_the_json(tmp_path: Path) -> None:
    """--no-voice, and a language no offline voice speaks: captions and music, and the why."""
    off = _cli(tmp_path, "generate", "Create a luxury watch ad for Instagram", "--no-voice",
               "--json", "--seed", "2")  # fmt: skip
    assert off.returncode == 0, off.stderr
    data = json.loads(off.stdout)
    assert data["status"] == "completed"
    assert data["voice"] == {
        "engine": None, "voice": None, "seconds": 0, "reason": "Voice-over is off for this ad.",
    }  # fmt: skip
    assert Path(data["captions"]["vtt"]).read_text(encoding="utf-8").startswith("WEBVTT")
    french = _cli(tmp_path, "generate", "Une publicité pour une montre de luxe sur Instagram",
                  "--json", "--seed", "2")  # fmt: skip
    assert french.returncode == 0, french.stderr
    data = json.loads(french.stdout)
    assert data["status"] == "completed" and data["voice"]["engine"] is None
    assert data["voice"]["reason"] == (
        "No offline voice speaks this ad's language (fr); the ad has captions and music. "
        "Set ADSTUDIO_TTS_PROVIDER=openai for a cloud voice."
    )
    assert probe(data["video_path"]).audio_codec == "aac" and data["captions"]["srt"]


def test_preview_needs_a_prompt_or_an_id(tmp_path: Path) -> None:
    result = _cli(tmp_path, "preview")
    assert result.returncode == 1
    assert "Give a PROMPT" in result.stderr
    missing = _cli(tmp_path, "preview", "--id", "999")
    assert missing.returncode == 1 and "999" in missing.stderr


def test_users_add_applies_the_same_password_rules_as_the_app(tmp_path: Path) -> None:
    too_long = _cli(tmp_path, "users", "add", "fay", "--password-stdin", stdin="x1" * 40 + "\n")
    assert too_long.returncode == 1 and "too long" in too_long.stderr
    letters = _cli(tmp_path, "users", "add", "fay", "--password-stdin", stdin="onlyletters\n")
    assert letters.returncode == 1 and "mix letters with digits" in letters.stderr

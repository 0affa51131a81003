"""``generate --variants N`` from the command line, run as a user would (a subprocess)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.media import probe

ROOT = Path(__file__).resolve().parents[1]
PROMPT = "Tired of tangled cables? SnapCord magnetic cable organizer for your desk, 20% off"


def _cli(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ, "ADSTUDIO_DATA_DIR": str(tmp_path / "data"),
        "ADSTUDIO_OUTPUT_DIR": str(tmp_path / "output"), "ADSTUDIO_LLM_PROVIDER": "offline",
        "ADSTUDIO_VIDEO_PROVIDER": "local", "ADSTUDIO_TTS_PROVIDER": "none",
    }  # fmt: skip
    return subprocess.run(
        [sys.executable, "-m", "pipeline", *args], cwd=ROOT, env=env,
        capture_output=True, text=True, timeout=1200,
    )  # fmt: skip


def test_five_variants_are_refused_with_the_limit(tmp_path: Path) -> None:
    done = _cli(tmp_path, "generate", PROMPT, "--variants", "5", "--json")
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.strip().splitlines()[-1] == (
        "error: Make 1 to 4 variants at a time (asked for 5)."
    )


@pytest.mark.slow
def test_generate_variants_prints_one_labelled_json_per_ad(tmp_path: Path) -> None:
    done = _cli(tmp_path, "generate", PROMPT, "--variants", "2", "--seed", "4", "--json")
    assert done.returncode == 0, done.stderr
    ads = json.loads(done.stdout)
    assert [ad["status"] for ad in ads] == ["completed", "completed"]
    assert ads[0]["variant"].startswith("A: PAS, hook 'Tired of tangled cables?', CTA '")
    assert ads[1]["variant"].startswith("B: AIDA, hook 'SnapCord: magnetic cable organizer', ")
    assert "CTA 'See for yourself'" in ads[1]["variant"]
    assert ads[0]["variant_group"] == ads[1]["variant_group"]
    assert ads[0]["audio_mix"]["music_title"] != ads[1]["audio_mix"]["music_title"]
    assert "[A " in done.stderr and "[B " in done.stderr  # progress lines say which ad
    for ad in ads:
        info = probe(ad["video_path"])
        assert (info.width, info.height, info.fps) == (1080, 1920, 24.0)
        assert info.duration_s == pytest.approx(15.0, abs=0.1) and info.audio_codec == "aac"

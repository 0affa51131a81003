"""A brand kit in a real offline generation, run from the command line as a user would.

`generate --logo --image --image --kit` saves the kit and renders with it; the probed MP4
shows the photo's stripes in the photo scenes and the logo's two colours on the end card.
A second `generate --kit NAME` reuses the stored kit without the files.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import numpy as np

from tests import brandkit_media as media
from tests.media import frame_at, probe

ROOT = Path(__file__).resolve().parents[1]
# names its colours, so the ad keeps navy and white and the kit's colours stay distinct
PROMPT = "Acme cold brew coffee in navy and white for busy commuters, 20% off this week"


def _cli(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "ADSTUDIO_DATA_DIR": str(tmp_path / "data"),
        "ADSTUDIO_OUTPUT_DIR": str(tmp_path / "output"),
        "ADSTUDIO_LLM_PROVIDER": "offline",
        "ADSTUDIO_VIDEO_PROVIDER": "local",
    }
    return subprocess.run(
        [sys.executable, "-m", "pipeline", *args], cwd=ROOT, env=env,
        capture_output=True, text=True, timeout=900,
    )  # fmt: skip


def share(frame: np.ndarray, color: tuple[int, int, int], tolerance: float = 40.0) -> float:
    """The fraction of the frame's pixels within ``tolerance`` of ``color`` (RGB distance)."""
    diff = frame.astype(np.float32) - np.array(color, np.float32)
    return float((np.sqrt((diff * diff).sum(axis=-1)) < tolerance).mean())


def _row(tmp_path: Path, generation_id: int) -> tuple[list[dict], list[dict], dict]:
    with sqlite3.connect(tmp_path / "data" / "adstudio.db") as db:
        clips, plan, spec = db.execute(
            "SELECT clips, scene_plan, llm_specification FROM generations WHERE id = ?",
            (generation_id,),
        ).fetchone()
    return json.loads(clips), json.loads(plan)["scenes"], json.loads(spec)


def _scene_frame(video: str, scenes: list[dict], index: int, into: float) -> np.ndarray:
    start = sum(s["duration_s"] for s in scenes[:index]) - 0.5 * index
    return frame_at(video, start + into)


def test_cli_logo_and_photos_appear_in_the_probed_ad_and_the_kit_is_reused(
    tmp_path: Path,
) -> None:
    (tmp_path / "logo.png").write_bytes(media.logo_png())
    (tmp_path / "shot.jpg").write_bytes(media.photo())
    (tmp_path / "shot.webp").write_bytes(media.photo("WEBP"))
    made = _cli(tmp_path, "generate", PROMPT, "--seed", "4", "--json",
                "--logo", str(tmp_path / "logo.png"), "--image", str(tmp_path / "shot.jpg"),
                "--image", str(tmp_path / "shot.webp"), "--kit", "Acme")  # fmt: skip
    assert made.returncode == 0, made.stderr
    result = json.loads(made.stdout)
    info = probe(result["video_path"])
    assert (info.width, info.height, info.fps) == (1080, 1920, 24.0)
    assert abs(info.duration_s - 15.0) < 0.1

    clips, scenes, spec = _row(tmp_path, result["generation_id"])
    assert spec["brand"]["primary_color"] == "#1B2A41"  # the prompt's navy, not the logo's
    photo_scenes = [c["scene_index"] for c in clips if "photo" in c["details"]]
    assert photo_scenes == [0, 1]
    assert [clips[i]["details"]["photo"]["file"] for i in photo_scenes] == [
        "photo_1.jpg", "photo_2.jpg"
    ]  # fmt: skip
    last = len(scenes) - 1
    assert clips[last]["details"]["template"] == "end_logo"
    assert clips[last]["details"]["logo"] == {"file": "logo.png", "set": "brand kit"}

    video = result["video_path"]
    for index in photo_scenes:
        frame = _scene_frame(video, scenes, index, 1.6)
        assert share(frame, media.ORANGE) > 0.03 and share(frame, media.CYAN) > 0.03
    plain = _scene_frame(video, scenes, last - 1, 1.6)  # a scene without a photo
    assert share(plain, media.ORANGE) < 0.005 and share(plain, media.CYAN) < 0.005
    end = _scene_frame(video, scenes, last, 1.5)  # measured: about 5 % of each half's colour
    assert share(end, media.YELLOW) > 0.03 and share(end, media.BLUE) > 0.03
    assert share(plain, media.BLUE) < 0.005  # (a yellow price tag may show there)

    again = _cli(tmp_path, "generate", PROMPT, "--seed", "5", "--json", "--kit", "Acme")
    assert again.returncode == 0, again.stderr
    second = json.loads(again.stdout)
    clips, scenes, _spec = _row(tmp_path, second["generation_id"])
    assert [c["details"].get("photo", {}).get("file") for c in clips][:2] == [
        "photo_1.jpg", "photo_2.jpg"
    ]  # fmt: skip
    end = _scene_frame(second["video_path"], scenes, len(scenes) - 1, 1.5)
    assert share(end, media.YELLOW) > 0.03 and share(end, media.BLUE) > 0.03

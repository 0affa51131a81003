"""CLI: plan --json, edit the JSON, render --plan; edit ID into v2; a bad edit renders nothing."""

from __future__ import annotations

import json
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path
from typing import Any

import av
import numpy as np
import pytest

from pipeline.media import ffmpeg
from tests.media import probe
from tests.test_cli import _cli

PROMPT = "Create a luxury watch ad for Instagram"


def test_plan_edit_render_then_edit_a_version_and_refuse_a_bad_edit(tmp_path: Path) -> None:
    planned = _cli(tmp_path, "plan", PROMPT, "--seed", "4", "--json")
    assert planned.returncode == 0, planned.stderr
    data = json.loads(planned.stdout)
    data["storyboard"]["scenes"][0]["headline"] = "Edited first line"
    plan_file = tmp_path / "plan.json"
    plan_file.write_text(json.dumps(data), encoding="utf-8")

    rendered = _cli(tmp_path, "render", "--plan", str(plan_file), "--json")
    assert rendered.returncode == 0, rendered.stderr
    first = json.loads(rendered.stdout)
    assert (first["status"], first["version"], first["reused_clips"]) == ("completed", 1, 0)
    media = probe(first["video_path"])
    assert (media.width, media.height, media.video_codec) == (1080, 1920, "h264")
    assert media.duration_s == pytest.approx(15.0, abs=0.1) and media.audio_codec == "aac"

    edited = _cli(tmp_path, "edit", str(first["generation_id"]), "--scene", "2",
                  "--text", "Made by hand", "--json")  # fmt: skip
    assert edited.returncode == 0, edited.stderr
    second = json.loads(edited.stdout)
    assert (second["status"], second["version"]) == ("completed", 2)
    # every clip is reused but the edited scene's when its template draws the headline itself
    # (kinetic type, the number callout): then that one scene's picture did change
    assert second["reused_clips"] >= len(data["storyboard"]["scenes"]) - 1
    assert second["video_path"] != first["video_path"]
    assert probe(second["video_path"]).duration_s == pytest.approx(15.0, abs=0.1)
    _only_the_edited_spans_were_encoded_again(tmp_path, first, second)

    videos = sorted((tmp_path / "output" / "videos").glob("*.mp4"))
    refused = _cli(tmp_path, "edit", str(first["generation_id"]), "--scene", "1",
                   "--duration", "9", "--json")  # fmt: skip
    assert refused.returncode == 1 and refused.stdout == ""
    assert refused.stderr.startswith("error: Scene 1 lasts 9 s; a scene lasts 3 to 7 seconds.")
    assert sorted((tmp_path / "output" / "videos").glob("*.mp4")) == videos


def _frames(path: str) -> list[np.ndarray]:
    with av.open(path) as container:
        return [f.to_ndarray(format="yuv420p") for f in container.decode(video=0)]


def _only_the_edited_spans_were_encoded_again(
    tmp_path: Path, first: dict[str, Any], second: dict[str, Any]
) -> None:
    """v2 copies v1's spans that did not change: the same decoded pixels there, new ones
    where scene 2's line is seen, 360 frames that decode without a single error."""
    with closing(sqlite3.connect(tmp_path / "data" / "adstudio.db")) as db:
        made = {
            gid: json.loads(v)["9:16"]
            for gid, v in db.execute("SELECT id, videos FROM generations")
        }
    old, new = made[first["generation_id"]]["spans"], made[second["generation_id"]]["spans"]
    kept = [s for s in new if s in old]
    assert kept and len(kept) < len(new)
    assert second["reused_frames"] == sum(s["end"] - s["start"] for s in kept)
    a, b = _frames(first["video_path"]), _frames(second["video_path"])
    assert len(a) == len(b) == 360
    for span in new:
        same = all(np.array_equal(a[i], b[i]) for i in range(span["start"], span["end"]))
        assert same == (span in kept), span
    checked = subprocess.run(
        [ffmpeg.find_ffmpeg(), "-v", "error", "-i", second["video_path"], "-f", "null", "-"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert checked.stderr == ""

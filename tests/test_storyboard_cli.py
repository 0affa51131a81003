"""CLI: plan --json, edit the JSON, render --plan; edit ID into v2; a bad edit renders nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

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

    videos = sorted((tmp_path / "output" / "videos").glob("*.mp4"))
    refused = _cli(tmp_path, "edit", str(first["generation_id"]), "--scene", "1",
                   "--duration", "9", "--json")  # fmt: skip
    assert refused.returncode == 1 and refused.stdout == ""
    assert refused.stderr.startswith("error: Scene 1 lasts 9 s; a scene lasts 3 to 7 seconds.")
    assert sorted((tmp_path / "output" / "videos").glob("*.mp4")) == videos

"""The Create page's format and length controls, and every format's player, with AppTest."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.app_harness import AppEnv, app_env, button, texts, videos
from tests.media import probe
from tests.test_app_create import finish, type_prompt


@pytest.fixture
def env(tmp_path: Path) -> Iterator[AppEnv]:
    with app_env(tmp_path) as e:
        yield e


def test_the_prompt_preselects_formats_until_the_user_chooses(env: AppEnv) -> None:
    at = env.signed_in("alice")
    shapes = at.multiselect(key="create_formats")
    assert shapes.label == "Formats" and shapes.value == ["9:16"]
    assert shapes.options == [
        "9:16 vertical (Reels, TikTok, Shorts)",
        "4:5 portrait (feeds)",
        "1:1 square (feeds, LinkedIn)",
        "16:9 landscape (YouTube, LinkedIn)",
    ]
    assert at.segmented_control(key="create_length").value == 15
    type_prompt(at, "Cloud backup for small firms, an ad for LinkedIn")
    assert at.multiselect(key="create_formats").value == ["1:1", "16:9"]
    type_prompt(at, "Pizza night deal for our Facebook feed")
    assert at.multiselect(key="create_formats").value == ["4:5", "1:1"]
    at.multiselect(key="create_formats").set_value(["9:16", "1:1"]).run()
    type_prompt(at, "Cloud backup for small firms, an ad for LinkedIn")  # the user's choice stays
    assert at.multiselect(key="create_formats").value == ["9:16", "1:1"]


def test_chosen_formats_travel_and_each_format_plays(env: AppEnv) -> None:
    at = env.signed_in("alice")
    type_prompt(at, "Cloud backup for small firms, an ad for LinkedIn")
    button(at, "generate").click().run()
    generation_id = finish(env, at)
    row = env.row(generation_id)
    assert row.status == "completed", row.error
    assert (row.formats, row.target_duration_s) == (["1:1", "16:9"], 15.0)
    assert row.videos is not None and list(row.videos) == ["1:1", "16:9"]
    assert row.video_path == row.videos["1:1"]["video"]
    for name, size in (("1:1", (1080, 1080)), ("16:9", (1920, 1080))):
        info = probe(row.videos[name]["video"])
        assert (info.width, info.height) == size
        assert info.duration_s == pytest.approx(15.0, abs=0.05)
    assert [t.label for t in at.tabs] == ["1:1", "16:9"]
    assert len(videos(at)) == 3  # the main player and one per format tab
    labels = [d.label for d in at.get("download_button")]
    assert labels[-2:] == ["Download 1:1 MP4", "Download 16:9 MP4"]
    assert "1:1 square (feeds, LinkedIn) · 1080x1080" in texts(at)


def test_the_30_s_length_reaches_the_plan(env: AppEnv) -> None:
    at = env.signed_in("alice")
    type_prompt(at, "Cloud backup for small firms, an ad for Instagram")
    at.segmented_control(key="create_length").set_value(30).run()
    env.video.block.set()  # hold the clips: the plan is what this test reads
    button(at, "generate").click().run()
    generation_id = int(at.session_state["create_shown_generation"])
    assert env.video.started.wait(60)  # the clips are being drawn: the plan is stored
    row = env.row(generation_id)
    assert (row.formats, row.target_duration_s) == (["9:16"], 30.0)
    assert row.scene_plan is not None
    durations = [s["duration_s"] for s in row.scene_plan["scenes"]]
    assert len(durations) == 5 and sum(durations) - 0.5 * 4 == pytest.approx(30.0)
    assert row.llm_specification is not None
    assert row.llm_specification["ad"]["duration_s"] == 30.0
    env.video.block.clear()

"""The Create page, driven with AppTest: validation, live progress, result, cancel, retry.

The providers are the fast fakes (tiny real clips); one test renders a whole ad through the
real overlays, stitching, audio and export stages. ``FakeVideo.block`` holds a generation in
its clip stage so the running state can be inspected without racing the worker.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from pipeline.runtime import jobs
from pipeline.store import repository
from pipeline.store.db import Generation
from tests.app_harness import TIMEOUT_S, AppEnv, app_env, button, page_dump, texts, videos
from ui.format import plain
from ui.widgets import PHONE_CSS

PROMPT = "Create a luxury watch ad for Instagram"
SHOWN = "create_shown_generation"


@pytest.fixture
def env(tmp_path: Path) -> Iterator[AppEnv]:
    with app_env(tmp_path) as e:
        yield e


def type_prompt(at: AppTest, prompt: str) -> AppTest:
    at.text_area(key="create_prompt").input(prompt)
    return at.run()


def generate(at: AppTest, prompt: str) -> AppTest:
    type_prompt(at, prompt)
    return button(at, "generate").click().run()


def rows(env: AppEnv) -> list[Generation]:
    with env.runtime.sessions() as session:
        return repository.list_generations(session, None)


def in_clip_stage(env: AppEnv, at: AppTest) -> AppTest:
    """Wait until the (blocked) fake video provider was called, then poll the page again."""
    assert env.video.started.wait(TIMEOUT_S)
    return at.run()


def finish(env: AppEnv, at: AppTest) -> int:
    """Let the shown generation's worker end, then rerun the page (the 2 s poll)."""
    generation_id = int(at.session_state[SHOWN])
    assert jobs.wait(generation_id, timeout_s=TIMEOUT_S * 3)
    at.run()
    return generation_id


def test_prompt_counter_and_validation_messages(env: AppEnv) -> None:
    at = env.signed_in("alice")
    type_prompt(at, "  Shoes  ")
    assert "5 / 500 characters · at least 10 needed" in texts(at)

    button(at, "generate").click().run()
    assert "The prompt is too short (5 characters). Use at least 10" in texts(at)

    generate(at, "   \n\t  ")
    assert "Please describe the ad you want (at least 10 characters)." in texts(at)
    assert rows(env) == []
    assert not at.progress


def test_a_generation_shows_progress_then_plays_with_cost_and_download(env: AppEnv) -> None:
    env.video.block.set()
    at = env.signed_in("alice")
    generate(at, PROMPT)
    in_clip_stage(env, at)
    assert not at.exception
    assert at.progress, "the progress panel must be on the page while the clips are made"
    generation_id = int(at.session_state[SHOWN])
    assert env.row(generation_id).progress >= 30  # the row keeps the milestone
    bar = at.progress[0]
    assert 0 < bar.value < 100  # the bar follows expected time: the long export is ahead
    assert bar.proto.text.startswith(f"{bar.value}% · ")
    shown = texts(at)
    assert "Making your ad" in shown
    assert "Setting up 4 scenes" in shown
    assert "Elapsed 0:0" in shown
    assert button(at, "cancel_generation").label == "Cancel"
    assert button(at, "generate").disabled

    env.video.block.clear()
    finish(env, at)
    assert not at.exception
    assert env.row(generation_id).status == "completed"
    shown = texts(at)
    assert "Your ad is ready" in shown
    assert "15 s · free (offline) · made in" in shown
    assert [t.value for t in at.toast] == [f"Your ad #{generation_id} is ready."]
    assert "$0.00" not in shown
    (video,) = videos(at)
    assert video.proto.url.startswith("/mock/media/")
    assert (video.proto.autoplay, video.proto.muted, video.proto.loop) == (True, True, True)
    assert [d.label for d in at.get("download_button")] == [
        "Download MP4", "Captions (.srt)", "Captions (.vtt)",
    ]  # fmt: skip
    links = {p.proto.label: p.proto.page for p in at.get("page_link")}
    assert "plan" in links["Edit"]
    assert f"/plan?id={generation_id}" in [c.value for c in at.code]
    assert not at.progress


def test_cancel_stops_the_generation_and_says_so(env: AppEnv) -> None:
    env.video.block.set()
    at = env.signed_in("alice")
    generate(at, PROMPT)
    generation_id = int(at.session_state[SHOWN])
    button(at, "cancel_generation").click().run()
    assert env.row(generation_id).cancellation_requested
    assert button(at, "cancel_pending").disabled

    finish(env, at)
    row = env.row(generation_id)
    assert (row.status, row.error) == ("failed", "Cancelled by user")
    assert "The generation was cancelled." in texts(at)
    assert not videos(at)
    assert not (env.runtime.settings.videos_dir / f"{generation_id}.mp4").exists()


def test_a_failure_is_readable_and_can_be_retried(env: AppEnv) -> None:
    env.video.fail_scene = 1
    at = env.signed_in("alice")
    generate(at, PROMPT)
    first = finish(env, at)
    shown = texts(at)
    assert "The generation failed during video clips" in shown
    assert "The fake video service is down." in shown

    env.video.fail_scene = None
    env.video.block.set()
    env.video.started.clear()
    button(at, "try_again").click().run()
    second = int(at.session_state[SHOWN])
    assert second != first
    assert env.row(second).prompt == PROMPT
    in_clip_stage(env, at)
    assert "Setting up 4 scenes" in texts(at)


def test_the_hourly_limit_says_when_the_next_slot_frees(tmp_path: Path) -> None:
    with app_env(tmp_path, rate_limit_per_hour=1) as env:
        env.finished_generation(env.add_user("alice"))
        at = env.signed_in("alice")
        assert "You have used all 1 generation of this hour. The next slot frees at" in texts(at)
        generate(at, PROMPT)
        shown = texts(at)
        assert "The next slot frees at" in shown
        assert "(in about 60 minutes)" in shown or "(in about 59 minutes)" in shown
        assert len(rows(env)) == 1


def test_coming_back_resumes_the_running_generation(env: AppEnv) -> None:
    env.video.block.set()
    at = env.signed_in("alice")
    generate(at, PROMPT)
    generation_id = int(at.session_state[SHOWN])

    at.switch_page("app_pages/gallery.py").run()
    assert not at.progress
    at.switch_page("app_pages/create.py").run()
    assert at.progress
    assert at.session_state[SHOWN] == generation_id

    elsewhere = env.signed_in("alice")  # a new browser session of the same user
    assert elsewhere.progress
    assert elsewhere.session_state[SHOWN] == generation_id
    assert not env.signed_in("bob").progress


def test_html_and_sql_in_a_prompt_are_stored_and_shown_literally(env: AppEnv) -> None:
    prompt = "<b>Bold</b> <script>alert(1)</script> '; DROP TABLE users; -- [x](javascript:1)"
    env.video.block.set()
    at = env.signed_in("alice")
    generate(at, prompt)
    generation_id = int(at.session_state[SHOWN])
    assert env.row(generation_id).prompt == prompt
    assert plain(prompt) in texts(at, raw=True)
    assert prompt in texts(at)
    dump = page_dump(at)
    assert "allow_html: true" not in dump
    # the only raw HTML on the page is the fixed phone style rule (ui.widgets.PHONE_CSS)
    assert [e.proto.body for e in at.get("html")] == [PHONE_CSS]
    with env.runtime.sessions() as session:
        assert repository.get_user(session, "alice") is not None


def test_the_voice_toggle_and_choice_travel_with_the_generation(tmp_path: Path) -> None:
    """On by default with the language's own voice; switched off, the ad says so and still
    offers its caption files."""
    with app_env(tmp_path, tts_provider="piper") as env:
        at = env.signed_in("alice")
        toggle = at.toggle(key="create_voice_on")
        assert toggle.label == "Voice-over" and toggle.value is True
        choice = at.selectbox(key="create_voice_name")
        assert choice.options == ["The ad language's own voice", "en_US-joe-medium"]
        toggle.set_value(False).run()
        assert at.selectbox(key="create_voice_name").disabled
        generate(at, PROMPT)
        generation_id = finish(env, at)
        row = env.row(generation_id)
        assert row.status == "completed", row.error
        assert row.voice is not None and row.voice["reason"] == "Voice-over is off for this ad."
        assert "Voice-over is off for this ad." in texts(at)
        labels = [d.label for d in at.get("download_button")]
        assert labels == ["Download MP4", "Captions (.srt)", "Captions (.vtt)"]


def test_a_server_without_speech_says_so_beside_the_prompt(env: AppEnv) -> None:
    at = env.signed_in("alice")
    assert not at.toggle
    assert "Voice-over is off on this server: ads get captions and music." in texts(at)

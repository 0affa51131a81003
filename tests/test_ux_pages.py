"""The studio as a product, driven with AppTest: example chips, a prompt that survives a
reload, the gallery's search/filters/sort/play/download and Attempts, toasts on any page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from pipeline import jobs
from pipeline.db import Generation
from tests.app_harness import TIMEOUT_S, AppEnv, app_env, button, texts, videos

GALLERY = "app_pages/gallery.py"
CREATE = "app_pages/create.py"
PROMPT = "Create a luxury watch ad for Instagram"


@pytest.fixture
def env(tmp_path: Path) -> Iterator[AppEnv]:
    with app_env(tmp_path) as e:
        yield e


def _cards(at: AppTest) -> list[int]:
    """The ids of the cards on the page, in order (their Open buttons)."""
    return [int(b.key.split("_")[1]) for b in at.button if b.key and b.key.startswith("open_")]


def _attempt(env: AppEnv, user_id: int, prompt: str, error: str) -> int:
    with env.runtime.sessions.begin() as session:
        row = Generation(user_id=user_id, prompt=prompt, status="failed", error=error)
        session.add(row)
        session.flush()
        return row.id


def test_an_example_chip_fills_the_prompt_and_the_page_teaches(env: AppEnv) -> None:
    at = env.signed_in("alice")
    shown = texts(at)
    assert "A good prompt names the **product**, the **offer**" in shown
    chips = [b for b in at.button if b.key and b.key.startswith("example_")]
    assert [c.label for c in chips] == [
        "Sneaker drop", "Local café", "SaaS app", "Luxury watch", "Fitness class",
    ]  # fmt: skip
    button(at, "example_1").click().run()
    prompt = at.text_area(key="create_prompt").value
    assert prompt is not None and prompt.startswith("Cozy neighbourhood café in Lisbon")
    assert f"{len(prompt)} / 500 characters" in texts(at)
    assert at.text_area(key="create_prompt").placeholder.startswith("Product, offer, audience")


def test_the_prompt_comes_back_after_a_reload_during_a_generation(env: AppEnv) -> None:
    env.video.block.set()
    at = env.signed_in("alice")
    at.text_area(key="create_prompt").input(PROMPT).run()
    button(at, "generate").click().run()
    reloaded = env.signed_in("alice")  # a reload is a new session
    assert reloaded.progress
    assert reloaded.text_area(key="create_prompt").value == PROMPT
    assert not [b for b in reloaded.button if b.key and b.key.startswith("example_")]


def test_gallery_search_filters_and_sort(env: AppEnv) -> None:
    alice = env.add_user("alice")
    coffee = env.finished_generation(alice, "Bean There coffee, warm and slow", cost=0.25)
    shoes = env.finished_generation(alice, "ZephyrRun trail shoes, energetic")
    at = env.signed_in("alice")
    at.switch_page(GALLERY).run()
    assert not at.exception
    assert _cards(at) == [shoes, coffee]

    at.text_input(key="gallery_search").input("COFFEE").run()
    assert _cards(at) == [coffee] and "1 of 2 ads" in texts(at)
    at.text_input(key="gallery_search").input(f"#{shoes}").run()
    assert _cards(at) == [shoes]
    at.text_input(key="gallery_search").input("sandals").run()
    assert _cards(at) == []
    assert "No ad matches. Clear the search or the filters." in texts(at)
    at.text_input(key="gallery_search").input("").run()

    at.selectbox(key="gallery_sort").select("Oldest first").run()
    assert _cards(at) == [coffee, shoes]
    at.selectbox(key="gallery_sort").select("Most expensive first").run()
    assert _cards(at) == [coffee, shoes]
    at.selectbox(key="gallery_status").select("In progress").run()
    assert _cards(at) == []
    at.selectbox(key="gallery_status").select("Ready").run()
    at.selectbox(key="gallery_period").select("Today").run()
    assert sorted(_cards(at)) == [coffee, shoes]


def test_failed_and_cancelled_attempts_are_kept_apart(env: AppEnv) -> None:
    alice = env.add_user("alice")
    ready = env.finished_generation(alice)
    failed = _attempt(env, alice, "A failed ad for trail shoes", "The service is down.")
    cancelled = _attempt(env, alice, "A cancelled ad for coffee", "Cancelled by user")
    at = env.signed_in("alice")
    at.switch_page(GALLERY).run()
    (attempts,) = at.expander
    assert attempts.label == "Attempts (2): failed or cancelled"
    assert _cards(at) == [ready, cancelled, failed]  # the grid, then the expander's cards
    shown = texts(at)
    assert "Cancelled · just now" in shown and "Failed · just now" in shown
    assert "$0.00" not in shown
    assert button(at, f"play_{failed}").disabled
    assert button(at, f"no_download_{failed}").disabled


def test_a_card_plays_in_a_dialog_and_downloads(env: AppEnv) -> None:
    alice = env.add_user("alice")
    generation_id = env.finished_generation(alice)
    at = env.signed_in("alice")
    at.switch_page(GALLERY).run()
    assert not videos(at)  # posters only until someone presses Play
    (card_download,) = at.get("download_button")
    assert card_download.label == "MP4"
    button(at, f"play_{generation_id}").click().run()
    assert not at.exception
    (video,) = videos(at)
    assert (video.proto.autoplay, video.proto.muted, video.proto.loop) == (True, True, True)
    assert [d.label for d in at.get("download_button")] == ["MP4", "Download MP4"]


@pytest.mark.parametrize(("outcome", "toast"), [
    ("completed", "Your ad #{id} is ready."),
    ("failed", "Ad #{id} failed. Open it in the Gallery to see why and try again."),
    ("cancelled", "Ad #{id} was cancelled."),
])  # fmt: skip
def test_a_toast_tells_how_a_generation_ended_on_another_page(
    env: AppEnv, outcome: str, toast: str
) -> None:
    env.video.block.set()
    env.video.fail_scene = 0 if outcome == "failed" else None
    at = env.signed_in("alice")
    at.text_area(key="create_prompt").input(PROMPT).run()
    button(at, "generate").click().run()
    generation_id = int(at.session_state["create_shown_generation"])
    at.switch_page(GALLERY).run()
    assert not at.toast
    if outcome == "cancelled":
        jobs.cancel(env.runtime, None, generation_id)
    env.video.block.clear()
    assert jobs.wait(generation_id, timeout_s=TIMEOUT_S * 3)
    at.run()  # the next poll
    assert [t.value for t in at.toast] == [toast.format(id=generation_id)]
    at.run()
    assert not at.toast  # told once

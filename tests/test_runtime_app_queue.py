"""The pages show a generation waiting for a place to run: its position and what it means."""

from __future__ import annotations

import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

from tests.app_harness import TIMEOUT_S, app_env, button, texts

PROMPT = "Create a luxury watch ad for Instagram"
SHOWN = "create_shown_generation"


def generate(at: AppTest, prompt: str) -> AppTest:
    at.text_area(key="create_prompt").input(prompt)
    at.run()
    return button(at, "generate").click().run()


def test_an_ad_waiting_for_a_place_shows_its_position_on_create_and_plan(tmp_path: Path) -> None:
    with app_env(tmp_path, max_running=1) as env:
        env.video.block.set()  # alice's ad holds the only place
        generate(env.signed_in("alice"), PROMPT)
        assert env.video.started.wait(TIMEOUT_S)
        bob = env.signed_in("bob")
        generate(bob, PROMPT)
        waiting = int(bob.session_state[SHOWN])
        deadline = time.monotonic() + TIMEOUT_S  # a safety net
        while env.row(waiting).queue_position != 1 and time.monotonic() < deadline:
            time.sleep(0.05)
        bob.run()  # the 2 s poll
        shown = texts(bob)
        assert "Queued - position 1" in shown
        assert "Yours is next: other ads are being made. It starts by itself" in shown
        bob.switch_page("app_pages/plan.py").run()
        assert "Waiting in line (position 1): it starts by itself" in texts(bob)

"""The storyboard in the app (AppTest): plan first, edit, render; edit a finished ad into v2."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from pipeline import jobs, versions
from tests.app_harness import TIMEOUT_S, AppEnv, app_env, button, errors, texts

PROMPT = "Create a luxury watch ad for Instagram"
SHOWN = "create_shown_generation"
PLAN = "app_pages/plan.py"
LONG_WORD = "Donaudampfschifffahrtsgesellschaftskapitänsmützenhersteller"


@pytest.fixture
def env(tmp_path: Path) -> Iterator[AppEnv]:
    with app_env(tmp_path) as e:
        yield e


def storyboard_first(at: AppTest) -> AppTest:
    at.text_area(key="create_prompt").input(PROMPT)
    at.run()
    return button(at, "sb_plan").click().run()


def test_storyboard_first_then_a_rule_is_shown_before_render(env: AppEnv) -> None:
    at = storyboard_first(env.signed_in("alice"))
    assert "Storyboard" in texts(at)
    assert at.text_input(key="sb_create_text_0").value  # the planned headline, editable
    at.text_input(key="sb_create_text_1").input(LONG_WORD).run()
    assert errors(at) == [
        f"Scene 2's headline is too long for the safe zone ({len(LONG_WORD)} characters). "
        "Shorten it."
    ]
    assert button(at, "sb_render").disabled
    with env.runtime.sessions() as session:
        assert versions.of_ad(session, 1, None) == []  # nothing was started


def test_plan_edit_render_then_edit_again_makes_v2_with_the_new_line(env: AppEnv) -> None:
    at = storyboard_first(env.signed_in("alice"))
    at.text_input(key="sb_create_text_1").input("Made by hand").run()
    button(at, "sb_render").click().run()
    first = int(at.session_state[SHOWN])
    assert jobs.wait(first, TIMEOUT_S * 3)
    row = env.row(first)
    assert row.status == "completed", row.error
    assert row.scene_plan["scenes"][1]["overlay"]["text"] == "Made by hand"

    at.switch_page(PLAN)
    at.query_params["id"] = str(first)
    at.run()
    button(at, "sb_edit").click().run()
    at.text_input(key=f"sb_edit{first}_text_0").input("Yours for life").run()
    button(at, "sb_rerender").click().run()
    second = int(at.query_params["id"][0] if isinstance(at.query_params["id"], list)
                 else at.query_params["id"])  # fmt: skip
    assert second != first
    assert jobs.wait(second, TIMEOUT_S * 3)
    at.run()
    new = env.row(second)
    assert new.status == "completed", new.error
    assert (new.version, new.parent_id) == (2, first)
    assert new.reused_clips == len(new.scene_plan["scenes"])
    shown = texts(at)
    assert "Yours for life" in shown  # the new version's plan shows the line
    assert "Versions" in shown
    assert {e.label for e in at.expander} >= {
        f"v1 · #{first} · completed",
        f"v2 · #{second} · completed",
    }
    assert Path(env.row(first).video_path or "").is_file()

"""Storyboard scenes: reorder, add and delete within 3-5, the ad's length kept exact
(functions and the editor through AppTest); rules shown before Render."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from pipeline import storyboard
from pipeline.errors import InputError
from pipeline.settings import Settings
from pipeline.spec import final_duration
from tests.app_harness import AppEnv, app_env, button, errors

PROMPT = "Create a luxury watch ad for Instagram"


def total(board: storyboard.Storyboard) -> float:
    return final_duration([c.duration_s for c in board.scenes], board.plan.crossfade_s)


@pytest.fixture
def board(settings: Settings) -> storyboard.Storyboard:
    return storyboard.plan(PROMPT, settings, seed=4)


def test_moving_a_scene_swaps_it_and_keeps_everything_else(
    board: storyboard.Storyboard,
) -> None:
    moved = storyboard.move_scene(board, 0, 1)
    assert [c.headline for c in moved.scenes] == [
        board.scenes[1].headline, board.scenes[0].headline,
        *[c.headline for c in board.scenes[2:]],
    ]  # fmt: skip
    assert storyboard.move_scene(board, 0, -1).scenes == board.scenes  # nothing above
    assert storyboard.validate(moved) == []
    _, plan = storyboard.to_spec_plan(moved)
    assert plan.scenes[0].overlay.text == board.scenes[1].headline  # type: ignore[union-attr]


def test_add_and_delete_keep_the_length_exact_within_3_to_5_scenes(
    board: storyboard.Storyboard,
) -> None:
    assert len(board.scenes) == 4
    five = storyboard.add_scene(board, 1)
    assert len(five.scenes) == 5
    assert five.scenes[2].headline == board.scenes[1].headline  # a copy to edit
    assert total(five) == pytest.approx(board.total_s, abs=0.001)
    assert all(3.0 <= c.duration_s <= 7.0 for c in five.scenes)
    assert storyboard.validate(five) == []
    with pytest.raises(InputError) as full:
        storyboard.add_scene(five, 0)
    assert full.value.message == "An ad has at most 5 scenes. Delete one before adding another."
    three = storyboard.delete_scene(board, 0)
    assert [c.headline for c in three.scenes] == [c.headline for c in board.scenes[1:]]
    assert total(three) == pytest.approx(board.total_s, abs=0.001)
    assert storyboard.validate(three) == []
    with pytest.raises(InputError) as few:
        storyboard.delete_scene(three, 0)
    assert few.value.message == "An ad has at least 3 scenes. Add a scene before deleting this one."
    _, plan = storyboard.to_spec_plan(three)
    assert plan.total_duration_s == pytest.approx(15.0, abs=0.001)


def test_a_delete_that_would_stretch_scenes_past_7_s_is_refused(
    board: storyboard.Storyboard,
) -> None:
    long = board.model_copy(deep=True)
    for card in long.scenes:
        card.duration_s = 6.5
    with pytest.raises(InputError) as refused:
        storyboard.delete_scene(long, 0)
    assert refused.value.message == (
        "Cannot delete this scene: the other scenes would have to last outside 3 to 7 seconds."
    )


# --- the editor in the app ---------------------------------------------------------------


@pytest.fixture
def env(tmp_path: Path) -> Iterator[AppEnv]:
    with app_env(tmp_path) as e:
        yield e


def opened(env: AppEnv) -> AppTest:
    at = env.signed_in("alice")
    at.text_area(key="create_prompt").input(PROMPT)
    at.run()
    return button(at, "sb_plan").click().run()


def key(at: AppTest, name: str) -> str:
    """The editor's widget key now (it changes after a scene move, add or delete)."""
    try:
        rev = at.session_state["sb_rev_create"]
    except KeyError:
        rev = 0
    return f"sb_create_{name}" if rev == 0 else f"sb_create_r{rev}_{name}"


def headlines(at: AppTest) -> list[str]:
    found = {t.key: t.value for t in at.text_input}
    return [found[key(at, f"text_{i}")] for i in range(5) if key(at, f"text_{i}") in found]


def seconds(at: AppTest) -> list[float]:
    found = {n.key: n.value for n in at.number_input}
    return [float(found[key(at, f"dur_{i}")]) for i in range(5) if key(at, f"dur_{i}") in found]


def click(at: AppTest, name: str) -> None:
    button(at, key(at, name)).click().run()


def test_the_editor_moves_adds_and_deletes_scenes_keeping_typed_text(env: AppEnv) -> None:
    at = opened(env)
    first = headlines(at)
    assert len(first) == 4
    assert button(at, key(at, "up_0")).disabled and button(at, key(at, "down_3")).disabled

    at.text_input(key=key(at, "text_0")).input("Typed before the move").run()
    click(at, "down_0")
    assert headlines(at) == [first[1], "Typed before the move", *first[2:]]
    assert errors(at) == [] and not button(at, "sb_render").disabled

    click(at, "add_2")
    assert headlines(at) == [first[1], "Typed before the move", first[2], first[2], first[3]]
    assert final_duration(seconds(at)) == pytest.approx(15.0, abs=0.001)
    assert button(at, key(at, "add_0")).disabled  # five scenes: the most an ad has

    for _ in range(2):
        click(at, "delete_0")
    assert headlines(at) == [first[2], first[2], first[3]]
    assert final_duration(seconds(at)) == pytest.approx(15.0, abs=0.001)
    assert button(at, key(at, "delete_0")).disabled  # three scenes: the fewest
    assert errors(at) == [] and not button(at, "sb_render").disabled


def test_a_length_that_no_longer_adds_up_is_said_before_render(env: AppEnv) -> None:
    at = opened(env)
    durations = seconds(at)
    at.number_input(key=key(at, "dur_0")).set_value(durations[0] + 1.0).run()
    shown = errors(at)
    assert len(shown) == 1 and shown[0].startswith("The scenes last 16.00 s after crossfades;")
    assert shown[0].endswith("they must add up to 15 s. Change a duration by -1.00 s.")
    assert button(at, "sb_render").disabled

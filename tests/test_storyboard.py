"""The storyboard: planned in about a second, every rule said in a sentence, edits applied."""

from __future__ import annotations

import time

import pytest

from pipeline import storyboard
from pipeline.errors import InputError
from pipeline.settings import Settings
from pipeline.spec import final_duration

PROMPT = "Create a luxury watch ad for Instagram"
LONG_WORD = "Donaudampfschifffahrtsgesellschaftskapitänsmützenhersteller"


@pytest.fixture
def board(settings: Settings) -> storyboard.Storyboard:
    return storyboard.plan(PROMPT, settings, seed=4)


def test_plan_shows_every_editable_part_and_is_valid(board: storyboard.Storyboard) -> None:
    assert 3 <= len(board.scenes) <= 5
    assert board.music in storyboard.music_titles()
    assert board.grade == board.spec.ad.visual_style
    assert board.primary_color == board.spec.brand.primary_color
    for card, scene in zip(board.scenes, board.plan.scenes, strict=True):
        assert card.headline == scene.overlay.text.strip()  # type: ignore[union-attr]
        assert card.template and card.objects  # the local renderer's choice, shown
        assert card.voice_line and card.visual == scene.visual_prompt
    total = final_duration([c.duration_s for c in board.scenes])
    assert total == pytest.approx(15.0, abs=0.05) and board.total_s == pytest.approx(15.0)
    assert storyboard.validate(board) == []


def test_plan_takes_about_a_second(settings: Settings) -> None:
    storyboard.plan(PROMPT, settings, seed=1)  # the director's warm-up
    started = time.perf_counter()
    storyboard.plan("ZephyrRun trail running shoes ad for TikTok", settings, seed=2)
    assert time.perf_counter() - started < 5.0  # safety net: ~0.2 s measured


def test_a_headline_too_long_for_the_safe_zone_is_refused(board: storyboard.Storyboard) -> None:
    edited = storyboard.apply_edits(board, scene=2, text=LONG_WORD)
    assert storyboard.validate(edited) == [
        f"Scene 2's headline is too long for the safe zone ({len(LONG_WORD)} characters). "
        "Shorten it."
    ]
    with pytest.raises(InputError, match="too long for the safe zone"):
        storyboard.to_spec_plan(edited)


def test_each_rule_has_its_message(board: storyboard.Storyboard) -> None:
    bad = board.model_copy(deep=True)
    bad.scenes[0].duration_s = 9.0
    bad.scenes[1].headline = " "
    bad.primary_color = "blue"
    bad.music = "Nope"
    bad.grade = "sepia"
    bad.scenes[2].voice_line = " ".join(["word"] * 40)
    problems = storyboard.validate(bad)
    assert "Scene 1 lasts 9 s; a scene lasts 3 to 7 seconds." in problems
    assert "Scene 2 has no headline. Write one." in problems
    assert "The primary colour 'blue' is not a colour like #1A2B3C." in problems
    assert any(p.startswith("There is no music track called 'Nope'.") for p in problems)
    assert any(p.startswith("Unknown grade 'sepia'.") for p in problems)
    assert any(p.startswith("Scene 3's voice line has 40 words; at most") for p in problems)
    assert any(p.startswith("The scenes last") for p in problems)
    two = board.model_copy(deep=True)
    two.scenes = two.scenes[:2]
    assert storyboard.validate(two)[0] == (
        "An ad has 3 to 5 scenes; this storyboard has 2. Add or delete a scene."
    )


def test_a_duration_edit_keeps_the_total_exact(board: storyboard.Storyboard) -> None:
    edited = storyboard.apply_edits(board, scene=1, duration=6.0)
    assert edited.scenes[0].duration_s == 6.0
    total = final_duration([c.duration_s for c in edited.scenes])
    assert total == pytest.approx(board.total_s, abs=0.01)
    assert storyboard.validate(edited) == []


def test_edits_reach_the_plan_the_render_takes(board: storyboard.Storyboard) -> None:
    title = next(t for t in storyboard.music_titles() if t != board.music)
    edited = storyboard.apply_edits(
        board, scene=2, text="Made by hand", voice_line="Made by hand in Geneva.",
        music=title, colors={"primary": "#112233"}, grade="noir",
    )  # fmt: skip
    spec, plan = storyboard.to_spec_plan(edited)
    assert plan.scenes[1].overlay.text == "Made by hand"  # type: ignore[union-attr]
    assert plan.scenes[1].voice_line == "Made by hand in Geneva."
    assert plan.scenes[0].voice_line is None  # unchanged lines are written as before
    assert plan.music == title and spec.ad.visual_style == "noir"
    assert spec.brand.primary_color == "#112233"
    assert plan.scenes[1].visuals is not None
    assert plan.scenes[1].visuals.template == board.scenes[1].template  # the picture is pinned


def test_unknown_scene_and_colour_are_refused(board: storyboard.Storyboard) -> None:
    with pytest.raises(InputError, match=r"There is no scene 9; this ad has scenes 1 to 4\."):
        storyboard.apply_edits(board, scene=9, text="x")
    with pytest.raises(InputError, match="Unknown colour 'glow'"):
        storyboard.apply_edits(board, colors={"glow": "#FFFFFF"})

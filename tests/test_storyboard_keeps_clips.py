"""Editing a one-click ad keeps its pictures: the storyboard of a finished ad pins exactly the
template and objects the renderer drew, so a re-render asks for the very same clips."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import storyboard
from pipeline.providers import get_llm_provider
from pipeline.providers.video_local import LocalMotionGraphics
from pipeline.settings import Settings
from pipeline.spec import AdSpecification, ScenePlan
from pipeline.stages import scene_planning
from pipeline.stages.context import StageContext
from pipeline.stages.llm_enhancement import run as write_spec
from pipeline.stages.video_generation import clip_request
from pipeline.store.clip_cache import key as clip_key

PROMPTS = [
    "Create a luxury watch ad for Instagram",
    "TikTok ad for Isla Dorada 12 year old rum, smooth and spiced, a Christmas gift",
    "LinkedIn video for LedgerFlow: close the books 3 days faster, 70% less manual entry",
    "Anuncio de Instagram para la panadería Sol de Mayo: pan de masa madre recién hecho",
    "Werbung für die Kaffeemaschine BrühMeister: Espresso in 15 Sekunden",
    "Publicité pour un atelier de reliure à Lyon, carnets cousus main",
    "Greenleaf landscaping: spring garden clean-up, book before March 31",
    "Sunny Paws dog grooming, first bath 20% off",
]


@pytest.mark.parametrize("prompt", PROMPTS)
def test_editing_a_one_click_ad_keeps_every_clip(prompt: str, tmp_path: Path) -> None:
    # A one-click ad's plan leaves the pictures to the renderer; its storyboard pins what
    # the renderer drew. A re-render of that storyboard must ask for the very same clips,
    # or a one-word edit redraws (and changes) every scene.
    settings = Settings(data_dir=tmp_path / "data", output_dir=tmp_path / "out")
    ctx = StageContext(settings=settings, workdir=tmp_path, seed=7)
    spec = write_spec(prompt, ctx, get_llm_provider(settings)).specification
    plan = scene_planning.run(spec, ctx, formats=("9:16", "1:1")).model_copy(update={"seed": 7})
    renderer = LocalMotionGraphics(settings)

    def keys(spec: AdSpecification, plan: ScenePlan) -> list[str]:
        return [clip_key(renderer, clip_request(spec, plan, i, captions=True))
                for i in range(len(plan.scenes))]  # fmt: skip

    drawn = keys(spec, plan)
    board = storyboard.from_spec_plan(spec, plan, seed=7)
    assert keys(*storyboard.to_spec_plan(board)) == drawn
    board.scenes[1].headline = "A line the marketer wrote"
    again = keys(*storyboard.to_spec_plan(board))
    # the edited scene may change (a card never repeats its own headline); no other may
    assert [k for i, k in enumerate(again) if i != 1] == [k for i, k in enumerate(drawn) if i != 1]

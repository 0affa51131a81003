"""The OpenAI LLM provider: the real ``openai`` SDK against a local chat-completions server."""

from __future__ import annotations

import json
import traceback
from pathlib import Path

import pytest

from pipeline.errors import ConfigError, ProviderError
from pipeline.providers import get_llm_provider
from pipeline.providers.llm_openai import OpenAIProvider
from pipeline.settings import Settings
from pipeline.stages.context import StageContext
from tests.cloud_fakes import OPENAI_KEY, FakeOpenAI, wire_spec

pytest_plugins = ["tests.cloud_servers"]  # fake_openai

PROMPT = "Stride running shoes for city runners, launch week"


def make_settings(fake: FakeOpenAI, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "llm_provider": "openai",
        "openai_api_key": OPENAI_KEY,
        "openai_base_url": fake.base_url,
        "llm_timeout_s": 10.0,
    }
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


def make_ctx(settings: Settings, tmp_path: Path) -> StageContext:
    return StageContext(settings=settings, workdir=tmp_path, seed=42, generation_id=7)


def test_structured_output_becomes_a_validated_specification_with_its_cost(
    fake_openai: FakeOpenAI, tmp_path: Path, log_lines: list[str]
) -> None:
    fake_openai.enqueue_spec(wire_spec("PAS"), prompt_tokens=1200, completion_tokens=600)
    settings = make_settings(fake_openai)

    result = get_llm_provider(settings).enhance(PROMPT, make_ctx(settings, tmp_path))

    spec = result.specification
    assert spec.prompt == PROMPT and spec.framework == "PAS"
    assert [b.beat for b in spec.beats] == ["problem", "agitate", "solution", "cta"]
    assert spec.ad.duration_s == settings.target_duration_s
    assert spec.brand.primary_color == "#0B1F3A"
    # the same facts the offline director reads, whatever the model wrote
    assert (spec.facts.brand, spec.facts.product) == ("Stride", "running shoes")
    assert spec.facts.audience == "city runners"
    assert result.model == "gpt-4o-2024-08-06"
    assert result.cost == pytest.approx((1200 * 2.50 + 600 * 10.00) / 1e6)
    assert result.detail == "1200 prompt + 600 completion tokens"

    (sent,) = fake_openai.history
    assert sent["model"] == "gpt-4o-2024-08-06" and sent["seed"] == 42
    assert sent["messages"][0]["role"] == "system" and "AIDA" in sent["messages"][0]["content"]
    assert sent["messages"][1] == {"role": "user", "content": PROMPT}
    fmt = sent["response_format"]
    assert fmt["type"] == "json_schema" and fmt["json_schema"]["strict"] is True
    schema = fmt["json_schema"]["schema"]
    assert schema["additionalProperties"] is False
    assert set(schema["required"]) == set(schema["properties"])
    usage = [json.loads(x) for x in log_lines if '"llm_usage"' in x]
    assert usage and usage[0]["generation_id"] == 7 and usage[0]["cost"] == result.cost


def test_a_server_without_json_schema_gets_json_mode_from_then_on(
    fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    fake_openai.enqueue_error(400, "response_format type 'json_schema' is not supported")
    fake_openai.enqueue_content("```json\n" + json.dumps(wire_spec("BAB")) + "\n```")
    fake_openai.enqueue_spec(wire_spec("AIDA"))
    settings = make_settings(fake_openai)
    provider = OpenAIProvider(settings)
    ctx = make_ctx(settings, tmp_path)

    first = provider.enhance(PROMPT, ctx)
    second = provider.enhance("Another prompt about tea", ctx)

    assert first.specification.framework == "BAB"
    assert second.specification.framework == "AIDA"
    formats = [r["response_format"]["type"] for r in fake_openai.history]
    assert formats == ["json_schema", "json_object", "json_object"]
    system = fake_openai.history[1]["messages"][0]["content"]
    assert "JSON Schema" in system and '"beats"' in system


def test_malformed_json_gets_one_repair_attempt(
    fake_openai: FakeOpenAI, tmp_path: Path, log_lines: list[str]
) -> None:
    broken = json.dumps(wire_spec())[:300]  # cut off mid-object
    fake_openai.enqueue_content(broken, prompt_tokens=1000, completion_tokens=100)
    fake_openai.enqueue_spec(prompt_tokens=1500, completion_tokens=600)
    settings = make_settings(fake_openai)

    result = OpenAIProvider(settings).enhance(PROMPT, make_ctx(settings, tmp_path))

    assert result.specification.framework == "AIDA"
    repair = fake_openai.history[1]["messages"]
    assert repair[2] == {"role": "assistant", "content": broken}
    assert repair[3]["role"] == "user" and "it is not valid JSON" in repair[3]["content"]
    assert result.cost == pytest.approx((2500 * 2.50 + 700 * 10.00) / 1e6)  # both calls
    assert any('"llm_repair"' in line for line in log_lines)


def test_schema_violating_json_fails_clearly_after_one_repair(
    fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    wrong_order = wire_spec()
    wrong_order["beats"] = list(reversed(wrong_order["beats"]))
    too_long = wire_spec()
    too_long["ad"]["call_to_action"] = "Buy " * 20
    fake_openai.enqueue_spec(wrong_order)
    fake_openai.enqueue_spec(too_long)
    settings = make_settings(fake_openai)

    with pytest.raises(ProviderError) as caught:
        OpenAIProvider(settings).enhance(PROMPT, make_ctx(settings, tmp_path))

    assert len(fake_openai.history) == 2
    assert "do not follow the AIDA order" in fake_openai.history[1]["messages"][3]["content"]
    assert str(caught.value) == (
        "The LLM (gpt-4o-2024-08-06) did not return a usable ad specification, even after one "
        "repair attempt: it breaks the ad specification contract: ad.call_to_action: String "
        "should have at most 40 characters. Try again, choose another model with "
        "ADSTUDIO_LLM_MODEL, or use ADSTUDIO_LLM_PROVIDER=offline."
    )


def test_a_refusal_is_reported_without_a_repair(fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    fake_openai.enqueue_content("")
    fake_openai.replies[-1].set_data(
        fake_openai.replies[-1]
        .get_data()
        .replace(b'"refusal": null', b'"refusal": "I cannot help with that."')
    )
    settings = make_settings(fake_openai)

    with pytest.raises(ProviderError, match="declined to write this ad: I cannot help with that"):
        OpenAIProvider(settings).enhance(PROMPT, make_ctx(settings, tmp_path))
    assert len(fake_openai.history) == 1


def test_missing_key_is_a_config_error_naming_the_variable() -> None:
    settings = Settings(llm_provider="openai", openai_api_key=None)

    with pytest.raises(ConfigError) as caught:
        get_llm_provider(settings)

    assert str(caught.value) == (
        "The OpenAI LLM provider needs an API key. Set OPENAI_API_KEY (or add it to "
        ".streamlit/secrets.toml; any non-empty value for a local server), or use the offline "
        "creative director with ADSTUDIO_LLM_PROVIDER=offline."
    )


def test_a_rejected_key_never_appears_in_the_error_or_the_logs(
    fake_openai: FakeOpenAI, tmp_path: Path, log_lines: list[str]
) -> None:
    # Real servers quote the key back in their 401 message.
    fake_openai.enqueue_error(401, f"Incorrect API key provided: {OPENAI_KEY}.", "invalid_api_key")
    settings = make_settings(fake_openai)

    with pytest.raises(ProviderError) as caught:
        OpenAIProvider(settings).enhance(PROMPT, make_ctx(settings, tmp_path))

    assert str(caught.value) == (
        "The LLM server rejected the API key (HTTP 401). Check OPENAI_API_KEY, or use "
        "ADSTUDIO_LLM_PROVIDER=offline."
    )
    # What the worker's error boundary would log: the traceback, chained causes included.
    assert OPENAI_KEY not in "".join(traceback.format_exception(caught.value))
    assert not any(OPENAI_KEY in line for line in log_lines)
    assert OPENAI_KEY not in repr(settings)


def test_a_fallback_message_quoting_the_key_is_redacted_in_the_logs(
    fake_openai: FakeOpenAI, tmp_path: Path, log_lines: list[str]
) -> None:
    fake_openai.enqueue_error(400, f"json_schema unsupported for key {OPENAI_KEY}")
    fake_openai.enqueue_spec()
    settings = make_settings(fake_openai)

    OpenAIProvider(settings).enhance(PROMPT, make_ctx(settings, tmp_path))

    fallback = [x for x in log_lines if '"llm_json_mode_fallback"' in x]
    assert fallback and "json_schema unsupported for key ***" in fallback[0]
    assert not any(OPENAI_KEY in line for line in log_lines)


def test_an_unpriced_model_on_a_local_server_costs_nothing(
    fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    fake_openai.enqueue_spec()
    settings = make_settings(fake_openai, llm_model="llama3.1:8b")

    result = OpenAIProvider(settings).enhance(PROMPT, make_ctx(settings, tmp_path))

    assert result.cost == 0.0 and result.model == "llama3.1:8b"
    assert fake_openai.history[0]["model"] == "llama3.1:8b"


def _max_length(model: type, name: str) -> int:
    field = model.model_fields[name]  # type: ignore[attr-defined]
    return next(m.max_length for m in field.metadata if getattr(m, "max_length", None))


def test_the_system_prompt_states_the_limits_the_validator_enforces() -> None:
    from pipeline.providers.openai_wire import SYSTEM_PROMPT
    from pipeline.spec import FRAMEWORK_BEATS, AdSpec, CopyBeat

    for framework, beats in FRAMEWORK_BEATS.items():
        assert f"- {framework}: beats in this exact order: {', '.join(beats)}" in SYSTEM_PROMPT
    headline = _max_length(CopyBeat, "headline")
    visual = _max_length(CopyBeat, "visual")
    cta = _max_length(AdSpec, "call_to_action")
    assert f"at most 8 words and {headline} characters" in SYSTEM_PROMPT
    assert f"At most {visual} characters" in SYSTEM_PROMPT
    assert f"2-4 words, at most {cta} characters" in SYSTEM_PROMPT
    assert "Never invent a brand name" in SYSTEM_PROMPT
    assert "No words, captions, logos or text in the picture" in SYSTEM_PROMPT

"""Cloud speech: the real OpenAI SDK against a local server speaking the wire protocol."""

from __future__ import annotations

import io
import json
import logging
from pathlib import Path

import numpy as np
import pytest
from pytest_httpserver import HTTPServer

from pipeline.errors import ConfigError, ProviderError
from pipeline.settings import Settings
from pipeline.voice import tts
from pipeline.voice.openai_speech import OpenAISpeech
from tests.cloud_fakes import OPENAI_KEY
from tests.voice_support import write_wav

TEXT = "Swiss movement inside."


def _wav_bytes(tmp_path: Path) -> bytes:
    """0.5 s of silence, three 0.3 s tone bursts (the 'words'), 0.3 s of silence, 24 kHz."""
    rate = 24_000
    t = np.arange(round(2.0 * rate)) / rate
    tone = 0.4 * np.sin(2 * np.pi * 440 * t)
    gate = np.zeros_like(t)
    for a in (0.5, 0.9, 1.3):
        gate[(t >= a) & (t < a + 0.3)] = 1.0
    return write_wav(tmp_path / "reply.wav", tone * gate, rate).read_bytes()


def _settings(httpserver: HTTPServer, **extra: object) -> Settings:
    return Settings(
        tts_provider="openai",
        openai_api_key=OPENAI_KEY,
        openai_base_url=httpserver.url_for("/v1"),
        **extra,  # type: ignore[arg-type]
    )


def test_a_line_is_spoken_timed_and_priced_per_character(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    httpserver.expect_request("/v1/audio/speech", method="POST").respond_with_data(
        _wav_bytes(tmp_path), content_type="audio/wav"
    )
    provider, reason = tts.choose(_settings(httpserver, tts_voice="nova"), "en")
    assert reason == "" and isinstance(provider, OpenAISpeech)
    speech = provider.synthesize(TEXT, tmp_path / "line.wav")
    provider.close()
    sent = json.loads(httpserver.log[0][0].get_data())
    assert sent == {
        "model": "tts-1",
        "voice": "nova",
        "input": TEXT,
        "response_format": "wav",
    }  # no "speed": the natural pace (gpt-4o-mini-tts ignores it anyway)
    assert httpserver.log[0][0].headers["Authorization"] == f"Bearer {OPENAI_KEY}"
    assert speech.duration_s == 2.0 and speech.sample_rate == 24_000
    assert speech.characters == 22 and speech.cost == pytest.approx(22 * 15.0 / 1e6)
    assert [w.text for w in speech.words] == ["Swiss", "movement", "inside."]
    assert speech.alignment in ("forced", "energy")
    # The words lie in the voiced part (0.5 s to 1.6 s), in order.
    assert 0.45 <= speech.words[0].start_s < speech.words[1].start_s < speech.words[2].start_s
    assert speech.words[-1].end_s <= 1.65


def test_a_rejected_key_is_a_provider_error_without_the_key(
    httpserver: HTTPServer, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    httpserver.expect_request("/v1/audio/speech").respond_with_json(
        {"error": {"message": f"Incorrect API key provided: {OPENAI_KEY}", "type": "auth"}},
        status=401,
    )
    provider, _ = tts.choose(_settings(httpserver), "en")
    assert provider is not None
    caplog.set_level(logging.DEBUG)
    with pytest.raises(ProviderError) as err:
        provider.synthesize(TEXT, tmp_path / "line.wav")
    assert str(err.value).startswith("The OpenAI speech endpoint refused the line (HTTP 401: ")
    assert OPENAI_KEY not in str(err.value) and not err.value.retryable


def test_no_key_or_an_unknown_voice_says_what_to_set() -> None:
    with pytest.raises(ConfigError, match="Set OPENAI_API_KEY, or use the offline voice"):
        tts.choose(Settings(tts_provider="openai", openai_api_key=None), "en")
    with pytest.raises(ConfigError, match="Unknown OpenAI voice 'bob'; choose one of: alloy"):
        tts.choose(Settings(tts_provider="openai", openai_api_key="k", tts_voice="bob"), "en")


def test_the_sdk_response_is_written_as_the_wav_file(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    body = _wav_bytes(tmp_path)
    httpserver.expect_request("/v1/audio/speech").respond_with_data(body, content_type="audio/wav")
    provider, _ = tts.choose(_settings(httpserver), "en")
    assert provider is not None
    speech = provider.synthesize(TEXT, tmp_path / "out.wav")
    assert Path(speech.path).read_bytes() == body
    assert io.BytesIO(body).read(4) == b"RIFF"

"""Cloud speech with OpenAI's speech endpoint (``client.audio.speech.create``), as WAV.

Cost is the number of characters sent times the model's price (``ADSTUDIO_TTS_PRICES``).
The endpoint returns no word times, so :mod:`pipeline.voice.align` finds them.
"""

from __future__ import annotations

from pathlib import Path

import openai

from pipeline.errors import ConfigError, ProviderError
from pipeline.secrets import redact
from pipeline.settings import Settings
from pipeline.voice import align, voices
from pipeline.voice.models import Speech

VOICES = voices.OPENAI_VOICES


class OpenAISpeech:
    """One OpenAI voice; ``language`` is passed to the aligner (its model is English)."""

    name = "openai"

    def __init__(
        self, client: openai.OpenAI, *, model: str, voice: str, price_per_char: float, key: str
    ) -> None:
        self._client = client
        self.model = model
        self.voice = voice
        self.price_per_char = price_per_char
        self.language = "en"
        self._key = key

    @classmethod
    def from_settings(cls, settings: Settings, voice: str) -> OpenAISpeech:
        key = settings.openai_api_key
        if key is None or not key.get_secret_value().strip():
            raise ConfigError(
                "The OpenAI voice needs an API key. Set OPENAI_API_KEY, or use the offline "
                "voice with ADSTUDIO_TTS_PROVIDER=piper."
            )
        if voice not in VOICES:
            known = ", ".join(VOICES)
            raise ConfigError(f"Unknown OpenAI voice {voice!r}; choose one of: {known}.")
        prices = settings.tts_prices
        client = openai.OpenAI(
            api_key=key.get_secret_value(),
            base_url=settings.openai_base_url,
            timeout=settings.llm_timeout_s,
            max_retries=2,
        )
        return cls(
            client,
            model=settings.tts_model,
            voice=voice,
            price_per_char=prices.get(settings.tts_model, prices.get("default", 0.0)),
            key=key.get_secret_value(),
        )

    def synthesize(self, text: str, out: Path, *, pace: float = 1.0) -> Speech:
        """Speak ``text`` into the WAV ``out``; the cost is recorded on the result."""
        try:
            response = self._client.audio.speech.create(
                model=self.model,
                voice=self.voice,
                input=text,
                response_format="wav",
                speed=round(1.0 / pace, 3) if pace > 1.0 else openai.omit,
            )
            response.write_to_file(out)
        except openai.APIStatusError as exc:
            detail = redact(str(exc.message), [self._key])[:160]
            raise ProviderError(
                f"The OpenAI speech endpoint refused the line (HTTP {exc.status_code}: "
                f"{detail}). Check OPENAI_API_KEY and ADSTUDIO_TTS_MODEL, or use "
                "ADSTUDIO_TTS_PROVIDER=piper.",
                provider=self.name,
                retryable=exc.status_code == 429 or exc.status_code >= 500,
            ) from None
        except openai.APIConnectionError:
            raise ProviderError(
                f"Could not reach the speech endpoint at {self._client.base_url}. Check "
                "OPENAI_BASE_URL and the network.",
                provider=self.name,
                retryable=True,
            ) from None
        try:
            samples, rate = align.read_mono(out)
        except Exception as exc:  # wave.Error, EOFError: not a WAV
            raise ProviderError(
                f"The speech endpoint sent audio that is not a 16-bit WAV ({exc}).",
                provider=self.name,
            ) from None
        words, source = align.align(out, text, self.language)
        return Speech(
            path=str(out),
            duration_s=round(len(samples) / rate, 3),
            sample_rate=rate,
            words=words,
            alignment=source,
            engine=self.name,
            voice=self.voice,
            characters=len(text),
            cost=round(len(text) * self.price_per_char, 8),
        )

    def close(self) -> None:
        self._client.close()

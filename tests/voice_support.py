"""Shared builders for the voice tests: a scene plan with headlines, a WAV writer."""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np

from pipeline.spec import Scene, ScenePlan, TextOverlay


def plan(durations: tuple[float, ...] = (4.5, 4.5, 4.5, 4.5)) -> ScenePlan:
    """An AIDA plan whose headlines sit at the centre, top, bottom and centre."""
    beats = ("attention", "interest", "desire", "action")
    positions = ("center", "top", "bottom", "center")
    scenes = [
        Scene(
            index=i,
            scene_type=beats[i],  # type: ignore[arg-type]
            duration_s=d,
            visual_prompt="a watch on velvet",
            overlay=TextOverlay(text=f"Headline {i}", position=positions[i]),  # type: ignore[arg-type]
        )
        for i, d in enumerate(durations)
    ]
    total = sum(durations) - 0.5 * (len(durations) - 1)
    return ScenePlan(framework="AIDA", scenes=scenes, target_duration_s=total)


def write_wav(path: Path, samples: np.ndarray, rate: int) -> Path:
    """A mono 16-bit WAV of float ``samples``."""
    with wave.open(str(path), "wb") as fh:
        fh.setnchannels(1)
        fh.setsampwidth(2)
        fh.setframerate(rate)
        fh.writeframes((np.clip(samples, -1, 1) * 32767).astype("<i2").tobytes())
    return path


def speech_band_db(x: np.ndarray, rate: int) -> float:
    """Energy (dB) of ``x`` between 300 Hz and 3.4 kHz, the telephone speech band."""
    if len(x) == 0:
        return -120.0
    spectrum = np.abs(np.fft.rfft(x)) ** 2
    freqs = np.fft.rfftfreq(len(x), 1 / rate)
    band = spectrum[(freqs >= 300) & (freqs <= 3400)].sum() / len(x)
    return float(10 * np.log10(band + 1e-12))

"""Mastering and encoding: loudness targets, a true-peak ceiling, Ogg Opus via ffmpeg.

Level conventions of the library (the audio stage relies on them):

- music: -14 LUFS integrated, true peak at most -1.5 dBTP (headroom for the lossy codec);
- effects: "as loud as the music" at their loudest 400 ms (max momentary -14 LUFS), unless
  that would push the true peak above the same ceiling, in which case the ceiling wins
  (short clicks and pops are peak-limited, not loudness-matched).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np

from assets.synth import dsp

TARGET_LUFS = -14.0
CEILING_DBTP = -1.5
OPUS_BITRATE = "96k"


def master_music(x: np.ndarray) -> np.ndarray:
    """Bring a mix to the target loudness under the true-peak ceiling (gain, then limiter)."""
    ceiling = dsp.db_to_gain(CEILING_DBTP - 0.2)
    gain_db = TARGET_LUFS - dsp.integrated_lufs(x)
    y = dsp.limit(x * dsp.db_to_gain(gain_db), ceiling)
    for _ in range(5):  # the limiter costs a little loudness; re-aim until within 0.1 LU
        error = TARGET_LUFS - dsp.integrated_lufs(y)
        if abs(error) < 0.1:
            break
        gain_db += error
        y = dsp.limit(x * dsp.db_to_gain(gain_db), ceiling)
    return y


def master_effect(x: np.ndarray) -> np.ndarray:
    """Match an effect's loudest moment to the music, capped by the true-peak ceiling."""
    by_loudness = TARGET_LUFS - dsp.max_momentary_lufs(x)
    by_peak = CEILING_DBTP - 0.2 - 20 * np.log10(dsp.oversampled_peak(x))
    return x * dsp.db_to_gain(min(by_loudness, by_peak))


def peak_time(x: np.ndarray, window_s: float = 0.03) -> float:
    """Seconds to the loudest ``window_s`` of a signal: where an effect "lands"."""
    power = np.sum(x**2, axis=1)
    w = max(1, dsp.n_of(window_s))
    smooth = np.convolve(power, np.ones(w) / w, mode="same")
    return float(np.argmax(smooth) / dsp.SR)


def levels(x: np.ndarray) -> dict[str, float]:
    """Integrated loudness and true peak, rounded for the manifest."""
    return {
        "lufs": round(dsp.integrated_lufs(x), 2),
        "true_peak_dbtp": round(20 * np.log10(max(dsp.oversampled_peak(x), 1e-9)), 2),
    }


def encode_opus(x: np.ndarray, dest: Path, ffmpeg: str) -> None:
    """Write stereo float samples to ``dest`` as Ogg Opus, byte-for-byte reproducibly."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    raw = np.ascontiguousarray(x, dtype="<f4").tobytes()
    cmd = [
        ffmpeg, "-hide_banner", "-nostdin", "-y", "-loglevel", "error",
        "-f", "f32le", "-ar", str(dsp.SR), "-ac", "2", "-i", "pipe:0",
        "-c:a", "libopus", "-b:a", OPUS_BITRATE, "-vbr", "on", "-compression_level", "10",
        "-map_metadata", "-1", "-fflags", "+bitexact", "-flags:a", "+bitexact",
        str(dest),
    ]  # fmt: skip
    done = subprocess.run(cmd, input=raw, capture_output=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"ffmpeg could not encode {dest.name}: {done.stderr.decode()[-400:]}")

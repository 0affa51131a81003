"""Loudness: measure with ffmpeg's EBU R128 meter, reach the target, never pass the ceiling.

:func:`normalize` measures the mix with ffmpeg (``ebur128=peak=true``: BS.1770 integrated
loudness and 4x-oversampled true peak), applies the gain that reaches the target, and runs a
look-ahead true-peak limiter so the loudest transient stays under the ceiling. The limiter
takes a little loudness away, so it measures again and re-aims (twice at most). The numbers
it returns are ffmpeg's measurement of the final samples.
"""

from __future__ import annotations

import re
import subprocess
import tempfile
from dataclasses import dataclass

import numpy as np

from pipeline.errors import RenderError
from pipeline.media.ffmpeg import failure

TARGET_LUFS = -14.0
CEILING_DBTP = -1.5  # under the -1 dBTP delivery limit, with room for 16-bit rounding
TOLERANCE_LU = 0.3

_BLOCK = 48  # limiter gain resolution: 1 ms at 48 kHz
_LOOKAHEAD_BLOCKS = 5
_RELEASE_BLOCKS = 80.0
_SPARE_GAIN_DB = 3.0  # the most the re-aiming may add on top of the first estimate


@dataclass(frozen=True)
class Loudness:
    """ffmpeg's verdict on a signal."""

    integrated_lufs: float
    true_peak_dbtp: float


def _db(x: float) -> float:
    return float(10.0 ** (x / 20.0))


def measure(ffmpeg_exe: str, samples: np.ndarray, rate: int) -> Loudness:
    """Integrated loudness and true peak of stereo float ``samples`` per ffmpeg's ebur128."""
    with tempfile.NamedTemporaryFile(suffix=".f32") as raw:
        # A file, not a pipe: Python feeds pipes 512 bytes per system call.
        np.ascontiguousarray(samples, dtype="<f4").tofile(raw)
        raw.flush()
        cmd = [
            ffmpeg_exe, "-hide_banner", "-nostdin", "-nostats", "-loglevel", "info",
            "-f", "f32le", "-ar", str(rate), "-ac", "2", "-i", raw.name,
            "-af", "ebur128=peak=true:framelog=verbose", "-f", "null", "-",
        ]  # fmt: skip
        try:
            done = subprocess.run(
                cmd, capture_output=True, check=False, timeout=60, stdin=subprocess.DEVNULL
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise RenderError(
                "ffmpeg could not measure the mix's loudness (it did not start or did not "
                "finish in 60 s). Please try again.",
                detail=str(exc),
            ) from exc
    log = done.stderr.decode("utf-8", "replace")
    summary = log[log.rfind("Summary:") :]
    found_i = re.search(r"I:\s+(-?[\d.]+|-inf) LUFS", summary)
    found_tp = re.search(r"Peak:\s+(-?[\d.]+|-inf) dBFS", summary)
    if done.returncode != 0 or not found_i or not found_tp:
        raise failure("Measuring the mix's loudness", done.returncode or 1, log)
    return Loudness(float(found_i.group(1)), float(found_tp.group(1)))


def _fraction_kernels() -> np.ndarray:
    """Windowed-sinc taps that interpolate at +1/4, +2/4, +3/4 of a sample (shape 3 x taps)."""
    j = np.arange(-_HALF_TAPS + 1, _HALF_TAPS + 1)
    rows = []
    for frac in (0.25, 0.5, 0.75):
        d = j - frac
        h = np.sinc(d) * (0.5 + 0.5 * np.cos(np.pi * d / (_HALF_TAPS + 1)))
        rows.append(h / h.sum())
    return np.asarray(rows)


_HALF_TAPS = 16
_KERNELS = _fraction_kernels()
_OVERSHOOT_DB = 3.0  # inter-sample peaks of real audio stay well under this above the samples


def _true_block_peaks(x: np.ndarray, blocks: int, threshold: float) -> np.ndarray:
    """Per-1 ms-block true peak (4x oversampled), computed only where it can matter.

    A block whose sample peak is more than ``_OVERSHOOT_DB`` under ``threshold`` cannot
    reach it between samples, so only the loud blocks are interpolated (FFT-free, cheap).
    """
    padded = np.zeros((blocks * _BLOCK + 2 * _HALF_TAPS, x.shape[1]), dtype=x.dtype)
    padded[_HALF_TAPS : _HALF_TAPS + len(x)] = x
    body = np.abs(padded[_HALF_TAPS : _HALF_TAPS + blocks * _BLOCK])
    peaks = body.max(axis=1).reshape(blocks, _BLOCK).max(axis=1)
    loud = np.flatnonzero(peaks > threshold * 10.0 ** (-_OVERSHOOT_DB / 20.0))
    offsets = np.arange(-_HALF_TAPS + 1, _HALF_TAPS + 1)
    for chunk in np.array_split(loud, max(1, len(loud) // 256)):
        if len(chunk) == 0:
            continue
        starts = (chunk[:, None] * _BLOCK + np.arange(_BLOCK)[None, :]).ravel() + _HALF_TAPS
        windows = padded[starts[:, None] + offsets[None, :]]  # (samples, taps, channels)
        between = np.abs(np.einsum("stc,pt->spc", windows, _KERNELS))
        inter = between.reshape(len(chunk), _BLOCK * 3 * x.shape[1]).max(axis=1)
        peaks[chunk] = np.maximum(peaks[chunk], inter)
    return peaks


class Limiter:
    """Look-ahead true-peak limiter for one signal, cheap to re-run at different input gains.

    True peaks scale with gain, so they are found once; :meth:`apply` then turns them into a
    gain curve: each block's need is spread over the look-ahead window on both sides (so the
    interpolation between block centres never lets a peak through), smoothed with a fast
    attack backwards and a slower release forwards, never rising above what a block needs.
    """

    def __init__(self, x: np.ndarray, ceiling_dbtp: float, max_gain_db: float) -> None:
        self.x = x
        self.ceiling = _db(ceiling_dbtp)
        self.blocks = -(-len(x) // _BLOCK)
        self.peaks = _true_block_peaks(x, self.blocks, self.ceiling / _db(max_gain_db))

    def apply(self, gain_db: float) -> np.ndarray:
        """``x`` times ``gain_db``, limited so no true peak passes the ceiling."""
        gain = _db(gain_db)
        need = np.minimum(1.0, self.ceiling / np.maximum(self.peaks * gain, 1e-12))
        if len(need) == 0 or need.min() >= 1.0:
            return self.x * gain
        spread = need.copy()
        for s in range(1, _LOOKAHEAD_BLOCKS + 1):
            spread[:-s] = np.minimum(spread[:-s], need[s:])
            spread[s:] = np.minimum(spread[s:], need[:-s])
        attack = 1.0 - np.exp(-1.0 / _LOOKAHEAD_BLOCKS)
        release = 1.0 - np.exp(-1.0 / _RELEASE_BLOCKS)
        g = spread.tolist()
        for i in range(self.blocks - 2, -1, -1):
            g[i] = min(g[i], g[i + 1] + (1.0 - g[i + 1]) * attack)
        for i in range(1, self.blocks):
            g[i] = min(g[i], g[i - 1] + (1.0 - g[i - 1]) * release)
        centres = (np.arange(self.blocks) + 0.5) * _BLOCK
        curve = np.interp(np.arange(len(self.x)), centres, np.asarray(g))
        return self.x * (gain * curve).astype(self.x.dtype)[:, None]


def to_pcm16(x: np.ndarray) -> np.ndarray:
    """Round to the 16-bit grid (as floats), so what is measured is exactly what is written."""
    return np.clip(np.round(x * 32767.0), -32768, 32767) / 32767.0


def normalize(
    ffmpeg_exe: str,
    samples: np.ndarray,
    rate: int,
    target_lufs: float = TARGET_LUFS,
    ceiling_dbtp: float = CEILING_DBTP,
) -> tuple[np.ndarray, Loudness]:
    """Return ``samples`` at ``target_lufs`` with true peaks under ``ceiling_dbtp``, measured.

    The result is already on the 16-bit grid; the returned loudness is ffmpeg's measurement
    of exactly those samples.
    """
    before = measure(ffmpeg_exe, samples, rate)
    if not np.isfinite(before.integrated_lufs) or before.integrated_lufs < -69.0:
        raise RenderError("The audio mix is silent; the music library may be damaged.")
    gain_db = target_lufs - before.integrated_lufs
    limiter = Limiter(samples, ceiling_dbtp, gain_db + _SPARE_GAIN_DB)
    energy = float(np.mean(np.square(samples), dtype=np.float64))
    for _ in range(2):
        # Limiting removes some energy; win it back before asking ffmpeg (saves a pass).
        trial = limiter.apply(gain_db)
        kept = float(np.mean(np.square(trial), dtype=np.float64))
        lost_db = 10 * np.log10(energy * _db(gain_db) ** 2 / max(kept, 1e-20))
        gain_db = target_lufs - before.integrated_lufs + float(lost_db)
    out = to_pcm16(limiter.apply(gain_db))
    after = measure(ffmpeg_exe, out, rate)
    for _ in range(2):
        miss = target_lufs - after.integrated_lufs
        if abs(miss) <= TOLERANCE_LU:
            break
        gain_db += miss
        out = to_pcm16(limiter.apply(gain_db))
        after = measure(ffmpeg_exe, out, rate)
    return out, after

"""Transition sound effects, one function per name in ``pipeline.spec.SFX_NAMES``.

Each returns stereo ``(n, 2)`` at :data:`dsp.SR` with a peak near 1. Where the effect "lands"
(its loudest moment) is measured by the build and written to the manifest as ``peak_s``, so
the audio stage can put that moment exactly on a cut.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from assets.synth import dsp
from assets.synth.theory import hz


def _norm(x: np.ndarray) -> np.ndarray:
    return x / max(float(np.max(np.abs(x))), 1e-9)


def _time(seconds: float) -> np.ndarray:
    return np.arange(dsp.n_of(seconds)) / dsp.SR


def _swell(t: np.ndarray, peak: float, rise: float, fall: float) -> np.ndarray:
    """A bump peaking at ``peak``: raised-cosine rise, exponential fall, zero at both ends."""
    up = 0.5 - 0.5 * np.cos(np.pi * np.clip((t - (peak - rise)) / rise, 0.0, 1.0))
    down = np.exp(-np.maximum(t - peak, 0.0) / fall)
    return dsp._taper(up * down, 0.02)


def _band_sweep(noise: np.ndarray, centre: Callable[[float], float], q: float) -> np.ndarray:
    """Noise through a band-pass whose centre frequency follows ``centre(t)``."""

    def gain(t: float, f: np.ndarray) -> np.ndarray:
        c = centre(t)
        return dsp.bp(c / q, c * q, 2.0)(f)

    return dsp.sweep_filter(noise, gain, frame=1024)


def _moving_pan(mono: np.ndarray, start: float, end: float) -> np.ndarray:
    """Constant-power pan travelling from ``start`` to ``end`` (-1 left .. +1 right)."""
    pos = np.linspace(start, end, len(mono))
    angle = (pos + 1.0) * np.pi / 4.0
    return np.stack([mono * np.cos(angle), mono * np.sin(angle)], axis=1) * np.sqrt(2.0)


def _room(x: np.ndarray, decay_s: float, wet: float, seed: int) -> np.ndarray:
    """Add a short stereo room so dry effects sit in the same space as the music."""
    pad = np.concatenate([x, np.zeros((dsp.n_of(decay_s), 2))])
    return pad + wet * dsp.reverb(pad, dsp.reverb_ir(decay_s, seed, damp_hz=6000.0))


def whoosh(seed: int = 101) -> np.ndarray:
    """Air rushing past: band-passed noise sweeping up then down, panned left to right."""
    t = _time(1.1)
    rng = np.random.default_rng(seed)
    peak = 0.55

    def centre(tt: float) -> float:
        x = np.clip(tt / peak, 0.0, 2.0)
        return float(350.0 + 1900.0 * np.sin(np.pi * x / 2.0) ** 2)

    air = _band_sweep(rng.standard_normal(len(t)), centre, 1.6)
    body = dsp.fft_filter(rng.standard_normal(len(t)), dsp.bp(120, 700, 1.0)) * 0.6
    mono = (air + body) * _swell(t, peak, 0.45, 0.14)
    return _norm(_room(_moving_pan(mono, -0.7, 0.7), 0.6, 0.15, seed))


def swoosh(seed: int = 102) -> np.ndarray:
    """A quick bright swipe: shorter and higher than the whoosh, right to left."""
    t = _time(0.55)
    rng = np.random.default_rng(seed)
    peak = 0.24

    def centre(tt: float) -> float:
        return float(1200.0 * 2.0 ** (2.2 * np.clip(tt / peak, 0.0, 1.4)))

    mono = _band_sweep(rng.standard_normal(len(t)), centre, 1.8) * _swell(t, peak, 0.2, 0.06)
    return _norm(_room(_moving_pan(mono, 0.6, -0.6), 0.4, 0.12, seed))


def riser(seed: int = 103) -> np.ndarray:
    """A build into the cut: noise and a detuned tone climbing an octave and a half, then stop."""
    length, peak = 2.0, 1.9
    t = _time(length)
    rng = np.random.default_rng(seed)
    x = np.clip(t / peak, 0.0, 1.0)

    def centre(tt: float) -> float:
        return float(400.0 * 2.0 ** (4.0 * min(tt / peak, 1.0)))

    hiss = _band_sweep(rng.standard_normal(len(t)), centre, 2.2)
    f = hz(57) * 2.0 ** (1.5 * x**1.5)
    tone = sum(np.sin(2 * np.pi * np.cumsum(f * 2.0 ** (c / 1200)) / dsp.SR) for c in (-9, 0, 9))
    env = x**2.2 * np.exp(-np.maximum(t - peak, 0.0) / 0.02)
    mono = (0.8 * hiss + 0.35 * tone) * dsp._taper(env, 0.015)
    return _norm(_room(dsp.pan(mono, 0.0), 0.5, 0.1, seed))


def impact(seed: int = 104) -> np.ndarray:
    """A cinematic hit: a falling sub boom, a noise crack and a dark room tail."""
    t = _time(1.6)
    rng = np.random.default_rng(seed)
    f = 38.0 + 70.0 * np.exp(-t / 0.06)
    boom = np.sin(2 * np.pi * np.cumsum(f) / dsp.SR) * dsp.perc(1.6, 0.002, 1.3)
    boom += 0.25 * np.sin(2 * np.pi * np.cumsum(2 * f) / dsp.SR) * dsp.perc(1.6, 0.002, 0.5)
    crack = dsp.fft_filter(rng.standard_normal(len(t)), dsp.bp(400, 5000, 1.0))
    crack *= dsp.perc(1.6, 0.001, 0.18)
    mono = boom + 0.45 * crack
    return _norm(_room(dsp.pan(mono, 0.0), 1.4, 0.25, seed))


def chime(seed: int = 105) -> np.ndarray:
    """Three bell strikes rolling up a major triad (high, clear, short)."""
    from assets.synth import instruments as ins

    out = np.zeros((dsp.n_of(2.2), 2))
    for i, (note, position) in enumerate(((84, -0.4), (88, 0.0), (91, 0.4))):
        tone = ins.bell(note, 1.0, 0.8 - 0.1 * i, kind="chime")
        start = dsp.n_of(0.07 * i)
        stereo = dsp.pan(tone, position)
        end = min(len(out), start + len(stereo))
        out[start:end] += stereo[: end - start]
    return _norm(_room(out, 1.2, 0.3, seed))


def pop(seed: int = 106) -> np.ndarray:
    """A bubble pop: a fast upward pitch blip with a soft thump."""
    t = _time(0.16)
    f = 260.0 + 900.0 * (1.0 - np.exp(-t / 0.018))
    blip = np.sin(2 * np.pi * np.cumsum(f) / dsp.SR) * dsp.perc(0.16, 0.001, 0.09)
    thump = np.sin(2 * np.pi * 140.0 * t) * dsp.perc(0.16, 0.001, 0.03)
    mono = blip + 0.4 * thump
    return _norm(_room(dsp.pan(mono, 0.1), 0.3, 0.1, seed))


def shimmer(seed: int = 107) -> np.ndarray:
    """Sparkle: a swelling cluster of high bells with tremolo over airy noise."""
    t = _time(1.6)
    rng = np.random.default_rng(seed)
    peak = 0.6
    env = _swell(t, peak, 0.5, 0.35)
    out = np.zeros((len(t), 2))
    for i, note in enumerate((88, 91, 95, 96, 100)):
        rate = 6.0 + 1.3 * i
        trem = 0.6 + 0.4 * np.sin(2 * np.pi * rate * t + rng.uniform(0, 6.3))
        tone = np.sin(2 * np.pi * hz(note) * t + rng.uniform(0, 6.3)) * trem
        out += dsp.pan(tone * env / (1 + 0.3 * i), float(np.sin(i * 2.1)) * 0.7)
    air = dsp.fft_filter(rng.standard_normal(len(t)), dsp.hp(6000, 2)) * env * 0.25
    out += dsp.pan(air, 0.0)
    return _norm(_room(out, 1.5, 0.35, seed))


def click(seed: int = 108) -> np.ndarray:
    """A crisp UI click: a tiny woody knock with a bright edge."""
    t = _time(0.05)
    rng = np.random.default_rng(seed)
    tone = np.sin(2 * np.pi * 2400.0 * t) + 0.5 * np.sin(2 * np.pi * 1100.0 * t)
    edge = dsp.fft_filter(rng.standard_normal(len(t)), dsp.bp(3000, 10000, 1.0))
    mono = (tone + 0.5 * edge) * dsp.perc(0.05, 0.0005, 0.025)
    return _norm(_room(dsp.pan(mono, 0.0), 0.2, 0.08, seed))


#: Effects built to land at a designed moment rather than at their loudest one (a riser
#: lands where it stops, on the cut).
LANDING_S: dict[str, float] = {"riser": 1.9}

#: Every effect the library ships, by the name the planner and the audio stage use.
EFFECTS: dict[str, Callable[[], np.ndarray]] = {
    "whoosh": whoosh,
    "swoosh": swoosh,
    "riser": riser,
    "impact": impact,
    "chime": chime,
    "pop": pop,
    "shimmer": shimmer,
    "click": click,
}

"""Synthesized drums and small percussion. Each returns a mono one-shot with a peak near 1.

Noise-based sounds take a seed so a kit sounds the same on every build.
"""

from __future__ import annotations

import numpy as np

from assets.synth import dsp


def _norm(x: np.ndarray) -> np.ndarray:
    return x / max(float(np.max(np.abs(x))), 1e-9)


def kick(punch: float = 1.0, decay: float = 0.45, tone: float = 50.0, seed: int = 1) -> np.ndarray:
    """Pitch-swept sine body plus a short click; ``punch`` scales sweep and click."""
    n = dsp.n_of(decay)
    t = np.arange(n) / dsp.SR
    f = tone + (tone * 2.2 * punch + 40.0) * np.exp(-t / 0.035)
    body = np.sin(2 * np.pi * np.cumsum(f) / dsp.SR)
    click = dsp.fft_filter(np.random.default_rng(seed).standard_normal(n), dsp.bp(1500, 6000))
    click *= np.exp(-t / 0.003) * 0.25 * punch
    return _norm((body + click) * dsp.perc(decay, 0.0008, decay))


def snare(decay: float = 0.22, seed: int = 2) -> np.ndarray:
    """Two drum-head tones and band-passed noise (the wires)."""
    n = dsp.n_of(decay)
    t = np.arange(n) / dsp.SR
    heads = (np.sin(2 * np.pi * 185 * t) + 0.5 * np.sin(2 * np.pi * 330 * t)) * np.exp(-t / 0.045)
    wires = dsp.fft_filter(np.random.default_rng(seed).standard_normal(n), dsp.bp(1200, 9000))
    wires *= np.exp(-t / (decay / 4.0))
    return _norm((0.8 * heads + 0.6 * wires) * dsp.perc(decay, 0.0008, decay))


def clap(seed: int = 3) -> np.ndarray:
    """Three quick noise bursts then a short tail: hands clapping together."""
    n = dsp.n_of(0.3)
    t = np.arange(n) / dsp.SR
    body = dsp.fft_filter(np.random.default_rng(seed).standard_normal(n), dsp.bp(900, 3500))
    env = np.zeros(n)
    for k, start in enumerate((0.0, 0.011, 0.022)):
        env += np.where(t >= start, np.exp(-(t - start) / 0.006), 0.0) * (0.8 + 0.1 * k)
    env += np.where(t >= 0.03, np.exp(-(t - 0.03) / 0.07), 0.0) * 0.6
    return _norm(body * env * dsp.perc(0.3, 0.0008, 0.3))


def hat(open_: bool = False, seed: int = 4) -> np.ndarray:
    """Metallic square partials plus high noise; open hats ring longer."""
    length = 0.35 if open_ else 0.07
    n = dsp.n_of(length)
    t = np.arange(n) / dsp.SR
    metal = sum(np.sign(np.sin(2 * np.pi * f * t)) for f in (317, 436, 540, 593, 800, 1046))
    hiss = np.random.default_rng(seed).standard_normal(n)
    x = dsp.fft_filter(0.25 * metal + hiss, dsp.hp(7000, 3))
    x *= np.exp(-t / (0.09 if open_ else 0.014))
    return _norm(x * dsp.perc(length, 0.0008, length))


def shaker(seed: int = 5) -> np.ndarray:
    """Band-passed noise with a soft attack: beads in a tube."""
    n = dsp.n_of(0.09)
    x = dsp.fft_filter(np.random.default_rng(seed).standard_normal(n), dsp.bp(4000, 11000))
    return _norm(x * dsp.perc(0.09, 0.012, 0.08))


def rim(seed: int = 6) -> np.ndarray:
    """A rim click / side stick: a dry woody knock."""
    n = dsp.n_of(0.06)
    t = np.arange(n) / dsp.SR
    tone = np.sin(2 * np.pi * 1700 * t) + 0.6 * np.sin(2 * np.pi * 480 * t)
    knock = dsp.fft_filter(np.random.default_rng(seed).standard_normal(n), dsp.bp(2000, 7000))
    return _norm((tone + 0.5 * knock) * np.exp(-t / 0.008) * dsp.perc(0.06, 0.0005, 0.06))


def woodblock(pitch: float = 1.0) -> np.ndarray:
    """A hollow wooden tock, tuned by ``pitch``."""
    n = dsp.n_of(0.12)
    t = np.arange(n) / dsp.SR
    tone = np.sin(2 * np.pi * 880 * pitch * t) + 0.35 * np.sin(2 * np.pi * 2430 * pitch * t)
    return _norm(tone * np.exp(-t / 0.025) * dsp.perc(0.12, 0.0008, 0.12))


def snap(seed: int = 7) -> np.ndarray:
    """A finger snap: a tight, bright noise crack."""
    n = dsp.n_of(0.1)
    t = np.arange(n) / dsp.SR
    x = dsp.fft_filter(np.random.default_rng(seed).standard_normal(n), dsp.bp(1800, 6000))
    x += 0.4 * np.sin(2 * np.pi * 2100 * t)
    return _norm(x * np.exp(-t / 0.012) * dsp.perc(0.1, 0.0005, 0.1))


def crash(length: float = 2.8, seed: int = 8) -> np.ndarray:
    """A cymbal crash: dense metal and noise, dark tail."""
    n = dsp.n_of(length)
    t = np.arange(n) / dsp.SR
    rng = np.random.default_rng(seed)
    metal = sum(
        np.sin(2 * np.pi * f * t + rng.uniform(0, 6.3)) for f in rng.uniform(3000, 9000, 24)
    )
    x = dsp.fft_filter(rng.standard_normal(n) + 0.15 * metal, dsp.hp(3500, 2))
    x = dsp.fft_filter(x, dsp.lp(11000, 1))
    return _norm(x * dsp.perc(length, 0.001, length))


def triangle(seed: int = 9) -> np.ndarray:
    """An orchestral triangle ding: high inharmonic partials, long ring."""
    n = dsp.n_of(1.6)
    spec = [(1.0, 1.0, 1.5), (2.32, 0.6, 1.2), (3.8, 0.4, 0.9), (5.1, 0.25, 0.6)]
    x = dsp.partials(2600.0, n, spec, np.random.default_rng(seed))
    return _norm(x * dsp.perc(1.6, 0.0008, 1.6))

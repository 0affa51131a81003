"""Tonal voices. Each takes a MIDI note, a gate length (s) and a velocity (0-1).

Mono voices return ``(n,)`` including their release tail; wide voices return ``(n, 2)``.
Peaks sit near 1.0 at velocity 1 so arrangements mix with plain gains.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from assets.synth import dsp
from assets.synth.theory import hz


def _rng(*key: float) -> np.random.Generator:
    """A generator seeded from the note itself: same note, same phases, every build."""
    return np.random.default_rng([int(abs(k) * 1000) for k in key])


@lru_cache(maxsize=512)
def _saw_table(midi: int, cutoff: float) -> np.ndarray:
    f0 = hz(midi)
    table = dsp.harmonic_table(dsp.saw_amps(f0, cutoff), f0)
    return table / np.max(np.abs(table))


@lru_cache(maxsize=512)
def _square_table(midi: int, cutoff: float) -> np.ndarray:
    f0 = hz(midi)
    table = dsp.harmonic_table(dsp.square_amps(f0, cutoff), f0)
    return table / np.max(np.abs(table))


def _vibrato(n: int, f0: float, cents: float, rate: float, phase: float) -> np.ndarray:
    t = np.arange(n) / dsp.SR
    return f0 * 2.0 ** (cents * np.sin(2 * np.pi * rate * t + phase) / 1200.0)


def pad(
    midi: int,
    gate: float,
    vel: float = 0.7,
    cutoff: float = 1800.0,
    detune: float = 8.0,
    attack: float = 0.9,
    release: float = 1.6,
    width: float = 0.7,
) -> np.ndarray:
    """Three detuned low-passed saws spread across the stereo field, slow swell."""
    env = dsp.adsr(gate, attack, 0.5, 0.85, release)
    n = len(env)
    rng = _rng(midi, gate, cutoff)
    table = _saw_table(midi, cutoff)
    out = np.zeros((n, 2))
    for cents, position in ((-detune, -width), (0.0, 0.0), (detune, width)):
        f = _vibrato(
            n, hz(midi + cents / 100.0), 3.0, rng.uniform(0.15, 0.35), rng.uniform(0, 6.28)
        )
        voice = dsp.table_osc(table, f, n, rng.uniform())
        out += dsp.pan(voice * env, position)
    return out * (vel / 3.0)


def supersaw(
    midi: int, gate: float, vel: float = 0.8, cutoff: float = 5000.0, release: float = 0.25
) -> np.ndarray:
    """Seven bright detuned saws, wide: the classic dance stab / chord."""
    env = dsp.adsr(gate, 0.006, 0.25, 0.7, release)
    n = len(env)
    rng = _rng(midi, gate, cutoff, 7)
    table = _saw_table(midi, cutoff)
    out = np.zeros((n, 2))
    offsets = (-22.0, -14.0, -6.0, 0.0, 6.0, 14.0, 22.0)
    for i, cents in enumerate(offsets):
        voice = dsp.table_osc(table, hz(midi + cents / 100.0), n, rng.uniform())
        out += dsp.pan(voice * env, (i - 3) / 3.0 * 0.8)
    return out * (vel / 4.0)


def piano(midi: int, gate: float, vel: float = 0.7, bright: float = 1.0) -> np.ndarray:
    """A soft piano-like tone: slightly inharmonic partials, highs dying first, a damper."""
    f0 = hz(midi)
    t60 = float(np.clip(5.0 * (261.6 / f0) ** 0.5, 1.2, 9.0))
    length = min(gate + 0.35, t60)
    n = dsp.n_of(length)
    b = 0.0004
    spec = []
    for k in range(1, 11):
        amp = (1.0 / k**1.4) * (0.35 + 0.65 * vel) ** (k * 0.35 / bright)
        spec.append((k * np.sqrt(1 + b * k * k), amp, t60 / (1.0 + 0.45 * (k - 1))))
    tone = dsp.partials(f0, n, spec, _rng(midi, 1))
    tone += 0.35 * dsp.partials(f0 * 1.0007, n, spec[:3], _rng(midi, 2))
    env = dsp.release_at(dsp.perc(length, 0.003, t60 * 1.5), gate, 0.3)
    return tone[: len(env)] * env * (vel * 0.55)


def epiano(midi: int, gate: float, vel: float = 0.7) -> np.ndarray:
    """Rhodes-like electric piano: 1:1 FM with a decaying index plus a soft tine ping."""
    f0 = hz(midi)
    t60 = float(np.clip(4.0 * (261.6 / f0) ** 0.4, 1.0, 6.0))
    length = min(gate + 0.4, t60)
    n = dsp.n_of(length)
    t = np.arange(n) / dsp.SR
    index = (0.4 + 1.6 * vel) * np.exp(-t / 0.35) + 0.25
    tone = np.sin(2 * np.pi * f0 * t + index * np.sin(2 * np.pi * f0 * t))
    tone += 0.12 * vel * np.exp(-t / 0.06) * np.sin(2 * np.pi * f0 * 7.0 * t)
    env = dsp.release_at(dsp.perc(length, 0.002, t60 * 1.3), gate, 0.25)
    return tone[: len(env)] * env * (vel * 0.5)


def pluck(
    midi: int,
    gate: float,
    vel: float = 0.7,
    t60: float = 0.9,
    bright: float = 1.0,
    position: float = 0.18,
) -> np.ndarray:
    """A plucked string: comb-shaped harmonics (pick position), upper ones decaying faster."""
    f0 = hz(midi)
    length = min(gate + 0.15, t60)
    n = dsp.n_of(length)
    spec = []
    for k in range(1, 16):
        amp = abs(np.sin(np.pi * k * position)) / k * (0.5 + 0.5 * vel) ** (k * 0.2 / bright)
        spec.append((k * (1 + 0.0002 * k * k), amp, t60 / (1.0 + 0.6 * (k - 1) / bright)))
    tone = dsp.partials(f0, n, spec, _rng(midi, 3))
    env = dsp.release_at(dsp.perc(length, 0.0015, t60 * 2.0), gate, 0.08)
    return tone[: len(env)] * env * (vel * 1.1)


_BELLS = {
    "glock": [(1.0, 1.0, 1.6), (2.76, 0.35, 0.5), (5.40, 0.18, 0.25), (8.93, 0.08, 0.12)],
    "chime": [
        (1.0, 1.0, 3.0),
        (2.0, 0.35, 2.0),
        (3.01, 0.2, 1.1),
        (4.17, 0.12, 0.7),
        (5.43, 0.06, 0.4),
    ],
    "toy": [(1.0, 1.0, 0.7), (3.0, 0.3, 0.3), (5.2, 0.15, 0.15), (7.1, 0.06, 0.08)],
    "celesta": [(1.0, 1.0, 1.2), (2.0, 0.25, 0.6), (3.0, 0.1, 0.3), (4.0, 0.04, 0.2)],
}


def bell(midi: int, gate: float, vel: float = 0.7, kind: str = "glock") -> np.ndarray:
    """Struck bars and bells (glockenspiel, tubular chime, toy piano, celesta)."""
    spec = _BELLS[kind]
    length = max(r[2] for r in spec) * 1.05
    n = dsp.n_of(length)
    tone = dsp.partials(hz(midi), n, spec, _rng(midi, 4))
    env = dsp.release_at(dsp.perc(length, 0.001, length * 2), max(gate, length * 0.6), 0.3)
    return tone[: len(env)] * env * (vel * 0.8)


def marimba(midi: int, gate: float, vel: float = 0.7) -> np.ndarray:
    """A wooden bar: fundamental plus the tuned 4th and 10th partials, quick decay."""
    f0 = hz(midi)
    t60 = float(np.clip(0.9 * (261.6 / f0) ** 0.4, 0.35, 1.4))
    spec = [(1.0, 1.0, t60), (3.93, 0.25 * vel, t60 * 0.25), (9.2, 0.06 * vel, t60 * 0.08)]
    n = dsp.n_of(t60)
    tone = dsp.partials(f0, n, spec, _rng(midi, 5))
    return tone * dsp.perc(t60, 0.002, t60) * (vel * 0.9)


def square_lead(midi: int, gate: float, vel: float = 0.7, cutoff: float = 3000.0) -> np.ndarray:
    """A soft square lead with delayed vibrato (playful tunes)."""
    env = dsp.adsr(gate, 0.01, 0.15, 0.6, 0.12)
    n = len(env)
    t = np.arange(n) / dsp.SR
    depth = 12.0 * np.clip((t - 0.15) / 0.2, 0.0, 1.0)
    f = hz(midi) * 2.0 ** (depth * np.sin(2 * np.pi * 5.5 * t) / 1200.0)
    return dsp.table_osc(_square_table(midi, cutoff), f, n) * env * (vel * 0.5)


def sub_bass(midi: int, gate: float, vel: float = 0.8, release: float = 0.12) -> np.ndarray:
    """A round sine bass with a touch of 2nd and 3rd harmonic so small speakers hear it."""
    env = dsp.adsr(gate, 0.008, 0.3, 0.8, release)
    t = np.arange(len(env)) / dsp.SR
    f = hz(midi)
    tone = (
        np.sin(2 * np.pi * f * t)
        + 0.3 * np.sin(4 * np.pi * f * t)
        + 0.1 * np.sin(6 * np.pi * f * t)
    )
    return tone * env * (vel * 0.75)


def pluck_bass(midi: int, gate: float, vel: float = 0.8) -> np.ndarray:
    """Upright / finger bass: a few decaying harmonics with a soft thump."""
    f0 = hz(midi)
    length = gate + 0.1
    n = dsp.n_of(length)
    spec = [(1.0, 1.0, 2.0), (2.0, 0.45, 0.9), (3.0, 0.2, 0.5), (4.0, 0.1, 0.3), (5.0, 0.05, 0.2)]
    tone = dsp.partials(f0, n, spec, _rng(midi, 6))
    env = dsp.release_at(dsp.perc(length, 0.004, 2.5), gate, 0.08)
    return tone[: len(env)] * env * (vel * 0.7)


def saw_bass(midi: int, gate: float, vel: float = 0.8, cutoff: float = 700.0) -> np.ndarray:
    """A filtered saw over a sine sub: the dance-music bass."""
    env = dsp.adsr(gate, 0.004, 0.2, 0.75, 0.06)
    n = len(env)
    saw = dsp.table_osc(_saw_table(midi, cutoff), hz(midi), n)
    t = np.arange(n) / dsp.SR
    sub = np.sin(2 * np.pi * hz(midi) * t)
    return (0.55 * saw + 0.6 * sub) * env * (vel * 0.8)


def tuba(midi: int, gate: float, vel: float = 0.8) -> np.ndarray:
    """A round brassy bass for oom-pah patterns: odd harmonics, soft attack, short."""
    env = dsp.adsr(gate, 0.02, 0.15, 0.7, 0.07)
    n = len(env)
    tone = dsp.table_osc(_square_table(midi, 600.0), hz(midi), n)
    t = np.arange(n) / dsp.SR
    return (0.5 * tone + 0.6 * np.sin(2 * np.pi * hz(midi) * t)) * env * (vel * 0.8)

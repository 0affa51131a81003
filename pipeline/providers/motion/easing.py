"""Easing curves on ``u`` in [0, 1] and small periodic helpers for motion.

Plain floats in, plain floats out: they run a few dozen times per frame, never per pixel.
"""

from __future__ import annotations

import math


def clamp01(u: float) -> float:
    """``u`` limited to [0, 1]."""
    return 0.0 if u < 0.0 else 1.0 if u > 1.0 else u


def smoothstep(u: float) -> float:
    """Hermite ease in and out (zero slope at both ends)."""
    u = clamp01(u)
    return u * u * (3.0 - 2.0 * u)


def ease_in_out_sine(u: float) -> float:
    """Gentle start and end: the default for camera moves."""
    return 0.5 - 0.5 * math.cos(math.pi * clamp01(u))


def ease_in_out_cubic(u: float) -> float:
    """A firmer ease in and out than the sine curve."""
    u = clamp01(u)
    return 4.0 * u * u * u if u < 0.5 else 1.0 - (-2.0 * u + 2.0) ** 3 / 2.0


def ease_out_cubic(u: float) -> float:
    """Fast start that settles: punch-ins and reveals."""
    return 1.0 - (1.0 - clamp01(u)) ** 3


def ease_out_expo(u: float) -> float:
    """A very fast start that lands softly."""
    u = clamp01(u)
    return 1.0 if u >= 1.0 else 1.0 - 2.0 ** (-10.0 * u)


def ease_out_back(u: float, overshoot: float = 1.70158) -> float:
    """Overshoots a little and comes back: playful pops."""
    u = clamp01(u) - 1.0
    return 1.0 + (overshoot + 1.0) * u * u * u + overshoot * u * u


def window(u: float, start: float, end: float) -> float:
    """Progress of ``u`` through the interval [start, end], clamped to [0, 1]."""
    if end <= start:
        return 1.0 if u >= end else 0.0
    return clamp01((u - start) / (end - start))


def bell(u: float, start: float, end: float) -> float:
    """0 outside [start, end], rising smoothly to 1 in the middle and back to 0."""
    w = window(u, start, end)
    return math.sin(math.pi * w) ** 2


def wave(t: float, period_s: float, phase: float = 0.0) -> float:
    """A sine in [-1, 1] with the given period in seconds."""
    return math.sin(2.0 * math.pi * (t / period_s + phase))


def wrap(value: float, low: float, high: float) -> float:
    """``value`` wrapped into [low, high): particles leaving one side enter the other."""
    span = high - low
    return low + (value - low) % span

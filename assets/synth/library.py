"""The catalogue: which arrangements make up the library, two per mood, with fixed seeds."""

from __future__ import annotations

import re
from collections.abc import Callable

from assets.synth import tracks_bright, tracks_drive, tracks_soft
from assets.synth.song import Song

#: mood -> the arrangements for it, each with the seed its build always uses.
CATALOGUE: dict[str, list[tuple[Callable[[int], Song], int]]] = {
    "luxury": [(tracks_soft.velvet_hour, 11), (tracks_soft.golden_gala, 12)],
    "upbeat": [(tracks_bright.sunny_side, 21), (tracks_bright.good_vibes, 22)],
    "calm": [(tracks_soft.still_water, 31), (tracks_soft.morning_mist, 32)],
    "energetic": [(tracks_drive.night_drive, 41), (tracks_drive.pulse_rush, 42)],
    "corporate": [(tracks_drive.bright_future, 51), (tracks_drive.clear_vision, 52)],
    "playful": [(tracks_bright.bubble_pop, 61), (tracks_bright.toy_parade, 62)],
}


def slug(title: str) -> str:
    """File-name form of a title: ``'Sunny Side' -> 'sunny-side'``."""
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")

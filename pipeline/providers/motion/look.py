"""Colour fields for one scene: confident brand colours with contrast the copy can rely on.

A scene has a background field, a panel behind the overlay's text band, ink for graphics
and an accent. Light, bright or dark comes from the mood (a luxury ad is deep, an upbeat
one saturated, a corporate one light); problem beats go darker and cooler. The panel is
shaded from a brand colour until the overlay's text colour reaches :data:`TEXT_CONTRAST`
against it, so the copy drawn on top later is readable on every frame.
"""

from __future__ import annotations

import colorsys
from dataclasses import dataclass

import numpy as np

from pipeline.colors import contrast_ratio

Color = np.ndarray  # float32 (3,), sRGB in [0, 1]

TEXT_CONTRAST = 7.0  # aim well above WCAG's 4.5:1 so grain and scaling never matter
INK_CONTRAST = 4.5
ACCENT_CONTRAST = 3.0

# mood -> look of the background field
LOOKS = {
    "luxury": "dark",
    "calm": "light",
    "corporate": "light",
    "upbeat": "bright",
    "energetic": "bright",
    "playful": "bright",
}
DIM_BEATS = frozenset({"problem", "agitate", "before"})


def rgb(hex_color: str) -> Color:
    """``#RRGGBB`` as float32 RGB in [0, 1]."""
    t = hex_color.lstrip("#")
    return np.array([int(t[i : i + 2], 16) / 255 for i in (0, 2, 4)], dtype=np.float32)


def to_hex(color: Color) -> str:
    """A float RGB colour as ``#RRGGBB``."""
    return "#" + "".join(f"{round(float(c) * 255):02X}" for c in np.clip(color, 0, 1))


def luminance(color: Color) -> float:
    """WCAG relative luminance."""
    c = np.asarray(color, dtype=np.float64)
    lin = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    return float(0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2])


def contrast(a: Color, b: Color) -> float:
    """WCAG contrast ratio of two colours."""
    return contrast_ratio(luminance(a), luminance(b))


def tone(color: Color, lightness: float, *, min_sat: float = 0.0, max_sat: float = 1.0) -> Color:
    """``color`` at HLS ``lightness`` with its saturation clamped; greys stay grey."""
    h, _, s = colorsys.rgb_to_hls(*map(float, color))
    if float(color.max() - color.min()) > 0.08:
        s = min(max_sat, max(min_sat, s))
    out = colorsys.hls_to_rgb(h, min(1.0, max(0.0, lightness)), s)
    return np.array(out, dtype=np.float32)


def lightness(color: Color) -> float:
    """HLS lightness."""
    return colorsys.rgb_to_hls(*map(float, color))[1]


def against(color: Color, other: Color, ratio: float) -> Color:
    """``color`` made darker or lighter (whichever needs less) until it reaches ``ratio``
    against ``other``; black or white if no shade of it can."""
    if contrast(color, other) >= ratio:
        return color
    start = lightness(color)
    darker = luminance(other) > 0.18
    for step in range(1, 41):
        for sign in (-1, 1) if darker else (1, -1):
            candidate = tone(color, start + sign * step * 0.025)
            if contrast(candidate, other) >= ratio:
                return candidate
    black, white = np.zeros(3, np.float32), np.ones(3, np.float32)
    return black if contrast(black, other) >= contrast(white, other) else white


@dataclass(frozen=True)
class Look:
    """The colour roles of one scene."""

    kind: str  # dark, bright or light
    field: Color  # the background
    field2: Color  # a second field (split halves, bands, discs)
    panel: Color  # behind the overlay's text band
    text: Color  # the overlay's text colour (drawn later by the overlays stage)
    ink: Color  # graphics and the template's own words on ``field``
    accent: Color  # badges, ticks, bars
    on_accent: Color  # words on the accent

    @property
    def field_is_calm_for_text(self) -> bool:
        """The copy is readable straight on the background field."""
        return contrast(self.field, self.text) >= TEXT_CONTRAST


def _muddy(color: Color) -> bool:
    """Orange to yellow-green: hues that turn brown or olive when darkened."""
    return 20 / 360 <= colorsys.rgb_to_hls(*map(float, color))[0] <= 75 / 360


def build_look(
    primary: str, secondary: str, accent: str, text: str, *, mood: str, beat: str, index: int
) -> Look:
    """Colour roles for scene ``index`` of an ad in these brand colours."""
    p, s, a, t = rgb(primary), rgb(secondary), rgb(accent), rgb(text)
    kind = LOOKS.get(mood, "bright")
    # primary and secondary alternate; a pale accent toned into a field turns every
    # palette's fourth scene the same gold, so the accent stays an accent
    hero = (p, s)[index % 2]
    if kind != "dark" and float(hero.max() - hero.min()) < 0.08:
        # a grey brand colour at mid lightness is mud: use the accent, or go deep
        chromatic = [c for c in (s, a) if float(c.max() - c.min()) >= 0.15]
        hero = chromatic[index % len(chromatic)] if chromatic else hero
        kind = kind if chromatic else "dark"
    if beat in DIM_BEATS:
        kind = "dark"
        hero = tone(p, lightness(p), max_sat=0.35)
    if kind == "dark":
        # deep navy, burgundy or forest read rich; deep orange to yellow-green reads as mud
        # (brown, olive), so those go warm charcoal
        field = tone(hero, 0.13, min_sat=0.35, max_sat=0.2 if _muddy(hero) else 1.0)
        other = s if hero is p else p
        field2 = tone(other, 0.24, min_sat=0.45, max_sat=0.2 if _muddy(other) else 1.0)
    elif kind == "light":
        field = tone(hero, 0.94, max_sat=0.6)
        field2 = tone(hero, 0.80, min_sat=0.35)
    else:
        field = tone(hero, 0.44, min_sat=0.6, max_sat=0.85)
        field2 = tone(hero, 0.34, min_sat=0.6, max_sat=0.85)
    white, black = np.ones(3, np.float32), np.full(3, 0.07, np.float32)
    if max(contrast(white, field), contrast(black, field)) < INK_CONTRAST:
        # a mid-tone field (orange, bright red) where neither white nor black words read:
        # warm hues go lighter for black ink (darker they would turn brown), others darker
        field = against(field, black if _muddy(field) else white, INK_CONTRAST)
    ink = white if contrast(white, field) >= contrast(black, field) else black
    # orange to yellow-green hues turn brown or olive when darkened: those panels go a
    # near-neutral charcoal instead of mud
    panel_base = (
        tone(p, 0.2, max_sat=0.2 if _muddy(p) else 1.0) if luminance(t) > 0.4 else tone(p, 0.92)
    )
    if contrast(field, t) >= TEXT_CONTRAST:
        panel_base = field
    panel = against(panel_base, t, TEXT_CONTRAST)
    acc = against(a, field, ACCENT_CONTRAST)
    if abs(lightness(acc) - lightness(a)) > 0.22:
        acc = ink  # the brand accent would turn muddy to stand out here: ink is bolder
    on_accent = white if contrast(white, acc) >= contrast(black, acc) else black
    return Look(kind, field, field2, panel, t, ink, acc, on_accent)

"""Brand colours turned into a working palette for one clip.

The brand gives three colours; a clip needs a dozen roles (two background stops, lights,
lines, fills, an accent, particles). Roles keep the brand's hues and change only lightness
and saturation, so the result stays on-brand while the headline stays readable: light text
gets a deep background and emissive (additive) graphics, dark text a pale one with inked
(painted over) graphics. Mood, visual style and the scene's treatment nudge the numbers.
"""

from __future__ import annotations

import colorsys
from dataclasses import dataclass

import numpy as np

from pipeline.colors import hex_luminance

Color = np.ndarray  # float32, shape (3,), sRGB in [0, 1]

_WARM = np.array([1.0, 0.62, 0.30], dtype=np.float32)
_COOL = np.array([0.35, 0.60, 1.0], dtype=np.float32)
_WHITE = np.ones(3, dtype=np.float32)


def hex_to_rgb(value: str) -> Color:
    """``#RRGGBB`` as a float32 RGB triple in [0, 1]."""
    text = value.lstrip("#")
    return np.array([int(text[i : i + 2], 16) / 255.0 for i in (0, 2, 4)], dtype=np.float32)


def hls(rgb: Color) -> tuple[float, float, float]:
    """Hue, lightness, saturation of ``rgb`` (all in [0, 1])."""
    return colorsys.rgb_to_hls(float(rgb[0]), float(rgb[1]), float(rgb[2]))


def shade(
    rgb: Color,
    lightness: float | None = None,
    *,
    sat: float = 1.0,
    min_sat: float = 0.0,
    max_sat: float = 1.0,
) -> Color:
    """``rgb`` with its lightness set (if given) and saturation scaled then clamped."""
    h, lum, s = hls(rgb)
    if lightness is not None:
        lum = lightness
    # HLS calls a near-white or near-black colour saturated; chroma says it is neutral, and
    # a neutral brand colour must stay neutral rather than be pushed to a loud hue.
    chroma = float(rgb.max() - rgb.min())
    if chroma < 0.15:
        # Greys, creams and near-blacks (chroma < 0.08) stay neutral; soft brand pastels
        # (sage #7A9E7E, chroma 0.14) keep most of their colour instead of turning grey.
        keep = 0.35 * chroma / 0.15
        keep += (1.0 - keep) * max(0.0, (chroma - 0.08) / 0.07)
        s = min(max_sat, s * sat * keep)
    else:
        s = min(max_sat, max(min_sat, s * sat))
    out = colorsys.hls_to_rgb(h, min(1.0, max(0.0, lum)), min(1.0, max(0.0, s)))
    return np.array(out, dtype=np.float32)


def mix(a: Color, b: Color, t: float) -> Color:
    """Linear blend from ``a`` (t=0) to ``b`` (t=1)."""
    return (a + (b - a) * np.float32(t)).astype(np.float32)


@dataclass(frozen=True)
class Treatment:
    """How a scene beat bends the palette: saturation, brightness, temperature (-1..1)."""

    saturation: float = 1.0
    brightness: float = 1.0
    warmth: float = 0.0


@dataclass(frozen=True)
class Palette:
    """Colour roles for one clip. ``emissive``: graphics add light (deep background)."""

    emissive: bool
    bg_top: Color
    bg_bottom: Color
    key: Color
    rim: Color
    line: Color
    fill: Color
    accent: Color
    particle: Color
    glow: Color
    shadow: Color
    grain: float


# The export grade desaturates muted and noir footage again; the palette only leans that way,
# or a rose-and-sage brand ends up as grey smudges (0.62 x 0.72 left 45 % of its colour).
_STYLE_SAT = {"vibrant": 1.2, "muted": 0.85, "noir": 0.7, "warm": 1.0, "cool": 1.0}
_STYLE_WARMTH = {"warm": 0.55, "cool": -0.55}
_MOOD_DEPTH = {  # background lightness (deep, upper) when the background is dark
    "luxury": (0.05, 0.16),
    "calm": (0.10, 0.24),
    "corporate": (0.09, 0.22),
    "upbeat": (0.11, 0.30),
    "energetic": (0.08, 0.26),
    "playful": (0.12, 0.32),
}
_MOOD_GRAIN = {"luxury": 1.6, "calm": 1.2, "corporate": 1.0, "upbeat": 1.2, "energetic": 1.5}


def _temper(rgb: Color, warmth: float) -> Color:
    if warmth == 0.0:
        return rgb
    target = _WARM if warmth > 0 else _COOL
    return mix(rgb, rgb * 0.35 + target * 0.65 * float(rgb.max()), min(0.6, abs(warmth) * 0.35))


def build_palette(
    primary: str,
    secondary: str,
    accent: str,
    text_color: str,
    *,
    mood: str,
    visual_style: str,
    treatment: Treatment,
) -> Palette:
    """The palette for one clip from brand hex colours, mood, style and scene treatment."""
    p, s, a = hex_to_rgb(primary), hex_to_rgb(secondary), hex_to_rgb(accent)
    sat = _STYLE_SAT.get(visual_style, 1.0) * treatment.saturation
    warmth = _STYLE_WARMTH.get(visual_style, 0.0) + treatment.warmth
    bright = treatment.brightness
    emissive = hex_luminance(text_color) >= 0.3

    def tone(rgb: Color, lightness: float, min_sat: float = 0.0, temper: float = 1.0) -> Color:
        shaded = shade(rgb, lightness, sat=sat, min_sat=min_sat * min(1.0, sat))
        return _temper(shaded, warmth * temper)

    if emissive:
        deep, upper = _MOOD_DEPTH.get(mood, (0.09, 0.24))
        return Palette(
            emissive=True,
            bg_bottom=tone(p, deep * bright, 0.35, 0.4),
            bg_top=tone(p, upper * bright, 0.3, 0.4),
            key=tone(s, 0.42 * bright, 0.45),
            rim=tone(a, 0.45 * bright, 0.55),
            line=mix(_WHITE, tone(s, 0.7, 0.4), 0.35) * np.float32(min(1.0, bright + 0.1)),
            fill=tone(mix(p, s, 0.6), 0.5 * bright, 0.35),
            accent=tone(a, 0.58 * min(1.15, bright + 0.05), 0.65),
            particle=mix(tone(a, 0.7, 0.4), _WHITE, 0.35) * np.float32(bright),
            glow=tone(mix(s, a, 0.4), 0.5 * bright, 0.5),
            shadow=np.zeros(3, dtype=np.float32),
            grain=_MOOD_GRAIN.get(mood, 1.3),
        )
    lift = min(1.0, 0.5 + 0.5 * bright)
    return Palette(
        emissive=False,
        bg_bottom=tone(p, 0.80 * lift, 0.25),
        bg_top=tone(mix(p, s, 0.5), 0.93 * lift, 0.2),
        key=mix(_WHITE, tone(s, 0.9, 0.3), 0.3),
        rim=tone(a, 0.85, 0.4),
        line=tone(p, 0.30 * lift, 0.4),
        fill=tone(s, 0.62 * lift, 0.35),
        accent=tone(a, 0.50, 0.6),
        particle=mix(_WHITE, tone(a, 0.85, 0.4), 0.4),
        glow=tone(s, 0.78, 0.4),
        shadow=tone(p, 0.25, 0.3),
        grain=_MOOD_GRAIN.get(mood, 1.2) * 0.8,
    )

"""sRGB colour arithmetic shared by the stages: hex parsing, WCAG luminance and contrast.

One definition of relative luminance for the creative director (dark or light brand
colours), the motion renderer (emissive text colours) and the overlays (measured contrast).
Plain Python on purpose: the stages before drawing (specification, scene plan) run in the
worker process, which never loads numpy (see :mod:`pipeline.drawing`); the per-pixel
versions for frames are in :mod:`pipeline.typography.luma`, built on :func:`linear`.
"""

from __future__ import annotations


def hex_rgb(color: str) -> tuple[int, int, int]:
    """``#RRGGBB`` -> (r, g, b)."""
    c = color.lstrip("#")
    return int(c[0:2], 16), int(c[2:4], 16), int(c[4:6], 16)


def linear(code: int) -> float:
    """sRGB code value (0-255) -> linear light (0-1)."""
    c = code / 255.0
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def hex_luminance(color: str) -> float:
    """Relative luminance (WCAG) of a ``#RRGGBB`` colour: 0 for black, 1 for white."""
    r, g, b = hex_rgb(color)
    return linear(r) * 0.2126 + linear(g) * 0.7152 + linear(b) * 0.0722


def contrast_ratio(l1: float, l2: float) -> float:
    """WCAG contrast ratio (1..21) between two luminances."""
    return (max(l1, l2) + 0.05) / (min(l1, l2) + 0.05)


def color_contrast(a: str, b: str) -> float:
    """Contrast ratio between two hex colours."""
    return contrast_ratio(hex_luminance(a), hex_luminance(b))


def lab(color: str) -> tuple[float, float, float]:
    """CIELAB (D65) of a hex colour: how far apart two colours look is a distance here."""
    r, g, b = (linear(c) for c in hex_rgb(color))
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    fx, fy, fz = f(x), f(y), f(z)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def delta_e(a: str, b: str) -> float:
    """CIE76 colour difference of two hex colours (about 2.3 is just noticeable; under 10
    reads as the same colour at a glance)."""
    la, lb = lab(a), lab(b)
    return sum((p - q) ** 2 for p, q in zip(la, lb, strict=True)) ** 0.5

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

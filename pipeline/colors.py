"""sRGB colour arithmetic shared by the stages: hex parsing, WCAG luminance and contrast.

One definition of relative luminance for the creative director (dark or light brand
colours), the motion renderer (emissive text colours) and the overlays (measured contrast).
"""

from __future__ import annotations

import numpy as np


def hex_rgb(color: str) -> tuple[int, int, int]:
    """``#RRGGBB`` -> (r, g, b)."""
    c = color.lstrip("#")
    return int(c[0:2], 16), int(c[2:4], 16), int(c[4:6], 16)


def _linear(c: np.ndarray) -> np.ndarray:
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


#: sRGB code value (0-255) -> linear light, so per-pixel luminance is a table look-up.
_LINEAR = _linear(np.arange(256) / 255.0)


def luminance(rgb: np.ndarray) -> np.ndarray:
    """WCAG 2 relative luminance of sRGB values (0-255, last axis r, g, b).

    Values are rounded to whole code values first (what a frame can show), which keeps
    the hot path to a table look-up.
    """
    idx = np.clip(np.rint(np.asarray(rgb, dtype=np.float32)), 0, 255).astype(np.intp)
    lin = _LINEAR[idx]
    return lin[..., 0] * 0.2126 + lin[..., 1] * 0.7152 + lin[..., 2] * 0.0722


def hex_luminance(color: str) -> float:
    """Relative luminance (WCAG) of a ``#RRGGBB`` colour: 0 for black, 1 for white."""
    return float(luminance(np.array(hex_rgb(color))))


def contrast(l1: np.ndarray | float, l2: np.ndarray | float) -> np.ndarray:
    """WCAG contrast ratio (1..21) between two luminances."""
    hi, lo = np.maximum(l1, l2), np.minimum(l1, l2)
    return (hi + 0.05) / (lo + 0.05)


def color_contrast(a: str, b: str) -> float:
    """Contrast ratio between two hex colours."""
    return float(contrast(hex_luminance(a), hex_luminance(b)))

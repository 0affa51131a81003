"""Per-pixel WCAG luminance and contrast for frames (numpy), on
:func:`pipeline.media.colors.linear`."""

from __future__ import annotations

import numpy as np

from pipeline.media.colors import linear

#: sRGB code value (0-255) -> linear light, so per-pixel luminance is a table look-up.
_LINEAR = np.array([linear(code) for code in range(256)])


def luminance(rgb: np.ndarray) -> np.ndarray:
    """WCAG 2 relative luminance of sRGB values (0-255, last axis r, g, b).

    Values are rounded to whole code values first (what a frame can show), which keeps
    the hot path to a table look-up.
    """
    idx = np.clip(np.rint(np.asarray(rgb, dtype=np.float32)), 0, 255).astype(np.intp)
    lin = _LINEAR[idx]
    return lin[..., 0] * 0.2126 + lin[..., 1] * 0.7152 + lin[..., 2] * 0.0722


def contrast(l1: np.ndarray | float, l2: np.ndarray | float) -> np.ndarray:
    """WCAG contrast ratio (1..21) between two luminances (arrays or numbers)."""
    hi, lo = np.maximum(l1, l2), np.minimum(l1, l2)
    return (hi + 0.05) / (lo + 0.05)

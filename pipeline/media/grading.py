"""Color grading presets tied to the brand's visual style, as ffmpeg filter chains.

The grade is applied to the footage only, before the text overlays are composited, so brand
colors in the text are never shifted or crushed. Presets are small dataclasses (an effect is
its own configuration) and render to a filter string.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.spec import GradeStyle


@dataclass(frozen=True)
class Grade:
    """A look: eq (contrast, brightness, saturation, gamma) + color balance + vignette."""

    contrast: float = 1.0
    brightness: float = 0.0
    saturation: float = 1.0
    gamma: float = 1.0
    shadows: tuple[float, float, float] = (0.0, 0.0, 0.0)  # r, g, b shift in shadows
    highlights: tuple[float, float, float] = (0.0, 0.0, 0.0)
    vignette: float = 0.0  # angle in radians; 0 = none

    def filter(self) -> str:
        parts = [
            f"eq=contrast={self.contrast:.3f}:brightness={self.brightness:.3f}"
            f":saturation={self.saturation:.3f}:gamma={self.gamma:.3f}"
        ]
        if any(self.shadows) or any(self.highlights):
            rs, gs, bs = self.shadows
            rh, gh, bh = self.highlights
            parts.append(
                f"colorbalance=rs={rs:.3f}:gs={gs:.3f}:bs={bs:.3f}"
                f":rh={rh:.3f}:gh={gh:.3f}:bh={bh:.3f}"
            )
        if self.vignette:
            parts.append(f"vignette=angle={self.vignette:.4f}")
        return ",".join(parts)


PRESETS: dict[str, Grade] = {
    "warm": Grade(
        contrast=1.05, saturation=1.12, shadows=(0.04, 0.0, -0.05), highlights=(0.06, 0.02, -0.06)
    ),
    "cool": Grade(
        contrast=1.06, saturation=1.0, shadows=(-0.04, 0.0, 0.06), highlights=(-0.03, 0.01, 0.05)
    ),
    "vibrant": Grade(contrast=1.08, saturation=1.32, brightness=0.01),
    "muted": Grade(contrast=0.92, saturation=0.72, brightness=0.02, gamma=1.04),
    # Low-key, not black-and-white: half the colour stays so a brand accent (gold on black)
    # still reads, and the gamma lift keeps already-dark footage off the floor.
    "noir": Grade(
        contrast=1.15, saturation=0.5, gamma=1.08, highlights=(0.02, 0.0, -0.03), vignette=0.45
    ),
}


def grade_filter(style: GradeStyle) -> str:
    """The ffmpeg filter chain for a visual style."""
    return PRESETS[style].filter()

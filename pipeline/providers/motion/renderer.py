"""Compose one clip frame by frame: the template's plate, its moving parts, the finish.

:class:`ClipRenderer` does all set-up (design, plate, sprites) in its constructor;
:meth:`ClipRenderer.frame` then only draws. It returns the same reusable uint8 buffer every
call (planar G, B, R) so the caller streams it straight into ffmpeg without a copy.
"""

from __future__ import annotations

import numpy as np

from pipeline.providers.motion.canvas import Canvas
from pipeline.providers.motion.scenes import SceneDesign
from pipeline.providers.motion.templates import template_class

GRAIN_FRAMES = 6
GRAIN = 0.9  # in 8-bit steps: dithers the soft light so gradients never band
LEAD_S = 0.25  # the first frame is already in motion: no empty plate at a cut


class ClipRenderer:
    """Draws the frames of one clip for a :class:`SceneDesign` at ``width`` x ``height``."""

    def __init__(self, design: SceneDesign, width: int, height: int, fps: int) -> None:
        self.design, self.width, self.height, self.fps = design, width, height, fps
        self.canvas = Canvas(width, height)
        self.template = template_class(design.template)(design, width, height)
        self.scale = np.full((height, width), 255.0, dtype=np.float32)
        rng = design.rng(11)
        self.grain = []
        for _ in range(GRAIN_FRAMES):
            noise = rng.random((height, width), dtype=np.float32)
            noise -= rng.random((height, width), dtype=np.float32)
            noise *= np.float32(GRAIN)
            noise += np.float32(0.5)
            self.grain.append(noise)

    def frame(self, index: int) -> np.ndarray:
        """Frame ``index`` as uint8 planes (G, B, R); the buffer is reused by the next call."""
        t = index / self.fps + LEAD_S
        canvas = self.canvas
        np.copyto(canvas.buf, self.template.plate)
        self.template.draw(canvas, t)
        self.template.draw_spare(canvas, t)
        return canvas.finish(self.scale, self.grain[index % GRAIN_FRAMES])

    @staticmethod
    def to_rgb(frame: np.ndarray) -> np.ndarray:
        """An (H, W, 3) RGB copy of a frame from :meth:`frame` (previews, tests)."""
        return np.ascontiguousarray(np.stack([frame[2], frame[0], frame[1]], axis=-1))

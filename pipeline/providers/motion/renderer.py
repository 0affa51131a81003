"""Compose one clip frame by frame: plate, motif, particles, accents, finish.

:class:`ClipRenderer` does all set-up (design, palette, static planes, sprites, motif
layout) in its constructor; :meth:`ClipRenderer.frame` then only draws. It returns the
same reusable uint8 buffer every call (planar G, B, R) so the caller streams it straight
into ffmpeg without a copy.
"""

from __future__ import annotations

import importlib

import numpy as np

from pipeline.providers.motion.ambient import (
    Background,
    Effects,
    Particles,
    calm_rows,
    finish_plane,
    grain_pool,
)
from pipeline.providers.motion.canvas import Canvas
from pipeline.providers.motion.design import ClipDesign, camera_at
from pipeline.providers.motion.motif_base import Motif

_MOTIF_CLASSES = {
    "watch": "motif_watch:WatchMotif",
    "sport": "motif_sport:SportMotif",
    "food": "motif_food:FoodMotif",
    "tech": "motif_tech:TechMotif",
    "beauty": "motif_beauty:BeautyMotif",
    "flow": "motif_flow:FlowMotif",
}


def motif_class(name: str) -> type[Motif]:
    """The class drawing motif ``name``."""
    module, _, cls = _MOTIF_CLASSES[name].partition(":")
    return getattr(importlib.import_module(f"pipeline.providers.motion.{module}"), cls)  # type: ignore[no-any-return]


class ClipRenderer:
    """Draws the frames of one clip for a :class:`ClipDesign` at ``width`` x ``height``."""

    def __init__(self, design: ClipDesign, width: int, height: int, fps: int) -> None:
        self.design, self.width, self.height, self.fps = design, width, height, fps
        self.canvas = Canvas(width, height)
        calm = calm_rows(design, height)
        self.background = Background(design, width, height)
        self.motif = motif_class(design.motif)(design, width, height, calm)
        self.particles = Particles(design, width, height, calm)
        self.effects = Effects(design, width, height, calm)
        self.scale = finish_plane(design, width, height)
        self.grain = grain_pool(design, width, height)

    def frame(self, index: int) -> np.ndarray:
        """Frame ``index`` as uint8 planes (G, B, R); the buffer is reused by the next call."""
        t = index / self.fps
        cam = camera_at(self.design, t, self.width, self.height)
        canvas = self.canvas
        self.background.draw(canvas, t, cam)
        self.motif.draw(canvas, t, cam)
        self.particles.draw(canvas, t, cam)
        self.effects.draw(canvas, t, cam)
        return canvas.finish(self.scale, self.grain[index % len(self.grain)])

    @staticmethod
    def to_rgb(frame: np.ndarray) -> np.ndarray:
        """An (H, W, 3) RGB copy of a frame from :meth:`frame` (previews, tests)."""
        return np.ascontiguousarray(np.stack([frame[2], frame[0], frame[1]], axis=-1))

"""Compose one clip frame by frame: the template's plate, its moving parts, the finish.

:class:`ClipRenderer` does all set-up (design, plate, sprites) in its constructor;
:meth:`ClipRenderer.frame` then only draws. It returns the same reusable uint8 buffer every
call (planar G, B, R) so the caller streams it straight into ffmpeg without a copy.

With several formats the frame is a canvas that covers them all and the template draws in
its *core*, the box every format shows (:mod:`pipeline.formats`); its plate is extended to
the canvas edges (the field, the text band's panel), so each format's crop shows the whole
scene on the brand's field, never a cut object or a black bar.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from pipeline.providers.motion.canvas import Canvas
from pipeline.providers.motion.scenes import SceneDesign
from pipeline.providers.motion.templates import template_class

GRAIN_FRAMES = 6
GRAIN = 0.9  # in 8-bit steps: dithers the soft light so gradients never band
LEAD_S = 0.25  # the first frame is already in motion: no empty plate at a cut


def core_view(canvas: Canvas, x: int, y: int, width: int, height: int) -> Canvas:
    """A canvas drawing into the box (x, y, width, height) of ``canvas`` (shared memory)."""
    view = Canvas.__new__(Canvas)
    view.width, view.height = width, height
    view.buf = canvas.buf[:, y : y + height, x : x + width]
    view._tmp = canvas._tmp  # scratch, sliced to each region's size by the primitives
    view._out = canvas._out
    view.xs = np.arange(width, dtype=np.float32) + np.float32(0.5)
    view.ys = np.arange(height, dtype=np.float32) + np.float32(0.5)
    return view


@lru_cache(maxsize=4)
def grain(width: int, height: int) -> tuple[np.ndarray, ...]:
    """The film grain's frames for one size, shared by every clip drawn at it (read-only):
    a clip's own set held 6 frames of float32 (12 MB at 540x960) beside the other clip drawn
    at the same time. Fixed noise, so the same seed still gives the same pixels."""
    rng = np.random.default_rng(11)
    frames = []
    for _ in range(GRAIN_FRAMES):
        noise = rng.random((height, width), dtype=np.float32)
        noise -= rng.random((height, width), dtype=np.float32)
        noise *= np.float32(GRAIN)
        noise += np.float32(0.5)
        noise.flags.writeable = False
        frames.append(noise)
    return tuple(frames)


class ClipRenderer:
    """Draws the frames of one clip for a :class:`SceneDesign` at ``width`` x ``height``.

    ``core`` (x, y, w, h): the box the template lays the scene out in (default: the frame).
    """

    def __init__(
        self,
        design: SceneDesign,
        width: int,
        height: int,
        fps: int,
        core: tuple[int, int, int, int] | None = None,
    ) -> None:
        self.design, self.width, self.height, self.fps = design, width, height, fps
        x, y, cw, ch = core or (0, 0, width, height)
        x, y = max(0, min(x, width - cw)), max(0, min(y, height - ch))
        self.core = (x, y, min(cw, width), min(ch, height))
        self.canvas = Canvas(width, height)
        self.view = self.canvas if core is None else core_view(self.canvas, *self.core)
        self.template = template_class(design.template)(design, self.core[2], self.core[3])
        plate = self.template.plate
        if plate.shape[1:] != (height, width):  # the field and panel run on to the edges
            pad_y = (self.core[1], height - self.core[3] - self.core[1])
            pad_x = (self.core[0], width - self.core[2] - self.core[0])
            plate = np.pad(plate, ((0, 0), pad_y, pad_x), mode="edge")
        self.plate = np.ascontiguousarray(plate, dtype=np.float32)
        self.grain = grain(width, height)

    def frame(self, index: int) -> np.ndarray:
        """Frame ``index`` as uint8 planes (G, B, R); the buffer is reused by the next call."""
        t = index / self.fps + LEAD_S
        canvas = self.canvas
        np.copyto(canvas.buf, self.plate)
        self.template.draw(self.view, t)
        self.template.draw_spare(self.view, t)
        return canvas.finish(self.grain[index % GRAIN_FRAMES])

    @staticmethod
    def to_rgb(frame: np.ndarray) -> np.ndarray:
        """An (H, W, 3) RGB copy of a frame from :meth:`frame` (previews, tests)."""
        return np.ascontiguousarray(np.stack([frame[2], frame[0], frame[1]], axis=-1))

"""The default, offline video provider: motion design rendered on this machine.

Each scene becomes a designed clip (see :mod:`pipeline.providers.motion`): one of eight
templates (hero spotlight, kinetic type, number callout, checklist, before/after, offer
badge, quote card, end card), objects chosen from an open-licence icon set by the brief's
keywords, and brand colour fields that keep the overlay's text band calm and contrasting.
Frames are drawn with numpy and encoded by the drawing thread itself
(:mod:`pipeline.media.clip_writer`, libx264 through PyAV); nothing holds more than one frame.

Clips are drawn at half the ad's width (540x960 for 1080x1920; icons are rasterised from
their SVG at that size) because export scales every clip to the frame in its one final
pass; flat shapes and type survive a 2x upscale far better than the old 2.5x.
Cost is always 0.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from pipeline.errors import CancelledError, ProviderError
from pipeline.providers import ClipRequest, ClipResult
from pipeline.runtime import memory
from pipeline.runtime.gate import shared as shared_gate
from pipeline.runtime.gate import usable_cores
from pipeline.settings import Settings
from pipeline.spec import FORMAT_SIZES
from pipeline.stages.context import StageContext

if TYPE_CHECKING:
    from pipeline.media.clip_writer import ClipWriter
    from pipeline.providers.motion.renderer import ClipRenderer

DEFAULT_MAX_WIDTH = 540
GATE = "local-renderer"
CHECK_EVERY = 6  # frames between cancel checks (a quarter second of video)


def internal_size(
    width: int, height: int, max_width: int, short: int | None = None
) -> tuple[int, int]:
    """The render size: ``width`` x ``height`` scaled so a frame's short side (``short``,
    default the canvas's own) is at most ``max_width``, both even: 540x960 for 1080x1920,
    960x960 for the 1920x1920 canvas of 9:16 + 16:9 (each format still drawn at half size)."""
    if width < 16 or height < 16:
        raise ProviderError(
            f"A {width}x{height} clip is too small to draw; ask for at least 16x16 pixels.",
            provider=LocalMotionGraphics.name,
        )
    scale = min(1.0, max_width / (short or min(width, height)))
    w = max(16, round(width * scale / 2) * 2)
    h = max(16, round(height * scale / 2) * 2)
    return w, h


def frame_count(duration_s: float, fps: int) -> int:
    """Frames in a clip of ``duration_s`` at ``fps`` (at least one)."""
    return max(1, round(duration_s * fps))


class LocalMotionGraphics:
    """Renders each scene as motion graphics in brand colours; free and offline."""

    name: ClassVar[str] = "local"

    def __init__(
        self,
        settings: Settings,
        *,
        max_width: int = DEFAULT_MAX_WIDTH,
        preset: str = "ultrafast",
        crf: int = 17,
    ) -> None:
        self.settings = settings
        self.max_width = max_width
        self.preset = preset
        self.crf = crf

    def places(self) -> int:
        """Clips drawn at once in this process: the setting, at most one per core.

        Drawing is CPU-bound (numpy, then x264), so a third renderer on two cores only holds
        more frames: measured on one offline generation, 3 at once peaked at 339 MB while the
        clips were drawn and 2 at once at 259 MB, in the same time (the cloud provider keeps
        every parallel request: it waits on the network, not on a core).
        """
        return max(1, min(self.settings.max_parallel_clips, usable_cores()))

    def clip_key(self, request: ClipRequest) -> str:
        """What decides this clip's pixels (pipeline.store.clip_cache): the scene's design (not its
        words, once a storyboard pinned the template and objects), size, frame rate, encoder."""
        from pipeline.providers.motion.scenes import design_key, design_scene

        size = internal_size(request.width, request.height, self.max_width)
        return repr((self.name, size, request.fps, self.preset, self.crf,
                     design_key(design_scene(request))))  # fmt: skip

    def generate(self, request: ClipRequest, dest: Path, ctx: StageContext) -> ClipResult:
        """Render the scene to ``dest`` (H.264 MP4, no audio, the scene's exact length).

        Local renders share one gate per process (:meth:`places`): with several ads at once
        the oldest draws first, so its final encode overlaps the next ad's drawing instead
        of every ad drawing at once and then queueing to encode.
        """
        ctx.check_cancelled()
        gate = shared_gate(GATE, self.places())
        with gate.place(
            rank=ctx.generation_id or 0,
            sub_rank=request.scene.index,
            check=ctx.check_cancelled,
            on_wait=lambda: ctx.report(0.0, "waiting for the renderer (another ad is drawing)"),
        ):
            return self._render(request, dest, ctx)

    def _render(self, request: ClipRequest, dest: Path, ctx: StageContext) -> ClipResult:
        # numpy, Pillow and PyAV load here, not at import: the worker names this provider but
        # draws in a child process (pipeline.runtime.drawing), and should not hold them
        from pipeline.media.clip_writer import ClipWriter
        from pipeline.providers.motion.renderer import ClipRenderer
        from pipeline.providers.motion.scenes import design_scene

        started = time.perf_counter()
        short = None  # a canvas covering several formats: each drawn at half its size
        if len(request.formats) > 1:
            short = min(min(FORMAT_SIZES[f]) for f in request.formats)
        width, height = internal_size(request.width, request.height, self.max_width, short)
        fps = request.fps
        n = frame_count(request.scene.duration_s, fps)
        try:
            renderer = ClipRenderer(
                design_scene(request), width, height, fps, core=_core(request, width)
            )
        except Exception as exc:
            raise ProviderError(
                f"The local renderer could not set up scene {request.scene.index + 1} ({exc}). "
                "Report this with the scene plan, or choose another video provider.",
                provider=self.name,
            ) from exc
        dest.parent.mkdir(parents=True, exist_ok=True)
        part = dest.with_name(f".{dest.stem}.part{dest.suffix}")
        try:
            with ClipWriter(part, width, height, fps, self.preset, self.crf) as writer:
                self._stream(renderer, n, writer, ctx)
            os.replace(part, dest)
        except BaseException:
            part.unlink(missing_ok=True)
            raise
        elapsed = time.perf_counter() - started
        record = renderer.design.record()
        template = renderer.design.template
        del renderer
        memory.trim()
        ctx.report(1.0, f"Scene {request.scene.index + 1} rendered in {elapsed:.1f} s")
        return ClipResult(
            path=dest,
            duration_s=n / fps,
            cost=0.0,
            model=f"motion-graphics:{template}@{width}x{height}",
            details=record,
        )

    def _stream(
        self, renderer: ClipRenderer, n: int, writer: ClipWriter, ctx: StageContext
    ) -> None:
        for index in range(n):
            if index % CHECK_EVERY == 0:
                ctx.check_cancelled()
                ctx.report(index / n, f"Drawing frame {index + 1} of {n}")
            try:
                frame = renderer.frame(index)
            except CancelledError:
                raise
            except Exception as exc:
                raise ProviderError(
                    f"The local renderer failed on frame {index} ({exc}). Report this with "
                    "the scene plan, or choose another video provider.",
                    provider=self.name,
                ) from exc
            writer.write(frame)


def _core(request: ClipRequest, width: int) -> tuple[int, int, int, int] | None:
    """Where the scene is laid out on a canvas covering several formats (None: the frame)."""
    if len(request.formats) <= 1:
        return None
    from pipeline.formats import core_box

    box = core_box(request.formats, (request.width, request.height))
    return box.scaled(width / request.width).even()

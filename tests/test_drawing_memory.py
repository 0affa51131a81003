"""The drawing gives back what the clip renderers freed before the overlays and the mix."""

from __future__ import annotations

import ctypes
import os
import sys
from pathlib import Path

import pytest

from pipeline import drawing, ffmpeg, llm_enhancement, scene_planning
from pipeline.context import StageContext
from pipeline.providers import ClipRequest, ClipResult
from pipeline.settings import Settings
from pipeline.stages import Progress, StageRunner
from tests.fakes import FakeLLM, FakeVideo

PAGE = os.sysconf("SC_PAGE_SIZE")
MB = 1024 * 1024


def _rss() -> int:
    with open("/proc/self/statm", encoding="ascii") as f:
        return int(f.read().split()[1]) * PAGE


class ArenaVideo(FakeVideo):
    """Tiny clips, drawn like the local renderer: many frame buffers in the clip thread's
    heap, freed at the end except one that pins the heap's top (~100 MB left unreturned)."""

    def __init__(self) -> None:
        super().__init__()
        self.libc = ctypes.CDLL("libc.so.6")
        self.libc.malloc.restype = ctypes.c_void_p
        self.libc.free.argtypes = [ctypes.c_void_p]
        self.libc.memset.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_size_t]
        self.held: list[int] = []
        self.after_clips = 0

    def places(self) -> int:
        return 1

    def generate(self, request: ClipRequest, dest: Path, ctx: StageContext) -> ClipResult:
        result = super().generate(request, dest, ctx)
        if request.scene.index == 0:
            blocks = [self.libc.malloc(4096) for _ in range(25_000)]
            for block in blocks:
                self.libc.memset(block, 1, 4096)
            self.held.append(blocks.pop())
            for block in blocks:
                self.libc.free(block)
            self.after_clips = _rss()
        return result


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc_trim")
def test_the_renderers_freed_memory_is_returned_before_the_overlays(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data", output_dir=tmp_path / "out",
                        tts_provider="none", max_parallel_clips=1)  # fmt: skip
    ctx = StageContext(settings=settings, workdir=tmp_path / "work", seed=3,
                       ffmpeg_exe=ffmpeg.find_ffmpeg())  # fmt: skip
    ctx.workdir.mkdir()
    spec = llm_enhancement.run("Cozy coffee shop, first cup free", ctx, FakeLLM()).specification
    plan = scene_planning.run(spec, ctx)
    at_overlays: list[int] = []

    def sink(percent: int, step: str) -> None:
        if step == "Rendering text overlays" and not at_overlays:
            at_overlays.append(_rss())

    video = ArenaVideo()
    runner = StageRunner(1, 3, ctx, Progress(sink))
    drawn = drawing.draw(runner, spec, plan, video, {"enabled": False})
    assert len(drawn.clips) == len(plan.scenes)
    assert video.after_clips and at_overlays
    assert at_overlays[0] < video.after_clips - 60 * MB  # ~100 MB went back to the system

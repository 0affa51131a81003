"""Fake providers for tests: real files, no network, controllable behaviour.

``FakeLLM`` returns a fixed, valid specification. ``FakeVideo`` makes tiny real clips with
ffmpeg (fast) and can be told to fail or to wait until cancelled. Both keep a ``history``.
"""

from __future__ import annotations

import colorsys
import threading
import time
from pathlib import Path
from typing import ClassVar

from pipeline.errors import ProviderError
from pipeline.media import ffmpeg
from pipeline.providers import ClipRequest, ClipResult, LLMResult
from pipeline.spec import AdSpec, AdSpecification, BrandGuidelines, CopyBeat
from pipeline.stages.context import StageContext


def sample_specification(prompt: str = "Create a luxury watch ad for Instagram") -> AdSpecification:
    return AdSpecification(
        prompt=prompt,
        framework="AIDA",
        framework_reason="A launch-style prompt: build attention, then desire.",
        brand=BrandGuidelines(
            brand_name="Aurelius",
            primary_color="#0B1F3A",
            secondary_color="#C9A227",
            accent_color="#F5E6C8",
            font_style="serif",
            tone="refined and confident",
        ),
        ad=AdSpec(
            product="automatic watch",
            product_category="watch",
            target_audience="professionals who value craft",
            mood="luxury",
            visual_style="warm",
            key_benefits=["Swiss movement", "sapphire crystal"],
            call_to_action="Shop the collection",
        ),
        beats=[
            CopyBeat(beat="attention", headline="Time, perfected.", visual="macro of the dial"),
            CopyBeat(beat="interest", headline="Swiss movement inside", visual="gears turning"),
            CopyBeat(beat="desire", headline="Sapphire-clear detail", visual="wrist in light"),
            CopyBeat(beat="action", headline="Shop the collection", visual="watch on velvet"),
        ],
    )


class FakeLLM:
    name: ClassVar[str] = "fake-llm"

    def __init__(self, cost: float = 0.0) -> None:
        self.cost = cost
        self.history: list[str] = []
        self.errors: list[Exception] = []

    def enqueue_error(self, exc: Exception) -> None:
        self.errors.append(exc)

    def enhance(self, prompt: str, ctx: StageContext) -> LLMResult:
        self.history.append(prompt)
        if self.errors:
            raise self.errors.pop(0)
        return LLMResult(sample_specification(prompt), cost=self.cost, model="fake")


def _hex(hue: float, value: float) -> str:
    """An RRGGBB colour of ``hue`` degrees at saturation 0.6 and brightness ``value``."""
    r, g, b = colorsys.hsv_to_rgb((hue % 360) / 360, 0.6, value)
    return f"{round(r * 255):02X}{round(g * 255):02X}{round(b * 255):02X}"


class FakeVideo:
    """Tiny real clips (180x320 moving gradient); ``fail_scene`` / ``block`` for error paths."""

    name: ClassVar[str] = "fake-video"

    def __init__(self, cost: float = 0.0, fail_scene: int | None = None) -> None:
        self.cost = cost
        self.fail_scene = fail_scene
        self.block = threading.Event()  # set() -> generate waits until cancelled
        self.started = threading.Event()
        self.history: list[int] = []
        self._lock = threading.Lock()

    def places(self) -> int:
        return 0  # tiny lavfi clips: nothing to take turns for

    def generate(self, request: ClipRequest, dest: Path, ctx: StageContext) -> ClipResult:
        with self._lock:
            self.history.append(request.scene.index)
        self.started.set()
        while self.block.is_set():  # blocked first: a test decides when a failure happens
            ctx.check_cancelled()
            time.sleep(0.02)
        if self.fail_scene == request.scene.index:
            raise ProviderError("The fake video service is down.", provider=self.name)
        ctx.check_cancelled()
        d = request.scene.duration_s
        hue = (request.scene.index * 70 + request.seed) % 360
        # The gradients source picks random colours unless given: two from the hue keep
        # every run (and the thumbnail's brightness) the same.
        light, dark = _hex(hue, 0.75), _hex(hue + 180, 0.45)
        exe = ctx.ffmpeg_exe or ffmpeg.find_ffmpeg()
        ffmpeg.run(
            exe,
            ["-f", "lavfi",
             "-i", f"gradients=s=180x320:r={request.fps}:d={d}:speed=0.05:seed={hue}"
                   f":n=2:c0=0x{light}:c1=0x{dark}",
             "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", str(dest)],
        )  # fmt: skip
        return ClipResult(path=dest, duration_s=d, cost=self.cost, model="fake-model")

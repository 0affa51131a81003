"""Running stages: milestones, progress, timing, and a stage's work started ahead.

The worker (``pipeline.runtime.orchestrator``) and the drawing process
(``pipeline.runtime.drawing``) run
their stages through the same :class:`StageRunner`: before each stage it checks the cancel
flag, it reports the stage's start and end milestones, times the stage and logs both ends.
Where progress goes is the caller's choice (the generation row in the worker, the pipe to
the worker in the drawing process). Progress milestones: 10 LLM, 20 planning, 20-30 voice,
30-70 clips, 70 overlays, 80 stitching, 90 audio, 95-99 export, 100.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from pipeline.cost_tracking import CostLedger
from pipeline.logs import log_event
from pipeline.runtime import eta
from pipeline.stages.context import StageContext

T = TypeVar("T")


@dataclass(frozen=True)
class Step:
    """One row of the stage table: its progress range, the typed function that does its work
    (``module.function``; ``tests/test_layers.py`` checks every one exists with its input
    and output types), the process it runs in (``worker``: the generation's thread;
    ``drawing``: the drawing child) and what it stores (the row's column, or the work
    folder) so a re-render can start after it when its input is kept."""

    name: str
    label: str
    start: int
    end: int
    function: str
    process: str = "worker"
    stores: str = ""


#: The stage table, in order. A storyboard render (``Generation.planned``) starts at
#: ``voice``: the specification and the plan are already on its row.
STEPS = {
    s.name: s
    for s in (
        Step("llm_enhancement", "Writing the ad specification", 0, 10,
             "pipeline.stages.llm_enhancement.run", stores="llm_specification"),
        Step("scene_planning", "Planning the scenes", 10, 20,
             "pipeline.stages.scene_planning.run", stores="scene_plan"),
        Step("voice", "Speaking the voice-over", 20, 30,
             "pipeline.voice.stage.run", "drawing", "voice"),
        Step("video_generation", "Generating video clips", 30, 70,
             "pipeline.stages.video_generation.run", "drawing", "clips"),
        Step("overlays", "Rendering text overlays", 70, 80,
             "pipeline.stages.format_renders.text_layers", "drawing", "workdir/overlays"),
        Step("stitching", "Stitching clips with crossfades", 80, 90,
             "pipeline.stages.format_renders.timeline", "drawing"),
        Step("audio", "Mixing music and sound effects", 90, 95,
             "pipeline.voice.audio_stage.run", "drawing", "audio_mix"),
        Step("export", "Encoding the final video", 95, 99,
             "pipeline.stages.format_exports.export_all", stores="videos (and their spans)"),
    )
}  # fmt: skip


class Progress:
    """Hands (percent, step) to ``sink``, from any thread, only when it visibly changes.

    The percent never goes down (a wait or a late report keeps the highest one reached); a
    stage's reports are worded by :func:`pipeline.runtime.eta.step_text`, so the step moves forward.
    """

    def __init__(self, sink: Callable[[int, str], None]) -> None:
        self._sink = sink
        self._lock = threading.Lock()
        self._last: tuple[int, str] = (-1, "")

    def set(self, percent: float, step: str) -> None:
        with self._lock:
            value = (max(int(percent), self._last[0]), step)
            if value == self._last:
                return
            self._last = value
            self._sink(*value)

    def reporter(self, step: Step) -> Callable[[float, str], None]:
        def report(fraction: float, message: str) -> None:
            fraction = min(1.0, max(0.0, fraction))
            words = eta.step_text(step.name, fraction, message or step.label)
            self.set(step.start + (step.end - step.start) * fraction, words)

        return report


class StageRunner:
    """One generation's stages in this process: the context, costs, timings, current stage."""

    def __init__(
        self, generation_id: int, seed: int, ctx: StageContext, progress: Progress
    ) -> None:
        self.id = generation_id
        self.seed = seed
        self.ctx = ctx
        self.progress = progress
        self.ledger = CostLedger(generation_id)
        self.timings: dict[str, float] = {}
        self.stage: str | None = None

    def kept(self, name: str) -> None:
        """A stage whose output is already stored (a storyboard's spec and plan): no work,
        its end milestone reported, a zero timing recorded."""
        step = STEPS[name]
        self.ctx.check_cancelled()
        self.timings[name] = 0.0
        self.progress.set(step.end, step.label)
        log_event("stage_kept", step.label, stage=name, generation_id=self.id)

    def stage_run(
        self, name: str, fn: Callable[[StageContext], T], early: Early[Any] | None = None
    ) -> T:
        """Check cancel, mark the stage started, run it, record timing and progress.

        ``early``: the stage's work was started ahead on that thread and ``fn`` collects it;
        the work's own time is recorded, not the wait for it.
        """
        step = STEPS[name]
        self.stage = name
        self.ctx.check_cancelled()
        self.progress.set(step.start, step.label)
        log_event("stage_started", step.label, stage=name, generation_id=self.id)
        started = time.perf_counter()
        result = fn(self.ctx.with_report(self.progress.reporter(step)))
        waited = round(time.perf_counter() - started, 3)
        self.timings[name] = early.seconds if early is not None else waited
        self.progress.set(step.end, step.label)
        log_event(
            "stage_completed", step.label, stage=name, generation_id=self.id,
            seconds=self.timings[name],
        )  # fmt: skip
        return result


class Early(Generic[T]):
    """A stage's work started before its turn, on its own thread; its stage collects it.

    Its progress is not shown (the row shows the stage in front), cancelling stops it like
    any stage, its error surfaces when its stage collects it (and is reported against that
    stage), and leaving the ``with`` block waits for it, so nothing writes into the temp
    folder after the generation ends.
    """

    def __init__(self, runner: StageRunner, name: str, fn: Callable[[StageContext], T]) -> None:
        self._ctx, self._fn = runner.ctx, fn
        self._pool = ThreadPoolExecutor(1, thread_name_prefix=f"gen-{runner.id}-{name}")
        self._future: Future[T] | None = None
        self.seconds = 0.0  # the work's own time, not the wait

    def _work(self) -> T:
        started = time.perf_counter()
        try:
            return self._fn(self._ctx)
        finally:
            self.seconds = round(time.perf_counter() - started, 3)

    def __enter__(self) -> Early[T]:
        self._future = self._pool.submit(self._work)
        return self

    def result(self) -> T:
        assert self._future is not None, "use Early in a with block"
        return self._future.result()

    def __exit__(self, *exc: object) -> None:
        self._pool.shutdown(wait=True)

"""Places in line for a generation: to run, to draw and to encode, the oldest ad first."""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext

from pipeline.errors import CancelledError
from pipeline.runtime.cancellation import CancelFlag
from pipeline.runtime.gate import shared as shared_gate
from pipeline.runtime.gate import usable_cores
from pipeline.runtime.services import Runtime
from pipeline.runtime.stages import STEPS, StageRunner
from pipeline.store import repository

WAITING_STEP = "Waiting for the encoder (another ad is encoding)"
DRAW_WAITING_STEP = "Waiting for the renderer (another ad is drawing)"
EXPORT_GATE = "final-render"
DRAW_GATE = "drawing-process"
RUN_GATE = "running"


def export_turn(run: StageRunner, runtime: Runtime) -> AbstractContextManager[None]:
    """A final-render place for the ``with`` block: oldest ad first, cancellable while waiting.

    A plain semaphore let whichever waiter polled first encode next, so with several ads
    queued an older one could wait behind newer ones; the shared gate admits by generation
    id, the order the ads were started in.
    """
    gate = shared_gate(EXPORT_GATE, runtime.settings.max_parallel_exports)
    run.stage = "export"  # a cancel while waiting is reported against the export
    return gate.place(
        run.id,
        check=run.ctx.check_cancelled,
        on_wait=lambda: run.progress.set(STEPS["export"].start, WAITING_STEP),
    )


def draw_turn(run: StageRunner, runtime: Runtime) -> AbstractContextManager[None]:
    """A place to draw in a child process, oldest ad first: as many ads at once as the cores
    hold the provider's renderers (one ad on two cores). On a thread the renderer's own
    per-process gate does this; children cannot share it. A provider that waits on a
    service (places 0) does not take turns."""
    places = runtime.video.places()
    if places <= 0:
        return nullcontext()
    gate = shared_gate(DRAW_GATE, max(1, usable_cores() // places))
    run.stage = "video_generation"
    return gate.place(
        run.id,
        check=run.ctx.check_cancelled,
        on_wait=lambda: run.progress.set(STEPS["video_generation"].start, DRAW_WAITING_STEP),
    )


def run_turn(generation_id: int, runtime: Runtime) -> AbstractContextManager[None]:
    """A place to run, oldest ad first, at most ``max_running`` at once in this process;
    while waiting the row shows its place in line, and a cancel ends the wait."""
    flag = CancelFlag(runtime.sessions, generation_id)

    def check() -> None:
        if flag():
            raise CancelledError()

    def show(position: int) -> None:
        with runtime.sessions.begin() as session:
            repository.set_queue_position(session, generation_id, position)
        if runtime.on_progress is not None:
            runtime.on_progress(generation_id, 0, f"Queued - position {position}")

    gate = shared_gate(RUN_GATE, runtime.settings.max_running)
    return gate.place(generation_id, check=check, on_position=show)

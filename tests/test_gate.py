"""The shared render gate: a bounded number of holders, the oldest ad first, cancellable."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from pipeline.errors import CancelledError
from pipeline.runtime.gate import PriorityGate, shared


def _wait_for(predicate, timeout_s: float = 10.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout_s
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


def test_at_most_size_hold_a_place_at_once() -> None:
    gate = PriorityGate(2)
    inside, most = [0], [0]
    lock = threading.Lock()

    def work(rank: int) -> None:
        with gate.place(rank):
            with lock:
                inside[0] += 1
                most[0] = max(most[0], inside[0])
            time.sleep(0.05)
            with lock:
                inside[0] -= 1

    threads = [threading.Thread(target=work, args=(i,)) for i in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert most[0] == 2 and inside[0] == 0 and gate.waiting == 0


def test_waiters_enter_oldest_ad_first_then_by_scene() -> None:
    gate = PriorityGate(1)
    order: list[tuple[int, int]] = []
    entered, release = threading.Event(), threading.Event()

    def holder() -> None:
        with gate.place(0):
            entered.set()
            release.wait(30)

    def waiter(rank: int, scene: int) -> None:
        with gate.place(rank, scene):
            order.append((rank, scene))

    first = threading.Thread(target=holder)
    first.start()
    assert entered.wait(30)
    waiters = []
    for n, (rank, scene) in enumerate([(9, 0), (3, 1), (3, 0), (5, 2)], 1):  # in this order
        waiters.append(threading.Thread(target=waiter, args=(rank, scene)))
        waiters[-1].start()
        _wait_for(lambda: gate.waiting == n)  # noqa: B023 - called before n moves on
    release.set()
    for t in [first, *waiters]:
        t.join(30)
    assert order == [(3, 0), (3, 1), (5, 2), (9, 0)]


def test_a_cancelled_waiter_leaves_the_queue_and_takes_no_place() -> None:
    gate = PriorityGate(1)
    waited = []
    cancel = threading.Event()
    outcome: list[BaseException | None] = []

    def check() -> None:
        if cancel.is_set():
            raise CancelledError()

    def waiter() -> None:
        try:
            with gate.place(1, check=check, on_wait=lambda: waited.append(1)):
                outcome.append(None)
        except CancelledError as exc:
            outcome.append(exc)

    with gate.place(0):
        t = threading.Thread(target=waiter)
        t.start()
        _wait_for(lambda: gate.waiting == 1)
        cancel.set()
        t.join(30)
        assert gate.waiting == 0
    assert waited == [1] and len(outcome) == 1 and isinstance(outcome[0], CancelledError)
    with gate.place(2):  # the place the cancelled waiter never took is free
        pass


def test_the_local_renderer_waits_for_a_place_and_can_be_cancelled_there(
    tmp_path: Path,
) -> None:
    from pipeline.providers.video_local import GATE, LocalMotionGraphics
    from pipeline.settings import Settings
    from pipeline.stages.context import StageContext
    from tests.test_video_local import request

    settings = Settings(data_dir=tmp_path / "data", output_dir=tmp_path / "out")
    provider = LocalMotionGraphics(settings)
    gate = shared(GATE, provider.places())
    cancel = threading.Event()
    said: list[str] = []
    ctx = StageContext(
        settings=settings, workdir=tmp_path, generation_id=7,
        is_cancelled=cancel.is_set, report=lambda f, m: said.append(m),
    )  # fmt: skip
    dest = tmp_path / "clip.mp4"
    errors: list[BaseException] = []

    def render() -> None:
        try:
            provider.generate(request(), dest, ctx)
        except BaseException as exc:
            errors.append(exc)

    held = [gate.place(rank=1) for _ in range(gate.size)]  # older ads hold every place
    for place in held:
        place.__enter__()
    try:
        t = threading.Thread(target=render)
        t.start()
        _wait_for(lambda: bool(said))
        assert said == ["waiting for the renderer (another ad is drawing)"]
        cancel.set()
        t.join(30)
    finally:
        for place in held:
            place.__exit__(None, None, None)
    assert len(errors) == 1 and isinstance(errors[0], CancelledError)
    assert not dest.exists() and list(tmp_path.glob(".*part*")) == []
    assert gate.waiting == 0


def test_a_gate_needs_a_place() -> None:
    with pytest.raises(ValueError, match="at least one place"):
        PriorityGate(0)


def test_the_local_renderer_draws_at_most_one_clip_per_core(tmp_path: Path) -> None:
    """Drawing is CPU-bound: more renderers than cores only hold more frames in memory."""
    import os

    from pipeline.providers.video_local import LocalMotionGraphics
    from pipeline.settings import Settings

    def places(max_parallel_clips: int, cores: set[int]) -> int:
        settings = Settings(
            data_dir=tmp_path / "data", output_dir=tmp_path / "out",
            max_parallel_clips=max_parallel_clips,
        )  # fmt: skip
        seen: list[int] = []

        def look() -> None:  # affinity is per thread: pin only this one
            os.sched_setaffinity(0, cores)
            seen.append(LocalMotionGraphics(settings).places())

        t = threading.Thread(target=look)
        t.start()
        t.join()
        return seen[0]

    first = min(os.sched_getaffinity(0))
    assert places(3, {first}) == 1
    assert places(1, os.sched_getaffinity(0)) == 1
    assert places(3, os.sched_getaffinity(0)) == min(3, len(os.sched_getaffinity(0)))

"""A cap on generations running at once: the rest wait in line, showing their place, and
drawing processes are started only for the ads that run."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pipeline.runtime import drawing, drawing_process, jobs
from pipeline.runtime.services import Runtime, bootstrap
from pipeline.settings import Settings
from pipeline.store import repository
from pipeline.store.users import add_user
from tests.fakes import FakeLLM, FakeVideo

PROMPT = "Create a luxury watch ad for Instagram"


class CountedDrawing(drawing_process.DrawingProcess):
    """The real drawing process (started, then closed), counted; it draws on the worker's
    thread with the fake provider so the test stays quick."""

    lock = threading.Lock()
    alive = 0
    most = 0
    video: FakeVideo

    def __init__(self, generation_id: int) -> None:
        super().__init__(generation_id)
        with CountedDrawing.lock:
            CountedDrawing.alive += 1
            CountedDrawing.most = max(CountedDrawing.most, CountedDrawing.alive)
        self._counted = True

    def draw(
        self,
        runner: Any,
        settings: Settings,
        spec: Any,
        plan: Any,
        voice_request: Any = None,
        reuse: Any = None,
    ) -> Any:  # the real process's signature: a version's earlier clips are passed on too
        return drawing.draw(runner, spec, plan, self.video, voice_request, reuse)

    def close(self) -> int | None:
        code = super().close()
        with CountedDrawing.lock:
            if self._counted:
                self._counted = False
                CountedDrawing.alive -= 1
        return code


@pytest.fixture
def capped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Runtime, FakeVideo]]:
    settings = Settings(data_dir=tmp_path / "data", output_dir=tmp_path / "output", max_running=1)
    video = FakeVideo()
    runtime = bootstrap(settings, llm=FakeLLM(), video=video)
    runtime.draws_apart = True  # a drawing process per running ad, as in production
    CountedDrawing.video, CountedDrawing.alive, CountedDrawing.most = video, 0, 0
    monkeypatch.setattr(drawing_process, "DrawingProcess", CountedDrawing)
    yield runtime, video
    runtime.engine.dispose()


def _status(runtime: Runtime, gid: int, user_id: int) -> dict[str, Any]:
    with runtime.sessions() as session:
        return repository.read_status(session, gid, user_id)


def _wait_for(condition, timeout_s: float = 120.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout_s  # a safety net, not a measurement
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def test_with_a_cap_of_one_the_others_wait_in_line_and_all_complete(
    capped: tuple[Runtime, FakeVideo],
) -> None:
    runtime, video = capped
    with runtime.sessions.begin() as session:
        user_id = add_user(session, "alice", "correct horse battery").id
    video.block.set()
    ids = [jobs.start(runtime, user_id, PROMPT, seed=n) for n in range(3)]
    first, second, third = ids
    assert video.started.wait(120)
    expected = {
        second: ("pending", "Queued - position 1", 1),
        third: ("pending", "Queued - position 2", 2),
    }

    def shown() -> dict[int, tuple[str, str, int | None]]:
        rows = {gid: _status(runtime, gid, user_id) for gid in (second, third)}
        return {g: (r["status"], r["current_step"], r["queue_position"]) for g, r in rows.items()}

    assert _wait_for(lambda: shown() == expected), shown()
    assert _status(runtime, first, user_id)["status"] == "processing"
    assert CountedDrawing.alive == 1

    video.block.clear()
    for gid in ids:
        assert jobs.wait(gid, timeout_s=240)
    for gid in ids:
        status = _status(runtime, gid, user_id)
        assert (status["status"], status["queue_position"]) == ("completed", None)
    assert CountedDrawing.most == 1  # never more drawing processes than ads allowed to run
    assert CountedDrawing.alive == 0


def test_a_queued_generation_can_be_cancelled_before_it_runs(
    capped: tuple[Runtime, FakeVideo],
) -> None:
    runtime, video = capped
    with runtime.sessions.begin() as session:
        user_id = add_user(session, "alice", "correct horse battery").id
    video.block.set()
    running = jobs.start(runtime, user_id, PROMPT, seed=1)
    waiting = jobs.start(runtime, user_id, PROMPT, seed=2)
    assert _wait_for(lambda: _status(runtime, waiting, user_id)["queue_position"] == 1)
    assert jobs.cancel(runtime, user_id, waiting)
    assert jobs.wait(waiting, timeout_s=60)
    status = _status(runtime, waiting, user_id)
    assert (status["status"], status["error"], status["current_step"]) == (
        "failed", "Cancelled by user", "Cancelled",
    )  # fmt: skip
    assert status["started_at"] is None  # it never ran
    jobs.cancel(runtime, user_id, running)
    video.block.clear()
    assert jobs.wait(running, timeout_s=120)
    assert CountedDrawing.most == 1

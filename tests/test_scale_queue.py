"""The app side of the RQ runner against a real Redis: fairness cap, rows waiting in the
queue and recovery, a Redis that does not answer. No worker runs here: rows stay queued."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from redis import Redis

from pipeline.errors import AdstudioError, RateLimitError
from pipeline.runtime import jobs, recovery, rq_runner
from pipeline.runtime.services import Runtime, bootstrap
from pipeline.settings import Settings
from pipeline.store import repository
from pipeline.store.users import add_user
from tests.fakes import FakeLLM, FakeVideo
from tests.scale_servers import redis_clean, redis_url  # noqa: F401 (fixtures)

PROMPT = "Create a luxury watch ad for Instagram"


@pytest.fixture
def app(tmp_path: Path, redis_clean: str) -> Iterator[Runtime]:  # noqa: F811
    settings = Settings(data_dir=tmp_path / "data", output_dir=tmp_path / "output",
                        runner="rq", redis_url=redis_clean)  # type: ignore[arg-type]  # fmt: skip
    runtime = bootstrap(settings, llm=FakeLLM(), video=FakeVideo())
    yield runtime
    runtime.engine.dispose()


def _user(runtime: Runtime, name: str) -> int:
    with runtime.sessions.begin() as session:
        return add_user(session, name, "correct horse battery").id


def _row(runtime: Runtime, gid: int):  # type: ignore[no-untyped-def]
    with runtime.sessions() as session:
        return repository.get_generation(session, gid, None)


def test_one_user_cannot_fill_the_queue_ahead_of_everyone(app: Runtime) -> None:
    ann, ben = _user(app, "ann"), _user(app, "ben")
    ids = [jobs.start(app, ann, PROMPT) for _ in range(3)]
    assert [rq_runner.job_status(app, gid) for gid in ids] == ["queued"] * 3

    with pytest.raises(RateLimitError) as refused:
        jobs.start(app, ann, PROMPT)
    assert str(refused.value) == (
        "You already have 3 ads waiting or being made. Start the next one when one of them "
        "has finished, so everyone's ads keep moving."
    )
    assert jobs.usage(app, ann)[0] == 3  # the refused start took no hourly slot
    assert rq_runner.job_status(app, jobs.start(app, ben, PROMPT)) == "queued"
    jobs.cancel(app, ann, ids[0])  # a cancelled ad frees its place at once
    assert rq_runner.job_status(app, jobs.start(app, ann, PROMPT)) == "queued"


def test_queued_rows_survive_other_processes_until_their_jobs_are_lost(
    app: Runtime,
    redis_clean: str,  # noqa: F811
) -> None:
    ann = _user(app, "ann")
    ids = [jobs.start(app, ann, PROMPT) for _ in range(2)]
    thread_cli = bootstrap(app.settings.model_copy(update={"runner": "thread"}),
                           llm=FakeLLM(), video=FakeVideo())  # fmt: skip
    assert recovery.recover_orphans(thread_cli) == []  # owned by the queue until it expires
    assert recovery.recover_orphans(app) == []  # the jobs are still queued
    thread_cli.engine.dispose()

    Redis.from_url(redis_clean).flushall()  # the queue lost them (a Redis without storage)
    assert recovery.recover_orphans(app) == ids
    row = _row(app, ids[0])
    assert (row.status, row.error) == (
        "failed",
        "Interrupted - the worker stopped. Please try again.",
    )


def test_a_worker_takes_only_rows_still_waiting(app: Runtime) -> None:
    ann = _user(app, "ann")
    gid = jobs.start(app, ann, PROMPT)
    jobs.cancel(app, ann, gid)
    assert rq_runner.take(app, gid) == "failed"  # a worker dequeuing it late: not run
    assert _row(app, gid).error == "Cancelled by user"


def test_a_redis_that_does_not_answer_fails_the_start_with_what_to_do(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data", output_dir=tmp_path / "output", runner="rq",
                        redis_url=f"unix://{tmp_path / 'none.sock'}")  # type: ignore[arg-type]  # fmt: skip
    runtime = bootstrap(settings, llm=FakeLLM(), video=FakeVideo())
    ann = _user(runtime, "ann")
    with pytest.raises(AdstudioError) as failed:
        jobs.start(runtime, ann, PROMPT)
    assert str(failed.value) == rq_runner.QUEUE_DOWN
    with runtime.sessions() as session:
        (row,) = repository.list_generations(session, ann)
    assert (row.status, row.error) == ("failed", rq_runner.QUEUE_DOWN)
    runtime.engine.dispose()


def test_cancel_closes_a_waiting_row_whose_job_redis_lost(
    app: Runtime,
    redis_clean: str,  # noqa: F811
) -> None:
    ann = _user(app, "ann")
    gid = jobs.start(app, ann, PROMPT)
    Redis.from_url(redis_clean).flushall()
    assert jobs.cancel(app, ann, gid)
    row = _row(app, gid)
    assert (row.status, row.error) == ("failed", "Cancelled by user")

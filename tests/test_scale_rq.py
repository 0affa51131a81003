"""Generations as RQ jobs: real Redis, real PostgreSQL, real worker processes.

The app side is this test process (``ADSTUDIO_RUNNER=rq``); the workers are separate
processes (:mod:`tests.scale_servers`) running the same orchestrator with fast fake providers.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from redis import Redis
from rq.job import Job

from pipeline.runtime import jobs, leases, recovery, rq_runner
from pipeline.runtime.services import Runtime, bootstrap
from pipeline.settings import Settings
from pipeline.store import repository
from pipeline.store.db import Generation, User
from pipeline.store.users import add_user
from tests.fakes import FakeLLM, FakeVideo
from tests.scale_servers import (  # noqa: F401 (fixtures)
    postgres_server,
    postgres_url,
    redis_clean,
    redis_url,
    settings_overrides,
    start_worker,
    stop_worker,
    wait_for,
)

PROMPT = "Create a luxury watch ad for Instagram"
CANCELLED = "Cancelled by user"


class Site:
    """One deployment: database + Redis + shared folders, the app's runtime, its workers."""

    def __init__(self, folder: Path, database_url: str, redis: str, **extra: object) -> None:
        self.folder = folder
        self.gate = folder / "gate"
        self.gate.mkdir()
        self.overrides = settings_overrides(folder, database_url, redis, **extra)
        self.settings = Settings(**self.overrides)  # type: ignore[arg-type]
        self.app: Runtime = bootstrap(self.settings, llm=FakeLLM(), video=FakeVideo())
        self.workers: dict[str, object] = {}

    def user(self, name: str) -> int:
        with self.app.sessions.begin() as session:
            return add_user(session, name, "correct horse battery").id

    def worker(self, name: str) -> None:
        self.workers[name] = start_worker(self.overrides, self.gate, name)

    def row(self, gid: int) -> Generation:
        with self.app.sessions() as session:
            return repository.get_generation(session, gid, None)

    def ended(self, gid: int) -> bool:
        return not self.row(gid).is_active

    def hold(self, gid: int, deaf: bool = False) -> None:
        (self.gate / f"hold-{gid}").touch()
        if deaf:
            (self.gate / f"deaf-{gid}").touch()

    def release(self, gid: int) -> None:
        (self.gate / f"hold-{gid}").unlink(missing_ok=True)

    def started(self, gid: int) -> bool:
        return (self.gate / f"started-{gid}").exists()

    def temp_folders(self) -> list[str]:
        root = self.settings.resolved_temp_dir
        return sorted(p.name for p in root.glob("gen-*")) if root.exists() else []

    def close(self) -> None:
        for path in self.gate.glob("hold-*"):
            path.unlink()
        for worker in self.workers.values():
            stop_worker(worker)  # type: ignore[arg-type]
        self.app.engine.dispose()


@pytest.fixture
def pg_site(tmp_path: Path, postgres_url: str, redis_clean: str) -> Iterator[Site]:  # noqa: F811
    site = Site(tmp_path, postgres_url, redis_clean, lease_seconds=2, rq_stop_after_s=1)
    yield site
    site.close()


def _start(site: Site, user_id: int) -> int:
    return jobs.start(site.app, user_id, PROMPT, seed=7)


def test_six_ads_from_three_users_on_two_workers_complete_with_exact_costs(
    pg_site: Site,
) -> None:
    users = [pg_site.user(name) for name in ("ann", "ben", "cat")]
    ids = [_start(pg_site, uid) for uid in users for _ in range(2)]
    with pg_site.app.sessions() as session:  # queued rows are owned by their queue jobs
        tokens = {session.get(Generation, gid).owner_token for gid in ids}  # type: ignore[union-attr]
    assert tokens == {f"rq:adstudio-gen-{gid}" for gid in ids}
    pg_site.worker("w1")
    pg_site.worker("w2")

    assert wait_for(lambda: all(pg_site.ended(gid) for gid in ids), 600)
    rows = [pg_site.row(gid) for gid in ids]
    assert [r.status for r in rows] == ["completed"] * 6, [r.error for r in rows]
    scenes = len(rows[0].scene_plan["scenes"])  # type: ignore[index]
    per_ad = 10_000 + scenes * 20_000  # FakeLLM $0.01 + $0.02 a clip, in micro-dollars
    assert [r.cost_micros for r in rows] == [per_ad] * 6
    with pg_site.app.sessions() as session:
        totals = [session.get(User, uid).total_cost_micros for uid in users]  # type: ignore[union-attr]
    assert totals == [2 * per_ad] * 3
    assert all(Path(r.video_path).stat().st_size > 0 for r in rows)  # type: ignore[arg-type]
    assert {r.owner_token.endswith(leases.WORKER_MARK) for r in rows} == {True}  # type: ignore[union-attr]
    assert wait_for(lambda: pg_site.temp_folders() == [], 30)  # removed just after the row


def test_a_worker_killed_mid_job_fails_its_ad_cleanly_and_the_others_complete(
    pg_site: Site,
) -> None:
    uid = pg_site.user("ann")
    other = pg_site.user("ben")
    pg_site.worker("w1")
    pg_site.worker("w2")
    doomed = _start(pg_site, uid)
    pg_site.hold(doomed)
    assert wait_for(lambda: pg_site.started(doomed))
    horse = pg_site.row(doomed).owner_pid
    redis = Redis.from_url(pg_site.overrides["redis_url"])
    job = Job.fetch(rq_runner.job_id(doomed), connection=redis)
    victim = pg_site.workers[job.worker_name]
    assert (pg_site.settings.resolved_temp_dir / f"gen-{doomed}").is_dir()

    os.kill(victim.pid, signal.SIGKILL)  # type: ignore[attr-defined]
    victim.wait(30)  # type: ignore[attr-defined]
    survivors = [_start(pg_site, other)]

    assert wait_for(lambda: pg_site.ended(doomed), 120)
    row = pg_site.row(doomed)
    assert (row.status, row.error) == ("failed", rq_runner.INTERRUPTED_WORKER)
    assert horse is not None and not leases.pid_alive(horse)  # the horse died with its worker
    assert wait_for(lambda: all(pg_site.ended(gid) for gid in survivors), 300)
    assert [pg_site.row(gid).status for gid in survivors] == ["completed"]
    assert not (pg_site.settings.videos_dir / f"{doomed}.mp4").exists()
    assert not (pg_site.settings.output_dir / "clips" / str(doomed)).exists()
    assert wait_for(lambda: pg_site.temp_folders() == [], 30)  # removed just after the row


def test_cancel_drops_a_queued_job_and_stops_a_running_one(pg_site: Site) -> None:
    uid = pg_site.user("ann")
    pg_site.worker("w1")
    running = _start(pg_site, uid)
    pg_site.hold(running)
    assert wait_for(lambda: pg_site.started(running))
    queued = _start(pg_site, uid)
    assert rq_runner.job_status(pg_site.app, queued) == "queued"

    assert jobs.cancel(pg_site.app, uid, queued)
    row = pg_site.row(queued)
    assert (row.status, row.error) == ("failed", CANCELLED)  # at once: no worker needed
    assert rq_runner.job_status(pg_site.app, queued) == "canceled"

    assert jobs.cancel(pg_site.app, uid, running)  # the provider polls the flag: it stops
    assert wait_for(lambda: pg_site.ended(running), 120)
    assert (pg_site.row(running).status, pg_site.row(running).error) == ("failed", CANCELLED)
    assert not pg_site.started(queued)  # the cancelled queued job never ran
    assert wait_for(lambda: pg_site.temp_folders() == [], 30)


def test_a_worker_that_ignores_the_cancel_is_stopped_and_runs_the_next_ad(
    pg_site: Site,
) -> None:
    uid = pg_site.user("ann")
    pg_site.worker("w1")
    stuck = _start(pg_site, uid)
    pg_site.hold(stuck, deaf=True)  # never checks the flag: only RQ's stop-job ends it
    assert wait_for(lambda: pg_site.started(stuck))

    assert jobs.cancel(pg_site.app, uid, stuck, wait_s=None)  # waits rq_stop_after_s, stops
    assert wait_for(lambda: pg_site.ended(stuck), 120)
    row = pg_site.row(stuck)
    assert (row.status, row.error) == ("failed", CANCELLED)
    assert rq_runner.job_status(pg_site.app, stuck) == "stopped"
    assert wait_for(lambda: pg_site.temp_folders() == [], 30)  # removed just after the row
    nxt = _start(pg_site, uid)  # the worker lives on and takes the next ad
    pg_site.hold(nxt)
    assert wait_for(lambda: pg_site.started(nxt), 60)
    assert pg_site.row(nxt).status == "processing"


def test_a_process_beside_the_workers_leaves_running_and_queued_ads_alone(
    pg_site: Site,
) -> None:
    uid = pg_site.user("ann")
    pg_site.worker("w1")
    running = _start(pg_site, uid)
    pg_site.hold(running)
    assert wait_for(lambda: pg_site.started(running))
    queued = _start(pg_site, uid)

    # A CLI (thread runner, no Redis) and a second app server (rq) start on the same data.
    for runner in ("thread", "rq"):
        other = bootstrap(
            pg_site.settings.model_copy(update={"runner": runner}), llm=FakeLLM(), video=FakeVideo()
        )
        assert recovery.recover_orphans(other) == []
        assert recovery.cleanup_temp(other, older_than=timedelta(0)) == []
        other.engine.dispose()
    assert [pg_site.row(g).status for g in (running, queued)] == ["processing", "pending"]

    assert jobs.cancel(pg_site.app, uid, queued)
    pg_site.release(running)
    assert wait_for(lambda: pg_site.ended(running), 300)
    assert pg_site.row(running).status == "completed", pg_site.row(running).error
    assert Path(pg_site.row(running).video_path or "").is_file()

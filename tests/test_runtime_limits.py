"""The hourly limit counts generations started (deleting an ad frees nothing), and a
generation id is never handed out twice."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from pipeline.errors import RateLimitError
from pipeline.runtime import jobs
from pipeline.runtime.services import Runtime, bootstrap
from pipeline.settings import Settings
from pipeline.store import repository
from pipeline.store.users import add_user
from tests.fakes import FakeLLM, FakeVideo

PROMPT = "Create a luxury watch ad for Instagram"


@pytest.fixture
def limited(tmp_path: Path) -> tuple[Runtime, int]:
    settings = Settings(data_dir=tmp_path / "data", output_dir=tmp_path / "output",
                        rate_limit_per_hour=2)  # fmt: skip
    video = FakeVideo()
    video.block.set()  # every generation waits in its clips until cancelled
    runtime = bootstrap(settings, llm=FakeLLM(), video=video)
    with runtime.sessions.begin() as session:
        return runtime, add_user(session, "alice", "correct horse battery").id


def _start_and_cancel(runtime: Runtime, user_id: int) -> int:
    gid = jobs.start(runtime, user_id, PROMPT, seed=1)
    jobs.cancel(runtime, user_id, gid)
    assert jobs.wait(gid, timeout_s=120)
    return gid


def _delete(runtime: Runtime, user_id: int, gid: int) -> None:
    with runtime.sessions.begin() as session:
        repository.delete_generation(session, gid, user_id)


def test_deleting_an_ad_does_not_give_its_slot_back(limited: tuple[Runtime, int]) -> None:
    runtime, user_id = limited
    first = _start_and_cancel(runtime, user_id)
    second = _start_and_cancel(runtime, user_id)
    _delete(runtime, user_id, first)
    _delete(runtime, user_id, second)
    assert jobs.usage(runtime, user_id) == (2, 2)
    with pytest.raises(RateLimitError, match="limit of 2 generations per hour"):
        jobs.start(runtime, user_id, PROMPT)
    with runtime.sessions() as session:
        assert repository.list_generations(session, user_id) == []
    runtime.engine.dispose()


def test_a_deleted_generations_id_is_never_reused(limited: tuple[Runtime, int]) -> None:
    runtime, user_id = limited
    first = _start_and_cancel(runtime, user_id)
    _delete(runtime, user_id, first)
    second = _start_and_cancel(runtime, user_id)
    assert second > first  # a bookmark or a file named after the old id never points at it
    runtime.engine.dispose()


def test_an_existing_database_gets_its_starts_counted_and_ids_that_are_not_reused(
    tmp_path: Path,
) -> None:
    from pipeline.store import connection
    from tests.old_databases import database_at

    url, old = database_at(tmp_path / "old.db", "0002")
    with old.begin() as conn:
        for n in (1, 2, 3):
            conn.exec_driver_sql(
                "INSERT INTO generations (user_id, prompt, seed, status, progress, current_step,"
                " cancellation_requested, llm_provider, video_provider, cost_micros, created_at,"
                f" updated_at) VALUES (1, 'ad {n}', 0, 'completed', 100, 'Complete', 0, '', '',"
                f" 0, '2026-11-24 10:0{n}:00', '2026-11-24 10:0{n}:00')"
            )
    old.dispose()
    engine = connection.init_db(url)
    with engine.begin() as conn:
        assert conn.execute(text("SELECT count(*) FROM generation_starts")).scalar() == 3
        assert conn.execute(text("SELECT prompt FROM generations ORDER BY id")).scalars().all() == [
            "ad 1", "ad 2", "ad 3",
        ]  # fmt: skip
        conn.execute(text("DELETE FROM generations WHERE id = 3"))
        conn.execute(
            text(
                "INSERT INTO generations (user_id, prompt, seed, status, progress, current_step,"
                " cancellation_requested, llm_provider, video_provider, cost_micros, created_at,"
                " updated_at) VALUES (1, 'ad 4', 0, 'pending', 0, 'Queued', 0, '', '', 0,"
                " '2026-11-24 11:00:00', '2026-11-24 11:00:00')"
            )
        )
        assert conn.execute(text("SELECT max(id) FROM generations")).scalar() == 4
    engine.dispose()

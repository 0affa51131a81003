"""Jobs and the database: prompt rules, the hourly limit, ownership, recovery, exact costs."""

from __future__ import annotations

import threading
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import inspect

from pipeline.errors import InputError, NotFoundError, RateLimitError
from pipeline.runtime import jobs
from pipeline.runtime.services import Runtime, bootstrap
from pipeline.store import repository
from pipeline.store.db import Generation, User, utcnow
from pipeline.store.users import add_user


def _insert(runtime: Runtime, user_id: int, *, status: str = "completed", ago_min: float = 1.0,
            prompt: str = "An earlier ad prompt") -> int:  # fmt: skip
    """A generation row as if started ``ago_min`` minutes ago (its start is counted too)."""
    when = utcnow() - timedelta(minutes=ago_min)
    with runtime.sessions.begin() as session:
        row = Generation(user_id=user_id, prompt=prompt, status=status, created_at=when)
        session.add(row)
        repository.record_start(session, user_id, when)
        session.flush()
        return row.id


@pytest.mark.parametrize(
    ("prompt", "message"),
    [
        ("x" * 9, "too short (9 characters)"),
        ("   \n\t  ", "Please describe the ad"),
        ("x" * 501, "too long (501 characters)"),
        ("  " + "y" * 9 + "   ", "too short (9 characters)"),
    ],
)
def test_bad_prompts_are_refused_with_a_reason(prompt: str, message: str) -> None:
    with pytest.raises(InputError, match=message.replace("(", r"\(").replace(")", r"\)")):
        jobs.validate_prompt(prompt)


@pytest.mark.parametrize(
    "prompt",
    ["x" * 10, "y" * 500, "  Café ad ☕🚀 for Éclat  ", "<script>alert(1)</script> shoe ad",
     "Robert'); DROP TABLE users;-- ad for shoes"],
)  # fmt: skip
def test_good_prompts_are_accepted_and_stored_literally(prompt: str) -> None:
    assert jobs.validate_prompt(prompt) == prompt.strip()


def test_schema_is_created_by_migrations(runtime: Runtime) -> None:
    tables = set(inspect(runtime.engine).get_table_names())
    assert {"users", "generations", "alembic_version"} <= tables


def test_a_database_from_before_the_audio_mix_column_upgrades_and_keeps_its_rows(
    tmp_path: Path,
) -> None:
    from pipeline.store import connection
    from tests.old_databases import database_at

    url, old = database_at(tmp_path / "old.db", "0001")  # the schema the first release shipped
    assert "audio_mix" not in {c["name"] for c in inspect(old).get_columns("generations")}
    old.dispose()
    engine = connection.init_db(url)  # what every start does: upgrade to head
    assert "audio_mix" in {c["name"] for c in inspect(engine).get_columns("generations")}
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT username FROM users").scalars().all() == ["ann"]
    engine.dispose()


def test_eleventh_generation_in_an_hour_is_refused(runtime: Runtime, user_id: int) -> None:
    for minutes in range(10):
        _insert(runtime, user_id, ago_min=55 - minutes)
    _insert(runtime, user_id, ago_min=61)  # outside the rolling hour: does not count
    assert jobs.usage(runtime, user_id) == (10, 10)
    with pytest.raises(RateLimitError, match=r"limit of 10 generations per hour.*in about 5 min"):
        jobs.start(runtime, user_id, "A perfectly fine prompt for an ad")
    with runtime.sessions() as session:
        assert len(repository.list_generations(session, user_id)) == 11  # nothing inserted


def test_users_see_only_their_own_generations(runtime: Runtime, user_id: int) -> None:
    with runtime.sessions.begin() as session:
        bob = add_user(session, "bob", "another good password").id
    mine = _insert(runtime, user_id)
    with runtime.sessions() as session:
        with pytest.raises(NotFoundError, match=f"Generation {mine} not found"):
            repository.get_generation(session, mine, bob)
        with pytest.raises(NotFoundError):
            repository.read_status(session, mine, bob)
        assert repository.list_generations(session, bob) == []
    with pytest.raises(NotFoundError):
        jobs.cancel(runtime, bob, mine)


def test_orphans_are_failed_and_their_temp_files_removed(runtime: Runtime, user_id: int) -> None:
    stuck = _insert(runtime, user_id, status="processing")
    waiting = _insert(runtime, user_id, status="pending")
    done = _insert(runtime, user_id, status="completed")
    temp = runtime.settings.resolved_temp_dir / f"gen-{stuck}"
    (temp / "clips").mkdir(parents=True)
    (temp / "clips" / "scene_00.mp4").write_bytes(b"partial")
    again = bootstrap(runtime.settings, llm=runtime.llm, video=runtime.video)
    with again.sessions() as session:
        for gid in (stuck, waiting):
            row = repository.get_generation(session, gid, user_id)
            assert row.status == "failed"
            assert row.error == "Interrupted - the process running it stopped. Please try again."
        assert repository.get_generation(session, done, user_id).status == "completed"
    assert not temp.exists()


def test_concurrent_completions_add_up_exactly(runtime: Runtime, user_id: int) -> None:
    ids = [_insert(runtime, user_id, status="processing") for _ in range(24)]
    barrier = threading.Barrier(8)

    def complete(chunk: list[int]) -> None:
        barrier.wait()
        for gid in chunk:
            with runtime.sessions.begin() as session:
                repository.complete_generation(
                    session, gid, video_path="v", thumbnail_path="t", duration_s=15.0,
                    cost_breakdown=[
                        {"stage": "video_generation", "provider": "x", "amount": 0.1},
                        {"stage": "llm_enhancement", "provider": "y", "amount": 0.0033},
                    ],
                    stage_timings={},
                )  # fmt: skip

    threads = [threading.Thread(target=complete, args=(ids[i::8],)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    with runtime.sessions() as session:
        user = session.get(User, user_id)
        assert user is not None
        assert user.total_cost_micros == 24 * 103_300
        assert user.total_cost == pytest.approx(2.4792)
        assert {g.status for g in repository.list_generations(session, user_id)} == {"completed"}


def test_cancel_only_applies_to_active_generations(runtime: Runtime, user_id: int) -> None:
    active = _insert(runtime, user_id, status="processing")
    finished = _insert(runtime, user_id, status="completed")
    assert jobs.cancel(runtime, user_id, active) is True
    assert jobs.cancel(runtime, user_id, finished) is False
    with runtime.sessions() as session:
        assert repository.read_status(session, active, user_id)["cancellation_requested"] is True


def test_duplicate_usernames_and_weak_passwords_are_refused(runtime: Runtime, user_id: int) -> None:
    with runtime.sessions.begin() as session:
        with pytest.raises(InputError, match="'alice' is already taken"):
            add_user(session, "alice", "yet another password")
        with pytest.raises(InputError, match="at least 8 characters"):
            add_user(session, "carol", "short")


def test_the_head_read_from_file_names_is_alembics_head() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from pipeline.store import connection

    cfg = Config()
    cfg.set_main_option("script_location", str(connection.MIGRATIONS))
    assert connection.head_revision() == ScriptDirectory.from_config(cfg).get_current_head()


def test_a_start_on_a_current_database_does_not_load_alembic(tmp_path: Path) -> None:
    """The first start migrates; a later start finds the head recorded and opens the
    database without Alembic (which would stay in the worker's memory for its life)."""
    import subprocess
    import sys

    from pipeline.runtime.child import environment

    url = f"sqlite:///{tmp_path / 'a.db'}"
    probe = (
        "import sys; from pipeline.store import connection; "
        f"connection.init_db({url!r}).dispose(); "
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'alembic', 'mako'}))"
    )
    run = [sys.executable, "-c", probe]
    first = subprocess.run(run, capture_output=True, text=True, env=environment(), check=True)
    again = subprocess.run(run, capture_output=True, text=True, env=environment(), check=True)
    assert first.stdout.strip() == "['alembic', 'mako']"
    assert again.stdout.strip() == "[]"

"""The same Alembic migrations on a real PostgreSQL server: lease columns, never-reused ids,
and the status reads of the progress panel and the sweep on indexes."""

from __future__ import annotations

from pathlib import Path

from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import insert, inspect, text

from pipeline.runtime.services import bootstrap
from pipeline.settings import Settings
from pipeline.store import repository
from pipeline.store.connection import init_db
from pipeline.store.db import Generation
from pipeline.store.users import add_user
from tests.fakes import FakeLLM, FakeVideo
from tests.scale_servers import postgres_server, postgres_url  # noqa: F401 (fixtures)

MIGRATIONS = Path(repository.__file__).parent / "migrations"


def _plan(conn, sql: str, **params: object) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(r[0] for r in conn.execute(text(f"EXPLAIN {sql}"), params))


def test_migrations_reach_head_on_postgresql_with_the_lease_columns(
    postgres_url: str,  # noqa: F811
) -> None:
    engine = init_db(postgres_url)
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.connect() as conn:
        version = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    assert version == ScriptDirectory.from_config(cfg).get_current_head()
    columns = {c["name"] for c in inspect(engine).get_columns("generations")}
    assert {"owner_host", "owner_pid", "owner_token", "heartbeat_at", "lease_expires_at",
            "queue_position"} <= columns  # fmt: skip
    assert "generation_starts" in inspect(engine).get_table_names()
    engine.dispose()
    init_db(postgres_url).dispose()  # a second start-up (another server) finds it current


def test_ids_are_never_reused_and_status_reads_use_indexes(
    postgres_url: str,  # noqa: F811
    tmp_path: Path,
) -> None:
    settings = Settings(data_dir=tmp_path / "data", output_dir=tmp_path / "output",
                        database_url=postgres_url)  # fmt: skip
    runtime = bootstrap(settings, llm=FakeLLM(), video=FakeVideo())
    with runtime.sessions.begin() as session:
        uid = add_user(session, "ann", "correct horse battery").id
        session.execute(
            insert(Generation),
            [{"user_id": uid, "prompt": f"ad {i}", "status": "completed"} for i in range(5000)],
        )
    with runtime.sessions.begin() as session:
        last = max(g.id for g in repository.list_generations(session, uid, limit=1))
        repository.delete_generation(session, last, uid)
    with runtime.sessions.begin() as session:
        row = Generation(user_id=uid, prompt="after a delete", status="pending")
        session.add(row)
        session.flush()
        assert row.id == last + 1
    with runtime.engine.connect() as conn:
        conn.execute(text("ANALYZE generations"))
        by_id = _plan(conn, "SELECT status, progress FROM generations WHERE id = :i AND "
                      "user_id = :u", i=last - 7, u=uid)  # fmt: skip
        active = _plan(conn, "SELECT id FROM generations WHERE status IN "
                       "('pending', 'processing')")  # fmt: skip
    assert "generations_pkey" in by_id
    assert "ix_generations_status" in active
    runtime.engine.dispose()


def test_a_lifetime_spend_past_two_thousand_dollars_fits_on_postgresql(
    postgres_url: str,  # noqa: F811
) -> None:
    """Micro-dollars past 2**31 ($2,147.48) overflowed PostgreSQL's 32-bit INTEGER."""
    engine = init_db(postgres_url)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO users (username, name, email, password_hash, total_cost_micros, "
                "created_at, is_admin, disabled) VALUES ('big', '', '', 'x', :m, now(), false, "
                "false)"
            ),
            {"m": 3_000_000_000},  # $3,000.00
        )
        spent = conn.execute(text("SELECT total_cost_micros FROM users")).scalar()
    assert spent == 3_000_000_000
    types = {c["name"]: str(c["type"]) for c in inspect(engine).get_columns("generations")}
    assert types["cost_micros"] == "BIGINT"
    engine.dispose()

"""Migration 0005: a database from before the voice upgrades, keeps its rows, and goes back."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import inspect

from pipeline import db


def _columns(engine: object) -> set[str]:
    return {c["name"] for c in inspect(engine).get_columns("generations")}  # type: ignore[arg-type]


def test_a_database_from_before_the_voice_gains_voice_and_captions_and_keeps_its_rows(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    old = db.make_engine(url)
    cfg = Config()
    cfg.set_main_option("script_location", str(Path(db.__file__).parent / "migrations"))
    with old.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0004")
        conn.exec_driver_sql(
            "INSERT INTO users (username, name, email, password_hash, total_cost_micros, "
            "created_at) VALUES ('ann', '', '', 'x', 0, '2026-11-24 10:00:00')"
        )
    assert not {"voice", "captions"} & _columns(old)
    old.dispose()
    engine = db.init_db(url)  # every start upgrades to head
    assert {"voice", "captions"} <= _columns(engine)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT username FROM users").scalars().all() == ["ann"]
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0004")
    assert not {"voice", "captions"} & _columns(engine)
    engine.dispose()

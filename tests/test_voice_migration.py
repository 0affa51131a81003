"""Migration 0005: a database from before the voice upgrades, keeps its rows, and goes back."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect

from pipeline.store import connection
from tests.old_databases import database_at, migrate


def _columns(engine: object) -> set[str]:
    return {c["name"] for c in inspect(engine).get_columns("generations")}  # type: ignore[arg-type]


def test_a_database_from_before_the_voice_gains_voice_and_captions_and_keeps_its_rows(
    tmp_path: Path,
) -> None:
    url, old = database_at(tmp_path / "old.db", "0004")
    assert not {"voice", "captions"} & _columns(old)
    old.dispose()
    engine = connection.init_db(url)  # every start upgrades to head
    assert {"voice", "captions"} <= _columns(engine)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT username FROM users").scalars().all() == ["ann"]
    migrate(engine, "0004", down=True)
    assert not {"voice", "captions"} & _columns(engine)
    engine.dispose()

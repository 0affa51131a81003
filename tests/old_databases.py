"""A SQLite database as an older release left it: the schema at one Alembic revision and one
user, ``ann`` (id 1), for the tests that check what an upgrade keeps."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy.engine import Engine

from pipeline.store import connection


def migrations() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(Path(connection.__file__).parent / "migrations"))
    return cfg


def migrate(engine: Engine, revision: str, *, down: bool = False) -> None:
    """Upgrade (or downgrade) ``engine``'s database to ``revision``."""
    cfg = migrations()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        (command.downgrade if down else command.upgrade)(cfg, revision)


def database_at(path: Path, revision: str) -> tuple[str, Engine]:
    """The URL and an engine of a new database at ``revision`` holding the user ``ann``."""
    url = f"sqlite:///{path}"
    engine = connection.make_engine(url)
    migrate(engine, revision)
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO users (username, name, email, password_hash, total_cost_micros, "
            "created_at) VALUES ('ann', '', '', 'x', 0, '2026-11-24 10:00:00')"
        )
    return url, engine

"""Opening the database: URL checks, the SQLite file's health, the engine and the upgrade.

:func:`init_db` upgrades the schema (owned by Alembic, ``pipeline/store/migrations``) to head
at start-up. SQLite (WAL, busy timeout, foreign keys) by default; any SQLAlchemy URL works.
A database already at the newest revision is opened without importing Alembic: Alembic, Mako
and Pygments would stay in the worker for its whole life (measured 11.5 MB of RSS, which
no garbage collection or ``malloc_trim`` gives back), for an upgrade that does nothing.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from contextlib import closing
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError

from pipeline.errors import ConfigError

#: The first 16 bytes of every SQLite database file.
SQLITE_HEADER = b"SQLite format 3\x00"
#: How long to wait for a database server to accept a connection (not the OS's ~2 minutes).
CONNECT_TIMEOUT_S = 5.0
MIGRATIONS = Path(__file__).parent / "migrations"
_FIX = "Use e.g. sqlite:///data/adstudio.db or postgresql+psycopg://user:password@host/name."


def _sqlite_path(url: URL) -> Path | None:
    """The file of a SQLite URL; None for in-memory databases and other back ends."""
    if not url.drivername.startswith("sqlite"):
        return None
    db = url.database or ""
    if not db or db == ":memory:" or db.startswith("file:") or url.query.get("mode") == "memory":
        return None
    return Path(db)


def _parse(url: str) -> URL:
    try:
        parsed = make_url(url)
        parsed.get_dialect()
    except NoSuchModuleError:  # before ArgumentError: it is one
        raise ConfigError(
            f"ADSTUDIO_DATABASE_URL names an unknown database kind {make_url(url).drivername!r}. "
            f"{_FIX}"
        ) from None
    except (ArgumentError, ValueError):
        raise ConfigError(f"ADSTUDIO_DATABASE_URL is not a database URL. {_FIX}") from None
    return parsed


def _create_private(path: Path) -> None:
    """Create the SQLite file 0600 in a 0700 folder (it holds password hashes); SQLite gives
    its -wal and -shm files the same mode. An existing file loses its world bits."""
    if not path.parent.is_dir():
        path.parent.mkdir(parents=True, mode=0o700)
    if not path.exists():
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        return
    st = path.stat()
    if st.st_mode & 0o007 and st.st_uid == os.geteuid():
        path.chmod(stat.S_IMODE(st.st_mode) & ~0o007)


def check_sqlite_file(path: Path) -> None:
    """ConfigError unless ``path`` is absent or a sound SQLite database (header, quick_check).

    A zero-byte file would silently become a new, empty database: refused, like garbage.
    """
    if not path.exists():
        return
    advice = "Restore it from a backup, or move it away to start a new database."
    try:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise ConfigError(f"Cannot read the database file {path} ({exc.strerror}).") from None
    if not head:
        raise ConfigError(f"The database file {path} is empty (0 bytes). {advice}")
    if head != SQLITE_HEADER:
        raise ConfigError(f"The database file {path} is not a SQLite database. {advice}")
    try:
        with closing(sqlite3.connect(path, timeout=30)) as conn:
            rows = conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as exc:
        raise ConfigError(f"The database file {path} is damaged ({exc}). {advice}") from None
    if [r[0] for r in rows] != ["ok"]:
        raise ConfigError(f"The database file {path} is damaged ({rows[0][0]}). {advice}")


def make_engine(url: str, *, connect_timeout_s: float = CONNECT_TIMEOUT_S) -> Engine:
    """An engine for ``url``; SQLite gets WAL, a busy timeout and foreign keys.

    A URL that names no known database, or a driver that is not installed, is a
    ConfigError naming ADSTUDIO_DATABASE_URL. Servers get a connect timeout.
    """
    parsed = _parse(url)
    path = _sqlite_path(parsed)
    if parsed.drivername.startswith("sqlite"):
        if path is not None:
            try:
                _create_private(path)
            except OSError as exc:
                raise ConfigError(
                    f"Cannot create the database file {path} ({exc.strerror or exc}). Check "
                    "ADSTUDIO_DATABASE_URL and the folder's permissions."
                ) from None
        engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.close()

        return engine
    connect_args: dict[str, Any] = {}
    if parsed.get_backend_name() == "postgresql":
        connect_args["connect_timeout"] = max(1, round(connect_timeout_s))
    try:
        return create_engine(url, pool_pre_ping=True, connect_args=connect_args)
    except ImportError as exc:
        raise ConfigError(
            f"ADSTUDIO_DATABASE_URL uses {parsed.drivername}, whose driver ({exc.name}) is not "
            "installed. Use sqlite:/// or postgresql+psycopg://, or install that driver."
        ) from None


def _unreachable(url: URL, exc: Exception, timeout_s: float) -> ConfigError:
    """The start-up line for a database server that refused or did not answer."""
    where = f"{url.host or 'localhost'}:{url.port or 'default port'}"
    text = str(getattr(exc, "orig", exc)).lower()
    if "timeout" in text or "timed out" in text:
        why = f"it did not answer within {timeout_s:.0f} s"
    elif "refused" in text:
        why = "the connection was refused"
    elif "password" in text or "authentication" in text:
        why = "it refused the user name or password"
    elif "does not exist" in text:
        why = "the database does not exist; create it first"
    else:
        why = str(getattr(exc, "orig", exc)).strip().splitlines()[0][:160]
    return ConfigError(
        f"Cannot connect to the database at {where} ({why}). Start the server or fix "
        "ADSTUDIO_DATABASE_URL."
    )


def head_revision() -> str:
    """The newest migration's revision, from the files' names (``0010_versions.py`` is
    revision ``0010``; a test holds this equal to what Alembic computes)."""
    return max(p.name[:4] for p in (MIGRATIONS / "versions").glob("[0-9][0-9][0-9][0-9]_*.py"))


def _at_head(conn: Connection) -> bool:
    """Whether the database records the newest revision (no Alembic import needed)."""
    if not inspect(conn).has_table("alembic_version"):
        return False
    found = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    return found == [head_revision()]


def init_db(url: str, *, connect_timeout_s: float = CONNECT_TIMEOUT_S) -> Engine:
    """Create the engine and upgrade the schema to the newest Alembic revision.

    Every way this can fail at start-up (bad URL, missing driver, a SQLite file that is
    empty, not SQLite or damaged, a server that refuses or never answers) is a ConfigError
    of one line.
    """
    parsed = _parse(url)
    path = _sqlite_path(parsed)
    if path is not None:
        check_sqlite_file(path)
    engine = make_engine(url, connect_timeout_s=connect_timeout_s)
    try:
        with engine.begin() as conn:
            if not _at_head(conn):
                _upgrade(conn)
    except OperationalError as exc:
        engine.dispose()
        if path is not None:
            raise ConfigError(
                f"Cannot open the database file {path} ({exc.orig}). Check its folder's "
                "permissions and free space."
            ) from None
        raise _unreachable(parsed, exc, connect_timeout_s) from None
    return engine


def _upgrade(conn: Connection) -> None:
    """Upgrade the schema to head with Alembic, on ``conn`` (inside its transaction)."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = conn
    command.upgrade(cfg, "head")

"""Database: SQLAlchemy 2 models (User with its sessions, sign-in throttles, invitations and
brand kits; Generation).

The schema is owned by Alembic (``pipeline/migrations``); :func:`init_db` upgrades to head
at start-up. SQLite (WAL, busy timeout, foreign keys) by default; any SQLAlchemy URL works.
Money is stored as integer micro-dollars so concurrent additions are exact; ``cost`` and
``total_cost`` are the USD views. Every read that takes a ``user_id`` enforces ownership.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    create_engine,
    event,
)
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from pipeline.errors import ConfigError

MICROS = 1_000_000

STATUSES = ("pending", "processing", "completed", "failed")


def utcnow() -> datetime:
    """Timezone-aware now (stored as UTC)."""
    return datetime.now(UTC)


def to_micros(usd: float) -> int:
    """USD -> integer micro-dollars (rounded)."""
    return round(usd * MICROS)


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    name: Mapped[str] = mapped_column(String(120), default="")
    email: Mapped[str] = mapped_column(String(255), default="")
    password_hash: Mapped[str] = mapped_column(String(255))
    total_cost_micros: Mapped[int] = mapped_column(BigInteger, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    is_admin: Mapped[bool] = mapped_column(Boolean, default=False)
    #: A disabled user cannot sign in, and their sessions stop working.
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)

    generations: Mapped[list[Generation]] = relationship(
        back_populates="user", cascade="all, delete-orphan"
    )

    @property
    def total_cost(self) -> float:
        return self.total_cost_micros / MICROS


class LoginSession(Base):
    """A signed-in browser: the cookie holds the token, the table only its keyed hash."""

    __tablename__ = "sessions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class LoginThrottle(Base):
    """Failed sign-ins for one account name (hashed, so guessed names are not stored)."""

    __tablename__ = "login_throttles"

    name_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    last_failure_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class Invitation(Base):
    """A single-use registration code with an expiry; only the code's hash is stored."""

    __tablename__ = "invitations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_by: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True
    )
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    used_by: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True
    )
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class Generation(Base):
    __tablename__ = "generations"
    # AUTOINCREMENT: an id is never handed out again after its row is deleted.
    __table_args__ = (
        Index("ix_generations_user_created", "user_id", "created_at"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    prompt: Mapped[str] = mapped_column(Text)
    seed: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(16), default="pending", index=True)
    progress: Mapped[int] = mapped_column(Integer, default=0)
    current_step: Mapped[str] = mapped_column(String(200), default="Queued")
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    error_stage: Mapped[str | None] = mapped_column(String(40), nullable=True)
    cancellation_requested: Mapped[bool] = mapped_column(Boolean, default=False)
    llm_provider: Mapped[str] = mapped_column(String(40), default="")
    video_provider: Mapped[str] = mapped_column(String(40), default="")
    llm_specification: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    scene_plan: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    temp_clip_paths: Mapped[list[str] | None] = mapped_column(JSON, nullable=True)
    clips: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON, nullable=True)
    cost_micros: Mapped[int] = mapped_column(BigInteger, default=0)
    cost_breakdown: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON, nullable=True)
    stage_timings: Mapped[dict[str, float] | None] = mapped_column(JSON, nullable=True)
    #: The finished mix: music title and file, sound effects, loudness (no temp path).
    audio_mix: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    #: Asked for: {"enabled", "voice"}; once spoken: engine, voice, seconds, reason, script.
    voice: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    #: The sidecar caption files next to the MP4: {"srt": path, "vtt": path}.
    captions: Mapped[dict[str, str] | None] = mapped_column(JSON, nullable=True)
    #: Asked for: the formats ("9:16", "1:1", ...; None = the prompt's platform's) and the
    #: length in seconds (None = the settings' length).
    formats: Mapped[list[str] | None] = mapped_column(JSON, nullable=True)
    target_duration_s: Mapped[float | None] = mapped_column(Float, nullable=True)
    #: Made: {"9:16": {"video": path, "thumbnail": path}, ...}; the first is also video_path.
    videos: Mapped[dict[str, dict[str, str]] | None] = mapped_column(JSON, nullable=True)
    video_path: Mapped[str | None] = mapped_column(String(500), nullable=True)
    thumbnail_path: Mapped[str | None] = mapped_column(String(500), nullable=True)
    duration_s: Mapped[float | None] = mapped_column(Float, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )
    completed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    #: While waiting for a place to run: 1 = next to start (None once it runs).
    queue_position: Mapped[int | None] = mapped_column(Integer, nullable=True)
    #: The lease (pipeline.leases): which process runs the row, and until when it is trusted.
    owner_host: Mapped[str | None] = mapped_column(String(255), nullable=True)
    owner_pid: Mapped[int | None] = mapped_column(Integer, nullable=True)
    owner_token: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)
    heartbeat_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    lease_expires_at: Mapped[datetime | None] = mapped_column(
        DateTime(timezone=True), nullable=True
    )

    #: Versions (pipeline.versions): a re-render is a row whose ``parent_id`` is the ad's first
    #: row (v1, parent None); ``version`` numbers them. ``planned``: the row was started from a
    #: storyboard, so its specification and plan are already on it and are not written again.
    parent_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    reused_clips: Mapped[int | None] = mapped_column(Integer, nullable=True)
    planned: Mapped[bool | None] = mapped_column(Boolean, nullable=True)

    user: Mapped[User] = relationship(back_populates="generations")

    @property
    def cost(self) -> float:
        return self.cost_micros / MICROS

    @property
    def is_active(self) -> bool:
        return self.status in ("pending", "processing")


#: The first 16 bytes of every SQLite database file.
SQLITE_HEADER = b"SQLite format 3\x00"
#: How long to wait for a database server to accept a connection (not the OS's ~2 minutes).
CONNECT_TIMEOUT_S = 5.0
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


def init_db(url: str, *, connect_timeout_s: float = CONNECT_TIMEOUT_S) -> Engine:
    """Create the engine and upgrade the schema to the newest Alembic revision.

    Every way this can fail at start-up (bad URL, missing driver, a SQLite file that is
    empty, not SQLite or damaged, a server that refuses or never answers) is a ConfigError
    of one line.
    """
    from alembic import command
    from alembic.config import Config

    parsed = _parse(url)
    path = _sqlite_path(parsed)
    if path is not None:
        check_sqlite_file(path)
    engine = make_engine(url, connect_timeout_s=connect_timeout_s)
    cfg = Config()
    cfg.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    except OperationalError as exc:
        engine.dispose()
        if path is not None:
            raise ConfigError(
                f"Cannot open the database file {path} ({exc.orig}). Check its folder's "
                "permissions and free space."
            ) from None
        raise _unreachable(parsed, exc, connect_timeout_s) from None
    return engine


class GenerationStart(Base):
    """One row per generation started: the hourly limit counts these, so deleting an ad
    does not give its slot back."""

    __tablename__ = "generation_starts"
    __table_args__ = (Index("ix_generation_starts_user_started", "user_id", "started_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class BrandKit(Base):
    """A user's saved brand: name, logo, colours, font style and product photos.

    The files live under ``data_dir/brand_kits/<user_id>/<id>/`` (``logo.png``,
    ``photo_N.jpg``); ``photos`` lists their names in order. Every query takes ``user_id``.
    """

    __tablename__ = "brand_kits"
    __table_args__ = (UniqueConstraint("user_id", "name", name="uq_brand_kits_user_name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(60))
    logo: Mapped[str | None] = mapped_column(String(100), nullable=True)
    colors: Mapped[list[str]] = mapped_column(JSON, default=list)  # primary, secondary, accent
    font_style: Mapped[str] = mapped_column(String(16), default="sans")
    photos: Mapped[list[str]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class GenerationBrandKit(Base):
    """The brand kit a generation was started with (the orchestrator reads it)."""

    __tablename__ = "generation_brand_kits"

    generation_id: Mapped[int] = mapped_column(
        ForeignKey("generations.id", ondelete="CASCADE"), primary_key=True
    )
    kit_id: Mapped[int | None] = mapped_column(
        ForeignKey("brand_kits.id", ondelete="SET NULL"), nullable=True
    )

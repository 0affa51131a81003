"""Database: SQLAlchemy 2 models (User with its sessions, sign-in throttles, invitations and
brand kits; Generation).

The schema is owned by Alembic (``pipeline/store/migrations``);
:func:`pipeline.store.connection.init_db` opens the database and upgrades it to head.
Money is stored as integer micro-dollars so concurrent additions are exact; ``cost`` and
``total_cost`` are the USD views. Every read that takes a ``user_id`` enforces ownership.
"""

from __future__ import annotations

from datetime import UTC, datetime
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
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

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
    #: Made: {"9:16": {"video", "thumbnail", "spans", "reused_frames"}, ...}; the first is
    #: also video_path. "spans" let a later version copy what did not change (export_spans).
    videos: Mapped[dict[str, dict[str, Any]] | None] = mapped_column(JSON, nullable=True)
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
    #: The lease (pipeline.runtime.leases): which process runs the row, and until when it
    #: is trusted.
    owner_host: Mapped[str | None] = mapped_column(String(255), nullable=True)
    owner_pid: Mapped[int | None] = mapped_column(Integer, nullable=True)
    owner_token: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)
    heartbeat_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    lease_expires_at: Mapped[datetime | None] = mapped_column(
        DateTime(timezone=True), nullable=True
    )

    #: Versions (pipeline.store.versions): a re-render is a row whose ``parent_id`` is the
    #: ad's first row (v1, parent None); ``version`` numbers them. ``planned``: the row was
    #: started from a storyboard, so its specification and plan are already on it and are not
    #: written again.
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

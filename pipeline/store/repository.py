"""Small repository functions over :mod:`pipeline.store.db`: one idea each, ownership enforced.

Pages, the CLI and the orchestrator go through these instead of writing queries. Functions
that act for a user take ``user_id`` and raise NotFoundError for someone else's row.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, or_, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from pipeline.errors import InputError, NotFoundError
from pipeline.store.db import Generation, GenerationStart, User, to_micros, utcnow


def session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions that keep loaded attributes after commit (rows are read, then shown)."""
    return sessionmaker(engine, expire_on_commit=False)


def as_utc(value: datetime) -> datetime:
    """SQLite returns naive datetimes; they were stored as UTC."""
    return value if value.tzinfo else value.replace(tzinfo=UTC)


# --- users -------------------------------------------------------------------------------


def create_user(
    session: Session, username: str, password_hash: str, *, name: str = "", email: str = ""
) -> User:
    """Insert a user; InputError if the username is taken."""
    username = username.strip()
    if not username:
        raise InputError("A username is required.")
    if get_user(session, username) is not None:
        raise InputError(f"The username {username!r} is already taken. Choose another one.")
    user = User(username=username, password_hash=password_hash, name=name or username, email=email)
    session.add(user)
    session.flush()
    return user


def get_user(session: Session, username: str) -> User | None:
    return session.scalar(select(User).where(User.username == username))


def get_user_by_id(session: Session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise NotFoundError(f"User {user_id} not found.")
    return user


def list_users(session: Session) -> list[User]:
    return list(session.scalars(select(User).order_by(User.username)))


# --- generations -------------------------------------------------------------------------


def get_generation(session: Session, generation_id: int, user_id: int | None) -> Generation:
    """The generation, if it exists and (when ``user_id`` is given) belongs to that user."""
    query = select(Generation).where(Generation.id == generation_id)
    if user_id is not None:
        query = query.where(Generation.user_id == user_id)
    row = session.scalar(query)
    if row is None:
        raise NotFoundError(f"Generation {generation_id} not found.")
    return row


def list_generations(session: Session, user_id: int | None, limit: int = 200) -> list[Generation]:
    """Newest first; all users' rows when ``user_id`` is None (CLI administration)."""
    query = select(Generation).order_by(Generation.created_at.desc(), Generation.id.desc())
    if user_id is not None:
        query = query.where(Generation.user_id == user_id)
    return list(session.scalars(query.limit(limit)))


def read_status(session: Session, generation_id: int, user_id: int) -> dict[str, Any]:
    """The few columns the progress panel polls every 2 s (one indexed row lookup)."""
    row = session.execute(
        select(
            Generation.status,
            Generation.progress,
            Generation.current_step,
            Generation.error,
            Generation.error_stage,
            Generation.started_at,
            Generation.created_at,
            Generation.completed_at,
            Generation.cancellation_requested,
            Generation.queue_position,
        ).where(Generation.id == generation_id, Generation.user_id == user_id)
    ).one_or_none()
    if row is None:
        raise NotFoundError(f"Generation {generation_id} not found.")
    return dict(row._mapping)


def newest_active_generation(session: Session, user_id: int) -> int | None:
    """Id of the user's newest pending/processing generation, if any (resuming a page)."""
    return session.scalar(
        select(Generation.id)
        .where(Generation.user_id == user_id, Generation.status.in_(("pending", "processing")))
        .order_by(Generation.created_at.desc(), Generation.id.desc())
        .limit(1)
    )


def generation_states(
    session: Session, user_id: int, watched: Iterable[int] = ()
) -> list[tuple[int, str, str | None]]:
    """(id, status, error) of the user's running generations and of ``watched`` ones."""
    ids = list(watched)
    rows = session.execute(
        select(Generation.id, Generation.status, Generation.error).where(
            Generation.user_id == user_id,
            or_(Generation.status.in_(("pending", "processing")), Generation.id.in_(ids)),
        )
    )
    return [(int(i), str(status), error) for i, status, error in rows]


def delete_generation(session: Session, generation_id: int, user_id: int) -> Generation:
    """Delete the user's finished generation row; InputError while it still runs.

    The caller removes the files (``failures.remove_outputs``) after the commit.
    """
    row = get_generation(session, generation_id, user_id)
    if row.is_active:
        raise InputError("This generation is still running. Cancel it first, then delete it.")
    session.delete(row)
    return row


def record_start(session: Session, user_id: int, when: datetime | None = None) -> None:
    """Count one generation started by the user (kept when the generation is deleted)."""
    session.add(GenerationStart(user_id=user_id, started_at=when or utcnow()))


def recent_generation_times(session: Session, user_id: int, window: timedelta) -> list[datetime]:
    """When the user started generations inside the rolling window, oldest first.

    Read from the starts log, not the generations: deleting an ad does not free its slot.
    """
    since = utcnow() - window
    times = session.scalars(
        select(GenerationStart.started_at)
        .where(GenerationStart.user_id == user_id, GenerationStart.started_at >= since)
        .order_by(GenerationStart.started_at)
    )
    return [as_utc(t) for t in times]


def set_queue_position(session: Session, generation_id: int, position: int) -> None:
    """Show a waiting generation's place in line (1 = the next to run)."""
    session.execute(
        update(Generation)
        .where(Generation.id == generation_id, Generation.status == "pending")
        .values(
            queue_position=position,
            current_step=f"Queued - position {position}",
            updated_at=utcnow(),
        )
    )


def request_cancel(session: Session, generation_id: int, user_id: int | None) -> bool:
    """Set the cancel flag of an active generation; False if it already finished."""
    row = get_generation(session, generation_id, user_id)
    if not row.is_active:
        return False
    row.cancellation_requested = True
    return True


def is_cancel_requested(session: Session, generation_id: int) -> bool:
    flag = session.scalar(
        select(Generation.cancellation_requested).where(Generation.id == generation_id)
    )
    return bool(flag)


def set_progress(session: Session, generation_id: int, progress: int, step: str) -> None:
    session.execute(
        update(Generation)
        .where(Generation.id == generation_id)
        .values(progress=progress, current_step=step[:200], updated_at=utcnow())
    )


def complete_generation(
    session: Session,
    generation_id: int,
    *,
    video_path: str,
    thumbnail_path: str,
    duration_s: float,
    cost_breakdown: list[dict[str, Any]],
    stage_timings: dict[str, float],
) -> None:
    """Mark completed and add the cost to the user's total in the same transaction.

    The total is incremented in SQL (``total = total + x``), so concurrent completions
    never overwrite each other.
    """
    micros = sum(to_micros(float(entry["amount"])) for entry in cost_breakdown)
    row = session.get(Generation, generation_id)
    if row is None:
        raise NotFoundError(f"Generation {generation_id} not found.")
    session.execute(
        update(Generation)
        .where(Generation.id == generation_id)
        .values(
            status="completed",
            progress=100,
            current_step="Complete",
            video_path=video_path,
            thumbnail_path=thumbnail_path,
            duration_s=duration_s,
            cost_micros=micros,
            cost_breakdown=cost_breakdown,
            stage_timings=stage_timings,
            completed_at=utcnow(),
            updated_at=utcnow(),
        )
    )
    session.execute(
        update(User)
        .where(User.id == row.user_id)
        .values(total_cost_micros=User.total_cost_micros + micros)
    )


def fail_generation(
    session: Session,
    generation_id: int,
    *,
    error: str,
    stage: str | None,
    cost_breakdown: list[dict[str, Any]] | None = None,
    stage_timings: dict[str, float] | None = None,
) -> None:
    """Mark failed with a short user-facing error; money already spent is still charged."""
    micros = sum(to_micros(float(e["amount"])) for e in (cost_breakdown or []))
    row = session.get(Generation, generation_id)
    if row is None:
        return
    session.execute(
        update(Generation)
        .where(Generation.id == generation_id)
        .values(
            status="failed",
            error=error[:1000],
            error_stage=stage,
            current_step="Cancelled" if error == "Cancelled by user" else "Failed",
            queue_position=None,
            cost_micros=micros,
            cost_breakdown=cost_breakdown or [],
            stage_timings=stage_timings or {},
            completed_at=utcnow(),
            updated_at=utcnow(),
        )
    )
    if micros:
        session.execute(
            update(User)
            .where(User.id == row.user_id)
            .values(total_cost_micros=User.total_cost_micros + micros)
        )


def orphaned_generations(session: Session) -> list[Generation]:
    """Rows pending/processing: recovery asks each one's lease whether its owner is gone."""
    return list(
        session.scalars(select(Generation).where(Generation.status.in_(("pending", "processing"))))
    )


def count_generations(session: Session) -> int:
    return int(session.scalar(select(func.count(Generation.id))) or 0)

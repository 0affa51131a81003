"""Versions of an ad: a re-render from an edited storyboard is a new row of the same ad.

The first row of an ad is v1 (``parent_id`` None); each re-render is a row whose
``parent_id`` is that first row's id and whose ``version`` counts on (v2, v3, ...). Every
version is a generation like any other (rate limit, cost, cancel, progress, cleanup,
recovery), with its own MP4, thumbnail and plan; only its owner sees it. A cancelled or
failed re-render leaves the earlier versions as they were. Earlier versions' clips are
handed to the new render, which reuses those whose scene did not change
(:mod:`pipeline.store.clip_cache`); so are their spoken lines (:mod:`pipeline.voice.reuse`).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from pipeline.errors import InputError
from pipeline.spec import Clip
from pipeline.store import repository
from pipeline.store.db import Generation


def root_of(row: Generation) -> int:
    """The id of the ad's first row (v1)."""
    return row.parent_id or row.id


def of_ad(session: Session, root_id: int, user_id: int | None) -> list[Generation]:
    """Every version of the ad whose first row is ``root_id``, v1 first."""
    query = select(Generation).where(or_(Generation.id == root_id, Generation.parent_id == root_id))
    if user_id is not None:
        query = query.where(Generation.user_id == user_id)
    return list(session.scalars(query.order_by(Generation.version, Generation.id)))


def listing(session: Session, generation_id: int, user_id: int | None) -> list[Generation]:
    """The versions of the ad ``generation_id`` belongs to (NotFoundError if not the user's)."""
    row = repository.get_generation(session, generation_id, user_id)
    return of_ad(session, root_of(row), user_id)


def newest(session: Session, generation_id: int, user_id: int | None) -> Generation:
    """The newest finished version of the ad (the one shown by default)."""
    rows = listing(session, generation_id, user_id)
    done = [r for r in rows if r.status == "completed"]
    return (done or rows)[-1]


def next_number(session: Session, root_id: int) -> int:
    """The number the next version of the ad gets."""
    top = session.scalar(
        select(func.max(Generation.version)).where(
            or_(Generation.id == root_id, Generation.parent_id == root_id)
        )
    )
    return int(top or 1) + 1


def _earlier(session: Session, generation_id: int) -> list[Generation]:
    """The ad's other finished versions, newest first (none for a first version)."""
    row = session.get(Generation, generation_id)
    if row is None or row.parent_id is None:
        return []
    return [
        other
        for other in reversed(of_ad(session, row.parent_id, row.user_id))
        if other.id != generation_id and other.status == "completed"
    ]


def earlier_clips(session: Session, generation_id: int) -> list[Clip]:
    """The published clips of the ad's other finished versions, newest version first."""
    out: list[Clip] = []
    for other in _earlier(session, generation_id):
        for record in other.clips or []:
            try:
                out.append(Clip.model_validate(record))
            except ValueError:
                continue  # a row from before clips carried their key
    return out


def earlier_voice(session: Session, generation_id: int) -> list[dict[str, Any]]:
    """The spoken lines (key, text, speech) of the ad's other finished versions, newest
    first, each version's readings that ran long after its lines: a re-render copies those
    it would speak again (:mod:`pipeline.voice.reuse`)."""
    out: list[dict[str, Any]] = []
    for other in _earlier(session, generation_id):
        said = other.voice or {}
        out.extend(
            r for r in [*said.get("lines", []), *said.get("tried", [])] if isinstance(r, dict)
        )
    return out


def earlier_videos(session: Session, generation_id: int) -> dict[str, list[dict[str, Any]]]:
    """Per format, the MP4s of the ad's other finished versions with their spans (newest
    first): the export copies the spans that did not change (:mod:`export_spans`)."""
    out: dict[str, list[dict[str, Any]]] = {}
    for other in _earlier(session, generation_id):
        for name, made in (other.videos or {}).items():
            if isinstance(made, dict) and made.get("spans"):
                out.setdefault(name, []).append(made)
    return out


def reused_voice(row: Generation) -> bool:
    """Whether the version's voice-over was copied from an earlier version (none spoken)."""
    return bool((row.voice or {}).get("reused_voice"))


def reused_frames(row: Generation) -> int:
    """Frames of the first format's video copied from an earlier version, not encoded again."""
    first = next(iter((row.videos or {}).values()), None)
    return int(first.get("reused_frames") or 0) if isinstance(first, dict) else 0


def editable(session: Session, generation_id: int, user_id: int | None) -> Generation:
    """The user's finished version to edit; the same NotFoundError as for a missing ad."""
    row = repository.get_generation(session, generation_id, user_id)
    if row.status != "completed" or not row.llm_specification or not row.scene_plan:
        raise InputError(
            f"Generation {generation_id} is {row.status}; only a finished ad can be edited."
        )
    return row


def summary(row: Generation) -> dict[str, Any]:
    """What a version list shows of one version."""
    return {
        "id": row.id,
        "version": row.version,
        "status": row.status,
        "video_path": row.video_path,
        "thumbnail_path": row.thumbnail_path,
        "reused_clips": row.reused_clips,
        "reused_voice": reused_voice(row),
        "reused_frames": reused_frames(row),
        "created_at": row.created_at.isoformat() if row.created_at else None,
    }

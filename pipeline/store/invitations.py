"""Invitations: single-use registration codes with an expiry, made and revoked by admins.

The code is shown once, when it is made; the table keeps only its SHA-256. Redeeming is one
conditional UPDATE, so two people racing with the same code cannot both use it.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from pipeline.errors import InputError
from pipeline.store.db import Invitation, utcnow
from pipeline.store.repository import as_utc

INVALID = (
    "This invitation cannot be used: it was already used, revoked or has expired. "
    "Ask an administrator for a new one."
)


def _hash(code: str) -> str:
    return hashlib.sha256(code.strip().encode("utf-8")).hexdigest()


def create(
    session: Session, created_by: int | None, days: float, *, now: datetime | None = None
) -> tuple[int, str]:
    """A new invitation valid for ``days``; returns its id and the code (shown only now)."""
    now = now or utcnow()
    code = secrets.token_urlsafe(16)
    row = Invitation(
        code_hash=_hash(code), created_by=created_by, created_at=now,
        expires_at=now + timedelta(days=days),
    )  # fmt: skip
    session.add(row)
    session.flush()
    return row.id, code


def redeem(session: Session, code: str, *, now: datetime | None = None) -> int:
    """Use up the invitation (its id); InputError if it is not valid, for any reason.

    Call it inside the transaction that creates the account, then :func:`credit` the user.
    """
    now = now or utcnow()
    code_hash = _hash(code)
    result = session.execute(
        update(Invitation)
        .where(
            Invitation.code_hash == code_hash,
            Invitation.used_at.is_(None),
            Invitation.revoked_at.is_(None),
            Invitation.expires_at > now,
        )
        .values(used_at=now)
    )
    if getattr(result, "rowcount", 0) != 1:
        raise InputError(INVALID)
    return int(session.scalar(select(Invitation.id).where(Invitation.code_hash == code_hash)) or 0)


def credit(session: Session, invitation_id: int, user_id: int) -> None:
    """Record which account the invitation created."""
    session.execute(
        update(Invitation).where(Invitation.id == invitation_id).values(used_by=user_id)
    )


def revoke(session: Session, invitation_id: int) -> None:
    """An unused invitation stops working."""
    session.execute(
        update(Invitation)
        .where(Invitation.id == invitation_id, Invitation.used_at.is_(None))
        .values(revoked_at=utcnow())
    )


@dataclass(frozen=True)
class InvitationView:
    """An invitation as the admin page lists it."""

    id: int
    created_at: datetime
    expires_at: datetime
    state: str  # "open", "used", "revoked", "expired"


def listing(session: Session, *, now: datetime | None = None) -> list[InvitationView]:
    """Every invitation, newest first, with its state."""
    now = now or utcnow()
    views = []
    for row in session.scalars(select(Invitation).order_by(Invitation.id.desc())):
        expires = as_utc(row.expires_at)
        if row.used_at is not None:
            state = "used"
        elif row.revoked_at is not None:
            state = "revoked"
        elif expires <= now:
            state = "expired"
        else:
            state = "open"
        views.append(InvitationView(row.id, as_utc(row.created_at), expires, state))
    return views

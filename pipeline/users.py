"""User accounts: password rules and bcrypt hashes, registration, the admin's view of users.

Registration is open while only offline providers are in use (they cost nothing) and
invitation-only otherwise; ``ADSTUDIO_REGISTRATION`` forces ``open``, ``invite`` or
``closed``. The first account registered while there is no administrator becomes one.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

import bcrypt
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pipeline import repository
from pipeline.db import Generation, User
from pipeline.errors import InputError, NotFoundError
from pipeline.settings import Settings

MIN_PASSWORD = 8
#: bcrypt reads at most 72 bytes; longer passwords would be cut (bcrypt 5 refuses them).
MAX_PASSWORD_BYTES = 72
USERNAME = re.compile(r"[a-z0-9][a-z0-9._-]{1,31}")
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")

Registration = Literal["open", "invite", "closed"]


def password_problem(password: str) -> str | None:
    """What is wrong with a new password, or None if it is acceptable (app and CLI alike)."""
    if len(password) < MIN_PASSWORD:
        return f"The password must have at least {MIN_PASSWORD} characters."
    if len(password.encode("utf-8")) > MAX_PASSWORD_BYTES:
        return f"The password is too long: keep it under {MAX_PASSWORD_BYTES} bytes."
    if password.isalpha() or password.isdigit():
        return "The password must mix letters with digits or symbols."
    return None


def username_problem(username: str) -> str | None:
    """What is wrong with a new (lower-cased) username, or None."""
    if not USERNAME.fullmatch(username):
        return (
            "Choose a username of 2-32 characters: letters, digits, '.', '_' or '-', "
            "starting with a letter or digit."
        )
    return None


def hash_password(password: str) -> str:
    """A bcrypt hash of ``password``; InputError saying what is wrong if it is not acceptable."""
    problem = password_problem(password)
    if problem:
        raise InputError(problem)
    return bcrypt.hashpw(password.encode("utf-8"), bcrypt.gensalt()).decode("ascii")


def is_password_hash(value: str) -> bool:
    """Whether ``value`` is a bcrypt hash (the CLI's service account has none: no login)."""
    return value.startswith(("$2a$", "$2b$", "$2y$")) and len(value) == 60


def check_password(password: str, password_hash: str) -> bool:
    try:
        return bcrypt.checkpw(password.encode("utf-8"), password_hash.encode("ascii"))
    except ValueError:
        return False


def add_user(
    session: Session,
    username: str,
    password: str,
    *,
    name: str = "",
    email: str = "",
    is_admin: bool = False,
) -> User:
    """Create a login-capable user."""
    user = repository.create_user(
        session, username, hash_password(password), name=name, email=email
    )
    user.is_admin = is_admin
    session.flush()
    return user


def service_user(session: Session, username: str = "cli") -> User:
    """The user the CLI works as when none is named: exists, but cannot log in."""
    user = repository.get_user(session, username)
    if user is None:
        unusable = "!" + secrets.token_hex(16)  # not a bcrypt hash: no password matches
        user = repository.create_user(session, username, unusable, name="Command line")
    return user


# --- registration -----------------------------------------------------------------------


def registration_mode(settings: Settings) -> Registration:
    """Who may create an account now: anyone, holders of an invitation, or nobody."""
    if settings.registration != "auto":
        return settings.registration
    if not settings.allow_registration:  # the older switch, ADSTUDIO_ALLOW_REGISTRATION=false
        return "closed"
    offline = settings.llm_provider == "offline" and settings.video_provider == "local"
    return "open" if offline else "invite"


def register(
    session: Session,
    settings: Settings,
    *,
    username: str,
    password: str,
    repeat: str,
    name: str = "",
    email: str = "",
    invitation: str = "",
) -> User:
    """Create an account from the registration form; InputError says what to fix.

    With an invitation code the account is created whatever the mode, and the code is used
    up in the same transaction; without one, only while registration is open.
    """
    from pipeline import invitations

    username = username.strip().lower()
    email = email.strip()
    problem = username_problem(username) or password_problem(password)
    if problem:
        raise InputError(problem)
    if password != repeat:
        raise InputError("Passwords do not match. Type the same password twice.")
    if email and not EMAIL.fullmatch(email):
        raise InputError("That email address does not look right (name@example.com).")
    if not invitation.strip() and registration_mode(settings) != "open":
        raise InputError("Registration needs an invitation. Ask an administrator for one.")
    invited = invitations.redeem(session, invitation) if invitation.strip() else None
    from pipeline.auth import find_user

    if find_user(session, username) is not None:
        raise InputError(f"The username {username!r} is already taken. Choose another one.")
    first_admin = session.scalar(select(User.id).where(User.is_admin.is_(True)).limit(1)) is None
    user = add_user(session, username, password, name=name.strip(), email=email)
    user.is_admin = first_admin
    if invited is not None:
        invitations.credit(session, invited, user.id)
    session.flush()
    return user


# --- administration ---------------------------------------------------------------------


@dataclass(frozen=True)
class UserUsage:
    """One row of the admin's user table."""

    id: int
    username: str
    name: str
    is_admin: bool
    disabled: bool
    created_at: datetime
    generations: int
    total_cost: float


def usage(session: Session) -> list[UserUsage]:
    """Every login-capable user with their generations and spend, oldest account first."""
    counts: dict[int, int] = {
        user_id: count
        for user_id, count in session.execute(
            select(Generation.user_id, func.count(Generation.id)).group_by(Generation.user_id)
        )
    }
    rows = session.scalars(select(User).order_by(User.id))
    return [
        UserUsage(
            u.id,
            u.username,
            u.name or u.username,
            u.is_admin,
            u.disabled,
            repository.as_utc(u.created_at),
            int(counts.get(u.id, 0)),
            u.total_cost,
        )
        for u in rows
        if is_password_hash(u.password_hash)
    ]


def set_disabled(session: Session, user_id: int, disabled: bool) -> User:
    """Disable (and log out everywhere) or enable a user."""
    from pipeline.auth import revoke_user_sessions

    user = session.get(User, user_id)
    if user is None:
        raise NotFoundError(f"User {user_id} not found.")
    user.disabled = disabled
    if disabled:
        revoke_user_sessions(session, user_id)
    session.flush()
    return user


def month_spend_micros(session: Session, user_id: int, since: datetime) -> int:
    """Micro-dollars the user has used of this month's budget: the recorded cost of the
    ads started since ``since``, and the estimate of those still running (not yet billed)."""
    from pipeline.quote import GenerationQuote

    active = Generation.status.in_(("pending", "processing"))
    mine = (Generation.user_id == user_id, Generation.created_at >= since)
    recorded = session.scalar(
        select(func.coalesce(func.sum(Generation.cost_micros), 0)).where(*mine, ~active)
    )
    reserved = session.scalar(
        select(func.coalesce(func.sum(GenerationQuote.estimate_micros), 0))
        .join(Generation, Generation.id == GenerationQuote.generation_id)
        .where(*mine, active)
    )
    return int(recorded or 0) + int(reserved or 0)

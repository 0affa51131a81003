"""Signing in: throttled password checks and server-side sessions, both in the database.

Throttling is per account name, stored in ``login_throttles`` so it holds across restarts and
servers: each failure makes the next attempt wait longer (``login_delay_s``, doubling), and
``login_max_failures`` failures lock the name for ``login_lockout_minutes``. An attempt is
counted *before* the password is checked, so a burst of parallel guesses cannot slip past the
limit. Unknown names are throttled and answered exactly like known ones.

A sign-in creates a session: a random token for the browser's cookie; the table keeps only
its HMAC (keyed with the cookie key), its expiry and whether logout revoked it.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import secrets
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from pipeline.cookie_key import resolve_cookie_key
from pipeline.errors import InputError, RateLimitError
from pipeline.settings import Settings
from pipeline.store.db import LoginSession, LoginThrottle, User, utcnow
from pipeline.store.repository import as_utc
from pipeline.store.users import check_password, is_password_hash

WRONG_CREDENTIALS = "The username or password is incorrect."
DISABLED = "This account is disabled. Ask an administrator to enable it."
#: Checked when the name is unknown, so a wrong name costs the same time as a wrong password.
_DUMMY_HASH = "$2b$12$BRi9cHvwrWhj62TeamcGxeAbVrsBsHqNY9BQ5CTOxVQ8G6ORw9GHK"
_STALE = timedelta(days=1)


def find_user(session: Session, username: str) -> User | None:
    """The user with this name, ignoring case; the oldest when two differ only by case."""
    return session.scalar(
        select(User)
        .where(func.lower(User.username) == username.strip().lower())
        .order_by(User.id)
        .limit(1)
    )


# --- throttled sign-in ------------------------------------------------------------------


def _name_hash(username: str) -> str:
    return hashlib.sha256(username.strip().lower().encode("utf-8")).hexdigest()


def retry_phrase(wait: timedelta) -> str:
    """'Try again in 14 minutes.' (seconds below a minute, always rounded up)."""
    seconds = max(1, math.ceil(wait.total_seconds()))
    if seconds < 60:
        return f"Try again in {seconds} second{'s' if seconds != 1 else ''}."
    minutes = math.ceil(seconds / 60)
    return f"Try again in {minutes} minute{'s' if minutes != 1 else ''}."


def _throttled(wait: timedelta, retry_at: datetime) -> RateLimitError:
    return RateLimitError(f"Too many failed sign-ins. {retry_phrase(wait)}", retry_at)


def _delay(settings: Settings, failures: int) -> timedelta:
    if failures <= 0 or settings.login_delay_s <= 0:
        return timedelta(0)
    return timedelta(seconds=min(settings.login_delay_s * 2 ** (failures - 1), 300.0))


def _count_attempt(
    sessions: sessionmaker[Session], settings: Settings, key: str, now: datetime
) -> int:
    """Record one attempt for ``key`` (refusing it while throttled); the attempt's number."""
    lockout = timedelta(minutes=settings.login_lockout_minutes)
    with sessions.begin() as session:
        session.execute(
            delete(LoginThrottle).where(
                LoginThrottle.last_failure_at < now - max(_STALE, lockout),
                LoginThrottle.name_hash != key,
            )
        )
        row = session.get(LoginThrottle, key)
        if row is None:
            try:
                with session.begin_nested():
                    session.add(LoginThrottle(name_hash=key, failures=0, last_failure_at=now))
            except IntegrityError:  # another server added it meanwhile
                pass
            row = session.get(LoginThrottle, key, populate_existing=True)
            assert row is not None
        if row.locked_until is not None:
            until = as_utc(row.locked_until)
            if until > now:
                raise _throttled(until - now, until)
            row.failures, row.locked_until = 0, None
            session.flush()
        ready_at = as_utc(row.last_failure_at) + _delay(settings, row.failures)
        if row.failures and ready_at > now:
            raise _throttled(ready_at - now, ready_at)
        session.execute(
            update(LoginThrottle)
            .where(LoginThrottle.name_hash == key)
            .values(failures=LoginThrottle.failures + 1, last_failure_at=now)
        )
        count = int(
            session.scalar(select(LoginThrottle.failures).where(LoginThrottle.name_hash == key))
            or 0
        )
        if count > settings.login_max_failures:  # parallel guesses beyond the limit
            until = now + lockout
            session.execute(
                update(LoginThrottle)
                .where(LoginThrottle.name_hash == key)
                .values(locked_until=until)
            )
            raise _throttled(lockout, until)
        return count


def sign_in(
    sessions: sessionmaker[Session],
    settings: Settings,
    username: str,
    password: str,
    *,
    now: datetime | None = None,
) -> User:
    """The user these credentials name, or an InputError to show (throttled, wrong, disabled)."""
    now = now or utcnow()
    key = _name_hash(username)
    count = _count_attempt(sessions, settings, key, now)
    with sessions() as session:
        user = find_user(session, username) if username.strip() else None
        usable = user is not None and is_password_hash(user.password_hash)
        ok = check_password(password, user.password_hash if usable and user else _DUMMY_HASH)
    if ok and user is not None and usable:
        with sessions.begin() as session:
            session.execute(delete(LoginThrottle).where(LoginThrottle.name_hash == key))
        if user.disabled:
            raise InputError(DISABLED)
        return user
    if count >= settings.login_max_failures:
        lockout = timedelta(minutes=settings.login_lockout_minutes)
        with sessions.begin() as session:
            session.execute(
                update(LoginThrottle)
                .where(LoginThrottle.name_hash == key)
                .values(locked_until=now + lockout)
            )
        raise _throttled(lockout, now + lockout)
    raise InputError(WRONG_CREDENTIALS)


# --- sessions ---------------------------------------------------------------------------


def _token_hash(settings: Settings, token: str) -> str:
    key = resolve_cookie_key(settings).encode("utf-8")
    return hmac.new(key, token.encode("utf-8"), hashlib.sha256).hexdigest()


def create_session(
    session: Session, settings: Settings, user_id: int, *, now: datetime | None = None
) -> str:
    """A new session for the user; returns the token for the cookie (never stored)."""
    now = now or utcnow()
    session.execute(  # ended sessions are kept a day (for the log), then dropped
        delete(LoginSession).where(
            (LoginSession.expires_at < now - _STALE) | (LoginSession.revoked_at < now - _STALE)
        )
    )
    token = secrets.token_urlsafe(32)
    session.add(
        LoginSession(
            user_id=user_id,
            token_hash=_token_hash(settings, token),
            created_at=now,
            expires_at=now + timedelta(days=settings.cookie_expiry_days),
        )
    )
    session.flush()
    return token


def user_for_token(
    session: Session, settings: Settings, token: str, *, now: datetime | None = None
) -> User | None:
    """The user of a live session (not revoked, not expired, user not disabled), or None."""
    if not token or len(token) > 200:
        return None
    now = now or utcnow()
    row = session.scalar(
        select(LoginSession).where(LoginSession.token_hash == _token_hash(settings, token))
    )
    if row is None or row.revoked_at is not None or as_utc(row.expires_at) <= now:
        return None
    user = session.get(User, row.user_id)
    return None if user is None or user.disabled else user


def revoke_session(session: Session, settings: Settings, token: str) -> None:
    """Log this session out: its cookie no longer signs anyone in."""
    session.execute(
        update(LoginSession)
        .where(LoginSession.token_hash == _token_hash(settings, token))
        .where(LoginSession.revoked_at.is_(None))
        .values(revoked_at=utcnow())
    )


def revoke_user_sessions(session: Session, user_id: int) -> int:
    """Log the user out everywhere (disabling an account); returns how many were live."""
    result = session.execute(
        update(LoginSession)
        .where(LoginSession.user_id == user_id, LoginSession.revoked_at.is_(None))
        .values(revoked_at=utcnow())
    )
    return int(getattr(result, "rowcount", 0) or 0)

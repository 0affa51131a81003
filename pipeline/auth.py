"""Login accounts for the web app, kept in the database.

streamlit-authenticator works on a credentials dict (``{"usernames": {name: {...}}}``) that it
mutates: it lower-cases usernames, and ``register_user`` adds the new user with a bcrypt hash.
:func:`credentials_from_db` builds that dict from the ``users`` table; after a registration
:func:`save_registration` copies the new entry back into the table. Nothing here imports
Streamlit, so the same rules serve the CLI and the tests.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pipeline import repository
from pipeline.db import User
from pipeline.errors import InputError


def _is_bcrypt(password_hash: str) -> bool:
    return password_hash.startswith(("$2a$", "$2b$", "$2y$")) and len(password_hash) == 60


def credentials_from_db(session: Session) -> dict[str, Any]:
    """The authenticator's credentials dict for every user who can log in.

    Users without a bcrypt hash (the CLI's service account) are left out, so no one can log
    in as them. Keys are lower-cased like the authenticator does; when two usernames differ
    only by case, the older account keeps the name.
    """
    usernames: dict[str, dict[str, Any]] = {}
    for user in session.scalars(select(User).order_by(User.id)):
        key = user.username.lower()
        if key in usernames or not _is_bcrypt(user.password_hash):
            continue
        first, _, last = (user.name or user.username).partition(" ")
        usernames[key] = {
            "email": user.email or "",
            "first_name": first,
            "last_name": last,
            "password": user.password_hash,
            "roles": None,
        }
    return {"usernames": usernames}


def save_registration(session: Session, credentials: dict[str, Any], username: str) -> User:
    """Store the user the authenticator just added to ``credentials``; returns the row.

    Raises InputError when the name was taken meanwhile (another server, the CLI).
    """
    entry = credentials.get("usernames", {}).get(username)
    if entry is None or not _is_bcrypt(str(entry.get("password", ""))):
        raise InputError("The registration was not completed. Please try again.")
    if find_user(session, username) is not None:
        raise InputError(f"The username {username!r} is already taken. Choose another one.")
    name = f"{entry.get('first_name', '')} {entry.get('last_name', '')}".strip()
    return repository.create_user(
        session, username, entry["password"], name=name, email=entry.get("email") or ""
    )


def find_user(session: Session, username: str) -> User | None:
    """The user with this name, ignoring case (the authenticator lower-cases names).

    Picks the oldest match, the same account :func:`credentials_from_db` lets log in.
    """
    return session.scalar(
        select(User)
        .where(func.lower(User.username) == username.strip().lower())
        .order_by(User.id)
        .limit(1)
    )

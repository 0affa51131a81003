"""User accounts: bcrypt password hashes (the format streamlit-authenticator checks)."""

from __future__ import annotations

import secrets

import bcrypt
from sqlalchemy.orm import Session

from pipeline import repository
from pipeline.db import User
from pipeline.errors import InputError

MIN_PASSWORD = 8


def hash_password(password: str) -> str:
    """A bcrypt hash of ``password``; InputError if it is too weak to accept."""
    if len(password) < MIN_PASSWORD:
        raise InputError(f"The password must have at least {MIN_PASSWORD} characters.")
    return bcrypt.hashpw(password.encode("utf-8"), bcrypt.gensalt()).decode("ascii")


def check_password(password: str, password_hash: str) -> bool:
    try:
        return bcrypt.checkpw(password.encode("utf-8"), password_hash.encode("ascii"))
    except ValueError:
        return False


def add_user(
    session: Session, username: str, password: str, *, name: str = "", email: str = ""
) -> User:
    """Create a login-capable user."""
    return repository.create_user(
        session, username, hash_password(password), name=name, email=email
    )


def service_user(session: Session, username: str = "cli") -> User:
    """The user the CLI works as when none is named: exists, but cannot log in."""
    user = repository.get_user(session, username)
    if user is None:
        unusable = "!" + secrets.token_hex(16)  # not a bcrypt hash: no password matches
        user = repository.create_user(session, username, unusable, name="Command line")
    return user

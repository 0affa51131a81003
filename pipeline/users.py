"""User accounts: bcrypt password hashes (the format streamlit-authenticator checks)."""

from __future__ import annotations

import secrets

import bcrypt
from sqlalchemy.orm import Session

from pipeline import repository
from pipeline.db import User
from pipeline.errors import InputError

MIN_PASSWORD = 8
#: bcrypt reads at most 72 bytes; longer passwords would be cut (bcrypt 5 refuses them).
MAX_PASSWORD_BYTES = 72


def password_problem(password: str) -> str | None:
    """What is wrong with a new password, or None if it is acceptable (app and CLI alike)."""
    if len(password) < MIN_PASSWORD:
        return f"The password must have at least {MIN_PASSWORD} characters."
    if len(password.encode("utf-8")) > MAX_PASSWORD_BYTES:
        return f"The password is too long: keep it under {MAX_PASSWORD_BYTES} bytes."
    if password.isalpha() or password.isdigit():
        return "The password must mix letters with digits or symbols."
    return None


def hash_password(password: str) -> str:
    """A bcrypt hash of ``password``; InputError saying what is wrong if it is not acceptable."""
    problem = password_problem(password)
    if problem:
        raise InputError(problem)
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

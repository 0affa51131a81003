"""The key that signs the login cookie: from settings, or random and kept in the data folder.

There is no default constant: a key shipped in source would let anyone forge a login cookie.
When ``ADSTUDIO_COOKIE_KEY`` is not set, the first start writes 32 random bytes (URL-safe
text) to ``<data_dir>/cookie_key`` with mode 600; later starts, and every server sharing the
data folder, read the same key, so cookies survive restarts.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from pipeline.errors import ConfigError
from pipeline.settings import Settings

KEY_FILE = "cookie_key"
MIN_KEY_CHARS = 32


def cookie_key_path(settings: Settings) -> Path:
    """Where the generated key lives."""
    return settings.data_dir / KEY_FILE


def resolve_cookie_key(settings: Settings) -> str:
    """The cookie signing key: the setting if given, else the stored (or a new) random key."""
    if settings.cookie_key is not None:
        value = settings.cookie_key.get_secret_value()
        if len(value) < MIN_KEY_CHARS:
            raise ConfigError(
                f"ADSTUDIO_COOKIE_KEY is too short ({len(value)} characters). Use at least "
                f"{MIN_KEY_CHARS} random characters, or unset it to have one generated."
            )
        return value
    path = cookie_key_path(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    existing = _read(path)
    if existing is not None:
        return existing
    key = secrets.token_urlsafe(32)
    tmp = path.with_name(f".{KEY_FILE}.{secrets.token_hex(4)}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(key)
    try:
        # A hard link appears complete or not at all, and fails if the name exists: when two
        # servers start together exactly one key wins and both use it.
        os.link(tmp, path)
    except FileExistsError:
        existing = _read(path)
        if existing is None:
            raise ConfigError(f"{path} is empty. Delete it and restart.") from None
        return existing
    finally:
        tmp.unlink(missing_ok=True)
    return key


def _read(path: Path) -> str | None:
    """The stored key, or None if there is none yet; tightens loose file permissions."""
    try:
        text = path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(
            f"Cannot read the cookie key file {path} ({type(exc).__name__}). "
            "Fix its permissions or delete it to have a new key generated."
        ) from None
    if not text:
        return None
    if len(text) < MIN_KEY_CHARS:
        raise ConfigError(
            f"The cookie key in {path} is too short. Delete the file and restart to get a new one."
        )
    if path.stat().st_mode & 0o077:
        path.chmod(0o600)
    return text

"""Provider keys from ``.streamlit/secrets.toml``, and scrubbing them out of text.

Streamlit deployments keep keys in ``.streamlit/secrets.toml``. The pipeline never imports
Streamlit, so the file is read here as plain TOML and turned into :class:`Settings`
overrides. The environment wins over the file: a variable that is set is never replaced.

    overrides = secrets_overrides(Path(".streamlit/secrets.toml"), os.environ)
    settings = load_settings(**overrides)
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path

from pydantic import SecretStr

from pipeline.errors import ConfigError

DEFAULT_SECRETS_FILE = Path(".streamlit/secrets.toml")

#: secrets.toml key (either spelling) -> Settings field.
_KEYS: dict[str, str] = {
    "OPENAI_API_KEY": "openai_api_key",
    "OPENAI_BASE_URL": "openai_base_url",
    "REPLICATE_API_TOKEN": "replicate_api_token",
    "REPLICATE_BASE_URL": "replicate_base_url",
    "PEXELS_API_KEY": "pexels_api_key",
}
_SECRET_FIELDS = {"openai_api_key", "replicate_api_token", "pexels_api_key"}


def secrets_overrides(
    path: Path = DEFAULT_SECRETS_FILE, environ: Mapping[str, str] | None = None
) -> dict[str, object]:
    """Settings overrides for the provider keys found at the top level of ``path``.

    Accepts ``OPENAI_API_KEY`` or ``ADSTUDIO_OPENAI_API_KEY`` (likewise for the base URL and
    the Replicate token). Keys already present in ``environ`` are left to the environment.
    A missing file gives no overrides; an unreadable one raises ConfigError.
    """
    environ = environ or {}
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        # The parser's message can quote a line of the file, and that line may be a key.
        raise ConfigError(
            f"{path} is not valid TOML ({type(exc).__name__}). Fix the file or remove it."
        ) from None
    overrides: dict[str, object] = {}
    for name, field in _KEYS.items():
        names = (name, f"ADSTUDIO_{name}")
        if any(n in environ for n in names):
            continue
        value = next((data[n] for n in names if isinstance(data.get(n), str) and data[n]), None)
        if value is None:
            continue
        overrides[field] = SecretStr(value) if field in _SECRET_FIELDS else value
    return overrides


def redact(text: str, secrets: Iterable[SecretStr | str | None]) -> str:
    """``text`` with every non-trivial secret value replaced by ``***``."""
    for secret in secrets:
        value = secret.get_secret_value() if isinstance(secret, SecretStr) else secret
        if value and len(value) >= 4:
            text = text.replace(value, "***")
    return text

"""Provider keys from .streamlit/secrets.toml, and redaction."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import SecretStr

from pipeline.errors import ConfigError
from pipeline.secrets import redact, secrets_overrides
from pipeline.settings import load_settings


def test_keys_in_secrets_toml_become_settings_and_stay_secret(tmp_path: Path) -> None:
    path = tmp_path / "secrets.toml"
    path.write_text(
        'OPENAI_API_KEY = "sk-from-file-1234"\n'
        'ADSTUDIO_REPLICATE_API_TOKEN = "r8_from-file-5678"\n'
        'OPENAI_BASE_URL = "http://localhost:11434/v1"\n'
        "[other]\nOPENAI_API_KEY = 'ignored: not top level'\n"
    )

    overrides = secrets_overrides(path, environ={})
    settings = load_settings(**overrides)

    assert settings.openai_api_key is not None
    assert settings.openai_api_key.get_secret_value() == "sk-from-file-1234"
    assert settings.replicate_api_token == SecretStr("r8_from-file-5678")
    assert settings.openai_base_url == "http://localhost:11434/v1"
    assert "sk-from-file-1234" not in repr(settings) + str(overrides)


def test_the_environment_wins_over_the_file(tmp_path: Path) -> None:
    path = tmp_path / "secrets.toml"
    path.write_text('OPENAI_API_KEY = "from-file"\nREPLICATE_API_TOKEN = "from-file-too"\n')

    overrides = secrets_overrides(path, environ={"ADSTUDIO_OPENAI_API_KEY": "from-env"})

    assert set(overrides) == {"replicate_api_token"}


def test_no_file_means_no_overrides_and_a_broken_one_is_named(tmp_path: Path) -> None:
    assert secrets_overrides(tmp_path / "missing.toml", environ={}) == {}
    broken = tmp_path / "secrets.toml"
    broken.write_text('OPENAI_API_KEY = "sk-unterminated\n')

    with pytest.raises(ConfigError) as caught:
        secrets_overrides(broken, environ={})

    assert str(caught.value).startswith(f"{broken} is not valid TOML")
    assert "sk-unterminated" not in str(caught.value)


def test_redact_replaces_every_secret_value() -> None:
    text = "key sk-abcdef used twice: sk-abcdef; token r8_xyz1"
    assert redact(text, [SecretStr("sk-abcdef"), "r8_xyz1", None, ""]) == (
        "key *** used twice: ***; token ***"
    )

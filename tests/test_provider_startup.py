"""Start-up with the cloud providers chosen: one clear message for missing keys, keys from
.streamlit/secrets.toml, and keys that never reach the terminal, the log file or the database."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.errors import ConfigError
from pipeline.runtime.services import bootstrap
from pipeline.settings import Settings
from tests.cloud_fakes import OPENAI_KEY, REPLICATE_TOKEN

ROOT = Path(__file__).resolve().parents[1]
KEY_VARS = (
    "OPENAI_API_KEY", "ADSTUDIO_OPENAI_API_KEY", "OPENAI_BASE_URL", "ADSTUDIO_OPENAI_BASE_URL",
    "REPLICATE_API_TOKEN", "ADSTUDIO_REPLICATE_API_TOKEN", "REPLICATE_BASE_URL",
    "ADSTUDIO_REPLICATE_BASE_URL",
)  # fmt: skip
MISSING_BOTH = (
    "The OpenAI LLM provider needs an API key. Set OPENAI_API_KEY (or add it to "
    ".streamlit/secrets.toml; any non-empty value for a local server), or use the offline "
    "creative director with ADSTUDIO_LLM_PROVIDER=offline. "
    "The Replicate video provider needs an API token. Set REPLICATE_API_TOKEN (or add it to "
    ".streamlit/secrets.toml), or use the offline generator with ADSTUDIO_VIDEO_PROVIDER=local."
)


def _cli(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``python -m pipeline ...`` from ``cwd`` (where .streamlit/secrets.toml is looked for)."""
    env = {k: v for k, v in os.environ.items() if k not in KEY_VARS}
    env.update(
        PYTHONPATH=str(ROOT),
        ADSTUDIO_DATA_DIR=str(cwd / "data"),
        ADSTUDIO_OUTPUT_DIR=str(cwd / "output"),
        ADSTUDIO_LLM_PROVIDER="openai",
        ADSTUDIO_VIDEO_PROVIDER="replicate",
    )
    return subprocess.run(
        [sys.executable, "-m", "pipeline", *args], cwd=cwd, env=env,
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def test_bootstrap_names_every_missing_key_in_one_message(tmp_path: Path) -> None:
    settings = Settings(
        data_dir=tmp_path / "data", output_dir=tmp_path / "output",
        llm_provider="openai", video_provider="replicate",
        openai_api_key=None, replicate_api_token=None,
    )  # fmt: skip

    with pytest.raises(ConfigError) as caught:
        bootstrap(settings)

    assert str(caught.value) == MISSING_BOTH
    assert not (tmp_path / "data" / "adstudio.db").exists()  # refused before touching the DB


def test_the_cli_prints_that_message_and_exits_1(tmp_path: Path) -> None:
    result = _cli(tmp_path, "list")

    assert result.returncode == 1
    assert result.stderr == f"error: {MISSING_BOTH}\n"


def test_keys_from_secrets_toml_start_the_cli_and_appear_nowhere(tmp_path: Path) -> None:
    secrets = tmp_path / ".streamlit" / "secrets.toml"
    secrets.parent.mkdir()
    secrets.write_text(
        f'OPENAI_API_KEY = "{OPENAI_KEY}"\nREPLICATE_API_TOKEN = "{REPLICATE_TOKEN}"\n'
    )

    result = _cli(tmp_path, "users", "list")

    assert result.returncode == 0, result.stderr
    assert (tmp_path / "data" / "adstudio.db").is_file()
    written = [p for p in (tmp_path / "data").rglob("*") if p.is_file()]
    for key in (OPENAI_KEY, REPLICATE_TOKEN):
        assert key not in result.stdout + result.stderr
        assert not any(key.encode() in p.read_bytes() for p in written)

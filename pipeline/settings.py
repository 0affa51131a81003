"""One settings object, read from the environment (prefix ``ADSTUDIO_``) when built.

Nothing here runs at import time: call :func:`load_settings` (or ``Settings()``) once at
start-up and pass the object down. Provider SDK variables keep their own names
(``OPENAI_API_KEY``, ``OPENAI_BASE_URL``, ``REPLICATE_API_TOKEN``, ``REPLICATE_BASE_URL``).
Keys are :class:`SecretStr`: they never appear in ``repr``, logs or pages.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AliasChoices, Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict, SettingsError

from pipeline.errors import ConfigError

DEFAULT_VIDEO_MODELS = (
    "minimax/video-01",
    "kwaivgi/kling-v1.6-standard",
    "runwayml/gen4-turbo",
)


class Settings(BaseSettings):
    """All configuration of Adstudio. Field ``x`` is read from ``ADSTUDIO_X``."""

    model_config = SettingsConfigDict(
        env_prefix="ADSTUDIO_", extra="ignore", populate_by_name=True, frozen=True
    )

    # Storage
    data_dir: Path = Path("data")
    database_url: str | None = None  # default: sqlite file under data_dir
    output_dir: Path = Path("output")
    temp_dir: Path | None = None  # default: data_dir / "tmp"

    # Providers
    llm_provider: str = "offline"
    video_provider: str = "local"
    llm_model: str = "gpt-4o-2024-08-06"
    video_models: Annotated[tuple[str, ...], NoDecode] = DEFAULT_VIDEO_MODELS
    openai_api_key: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("ADSTUDIO_OPENAI_API_KEY", "OPENAI_API_KEY")
    )
    openai_base_url: str | None = Field(
        default=None, validation_alias=AliasChoices("ADSTUDIO_OPENAI_BASE_URL", "OPENAI_BASE_URL")
    )
    replicate_api_token: SecretStr | None = Field(
        default=None,
        validation_alias=AliasChoices("ADSTUDIO_REPLICATE_API_TOKEN", "REPLICATE_API_TOKEN"),
    )
    replicate_base_url: str | None = Field(
        default=None,
        validation_alias=AliasChoices("ADSTUDIO_REPLICATE_BASE_URL", "REPLICATE_BASE_URL"),
    )
    replicate_poll_interval_s: float = Field(default=2.0, gt=0, le=60)
    replicate_deadline_s: float = Field(default=600.0, gt=0, le=7200)
    # Transient faults (429, 5xx, timeouts): attempts per model, then the next model.
    replicate_max_attempts: int = Field(default=3, ge=1, le=10)
    retry_backoff_s: float = Field(default=1.0, ge=0, le=600)  # doubles per attempt
    retry_backoff_max_s: float = Field(default=60.0, ge=0, le=3600)
    # USD per clip by Replicate model: (rate, "second" of output | "video").
    video_prices: dict[str, tuple[float, Literal["second", "video"]]] = {
        "minimax/video-01": (0.50, "video"),
        "kwaivgi/kling-v1.6-standard": (0.05, "second"),
        "runwayml/gen4-turbo": (0.05, "second"),
    }
    max_download_mb: int = Field(default=200, ge=1, le=10_000)
    llm_timeout_s: float = Field(default=60.0, gt=0, le=3600)
    # USD per 1M tokens (input, output) by model name; "default" applies to unknown models.
    llm_prices: dict[str, tuple[float, float]] = {
        "gpt-4o-2024-08-06": (2.50, 10.00),
        "gpt-4o": (2.50, 10.00),
        "gpt-4o-mini": (0.15, 0.60),
        "gpt-4.1": (2.00, 8.00),
        "gpt-4.1-mini": (0.40, 1.60),
        "default": (2.50, 10.00),
    }

    # Pipeline
    max_parallel_clips: int = Field(default=3, ge=1, le=8)
    # Final renders at once in this process. One x264 encode already uses every core of a
    # small machine; more only multiply memory (~450 MB each at 1080x1920).
    max_parallel_exports: int = Field(default=1, ge=1, le=8)
    # Clips, text and audio are drawn in a short-lived child process per generation, so the
    # process that runs the final encode never holds the drawing libraries (pipeline.drawing).
    # Off: they are drawn on the generation's thread, in this process.
    draw_in_subprocess: bool = True
    # Generations running at once in this process; more wait in line ("Queued - position N").
    max_running: int = Field(default=2, ge=1, le=16)
    # A running generation's lease: renewed every third of it; a row whose lease ran out
    # (its process stopped) is failed by the next recovery sweep (pipeline.leases).
    lease_seconds: float = Field(default=30.0, ge=1.0, le=3600.0)
    target_duration_s: float = Field(default=15.0, ge=6.0, le=60.0)  # as AdSpecification
    ffmpeg_path: str | None = None  # default: the binary imageio-ffmpeg ships

    # Web app
    rate_limit_per_hour: int = Field(default=10, ge=1, le=100_000)
    allow_registration: bool = True
    cookie_key: SecretStr | None = None  # default: random, kept in data_dir/cookie_key
    cookie_name: str = "adstudio_auth"
    cookie_expiry_days: float = Field(default=7.0, gt=0, le=365)

    # Accounts (docs/accounts.md)
    # auto: open while the offline/local providers are in use, invitation-only otherwise.
    registration: Literal["auto", "open", "invite", "closed"] = "auto"
    login_max_failures: int = Field(default=5, ge=1, le=100)  # then a lockout
    login_lockout_minutes: float = Field(default=15.0, gt=0)
    login_delay_s: float = Field(default=1.0, ge=0)  # wait after a failure; doubles each time
    invitation_days: float = Field(default=7.0, gt=0)

    # Stock footage (ADSTUDIO_VIDEO_PROVIDER=stock): Pexels videos, the local renderer as fallback
    pexels_api_key: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("ADSTUDIO_PEXELS_API_KEY", "PEXELS_API_KEY")
    )
    pexels_base_url: str = Field(
        default="https://api.pexels.com",
        validation_alias=AliasChoices("ADSTUDIO_PEXELS_BASE_URL", "PEXELS_BASE_URL"),
    )
    stock_max_attempts: int = Field(default=3, ge=1, le=10)  # per search, on 429 and 5xx

    # Voice-over (pipeline.voice): "piper" (offline, its own process), "openai" or "none".
    tts_provider: str = "piper"
    tts_voice: str = ""  # default: the offline voice for the ad's language / "alloy" (openai)
    tts_model: str = "tts-1"  # OpenAI speech model
    # USD per character of text spoken, by OpenAI speech model; "default" for unknown ones.
    tts_prices: dict[str, float] = {
        "tts-1": 15.0 / 1e6,
        "tts-1-hd": 30.0 / 1e6,
        "gpt-4o-mini-tts": 15.0 / 1e6,
        "default": 15.0 / 1e6,
    }

    # Quotes and budget (pipeline.quote, docs/variants.md). Clip lengths a model can be
    # asked for (it bills the length it returns); a model not listed bills the scene's own.
    video_clip_lengths: dict[str, tuple[float, ...]] = {
        "minimax/video-01": (6.0,),
        "kwaivgi/kling-v1.6-standard": (5.0, 10.0),
        "runwayml/gen4-turbo": (5.0, 10.0),
    }
    stock_price_per_clip: float = Field(default=0.0, ge=0)  # Pexels is free; a paid library
    # Tokens one specification takes with an OpenAI model (system prompt + answer).
    quote_llm_tokens: tuple[int, int] = (2500, 900)
    quote_speech_chars_per_s: float = Field(default=15.0, ge=0)  # voice-over read speed
    # Seconds each step takes, for the time estimate (2 shared cores; docs/variants.md):
    # a clip each (Replicate: a wave of max_parallel_clips), an encode per format.
    quote_seconds: dict[str, float] = {
        "llm_offline": 1.0,
        "llm_openai": 10.0,
        "clip_local": 2.0,
        "clip_replicate": 120.0,
        "clip_stock": 6.0,
        "speech_piper": 15.0,
        "speech_openai": 5.0,
        "speech_none": 0.0,
        "assembly": 8.0,  # text, captions and the music mix
        "encode": 20.0,
    }
    # Per-user spend cap per calendar month (UTC); unset: no cap.
    monthly_budget_usd: float | None = Field(default=None, ge=0)

    @field_validator("video_models", mode="before")
    @classmethod
    def _split_models(cls, value: object) -> object:
        if isinstance(value, str):
            return tuple(part.strip() for part in value.split(",") if part.strip())
        return value

    @property
    def resolved_database_url(self) -> str:
        """The SQLAlchemy URL: the setting, or a SQLite file in the data folder."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'adstudio.db').resolve()}"

    @property
    def resolved_temp_dir(self) -> Path:
        """Where generations keep their working files (removed after each run)."""
        return self.temp_dir or (self.data_dir / "tmp")

    @property
    def videos_dir(self) -> Path:
        return self.output_dir / "videos"

    @property
    def thumbnails_dir(self) -> Path:
        return self.output_dir / "thumbnails"

    # Scale-out (docs/scale-out.md): "thread" runs generations in this process; "rq" puts
    # each on a Redis queue for `python -m pipeline worker` processes on any machine.
    runner: Literal["thread", "rq"] = "thread"
    redis_url: SecretStr = SecretStr("redis://localhost:6379/0")  # may hold a password
    rq_queue: str = "adstudio"
    rq_job_timeout_s: float = Field(default=3600.0, ge=10.0)  # RQ ends a job running longer
    rq_job_ttl_s: float = Field(default=86400.0, ge=10.0)  # a job unrun this long is dropped
    # After a cancel, how long a worker gets to stop by itself before RQ's stop-job command.
    rq_stop_after_s: float = Field(default=5.0, ge=0.0)
    # Ads one user may have waiting or running at once; 0: 3 with the rq runner, no cap
    # with the thread runner (its running cap already takes turns oldest first).
    max_active_per_user: int = Field(default=0, ge=0)


#: pydantic's error type -> how the sentence describes the expected value.
_EXPECTED: dict[str, str] = {
    "int_parsing": "must be a whole number",
    "int_from_float": "must be a whole number",
    "float_parsing": "must be a number",
    "bool_parsing": "must be true or false",
    "greater_than_equal": "must be at least {ge}",
    "greater_than": "must be more than {gt}",
    "less_than_equal": "must be at most {le}",
    "less_than": "must be less than {lt}",
}


def variable(field: str) -> str:
    """The environment variable that sets ``field`` (``ADSTUDIO_X``, or the SDK's own name)."""
    info = Settings.model_fields.get(field)
    alias = info.validation_alias if info is not None else None
    if isinstance(alias, AliasChoices):
        names = [str(c) for c in alias.choices]
        return " or ".join(names)
    if field.isupper():  # pydantic reports an alias-read value under the alias
        return field
    return f"ADSTUDIO_{field.upper()}"


def _problem(error: Mapping[str, Any]) -> str:
    field = str(error["loc"][0]) if error.get("loc") else "?"
    name = variable(field)
    expected = _EXPECTED.get(str(error.get("type")), "")
    limits = {
        k: f"{v:g}" if isinstance(v, int | float) else v
        for k, v in (error.get("ctx") or {}).items()
    }
    expected = expected.format(**limits) if expected else str(error["msg"])
    value = error.get("input")
    info = Settings.model_fields.get(field)
    annotation = repr(info.annotation) if info is not None else ""
    secret = "SecretStr" in annotation or any(
        w in name for w in ("KEY", "TOKEN", "SECRET", "PASSWORD")
    )
    if isinstance(value, str | int | float) and not secret:
        shown = str(value) if len(str(value)) <= 40 else str(value)[:37] + "..."
        return f"{name} {expected} (got {shown!r})."
    return f"{name} {expected}."


def load_settings(**overrides: object) -> Settings:
    """Build the settings from the environment, with keyword overrides (tests, CLI flags).

    A bad value is a ConfigError of one line naming each variable and what it must be.
    """
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        errors = exc.errors()
        problems = " ".join(_problem(e) for e in errors)
        them = "them" if len(errors) > 1 else "it"
        raise ConfigError(f"{problems} Fix or unset {them}, then start again.") from None
    except SettingsError as exc:  # a list/dict variable that is not JSON
        found = re.search(r'field "(\w+)"', str(exc))
        name = variable(found.group(1)) if found else "An ADSTUDIO_ variable"
        raise ConfigError(f"{name} is not valid JSON. Fix or unset it, then start again.") from None


def _writable(folder: Path, name: str, *, private: bool = False) -> None:
    """Create ``folder`` (0700 when ``private``) and prove a file can be written in it."""
    try:
        if not folder.is_dir():
            folder.mkdir(parents=True, mode=0o700 if private else 0o777)
        probe = folder / f".adstudio-write-check-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise ConfigError(
            f"{name}: cannot write to {folder} ({reason.lower()}). Point it at a writable "
            "folder or fix its permissions, then start again."
        ) from None


def prepare_folders(settings: Settings) -> None:
    """Create the data, temp and output folders, or fail with one line naming the variable.

    A new data folder is private (0700): it holds the database with the password hashes.
    """
    _writable(settings.data_dir, "ADSTUDIO_DATA_DIR", private=True)
    temp_variable = "ADSTUDIO_TEMP_DIR" if settings.temp_dir else "ADSTUDIO_DATA_DIR"
    _writable(settings.resolved_temp_dir, temp_variable, private=True)
    _writable(settings.output_dir, "ADSTUDIO_OUTPUT_DIR")
    _writable(settings.videos_dir, "ADSTUDIO_OUTPUT_DIR")
    _writable(settings.thumbnails_dir, "ADSTUDIO_OUTPUT_DIR")

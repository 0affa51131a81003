"""One settings object, read from the environment (prefix ``ADSTUDIO_``) when built.

Nothing here runs at import time: call :func:`load_settings` (or ``Settings()``) once at
start-up and pass the object down. Provider SDK variables keep their own names
(``OPENAI_API_KEY``, ``OPENAI_BASE_URL``, ``REPLICATE_API_TOKEN``, ``REPLICATE_BASE_URL``).
Keys are :class:`SecretStr`: they never appear in ``repr``, logs or pages.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import AliasChoices, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

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
    replicate_poll_interval_s: float = 2.0
    replicate_deadline_s: float = 600.0
    # Transient faults (429, 5xx, timeouts): attempts per model, then the next model.
    replicate_max_attempts: int = Field(default=3, ge=1, le=10)
    retry_backoff_s: float = 1.0  # first wait; doubles per attempt (Retry-After wins)
    retry_backoff_max_s: float = 60.0
    # USD per clip by Replicate model: (rate, "second" of output | "video").
    video_prices: dict[str, tuple[float, Literal["second", "video"]]] = {
        "minimax/video-01": (0.50, "video"),
        "kwaivgi/kling-v1.6-standard": (0.05, "second"),
        "runwayml/gen4-turbo": (0.05, "second"),
    }
    max_download_mb: int = 200
    llm_timeout_s: float = 60.0
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
    target_duration_s: float = 15.0
    ffmpeg_path: str | None = None  # default: the binary imageio-ffmpeg ships

    # Web app
    rate_limit_per_hour: int = Field(default=10, ge=1)
    allow_registration: bool = True
    cookie_key: SecretStr | None = None  # default: random, kept in data_dir/cookie_key
    cookie_name: str = "adstudio_auth"
    cookie_expiry_days: float = 7.0

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


def load_settings(**overrides: object) -> Settings:
    """Build the settings from the environment, with keyword overrides (tests, CLI flags)."""
    return Settings(**overrides)  # type: ignore[arg-type]

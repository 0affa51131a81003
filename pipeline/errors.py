"""The error tree of Adstudio.

Every error a user can see derives from :class:`AdstudioError` and carries a message that
says what to do next::

    AdstudioError
    ├── ConfigError          settings are missing or inconsistent (a key, a provider name)
    ├── InputError           the user's input is not acceptable (prompt length, ...)
    │   └── RateLimitError   too many generations in the rolling hour
    ├── NotFoundError        no such generation / user (or not yours)
    ├── ProviderError        an outside service or local generator failed
    ├── RenderError          ffmpeg refused or failed (stderr tail attached)
    ├── StageError           a pipeline stage failed; ``stage`` names it
    └── CancelledError       the user asked to stop; not a failure of the software
"""

from __future__ import annotations

import errno
import re


class AdstudioError(Exception):
    """Base class: ``str(err)`` is a short, user-facing sentence."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class ConfigError(AdstudioError):
    """A setting is missing or wrong; the message names the variable to set."""


class InputError(AdstudioError):
    """User input was rejected; the message says how to fix it."""


class RateLimitError(InputError):
    """The hourly generation limit is reached; ``retry_at`` is when a slot frees."""

    def __init__(self, message: str, retry_at: object = None) -> None:
        super().__init__(message)
        self.retry_at = retry_at


class NotFoundError(AdstudioError):
    """The object does not exist or does not belong to the caller."""


class ProviderError(AdstudioError):
    """A provider (LLM, video model, local renderer) failed.

    ``retryable`` marks transient faults (429, 5xx, timeouts) that a retry may cure.
    """

    def __init__(self, message: str, *, provider: str = "", retryable: bool = False) -> None:
        super().__init__(message)
        self.provider = provider
        self.retryable = retryable


class RenderError(AdstudioError):
    """ffmpeg failed; ``detail`` holds the tail of its stderr for the log."""

    def __init__(self, message: str, detail: str = "") -> None:
        super().__init__(message)
        self.detail = detail


class StageError(AdstudioError):
    """A stage failed; ``stage`` is its name (llm_enhancement, video_generation, ...)."""

    def __init__(self, stage: str, message: str) -> None:
        super().__init__(message)
        self.stage = stage


class CancelledError(AdstudioError):
    """The user cancelled the generation."""

    def __init__(self, message: str = "Cancelled by user") -> None:
        super().__init__(message)


#: What a stage is doing, for sentences such as "... while mixing the audio".
DOING: dict[str, str] = {
    "startup": "starting the generation",
    "llm_enhancement": "writing the ad's specification",
    "scene_planning": "planning the scenes",
    "voice": "speaking the voice-over",
    "video_generation": "rendering the video clips",
    "overlays": "drawing the text",
    "stitching": "joining the clips",
    "audio": "mixing the audio",
    "export": "exporting the video",
}


def disk_full(doing: str) -> str:
    """The one sentence for a full disk."""
    return f"The server ran out of disk space while {doing}; free space and try again."


def _errno(error: BaseException | str, detail: str) -> int | None:
    if isinstance(error, OSError):
        return error.errno
    found = re.search(r"\[Errno (\d+)\]", detail)  # an error reported by another process
    return int(found.group(1)) if found else None


def unexpected(stage: str, error: BaseException | str, detail: str = "") -> str:
    """The row's message for an error no stage turned into a sentence of its own.

    ``error`` is the exception, or its class name when it happened in another process
    (``detail`` then carries its text). Full disks, memory and permissions get a sentence
    with what to do; anything else is a bug, named by its kind (the log has the rest).
    """
    doing = DOING.get(stage, stage.replace("_", " "))
    kind = error if isinstance(error, str) else type(error).__name__
    code = _errno(error, detail)
    if code in (errno.ENOSPC, errno.EDQUOT):
        return disk_full(doing)
    if kind == "MemoryError" or code == errno.ENOMEM:
        return f"The server ran out of memory while {doing}; try again when it is less busy."
    if code in (errno.EACCES, errno.EPERM, errno.EROFS):
        return (
            f"The server could not write a file while {doing} (permission denied); ask the "
            "administrator to check that the data and output folders are writable."
        )
    return f"Unexpected error during {stage.replace('_', ' ')} ({kind}). Please try again."

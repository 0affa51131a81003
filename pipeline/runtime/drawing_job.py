"""The job the worker hands to the drawing process, and how an error crosses back over the pipe."""

from __future__ import annotations

import json
import logging
from typing import Any

from pydantic import BaseModel, SecretStr

from pipeline import errors
from pipeline.errors import AdstudioError, StageError
from pipeline.settings import Settings
from pipeline.spec import AdSpecification, Clip, ScenePlan


class DrawJob(BaseModel):
    """Everything the child needs to draw one generation (its settings include keys)."""

    settings: dict[str, Any]
    generation_id: int
    seed: int
    workdir: str
    ffmpeg_exe: str
    spec: AdSpecification
    plan: ScenePlan
    voice_request: dict[str, Any] = {}
    reuse: list[Clip] = []
    log_level: int = logging.INFO


def settings_data(settings: Settings) -> dict[str, Any]:
    """The settings as field values, keys revealed: they travel over a private pipe only."""
    data = {}
    for name in type(settings).model_fields:
        value = getattr(settings, name)
        data[name] = value.get_secret_value() if isinstance(value, SecretStr) else value
    return json.loads(json.dumps(data, default=str))


def error_data(exc: BaseException, stage: str | None) -> dict[str, Any]:
    """``exc`` as JSON: class, message and fields (:func:`rebuild_error` reverses it)."""
    if isinstance(exc, AdstudioError):
        fields = {k: v for k, v in vars(exc).items() if k != "message"}
        return {
            "error": type(exc).__name__,
            "message": exc.message,
            "stage": stage,
            "fields": json.loads(json.dumps(fields, default=str)),
        }
    return {"error": type(exc).__name__, "message": str(exc), "stage": stage, "unexpected": True}


def rebuild_error(data: dict[str, Any]) -> AdstudioError:
    """The child's error as this process's exception (same class, message and fields)."""
    stage = data.get("stage") or "video_generation"
    if data.get("unexpected"):  # its traceback was logged by the child
        return StageError(
            stage, errors.unexpected(stage, str(data["error"]), str(data.get("message", "")))
        )
    cls = getattr(errors, str(data["error"]), None)
    if not (isinstance(cls, type) and issubclass(cls, AdstudioError)):
        return StageError(stage, str(data["message"]))
    exc = cls.__new__(cls)
    AdstudioError.__init__(exc, str(data["message"]))
    vars(exc).update(data.get("fields") or {})
    return exc

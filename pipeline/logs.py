"""Structured logs: one JSON object per line with event, stage, generation_id, timestamp.

Call :func:`configure_logging` once at start-up (CLI, app). Code logs through
``logging.getLogger("adstudio")`` with ``extra={"event": ..., "stage": ..., ...}`` or the
:func:`log_event` shorthand. Secrets are never passed to the logger.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from typing import IO, Any

LOGGER_NAME = "adstudio"
_STANDARD = set(logging.makeLogRecord({}).__dict__) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    """Formats a record as one JSON line; ``extra`` fields become top-level keys."""

    def format(self, record: logging.LogRecord) -> str:
        data: dict[str, Any] = {
            "timestamp": datetime.fromtimestamp(record.created, UTC).isoformat(),
            "level": record.levelname.lower(),
            "event": getattr(record, "event", "log"),
            "stage": getattr(record, "stage", None),
            "generation_id": getattr(record, "generation_id", None),
            "message": record.getMessage(),
        }
        for key, value in record.__dict__.items():
            if key not in _STANDARD and key not in data:
                data[key] = value
        if record.exc_info:
            data["traceback"] = self.formatException(record.exc_info)
        return json.dumps(data, default=str, ensure_ascii=False)


def configure_logging(level: str = "INFO", stream: IO[str] | None = None) -> None:
    """Send the ``adstudio`` logger to ``stream`` (stderr) as JSON lines, once."""
    logger = logging.getLogger(LOGGER_NAME)
    logger.setLevel(level)
    for handler in list(logger.handlers):
        if getattr(handler, "_adstudio", False):
            logger.removeHandler(handler)
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(JsonFormatter())
    handler._adstudio = True  # type: ignore[attr-defined]
    logger.addHandler(handler)
    logger.propagate = False


def record_data(record: logging.LogRecord) -> dict[str, Any]:
    """A record as plain JSON-able data (its traceback as text), for :func:`replay` elsewhere."""
    data: dict[str, Any] = {
        "name": record.name,
        "levelno": record.levelno,
        "levelname": record.levelname,
        "msg": record.getMessage(),
        "created": record.created,
    }
    for key, value in record.__dict__.items():
        if key not in _STANDARD and key not in data:
            data[key] = value if isinstance(value, str | int | float | bool | None) else str(value)
    if record.exc_info:
        data["traceback"] = logging.Formatter().formatException(record.exc_info)
    return data


class RelayHandler(logging.Handler):
    """Hands every record to ``send`` as :func:`record_data` (a child process -> its parent)."""

    def __init__(self, send: Callable[[dict[str, Any]], None], level: int = logging.INFO) -> None:
        super().__init__(level)
        self._send = send

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self._send(record_data(record))
        except Exception:  # a log line must never break the work it describes
            self.handleError(record)


def replay(data: dict[str, Any]) -> None:
    """Log a record made by :class:`RelayHandler` through this process's handlers."""
    get_logger().handle(logging.makeLogRecord({**data, "args": None}))


def get_logger() -> logging.Logger:
    return logging.getLogger(LOGGER_NAME)


def log_event(
    event: str,
    message: str = "",
    *,
    level: int = logging.INFO,
    exc_info: bool = False,
    **fields: Any,
) -> None:
    """Log ``event`` with structured ``fields`` (stage, generation_id, ...)."""
    get_logger().log(level, message or event, exc_info=exc_info, extra={"event": event, **fields})

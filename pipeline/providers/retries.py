"""Retry building blocks: which faults to retry, how long to wait, an SDK without hidden retries.

The retry *policy* (tenacity, attempts per model, backoff) lives in the provider that uses
it; this module holds the pieces it is built from so they can be read and tested alone.
"""

from __future__ import annotations

import time
from email.utils import parsedate_to_datetime
from typing import Any

import httpx
import replicate
from replicate.exceptions import ReplicateError

from pipeline.errors import ProviderError


def retry_after_s(headers: httpx.Headers) -> float | None:
    """Seconds to wait from ``Retry-After`` (seconds or HTTP date) or ``retry-after-ms``."""
    millis = headers.get("retry-after-ms", "").strip()
    if millis:
        try:
            return max(0.0, float(millis) / 1000)
        except ValueError:
            pass
    value = headers.get("retry-after", "").strip()
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def is_transient(exc: BaseException) -> bool:
    """True for faults a later attempt may cure: 429, 5xx, timeouts, dropped connections."""
    if isinstance(exc, ReplicateError):
        return exc.status is not None and (exc.status == 429 or exc.status >= 500)
    if isinstance(exc, ProviderError):
        return exc.retryable
    return isinstance(exc, httpx.TransportError)


def replicate_client(
    token: str, base_url: str | None, event_hooks: dict[str, list[Any]]
) -> replicate.Client:
    """A ``replicate.Client`` whose requests are each sent exactly once.

    The SDK wraps its transport in one that silently retries GETs (every poll) on 429/503/504
    up to 10 times, sleeping between tries without any way to cancel, and honouring any
    Retry-After however long. Retrying is our policy's job (bounded, cancellable, logged), so
    a plain transport is mounted for every URL, which httpx prefers over the default one.
    """
    return replicate.Client(
        api_token=token,
        base_url=base_url,
        timeout=httpx.Timeout(30.0, connect=10.0),
        event_hooks=event_hooks,
        mounts={"all://": httpx.HTTPTransport()},
    )

"""Fetch a generated file over HTTP with a size limit, and check that it is really a video.

No credentials are sent: output URLs are public delivery links, and a provider token must
never travel to whatever host a model's output happens to name.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import httpx

from pipeline.errors import CancelledError, ProviderError, RenderError
from pipeline.media.ffmpeg import MediaInfo, probe

#: Content types a video download may carry; storage services often say octet-stream.
VIDEO_CONTENT_TYPES = ("video/", "application/octet-stream", "binary/octet-stream")
_CHUNK = 256 * 1024


class DownloadError(ProviderError):
    """The output could not be fetched or is not an acceptable video."""


def _status_error(url: str, response: httpx.Response, provider: str) -> DownloadError:
    code = response.status_code
    return DownloadError(
        f"Downloading the generated clip failed: HTTP {code} from {_host(url)}.",
        provider=provider,
        retryable=code == 429 or code >= 500,
    )


def _host(url: str) -> str:
    return httpx.URL(url).host or url


def download(
    client: httpx.Client,
    url: str,
    dest: Path,
    *,
    max_bytes: int,
    provider: str = "",
    is_cancelled: Callable[[], bool] | None = None,
) -> int:
    """Stream ``url`` to ``dest``; return the number of bytes written.

    Rejects (DownloadError, not retryable) a body larger than ``max_bytes`` - from the
    Content-Length header when there is one, else while streaming - and a Content-Type that
    is not a video. 429/5xx and transport errors are raised as retryable. A partial file is
    removed on any failure.
    """
    if not url.startswith(("https://", "http://")):
        raise DownloadError(
            f"The model returned {url[:60]!r}, which is not a downloadable URL.", provider=provider
        )
    limit_mb = max_bytes / 1_000_000
    written = 0
    try:
        with client.stream("GET", url) as response:
            if response.status_code >= 400:
                raise _status_error(url, response, provider)
            kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
            if kind and not kind.startswith(VIDEO_CONTENT_TYPES):
                raise DownloadError(
                    f"The generated clip from {_host(url)} is {kind!r}, not a video.",
                    provider=provider,
                )
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise DownloadError(
                    f"The generated clip is {int(declared) / 1_000_000:.1f} MB, above the "
                    f"{limit_mb:.0f} MB limit (ADSTUDIO_MAX_DOWNLOAD_MB).",
                    provider=provider,
                )
            with dest.open("wb") as out:
                for chunk in response.iter_bytes(_CHUNK):
                    if is_cancelled is not None and is_cancelled():
                        raise CancelledError()
                    written += len(chunk)
                    if written > max_bytes:
                        raise DownloadError(
                            f"The generated clip is larger than the {limit_mb:.0f} MB limit "
                            "(ADSTUDIO_MAX_DOWNLOAD_MB).",
                            provider=provider,
                        )
                    out.write(chunk)
    except httpx.TransportError as exc:
        dest.unlink(missing_ok=True)
        raise DownloadError(
            f"Downloading the generated clip from {_host(url)} failed ({type(exc).__name__}).",
            provider=provider,
            retryable=True,
        ) from exc
    except BaseException:
        dest.unlink(missing_ok=True)
        raise
    return written


def check_video(path: Path, *, provider: str = "") -> MediaInfo:
    """Probe ``path``; DownloadError unless it holds a video stream with frames and length."""
    try:
        info = probe(path)
    except RenderError as exc:
        raise DownloadError(
            "The generated clip is not a readable video.", provider=provider
        ) from exc
    if info.width <= 0 or info.height <= 0 or info.duration_s <= 0:
        raise DownloadError(
            f"The generated clip has no usable picture ({info.width}x{info.height}, "
            f"{info.duration_s:.2f} s).",
            provider=provider,
        )
    return info

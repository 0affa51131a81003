"""Stock footage from Pexels (``ADSTUDIO_VIDEO_PROVIDER=stock`` with ``PEXELS_API_KEY``).

Per scene: search Pexels videos with the scene's words (product, category, visual prompt),
prefer portrait clips long enough for the scene, download the best-fitting file with the
same size and content checks as the Replicate provider (no key travels to the file host),
conform it to 9:16 at the scene's duration and record the author and licence. A clip is
never used twice in one ad. When nothing fits, the scene falls back to the local renderer.
Rate limits: 429 and 5xx are retried after ``Retry-After`` or ``X-Ratelimit-Reset``.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

import httpx

from pipeline.errors import CancelledError, ConfigError, ProviderError
from pipeline.logs import log_event
from pipeline.media import ffmpeg
from pipeline.media.conform import conform_clip, conform_size
from pipeline.providers import ClipRequest, ClipResult
from pipeline.providers.download import DownloadError, check_video, download
from pipeline.providers.retries import retry_after_s
from pipeline.settings import Settings
from pipeline.stages.context import StageContext

STAGE = "video_generation"
LICENCE = "Pexels License (free to use, no attribution required)"
PER_PAGE = 15
_STOP_WORDS = """
a an and the of in on at with for to from by into over under its it is are be this that shot
close up close-up closeup wide slow camera cinematic vertical framing soft light lighting colour
color grade film grain depth field no text logos scene subject centred centered headroom
captions warm cool bright moody frame
"""
_STOP = frozenset(re.findall(r"\S+", _STOP_WORDS))


@dataclass(frozen=True)
class Candidate:
    """One Pexels video and the file of it that suits the request."""

    video_id: int
    link: str
    width: int
    height: int
    duration_s: float
    author: str
    author_url: str
    page_url: str
    query: str


def queries(request: ClipRequest) -> list[str]:
    """Search phrases for a scene, most specific first (product, then category, then visual)."""
    ad, scene = request.ad, request.scene
    visual = [
        w for w in re.findall(r"[a-zA-Z][a-zA-Z'-]+", scene.visual_prompt.lower()) if w not in _STOP
    ][:4]
    product = " ".join(ad.product.split()[-3:])
    out = [f"{product} {' '.join(visual[:2])}".strip(), product, ad.product_category]
    out.append(" ".join(visual))
    seen: list[str] = []
    for q in out:
        q = q.strip()
        if q and q.lower() not in (s.lower() for s in seen):
            seen.append(q)
    return seen


def pick_file(video: dict[str, Any], want_w: int) -> dict[str, Any] | None:
    """The MP4 file of ``video`` closest above half the ad's width (portrait first)."""
    files = [
        f
        for f in video.get("video_files") or []
        if str(f.get("file_type", "")).startswith("video/mp4")
        and f.get("link")
        and int(f.get("width") or 0) > 0
        and int(f.get("height") or 0) > 0
    ]
    if not files:
        return None
    floor = want_w // 2

    def rank(f: dict[str, Any]) -> tuple[int, int, int]:
        w, h = int(f["width"]), int(f["height"])
        short = min(w, h)
        return (0 if h >= w else 1, 0 if short >= floor else 1, abs(short - floor))

    return min(files, key=rank)


class StockFootage:
    """Video provider backed by the Pexels video search; free, credits recorded per clip."""

    name: ClassVar[str] = "stock"

    def __init__(self, settings: Settings, *, transport: httpx.BaseTransport | None = None):
        key = settings.pexels_api_key
        if key is None or not key.get_secret_value().strip():
            raise ConfigError(
                "The stock footage provider needs a Pexels API key (free at "
                "https://www.pexels.com/api/). Set PEXELS_API_KEY, or use the offline "
                "generator with ADSTUDIO_VIDEO_PROVIDER=local."
            )
        self._settings = settings
        base = settings.pexels_base_url.rstrip("/")
        timeout = httpx.Timeout(30.0, connect=10.0)
        self._api = httpx.Client(
            base_url=base,
            headers={"Authorization": key.get_secret_value()},
            timeout=timeout,
            transport=transport,
        )
        # Files come from a CDN: a separate client that never carries the key.
        self._files = httpx.Client(timeout=timeout, follow_redirects=True, transport=transport)
        self._used: dict[object, set[int]] = {}
        self._lock = threading.Lock()
        self.rate_remaining: int | None = None

    def places(self) -> int:
        """0: the clips come over the network (a fallback scene draws through the local gate)."""
        return 0

    # -- one scene ------------------------------------------------------------------------

    def generate(self, request: ClipRequest, dest: Path, ctx: StageContext) -> ClipResult:
        """A conformed Pexels clip for the scene, or the local renderer's when nothing fits."""
        key = ctx.generation_id if ctx.generation_id is not None else str(ctx.workdir)
        scene_no = request.scene.index + 1
        tried: list[str] = []
        for query in queries(request):
            ctx.check_cancelled()
            ctx.report(0.05, f"Searching stock footage for “{query}”")
            for candidate in self._search(query, request, ctx):
                if not self._claim(key, candidate.video_id):
                    continue
                try:
                    return self._fetch(candidate, request, dest, ctx)
                except CancelledError:
                    raise
                except ProviderError as exc:
                    self._release(key, candidate.video_id)
                    tried.append(f"{candidate.video_id}: {exc.message}")
                    log_event(
                        "stock_clip_rejected",
                        exc.message,
                        level=logging.WARNING,
                        stage=STAGE,
                        generation_id=ctx.generation_id,
                        scene=scene_no,
                        video_id=candidate.video_id,
                    )
        reason = "no unused stock clip fits" + (f" ({'; '.join(tried)[:200]})" if tried else "")
        log_event(
            "stock_fallback",
            f"scene {scene_no}: {reason}; drawing it locally",
            stage=STAGE,
            generation_id=ctx.generation_id,
            scene=scene_no,
        )
        from pipeline.providers.video_local import LocalMotionGraphics

        result = LocalMotionGraphics(self._settings).generate(request, dest, ctx)
        details = {**result.details, "source": "local", "fallback": reason}
        return ClipResult(
            result.path,
            result.duration_s,
            result.cost,
            result.model,
            result.predict_time_s,
            details,
        )

    def _claim(self, key: object, video_id: int) -> bool:
        with self._lock:
            used = self._used.setdefault(key, set())
            if video_id in used:
                return False
            used.add(video_id)
            return True

    def _release(self, key: object, video_id: int) -> None:
        with self._lock:
            self._used.get(key, set()).discard(video_id)

    def _fetch(
        self, c: Candidate, request: ClipRequest, dest: Path, ctx: StageContext
    ) -> ClipResult:
        raw = ctx.workdir / f"{dest.stem}.pexels-{c.video_id}.download"
        ctx.report(0.3, f"Downloading stock clip {c.video_id} by {c.author}")
        try:
            download(
                self._files,
                c.link,
                raw,
                max_bytes=self._settings.max_download_mb * 1_000_000,
                provider=self.name,
                is_cancelled=ctx.is_cancelled,
            )
            info = check_video(raw, provider=self.name)
            width, height = conform_size(info.width, info.height, request.width, request.height)
            conform_clip(
                ctx.ffmpeg_exe or ffmpeg.find_ffmpeg(self._settings.ffmpeg_path),
                raw,
                dest,
                width=width,
                height=height,
                fps=request.fps,
                duration_s=request.scene.duration_s,
                on_progress=lambda f: ctx.report(0.7 + 0.3 * f, "Fitting the clip to 9:16"),
                is_cancelled=ctx.is_cancelled,
            )
        finally:
            raw.unlink(missing_ok=True)
        details = {
            "source": "pexels",
            "video_id": c.video_id,
            "author": c.author,
            "author_url": c.author_url,
            "url": c.page_url,
            "licence": LICENCE,
            "query": c.query,
        }
        log_event(
            "clip_generated",
            f"scene {request.scene.index + 1}: Pexels {c.video_id} by {c.author}",
            stage=STAGE,
            generation_id=ctx.generation_id,
            video_id=c.video_id,
            output_size=f"{info.width}x{info.height}",
        )
        ctx.report(1.0, f"Stock clip ready (Pexels, {c.author})")
        return ClipResult(
            dest, request.scene.duration_s, 0.0, f"pexels:{c.video_id}", details=details
        )

    # -- the API --------------------------------------------------------------------------

    def _search(self, query: str, request: ClipRequest, ctx: StageContext) -> list[Candidate]:
        params = {"query": query, "orientation": "portrait", "per_page": PER_PAGE, "page": 1}
        data = self._get("/videos/search", params, ctx)
        need = request.scene.duration_s
        out: list[Candidate] = []
        for video in data.get("videos") or []:
            f = pick_file(video, request.width)
            if f is None or not isinstance(video.get("id"), int):
                continue
            user = video.get("user") or {}
            out.append(
                Candidate(
                    video["id"],
                    str(f["link"]),
                    int(f["width"]),
                    int(f["height"]),
                    float(video.get("duration") or 0),
                    str(user.get("name") or "Unknown"),
                    str(user.get("url") or ""),
                    str(video.get("url") or ""),
                    query,
                )
            )
        # portrait and long enough first; the API's relevance order breaks ties
        return sorted(out, key=lambda c: (c.height < c.width, c.duration_s < need))

    def _get(self, path: str, params: dict[str, Any], ctx: StageContext) -> dict[str, Any]:
        attempts = self._settings.stock_max_attempts
        for attempt in range(1, attempts + 1):
            ctx.check_cancelled()
            try:
                response = self._api.get(path, params=params)
            except httpx.TransportError as exc:
                if attempt == attempts:
                    raise ProviderError(
                        f"Could not reach Pexels ({type(exc).__name__}). Check the network, "
                        "or use ADSTUDIO_VIDEO_PROVIDER=local.",
                        provider=self.name,
                        retryable=True,
                    ) from exc
                self._sleep(self._backoff(attempt, None), ctx)
                continue
            remaining = response.headers.get("x-ratelimit-remaining", "")
            if remaining.isdigit():
                self.rate_remaining = int(remaining)
            code = response.status_code
            if code in (401, 403):
                raise ProviderError(
                    f"Pexels rejected the API key (HTTP {code}). Check PEXELS_API_KEY, or use "
                    "ADSTUDIO_VIDEO_PROVIDER=local.",
                    provider=self.name,
                )
            if code == 429 or code >= 500:
                if attempt == attempts:
                    raise ProviderError(
                        f"Pexels answered HTTP {code} {attempts} times"
                        + (
                            " (the monthly or hourly request limit is used up)"
                            if code == 429
                            else ""
                        )
                        + ". Try again later, or use ADSTUDIO_VIDEO_PROVIDER=local.",
                        provider=self.name,
                        retryable=True,
                    )
                log_event(
                    "stock_retry",
                    f"Pexels HTTP {code}; attempt {attempt} of {attempts}",
                    level=logging.WARNING,
                    stage=STAGE,
                    generation_id=ctx.generation_id,
                )
                self._sleep(self._backoff(attempt, response), ctx)
                continue
            if code >= 400:
                raise ProviderError(
                    f"Pexels answered HTTP {code} to a video search.", provider=self.name
                )
            try:
                body = response.json()
            except ValueError as exc:
                raise ProviderError(
                    "Pexels sent a search answer that is not JSON.", provider=self.name
                ) from exc
            return body if isinstance(body, dict) else {}
        return {}  # pragma: no cover - the loop returns or raises

    def _backoff(self, attempt: int, response: httpx.Response | None) -> float:
        s = self._settings
        wait = s.retry_backoff_s * 2 ** (attempt - 1)
        if response is not None:
            after = retry_after_s(response.headers)
            reset = response.headers.get("x-ratelimit-reset", "")
            if after is None and reset.isdigit():
                after = max(0.0, int(reset) - time.time())
            if after is not None:
                wait = after
        return min(wait, s.retry_backoff_max_s)

    @staticmethod
    def _sleep(seconds: float, ctx: StageContext) -> None:
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            ctx.check_cancelled()
            time.sleep(min(0.2, left))


__all__ = ["Candidate", "DownloadError", "StockFootage", "pick_file", "queries"]

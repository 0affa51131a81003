"""Clips from Replicate's text-to-video models, with retries, a fallback chain and real costs.

One ``generate`` call makes one clip (the video_generation stage runs several at once; the
provider holds no per-call state, and the SDK's httpx client is thread-safe):

1. For each model in ``settings.video_models`` (default minimax -> kling -> runway):
   create the prediction, poll it until it ends or ``replicate_deadline_s`` passes (the
   SDK's ``wait()`` has no deadline), download the output with a size limit and a content
   check, conform it to the requested 9:16 shape at the scene's duration (at the output's own
   resolution, at most the requested size: the export scales once).
2. 429 (honouring Retry-After), 5xx and timeouts are retried with exponential backoff, at
   most ``replicate_max_attempts`` times per request; then the next model. A prediction that
   *fails* moves on at once. A rejected token stops the chain (every model would fail).
3. Cancellation cancels the prediction on Replicate, then raises CancelledError.
4. Cost = the model's price (per output second or per video) for the downloaded clip.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any, ClassVar, TypeVar

import httpx
import tenacity
from replicate.exceptions import ReplicateError, ReplicateException
from replicate.prediction import Prediction

from pipeline.errors import CancelledError, ConfigError, ProviderError
from pipeline.logs import log_event
from pipeline.media import ffmpeg
from pipeline.media.conform import conform_clip, conform_size
from pipeline.providers import ClipRequest, ClipResult
from pipeline.providers.download import check_video, download
from pipeline.providers.replicate_models import build_input, prices_for
from pipeline.providers.retries import is_transient, replicate_client, retry_after_s
from pipeline.secrets import redact
from pipeline.settings import Settings
from pipeline.stages.context import StageContext

T = TypeVar("T")
STAGE = "video_generation"
_DONE = ("succeeded", "failed", "canceled")
#: Used only to move the progress bar while a model gives no progress of its own.
TYPICAL_PREDICT_S = 120.0


class _TokenRejected(ProviderError):
    """401/403: no model in the chain can succeed with this token."""


class ReplicateProvider:
    """Video provider backed by Replicate (``ADSTUDIO_VIDEO_PROVIDER=replicate``)."""

    name: ClassVar[str] = "replicate"

    def __init__(self, settings: Settings) -> None:
        token = settings.replicate_api_token
        if token is None or not token.get_secret_value().strip():
            raise ConfigError(
                "The Replicate video provider needs an API token. Set REPLICATE_API_TOKEN "
                "(or add it to .streamlit/secrets.toml), or use the offline generator with "
                "ADSTUDIO_VIDEO_PROVIDER=local."
            )
        if not settings.video_models:
            raise ConfigError(
                "ADSTUDIO_VIDEO_MODELS is empty. Name at least one Replicate model "
                "(owner/name), e.g. minimax/video-01."
            )
        self._settings = settings
        self._token = token
        self._prices = prices_for(settings.video_models, dict(settings.video_prices))
        self._local = threading.local()
        hooks = {"response": [self._remember_retry_after]}
        self._client = replicate_client(
            token.get_secret_value(), settings.replicate_base_url, hooks
        )
        # Downloads go to public delivery URLs: a separate client that carries no token.
        self._http = httpx.Client(
            timeout=httpx.Timeout(60.0, connect=10.0), follow_redirects=True, event_hooks=hooks
        )

    # -- public -----------------------------------------------------------------------------

    def places(self) -> int:
        """0: the clips are made on Replicate's machines; this one only waits and downloads."""
        return 0

    def generate(self, request: ClipRequest, dest: Path, ctx: StageContext) -> ClipResult:
        """Make the clip for ``request.scene`` at ``dest``, trying each model in turn."""
        scene_no = request.scene.index + 1
        failures: list[str] = []
        for model in self._settings.video_models:
            ctx.check_cancelled()
            try:
                return self._generate_with(model, request, dest, ctx)
            except (CancelledError, _TokenRejected):
                raise
            except ProviderError as exc:
                failures.append(f"{model}: {exc.message}")
                log_event(
                    "video_model_failed",
                    f"{model} failed on scene {scene_no}: {exc.message}",
                    level=logging.WARNING,
                    stage=STAGE,
                    generation_id=ctx.generation_id,
                    model=model,
                    scene=scene_no,
                )
        raise ProviderError(
            f"Every Replicate video model failed for scene {scene_no}: "
            + "; ".join(failures)
            + ". Try again later, change ADSTUDIO_VIDEO_MODELS, or use the offline generator "
            "(ADSTUDIO_VIDEO_PROVIDER=local).",
            provider=self.name,
        )

    # -- one model --------------------------------------------------------------------------

    def _generate_with(
        self, model: str, request: ClipRequest, dest: Path, ctx: StageContext
    ) -> ClipResult:
        settings = self._settings
        model_input = build_input(model, request)
        ctx.report(0.0, f"Submitting the clip to {model}")
        prediction = self._retrying(
            ctx,
            model,
            "creating the prediction",
            lambda: self._client.models.predictions.create(model=model, input=model_input),
        )
        prediction = self._await(prediction, model, ctx)
        url = self._output_url(prediction)

        raw = ctx.workdir / f"{dest.stem}.{model.replace('/', '_')}.download"
        ctx.report(0.85, f"Downloading the clip from {model}")
        try:
            self._retrying(
                ctx,
                model,
                "downloading the output",
                lambda: download(
                    self._http,
                    url,
                    raw,
                    max_bytes=settings.max_download_mb * 1_000_000,
                    provider=self.name,
                    is_cancelled=ctx.is_cancelled,
                ),
            )
            info = check_video(raw, provider=self.name)
            duration = request.scene.duration_s
            width, height = conform_size(info.width, info.height, request.width, request.height)
            conform_clip(
                ctx.ffmpeg_exe or ffmpeg.find_ffmpeg(settings.ffmpeg_path),
                raw,
                dest,
                width=width,
                height=height,
                fps=request.fps,
                duration_s=duration,
                on_progress=lambda f: ctx.report(0.9 + 0.1 * f, "Fitting the clip to 9:16"),
                is_cancelled=ctx.is_cancelled,
            )
        finally:
            raw.unlink(missing_ok=True)

        price = self._prices[model]
        cost = price.cost(info.duration_s)
        metrics = prediction.metrics or {}
        predict_time = metrics.get("predict_time")
        predict_time_s = float(predict_time) if isinstance(predict_time, int | float) else None
        log_event(
            "clip_generated",
            f"scene {request.scene.index + 1}: {model}, {info.duration_s:.1f} s output, "
            f"${cost:.4f} at {price.describe()}",
            stage=STAGE,
            generation_id=ctx.generation_id,
            model=model,
            prediction_id=prediction.id,
            output_s=info.duration_s,
            output_size=f"{info.width}x{info.height}",
            predict_time_s=predict_time_s,
            cost=cost,
        )
        ctx.report(1.0, f"Clip ready ({model})")
        return ClipResult(
            path=dest, duration_s=duration, cost=cost, model=model, predict_time_s=predict_time_s
        )

    def _await(self, prediction: Prediction, model: str, ctx: StageContext) -> Prediction:
        """Poll until the prediction ends; cancel it on the service on deadline or cancel."""
        settings = self._settings
        started = time.monotonic()
        deadline = started + settings.replicate_deadline_s
        try:
            while prediction.status not in _DONE:
                ctx.check_cancelled()
                now = time.monotonic()
                if now >= deadline:
                    raise ProviderError(
                        f"no result within {settings.replicate_deadline_s:g} s "
                        "(ADSTUDIO_REPLICATE_DEADLINE_S); the prediction was cancelled",
                        provider=self.name,
                        retryable=True,
                    )
                self._report_polling(prediction, model, now - started, ctx)
                self._sleep(min(settings.replicate_poll_interval_s, deadline - now), ctx)
                prediction = self._retrying(
                    ctx, model, "checking the prediction", partial(self._reload, prediction)
                )
        except (CancelledError, ProviderError):
            # Giving up on a prediction (cancel, deadline, polling failed) must stop it on
            # Replicate too, or it keeps running - and billing - while the next model works.
            if prediction.status not in _DONE:
                self._cancel_remote(prediction.id, model, ctx)
            raise
        if prediction.status == "failed":
            reason = redact(str(prediction.error or "no reason given"), [self._token])
            raise ProviderError(f"the prediction failed ({reason[:200]})", provider=self.name)
        if prediction.status == "canceled":
            raise ProviderError("the prediction was cancelled on Replicate", provider=self.name)
        return prediction

    @staticmethod
    def _reload(prediction: Prediction) -> Prediction:
        prediction.reload()
        return prediction

    def _output_url(self, prediction: Prediction) -> str:
        output: Any = prediction.output
        if isinstance(output, list | tuple):
            output = next((item for item in output if item), None)
        if not isinstance(output, str) or not output:
            raise ProviderError(
                f"the prediction succeeded but returned no video URL ({type(output).__name__})",
                provider=self.name,
            )
        return output

    def _report_polling(
        self, prediction: Prediction, model: str, elapsed: float, ctx: StageContext
    ) -> None:
        progress = prediction.progress if prediction.logs else None
        if progress is not None:
            fraction = progress.percentage
        else:
            fraction = min(0.95, elapsed / TYPICAL_PREDICT_S)
        ctx.report(0.05 + 0.8 * fraction, f"{model}: {prediction.status} ({elapsed:.0f} s)")

    def _cancel_remote(self, prediction_id: str, model: str, ctx: StageContext) -> None:
        """Ask Replicate to stop the prediction (stops the billing); never raises."""
        try:
            self._client.predictions.cancel(prediction_id)
            outcome = "cancelled"
        except (ReplicateException, httpx.HTTPError, ValueError) as exc:
            # Best effort: the local stop must happen even if the service cannot be told.
            outcome = f"cancel failed ({self._describe(exc)})"
        log_event(
            "prediction_cancelled",
            f"{model} prediction {prediction_id}: {outcome}",
            stage=STAGE,
            generation_id=ctx.generation_id,
            model=model,
            prediction_id=prediction_id,
        )

    # -- retries ----------------------------------------------------------------------------

    def _retrying(self, ctx: StageContext, model: str, step: str, call: Callable[[], T]) -> T:
        """Run ``call``, retrying transient faults; map the final failure to ProviderError."""
        settings = self._settings
        attempts = settings.replicate_max_attempts

        def before_sleep(state: tenacity.RetryCallState) -> None:
            exc = state.outcome.exception() if state.outcome else None
            log_event(
                "provider_retry",
                f"{model}: {step} failed ({self._describe(exc)}); retry in "
                f"{state.upcoming_sleep:.2f} s",
                level=logging.WARNING,
                stage=STAGE,
                generation_id=ctx.generation_id,
                model=model,
                step=step,
                attempt=state.attempt_number,
                wait_s=state.upcoming_sleep,
            )

        retryer = tenacity.Retrying(
            stop=tenacity.stop_after_attempt(attempts),
            retry=tenacity.retry_if_exception(is_transient),
            wait=self._wait,
            sleep=lambda seconds: self._sleep(seconds, ctx),
            before=lambda state: setattr(self._local, "retry_after", None),
            before_sleep=before_sleep,
            reraise=True,
        )
        try:
            return retryer(call)
        except (CancelledError, ConfigError):
            raise
        except ReplicateError as exc:
            if exc.status in (401, 403):
                raise _TokenRejected(
                    f"Replicate rejected the API token (HTTP {exc.status}). Check "
                    "REPLICATE_API_TOKEN, or use ADSTUDIO_VIDEO_PROVIDER=local.",
                    provider=self.name,
                ) from exc
            raise self._failure(step, exc, attempts) from exc
        except ProviderError as exc:
            if exc.retryable:
                raise self._failure(step, exc, attempts) from exc
            raise
        except httpx.TransportError as exc:
            raise self._failure(step, exc, attempts) from exc

    def _failure(self, step: str, exc: BaseException, attempts: int) -> ProviderError:
        tail = f" (gave up after {attempts} attempts)" if is_transient(exc) else ""
        return ProviderError(
            f"{step}: {self._describe(exc)}{tail}",
            provider=self.name,
            retryable=is_transient(exc),
        )

    def _wait(self, state: tenacity.RetryCallState) -> float:
        settings = self._settings
        retry_after = getattr(self._local, "retry_after", None)
        if retry_after is not None:
            return float(min(retry_after, settings.retry_backoff_max_s))
        backoff = settings.retry_backoff_s * 2 ** (state.attempt_number - 1)
        return float(min(backoff, settings.retry_backoff_max_s))

    def _remember_retry_after(self, response: httpx.Response) -> None:
        # Runs in the calling thread just before the SDK raises, so the wait can read it.
        if response.status_code == 429 or response.status_code >= 500:
            self._local.retry_after = retry_after_s(response.headers)

    @staticmethod
    def _sleep(seconds: float, ctx: StageContext) -> None:
        """Sleep in short slices so a cancel is noticed within ~0.1 s."""
        end = time.monotonic() + max(0.0, seconds)
        while True:
            ctx.check_cancelled()
            left = end - time.monotonic()
            if left <= 0:
                return
            time.sleep(min(0.1, left))

    def _describe(self, exc: BaseException | None) -> str:
        if exc is None:
            return "unknown error"
        if isinstance(exc, ReplicateError):
            words = " ".join(str(p) for p in (exc.title, exc.detail) if p)
            text = f"HTTP {exc.status}" + (f" {words}" if words else "")
        elif isinstance(exc, httpx.TimeoutException):
            text = "timed out"
        elif isinstance(exc, httpx.TransportError):
            text = f"could not reach the service ({type(exc).__name__})"
        elif isinstance(exc, ProviderError):
            text = exc.message
        else:
            text = f"{type(exc).__name__}: {exc}"
        return redact(text, [self._token])[:300]

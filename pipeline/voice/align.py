"""Word times for speech whose engine gives none: forced alignment, else speech energy.

1. ``pocketsphinx`` (BSD, English acoustic model in its wheel) aligns the known words of
   the line to the audio; words missing from its dictionary (brand names) are placed in
   the gaps between their aligned neighbours, shared by length.
2. Where it cannot run (another language, an error), the voiced part of the audio (10 ms
   RMS frames over a threshold) is shared among the words by their length.
"""

from __future__ import annotations

import logging
import wave
from pathlib import Path

import numpy as np

from pipeline.voice import words as wordlib
from pipeline.voice.models import AlignmentSource, Word

RATE = 16_000
FRAME_S = 0.01
_log = logging.getLogger("adstudio")


def read_mono(path: Path | str) -> tuple[np.ndarray, int]:
    """Float samples (mono, -1..1) and rate of a 16-bit PCM WAV."""
    with wave.open(str(path), "rb") as fh:
        rate, channels = fh.getframerate(), fh.getnchannels()
        raw = np.frombuffer(fh.readframes(fh.getnframes()), dtype="<i2")
    samples = raw.reshape(-1, channels).mean(axis=1) / 32768.0
    return samples.astype(np.float64), rate


def resample(x: np.ndarray, rate: int, to: int) -> np.ndarray:
    """Linear resampling: enough for alignment and level measurement, not for listening."""
    if rate == to or len(x) == 0:
        return x
    n = round(len(x) * to / rate)
    return np.interp(np.arange(n) * rate / to, np.arange(len(x)), x)


def voiced_span(x: np.ndarray, rate: int) -> tuple[float, float]:
    """First and last moment the signal rises 30 dB under its loudest 10 ms frame."""
    hop = max(1, int(rate * FRAME_S))
    frames = len(x) // hop
    if frames == 0:
        return 0.0, len(x) / rate
    rms = np.sqrt(np.mean(x[: frames * hop].reshape(frames, hop) ** 2, axis=1))
    voiced = np.flatnonzero(rms > rms.max() * 10 ** (-30 / 20))
    if len(voiced) == 0:
        return 0.0, len(x) / rate
    return voiced[0] * FRAME_S, (voiced[-1] + 1) * FRAME_S


def by_energy(x: np.ndarray, rate: int, text: str) -> list[Word]:
    """The last resort: the words shared over the voiced span by their length."""
    start, end = voiced_span(x, rate)
    return wordlib.share(wordlib.split(text), start, end)


def forced(x: np.ndarray, rate: int, text: str, language: str = "en") -> list[Word] | None:
    """pocketsphinx's alignment of ``text`` to ``x``; None when it cannot align."""
    if not language.lower().startswith("en"):
        return None
    try:
        from pocketsphinx import Decoder
    except ImportError:
        return None
    spoken = wordlib.split(text)
    decoder = Decoder(samprate=RATE, loglevel="FATAL")
    known = [i for i, w in enumerate(spoken) if decoder.lookup_word(wordlib.bare(w)) is not None]
    if not known:
        return None
    pcm = (np.clip(resample(x, rate, RATE), -1, 1) * 32767).astype("<i2").tobytes()
    try:
        decoder.set_align_text(" ".join(wordlib.bare(spoken[i]) for i in known))
        decoder.start_utt()
        decoder.process_raw(pcm, full_utt=True)
        decoder.end_utt()
        found = decoder.seg() or []  # None when the audio does not match the text
        segs = [s for s in found if not s.word.startswith(("<", "["))]
    except RuntimeError as exc:
        _log.info("forced alignment failed: %s", exc)
        return None
    if len(segs) != len(known):
        return None
    times: dict[int, tuple[float, float]] = {
        i: (s.start_frame * FRAME_S, (s.end_frame + 1) * FRAME_S)
        for i, s in zip(known, segs, strict=True)
    }
    out: list[Word] = []
    i = 0
    while i < len(spoken):
        if i in times:
            a, b = times[i]
            out.append(Word(text=spoken[i], start_s=round(a, 3), end_s=round(b, 3)))
            i += 1
            continue
        j = i
        while j < len(spoken) and j not in times:
            j += 1
        left = out[-1].end_s if out else voiced_span(x, rate)[0]
        right = times[j][0] if j in times else voiced_span(x, rate)[1]
        out.extend(wordlib.share(spoken[i:j], left, max(right, left + 0.05 * (j - i))))
        i = j
    return out


def align(path: Path | str, text: str, language: str = "en") -> tuple[list[Word], AlignmentSource]:
    """Word times of the speech in the WAV ``path``: forced alignment, else energy."""
    x, rate = read_mono(path)
    found = forced(x, rate, text, language)
    if found is not None:
        return found, "forced"
    return by_energy(x, rate, text), "energy"

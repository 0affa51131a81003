"""The voice in the mix: music ducks under speech, effects stay, mastered to -14 LUFS.

1. :func:`place_voice` puts every line's WAV at its start on the ad's timeline (48 kHz).
2. :func:`duck_curve` turns the voice into a gain for the music: where the voice speaks
   (10 ms RMS within 35 dB of its peak), the music falls by ``DUCK_DB`` with a 150 ms
   attack that starts before the word and a 400 ms release after it (smooth, no pumping).
3. :func:`mix` sets the voice ``VOICE_OVER_DB`` over the un-ducked music, adds the effects
   (lowered only ``EFFECT_DUCK_DB`` under words, on the same curve) and masters with
   :func:`pipeline.media.audio_loudness.normalize` (-14 LUFS, true peak under -1.5 dBTP); it
   reports the voice over the music (and over music + effects) in speech passages.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from pipeline.media import ffmpeg
from pipeline.media.audio_loudness import Loudness, normalize
from pipeline.voice.align import read_mono, resample
from pipeline.voice.models import SceneLine, VoiceScript

RATE = 48_000
DUCK_DB = -10.0
EFFECT_DUCK_DB = -6.0  # effects stay, a little lower under words (a chime's tail masked them)
VOICE_OVER_DB = 4.0  # voice RMS over the un-ducked music RMS, before ducking
ATTACK_S = 0.15
RELEASE_S = 0.4
FRAME_S = 0.01
ACTIVE_DB = -35.0


@dataclass(frozen=True)
class MixReport:
    """What the mix measured: the master's loudness and the voice over the music."""

    loudness: Loudness
    voice_to_music_db: float  # RMS of the voice over the ducked music, in speech frames
    voice_to_background_db: float  # the same over music and effects together
    speech_s: float


def load_at(path: str, rate: int, ffmpeg_exe: str | None = None) -> np.ndarray:
    """A mono WAV at ``rate``: resampled by ffmpeg when given (for listening), else linearly."""
    if not ffmpeg_exe:
        x, r = read_mono(path)
        return resample(x, r, rate)
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "voice.f32"
        ffmpeg.run(
            ffmpeg_exe,
            ["-i", path, "-ac", "1", "-ar", str(rate), "-f", "f32le", str(raw)],
            what="Resampling the voice",
        )
        return np.fromfile(raw, dtype="<f4")


def place_voice(
    script: VoiceScript, duration_s: float, rate: int = RATE, ffmpeg_exe: str | None = None
) -> np.ndarray:
    """The whole voice-over as one mono track of ``duration_s`` at ``rate``: with ffmpeg,
    every line resampled and placed in one process (one per line took ~0.1 s each)."""
    length = round(duration_s * rate)
    spoken = [line for line in script.lines if line.speech is not None]
    if ffmpeg_exe and spoken:
        return _placed_by_ffmpeg(spoken, length, rate, ffmpeg_exe)
    out = np.zeros(length, dtype=np.float32)
    for line in spoken:
        assert line.speech is not None
        x = load_at(line.speech.path, rate, ffmpeg_exe)
        start = round(line.start_s * rate)
        x = x[: max(0, len(out) - start)]
        out[start : start + len(x)] += x
    return out


def _placed_by_ffmpeg(lines: list[SceneLine], length: int, rate: int, exe: str) -> np.ndarray:
    inputs: list[str] = []
    chains = []
    for k, line in enumerate(lines):
        assert line.speech is not None
        inputs += ["-i", line.speech.path]
        delay = round(line.start_s * rate)
        chains.append(
            f"[{k}:a]aformat=channel_layouts=mono,aresample={rate},"
            f"adelay=delays={delay}S:all=1[v{k}]"
        )
    joined = "".join(f"[v{k}]" for k in range(len(lines)))
    graph = ";".join(
        [*chains, f"{joined}amix=inputs={len(lines)}:normalize=0:duration=longest,"
                  f"apad=whole_len={length},atrim=end_sample={length}[out]"]
    )  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "voice.f32"
        ffmpeg.run(
            exe,
            [*inputs, "-filter_complex", graph, "-map", "[out]", "-ac", "1", "-ar", str(rate),
             "-f", "f32le", str(raw)],
            what="Placing the voice",
        )  # fmt: skip
        return np.fromfile(raw, dtype="<f4")


def _frames_rms(x: np.ndarray, rate: int) -> np.ndarray:
    hop = round(rate * FRAME_S)
    n = -(-len(x) // hop)
    padded = np.zeros(n * hop)
    padded[: len(x)] = x
    return np.sqrt(np.mean(padded.reshape(n, hop) ** 2, axis=1))


def speech_frames(voice: np.ndarray, rate: int) -> np.ndarray:
    """Boolean per 10 ms frame: the voice is speaking."""
    rms = _frames_rms(voice, rate)
    peak = float(rms.max()) if len(rms) else 0.0
    if peak <= 0:
        return np.zeros(len(rms), dtype=bool)
    return rms > peak * 10 ** (ACTIVE_DB / 20)


def duck_curve(voice: np.ndarray, rate: int, length: int) -> np.ndarray:
    """Per-sample gain for the music: 1 in silence, ``DUCK_DB`` under speech, smooth edges."""
    active = speech_frames(voice, rate).astype(float)
    attack, release = round(ATTACK_S / FRAME_S), round(RELEASE_S / FRAME_S)
    held = active.copy()
    for s in range(1, release + 1):  # hold through short gaps between words
        held[s:] = np.maximum(held[s:], active[:-s])
    for s in range(1, attack + 1):  # start ducking before the first word
        held[:-s] = np.maximum(held[:-s], active[s:])
    kernel = np.hanning(attack * 2 + 1)
    smooth = np.convolve(held, kernel / kernel.sum(), mode="same")
    gain_frames = 1.0 - (1.0 - 10 ** (DUCK_DB / 20)) * np.clip(smooth, 0.0, 1.0)
    centres = (np.arange(len(gain_frames)) + 0.5) * FRAME_S * rate
    return np.interp(np.arange(length), centres, gain_frames).astype(np.float32)


def _rms(x: np.ndarray) -> float:
    return float(np.sqrt(np.mean(np.square(x), dtype=np.float64))) if len(x) else 0.0


def _db(a: float, b: float) -> float:
    return round(float(20 * np.log10(max(a, 1e-12) / max(b, 1e-12))), 2)


def mix(
    ffmpeg_exe: str,
    music: np.ndarray,
    effects: np.ndarray,
    voice: np.ndarray,
    rate: int = RATE,
) -> tuple[np.ndarray, MixReport]:
    """Master music (stereo), effects (stereo) and voice (mono) of equal length together
    (float32 arrays: every step of the mix is made in its own buffer, no float64 copies)."""
    n = len(music)
    voice = np.pad(voice, (0, max(0, n - len(voice))))[:n]
    speaking = speech_frames(voice, rate)
    hop = round(rate * FRAME_S)
    mask = np.repeat(speaking, hop)[:n]
    music_level = _rms(music.mean(axis=1)) or 1e-6
    voice_level = _rms(voice[mask]) or 1e-6
    voice = voice * (music_level / voice_level) * 10 ** (VOICE_OVER_DB / 20)
    curve = duck_curve(voice, rate, n)
    ducked = music * curve[:, None]
    # The same curve, scaled to a shallower depth, for the effects.
    depth = (1.0 - 10 ** (EFFECT_DUCK_DB / 20)) / (1.0 - 10 ** (DUCK_DB / 20))
    effects = effects * (1.0 - (1.0 - curve) * depth)[:, None]
    total = ducked + effects + voice[:, None]
    mastered, loudness = normalize(ffmpeg_exe, total, rate)
    speech = _rms(voice[mask])
    under_music = _rms(ducked.mean(axis=1)[mask])
    under_all = _rms((ducked + effects).mean(axis=1)[mask])
    return mastered, MixReport(
        loudness=loudness,
        voice_to_music_db=_db(speech, under_music),
        voice_to_background_db=_db(speech, under_all),
        speech_s=round(float(speaking.sum()) * FRAME_S, 2),
    )

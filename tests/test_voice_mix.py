"""The ducking mix: -14 LUFS, true peak under -1 dBTP, the voice well over the music."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from pipeline.media import ffmpeg
from pipeline.media.audio_loudness import measure
from pipeline.voice import mix

RATE = mix.RATE
SPEECH = [(1.0, 3.0), (5.0, 7.5)]  # where the fake voice talks (seconds)


def _music(seconds: float) -> np.ndarray:
    """A sustained chord (110, 165, 220 Hz) with a soft pulse: a bed that never rests."""
    t = np.arange(round(seconds * RATE)) / RATE
    bed = sum(np.sin(2 * np.pi * f * t) for f in (110.0, 165.0, 220.0)) * 0.2
    bed *= 0.8 + 0.2 * np.sin(2 * np.pi * 2.0 * t)
    return np.stack([bed, bed], axis=1)


def _voice(seconds: float) -> np.ndarray:
    """Syllable-like bursts of a 140 Hz buzz through 700 Hz / 1.2 kHz tones, in SPEECH only."""
    t = np.arange(round(seconds * RATE)) / RATE
    buzz = np.sign(np.sin(2 * np.pi * 140 * t)) * 0.1
    formants = np.sin(2 * np.pi * 700 * t) * 0.3 + np.sin(2 * np.pi * 1200 * t) * 0.2
    syllables = np.clip(np.sin(2 * np.pi * 4.0 * t), 0, None)
    gate = np.zeros_like(t)
    for a, b in SPEECH:
        gate[(t >= a) & (t < b)] = 1.0
    return (buzz + formants) * syllables * gate * 0.5


def _effect(seconds: float, at_s: float) -> np.ndarray:
    """A 200 ms noise swoosh at ``at_s``, outside the speech."""
    out = np.zeros((round(seconds * RATE), 2))
    rng = np.random.default_rng(0)
    n = round(0.2 * RATE)
    burst = rng.standard_normal(n) * np.hanning(n) * 0.3
    start = round(at_s * RATE)
    out[start : start + n] = burst[:, None]
    return out


def test_music_ducks_under_the_voice_and_the_master_meets_delivery_levels() -> None:
    exe = ffmpeg.find_ffmpeg()
    seconds = 9.0
    music, voice, effects = _music(seconds), _voice(seconds), _effect(seconds, 4.0)
    mastered, report = mix.mix(exe, music, effects, voice)
    assert abs(report.loudness.integrated_lufs - (-14.0)) <= 0.5
    assert report.loudness.true_peak_dbtp <= -1.0
    again = measure(exe, mastered, RATE)  # what is returned is what was measured
    assert abs(again.integrated_lufs - report.loudness.integrated_lufs) < 0.05
    assert report.voice_to_music_db >= 10.0, report
    assert 1.8 <= report.speech_s <= 4.6  # syllables: voiced about half of the 4.5 s

    gain = mix.duck_curve(voice, RATE, len(voice))
    at = {s: float(gain[round(s * RATE)]) for s in (0.3, 2.0, 4.1, 6.0, 8.8)}
    assert at[0.3] == 1.0 and at[4.1] == 1.0 and at[8.8] == 1.0  # the effect is never ducked
    assert abs(20 * np.log10(at[2.0]) - mix.DUCK_DB) < 0.5
    assert abs(20 * np.log10(at[6.0]) - mix.DUCK_DB) < 0.5
    steps = np.abs(np.diff(20 * np.log10(gain[::48])))  # 1 ms apart
    assert steps.max() < 0.5  # smooth: no step of half a dB within a millisecond


def test_every_line_lands_at_its_start_resampled_in_one_ffmpeg(tmp_path: Path) -> None:
    """One ffmpeg resamples and places every line: the same samples as resampling each line
    on its own and adding it at its start, cut at the ad's end."""
    from pipeline.voice.models import SceneLine, Speech, VoiceScript
    from tests.voice_support import write_wav

    lines = []
    for k, (start, seconds) in enumerate([(0.25, 1.2), (3.8, 2.0), (8.9, 1.5)]):
        t = np.arange(round(seconds * 22050)) / 22050
        wav = write_wav(tmp_path / f"l{k}.wav", 0.3 * np.sin(2 * np.pi * (180 + 40 * k) * t), 22050)
        speech = Speech(path=str(wav), duration_s=seconds, sample_rate=22050, words=[],
                        alignment="energy", engine="test", voice="test")  # fmt: skip
        lines.append(SceneLine(scene_index=k, text="x", start_s=start, window_s=3, speech=speech))
    script = VoiceScript(language="en", lines=lines)
    exe = ffmpeg.find_ffmpeg()
    placed = mix.place_voice(script, 10.0, RATE, exe)  # the last line runs past the end
    expected = np.zeros(10 * RATE)
    for line in lines:
        x = mix.load_at(line.speech.path, RATE, exe)  # type: ignore[union-attr]
        at = round(line.start_s * RATE)
        expected[at : at + len(x)] += x[: len(expected) - at]
    assert len(placed) == 10 * RATE
    assert np.array_equal(placed, expected)
    assert np.abs(placed[: round(0.25 * RATE)]).max() == 0.0  # silent before the first line

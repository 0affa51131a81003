"""Audio stage and the bundled library: real files, real ffmpeg, facts measured by ffmpeg.

Loudness is measured here with ffmpeg's ``loudnorm`` analyser; the stage itself uses the
``ebur128`` meter, so the two numbers come from different code.
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from pydantic import ValidationError

from pipeline.errors import CancelledError, ConfigError, InputError
from pipeline.media.audio_edit import plan_edit
from pipeline.media.audio_library import DEFAULT_ASSETS_DIR, load_library
from pipeline.media.ffmpeg import find_ffmpeg
from pipeline.runtime.render_plan import AudioTrack
from pipeline.settings import Settings
from pipeline.spec import MOODS, SFX_NAMES
from pipeline.stages import audio
from pipeline.stages.context import StageContext

RATE = 48_000
FFMPEG = find_ffmpeg()
TRANSITIONS = [4.75, 9.25]


def decode(path: Path | str) -> np.ndarray:
    """Decode any audio file with ffmpeg to 48 kHz stereo float samples."""
    done = subprocess.run(
        [FFMPEG, "-v", "error", "-i", str(path), "-f", "f32le", "-ac", "2", "-ar", str(RATE), "-"],
        capture_output=True,
        check=True,
    )
    return np.frombuffer(done.stdout, dtype="<f4").reshape(-1, 2).astype(np.float64)


def loudnorm_stats(path: Path | str) -> dict[str, float]:
    """ffmpeg's loudnorm analysis (integrated loudness, true peak) of a file."""
    done = subprocess.run(
        [FFMPEG, "-hide_banner", "-nostats", "-i", str(path),
         "-af", "loudnorm=print_format=json", "-f", "null", "-"],
        capture_output=True,
        check=True,
    )  # fmt: skip
    log = done.stderr.decode()
    stats = json.loads(log[log.rindex("{") : log.rindex("}") + 1])
    return {k: float(v) for k, v in stats.items() if k.startswith("input_")}


def context(workdir: Path, cancelled: bool = False) -> StageContext:
    return StageContext(
        settings=Settings(data_dir=workdir / "data", output_dir=workdir / "out"),
        workdir=workdir,
        ffmpeg_exe=FFMPEG,
        is_cancelled=lambda: cancelled,
    )


def render(workdir: Path, **fields: object) -> AudioTrack:
    workdir.mkdir(parents=True, exist_ok=True)
    request = audio.AudioRequest(**{"mood": "upbeat", "duration_s": 15.0, **fields})
    return audio.run(request, context(workdir))


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> AudioTrack:
    """One 15 s upbeat mix with two transitions (an impact, then the mood's default)."""
    return render(
        tmp_path_factory.mktemp("mix"),
        transition_times_s=TRANSITIONS,
        seed=7,
        sfx=["impact", None],
    )


# --------------------------------------------------------------------------- the library


@pytest.mark.parametrize("mood", MOODS)
def test_every_mood_has_two_tracks_that_decode_to_their_stated_length(mood: str) -> None:
    library = load_library()
    tracks = library.tracks_for(mood)
    assert len(tracks) >= 2
    for track in tracks:
        samples = decode(library.track_path(track))
        assert abs(len(samples) / RATE - track.duration_s) < 0.05, track.file
        assert 18.0 <= track.duration_s <= 32.0
        assert track.licence.startswith("CC0")
        assert np.sqrt(np.mean(samples**2)) > 0.05, f"{track.file} is nearly silent"


def test_every_named_sound_effect_exists_and_decodes() -> None:
    library = load_library()
    assert sorted(library.effects) == sorted(SFX_NAMES)
    for name in SFX_NAMES:
        effect = library.effect(name)
        samples = decode(library.effect_path(effect))
        assert abs(len(samples) / RATE - effect.duration_s) < 0.05, name
        assert 0.0 <= effect.peak_s < effect.duration_s
        assert np.max(np.abs(samples)) > 0.2, f"{name} is nearly silent"


def test_library_is_small_and_documented() -> None:
    files = [*DEFAULT_ASSETS_DIR.joinpath("music").glob("*.opus")]
    files += DEFAULT_ASSETS_DIR.joinpath("sfx").glob("*.opus")
    assert sum(f.stat().st_size for f in files) < 8_000_000
    readme = DEFAULT_ASSETS_DIR.joinpath("music", "README.md").read_text()
    assert "python -m assets.synth" in readme


# --------------------------------------------------------------------------- the mix


def test_mix_is_48k_stereo_wav_of_the_requested_length(mixed: AudioTrack) -> None:
    path = Path(mixed.path)
    assert path.suffix == ".wav"
    head = path.read_bytes()[:44]
    assert head[:4] == b"RIFF" and head[8:12] == b"WAVE"
    assert int.from_bytes(head[22:24], "little") == 2
    assert int.from_bytes(head[24:28], "little") == RATE
    samples = decode(path)
    assert abs(len(samples) / RATE - 15.0) <= 0.02
    assert mixed.duration_s == pytest.approx(15.0, abs=0.02)


def test_mix_is_at_minus_14_lufs_without_clipping(mixed: AudioTrack) -> None:
    stats = loudnorm_stats(mixed.path)
    assert stats["input_i"] == pytest.approx(-14.0, abs=1.0)
    assert stats["input_tp"] <= -1.0
    pcm = np.frombuffer(Path(mixed.path).read_bytes()[44:], dtype="<i2")
    assert np.count_nonzero(np.abs(pcm.astype(np.int32)) >= 32767) == 0
    assert mixed.integrated_lufs == pytest.approx(stats["input_i"], abs=0.5)
    assert mixed.true_peak_dbtp is not None and mixed.true_peak_dbtp <= -1.0


def test_mix_records_its_music_and_effects(mixed: AudioTrack) -> None:
    library = load_library()
    assert mixed.music_track in {f"music/{t.file}" for t in library.tracks_for("upbeat")}
    assert mixed.sfx[0] == "impact"
    assert mixed.sfx[1] in SFX_NAMES
    assert len(mixed.sfx) == len(TRANSITIONS)


def _rms_envelope(x: np.ndarray, window_s: float = 0.02) -> np.ndarray:
    power = np.sum(x**2, axis=1)
    w = int(window_s * RATE)
    return np.sqrt(np.convolve(power, np.ones(w) / w, mode="same"))


def test_effects_land_on_the_transitions(mixed: AudioTrack, tmp_path: Path) -> None:
    """The mix minus the same music without effects peaks where each cut is."""
    bare = render(tmp_path, seed=7)  # same mood, seed and length: same bed, no effects
    assert bare.music_track == mixed.music_track
    with_fx, without = decode(mixed.path), decode(bare.path)
    # Match levels on a stretch without effects (loudness normalization differs).
    ref = slice(int(1.0 * RATE), int(3.5 * RATE))
    scale = np.sqrt(np.mean(with_fx[ref] ** 2) / np.mean(without[ref] ** 2))
    effects = _rms_envelope(with_fx - without * scale)
    music = _rms_envelope(with_fx)
    for t in TRANSITIONS:
        near = slice(int((t - 0.6) * RATE), int((t + 0.6) * RATE))
        peak_at = (near.start + int(np.argmax(effects[near]))) / RATE
        assert abs(peak_at - t) < 0.08, f"effect peaks at {peak_at:.3f} s, cut at {t} s"
        assert effects[int(t * RATE)] > 0.3 * music[int(t * RATE)]
    assert np.max(effects[ref]) < 0.1 * np.max(effects)


def test_effects_sit_a_few_db_over_the_bed_not_on_top_of_it(tmp_path: Path) -> None:
    """Each effect's loudest 400 ms stands ~3-5 dB over the 30 % bed (it was ~10 dB, and the
    limiter then ducked the music by up to 10 dB under every effect)."""
    cuts = [4.5, 9.0, 13.0]
    # Sustained effects: a 400 ms window says little about a 50 ms pop.
    sfx = ["shimmer", "whoosh", "chime"]
    mix = render(tmp_path / "fx", mood="luxury", seed=3, transition_times_s=cuts, sfx=sfx)
    bare = render(tmp_path / "bare", mood="luxury", seed=3)
    with_fx, without = decode(mix.path), decode(bare.path)
    ref = slice(int(1.0 * RATE), int(3.5 * RATE))
    bed = without * np.sqrt(np.mean(with_fx[ref] ** 2) / np.mean(without[ref] ** 2))
    bed_db = 10 * np.log10(np.mean(bed**2))
    window = int(0.4 * RATE)
    for t in cuts:
        near = (with_fx - bed)[int((t - 0.8) * RATE) : int((t + 0.8) * RATE)]
        power = np.convolve(np.sum(near**2, axis=1) / 2, np.ones(window) / window, mode="valid")
        over = 10 * np.log10(power.max()) - bed_db
        assert 1.0 <= over <= 7.0, f"{mix.sfx} at {t} s: {over:.1f} dB over the bed"


def test_same_request_same_bytes(mixed: AudioTrack, tmp_path: Path) -> None:
    again = render(tmp_path, transition_times_s=TRANSITIONS, seed=7, sfx=["impact", None])
    digest = [hashlib.sha256(Path(p).read_bytes()).hexdigest() for p in (mixed.path, again.path)]
    assert digest[0] == digest[1]
    assert again.sfx == mixed.sfx


def test_seeds_and_moods_choose_among_tracks() -> None:
    library = load_library()
    for mood in MOODS:
        picked = {library.pick_track(mood, seed).file for seed in range(12)}
        assert len(picked) >= 2, f"every seed picks the same {mood} track"
        assert picked <= {t.file for t in library.tracks_for(mood)}
    assert library.pick_track("calm", 3) == library.pick_track("calm", 3)
    assert library.pick_track("calm", 3).mood != library.pick_track("energetic", 3).mood


def test_default_effects_suit_the_mood_and_follow_the_seed() -> None:
    library = load_library()
    calm = library.default_effects("calm", 3, seed=1)
    assert calm == library.default_effects("calm", 3, seed=1)
    assert set(calm) <= {"whoosh", "chime", "shimmer"}
    assert len(set(calm)) > 1, "consecutive cuts should not all sound the same"


# --------------------------------------------------------------------------- editing


@pytest.mark.parametrize("duration", [6.0, 15.0, 14.0, 29.5, 45.0])
def test_edit_puts_the_ending_on_a_bar_line_and_fills_the_video(duration: float) -> None:
    for track in load_library().tracks:
        plan = plan_edit(track, duration)
        assert plan.ending_at_s is not None
        bars = plan.ending_at_s / track.bar_s
        assert bars == pytest.approx(round(bars), abs=1e-6)
        assert duration - plan.ending_at_s >= 1.8  # the final chord gets time to ring
        covered = sum(p.end_s - p.start_s for p in plan.pieces)
        assert duration - 0.3 - 1e-6 <= covered <= duration + 1e-6, track.file
        assert plan.pieces[-1].start_s == track.ending_start_s


def test_long_video_loops_the_body_not_the_intro() -> None:
    track = load_library().tracks_for("energetic")[0]
    plan = plan_edit(track, 45.0)
    starts = [p.start_s for p in plan.pieces[1:-1]]
    assert starts and all(s == pytest.approx(track.loop_start_s) for s in starts)


def test_very_short_video_gets_the_opening_faded(tmp_path: Path) -> None:
    track = load_library().tracks_for("luxury")[0]
    assert plan_edit(track, 2.0).ending_at_s is None
    short = render(tmp_path, mood="luxury", duration_s=2.0, seed=0)
    assert abs(len(decode(short.path)) / RATE - 2.0) <= 0.02


# --------------------------------------------------------------------------- errors


def test_unknown_mood_is_refused_with_the_choices(tmp_path: Path) -> None:
    expected = "Unknown mood 'spooky'. Choose one of: luxury, upbeat, calm, energetic"
    with pytest.raises(InputError, match=re.escape(expected)):
        render(tmp_path, mood="spooky")
    assert not (tmp_path / audio.OUTPUT_NAME).exists()


def test_missing_library_says_how_to_rebuild(tmp_path: Path) -> None:
    request = audio.AudioRequest(mood="calm", duration_s=5.0)
    with pytest.raises(ConfigError, match=r"python -m assets\.synth"):
        audio.run(request, context(tmp_path), library_dir=tmp_path / "nowhere")


def test_request_rejects_mismatched_effects_and_times_outside_the_video() -> None:
    with pytest.raises(ValidationError, match="one per transition"):
        audio.AudioRequest(mood="calm", duration_s=10, transition_times_s=[3.0], sfx=[None, None])
    with pytest.raises(ValidationError, match="outside"):
        audio.AudioRequest(mood="calm", duration_s=10, transition_times_s=[12.0])
    with pytest.raises(ValidationError):
        audio.AudioRequest(mood="calm", duration_s=10, transition_times_s=[3.0], sfx=["boing"])


def test_cancelled_before_mixing(tmp_path: Path) -> None:
    request = audio.AudioRequest(mood="calm", duration_s=5.0)
    with pytest.raises(CancelledError):
        audio.run(request, context(tmp_path, cancelled=True))


def test_importing_the_stage_raises_no_warning_without_ffmpeg_on_path() -> None:
    code = "import pipeline.stages.audio"
    done = subprocess.run(
        [sys.executable, "-W", "error", "-c", code],
        capture_output=True,
        env={"PATH": "/nonexistent"},
        cwd=Path(__file__).resolve().parent.parent,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode()[-600:]
    assert not re.search(r"Warning", done.stderr.decode())


def test_the_mix_is_worked_in_float32(tmp_path: Path) -> None:
    """Every buffer of the mix is float32 (float64 doubled them: about 45 MB at the peak of
    a 15 s ad); the master still lands at -14 LUFS (test above)."""
    request = audio.AudioRequest(mood="upbeat", duration_s=15.0, transition_times_s=TRANSITIONS)
    parts = audio.stems(request, context(tmp_path))
    assert parts.music.dtype == parts.effects.dtype == np.float32
    assert parts.music.shape == (15 * audio.RATE, 2) and np.abs(parts.music).max() > 0.05

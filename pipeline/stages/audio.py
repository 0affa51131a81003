"""Audio stage: a music bed cut to the video, a sound effect on every cut, mastered to -14 LUFS.

Contract: ``run(AudioRequest, ctx) -> render_plan.AudioTrack``; writes one 48 kHz stereo
16-bit WAV into ``ctx.workdir`` and touches nothing else.

1. The seed picks one of the mood's tracks from the bundled library (``assets/music``,
   synthesized by ``python -m assets.synth``); :mod:`pipeline.media.audio_edit` cuts it to the
   video's length on the bar, with its real ending, a short fade-in and a fade to silence.
2. Each transition gets its effect (the plan's choice, else one that suits the mood), placed
   so the effect's loudest moment (its ``peak_s`` in the manifest) lands on the cut.
3. Mixing is done with pydub. "Music at 30 % volume" is read as: the bed plays at 0.3 of
   its mastered amplitude (-10.5 dB), where the library masters music (integrated) and
   effects (loudest 400 ms) to the same loudness; the absolute level comes from step 4.
   Effects play at ``SFX_GAIN_DB`` (-4 dB), so they stand ~3-6 dB over the bed. At full
   level they stood ~10 dB over it and the limiter ducked the music by up to 10 dB under
   every effect (an audible pump); now the largest gain reduction is ~6-7 dB for a few
   milliseconds on a transient, ~2-4 dB on sustained effects (measured on 4 moods).
4. :mod:`pipeline.media.audio_loudness` brings the finished mix to -14 LUFS integrated with true
   peaks under -1.5 dBTP (look-ahead limiter), measured by ffmpeg's EBU R128 meter; the
   measured numbers go into the returned track.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from pydantic import BaseModel, ConfigDict, Field, model_validator

from pipeline.errors import RenderError
from pipeline.logs import log_event
from pipeline.media.audio_edit import plan_edit, render_bed
from pipeline.media.audio_library import DEFAULT_ASSETS_DIR, AudioLibrary, MusicTrack, load_library
from pipeline.media.audio_loudness import Loudness, normalize
from pipeline.media.audio_pydub import AudioSegment, use_ffmpeg
from pipeline.media.ffmpeg import find_ffmpeg
from pipeline.runtime.render_plan import AudioTrack, Timeline, transition_times
from pipeline.spec import ScenePlan, SfxName
from pipeline.stages.context import StageContext

RATE = 48_000
MUSIC_GAIN = 0.3  # the product spec's "music at 30 % volume", relative to the effects
SFX_GAIN_DB = -4.0  # effects ~4 dB over the bed, not ~10 dB over it with the music ducked
HEADROOM_DB = -6.0  # summing happens in 32-bit integers; keep well clear of their ceiling
OUTPUT_NAME = "audio_mix.wav"


class AudioRequest(BaseModel):
    """What the audio stage needs to know about the finished video.

    ``sfx`` has one entry per transition (None: choose one that suits the mood) or is empty
    (choose all). ``transition_times_s`` are on the output timeline, inside the video.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    mood: str
    duration_s: float = Field(gt=0, le=600)
    transition_times_s: list[float] = []
    seed: int = 0
    sfx: list[SfxName | None] = []
    track: str | None = None  # a music track's title (a storyboard's choice); None: the seed's

    @classmethod
    def for_ad(cls, mood: str, timeline: Timeline, seed: int, plan: ScenePlan) -> AudioRequest:
        """The mix one ad needs: its mood and length, the plan's sound on every cut."""
        return cls._cut(mood, timeline.duration_s, timeline.transition_times_s, seed, plan)

    @classmethod
    def for_plan(cls, mood: str, plan: ScenePlan, seed: int) -> AudioRequest:
        """The same request from the plan alone: each clip lasts exactly its scene."""
        from pipeline.stages.stitching import timing

        offsets, duration = timing(plan)
        cuts = transition_times(offsets, plan.crossfade_s)
        return cls._cut(mood, duration, cuts, seed, plan)

    @classmethod
    def _cut(
        cls, mood: str, duration_s: float, cuts: list[float], seed: int, plan: ScenePlan
    ) -> AudioRequest:
        return cls(
            mood=mood,
            duration_s=duration_s,
            transition_times_s=cuts,
            seed=seed,
            sfx=[s.transition_sfx for s in plan.scenes[:-1]],
            track=plan.music,
        )

    @model_validator(mode="after")
    def _consistent(self) -> AudioRequest:
        if self.sfx and len(self.sfx) != len(self.transition_times_s):
            raise ValueError(
                f"sfx has {len(self.sfx)} entries for {len(self.transition_times_s)} "
                "transitions; give one per transition (None for the default) or none at all."
            )
        outside = [t for t in self.transition_times_s if not 0.0 <= t <= self.duration_s]
        if outside:
            raise ValueError(
                f"transition times {outside} lie outside the {self.duration_s} s video."
            )
        return self


def _decode(path: Path, exe: str) -> AudioSegment:
    """Decode a library file to 48 kHz stereo 32-bit PCM."""
    use_ffmpeg(exe)
    try:
        segment = AudioSegment.from_file(
            str(path), codec="opus", parameters=["-ar", str(RATE), "-ac", "2"]
        )
    except Exception as exc:  # pydub raises CouldntDecodeError, OSError, IndexError ...
        # pydub's text is ffmpeg's whole banner and the file's path: the log keeps it.
        log_event("audio_decode_failed", f"{path}: {exc}"[-4000:], level=logging.ERROR,
                  stage="audio")  # fmt: skip
        kind = "sound effect" if path.parent.name == "sfx" else "music track"
        raise RenderError(
            f"The {kind} {path.stem!r} could not be decoded (the file is damaged). Please try "
            "again; the administrator can restore it with `python -m assets.synth`.",
            detail=str(exc)[-2000:],
        ) from exc
    return segment.set_frame_rate(RATE).set_channels(2).set_sample_width(4)


@lru_cache(maxsize=16)
def _decode_effect(path: Path, exe: str, mtime_ns: int) -> AudioSegment:
    return _decode(path, exe)


def _load_effect(path: Path, exe: str) -> AudioSegment:
    """Effects are short and used every time: cached per file version (0.1-1.3 MB each).

    Music is not cached: a decoded track is 7-8 MB and decoding takes ~0.1 s, so a cache of
    the library would hold ~110 MB in a long-running server to save 0.1 s per generation.
    """
    return _decode_effect(path, exe, path.stat().st_mtime_ns)


def _choose_effects(request: AudioRequest, library: AudioLibrary) -> list[str]:
    defaults = library.default_effects(request.mood, len(request.transition_times_s), request.seed)
    chosen = list(request.sfx) or [None] * len(request.transition_times_s)
    return [name or default for name, default in zip(chosen, defaults, strict=True)]


def _place(effect: AudioSegment, at_s: float, peak_s: float, length: int) -> AudioSegment:
    """The effect on a silent canvas of ``length`` frames, its peak on ``at_s``."""
    start = round((at_s - peak_s) * RATE)
    if start < 0:  # a cut very early in the video: drop the part before zero
        effect = effect.get_sample_slice(-start, None)
        start = 0
    pad = effect._spawn(b"\x00" * (start * effect.frame_width))
    return pad + effect


def _samples(segment: AudioSegment) -> np.ndarray:
    """Stereo float32 samples in [-1, 1) from a 32-bit pydub segment (24 bits of precision
    for a 16-bit master: float64 doubled every array of the mix, about 45 MB at its peak)."""
    ints = np.frombuffer(segment.raw_data, dtype="<i4").reshape(-1, 2)
    out = ints.astype(np.float32)
    out *= np.float32(2.0**-31)
    return out


@dataclass
class Stems:
    """The mix before mastering: the music bed and the effects, as float stereo arrays of the
    same length at :data:`RATE` (summing them is the mix without a voice)."""

    music: np.ndarray
    effects: np.ndarray
    track: MusicTrack
    sfx: list[str]
    exe: str

    @property
    def frames(self) -> int:
        return len(self.music)


def stems(request: AudioRequest, ctx: StageContext, library_dir: Path | None = None) -> Stems:
    """Pick, cut and level the music bed and place each transition's effect on its cut."""
    ctx.check_cancelled()
    library = load_library(library_dir or DEFAULT_ASSETS_DIR)
    track = library.pick_track(request.mood, request.seed)
    if request.track:  # chosen by name in a storyboard (validated there)
        track = next((t for t in library.tracks if t.title == request.track), track)
    names = _choose_effects(request, library)
    exe = ctx.ffmpeg_exe or find_ffmpeg(ctx.settings.ffmpeg_path)
    ctx.report(0.1, f"Music: {track.title}")
    source = _decode(library.track_path(track), exe)
    bed = render_bed(source, plan_edit(track, request.duration_s), request.duration_s)
    length = int(bed.frame_count())
    music = _samples(bed.apply_gain(20 * np.log10(MUSIC_GAIN) + HEADROOM_DB))
    ctx.check_cancelled()
    ctx.report(0.4, "Placing sound effects")
    effects = np.zeros_like(music)
    for at_s, name in zip(request.transition_times_s, names, strict=True):
        effect = library.effect(name)
        sound = _load_effect(library.effect_path(effect), exe).apply_gain(HEADROOM_DB + SFX_GAIN_DB)
        part = _samples(_place(sound, at_s, effect.peak_s, length))[:length]
        effects[: len(part)] += part
    return Stems(music=music, effects=effects, track=track, sfx=names, exe=exe)


def write_track(
    mastered: np.ndarray, stems: Stems, loudness: Loudness, ctx: StageContext
) -> AudioTrack:
    """Write the mastered mix as the 16-bit WAV the export reads; describe it."""
    pcm = np.round(mastered * 32767.0).astype("<i2").tobytes()
    out = AudioSegment(data=pcm, sample_width=2, frame_rate=RATE, channels=2)
    dest = Path(ctx.workdir) / OUTPUT_NAME
    dest.parent.mkdir(parents=True, exist_ok=True)
    with dest.open("wb") as fh:
        out.export(fh, format="wav")
    return AudioTrack(
        path=str(dest),
        duration_s=round(stems.frames / RATE, 6),
        music_track=f"music/{stems.track.file}",
        music_title=stems.track.title,
        sfx=stems.sfx,
        integrated_lufs=loudness.integrated_lufs,
        true_peak_dbtp=loudness.true_peak_dbtp,
    )


def run(request: AudioRequest, ctx: StageContext, library_dir: Path | None = None) -> AudioTrack:
    """Mix the music bed and transition effects for one video; return the mastered WAV."""
    parts = stems(request, ctx, library_dir)
    ctx.check_cancelled()
    ctx.report(0.6, "Normalizing loudness")
    mastered, loudness = normalize(parts.exe, parts.music + parts.effects, RATE)
    ctx.check_cancelled()
    track = write_track(mastered, parts, loudness, ctx)
    ctx.report(1.0, "Audio mixed")
    return track

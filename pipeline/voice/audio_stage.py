"""The audio stage with a voice: the same music bed and effects, the music ducked under speech.

Contract as :func:`pipeline.audio.run` (``AudioRequest`` + ``ctx`` -> ``AudioTrack``, one
48 kHz stereo WAV in ``ctx.workdir``), plus the voice script and the measured
voice-to-music level. The bed and effects are built with the audio stage's own helpers so
the two mixes differ only in the voice.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from pipeline import audio
from pipeline.audio_edit import plan_edit, render_bed
from pipeline.audio_library import DEFAULT_ASSETS_DIR, load_library
from pipeline.audio_pydub import AudioSegment
from pipeline.context import StageContext
from pipeline.ffmpeg import find_ffmpeg
from pipeline.render_plan import AudioTrack
from pipeline.voice import mix
from pipeline.voice.models import VoiceScript


def run(
    request: audio.AudioRequest,
    script: VoiceScript,
    ctx: StageContext,
    library_dir: Path | None = None,
) -> tuple[AudioTrack, mix.MixReport]:
    """Mix music, effects and the voice-over; return the mastered WAV and what was measured."""
    ctx.check_cancelled()
    library = load_library(library_dir or DEFAULT_ASSETS_DIR)
    track = library.pick_track(request.mood, request.seed)
    names = audio._choose_effects(request, library)
    exe = ctx.ffmpeg_exe or find_ffmpeg(ctx.settings.ffmpeg_path)
    ctx.report(0.1, f"Music: {track.title}")
    source = audio._decode(library.track_path(track), exe)
    bed = render_bed(source, plan_edit(track, request.duration_s), request.duration_s)
    length = int(bed.frame_count())
    music = audio._samples(bed.apply_gain(20 * np.log10(audio.MUSIC_GAIN) + audio.HEADROOM_DB))
    effects = np.zeros_like(music)
    for at_s, name in zip(request.transition_times_s, names, strict=True):
        effect = library.effect(name)
        sound = audio._load_effect(library.effect_path(effect), exe)
        placed = audio._place(
            sound.apply_gain(audio.HEADROOM_DB + audio.SFX_GAIN_DB), at_s, effect.peak_s, length
        )
        part = audio._samples(placed)[:length]
        effects[: len(part)] += part
    ctx.check_cancelled()
    ctx.report(0.5, "Ducking the music under the voice")
    voice = mix.place_voice(script, length / audio.RATE, audio.RATE, exe)[:length]
    mastered, report = mix.mix(exe, music, effects, voice, audio.RATE)
    ctx.check_cancelled()
    pcm = np.round(mastered * 32767.0).astype("<i2").tobytes()
    out = AudioSegment(data=pcm, sample_width=2, frame_rate=audio.RATE, channels=2)
    dest = Path(ctx.workdir) / audio.OUTPUT_NAME
    dest.parent.mkdir(parents=True, exist_ok=True)
    with dest.open("wb") as fh:
        out.export(fh, format="wav")
    ctx.report(1.0, "Audio mixed with the voice")
    return (
        AudioTrack(
            path=str(dest),
            duration_s=round(length / audio.RATE, 6),
            music_track=f"music/{track.file}",
            music_title=track.title,
            sfx=names,
            integrated_lufs=report.loudness.integrated_lufs,
            true_peak_dbtp=report.loudness.true_peak_dbtp,
        ),
        report,
    )

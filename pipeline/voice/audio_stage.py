"""The audio stage with a voice: the same music bed and effects, the music ducked under speech.

Contract as :func:`pipeline.stages.audio.run` (``AudioRequest`` + ``ctx`` -> ``AudioTrack``, one
48 kHz stereo WAV in ``ctx.workdir``), plus the voice script and the measured
voice-to-music level. The bed and effects are :func:`pipeline.stages.audio.stems`, so the two
mixes differ only in the voice.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.runtime.render_plan import AudioTrack
from pipeline.stages import audio
from pipeline.stages.context import StageContext
from pipeline.voice import mix
from pipeline.voice.models import VoiceScript


def run(
    request: audio.AudioRequest,
    script: VoiceScript,
    ctx: StageContext,
    library_dir: Path | None = None,
) -> tuple[AudioTrack, mix.MixReport]:
    """Mix music, effects and the voice-over; return the mastered WAV and what was measured."""
    parts = audio.stems(request, ctx, library_dir)
    ctx.check_cancelled()
    ctx.report(0.5, "Ducking the music under the voice")
    voice = mix.place_voice(script, parts.frames / audio.RATE, audio.RATE, parts.exe)
    mastered, report = mix.mix(
        parts.exe, parts.music, parts.effects, voice[: parts.frames], audio.RATE
    )
    ctx.check_cancelled()
    track = audio.write_track(mastered, parts, report.loudness, ctx)
    ctx.report(1.0, "Audio mixed with the voice")
    return track, report

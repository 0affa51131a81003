"""The voice stage: script + speech + captions for one ad, in one call for the orchestrator.

``run(spec, plan, ctx)`` chooses the speech provider for the ad's language (or none, with
the reason), fits and speaks the script, and draws the caption states; ``sidecars`` writes
the ``.srt`` and ``.vtt`` next to the finished MP4. ``summary`` is what the JSON and the row
keep: engine, voice, seconds of speech, reason.

``begin(...)`` then ``Pending.finish(ctx)`` is the same work split in two: ``begin`` hands
every scene's line to the engine's process and returns at once, so the caller can draw the
clips while it speaks; ``finish`` collects the speech, refits lines that ran long and
draws the captions. With no voice nothing is burned in: the headline already shows the
words, so only the ``.srt``/``.vtt`` carry the script.

``earlier``: earlier versions' spoken lines (``voice["lines"]`` of their rows); a line
whose text, engine, voice, language and seed match is copied with its word times instead
of spoken (:mod:`pipeline.voice.reuse`); when every line matches the engine never starts.
The captions are drawn anew either way (a moved headline moves them).
"""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.logs import log_event
from pipeline.runtime.render_plan import CaptionLayer
from pipeline.spec import AdSpecification, CostEntry, ScenePlan
from pipeline.stages.context import StageContext
from pipeline.typography.roles import safe_area
from pipeline.voice import captions, layout, reuse, script, subtitles, tts
from pipeline.voice.captions import CaptionGroup, CaptionTrack
from pipeline.voice.models import VoiceScript
from pipeline.voice.tts import SpeechProvider

STAGE = "voice"
Records = list[dict[str, Any]]


@dataclass
class VoiceOutput:
    """The voice-over and captions of one ad."""

    script: VoiceScript
    track: CaptionTrack
    groups: list[CaptionGroup]
    concat_path: Path
    cost: CostEntry | None = None
    #: Each spoken line's key, text and speech (kept in output/voice/<id>/) for later versions.
    lines: Records | None = None
    #: Readings spoken but not kept (they ran long), kept too: a later version tries them again.
    tried: Records | None = None
    #: How many lines were copied from an earlier version instead of spoken.
    reused: int = 0

    def layer(self) -> CaptionLayer | None:
        """The captions as the export's overlay input (None when nothing is captioned)."""
        if not self.track.frames:
            return None
        area = self.track.area
        return CaptionLayer(concat_path=str(self.concat_path), x=area.left, y=area.top)

    def summary(self) -> dict[str, object]:
        seconds = sum(line.speech.duration_s for line in self.script.lines if line.speech)
        return {
            "engine": self.script.engine or None,
            "voice": self.script.voice or None,
            "seconds": round(seconds, 2),
            "reason": self.script.reason or None,
            "script": [line.text for line in self.script.lines],
            **(self._kept() if self.lines else {}),
        }

    def _kept(self) -> dict[str, object]:
        """What a later version reuses, and how much of this one was reused."""
        return {
            "lines": self.lines,
            "tried": self.tried or [],
            "reused_lines": self.reused,
            "reused_voice": self.reused == len(self.script.lines),
        }


@dataclass
class Pending:
    """A voice stage whose speech is being made; :meth:`finish` it exactly once."""

    spec: AdSpecification
    plan: ScenePlan
    workdir: Path
    provider: SpeechProvider | None
    reason: str
    texts: list[str] | None
    begun: bool = False
    seed: int = 0

    def finish(self, ctx: StageContext) -> VoiceOutput:
        """Collect the speech (refitting long lines), then draw the captions."""
        spec, plan, provider = self.spec, self.plan, self.provider
        cost = None
        if provider is None:
            spoken = script.draft(spec, plan, reason=self.reason, texts=self.texts)
        else:
            ctx.report(0.1, "Speaking the script")
            try:
                spoken = script.fit(
                    spec, plan, provider, self.workdir, self.texts, begun=self.begun
                )
            finally:
                provider.close()
            amount = sum(line.speech.cost for line in spoken.lines if line.speech)
            chars = sum(line.speech.characters for line in spoken.lines if line.speech)
            cost = CostEntry(
                stage=STAGE,
                provider=provider.name,
                amount=round(amount, 8),
                detail=f"{chars} chars",
            )
        ctx.check_cancelled()
        records, tried, reused = self._keep(spoken, ctx)
        ctx.report(0.7, "Drawing captions")
        words = spoken.timeline_words()
        if spoken.spoken:
            room = layout.rooms(spec, plan, ctx.settings)
            track = captions.render(words, spec, plan, self.workdir / "captions", room)
            if track.hidden:
                log_event(
                    "captions_hidden",
                    "no room clear of the scene's text: captions only in the .srt/.vtt",
                    stage=STAGE, generation_id=ctx.generation_id,
                    scenes=[i + 1 for i in track.hidden],
                )  # fmt: skip
        else:  # the headline shows the words already: nothing burned in, sidecars only
            track = CaptionTrack(area=safe_area(plan.width, plan.height))
        concat = self.workdir / "captions.ffconcat"
        if track.frames:
            captions.write_concat(track, plan.total_duration_s, concat)
        ctx.report(1.0, "Voice and captions ready")
        return VoiceOutput(
            spoken, track, captions.group(words), concat, cost, records, tried, reused
        )

    def _keep(self, spoken: VoiceScript, ctx: StageContext) -> tuple[Records, Records, int]:
        """Publish the spoken lines (and readings that ran long) for later versions; how
        many lines were reused."""
        if not spoken.spoken or ctx.generation_id is None:
            return [], [], 0
        dest = ctx.settings.output_dir / "voice" / str(ctx.generation_id)
        wrapped = self.provider if isinstance(self.provider, reuse.Reusing) else None
        try:
            lines, tried = reuse.publish(spoken, self.seed, dest, wrapped.heard if wrapped else ())
        except OSError as exc:  # keeping speech for later versions is a saving, not the ad
            shutil.rmtree(dest, ignore_errors=True)
            log_event("voice_not_kept", str(exc), level=logging.WARNING,
                      generation_id=ctx.generation_id)  # fmt: skip
            return [], [], 0
        done = wrapped.reused if wrapped else set()
        count = sum(1 for line in spoken.lines if line.speech and line.speech.path in done)
        return lines, tried, count

    def cancel(self) -> None:
        """Stop the engine (the generation ended before :meth:`finish`)."""
        if self.provider is not None:
            self.provider.close()


def begin(
    spec: AdSpecification,
    plan: ScenePlan,
    ctx: StageContext,
    *,
    enabled: bool = True,
    voice: str | None = None,
    texts: list[str] | None = None,
    earlier: list[dict[str, object]] | None = None,
    chosen: tuple[SpeechProvider | None, str] | None = None,
) -> Pending:
    """Choose the voice and hand every scene's line to its engine without waiting for it
    (only the lines ``earlier`` versions did not already speak). ``chosen``: what
    :func:`pipeline.voice.tts.choose` returned for this ad (its engine may be starting)."""
    ctx.check_cancelled()
    workdir = Path(ctx.workdir) / "voice"
    provider, reason = (None, "Voice-over is off for this ad.")
    if enabled:
        provider, reason = chosen or tts.choose(ctx.settings, spec.language, voice, ctx.seed)
    known = reuse.index(earlier or [])
    if provider is not None and (known or ctx.generation_id is not None):
        provider = reuse.Reusing(provider, known, spec.language, ctx.seed)
    pending = Pending(spec, plan, workdir, provider, reason, texts, seed=ctx.seed)
    if provider is not None:
        pending.begun = script.begin(spec, plan, provider, workdir, texts)
    return pending


def run(
    spec: AdSpecification,
    plan: ScenePlan,
    ctx: StageContext,
    *,
    enabled: bool = True,
    voice: str | None = None,
    texts: list[str] | None = None,
    earlier: list[dict[str, object]] | None = None,
) -> VoiceOutput:
    """Speak and caption the ad; with no voice (off, or none for the language) no captions are
    burned in and the sidecars carry the script."""
    pending = begin(spec, plan, ctx, enabled=enabled, voice=voice, texts=texts, earlier=earlier)
    try:
        return pending.finish(ctx)
    finally:
        pending.cancel()


def sidecars(output: VoiceOutput, video_path: Path) -> tuple[Path, Path]:
    """Write ``<video>.srt`` and ``<video>.vtt`` beside the MP4."""
    return subtitles.write(output.groups, video_path)


def draft_sidecars(output: VoiceOutput, workdir: Path) -> list[str]:
    """The ``.srt`` and ``.vtt`` in the generation's temp folder, to publish with the MP4
    (none when nothing is captioned)."""
    if not output.groups:
        return []
    (workdir / "voice").mkdir(parents=True, exist_ok=True)
    return [str(p) for p in sidecars(output, workdir / "voice" / "captions.mp4")]

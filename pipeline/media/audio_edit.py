"""Cut a library track to the video's length the way an editor would: on the bar.

Every track is intro + a body that loops cleanly + an ending (the tonic struck on a downbeat
and left to ring). :func:`plan_edit` keeps the first ``k`` bars (looping the body when the
video is longer than the track), then splices in the ending so its downbeat falls on a bar
line, preferably right after a chord that leads home (a cadence), and far enough from the
end that the final chord has time to ring before the fade. :func:`render_bed` performs the
plan on a pydub segment with short crossfades at the splices, so nothing clicks.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.media.audio_library import MusicTrack
from pipeline.media.audio_pydub import AudioSegment

SPLICE_S = 0.012  # crossfade at each splice: long enough not to click, short enough not to smear
MIN_TAIL_S = 1.8  # the final chord rings at least this long before the video ends
TAIL_SLACK_S = 0.3  # the track's own last 0.6 s is a fade, so a little short is inaudible
FADE_IN_S = 0.25
FADE_OUT_S = 1.2


@dataclass(frozen=True)
class Piece:
    """A span of the source track, in seconds, placed back to back with the previous one."""

    start_s: float
    end_s: float


@dataclass(frozen=True)
class EditPlan:
    """Pieces of the source in order; ``ending_at_s`` is where the final chord lands (or None)."""

    pieces: tuple[Piece, ...]
    ending_at_s: float | None
    bars: int


def _source_bar(track: MusicTrack, bar: int) -> int:
    """Which bar of the source plays as output bar ``bar`` (the body repeats after the intro)."""
    body = max(1, round((track.loop_end_s - track.loop_start_s) / track.bar_s))
    if bar < track.intro_bars + body:
        return bar
    return track.intro_bars + (bar - track.intro_bars) % body


def _is_cadence(track: MusicTrack, source_bar: int) -> bool:
    return bool(track.progression) and (source_bar % len(track.progression)) in track.cadence_bars


def plan_edit(track: MusicTrack, duration_s: float) -> EditPlan:
    """Choose the bars to keep and where the ending goes for a bed of ``duration_s``."""
    tail_s = track.duration_s - track.ending_start_s
    candidates = []
    k = 1
    while k * track.bar_s + MIN_TAIL_S <= duration_s:
        gap = duration_s - k * track.bar_s
        fits = gap <= tail_s + TAIL_SLACK_S  # the ending lasts until the video ends
        cadence = fits and _is_cadence(track, _source_bar(track, k - 1))
        candidates.append((fits, cadence, k))  # else: the latest ending, least silence
        k += 1
    if not candidates:
        # Shorter than a bar plus the final chord: the opening, faded out, is the honest edit.
        return EditPlan((Piece(0.0, min(duration_s, track.loop_end_s)),), None, 0)
    _, _, bars = max(candidates)
    pieces: list[Piece] = []
    for bar in range(bars):
        src = _source_bar(track, bar)
        start, end = src * track.bar_s, (src + 1) * track.bar_s
        if pieces and abs(pieces[-1].end_s - start) < 1e-9:
            pieces[-1] = Piece(pieces[-1].start_s, end)
        else:
            pieces.append(Piece(start, end))
    ending_len = min(tail_s, duration_s - bars * track.bar_s)
    pieces.append(Piece(track.ending_start_s, track.ending_start_s + ending_len))
    return EditPlan(tuple(pieces), bars * track.bar_s, bars)


def _frames(seconds: float, rate: int) -> int:
    return round(seconds * rate)


def render_bed(source: AudioSegment, plan: EditPlan, duration_s: float) -> AudioSegment:
    """Assemble the plan from ``source``: exact length, faded in, faded out to silence.

    Each piece after the first starts ``SPLICE_S`` early and is appended with a crossfade of
    that length, so every downbeat stays exactly where the plan put it.
    """
    rate = source.frame_rate
    total = int(source.frame_count())
    xf = _frames(SPLICE_S, rate)
    first, *rest = plan.pieces
    bed = source.get_sample_slice(_frames(first.start_s, rate), _frames(first.end_s, rate))
    for piece in rest:
        start = _frames(piece.start_s, rate)
        end = min(total, _frames(piece.end_s, rate))
        lead = min(xf, start)
        chunk = source.get_sample_slice(start - lead, end)
        # pydub crossfades in whole milliseconds; SPLICE_S is a whole number of them.
        bed = bed.append(chunk, crossfade=round(lead * 1000 / rate)) if lead else bed + chunk
    want = _frames(duration_s, rate)
    have = int(bed.frame_count())
    if have < want:
        bed += source._spawn(b"\x00" * ((want - have) * source.frame_width))
    bed = bed.get_sample_slice(0, want)
    fade_out_ms = int(min(FADE_OUT_S, duration_s / 3) * 1000)
    return bed.fade_in(int(FADE_IN_S * 1000)).fade_out(fade_out_ms)

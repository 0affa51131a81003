"""Sidecar captions: SRT and WebVTT files from the caption groups (next to the MP4)."""

from __future__ import annotations

from pathlib import Path

from pipeline.voice.captions import CaptionGroup


def _stamp(seconds: float, sep: str) -> str:
    ms = max(0, round(seconds * 1000))
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, ms = divmod(rest, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{ms:03d}"


def srt(groups: list[CaptionGroup]) -> str:
    """SubRip text: numbered cues, ``HH:MM:SS,mmm --> HH:MM:SS,mmm``, lines as shown."""
    cues = [
        f"{n}\n{_stamp(g.start_s, ',')} --> {_stamp(g.end_s, ',')}\n" + "\n".join(g.lines) + "\n"
        for n, g in enumerate(groups, start=1)
    ]
    return "\n".join(cues)


def vtt(groups: list[CaptionGroup]) -> str:
    """WebVTT text: the ``WEBVTT`` header, then ``HH:MM:SS.mmm --> HH:MM:SS.mmm`` cues."""
    cues = [
        f"{_stamp(g.start_s, '.')} --> {_stamp(g.end_s, '.')}\n" + "\n".join(g.lines) + "\n"
        for g in groups
    ]
    return "WEBVTT\n\n" + "\n".join(cues)


def write(groups: list[CaptionGroup], video_path: Path) -> tuple[Path, Path]:
    """Write ``<video>.srt`` and ``<video>.vtt`` beside the video; return both paths."""
    out_srt, out_vtt = video_path.with_suffix(".srt"), video_path.with_suffix(".vtt")
    out_srt.write_text(srt(groups), encoding="utf-8")
    out_vtt.write_text(vtt(groups), encoding="utf-8")
    return out_srt, out_vtt

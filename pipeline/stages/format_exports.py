"""Encoding every format of an ad: where each is published and one export pass per format.

The first format keeps the names every ad has had (``<id>.mp4``, ``<id>.jpg``: the row's
``video_path``); the others add their shape (``<id>-16x9.mp4``). Imported by the worker,
so it loads no drawing library.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pipeline import formats
from pipeline.stages import export
from pipeline.stages.context import StageContext


def output_paths(settings: Any, generation_id: int, name: str, first: bool) -> tuple[Path, Path]:
    """Where format ``name``'s MP4 and thumbnail are published: ``<id>.mp4`` for the first
    format (``video_path``), ``<id>-16x9.mp4`` for the others."""
    stem = str(generation_id) if first else f"{generation_id}-{formats.slug(name)}"
    return (
        (settings.videos_dir / f"{stem}.mp4").resolve(),
        (settings.thumbnails_dir / f"{stem}.jpg").resolve(),
    )


def export_all(
    renders: dict[str, Any],
    ctx: StageContext,
    settings: Any,
    generation_id: int,
    probe: Any,
    earlier: dict[str, list[dict[str, Any]]] | None = None,
) -> dict[str, export.ExportResult]:
    """Encode every format in turn (one ffmpeg pass each); progress spans all of them.
    ``earlier``: per format, the ad's earlier versions' MP4s and spans (re-renders)."""
    results: dict[str, export.ExportResult] = {}
    n = len(renders)
    for k, (name, render) in enumerate(renders.items()):
        video, thumb = output_paths(settings, generation_id, name, first=k == 0)
        label = "Encoding the final video" + (f" ({name}, {k + 1} of {n})" if n > 1 else "")

        def report(fraction: float, _message: str, k: int = k, label: str = label) -> None:
            ctx.report((k + fraction) / n, label)

        sub = ctx.with_report(report)
        stem = "final" if k == 0 else f"final-{formats.slug(name)}"
        results[name] = export.run(render, sub, video, thumb, probe=probe, stem=stem,
                                   earlier=(earlier or {}).get(name, []))  # fmt: skip
    return results

"""Where the export's time and memory go: the one ffmpeg pass, taken apart.

    python -m benchmarks.profile_export [--plan RUN/render_plan.json]

Runs the render plan of benchmark 1's ``ours`` (or the given one) through ffmpeg as:

- the export itself (filter graph + x264 + AAC, the arguments ``pipeline.stages.export.render``
  passes);
- the filter graph alone into ``-f null`` (no encoding): what the filters cost;
- the same without the text overlays, and without overlays and grade: the difference is
  what the overlays (held PNGs, alpha fades, overlay) and the grade (eq) cost; what is left
  is decoding, conform scaling, crossfades and fades;
- the floor, a bare encode of the finished ad: what x264 alone costs.

Each is one ffmpeg process measured for wall time, CPU seconds and peak RSS.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from benchmarks.measure import Measurement, run_measured
from benchmarks.report import mb, table
from pipeline.media import ffmpeg
from pipeline.media.grading import grade_filter
from pipeline.runtime.render_plan import RenderPlan
from pipeline.stages import export

QUIET = ["-hide_banner", "-nostdin", "-y", "-loglevel", "error"]


def graph_cmd(
    exe: str, plan: RenderPlan, folder: Path, name: str, *, encode: bool, grade: bool = True
) -> list[str]:
    """The export's own ffmpeg command for ``plan``, encoded or into the null muxer."""
    no_grade = grade_filter(plan.grade)
    args = export.command(
        plan,
        folder / f"{name}.mp4" if encode else None,
        folder / f"{name}.filtergraph.txt",
        edit_graph=None if grade else (lambda graph: graph.replace(no_grade, "null")),
    )
    return [exe, *QUIET, *args]


def profile(plan: RenderPlan, floor_source: Path | None, folder: Path) -> list[Measurement]:
    """Measure the export and its parts, one ffmpeg process each."""
    exe = ffmpeg.find_ffmpeg()
    bare = plan.model_copy(update={"overlays": []})
    runs = [
        ("export: graph + x264 + AAC", graph_cmd(exe, plan, folder, "full", encode=True)),
        ("graph only (-f null)", graph_cmd(exe, plan, folder, "graph", encode=False)),
        ("graph without overlays", graph_cmd(exe, bare, folder, "no_overlays", encode=False)),
        (
            "graph without overlays and grade",
            graph_cmd(exe, bare, folder, "no_grade", encode=False, grade=False),
        ),
    ]
    if floor_source is not None:
        from benchmarks.postproduction import floor_cmd

        audio = plan.audio is not None
        runs.append(
            ("x264 alone (floor)", floor_cmd(exe, floor_source, folder / "floor.mp4", audio=audio))
        )
    return [run_measured(label, cmd) for label, cmd in runs]


def markdown(ms: list[Measurement]) -> str:
    """The profile table plus the derived per-part costs (CPU seconds)."""
    rows = [[m.variant, f"{m.wall_s:.2f} s", f"{m.cpu_s:.1f} s", mb(m.peak_rss_bytes)] for m in ms]
    text = table(["ffmpeg run", "wall", "CPU", "peak RSS"], rows)
    by = {m.variant: m.cpu_s for m in ms}
    graph = by.get("graph only (-f null)")
    no_ovl = by.get("graph without overlays")
    no_grade = by.get("graph without overlays and grade")
    notes = []
    if graph is not None and no_ovl is not None and no_grade is not None:
        notes.append(
            f"- CPU of the filter graph: {graph:.1f} s; text overlays {graph - no_ovl:.1f} s, "
            f"grade (eq) {no_ovl - no_grade:.1f} s, decoding + conform scaling + crossfades + "
            f"fades {no_grade:.1f} s"
        )
    full, floor = by.get("export: graph + x264 + AAC"), by.get("x264 alone (floor)")
    if full is not None and floor is not None:
        notes.append(
            f"- the export spends {full:.1f} CPU s, the bare encode {floor:.1f} CPU s: "
            f"{full - floor:+.1f} s for everything that is not x264"
        )
    return "\n\n".join([text, "\n".join(notes)]) if notes else text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Take the export's ffmpeg pass apart.")
    parser.add_argument("--plan", type=Path, help="a render plan JSON (default: run ours once)")
    parser.add_argument("--floor-source", type=Path, help="a finished ad for the bare encode")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="profile-export-") as tmp:
        folder = Path(tmp)
        floor_source = args.floor_source
        if args.plan:
            plan = RenderPlan.model_validate(json.loads(args.plan.read_text(encoding="utf-8")))
        else:
            from benchmarks import postproduction

            setup = postproduction.prepare(variants="AC", allow_missing=True)
            detail = setup.warmup.detail if setup.warmup else {}
            plan = RenderPlan.model_validate(detail["render_plan"])
            floor_source = floor_source or setup.floor_source
        print(markdown(profile(plan, floor_source, folder)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The report of benchmarks 2 and 3 (:mod:`benchmarks.generation`): what was measured, the
tables and the verdicts against the issues' targets."""

from __future__ import annotations

from dataclasses import dataclass, field

from benchmarks.measure import MB, Measurement, median
from benchmarks.report import mb, table, verdict

TARGET_FLOOR_RATIO = 2.0
TARGET_DEFAULT_FLOOR_RATIO = 2.0  # issue 16: against x264 at its default threading
TARGET_PEAK_MB = 400
TARGET_CONCURRENT_RATIO = 4.5
TARGET_CONCURRENT_PEAK_MB = 1536


@dataclass
class Runs:
    """Repeated single generations of one kind and the floors of their own ads."""

    single: list[Measurement] = field(default_factory=list)
    floor: list[Measurement] = field(default_factory=list)
    floor_default: list[Measurement] = field(default_factory=list)  # x264's own threading

    def add(self, m: Measurement, floors: tuple[Measurement, ...]) -> None:
        self.single.append(m)
        self.floor.extend(floors[:1])
        self.floor_default.extend(floors[1:2])


@dataclass
class GenerationResult:
    voiced: Runs = field(default_factory=Runs)
    silent: Runs = field(default_factory=Runs)  # the same ad without its voice-over
    concurrent: dict[int, Measurement] = field(default_factory=dict)
    load: str = ""

    @property
    def single(self) -> list[Measurement]:
        return self.voiced.single


TARGET_VOICE_SHARE = 0.25  # issue 20: the voice adds at most 25 % to the generation


def _row(label: str, ms: list[Measurement]) -> list[object]:
    return [
        label,
        f"{median([m.wall_s for m in ms]):.2f} s",
        " / ".join(f"{m.wall_s:.1f}" for m in ms),
        f"{_cpu(ms):.1f} s",
        mb(max(m.peak_rss_bytes for m in ms)),
    ]


def _runs_section(runs: Runs, name: str) -> tuple[list[list[object]], list[str]]:
    """Table rows and verdict lines of one kind of single generation and its own floors."""
    single = median([m.wall_s for m in runs.single])
    peak = max(m.peak_rss_bytes for m in runs.single)
    rows = [_row(name, runs.single)]
    pss = max(m.peak_pss_bytes for m in runs.single)
    lines = [
        f"- peak memory of {name}: **{peak / 1024**2:.0f} MB** (target < "
        f"{TARGET_PEAK_MB} MB: {verdict(peak / 1024**2 < TARGET_PEAK_MB)})"
        + (f"; {pss / MB:.0f} MB in PSS (shared pages counted once)" if pss else "")
    ]
    for floor, label, target in (
        (runs.floor, "floor (bare encode of its own ad)", TARGET_FLOOR_RATIO),
        (runs.floor_default, "floor, x264 default threads", TARGET_DEFAULT_FLOOR_RATIO),
    ):
        if not floor:
            continue
        rows.append(_row(f"- {label}", floor))
        ratio = single / median([m.wall_s for m in floor])
        lines.insert(
            len(lines) - 1,
            f"- {name} / {label} = **{ratio:.2f}x** wall (target <= {target}x: "
            f"{verdict(ratio <= target)}); {_cpu(runs.single) / _cpu(floor):.2f}x in CPU "
            "seconds",
        )
    failures = sum(m.detail.get("failures", 0) for m in runs.single)
    if failures:
        lines.append(
            f"- **{failures} run(s) of {name} failed**: " + "; ".join(_errors(runs.single))
        )
    idle = max(m.detail.get("idle_mb", 0) for m in runs.single)
    if idle:
        lines.append(
            f"- the idle worker (Python with the pipeline's libraries and the director's "
            f"language models, measured before the generation starts) holds {idle} MB; the "
            f"models rest while the ad is drawn and encoded, so the peak is "
            f"{peak / MB - idle:+.0f} MB over the idle worker"
        )
    stages = _stage_medians(runs.single)
    lines.append(f"- {name} by stage (median): " + ", ".join(f"{k} {v:.2f} s" for k, v in stages))
    return rows, lines


def markdown(result: GenerationResult) -> str:
    """Tables and verdicts for benchmarks 2 and 3."""
    parts = []
    if result.single:
        rows, lines = _runs_section(result.voiced, "one offline generation")
        if result.silent.single:
            more_rows, more = _runs_section(result.silent, "the same without voice")
            rows += more_rows
            lines += more
            voiced = median([m.wall_s for m in result.voiced.single])
            silent = median([m.wall_s for m in result.silent.single])
            share = voiced / silent - 1
            cpu_share = _cpu(result.voiced.single) / _cpu(result.silent.single) - 1
            lines.append(
                f"- what the voice-over adds: {voiced:.2f} vs {silent:.2f} s = **{share:+.0%}** "
                f"wall (target <= +{TARGET_VOICE_SHARE:.0%}: "
                f"{verdict(share <= TARGET_VOICE_SHARE)}); {cpu_share:+.0%} in CPU seconds"
            )
        steps = result.single[0].detail.get("peak_mb_by_step", {})
        if steps:
            top = sorted(steps.items(), key=lambda kv: -kv[1])[:4]
            lines.append(
                "- peak RSS while the panel showed (first run, sampled every 0.1 s): "
                + ", ".join(f"{k!r} {v} MB" for k, v in top)
                + f"; of which the Python process itself peaked at "
                f"{result.single[0].detail.get('python_peak_mb', '?')} MB"
            )
        parts += [
            table(["run", "median wall", "each run (s)", "median CPU", "peak RSS (tree)"], rows),
            "\n".join(lines),
        ]
    if result.concurrent:
        one = result.concurrent.get(1)
        crows: list[list[object]] = []
        for n, m in sorted(result.concurrent.items()):
            vs_one = f"{m.wall_s / one.wall_s:.2f}x" if one else "n/a"
            crows.append(
                [
                    n,
                    f"{m.wall_s:.2f} s",
                    vs_one,
                    f"{m.cpu_s:.1f} s",
                    mb(m.peak_rss_bytes),
                    m.detail.get("failures", "?"),
                ]
            )
        headers = ["N at once", "total wall", "vs N=1", "CPU", "peak RSS (tree)", "failures"]
        parts.append(table(headers, crows))
        four = result.concurrent.get(4)
        if four and one:
            ratio = four.wall_s / one.wall_s
            peak4 = four.peak_rss_bytes / 1024**2
            fails = four.detail.get("failures", 0)
            parts.append(
                "\n".join(
                    [
                        f"- 4 at once / one: **{ratio:.2f}x** (target <= "
                        f"{TARGET_CONCURRENT_RATIO}x: {verdict(ratio <= TARGET_CONCURRENT_RATIO)})",
                        f"- peak memory with 4 at once: **{peak4:.0f} MB** (target < "
                        f"{TARGET_CONCURRENT_PEAK_MB} MB: "
                        f"{verdict(peak4 < TARGET_CONCURRENT_PEAK_MB)})",
                        f"- failures with 4 at once: {fails} ({verdict(fails == 0)})"
                        + ("; " + "; ".join(_errors([four])) if fails else ""),
                    ]
                )
            )
    return "\n\n".join(parts)


def _cpu(ms: list[Measurement]) -> float:
    return median([m.cpu_s for m in ms])


def _errors(ms: list[Measurement]) -> list[str]:
    return [
        f"{g['error_stage']}: {g['error']}"
        for m in ms
        for g in m.detail.get("generations", [])
        if g["status"] != "completed"
    ]


def _stage_medians(ms: list[Measurement]) -> list[tuple[str, float]]:
    timings = [g["stage_timings"] or {} for m in ms for g in m.detail.get("generations", [])]
    names = [k for k in (timings[0] if timings else {})]
    return [(k, median([t[k] for t in timings if k in t])) for k in names]


def export_progress_report(ms: list[Measurement]) -> str:
    """Whether the progress panel saw the export stage move between 95 and 99 %."""
    seen = [
        g["progress_seen"]
        for m in ms
        for g in m.detail.get("generations", [])
        if g["status"] == "completed"
    ]
    if not seen:
        return "no completed generation to check export progress on"
    inside = sorted({p for s in seen for p in s if 95 < p < 100})
    return (
        f"progress values the panel saw (first run): {seen[0]}; values strictly between "
        f"95 and 100 across runs: {inside or 'none'}"
    )

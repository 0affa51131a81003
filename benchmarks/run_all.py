"""Every benchmark in one run, written to ``benchmarks/RESULTS.md`` (``make bench``); a run of
some parts (``--only``) writes ``benchmarks/RESULTS-<parts>.md`` instead.

    python -m benchmarks.run_all [--repeats 3]
        [--only post,gen,concurrent,status,throughput,formats,edit]
                                 [--allow-missing] [--out FILE]

The markdown carries the machine, the date, the command, the load average during each
benchmark and the encoder settings, so the numbers can be pasted into the README as they are.
"""

from __future__ import annotations

import argparse
import itertools
import os
import shlex
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import (
    edit,
    fixtures,
    formats,
    generation,
    pg_server,
    postproduction,
    profile_export,
    status_read,
    throughput,
)
from benchmarks.measure import Measurement
from benchmarks.report import machine_facts
from pipeline.media import ffmpeg
from pipeline.runtime.render_plan import RenderPlan
from pipeline.stages.export_graph import ENCODER

PARTS = ("post", "gen", "concurrent", "status", "throughput", "formats", "edit")


def export_progress_section(ms: list[Measurement]) -> str:
    """What ffmpeg's -progress output did to the export stage's share of the bar."""
    runs = [m.detail.get("export_progress", []) for m in ms]
    runs = [r for r in runs if r]
    if not runs:
        return "- no progress reports reached the export stage: **ffmpeg progress is not wired**"
    first = runs[0]
    percents = sorted({int(95 + 4 * f) for f in first})
    monotonic = all(b >= a for a, b in itertools.pairwise(first))
    return (
        f"- export received {len(first)} progress reports from ffmpeg's `-progress` pipe in one "
        f"render (first {first[0]:.3f}, last {first[-1]:.3f}, monotonic: {monotonic}); mapped "
        f"onto the bar's 95-99 % they give {percents}"
    )


def profile_section(setup: postproduction.Setup) -> str:
    """The export taken apart (filters vs x264), measured once on the warm-up's plan."""
    detail = setup.warmup.detail if setup.warmup else {}
    if "render_plan" not in detail:
        return "- no render plan to profile"
    plan = RenderPlan.model_validate(detail["render_plan"])
    folder = setup.runs / "profile"
    folder.mkdir(parents=True, exist_ok=True)
    return profile_export.markdown(profile_export.profile(plan, setup.floor_source, folder))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--only", default=",".join(PARTS))
    parser.add_argument("--clips", default="auto", choices=("auto", "local", "lavfi"))
    parser.add_argument("--allow-missing", action="store_true")
    parser.add_argument("--concurrency", default="1,2,4")
    parser.add_argument("--reads", type=int, default=3000)
    parser.add_argument(
        "--out", type=Path, help="default: RESULTS.md for every part, else RESULTS-<parts>.md"
    )
    args = parser.parse_args(argv)
    only = {p.strip() for p in args.only.split(",") if p.strip()}
    if args.out is None:  # a partial run never overwrites the full one
        partial = only != set(PARTS)
        name = "RESULTS-" + "-".join(p for p in PARTS if p in only) if partial else "RESULTS"
        args.out = fixtures.ROOT / f"{name}.md"
    exe = ffmpeg.find_ffmpeg()
    facts = machine_facts(exe)
    extra = shlex.join(sys.argv[1:] if argv is None else argv)
    command = f"python -m benchmarks.run_all {extra}".strip()
    doc = [
        "# Benchmark results",
        "",
        f"Command: `{command}` (started {facts['date']})",
        "",
        "| machine | |\n|---|---|\n" + "\n".join(f"| {k} | {v} |" for k, v in facts.items()),
        "",
        f"Encoder settings (`pipeline.stages.export_graph.ENCODER`, used by every variant): "
        f"libx264 preset "
        f"`{ENCODER.preset}`, CRF {ENCODER.crf}, maxrate {ENCODER.maxrate} / bufsize "
        f"{ENCODER.bufsize}, GOP {ENCODER.gop}, yuv420p high profile; AAC "
        f"{ENCODER.audio_bitrate} {ENCODER.audio_rate} Hz; 1080x1920, 24 fps; x264 threads "
        f"{ENCODER.threads} (one per usable core), `-x264-params {ENCODER.x264_params()}`.",
        "",
        "How it is measured: every variant runs as its own child process; peak memory is the "
        "summed RSS of that child and all its descendants (ffmpeg included), sampled every "
        "20 ms; CPU is the user + system time of the whole tree. Variants alternate within "
        "one run so load changes hit all of them. On a shared machine wall times stretch "
        "with the load average; CPU seconds move much less, so both are given.",
        "",
    ]
    started = time.perf_counter()
    if "post" in only:
        print("preparing the fixed ad and the warm-up render...", flush=True)
        setup = postproduction.prepare(
            clips=args.clips, variants="ABCD", allow_missing=args.allow_missing
        )
        print(f"benchmark 1: post-production, {args.repeats} x A B C", flush=True)
        post = postproduction.run(setup, repeats=args.repeats, variants="ABCD")
        doc += [
            "## 1. Post-production of a 3-clip 15 s ad",
            "",
            f"Clips: `{setup.prepared.clip_source}` (prepared once; the same files for every "
            "variant). Wall time is the work inside each child process (imports excluded); "
            "CPU is user + system of the whole tree; peak RSS is the whole tree, sampled "
            "every 20 ms. The floor re-encodes ours' finished ad (same content, same "
            "settings, no filters).",
            "",
            f"Load average during this benchmark: {post.load}",
            "",
            postproduction.markdown(post),
            "",
            "### Where the export's time goes",
            "",
            "One ffmpeg process per row, on ours' render plan (`benchmarks.profile_export`).",
            "",
            profile_section(setup),
            "",
            "### Export progress (95 -> 99 %)",
            "",
            export_progress_section(post.runs.get("A", [])),
            "",
        ]
    gen_parts = {"gen", "concurrent"} & only
    if gen_parts:
        concurrency = (
            tuple(int(x) for x in args.concurrency.split(",") if x.strip())
            if "concurrent" in only
            else ()
        )
        repeats = args.repeats if "gen" in only else 0
        print(f"benchmarks 2-3: offline generation x{repeats}, concurrency {concurrency}")
        gen = generation.run(
            postproduction.RUNS / "generation",
            repeats=repeats,
            concurrency=concurrency,
        )
        doc += [
            "## 2-3. Whole offline generation (prompt -> MP4), alone and N at once",
            "",
            "Through `jobs.start` with the offline providers, one child process per "
            "measurement (its tree's peak RSS), the status polled like the progress panel; "
            "with the voice-over and without, alternated. Each floor re-encodes that "
            "generation's own finished MP4 (same content), once with the export's threading "
            "and once with x264's default threading. The data folder is prepared before the "
            "measurement as an installation's first start leaves it (the database migrated, "
            "the voice's timed model written), so the worker starts as every later start does.",
            "",
            f"Load average during these benchmarks: {gen.load}",
            "",
            generation.markdown(gen),
            "",
            "- " + generation.export_progress_report(gen.single or list(gen.concurrent.values())),
            "",
        ]
    if "status" in only:
        print("benchmark 4: status reads", flush=True)
        results = status_read.run(reads=args.reads)
        doc += ["## 4. Progress panel status read", "", status_read.markdown(results, 10_000), ""]
        with pg_server.temporary_database() as url:
            if url is None:
                doc += ["PostgreSQL: not measured (no server binaries installed).", ""]
            else:
                print("benchmark 4b: status reads on PostgreSQL", flush=True)
                results = status_read.run(reads=args.reads, url=url)
                doc += ["### 4b. The same on PostgreSQL", "",
                        status_read.markdown(results, 10_000), ""]  # fmt: skip
    if "throughput" in only:
        print("benchmark 5: ads per minute with 1, 2 and 4 RQ workers", flush=True)
        runs = throughput.run_counts([1, 2, 4], ads=4)
        doc += ["## 5. Scale-out: RQ workers", "", throughput.markdown(runs), ""]
    if "formats" in only:
        print("benchmark 6: each extra format vs its bare encode floor", flush=True)
        load_before = os.getloadavg()
        with tempfile.TemporaryDirectory(prefix="bench-formats-") as tmp:
            rows = formats.run(["9:16", "1:1", "16:9", "4:5"], Path(tmp), args.repeats)
        doc += ["## 6. Extra formats (one 15 s ad, clips drawn once)", "",
                f"Load average before: {load_before}", "", formats.markdown(rows), ""]  # fmt: skip
    if "edit" in only:
        print("benchmark 7: a text-only re-render against the first render", flush=True)
        doc += ["## 7. Storyboard edit: re-render vs first render", "",
                edit.markdown(edit.run(max(1, args.repeats // 3))), ""]  # fmt: skip
    doc.append(f"Total benchmark time: {time.perf_counter() - started:.0f} s.")
    text = "\n".join(doc) + "\n"
    args.out.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

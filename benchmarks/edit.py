"""Benchmark: a text-only re-render (a new version) against the ad's first render.

    python -m benchmarks.edit [--repeats 1]

Offline providers (creative director, local renderer in its drawing process), real overlays,
audio and export, a temp data folder. Each round renders a storyboard (v1), then edits one
headline (v2: every clip reused, and every voice line whose words did not change; the edited
scene's line says its headline, so it is spoken again; the video spans the edit does not touch
are copied from v1's MP4, not encoded again) and times both from start to finished row.
Target: the re-render takes <= 0.6x the first render's time.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.report import table

PROMPT = "Create a luxury watch ad for Instagram"
TARGET = 0.6


@dataclass
class Round:
    first_s: float
    edit_s: float
    reused: int
    reused_lines: int
    lines: int
    reused_frames: int
    frames: int
    first_stages: dict[str, float]
    edit_stages: dict[str, float]

    @property
    def ratio(self) -> float:
        return self.edit_s / self.first_s


def one_round(root: Path, seed: int) -> Round:
    from pipeline import editing, storyboard
    from pipeline.runtime import jobs
    from pipeline.runtime.services import bootstrap
    from pipeline.settings import Settings
    from pipeline.store import versions
    from pipeline.store.db import Generation
    from pipeline.store.users import add_user

    settings = Settings(data_dir=root / "data", output_dir=root / "output",
                        llm_provider="offline", video_provider="local")  # fmt: skip
    runtime = bootstrap(settings)
    with runtime.sessions.begin() as session:
        user_id = add_user(session, f"bench{seed}", "a long bench password").id
    board = storyboard.plan(PROMPT, settings, seed=seed)

    def timed(start: object) -> tuple[float, Generation]:
        started = time.perf_counter()
        gid = start()  # type: ignore[operator]
        jobs.wait(gid)
        seconds = time.perf_counter() - started
        with runtime.sessions() as session:
            row = session.get(Generation, gid)
            assert row is not None and row.status == "completed", row and row.error
            session.expunge(row)
        return seconds, row

    first_s, first = timed(lambda: editing.render(runtime, user_id, board))
    edit_s, second = timed(
        lambda: editing.edit(runtime, user_id, first.id, scene=2, text="Made by hand")
    )
    runtime.engine.dispose()
    said = second.voice or {}
    return Round(first_s, edit_s, second.reused_clips or 0, int(said.get("reused_lines") or 0),
                 len(said.get("script") or []), versions.reused_frames(second),
                 round((second.duration_s or 0) * 24), first.stage_timings or {},
                 second.stage_timings or {})  # fmt: skip


def run(repeats: int = 1) -> list[Round]:
    rounds = []
    for i in range(repeats):
        with tempfile.TemporaryDirectory(prefix="adstudio-edit-") as tmp:
            rounds.append(one_round(Path(tmp), seed=11 + i))
    return rounds


def markdown(rounds: list[Round]) -> str:
    rows = [
        [
            str(i + 1),
            f"{r.first_s:.1f} s",
            f"{r.edit_s:.1f} s",
            f"{r.ratio:.2f}x",
            str(r.reused),
            f"{r.reused_lines} of {r.lines}",
            f"{r.reused_frames} of {r.frames}",
        ]
        for i, r in enumerate(rounds)
    ]
    stages = sorted({*rounds[0].first_stages, *rounds[0].edit_stages})
    per_stage = [[s, f"{rounds[0].first_stages.get(s, 0):.2f}",
                  f"{rounds[0].edit_stages.get(s, 0):.2f}"] for s in stages]  # fmt: skip
    best = min(r.ratio for r in rounds)
    verdict = "met" if best <= TARGET else "missed"
    load = os.getloadavg()[0]
    return "\n".join([
        table(["round", "first render", "text-only re-render", "ratio", "clips reused",
               "voice lines reused", "frames copied, not encoded"], rows),
        "",
        f"Target <= {TARGET}x: {verdict} (best {best:.2f}x; load average {load:.1f} at the end).",
        "",
        "Stage seconds of round 1 (first render, re-render):",
        "",
        table(["stage", "first", "re-render"], per_stage),
    ])  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=1)
    args = parser.parse_args(argv)
    print(markdown(run(args.repeats)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""How far along a generation is, in time: percent, time left and step text that only moves on.

The row keeps the specification's milestones (10 LLM, 20 planning, ... 95-99 export, see
:mod:`pipeline.runtime.stages`); they are poor clocks (the export is 4 points and most of the wait).
This module maps a milestone to the share of the expected time spent so far, using the stage
timings this installation recorded for its finished generations (``stage_timings`` on the
row), and refines the time left from how fast the running generation goes.

:func:`estimate` is monotone: a later poll (more time, a later milestone) never gives a
smaller percent, so the bar never steps back.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the drawing process imports this module and keeps SQLAlchemy out
    from sqlalchemy.orm import Session


def milestones() -> tuple[tuple[str, int, int], ...]:
    """(stage, first milestone, last milestone) in running order, from the one stage list
    (:data:`pipeline.runtime.stages.STEPS`, which imports this module: hence the late import)."""
    from pipeline.runtime.stages import STEPS

    return tuple((s.name, s.start, s.end) for s in STEPS.values())


#: Seconds per stage of an offline generation with voice on this 2-core machine (measured:
#: 16.8 s wall), used until this installation has finished generations of its own.
DEFAULT_SECONDS: dict[str, float] = {
    "llm_enhancement": 0.05,
    "scene_planning": 0.01,
    "voice": 3.7,
    "video_generation": 3.1,
    "overlays": 0.7,
    "stitching": 0.01,
    "audio": 1.2,
    "export": 8.4,
}
HISTORY = 20  # finished generations the weights are taken from
CREEP = 0.9  # time alone moves the bar at most this far into the current stage
_OF_N = re.compile(r"\b(\d+) of (\d+)\b")


@dataclass(frozen=True)
class Weights:
    """Expected seconds of each stage on this installation."""

    seconds: Mapping[str, float]
    runs: int = 0  # how many finished generations they come from (0: the defaults)

    @property
    def total(self) -> float:
        return sum(self.seconds.get(name, 0.0) for name, _, _ in milestones())

    def span(self, milestone: float) -> tuple[float, float, float]:
        """(expected seconds before the current stage, the stage's seconds, fraction in it)."""
        before = 0.0
        for name, start, end in milestones():
            length = self.seconds.get(name, 0.0)
            if milestone < end:
                return before, length, max(0.0, (milestone - start) / (end - start))
            before += length
        return before, 0.0, 1.0


@dataclass(frozen=True)
class Estimate:
    percent: int  # 0-100, following expected time
    seconds_left: float | None  # None until there is anything to go on


def weights_from(timings: Iterable[Mapping[str, float] | None]) -> Weights:
    """Median seconds per stage over the given runs' timings, defaults for stages never seen."""
    seen: dict[str, list[float]] = {}
    runs = 0
    for timing in timings:
        if not timing:
            continue
        runs += 1
        for name, value in timing.items():
            if isinstance(value, int | float) and value >= 0:
                seen.setdefault(name, []).append(float(value))
    seconds = {
        name: statistics.median(seen[name]) if name in seen else DEFAULT_SECONDS[name]
        for name, _, _ in milestones()
    }
    return Weights(seconds=seconds, runs=runs)


def measured_weights(session: Session, limit: int = HISTORY) -> Weights:
    """The weights from this installation's newest finished generations (any user's)."""
    from sqlalchemy import select

    from pipeline.store.db import Generation

    timings = session.scalars(
        select(Generation.stage_timings)
        .where(Generation.status == "completed", Generation.stage_timings.is_not(None))
        .order_by(Generation.completed_at.desc(), Generation.id.desc())
        .limit(limit)
    )
    return weights_from(timings)


def estimate(milestone: float, elapsed_s: float, weights: Weights) -> Estimate:
    """Percent of the expected time done and the time left, at ``milestone`` after ``elapsed_s``.

    The position is the expected time of the milestones reached; while a stage has nothing
    to report, elapsed time moves the bar on, but never past 90 % of that stage. The time
    left is the expected rest, scaled by how long this run took to reach its milestone
    against the usual time.
    """
    total = weights.total
    if milestone >= 100 or total <= 0:
        return Estimate(100 if milestone >= 100 else 0, 0.0 if milestone >= 100 else None)
    elapsed = max(0.0, elapsed_s)
    before, length, fraction = weights.span(milestone)
    done = before + length * fraction
    position = max(done, min(elapsed, before + length * CREEP))
    percent = min(99, int(100 * position / total))
    if elapsed < 1.0:
        return Estimate(percent, None)
    if done < max(1.0, 0.05 * total):  # too early to judge the pace: assume the usual one
        return Estimate(percent, max(1.0, total - position))
    pace = min(4.0, max(0.25, elapsed / done))
    return Estimate(percent, max(1.0, (total - done) * pace))


def step_text(stage: str, fraction: float, message: str) -> str:
    """The words the row shows for a stage's report, moving only forward.

    Clips are made side by side and report out of order ("Clip 2 of 4 ...", then
    "Clip 1 of 4 ..."), so the clip stage counts scenes from its overall fraction; the export
    shows its encoder's percentage.
    """
    if stage == "export":
        return f"Encoding - {round(100 * fraction)} %"
    if stage != "video_generation":
        return message
    found = _OF_N.search(message)
    if found is None:
        return message
    n = int(found.group(2))
    if not message.startswith(("Clip ", "Generated")):
        return f"Setting up {n} scenes"  # the stage's first report, before any clip
    if "waiting" in message.lower() and fraction <= 0:
        return "Waiting for the renderer (another ad is drawing)"
    return f"Drawing scene {min(n, int(fraction * n) + 1)} of {n}"

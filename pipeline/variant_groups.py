"""Starting a group of variants: one prompt, up to four ads, refused or started as a whole.

Apart from :mod:`pipeline.variants` (what differs, and how a run is steered) because this
part starts generations: it needs the job runner, which runs the orchestrator, which steers
variants; one module for both made the import cycle jobs -> orchestrator -> variants -> jobs.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from pipeline import quote
from pipeline.errors import RateLimitError
from pipeline.runtime import jobs
from pipeline.runtime.services import Runtime
from pipeline.store import repository
from pipeline.variants import Direction, GenerationVariant, VariantGroup, plan


def _refuse_batch(runtime: Runtime, session: Session, user_id: int, count: int) -> None:
    times = repository.recent_generation_times(session, user_id, jobs.WINDOW)
    limit = runtime.settings.rate_limit_per_hour
    if len(times) + count <= limit:
        return
    if count > limit:  # no wait frees enough slots
        raise RateLimitError(
            f"{count} variants count as {count} generations, more than the {limit} an hour "
            f"allows. Make {limit} or fewer at a time."
        )
    left = max(0, limit - len(times))
    usual = jobs.rate_limited(runtime, times[len(times) + count - 1 - limit] + jobs.WINDOW)
    raise RateLimitError(
        f"{count} variants count as {count} generations and {left} of this hour's are left. "
        f"{usual.message}",
        retry_at=usual.retry_at,
    )


@dataclass(frozen=True)
class Started:
    """A started group: its id and the generation ids, A first."""

    group_id: int
    generation_ids: list[int]


def start_group(
    runtime: Runtime,
    user_id: int,
    prompt: str,
    count: int,
    *,
    seed: int | None = None,
    voice: dict[str, Any] | None = None,
    kit_id: int | None = None,
    format_count: int = 1,
    duration_s: float | None = None,
    **options: Any,
) -> Started:
    """Start ``count`` variants of ``prompt`` (one seed, so shared visuals draw alike), or
    refuse them all: the hourly limit and the monthly budget count every variant.
    ``format_count`` and ``duration_s`` price them; ``options`` go to :func:`jobs.start`."""
    text = jobs.validate_prompt(prompt)
    if options.get("formats"):
        format_count = len(options["formats"])
    directions = plan(text, count)
    settings = runtime.settings
    each = quote.estimate(settings, formats=format_count, duration_s=duration_s,
                          voice=(voice or {}).get("enabled", True))  # fmt: skip
    seed = seed if seed is not None else random.SystemRandom().randrange(2**31)
    ids: list[int] = []
    with jobs.start_lock():  # one start at a time in this process: the batch is checked whole
        with runtime.sessions.begin() as session:
            _refuse_batch(runtime, session, user_id, count)
            quote.check_budget(session, settings, user_id, each.per_ad_usd * count)
            group = VariantGroup(user_id=user_id, prompt=text)
            session.add(group)
            session.flush()
            group_id = group.id
        for direction in directions:

            def attach(session: Session, generation_id: int, d: Direction = direction) -> None:
                session.add(GenerationVariant(generation_id=generation_id, group_id=group_id,
                                              letter=d.letter, direction=d.model_dump(),
                                              label=f"{d.letter}: {d.framework}"))  # fmt: skip

            ids.append(jobs.start(runtime, user_id, text, seed=seed, voice=voice, kit_id=kit_id,
                                  estimate=each, attach=attach, duration_s=duration_s,
                                  **options))  # fmt: skip
    return Started(group_id, ids)

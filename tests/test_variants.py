"""Variants: ads from one prompt that differ in hook, framework, CTA, music and palette,
labelled, stored as a group, and counted one by one against the hourly limit."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import func, select

from pipeline import variant_groups, variants
from pipeline.errors import InputError, RateLimitError
from pipeline.providers.copywriting import write_specification
from pipeline.providers.llm_offline import OfflineCreativeDirector
from pipeline.runtime import jobs
from pipeline.runtime.services import Runtime, bootstrap
from pipeline.settings import Settings
from pipeline.store import repository
from pipeline.store.db import Generation
from tests.fakes import FakeLLM, FakeVideo
from tests.media import probe

PROMPT = "Tired of tangled cables? SnapCord magnetic cable organizer for your desk, 20% off"


def _specs(prompt: str, count: int) -> list[tuple[variants.Direction, object]]:
    out = []
    for d in variants.plan(prompt, count):
        spec = write_specification(prompt, framework=d.framework, variant=d.bank_key)
        out.append((d, variants.apply(spec, d)))
    return out


def test_four_variants_differ_in_every_tested_axis_and_are_labelled() -> None:
    made = _specs(PROMPT, 4)
    specs = [s for _, s in made]
    assert [s.framework for s in specs] == ["PAS", "AIDA", "BAB", "PAS"]  # type: ignore[attr-defined]
    hooks = [s.beats[0].headline for s in specs]  # type: ignore[attr-defined]
    ctas = [s.ad.call_to_action for s in specs]  # type: ignore[attr-defined]
    moods = [s.ad.mood for s in specs]  # type: ignore[attr-defined]
    grades = [s.ad.visual_style for s in specs]  # type: ignore[attr-defined]
    for axis in (hooks, ctas, moods, grades):
        assert len(set(axis)) == 4, axis
    assert hooks[0] == write_specification(PROMPT).beats[0].headline  # A: as written
    assert ctas[1:] == ["See for yourself", "Take a look", "See how it works"]
    assert specs[1].beats[-1].headline.endswith("See for yourself")  # type: ignore[attr-defined]
    # the brand's own colours, led by another one
    a, b = specs[0].brand, specs[1].brand  # type: ignore[attr-defined]
    assert {a.primary_color, a.secondary_color, a.accent_color} == {
        b.primary_color, b.secondary_color, b.accent_color}  # fmt: skip
    assert b.primary_color == a.secondary_color
    labels = [variants.label(s, d) for d, s in made]  # type: ignore[arg-type]
    assert labels[0].startswith(f"A: PAS, hook '{hooks[0].rstrip('.')}', CTA '")
    assert labels[1] == (
        f"B: AIDA, hook '{hooks[1].rstrip('.')}', CTA 'See for yourself', "
        f"{moods[1]} music, {grades[1]} palette"
    )


def expected_labels(count: int) -> list[str]:
    """The labels the offline director's copy gets (no brand kit)."""
    return [variants.label(s, d) for d, s in _specs(PROMPT, count)]  # type: ignore[arg-type]


def test_variant_a_is_the_ad_as_written() -> None:
    (direction, spec), = _specs(PROMPT, 1)  # fmt: skip
    assert spec == write_specification(PROMPT)
    assert direction.letter == "A"


def test_more_than_four_variants_is_refused_with_the_limit() -> None:
    with pytest.raises(InputError) as err:
        variants.plan(PROMPT, 5)
    assert str(err.value) == "Make 1 to 4 variants at a time (asked for 5)."


def test_a_batch_past_the_hourly_limit_is_refused_whole(runtime: Runtime, user_id: int) -> None:
    with runtime.sessions.begin() as session:
        for _ in range(8):
            repository.record_start(session, user_id)
    with pytest.raises(RateLimitError) as err:
        variant_groups.start_group(runtime, user_id, PROMPT, 3)
    assert str(err.value).startswith(
        "3 variants count as 3 generations and 2 of this hour's are left. "
        "You have reached the limit of 10 generations per hour. The next slot frees at "
    )
    with runtime.sessions() as session:
        assert session.scalar(select(func.count(Generation.id))) == 0
        assert session.scalar(select(func.count(variants.VariantGroup.id))) == 0


def test_more_variants_than_the_hourly_limit_is_refused_with_what_to_do(
    settings: Settings, user_id: int, runtime: Runtime
) -> None:
    small = bootstrap(settings.model_copy(update={"rate_limit_per_hour": 2}), llm=FakeLLM(),
                      video=FakeVideo())  # fmt: skip
    try:
        with pytest.raises(RateLimitError) as err:
            variant_groups.start_group(small, user_id, PROMPT, 3)
    finally:
        small.engine.dispose()
    assert str(err.value) == (
        "3 variants count as 3 generations, more than the 2 an hour allows. "
        "Make 2 or fewer at a time."
    )


@pytest.fixture
def director_runtime(settings: Settings) -> Iterator[Runtime]:
    """The real offline director, fast fake clips."""
    rt = bootstrap(settings, llm=OfflineCreativeDirector(settings), video=FakeVideo())
    yield rt
    rt.engine.dispose()


def test_two_variants_render_as_one_group_with_different_music(
    director_runtime: Runtime, user_id: int
) -> None:
    rt = director_runtime
    started = variant_groups.start_group(rt, user_id, PROMPT, 2, seed=5)
    for generation_id in started.generation_ids:
        assert jobs.wait(generation_id, timeout_s=600)
    with rt.sessions() as session:
        rows = variants.group_of(session, started.generation_ids[1], user_id)
        named = variants.labels(session, started.generation_ids)
        used, _limit = len(repository.recent_generation_times(session, user_id, jobs.WINDOW)), 0
    assert [r.id for r in rows] == started.generation_ids
    assert [r.status for r in rows] == ["completed", "completed"], [r.error for r in rows]
    assert used == 2  # each variant took one hourly slot
    a, b = (named[g][1] for g in started.generation_ids)
    assert [a, b] == expected_labels(2)
    assert b.startswith("B: AIDA, hook '") and "CTA 'See for yourself'" in b
    assert rows[0].seed == rows[1].seed == 5
    assert rows[0].audio_mix["music_title"] != rows[1].audio_mix["music_title"]  # type: ignore[index]
    grades = [r.llm_specification["ad"]["visual_style"] for r in rows]  # type: ignore[index]
    assert grades[0] != grades[1]
    for row in rows:
        info = probe(row.video_path)  # type: ignore[arg-type]
        assert (info.width, info.height) == (1080, 1920)
        assert info.duration_s == pytest.approx(15.0, abs=0.1)
        assert info.audio_codec == "aac"

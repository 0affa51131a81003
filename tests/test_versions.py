"""Versions: an edit re-renders as v2 of the same ad, reuses unchanged clips, keeps v1 safe."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from pipeline import editing, jobs, storyboard, versions
from pipeline.db import Generation
from pipeline.errors import InputError, NotFoundError, RateLimitError
from pipeline.runtime import Runtime
from pipeline.users import add_user
from tests.fakes import FakeVideo
from tests.media import probe

PROMPT = "Create a luxury watch ad for Instagram"


def _first(runtime: Runtime, user_id: int) -> int:
    board = storyboard.plan(PROMPT, runtime.settings, seed=5, llm=runtime.llm)
    gid = editing.render(runtime, user_id, board)
    assert jobs.wait(gid, 300)
    return gid


def _row(runtime: Runtime, gid: int) -> Generation:
    with runtime.sessions() as session:
        row = session.get(Generation, gid)
        assert row is not None
        session.expunge(row)
        return row


def _count(runtime: Runtime) -> int:
    with runtime.sessions() as session:
        return int(session.scalar(select(func.count(Generation.id))) or 0)


def test_storyboard_render_then_text_edit_makes_v2_and_reuses_every_clip(
    runtime: Runtime, user_id: int, fake_video: FakeVideo
) -> None:
    v1 = _first(runtime, user_id)
    first = _row(runtime, v1)
    assert first.status == "completed", first.error
    assert first.version == 1 and first.reused_clips == 0 and first.planned
    assert first.stage_timings["llm_enhancement"] == 0.0  # the storyboard's spec was kept
    drawn = len(fake_video.history)

    v2 = editing.edit(runtime, user_id, v1, scene=2, text="Made by hand")
    assert jobs.wait(v2, 300)
    second = _row(runtime, v2)
    assert second.status == "completed", second.error
    assert (second.version, second.parent_id) == (2, v1)
    assert second.reused_clips == len(first.scene_plan["scenes"])
    assert len(fake_video.history) == drawn  # no clip drawn again
    assert second.scene_plan["scenes"][1]["overlay"]["text"] == "Made by hand"
    assert second.video_path != first.video_path
    for path in (first.video_path, second.video_path):
        media = probe(path)
        assert (media.width, media.height) == (1080, 1920)
        assert media.duration_s == pytest.approx(15.0, abs=0.1)
    with runtime.sessions() as session:
        listed = versions.listing(session, v2, user_id)
        assert [r.version for r in listed] == [1, 2]
        assert versions.newest(session, v1, user_id).id == v2


def test_a_colour_edit_draws_the_clips_again(
    runtime: Runtime, user_id: int, fake_video: FakeVideo
) -> None:
    v1 = _first(runtime, user_id)
    drawn = len(fake_video.history)
    v2 = editing.edit(runtime, user_id, v1, colors={"primary": "#123456"})
    assert jobs.wait(v2, 300)
    assert _row(runtime, v2).reused_clips == 0
    assert len(fake_video.history) == 2 * drawn


def test_a_rule_breaking_edit_is_refused_and_makes_nothing(runtime: Runtime, user_id: int) -> None:
    v1 = _first(runtime, user_id)
    rows, files = _count(runtime), sorted(runtime.settings.videos_dir.iterdir())
    with pytest.raises(InputError) as refused:
        editing.edit(runtime, user_id, v1, scene=1, duration=9.0)
    assert refused.value.message.startswith("Scene 1 lasts 9 s; a scene lasts 3 to 7 seconds.")
    assert _count(runtime) == rows
    assert sorted(runtime.settings.videos_dir.iterdir()) == files


def test_another_users_ad_cannot_be_edited(runtime: Runtime, user_id: int) -> None:
    v1 = _first(runtime, user_id)
    with runtime.sessions.begin() as session:
        bob = add_user(session, "bob", "another long password").id
    with pytest.raises(NotFoundError, match=rf"^Generation {v1} not found\.$"):
        editing.edit(runtime, bob, v1, scene=1, text="Mine now")
    with pytest.raises(NotFoundError, match=r"^Generation 999 not found\.$"):
        editing.edit(runtime, user_id, 999, scene=1, text="Nothing here")


def test_cancel_during_a_re_render_keeps_v1_playable(
    runtime: Runtime, user_id: int, fake_video: FakeVideo
) -> None:
    v1 = _first(runtime, user_id)
    fake_video.started.clear()
    fake_video.block.set()  # the re-render's clips wait until cancelled
    v2 = editing.edit(runtime, user_id, v1, colors={"accent": "#AA3355"})
    assert fake_video.started.wait(120)
    assert jobs.cancel(runtime, user_id, v2)
    assert jobs.wait(v2, 120)
    fake_video.block.clear()
    second, first = _row(runtime, v2), _row(runtime, v1)
    assert (second.status, second.error) == ("failed", "Cancelled by user")
    assert second.video_path is None
    assert not (runtime.settings.videos_dir / f"{v2}.mp4").exists()
    assert first.status == "completed" and Path(first.video_path or "").is_file()
    assert probe(first.video_path or "").duration_s == pytest.approx(15.0, abs=0.1)


def test_re_renders_count_towards_the_hourly_limit(runtime: Runtime, user_id: int) -> None:
    runtime.settings = runtime.settings.model_copy(update={"rate_limit_per_hour": 2})
    v1 = _first(runtime, user_id)
    v2 = editing.edit(runtime, user_id, v1, scene=1, text="Second take")
    assert jobs.wait(v2, 300)
    with pytest.raises(RateLimitError, match="limit of 2 generations per hour"):
        editing.edit(runtime, user_id, v1, scene=1, text="Third take")


def test_deleting_a_version_keeps_the_others(runtime: Runtime, user_id: int) -> None:
    v1 = _first(runtime, user_id)
    v2 = editing.edit(runtime, user_id, v1, scene=1, text="Second take")
    assert jobs.wait(v2, 300)
    jobs.delete(runtime, user_id, v2)
    assert not (runtime.settings.videos_dir / f"{v2}.mp4").exists()
    assert Path(_row(runtime, v1).video_path or "").is_file()
    with runtime.sessions() as session:
        assert [r.id for r in versions.listing(session, v1, user_id)] == [v1]


def test_an_older_database_gains_versions_and_its_ads_read_as_v1(tmp_path: Path) -> None:
    from sqlalchemy import inspect

    from pipeline import db
    from tests.old_databases import database_at, migrate

    url, old = database_at(tmp_path / "old.db", "0007")
    with old.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO generations (user_id, prompt, seed, status, progress, current_step, "
            "cancellation_requested, llm_provider, video_provider, cost_micros, created_at, "
            "updated_at) VALUES (1, 'An old ad', 1, 'completed', 100, 'Complete', 0, '', '', "
            "0, '2026-11-24 10:00:00', '2026-11-24 10:00:00')"
        )
    old.dispose()
    engine = db.init_db(url)
    with engine.connect() as conn:
        row = conn.exec_driver_sql("SELECT version, parent_id FROM generations").one()
    assert tuple(row) == (1, None)
    migrate(engine, "0007", down=True)
    columns = {c["name"] for c in inspect(engine).get_columns("generations")}
    assert not {"version", "parent_id", "reused_clips", "planned"} & columns
    engine.dispose()

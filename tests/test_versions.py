"""Versions: an edit re-renders as v2 of the same ad, reuses unchanged clips, keeps v1 safe."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import func, select

from pipeline import editing, storyboard
from pipeline.errors import InputError, NotFoundError, RateLimitError
from pipeline.runtime import jobs
from pipeline.runtime.services import Runtime, bootstrap
from pipeline.settings import Settings
from pipeline.store import versions
from pipeline.store.db import Generation
from pipeline.store.users import add_user
from tests.fakes import FakeLLM, FakeVideo
from tests.media import probe

PROMPT = "Create a luxury watch ad for Instagram"


@dataclass
class Env:
    runtime: Runtime
    video: FakeVideo
    alice: int
    bob: int
    carol: int


@dataclass
class Ad:
    v1: Generation
    v2: Generation
    drawn_for_v1: int
    drawn_for_v2: int


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Env]:
    """One runtime for the module (real renders are slow on two shared cores): at most two
    ads an hour per user, so the third start of a user is refused."""
    root = tmp_path_factory.mktemp("versions")
    settings = Settings(data_dir=root / "data", output_dir=root / "output",
                        tts_provider="none", rate_limit_per_hour=2)  # fmt: skip
    video = FakeVideo()
    runtime = bootstrap(settings, llm=FakeLLM(), video=video)
    with runtime.sessions.begin() as session:
        ids = [add_user(session, name, "a long enough password").id
               for name in ("alice", "bob", "carol")]  # fmt: skip
    yield Env(runtime, video, *ids)
    runtime.engine.dispose()


def _first(env: Env, user_id: int) -> int:
    board = storyboard.plan(PROMPT, env.runtime.settings, seed=5, llm=env.runtime.llm)
    gid = editing.render(env.runtime, user_id, board)
    assert jobs.wait(gid, 600)
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


@pytest.fixture(scope="module")
def ad(env: Env) -> Ad:
    """Alice's ad rendered from a storyboard (v1), then a headline edit of it (v2)."""
    v1 = _first(env, env.alice)
    drawn = len(env.video.history)
    v2 = editing.edit(env.runtime, env.alice, v1, scene=2, text="Made by hand")
    assert jobs.wait(v2, 600)
    return Ad(_row(env.runtime, v1), _row(env.runtime, v2), drawn, len(env.video.history))


def test_storyboard_render_then_text_edit_makes_v2_and_reuses_every_clip(env: Env, ad: Ad) -> None:
    first, second = ad.v1, ad.v2
    assert first.status == "completed", first.error
    assert first.version == 1 and first.reused_clips == 0 and first.planned
    assert first.stage_timings["llm_enhancement"] == 0.0  # the storyboard's spec was kept
    assert second.status == "completed", second.error
    assert (second.version, second.parent_id) == (2, first.id)
    assert second.reused_clips == len(first.scene_plan["scenes"])
    assert ad.drawn_for_v2 == ad.drawn_for_v1  # no clip drawn again
    assert second.scene_plan["scenes"][1]["overlay"]["text"] == "Made by hand"
    assert second.video_path != first.video_path
    for path in (first.video_path, second.video_path):
        media = probe(path or "")
        assert (media.width, media.height) == (1080, 1920)
        assert media.duration_s == pytest.approx(15.0, abs=0.1)
    with env.runtime.sessions() as session:
        assert [r.version for r in versions.listing(session, second.id, env.alice)] == [1, 2]
        assert versions.newest(session, first.id, env.alice).id == second.id


def test_a_rule_breaking_edit_is_refused_and_makes_nothing(env: Env, ad: Ad) -> None:
    rows, files = _count(env.runtime), sorted(env.runtime.settings.videos_dir.iterdir())
    with pytest.raises(InputError) as refused:
        editing.edit(env.runtime, env.alice, ad.v1.id, scene=1, duration=9.0)
    assert refused.value.message.startswith("Scene 1 lasts 9 s; a scene lasts 3 to 7 seconds.")
    assert _count(env.runtime) == rows
    assert sorted(env.runtime.settings.videos_dir.iterdir()) == files


def test_another_users_ad_cannot_be_edited(env: Env, ad: Ad) -> None:
    with pytest.raises(NotFoundError, match=rf"^Generation {ad.v1.id} not found\.$"):
        editing.edit(env.runtime, env.bob, ad.v1.id, scene=1, text="Mine now")
    with pytest.raises(NotFoundError, match=r"^Generation 999 not found\.$"):
        editing.edit(env.runtime, env.alice, 999, scene=1, text="Nothing here")


def test_re_renders_count_towards_the_limit_and_a_version_can_be_deleted(env: Env, ad: Ad) -> None:
    with pytest.raises(RateLimitError, match="limit of 2 generations per hour"):
        editing.edit(env.runtime, env.alice, ad.v1.id, scene=1, text="Third take")
    jobs.delete(env.runtime, env.alice, ad.v2.id)
    assert not Path(ad.v2.video_path or "").exists()
    assert Path(ad.v1.video_path or "").is_file()
    with env.runtime.sessions() as session:
        assert [r.id for r in versions.listing(session, ad.v1.id, env.alice)] == [ad.v1.id]


def test_a_colour_edit_draws_again_and_cancelling_it_keeps_v1_playable(env: Env) -> None:
    v1 = _first(env, env.carol)
    env.video.started.clear()
    env.video.block.set()  # the re-render's clips wait until cancelled
    try:
        v2 = editing.edit(env.runtime, env.carol, v1, colors={"accent": "#AA3355"})
        assert env.video.started.wait(300)  # a new background colour: the clips are drawn
        assert jobs.cancel(env.runtime, env.carol, v2)
        assert jobs.wait(v2, 300)
    finally:
        env.video.block.clear()
    second, first = _row(env.runtime, v2), _row(env.runtime, v1)
    assert (second.status, second.error) == ("failed", "Cancelled by user")
    assert second.video_path is None
    assert not (env.runtime.settings.videos_dir / f"{v2}.mp4").exists()
    assert first.status == "completed" and Path(first.video_path or "").is_file()
    assert probe(first.video_path or "").duration_s == pytest.approx(15.0, abs=0.1)


def test_an_older_database_gains_versions_and_its_ads_read_as_v1(tmp_path: Path) -> None:
    from sqlalchemy import inspect

    from pipeline.store import connection
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
    engine = connection.init_db(url)
    with engine.connect() as conn:
        row = conn.exec_driver_sql("SELECT version, parent_id FROM generations").one()
    assert tuple(row) == (1, None)
    migrate(engine, "0007", down=True)
    columns = {c["name"] for c in inspect(engine).get_columns("generations")}
    assert not {"version", "parent_id", "reused_clips", "planned"} & columns
    engine.dispose()

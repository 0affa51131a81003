"""Gallery, scene plan and account pages, driven with AppTest; two users who never meet.

Finished generations are real rows with small real files (``AppEnv.finished_generation``),
so these tests need no render.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from pipeline.errors import NotFoundError
from pipeline.runtime import jobs
from pipeline.store import repository
from tests.app_harness import AppEnv, app_env, button, texts, videos

GALLERY = "app_pages/gallery.py"
PLAN = "app_pages/plan.py"
ACCOUNT = "app_pages/account.py"


@pytest.fixture
def env(tmp_path: Path) -> Iterator[AppEnv]:
    with app_env(tmp_path) as e:
        yield e


def open_plan(at: AppTest, generation_id: int | str) -> AppTest:
    at.switch_page(PLAN)
    at.query_params["id"] = str(generation_id)
    return at.run()


def test_gallery_lists_own_ads_newest_first_with_their_facts(env: AppEnv) -> None:
    alice = env.add_user("alice")
    older = env.finished_generation(alice, "An older ad for Bean There coffee", cost=0.25)
    newer = env.finished_generation(alice, "A newer ad for ZephyrRun trail shoes")
    at = env.signed_in("alice")
    at.switch_page(GALLERY).run()
    assert not at.exception
    shown = texts(at)
    assert "2 of 2 ads" in shown
    assert shown.index(f"#{newer}") < shown.index(f"#{older}")
    assert "15 s · 9:16 · $0.25 · just now" in shown
    assert "15 s · 9:16 · free (offline) · just now" in shown
    assert len(at.image) == 2  # one poster per card
    assert texts(at, raw=True).count("badge[:material/check_circle: Ready]") == 2
    assert {b.key for b in at.button} >= {f"open_{older}", f"delete_{newer}"}


def test_open_from_the_gallery_shows_that_generation_s_plan(env: AppEnv) -> None:
    alice = env.add_user("alice")
    generation_id = env.finished_generation(alice)
    at = env.signed_in("alice")
    at.switch_page(GALLERY).run()
    button(at, f"open_{generation_id}").click().run()
    assert not at.exception
    assert at.title[0].value == "Scene plan"
    assert at.query_params.get("id") == str(generation_id)


def test_delete_asks_then_removes_row_and_files(env: AppEnv) -> None:
    alice = env.add_user("alice")
    keep = env.finished_generation(alice)
    gone = env.finished_generation(alice)
    settings = env.runtime.settings
    files = [
        settings.videos_dir / f"{gone}.mp4",
        settings.thumbnails_dir / f"{gone}.jpg",
        settings.output_dir / "clips" / str(gone),
    ]
    assert all(f.exists() for f in files)
    at = env.signed_in("alice")
    at.switch_page(GALLERY).run()
    button(at, f"delete_{gone}").click().run()
    assert "Delete this ad and its files?" in texts(at)
    button(at, f"keep_{gone}").click().run()
    assert env.row(gone).id == gone

    button(at, f"delete_{gone}").click().run()
    button(at, f"confirm_{gone}").click().run()
    assert not at.exception
    assert f"Deleted ad #{gone}." in texts(at)
    with pytest.raises(NotFoundError):
        env.row(gone)
    assert not any(f.exists() for f in files)
    assert env.row(keep).status == "completed"
    assert (settings.videos_dir / f"{keep}.mp4").exists()
    assert "1 of 1 ad" in texts(at)


def test_a_running_generation_cannot_be_deleted(env: AppEnv) -> None:
    env.video.block.set()
    alice = env.add_user("alice")
    generation_id = jobs.start(env.runtime, alice, "A running ad for ZephyrRun trail shoes")
    at = env.signed_in("alice")
    at.switch_page(GALLERY).run()
    assert button(at, f"delete_{generation_id}").disabled


def test_plan_page_inspects_spec_scenes_clips_timings_and_costs(env: AppEnv) -> None:
    alice = env.add_user("alice")
    generation_id = env.finished_generation(alice, "Aurelius watches <i>for</i> Instagram")
    at = env.signed_in("alice")
    open_plan(at, generation_id)
    assert not at.exception
    shown = texts(at)
    assert "Aurelius watches <i>for</i> Instagram" in shown  # the prompt, literally
    assert "Framework: AIDA" in shown
    assert "A launch-style prompt: build attention, then desire." in shown
    for name, value in [("Primary", "#0B1F3A"), ("Secondary", "#C9A227"), ("Accent", "#F5E6C8")]:
        assert f"{name} {value}" in shown
    # the swatches are one picture of the colors (no HTML), then the thumbnail
    assert len(at.image) == 2
    assert "Text #FFFFFF" in shown

    tables = {tuple(df.value.columns): df.value for df in at.dataframe}
    scenes = tables[
        ("Scene", "Type", "Length", "Visual prompt", "Overlay text", "Position", "Animation")
    ]
    assert list(scenes["Type"]) == ["attention", "interest", "desire", "action"]
    assert scenes["Overlay text"].iloc[0] == "Time, perfected."
    assert set(scenes["Position"]) == {"bottom"}
    assert set(scenes["Animation"]) == {"slide_up"}
    timings = tables[("Stage", "Time")]
    assert list(timings["Stage"]) == ["Ad specification (LLM)", "Export"]
    assert list(scenes["Length"]) == ["4.1 s"] * 4  # 4.125 s, as people read it
    costs = tables[("Stage", "Provider", "Amount", "Detail")]
    assert list(costs["Provider"]) == ["fake-video"]
    assert len(videos(at)) == 5  # the finished ad + one clip per scene
    assert "Scene 1 · attention" in shown
    # the mix it used, its title shown literally (escaped, not styled)
    assert "**Music:** Golden *Hour* · music/golden_hour.wav" in shown
    assert "Golden \\*Hour\\*" in texts(at, raw=True)
    assert "**Sound effects at the transitions:** whoosh, chime, swoosh" in shown
    assert "Loudness -14.0 LUFS integrated, -1.5 dBTP true peak" in shown


def test_plan_page_shows_the_failing_stage_and_error(env: AppEnv) -> None:
    env.video.fail_scene = 0
    alice = env.add_user("alice")
    generation_id = jobs.start(env.runtime, alice, "An ad that will fail in its clips")
    assert jobs.wait(generation_id, timeout_s=60)
    at = env.signed_in("alice")
    open_plan(at, generation_id)
    assert not at.exception
    assert "Failed during **Video clips**: The fake video service is down." in texts(at)
    assert "Framework: AIDA" in texts(at)  # what was made before the failure is shown


def test_two_users_cannot_see_each_other_s_work(env: AppEnv) -> None:
    alice = env.add_user("alice")
    secret = env.finished_generation(alice, "Alice's secret launch for Nimbus headphones")
    at = env.signed_in("bob")
    at.switch_page(GALLERY).run()
    assert "No ads yet." in texts(at)
    assert "Nimbus" not in texts(at)

    open_plan(at, secret)
    assert "No ad with that id." in texts(at)
    assert "Nimbus" not in texts(at)
    assert not videos(at)

    at.switch_page(ACCOUNT).run()
    assert "Total cost: free (offline)" in texts(at)
    assert "This hour: 0 / 10" in texts(at)
    carol = env.add_user("carol")
    with pytest.raises(NotFoundError):
        jobs.cancel(env.runtime, carol, secret)


def test_plan_page_with_a_bad_id_says_not_found(env: AppEnv) -> None:
    env.finished_generation(env.add_user("alice"))
    at = env.signed_in("alice")
    open_plan(at, "abc")
    assert "No ad with that id." in texts(at)
    open_plan(at, 99999)
    assert "No ad with that id." in texts(at)


def test_account_shows_spending_usage_and_logs_out(env: AppEnv) -> None:
    alice = env.add_user("alice")
    env.finished_generation(alice, cost=1.5)
    env.finished_generation(alice, cost=0.25)
    at = env.signed_in("alice")
    at.switch_page(ACCOUNT).run()
    assert not at.exception
    shown = texts(at)
    assert "Total cost: $1.75" in shown
    assert "This hour: 2 / 10" in shown
    assert "Ads made: 2" in shown
    assert "You can start 8 more generations in the rolling hour" in shown
    button(at, "account_logout").click().run()
    assert [t.label for t in at.tabs] == ["Sign in", "Create account"]
    with env.runtime.sessions() as session:
        assert repository.get_user(session, "alice") is not None

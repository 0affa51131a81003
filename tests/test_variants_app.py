"""The variant and quote controls on the pages, driven with AppTest."""

from __future__ import annotations

from pathlib import Path

from pipeline import jobs, quote, repository, variants
from tests.app_harness import TIMEOUT_S, AppEnv, app_env, button, texts, videos

PROMPT = "Tired of tangled cables? SnapCord magnetic cable organizer for your desk"
KLING = "kwaivgi/kling-v1.6-standard"


def _make_two(env: AppEnv) -> tuple[object, list[int]]:
    at = env.signed_in("alice")
    at.number_input(key="create_variant_count").set_value(2).run()
    at.text_area(key="create_prompt").input(PROMPT).run()
    button(at, "generate").click().run()
    assert not at.exception
    with env.runtime.sessions() as session:
        ids = sorted(r.id for r in repository.list_generations(session, None))
    for generation_id in ids:
        assert jobs.wait(generation_id, timeout_s=TIMEOUT_S * 3)
    return at.run(), ids


def test_make_variants_starts_a_group_shown_side_by_side(tmp_path: Path) -> None:
    with app_env(tmp_path) as env:
        at, ids = _make_two(env)
        assert len(ids) == 2 and at.session_state["create_shown_generation"] == ids[0]
        shown = texts(at)
        assert "Variants side by side" in shown
        with env.runtime.sessions() as session:
            named = variants.labels(session, ids)
        assert named[ids[0]][1].startswith("A: ") and named[ids[1]][1].startswith("B: ")
        assert named[ids[0]][0] == named[ids[1]][0]
        for generation_id in ids:
            assert named[generation_id][1] in shown
        assert len(videos(at)) == 3  # the ad's own player and the two side by side
        # the gallery keeps the group together, each card labelled
        at.switch_page("app_pages/gallery.py").run()
        assert not at.exception
        cards = texts(at)
        assert f"Variant {named[ids[0]][1]}" in cards and f"Variant {named[ids[1]][1]}" in cards
        assert cards.index(f"#{ids[0]}") < cards.index(f"#{ids[1]}")  # A first


def test_create_shows_the_quote_with_a_paid_provider(tmp_path: Path) -> None:
    with app_env(tmp_path, video_provider="replicate", video_models=(KLING,)) as env:
        at = env.signed_in("alice")
        assert not at.exception
        assert "Estimated cost $1.00 and about 4 min 29 s for this ad." in texts(at)
        at.number_input(key="create_variant_count").set_value(3).run()
        assert "Estimated cost $3.00 and about 13 min 27 s for 3 ads." in texts(at)


def test_offline_providers_show_no_quote(tmp_path: Path) -> None:
    with app_env(tmp_path) as env:
        at = env.signed_in("alice")
        assert "Estimated cost" not in texts(at)


def test_plan_page_shows_estimate_and_recorded_cost_in_one_line(tmp_path: Path) -> None:
    with app_env(tmp_path, video_provider="replicate", video_models=(KLING,)) as env:
        alice = env.add_user("alice")
        generation_id = env.finished_generation(alice, cost=0.95)
        with env.runtime.sessions.begin() as session:
            quote.record(session, generation_id, quote.estimate(env.runtime.settings))
        at = env.signed_in("alice")
        at.switch_page("app_pages/plan.py").run()
        at.query_params["id"] = str(generation_id)
        at.run()
        assert not at.exception
        line = [c for c in texts(at).splitlines() if c.startswith("Estimated $")]
        assert line and line[0].startswith("Estimated $1.00 and about 4 min 29 s · recorded $0.95")

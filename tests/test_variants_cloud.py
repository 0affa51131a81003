"""Variants through the cloud providers: the real openai and replicate SDKs talk to the local
wire servers; each variant asks the model for its framework, and its estimate is stored
beside the cost the services reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline import quote, variant_groups, variants
from pipeline.runtime import jobs
from pipeline.runtime.services import bootstrap
from pipeline.settings import Settings
from pipeline.store import repository
from pipeline.store.users import add_user
from tests.cloud_fakes import OPENAI_KEY, REPLICATE_TOKEN, FakeOpenAI, FakeReplicate, wire_spec

pytest_plugins = ["tests.cloud_servers"]  # fake_openai, fake_replicate

MINIMAX = "minimax/video-01"
PROMPT = "Tired of tangled cables? SnapCord magnetic cable organizer for your desk"


def test_two_variants_ask_the_model_for_their_frameworks_and_keep_estimate_and_cost(
    fake_openai: FakeOpenAI, fake_replicate: FakeReplicate, tmp_path: Path
) -> None:
    fake_openai.enqueue_spec(wire_spec("PAS"), prompt_tokens=1200, completion_tokens=600)
    fake_openai.enqueue_spec(wire_spec("AIDA"), prompt_tokens=1200, completion_tokens=600)
    fake_replicate.script(MINIMAX, polls=0)
    settings = Settings(
        data_dir=tmp_path / "data", output_dir=tmp_path / "output",
        llm_provider="openai", openai_api_key=OPENAI_KEY,
        openai_base_url=fake_replicate.base_url + "/v1",
        video_provider="replicate", video_models=(MINIMAX,),
        replicate_api_token=REPLICATE_TOKEN, replicate_base_url=fake_replicate.base_url,
        replicate_poll_interval_s=0.01, tts_provider="none",
        max_running=1,  # A asks the model first
    )  # type: ignore[call-arg]  # fmt: skip
    runtime = bootstrap(settings)
    try:
        with runtime.sessions.begin() as session:
            user_id = add_user(session, "carol", "correct horse battery").id
        started = variant_groups.start_group(runtime, user_id, PROMPT, 2, seed=3)
        for generation_id in started.generation_ids:
            assert jobs.wait(generation_id, timeout_s=300)
        with runtime.sessions() as session:
            rows = [repository.get_generation(session, g, user_id) for g in started.generation_ids]
            named = variants.labels(session, started.generation_ids)
            stored = [quote.stored(session, g) for g in started.generation_ids]
    finally:
        runtime.engine.dispose()
    assert [r.status for r in rows] == ["completed", "completed"], [r.error for r in rows]
    asked = [json.dumps(body["messages"]) for body in fake_openai.history]
    assert "Write this ad with the PAS framework" in asked[0]
    assert "Write this ad with the AIDA framework" in asked[1]
    a, b = (named[g][1] for g in started.generation_ids)
    assert a == "A: PAS, hook 'Headline 1', CTA 'Shop now', energetic music, vibrant palette"
    assert b == "B: AIDA, hook 'Headline 2', CTA 'See for yourself', upbeat music, warm palette"
    # every variant: its estimate (4 clips at $0.50 + 2500/900 tokens of gpt-4o) and its cost
    for row, estimate in zip(rows, stored, strict=True):
        assert estimate is not None and estimate.estimate_micros == 2_015_250
        clips = len(row.clips or [])
        assert row.cost == pytest.approx((1200 * 2.5 + 600 * 10.0) / 1e6 + 0.5 * clips)

"""Both cloud providers through the whole pipeline: the real ``openai`` and ``replicate`` SDKs
talk to a local server speaking OpenAI chat completions, Replicate predictions and the output
file download. Nothing in an SDK is patched; the finished MP4 is probed independently."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
import sqlalchemy as sa
from pytest_httpserver import HTTPServer

from pipeline.cost_tracking import CostLedger
from pipeline.media import ffmpeg
from pipeline.providers.video_replicate import ReplicateProvider
from pipeline.runtime import jobs
from pipeline.runtime.services import Runtime, bootstrap
from pipeline.settings import Settings
from pipeline.spec import Scene, ScenePlan
from pipeline.stages import video_generation
from pipeline.stages.context import StageContext
from pipeline.store import repository
from pipeline.store.db import User
from pipeline.store.users import add_user
from tests.cloud_fakes import OPENAI_KEY, REPLICATE_TOKEN, FakeOpenAI, FakeReplicate, wire_spec
from tests.fakes import sample_specification
from tests.media import probe

MINIMAX, KLING, RUNWAY = "minimax/video-01", "kwaivgi/kling-v1.6-standard", "runwayml/gen4-turbo"
PROMPT = "Stride running shoes for city runners, launch week, energetic"
OUTPUT_S = 6.0  # what the fake models deliver, like minimax's fixed 6 s


@pytest.fixture(scope="module")
def model_output(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """A real 6 s 640x360 (16:9) H.264 file: landscape, so the 9:16 conform must crop it."""
    path = tmp_path_factory.mktemp("model") / "output.mp4"
    ffmpeg.run(
        ffmpeg.find_ffmpeg(),
        [
            "-f", "lavfi", "-i", f"testsrc2=size=640x360:rate=24:duration={OUTPUT_S}",
            "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", str(path),
        ],
    )  # fmt: skip
    return path.read_bytes()


@pytest.fixture
def servers(httpserver: HTTPServer, model_output: bytes) -> tuple[FakeOpenAI, FakeReplicate]:
    # One local server for both services; the chat route is registered first so it wins.
    return FakeOpenAI(httpserver), FakeReplicate(httpserver, model_output)


def cloud_settings(tmp_path: Path, base_url: str, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "data_dir": tmp_path / "data",
        "output_dir": tmp_path / "output",
        "llm_provider": "openai",
        "openai_api_key": OPENAI_KEY,
        "openai_base_url": base_url + "/v1",
        "video_provider": "replicate",
        "replicate_api_token": REPLICATE_TOKEN,
        "replicate_base_url": base_url,
        "replicate_poll_interval_s": 0.01,
        "retry_backoff_s": 0.01,
        "replicate_deadline_s": 60.0,
        "tts_provider": "none",  # the cloud voice has its own test (test_voice_openai)
    }
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


def everything_in_the_database(runtime: Runtime) -> str:
    """Every row of every table, as text."""
    parts = []
    with runtime.engine.connect() as conn:
        for table in sa.inspect(runtime.engine).get_table_names():
            parts.extend(
                repr(tuple(row)) for row in conn.execute(sa.text(f'SELECT * FROM "{table}"'))
            )
    return "\n".join(parts)


def test_a_full_generation_with_openai_and_replicate_makes_a_valid_mp4_and_real_costs(
    servers: tuple[FakeOpenAI, FakeReplicate], tmp_path: Path, log_lines: list[str]
) -> None:
    openai_fake, replicate_fake = servers
    # The LLM server lacks json_schema and quotes the key in its complaint (some do).
    openai_fake.enqueue_error(400, f"response_format json_schema unsupported (key {OPENAI_KEY})")
    openai_fake.enqueue_spec(wire_spec("AIDA"), prompt_tokens=1200, completion_tokens=600)
    # Scene 1 walks the whole chain: minimax 500s three times, kling's prediction fails
    # quoting the token, runway delivers. Later scenes get minimax at the first try.
    replicate_fake.script(MINIMAX, create_errors=[(500, {})] * 3, polls=1, predict_time=38.0)
    replicate_fake.script(KLING, polls=0, final="failed", error=f"bad auth {REPLICATE_TOKEN}")
    replicate_fake.script(RUNWAY, polls=1, predict_time=52.0)
    settings = cloud_settings(tmp_path, replicate_fake.base_url, max_parallel_clips=1)
    runtime = bootstrap(settings)  # the real providers, built from the settings
    try:
        with runtime.sessions.begin() as session:
            user_id = add_user(session, "carol", "correct horse battery").id

        generation_id = jobs.start(runtime, user_id, PROMPT, seed=11)
        assert jobs.wait(generation_id, timeout_s=300)

        with runtime.sessions() as session:
            row = repository.get_generation(session, generation_id, user_id)
            user_total = session.get(User, user_id).total_cost  # type: ignore[union-attr]
        assert row.status == "completed", row.error
        assert (row.llm_provider, row.video_provider) == ("openai", "replicate")

        # The MP4 a viewer gets, probed with PyAV rather than the code under test.
        info = probe(row.video_path)
        assert (info.width, info.height, info.fps) == (1080, 1920, 24.0)
        assert info.duration_s == pytest.approx(15.0, abs=0.1)
        assert info.video_codec == "h264" and info.audio_codec == "aac"

        # What the services were asked.
        assert [r["response_format"]["type"] for r in openai_fake.history] == [
            "json_schema", "json_object",
        ]  # fmt: skip
        n = len(row.clips)
        assert 3 <= n <= 5
        assert [c["model"] for c in row.clips] == [RUNWAY] + [MINIMAX] * (n - 1)
        assert len(replicate_fake.creates(MINIMAX)) == 3 + (n - 1)
        assert len(replicate_fake.creates(KLING)) == len(replicate_fake.creates(RUNWAY)) == 1
        assert replicate_fake.creates(RUNWAY)[0]["json"]["input"]["aspect_ratio"] == "9:16"
        downloads = replicate_fake.requests("GET", r"^/files/")
        assert len(downloads) == n
        assert not any("Authorization" in d["headers"] for d in downloads)

        # Costs: tokens x price, runway per output second, minimax per video; on the
        # generation, on the user, and in the breakdown with predict_time.
        llm_cost = (1200 * 2.50 + 600 * 10.00) / 1e6
        expected = llm_cost + 0.05 * OUTPUT_S + 0.50 * (n - 1)
        assert row.cost == pytest.approx(expected, abs=1e-6)
        assert user_total == pytest.approx(expected, abs=1e-6)
        assert [c["predict_time_s"] for c in row.clips] == [52.0] + [38.0] * (n - 1)
        breakdown = row.cost_breakdown
        assert breakdown[0]["stage"] == "llm_enhancement"
        assert breakdown[0]["amount"] == pytest.approx(llm_cost)
        assert breakdown[1]["detail"] == f"scene 1: {RUNWAY}, predict_time 52.0 s"
        tracked = [json.loads(x) for x in log_lines if '"cost_tracked"' in x]
        assert len(tracked) == 1 + n and all(t["generation_id"] == generation_id for t in tracked)

        # The planted keys went through error messages, yet are nowhere a person could see.
        database = everything_in_the_database(runtime)
        for key in (OPENAI_KEY, REPLICATE_TOKEN):
            assert not any(key in line for line in log_lines), key
            assert key not in database
        assert any("unsupported (key ***)" in line for line in log_lines)
        assert any("bad auth ***" in line for line in log_lines)
    finally:
        runtime.engine.dispose()
    for key in (OPENAI_KEY, REPLICATE_TOKEN):
        for path in (tmp_path / "data").rglob("*"):
            assert not path.is_file() or key.encode() not in path.read_bytes(), path


def test_clips_are_made_in_parallel_and_each_reports_its_own_progress(
    servers: tuple[FakeOpenAI, FakeReplicate], tmp_path: Path
) -> None:
    _, replicate_fake = servers
    # No prediction finishes before all three exist: only parallel generation gets past this.
    replicate_fake.script(MINIMAX, polls=1, finish_after_creates=3)
    settings = cloud_settings(
        tmp_path, replicate_fake.base_url, max_parallel_clips=3, replicate_deadline_s=20.0
    )
    durations = (5.5, 5.0, 5.5)  # 16 s of clips, 15 s after two 0.5 s crossfades
    plan = ScenePlan(
        framework="AIDA",
        scenes=[
            Scene(index=i, scene_type=beat, duration_s=d, visual_prompt=f"shot {i + 1}")
            for i, (beat, d) in enumerate(
                zip(("attention", "interest", "desire"), durations, strict=True)
            )
        ],
        width=180,
        height=320,
    )
    reports: list[tuple[float, str]] = []
    workdir = tmp_path / "work"
    workdir.mkdir()
    ctx = StageContext(
        settings=settings, workdir=workdir, ffmpeg_exe=ffmpeg.find_ffmpeg(),
        report=lambda f, m: reports.append((f, m)),
    )  # fmt: skip
    ledger = CostLedger()

    clips = video_generation.run(
        plan, sample_specification(), ReplicateProvider(settings), ctx, ledger
    )

    assert [c.scene_index for c in clips] == [0, 1, 2]
    assert [ffmpeg.probe(c.path).duration_s for c in clips] == pytest.approx(durations, abs=0.05)
    assert ledger.total == pytest.approx(3 * 0.50)
    assert len(replicate_fake.creates(MINIMAX)) == 3
    # The bar moves while clips are polled, never backwards, and ends full.
    fractions = [f for f, _ in reports]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    first_done = next(i for i, (_, m) in enumerate(reports) if m.startswith("Generated"))
    polling = [f for f, m in reports[:first_done] if f"{MINIMAX}: processing" in m]
    assert polling and 0.0 < polling[0] < 1 / 3  # moving before any clip is done
    assert {m.split(":")[0] for _, m in reports if m.startswith("Clip ")} == {
        "Clip 1 of 3", "Clip 2 of 3", "Clip 3 of 3",
    }  # fmt: skip


def test_cancelling_a_generation_cancels_its_predictions_on_replicate(
    servers: tuple[FakeOpenAI, FakeReplicate], tmp_path: Path
) -> None:
    openai_fake, replicate_fake = servers
    openai_fake.enqueue_spec(wire_spec("PAS"))
    replicate_fake.script(MINIMAX, final=None)  # the predictions never finish by themselves
    settings = cloud_settings(tmp_path, replicate_fake.base_url, max_parallel_clips=2)
    runtime = bootstrap(settings)
    try:
        with runtime.sessions.begin() as session:
            user_id = add_user(session, "dave", "correct horse battery").id
        generation_id = jobs.start(runtime, user_id, PROMPT, seed=3)
        polled = False
        for _ in range(600):  # the user presses Cancel once both clips are being polled
            polled = len(replicate_fake.requests("GET", r"^/v1/predictions/pred2$")) > 0
            if polled:
                break
            time.sleep(0.05)
        assert polled, "the predictions never started"

        assert jobs.cancel(runtime, user_id, generation_id)
        assert jobs.wait(generation_id, timeout_s=60)

        with runtime.sessions() as session:
            row = repository.get_generation(session, generation_id, user_id)
        assert (row.status, row.error, row.error_stage) == (
            "failed", "Cancelled by user", "video_generation",
        )  # fmt: skip
        assert sorted(replicate_fake.cancels()) == ["pred1", "pred2"]
        assert {p.status for p in replicate_fake.predictions.values()} == {"canceled"}
        assert replicate_fake.creates(KLING) == []  # a cancel is not a failure: no fallback
        assert row.video_path is None
    finally:
        runtime.engine.dispose()

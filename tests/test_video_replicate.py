"""The Replicate video provider: the real ``replicate`` SDK against a local Replicate server."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.errors import CancelledError, ConfigError, ProviderError
from pipeline.media import ffmpeg
from pipeline.providers import get_video_provider
from pipeline.providers.video_replicate import ReplicateProvider
from pipeline.settings import Settings
from pipeline.stages.context import StageContext
from tests.cloud_fakes import REPLICATE_TOKEN, FakeReplicate, clip_request

pytest_plugins = ["tests.cloud_servers"]  # fixtures: fake_replicate, ffmpeg_exe, ...

MINIMAX, KLING = "minimax/video-01", "kwaivgi/kling-v1.6-standard"


def make_settings(fake: FakeReplicate, tmp_path: Path, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "video_provider": "replicate",
        "replicate_api_token": REPLICATE_TOKEN,
        "replicate_base_url": fake.base_url,
        "video_models": (MINIMAX, KLING),
        "replicate_poll_interval_s": 0.01,
        "retry_backoff_s": 0.01,
        "replicate_deadline_s": 30.0,
        "data_dir": tmp_path / "data",
    }
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


def make_ctx(settings: Settings, tmp_path: Path, exe: str, **kwargs: object) -> StageContext:
    workdir = tmp_path / "work"
    workdir.mkdir(exist_ok=True)
    return StageContext(settings=settings, workdir=workdir, ffmpeg_exe=exe, **kwargs)  # type: ignore[arg-type]


def test_success_crops_the_landscape_output_to_9x16_at_the_scene_duration(
    fake_replicate: FakeReplicate, tmp_path: Path, ffmpeg_exe: str, log_lines: list[str]
) -> None:
    fake_replicate.script(MINIMAX, polls=2, predict_time=41.5)
    settings = make_settings(fake_replicate, tmp_path)
    reports: list[tuple[float, str]] = []
    ctx = make_ctx(settings, tmp_path, ffmpeg_exe, report=lambda f, m: reports.append((f, m)))
    dest = ctx.workdir / "scene_00.mp4"

    result = get_video_provider(settings).generate(
        clip_request(duration_s=3.0, width=1080, height=1920), dest, ctx
    )

    info = ffmpeg.probe(dest)
    # The 640x360 output's 9:16 slice at its own resolution; the export scales it once.
    assert (info.width, info.height, info.fps) == (198, 352, 24.0)
    assert info.duration_s == pytest.approx(3.0, abs=1 / 24)  # 2 s of output held to 3 s
    assert result.path == dest and result.model == MINIMAX
    assert result.cost == pytest.approx(0.50)  # minimax: per video
    assert result.predict_time_s == pytest.approx(41.5)
    create = fake_replicate.creates(MINIMAX)
    assert len(create) == 1
    sent = create[0]["json"]["input"]
    assert sent["prompt_optimizer"] is True and "runner laces bright shoes" in sent["prompt"]
    assert create[0]["headers"]["Authorization"] == f"Bearer {REPLICATE_TOKEN}"
    assert len(fake_replicate.requests("GET", r"^/v1/predictions/pred1$")) == 3
    download = fake_replicate.requests("GET", r"^/files/clip.mp4$")
    assert len(download) == 1 and "Authorization" not in download[0]["headers"]
    assert [p.name for p in ctx.workdir.iterdir()] == ["scene_00.mp4"]  # raw download removed
    fractions = [f for f, _ in reports]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert not any(REPLICATE_TOKEN in line for line in log_lines)
    assert any(json.loads(line)["event"] == "clip_generated" for line in log_lines)


def test_kling_gets_9x16_and_the_shortest_duration_that_covers_the_scene(
    fake_replicate: FakeReplicate, tmp_path: Path, ffmpeg_exe: str
) -> None:
    fake_replicate.script(KLING, polls=0)
    settings = make_settings(fake_replicate, tmp_path, video_models=(KLING,))
    ctx = make_ctx(settings, tmp_path, ffmpeg_exe)

    result = ReplicateProvider(settings).generate(
        clip_request(duration_s=6.0), ctx.workdir / "s.mp4", ctx
    )

    sent = fake_replicate.creates(KLING)[0]["json"]["input"]
    assert sent["aspect_ratio"] == "9:16" and sent["duration"] == 10
    assert result.cost == pytest.approx(0.05 * 2.0)  # per second of the 2 s delivered
    assert ffmpeg.probe(result.path).duration_s == pytest.approx(6.0, abs=1 / 24)


def test_429_is_retried_after_the_retry_after_header(
    fake_replicate: FakeReplicate, tmp_path: Path, ffmpeg_exe: str, log_lines: list[str]
) -> None:
    fake_replicate.script(MINIMAX, create_errors=[(429, {"Retry-After": "0.3"})], polls=0)
    settings = make_settings(fake_replicate, tmp_path)
    ctx = make_ctx(settings, tmp_path, ffmpeg_exe)

    result = ReplicateProvider(settings).generate(clip_request(), ctx.workdir / "s.mp4", ctx)

    assert result.model == MINIMAX
    first, second = fake_replicate.creates(MINIMAX)
    assert second["at"] - first["at"] >= 0.3  # backoff alone would be 0.01 s
    retries = [json.loads(x) for x in log_lines if '"provider_retry"' in x]
    assert [r["wait_s"] for r in retries] == [0.3]


def test_500_three_times_falls_back_to_the_next_model(
    fake_replicate: FakeReplicate, tmp_path: Path, ffmpeg_exe: str
) -> None:
    fake_replicate.script(MINIMAX, create_errors=[(500, {})] * 3)
    fake_replicate.script(KLING, polls=1)
    settings = make_settings(fake_replicate, tmp_path)
    ctx = make_ctx(settings, tmp_path, ffmpeg_exe)

    result = ReplicateProvider(settings).generate(clip_request(), ctx.workdir / "s.mp4", ctx)

    assert len(fake_replicate.creates(MINIMAX)) == 3
    assert len(fake_replicate.creates(KLING)) == 1
    assert result.model == KLING
    assert result.cost == pytest.approx(0.05 * 2.0)


def test_polling_errors_count_against_our_three_attempts_not_the_sdks_hidden_ten(
    fake_replicate: FakeReplicate, tmp_path: Path, ffmpeg_exe: str
) -> None:
    # The SDK's own transport would silently retry GETs on 503 up to 10 times, with
    # uncancellable sleeps; the provider's budget must be the one that counts.
    fake_replicate.script(MINIMAX, poll_errors=[(503, {})] * 4, polls=0)
    fake_replicate.script(KLING, polls=0)
    settings = make_settings(fake_replicate, tmp_path)
    ctx = make_ctx(settings, tmp_path, ffmpeg_exe)

    result = ReplicateProvider(settings).generate(clip_request(), ctx.workdir / "s.mp4", ctx)

    assert len(fake_replicate.requests("GET", r"^/v1/predictions/pred1$")) == 3
    assert result.model == KLING
    assert fake_replicate.cancels() == ["pred1"]  # abandoned, so stopped (and unbilled)


def test_more_than_90_percent_of_clips_succeed_when_30_percent_of_requests_fail(
    fake_replicate: FakeReplicate, tmp_path: Path, ffmpeg_exe: str, log_lines: list[str]
) -> None:
    # The specification's reliability target, under seeded transient faults on every kind of
    # request (create, status checks, download); retries and the chain absorb them.
    for model in (MINIMAX, KLING):
        fake_replicate.script(model, polls=1)
    fake_replicate.chaos(0.3, seed=6)
    settings = make_settings(fake_replicate, tmp_path)
    ctx = make_ctx(settings, tmp_path, ffmpeg_exe)
    provider = ReplicateProvider(settings)

    made = 0
    for index in range(10):
        try:
            provider.generate(clip_request(index), ctx.workdir / f"s{index}.mp4", ctx)
            made += 1
        except ProviderError:
            pass

    assert made >= 9
    retries = [x for x in log_lines if '"provider_retry"' in x]
    assert len(retries) >= 5  # the faults really happened and were retried


def test_a_failed_prediction_moves_on_without_retrying_that_model(
    fake_replicate: FakeReplicate, tmp_path: Path, ffmpeg_exe: str
) -> None:
    fake_replicate.script(MINIMAX, polls=1, final="failed", error="NSFW content detected")
    fake_replicate.script(KLING, polls=0)
    settings = make_settings(fake_replicate, tmp_path)
    ctx = make_ctx(settings, tmp_path, ffmpeg_exe)

    result = ReplicateProvider(settings).generate(clip_request(), ctx.workdir / "s.mp4", ctx)

    assert result.model == KLING
    assert len(fake_replicate.creates(MINIMAX)) == 1


def test_exhausted_chain_names_every_model_and_what_failed(
    fake_replicate: FakeReplicate, tmp_path: Path, ffmpeg_exe: str
) -> None:
    fake_replicate.script(MINIMAX, create_errors=[(503, {})] * 3)
    fake_replicate.script(KLING, polls=0, final="failed", error="GPU out of memory")
    settings = make_settings(fake_replicate, tmp_path)
    ctx = make_ctx(settings, tmp_path, ffmpeg_exe)

    with pytest.raises(ProviderError) as caught:
        ReplicateProvider(settings).generate(clip_request(index=1), ctx.workdir / "s.mp4", ctx)

    message = str(caught.value)
    assert message.startswith("Every Replicate video model failed for scene 2: ")
    assert f"{MINIMAX}: creating the prediction: HTTP 503" in message
    assert "(gave up after 3 attempts)" in message
    assert f"{KLING}: the prediction failed (GPU out of memory)" in message
    assert "ADSTUDIO_VIDEO_PROVIDER=local" in message
    assert REPLICATE_TOKEN not in message


def test_polling_deadline_cancels_the_prediction_and_says_so(
    fake_replicate: FakeReplicate, tmp_path: Path, ffmpeg_exe: str
) -> None:
    fake_replicate.script(MINIMAX, final=None)
    settings = make_settings(
        fake_replicate, tmp_path, video_models=(MINIMAX,), replicate_deadline_s=0.3
    )
    ctx = make_ctx(settings, tmp_path, ffmpeg_exe)

    with pytest.raises(ProviderError, match=r"minimax/video-01: no result within 0\.3 s"):
        ReplicateProvider(settings).generate(clip_request(), ctx.workdir / "s.mp4", ctx)

    assert fake_replicate.cancels() == ["pred1"]


def test_oversize_download_is_rejected(
    fake_replicate: FakeReplicate, tmp_path: Path, ffmpeg_exe: str
) -> None:
    big = b"\0" * 1_200_000
    fake_replicate.serve_file("/files/big.mp4", big)
    fake_replicate.serve_file("/files/big-chunked.mp4", big, chunked=True)
    fake_replicate.script(MINIMAX, polls=0, output="/files/big.mp4")
    fake_replicate.script(KLING, polls=0, output="/files/big-chunked.mp4")
    settings = make_settings(fake_replicate, tmp_path, max_download_mb=1)
    ctx = make_ctx(settings, tmp_path, ffmpeg_exe)

    with pytest.raises(ProviderError) as caught:
        ReplicateProvider(settings).generate(clip_request(), ctx.workdir / "s.mp4", ctx)

    message = str(caught.value)
    assert f"{MINIMAX}: The generated clip is 1.2 MB, above the 1 MB limit" in message
    assert f"{KLING}: The generated clip is larger than the 1 MB limit" in message
    assert list(ctx.workdir.iterdir()) == []  # no partial files left behind


def test_non_video_download_is_rejected(
    fake_replicate: FakeReplicate, tmp_path: Path, ffmpeg_exe: str
) -> None:
    fake_replicate.serve_file("/files/page.html", b"<html>Access denied</html>", "text/html")
    fake_replicate.serve_file("/files/fake.mp4", b"this is not a video at all" * 100, "video/mp4")
    fake_replicate.script(MINIMAX, polls=0, output="/files/page.html")
    fake_replicate.script(KLING, polls=0, output="/files/fake.mp4")
    settings = make_settings(fake_replicate, tmp_path)
    ctx = make_ctx(settings, tmp_path, ffmpeg_exe)

    with pytest.raises(ProviderError) as caught:
        ReplicateProvider(settings).generate(clip_request(), ctx.workdir / "s.mp4", ctx)

    message = str(caught.value)
    assert f"{MINIMAX}: The generated clip from localhost is 'text/html', not a video" in message
    assert f"{KLING}: The generated clip is not a readable video" in message
    assert not (ctx.workdir / "s.mp4").exists()


def test_cancel_during_prediction_cancels_it_on_the_service(
    fake_replicate: FakeReplicate, tmp_path: Path, ffmpeg_exe: str
) -> None:
    fake_replicate.script(MINIMAX, final=None)
    settings = make_settings(fake_replicate, tmp_path)

    def user_pressed_cancel() -> bool:
        return len(fake_replicate.requests("GET", r"^/v1/predictions/")) >= 2

    ctx = make_ctx(settings, tmp_path, ffmpeg_exe, is_cancelled=user_pressed_cancel)

    with pytest.raises(CancelledError):
        ReplicateProvider(settings).generate(clip_request(), ctx.workdir / "s.mp4", ctx)

    assert fake_replicate.cancels() == ["pred1"]
    assert fake_replicate.predictions["pred1"].status == "canceled"
    assert fake_replicate.creates(KLING) == []  # a cancel is not a failure: no fallback


def test_rejected_token_stops_the_chain_without_leaking_it(
    fake_replicate: FakeReplicate, tmp_path: Path, ffmpeg_exe: str, log_lines: list[str]
) -> None:
    fake_replicate.script(MINIMAX, create_errors=[(401, {})])
    fake_replicate.script(KLING)
    settings = make_settings(fake_replicate, tmp_path)
    ctx = make_ctx(settings, tmp_path, ffmpeg_exe)

    with pytest.raises(ProviderError) as caught:
        ReplicateProvider(settings).generate(clip_request(), ctx.workdir / "s.mp4", ctx)

    assert str(caught.value) == (
        "Replicate rejected the API token (HTTP 401). Check REPLICATE_API_TOKEN, "
        "or use ADSTUDIO_VIDEO_PROVIDER=local."
    )
    assert fake_replicate.creates(KLING) == []
    assert not any(REPLICATE_TOKEN in line for line in log_lines)
    assert REPLICATE_TOKEN not in repr(settings)


def test_missing_token_is_a_config_error_naming_the_variable(tmp_path: Path) -> None:
    settings = Settings(video_provider="replicate", replicate_api_token=None)

    with pytest.raises(ConfigError) as caught:
        get_video_provider(settings)

    assert str(caught.value) == (
        "The Replicate video provider needs an API token. Set REPLICATE_API_TOKEN (or add it "
        "to .streamlit/secrets.toml), or use the offline generator with "
        "ADSTUDIO_VIDEO_PROVIDER=local."
    )


def test_a_model_without_a_price_is_refused_at_start_up() -> None:
    settings = Settings(
        replicate_api_token=REPLICATE_TOKEN, video_models=(MINIMAX, "someone/new-model")
    )

    with pytest.raises(ConfigError, match=r"No price for Replicate model\(s\) someone/new-model"):
        ReplicateProvider(settings)


@pytest.mark.parametrize(("size", "ratio", "words"), [
    ((180, 320), "9:16", "vertical 9:16 framing"),
    ((320, 320), "1:1", "square 1:1 framing"),
    ((320, 180), "16:9", "horizontal 16:9 framing"),
])  # fmt: skip
def test_kling_is_asked_for_the_canvas_shape_of_the_ads_formats(
    fake_replicate: FakeReplicate,
    tmp_path: Path,
    ffmpeg_exe: str,
    size: tuple[int, int],
    ratio: str,
    words: str,
) -> None:
    fake_replicate.script(KLING, polls=0)
    settings = make_settings(fake_replicate, tmp_path, video_models=(KLING,))
    ctx = make_ctx(settings, tmp_path, ffmpeg_exe)

    result = ReplicateProvider(settings).generate(
        clip_request(width=size[0], height=size[1]), ctx.workdir / "s.mp4", ctx
    )

    sent = fake_replicate.creates(KLING)[0]["json"]["input"]
    assert sent["aspect_ratio"] == ratio
    assert words in sent["prompt"]
    probed = ffmpeg.probe(result.path)
    assert (probed.width, probed.height) == size  # conformed to the canvas, not stretched

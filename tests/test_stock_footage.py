"""The Pexels stock footage provider against a local server speaking the Pexels API."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import ConfigError, ProviderError
from pipeline.media import ffmpeg
from pipeline.providers import get_video_provider
from pipeline.providers.video_stock import StockFootage, pick_file, queries
from pipeline.settings import Settings
from pipeline.stages.context import StageContext
from tests.cloud_fakes import clip_request
from tests.pexels_fake import PEXELS_KEY, FakePexels

pytest_plugins = ["tests.cloud_servers"]  # fixtures: fake_pexels, ffmpeg_exe, ...


def make_settings(fake: FakePexels, tmp_path: Path, **overrides: object) -> Settings:
    values: dict[str, object] = dict(
        data_dir=tmp_path / "data",
        output_dir=tmp_path / "output",
        video_provider="stock",
        pexels_api_key=PEXELS_KEY,
        pexels_base_url=fake.base_url,
        retry_backoff_s=0.01,
        retry_backoff_max_s=0.05,
    )
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


def make_ctx(settings: Settings, tmp_path: Path, exe: str, gid: int = 1) -> StageContext:
    workdir = tmp_path / "work"
    workdir.mkdir(exist_ok=True)
    return StageContext(settings=settings, workdir=workdir, ffmpeg_exe=exe, generation_id=gid)


def test_a_portrait_clip_is_found_downloaded_conformed_and_credited(
    fake_pexels: FakePexels, tmp_path: Path, ffmpeg_exe: str
) -> None:
    fake_pexels.add_video(11, width=1280, height=720, author="Wide Guy")  # landscape: later
    fake_pexels.add_video(22, author="Ana Lens")
    settings = make_settings(fake_pexels, tmp_path)
    provider = get_video_provider(settings)
    ctx = make_ctx(settings, tmp_path, ffmpeg_exe)
    dest = ctx.workdir / "scene_00.mp4"
    result = provider.generate(clip_request(duration_s=3.0, width=1080, height=1920), dest, ctx)
    info = ffmpeg.probe(dest)
    assert (info.width, info.height) == (360, 640)  # 9:16 at the source's own size
    assert info.duration_s == pytest.approx(3.0, abs=1 / 24)
    assert info.fps == pytest.approx(24.0)
    assert result.model == "pexels:22" and result.cost == 0.0
    assert result.details["author"] == "Ana Lens"
    assert result.details["licence"].startswith("Pexels License")
    assert result.details["url"] == "https://www.pexels.com/video/clip-22/"
    search = fake_pexels.searches()[0]
    assert search["args"]["orientation"] == "portrait"
    assert search["args"]["query"] == queries(clip_request())[0]
    assert search["headers"]["Authorization"] == PEXELS_KEY
    downloads = fake_pexels.downloads()
    assert [d["path"] for d in downloads] == ["/cdn/22.mp4"]
    assert "Authorization" not in downloads[0]["headers"]  # the key never leaves the API
    assert [p.name for p in ctx.workdir.iterdir()] == ["scene_00.mp4"]
    assert provider.rate_remaining == 199  # type: ignore[attr-defined]


def test_a_clip_is_never_used_twice_in_one_ad_and_the_rest_falls_back_to_local(
    fake_pexels: FakePexels, tmp_path: Path, ffmpeg_exe: str
) -> None:
    fake_pexels.add_video(1)
    fake_pexels.add_video(2)
    settings = make_settings(fake_pexels, tmp_path)
    provider = StockFootage(settings)
    ctx = make_ctx(settings, tmp_path, ffmpeg_exe)
    results = [
        provider.generate(clip_request(index=i, duration_s=3.0), ctx.workdir / f"s{i}.mp4", ctx)
        for i in range(3)
    ]
    assert [r.model for r in results[:2]] == ["pexels:1", "pexels:2"]
    third = results[2]
    assert third.model.startswith("motion-graphics:")
    assert third.details["source"] == "local"
    assert third.details["fallback"].startswith("no unused stock clip fits")
    assert third.details["template"] in ("hero", "checklist", "quote", "kinetic")
    assert ffmpeg.probe(third.path).duration_s == pytest.approx(3.0, abs=1 / 24)
    # another ad may use the same clips again
    other = make_ctx(settings, tmp_path, ffmpeg_exe, gid=2)
    again = provider.generate(clip_request(duration_s=3.0), other.workdir / "o.mp4", other)
    assert again.model == "pexels:1"


def test_429_is_retried_after_the_servers_wait_and_then_succeeds(
    fake_pexels: FakePexels, tmp_path: Path, ffmpeg_exe: str
) -> None:
    fake_pexels.add_video(5)
    fake_pexels.fail_next(429, **{"Retry-After": "0"})
    fake_pexels.fail_next(503)
    settings = make_settings(fake_pexels, tmp_path)
    ctx = make_ctx(settings, tmp_path, ffmpeg_exe)
    result = StockFootage(settings).generate(clip_request(), ctx.workdir / "a.mp4", ctx)
    assert result.model == "pexels:5"
    assert len(fake_pexels.searches()) == 3


def test_a_search_that_stays_rate_limited_says_so(
    fake_pexels: FakePexels, tmp_path: Path, ffmpeg_exe: str
) -> None:
    for _ in range(3):
        fake_pexels.fail_next(429, **{"Retry-After": "0"})
    settings = make_settings(fake_pexels, tmp_path)
    ctx = make_ctx(settings, tmp_path, ffmpeg_exe)
    with pytest.raises(ProviderError, match="Pexels answered HTTP 429 3 times") as info:
        StockFootage(settings).generate(clip_request(), ctx.workdir / "a.mp4", ctx)
    assert "request limit is used up" in info.value.message
    assert info.value.retryable


def test_a_file_that_is_not_a_video_is_skipped_for_the_next_candidate(
    fake_pexels: FakePexels, tmp_path: Path, ffmpeg_exe: str
) -> None:
    fake_pexels.add_video(7, content_type="text/html", data=b"<html>nope</html>")
    fake_pexels.add_video(8)
    settings = make_settings(fake_pexels, tmp_path)
    ctx = make_ctx(settings, tmp_path, ffmpeg_exe)
    result = StockFootage(settings).generate(clip_request(), ctx.workdir / "a.mp4", ctx)
    assert result.model == "pexels:8"
    assert not list(ctx.workdir.glob("*.download"))


def test_no_results_fall_back_to_the_local_renderer(
    fake_pexels: FakePexels, tmp_path: Path, ffmpeg_exe: str
) -> None:
    settings = make_settings(fake_pexels, tmp_path)
    ctx = make_ctx(settings, tmp_path, ffmpeg_exe)
    result = StockFootage(settings).generate(clip_request(), ctx.workdir / "a.mp4", ctx)
    assert result.details["source"] == "local" and result.details["fallback"] == (
        "no unused stock clip fits"
    )
    assert len(fake_pexels.searches()) == len(queries(clip_request()))


def test_a_wrong_key_is_an_error_that_names_the_setting(
    fake_pexels: FakePexels, tmp_path: Path, ffmpeg_exe: str
) -> None:
    settings = make_settings(fake_pexels, tmp_path, pexels_api_key="wrong")
    ctx = make_ctx(settings, tmp_path, ffmpeg_exe)
    with pytest.raises(ProviderError, match=r"Pexels rejected the API key \(HTTP 401\)"):
        StockFootage(settings).generate(clip_request(), ctx.workdir / "a.mp4", ctx)


def test_no_key_is_a_config_error_that_says_what_to_do(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, video_provider="stock")
    with pytest.raises(ConfigError, match="Set PEXELS_API_KEY"):
        get_video_provider(settings)


def test_the_file_picked_is_portrait_and_about_half_the_ad_width() -> None:
    video = {
        "video_files": [
            {"file_type": "video/mp4", "width": 1920, "height": 1080, "link": "a"},
            {"file_type": "video/mp4", "width": 2160, "height": 3840, "link": "b"},
            {"file_type": "video/mp4", "width": 540, "height": 960, "link": "c"},
            {"file_type": "video/mp4", "width": 360, "height": 640, "link": "d"},
        ]
    }
    assert pick_file(video, 1080)["link"] == "c"  # type: ignore[index]


def test_the_key_can_live_in_secrets_toml_and_stays_secret(tmp_path: Path) -> None:
    from pydantic import SecretStr

    from pipeline.secrets import secrets_overrides

    path = tmp_path / "secrets.toml"
    path.write_text(f'PEXELS_API_KEY = "{PEXELS_KEY}"\n', encoding="utf-8")
    key = secrets_overrides(path, {})["pexels_api_key"]
    assert isinstance(key, SecretStr) and key.get_secret_value() == PEXELS_KEY
    assert PEXELS_KEY not in repr(Settings(data_dir=tmp_path, pexels_api_key=key))

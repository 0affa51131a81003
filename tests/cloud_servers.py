"""Fixtures for the cloud provider tests: real media and the local OpenAI/Replicate servers.

Use them from a test module with ``pytest_plugins = ["tests.cloud_servers"]`` (or from the
root conftest); the fakes themselves are in :mod:`tests.cloud_fakes`.
"""

from __future__ import annotations

import pytest
from pytest_httpserver import HTTPServer

from pipeline.media import ffmpeg
from tests.cloud_fakes import FakeOpenAI, FakeReplicate
from tests.pexels_fake import FakePexels


@pytest.fixture(scope="session")
def ffmpeg_exe() -> str:
    return ffmpeg.find_ffmpeg()


@pytest.fixture(scope="session")
def landscape_mp4(tmp_path_factory: pytest.TempPathFactory, ffmpeg_exe: str) -> bytes:
    """A real 2 s 640x360 (16:9) H.264 clip, like a model's landscape output."""
    path = tmp_path_factory.mktemp("media") / "landscape.mp4"
    ffmpeg.run(
        ffmpeg_exe,
        [
            "-f", "lavfi", "-i", "testsrc=size=640x360:rate=24:duration=2",
            "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", str(path),
        ],
    )  # fmt: skip
    return path.read_bytes()


@pytest.fixture
def fake_openai(httpserver: HTTPServer) -> FakeOpenAI:
    return FakeOpenAI(httpserver)


@pytest.fixture
def fake_replicate(httpserver: HTTPServer, landscape_mp4: bytes) -> FakeReplicate:
    return FakeReplicate(httpserver, landscape_mp4)


@pytest.fixture(scope="session")
def portrait_mp4(tmp_path_factory: pytest.TempPathFactory, ffmpeg_exe: str) -> bytes:
    """A real 4 s 360x640 (9:16) H.264 clip, like a Pexels portrait SD file."""
    path = tmp_path_factory.mktemp("media") / "portrait.mp4"
    ffmpeg.run(
        ffmpeg_exe,
        [
            "-f", "lavfi", "-i", "testsrc2=size=360x640:rate=25:duration=4",
            "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", str(path),
        ],
    )  # fmt: skip
    return path.read_bytes()


@pytest.fixture
def fake_pexels(httpserver: HTTPServer, portrait_mp4: bytes) -> FakePexels:
    return FakePexels(httpserver, portrait_mp4)

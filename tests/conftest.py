"""Shared fixtures: settings in a temp folder, a runtime with fake or real providers."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.logs import JsonFormatter
from pipeline.runtime.services import Runtime, bootstrap
from pipeline.settings import Settings
from tests.fakes import FakeLLM, FakeVideo


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings whose data, database and output live in ``tmp_path``."""
    return Settings(
        data_dir=tmp_path / "data",
        output_dir=tmp_path / "output",
        llm_provider="offline",
        video_provider="local",
        tts_provider="none",  # captions only: the voice has its own tests (test_voice_*)
    )


@pytest.fixture
def fake_llm() -> FakeLLM:
    return FakeLLM()


@pytest.fixture
def fake_video() -> FakeVideo:
    return FakeVideo()


@pytest.fixture
def runtime(settings: Settings, fake_llm: FakeLLM, fake_video: FakeVideo) -> Iterator[Runtime]:
    """A runtime on a temp SQLite file with fast fake providers."""
    rt = bootstrap(settings, llm=fake_llm, video=fake_video)
    yield rt
    rt.engine.dispose()


@pytest.fixture
def user_id(runtime: Runtime) -> int:
    from pipeline.store.users import add_user

    with runtime.sessions.begin() as session:
        return add_user(session, "alice", "correct horse battery").id


@pytest.fixture
def log_lines() -> Iterator[list[str]]:
    """Every adstudio log record, formatted as the JSON line production writes."""
    lines: list[str] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            lines.append(self.format(record))

    handler = Keep(level=logging.DEBUG)
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("adstudio")
    old_level = logger.level
    logger.setLevel(logging.DEBUG)
    logger.addHandler(handler)
    yield lines
    logger.removeHandler(handler)
    logger.setLevel(old_level)

"""Start-up of the app as a server does it: settings from the environment, once per process.

No ``use_runtime`` here: the app builds its own runtime from ``ADSTUDIO_*`` variables
(pointing into a temp folder), recovers generations a dead server left running, creates its
cookie key, and does all of that only once however many sessions connect.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from pipeline.cookie_key import cookie_key_path
from pipeline.errors import AdstudioError
from pipeline.runtime import jobs
from pipeline.runtime.services import Runtime, bootstrap
from pipeline.settings import Settings
from pipeline.store import repository
from pipeline.store.db import Generation
from pipeline.store.users import add_user
from tests.app_harness import APP, TIMEOUT_S
from ui import runtime as ui_runtime


@pytest.fixture
def server_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Settings]:
    for name, value in {
        "ADSTUDIO_DATA_DIR": tmp_path / "data",
        "ADSTUDIO_OUTPUT_DIR": tmp_path / "output",
        "ADSTUDIO_LLM_PROVIDER": "offline",
        "ADSTUDIO_VIDEO_PROVIDER": "local",
    }.items():
        monkeypatch.setenv(name, str(value))
    monkeypatch.delenv("ADSTUDIO_COOKIE_KEY", raising=False)
    ui_runtime.use_runtime(None)
    ui_runtime._build_runtime.clear()
    yield Settings(data_dir=tmp_path / "data", output_dir=tmp_path / "output")
    try:
        built: Runtime | None = ui_runtime._build_runtime()  # the cached one, if it was built
    except AdstudioError:
        built = None
    ui_runtime._build_runtime.clear()
    if built is not None:
        built.engine.dispose()


def left_running(settings: Settings) -> int:
    """A row that a server which died mid-generation would leave behind."""
    rt: Runtime = bootstrap(settings, recover=False)
    try:
        with rt.sessions.begin() as session:
            user = repository.get_user(session, "alice")
            if user is None:
                user = add_user(session, "alice", "correct horse 42")
            row = Generation(user_id=user.id, prompt="An ad the crash interrupted", seed=1,
                             status="processing", progress=40)  # fmt: skip
            session.add(row)
            session.flush()
            return row.id
    finally:
        rt.engine.dispose()


def test_first_session_builds_the_runtime_recovers_orphans_and_makes_a_cookie_key(
    server_env: Settings,
) -> None:
    orphan = left_running(server_env)
    assert not cookie_key_path(server_env).exists()

    at = AppTest.from_file(APP, default_timeout=TIMEOUT_S).run()
    assert not at.exception
    assert [t.label for t in at.tabs] == ["Sign in", "Create account"]
    assert cookie_key_path(server_env).stat().st_mode & 0o777 == 0o600

    runtime = ui_runtime._build_runtime()
    assert runtime.settings.data_dir == server_env.data_dir
    with runtime.sessions() as session:
        row = repository.get_generation(session, orphan, None)
    assert (row.status, row.error) == ("failed", jobs.INTERRUPTED)

    # A second session reuses the same runtime: start-up (and recovery) does not run again.
    later = left_running(server_env)
    AppTest.from_file(APP, default_timeout=TIMEOUT_S).run()
    assert ui_runtime._build_runtime() is runtime
    with runtime.sessions() as session:
        assert repository.get_generation(session, later, None).status == "processing"


def test_a_bad_setting_stops_the_app_with_its_message(
    server_env: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ADSTUDIO_VIDEO_PROVIDER", "imaginary")
    ui_runtime._build_runtime.clear()
    at = AppTest.from_file(APP, default_timeout=TIMEOUT_S).run()
    assert not at.exception
    (error,) = at.error
    assert "Adstudio cannot start: Unknown video provider 'imaginary'" in error.value
    assert "ADSTUDIO_VIDEO_PROVIDER" in error.value


def test_an_empty_database_file_stops_the_app_instead_of_being_used(
    server_env: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = server_env.data_dir / "adstudio.db"
    db.parent.mkdir(parents=True)
    db.write_bytes(b"")
    ui_runtime._build_runtime.clear()
    at = AppTest.from_file(APP, default_timeout=TIMEOUT_S).run()
    assert not at.exception
    (error,) = at.error
    assert error.value == (
        f"Adstudio cannot start: The database file {db} is empty (0 bytes). Restore it from a "
        "backup, or move it away to start a new database."
    )
    assert db.stat().st_size == 0


def test_a_setting_that_is_not_a_number_stops_the_app_with_one_line(
    server_env: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ADSTUDIO_RATE_LIMIT_PER_HOUR", "ten")
    ui_runtime._build_runtime.clear()
    at = AppTest.from_file(APP, default_timeout=TIMEOUT_S).run()
    assert not at.exception
    (error,) = at.error
    assert error.value == (
        "Adstudio cannot start: ADSTUDIO_RATE_LIMIT_PER_HOUR must be a whole number "
        "(got 'ten'). Fix or unset it, then start again."
    )


def test_the_app_listens_on_this_machine_only_by_default() -> None:
    import tomllib

    config = tomllib.loads((Path(APP).parent / ".streamlit" / "config.toml").read_text())
    assert config["server"]["address"] == "127.0.0.1"

"""`python -m pipeline worker` and `python -m pipeline serve` as real processes."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

from pipeline.runtime.child import ROOT
from pipeline.store import repository
from pipeline.store.connection import init_db
from pipeline.store.db import Generation
from pipeline.store.repository import session_factory
from pipeline.store.users import add_user
from tests.scale_servers import redis_clean, redis_url, wait_for  # noqa: F401 (fixtures)

INTERRUPTED = "Interrupted - the process running it stopped. Please try again."


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "ADSTUDIO_DATA_DIR": str(tmp_path / "data"),
        "ADSTUDIO_OUTPUT_DIR": str(tmp_path / "output"),
        "ADSTUDIO_LLM_PROVIDER": "offline",
        "ADSTUDIO_VIDEO_PROVIDER": "local",
        **extra,
    }


def _cli(tmp_path: Path, *args: str, **extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pipeline", *args], cwd=ROOT, env=_env(tmp_path, **extra),
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def test_worker_says_what_to_do_when_redis_does_not_answer(tmp_path: Path) -> None:
    done = _cli(tmp_path, "worker", "--burst",
                ADSTUDIO_REDIS_URL=f"unix://{tmp_path / 'none.sock'}")  # fmt: skip
    assert done.returncode == 1
    assert done.stderr.strip() == (
        "error: Cannot reach Redis (ConnectionError). Start redis-server or set "
        "ADSTUDIO_REDIS_URL to the shared Redis, e.g. redis://queue-host:6379/0."
    )


def test_worker_in_burst_mode_registers_with_rq_and_stops_when_idle(
    tmp_path: Path,
    redis_clean: str,  # noqa: F811
) -> None:
    done = _cli(tmp_path, "worker", "--burst", "--name", "burst-1",
                ADSTUDIO_REDIS_URL=redis_clean)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "data" / "adstudio.db").exists()  # it migrated the shared database
    assert (tmp_path / "data" / "voices" / "en_US-joe-medium.aligned.onnx").exists()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _health(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as r:
            return bool(r.status == 200)
    except OSError:
        return False


def test_serve_recovers_before_the_first_page_and_runs_the_app(tmp_path: Path) -> None:
    engine = init_db(f"sqlite:///{tmp_path / 'data' / 'adstudio.db'}")
    sessions = session_factory(engine)
    with sessions.begin() as session:  # a row a crashed server left "processing"
        user = add_user(session, "ann", "correct horse battery")
        session.add(Generation(user_id=user.id, prompt="Create a watch ad", status="processing"))
    port = _free_port()
    serve = subprocess.Popen(
        [sys.executable, "-m", "pipeline", "serve", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true"],
        cwd=ROOT, env=_env(tmp_path), start_new_session=True,
    )  # fmt: skip
    try:

        def recovered() -> bool:
            with sessions() as session:
                return repository.get_generation(session, 1, None).status == "failed"

        assert wait_for(recovered, 60)  # no page was opened: start-up did it
        with sessions() as session:
            assert repository.get_generation(session, 1, None).error == INTERRUPTED
        assert wait_for(lambda: _health(port), 90)
        voice = tmp_path / "data" / "voices" / "en_US-joe-medium.aligned.onnx"
        assert wait_for(voice.exists, 90)  # the voice is timed once, before any ad needs it
    finally:
        serve.send_signal(signal.SIGTERM)
        code = serve.wait(30)
    assert code in (0, -signal.SIGTERM)
    assert not wait_for(lambda: _health(port), 1)  # the app ended with it
    engine.dispose()

"""Real servers and worker processes for the scale-out tests.

Redis (Debian's ``redis-server``) and PostgreSQL (Debian's server binaries, or the server
that ``ADSTUDIO_TEST_POSTGRES_URL`` names) run in temp folders on Unix sockets only; a test
is skipped only when a server binary is not installed (``.ci/run`` installs both). Workers
are real ``rq`` worker processes running :func:`pipeline.runtime.rq_runner.work` with fast fake
providers (:class:`GatedVideo`), controlled through files in a shared folder.
"""

from __future__ import annotations

import glob
import itertools
import json
import os
import pwd
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from pipeline.providers import ClipRequest, ClipResult
from pipeline.runtime.child import ROOT
from pipeline.stages.context import StageContext
from tests.fakes import FakeVideo

PG_BINARIES = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
PG_PORT = 54331  # only names the socket file inside our own folder
_databases = itertools.count()


def wait_for(condition: Callable[[], object], timeout_s: float = 180.0) -> bool:
    """Poll ``condition`` every 0.1 s; the timeout is a safety net, not a measurement."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


class GatedVideo(FakeVideo):
    """FakeVideo for worker processes: ``<gate>/started-<id>`` appears when a generation's
    clips start; they wait while ``<gate>/hold-<id>`` exists, polling the cancel flag unless
    ``<gate>/deaf-<id>`` exists too (a provider that never checks it)."""

    def __init__(self, gate: Path, cost: float) -> None:
        super().__init__(cost=cost)
        self.gate = gate

    def generate(self, request: ClipRequest, dest: Path, ctx: StageContext) -> ClipResult:
        gid = ctx.generation_id
        (self.gate / f"started-{gid}").touch()
        while (self.gate / f"hold-{gid}").exists():
            if not (self.gate / f"deaf-{gid}").exists():
                ctx.check_cancelled()
            time.sleep(0.05)
        return super().generate(request, dest, ctx)


WORKER = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    from pipeline.runtime import rq_runner
    from pipeline.logs import configure_logging
    from pipeline.runtime.services import bootstrap
    from pipeline.settings import Settings
    from tests.fakes import FakeLLM
    from tests.scale_servers import GatedVideo

    overrides = json.loads(sys.argv[1])
    log = Path(sys.argv[2]) / f"log-{sys.argv[3]}.jsonl"
    configure_logging(stream=open(log, "a", buffering=1, encoding="utf-8"))
    settings = Settings(**overrides)
    video = GatedVideo(Path(sys.argv[2]), cost=0.02)
    runtime = bootstrap(settings, llm=FakeLLM(cost=0.01), video=video)
    rq_runner.work(runtime, name=sys.argv[3], burst=len(sys.argv) > 4)
    """
)


def settings_overrides(folder: Path, database_url: str, redis_url: str, **extra: Any) -> dict:
    return {
        "data_dir": str(folder / "data"),
        "output_dir": str(folder / "output"),
        "database_url": database_url,
        "redis_url": redis_url,
        "runner": "rq",
        **extra,
    }


def start_worker(overrides: dict, gate: Path, name: str) -> subprocess.Popen[bytes]:
    """A real RQ worker process (its own session: a test can kill it alone)."""
    return subprocess.Popen(
        [sys.executable, "-c", WORKER, json.dumps(overrides), str(gate), name],
        cwd=ROOT,
        start_new_session=True,
    )


def stop_worker(worker: subprocess.Popen[bytes]) -> None:
    """Kill a worker at the end of a test (its horse dies with it; Redis is flushed next)."""
    if worker.poll() is None:
        worker.kill()
    worker.wait(30)


@pytest.fixture(scope="session")
def redis_url() -> Iterator[str]:
    server = shutil.which("redis-server")
    if server is None:
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    root = Path(tempfile.mkdtemp(prefix="adstudio-redis-"))
    sock = root / "redis.sock"
    proc = subprocess.Popen(
        [server, "--port", "0", "--unixsocket", str(sock), "--save", "", "--appendonly", "no",
         "--dir", str(root)],
        stdout=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        assert wait_for(sock.exists, 30), "redis-server did not start"
        yield f"unix://{sock}"
    finally:
        proc.terminate()
        proc.wait(10)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def redis_clean(redis_url: str) -> str:
    """The session's Redis, emptied for this test."""
    from redis import Redis

    Redis.from_url(redis_url).flushall()
    return redis_url


def _pg(*cmd: str, check: bool = True) -> None:
    """Run a server tool; PostgreSQL refuses root, so as root it runs as ``postgres``."""
    prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    subprocess.run([*prefix, *cmd], check=check, capture_output=True, timeout=120)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """An admin URL: ADSTUDIO_TEST_POSTGRES_URL, or a throwaway local server."""
    given = os.environ.get("ADSTUDIO_TEST_POSTGRES_URL")
    if given:
        yield given
        return
    if not PG_BINARIES:
        pytest.skip("PostgreSQL server binaries are not installed (apt-get install postgresql)")
    bindir = Path(PG_BINARIES[-1]).parent
    root = Path(tempfile.mkdtemp(prefix="adstudio-scale-pg-"))
    if os.geteuid() == 0:
        account = pwd.getpwnam("postgres")
        os.chown(root, account.pw_uid, account.pw_gid)
    data = root / "data"
    pg_ctl = str(bindir / "pg_ctl")
    _pg(str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "--no-sync")
    options = f"-k {root} -p {PG_PORT} -c listen_addresses='' -c fsync=off -c max_connections=200"
    _pg(pg_ctl, "-D", str(data), "-o", options, "-l", str(root / "log"), "-w", "start")
    try:
        yield f"postgresql+psycopg://postgres@/postgres?host={root}&port={PG_PORT}"
    finally:
        _pg(pg_ctl, "-D", str(data), "-m", "immediate", "stop", check=False)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def postgres_url(postgres_server: str) -> str:
    """A new, empty database on the server for this test."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"adstudio_t{os.getpid()}_{next(_databases)}"
    admin = create_engine(postgres_server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return make_url(postgres_server).set(database=name).render_as_string(hide_password=False)

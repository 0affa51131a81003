"""A real PostgreSQL server: the documented ``postgresql+psycopg://`` URL creates the schema.

Runs Debian's server binaries (``.ci/run`` installs the ``postgresql`` package) in a temp
folder, on a Unix socket only; skipped when no server binary is installed.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import inspect

from pipeline import repository
from pipeline.db import init_db
from pipeline.runtime import bootstrap
from pipeline.settings import Settings
from pipeline.users import add_user
from tests.fakes import FakeLLM, FakeVideo

BINARIES = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
PORT = 54329  # only names the socket file inside our own folder


def _server(*cmd: str, check: bool = True) -> None:
    """Run a server tool; PostgreSQL refuses root, so as root it runs as ``postgres``."""
    prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    subprocess.run([*prefix, *cmd], check=check, capture_output=True, timeout=120)


@pytest.fixture(scope="module")
def postgres_url() -> Iterator[str]:
    if not BINARIES:
        pytest.skip("PostgreSQL server binaries are not installed (apt-get install postgresql)")
    bindir = Path(BINARIES[-1]).parent
    root = Path(tempfile.mkdtemp(prefix="adstudio-pg-"))
    if os.geteuid() == 0:
        account = pwd.getpwnam("postgres")
        os.chown(root, account.pw_uid, account.pw_gid)
    data = root / "data"
    pg_ctl = str(bindir / "pg_ctl")
    _server(str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "--no-sync")
    options = f"-k {root} -p {PORT} -c listen_addresses='' -c fsync=off"
    _server(pg_ctl, "-D", str(data), "-o", options, "-l", str(root / "log"), "-w", "start")
    try:
        yield f"postgresql+psycopg://postgres@/postgres?host={root}&port={PORT}"
    finally:
        _server(pg_ctl, "-D", str(data), "-m", "immediate", "stop", check=False)
        shutil.rmtree(root, ignore_errors=True)


def test_the_schema_is_created_on_a_real_postgresql_server(postgres_url: str) -> None:
    engine = init_db(postgres_url)
    try:
        tables = set(inspect(engine).get_table_names())
        assert {"users", "generations", "alembic_version"} <= tables
    finally:
        engine.dispose()
    init_db(postgres_url).dispose()  # a second start-up finds the schema current


def test_the_app_runs_on_postgresql(postgres_url: str, tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data", output_dir=tmp_path / "output",
                        database_url=postgres_url)  # fmt: skip
    runtime = bootstrap(settings, llm=FakeLLM(), video=FakeVideo())
    try:
        with runtime.sessions.begin() as session:
            add_user(session, "pg-alice", "correct horse battery")
        with runtime.sessions() as session:
            user = repository.get_user(session, "pg-alice")
            assert user is not None and user.total_cost == 0.0
    finally:
        runtime.engine.dispose()

"""Bad settings and broken databases stop start-up with one line naming the variable or file.

The CLI runs as a real subprocess (one ``error: ...`` line, exit 1, no traceback); the
database cases use real files (empty, garbage, truncated) and real sockets (a closed port,
a server that accepts and never answers).
"""

from __future__ import annotations

import os
import socket
import sqlite3
import stat
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.errors import ConfigError
from pipeline.runtime.services import bootstrap
from pipeline.settings import Settings, load_settings, prepare_folders
from pipeline.store.connection import init_db
from tests.fakes import FakeLLM, FakeVideo

ROOT = Path(__file__).resolve().parents[1]
ADVICE = "Restore it from a backup, or move it away to start a new database."
URL_HELP = "Use e.g. sqlite:///data/adstudio.db or postgresql+psycopg://user:password@host/name."


def _cli(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    variables = {
        **{k: v for k, v in os.environ.items() if not k.startswith("ADSTUDIO_")},
        "ADSTUDIO_DATA_DIR": str(tmp_path / "data"),
        "ADSTUDIO_OUTPUT_DIR": str(tmp_path / "output"),
        "PYTHONPATH": str(ROOT),
        **env,
    }
    return subprocess.run(
        [sys.executable, "-m", "pipeline", "list"], cwd=tmp_path, env=variables,
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def _one_line(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    (line,) = done.stderr.strip().splitlines()
    assert line.startswith("error: ")
    return line.removeprefix("error: ")


@pytest.mark.parametrize(
    ("variable", "value", "expected"),
    [
        ("ADSTUDIO_RATE_LIMIT_PER_HOUR", "ten",
         "ADSTUDIO_RATE_LIMIT_PER_HOUR must be a whole number (got 'ten'). "
         "Fix or unset it, then start again."),
        ("ADSTUDIO_MAX_PARALLEL_CLIPS", "0",
         "ADSTUDIO_MAX_PARALLEL_CLIPS must be at least 1 (got '0'). "
         "Fix or unset it, then start again."),
        ("ADSTUDIO_TARGET_DURATION_S", "600",
         "ADSTUDIO_TARGET_DURATION_S must be at most 60 (got '600'). "
         "Fix or unset it, then start again."),
        ("ADSTUDIO_REPLICATE_DEADLINE_S", "-5",
         "ADSTUDIO_REPLICATE_DEADLINE_S must be more than 0 (got '-5'). "
         "Fix or unset it, then start again."),
        ("ADSTUDIO_DATABASE_URL", "notaurl",
         f"ADSTUDIO_DATABASE_URL is not a database URL. {URL_HELP}"),
        ("ADSTUDIO_DATABASE_URL", "foo://",
         f"ADSTUDIO_DATABASE_URL names an unknown database kind 'foo'. {URL_HELP}"),
        ("ADSTUDIO_DATABASE_URL", "mysql://adstudio:secret@localhost/ads",
         "ADSTUDIO_DATABASE_URL uses mysql, whose driver (MySQLdb) is not installed. "
         "Use sqlite:/// or postgresql+psycopg://, or install that driver."),
    ],
)  # fmt: skip
def test_a_bad_variable_stops_the_cli_with_one_line(
    tmp_path: Path, variable: str, value: str, expected: str
) -> None:
    assert _one_line(_cli(tmp_path, **{variable: value})) == expected


def test_several_bad_settings_are_named_together(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ADSTUDIO_RATE_LIMIT_PER_HOUR", "ten")
    monkeypatch.setenv("ADSTUDIO_MAX_PARALLEL_CLIPS", "0")
    with pytest.raises(ConfigError) as caught:
        load_settings()
    assert caught.value.message == (
        "ADSTUDIO_MAX_PARALLEL_CLIPS must be at least 1 (got '0'). "
        "ADSTUDIO_RATE_LIMIT_PER_HOUR must be a whole number (got 'ten'). "
        "Fix or unset them, then start again."
    )


def _real_database(path: Path) -> None:
    """A migrated database with some rows, its WAL folded into the file."""
    init_db(f"sqlite:///{path}").dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE filler (x TEXT)")
        conn.executemany("INSERT INTO filler VALUES (?)", [("x" * 500,)] * 400)
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _break(path: Path, how: str) -> None:
    if how == "empty":
        path.write_bytes(b"")
        return
    if how == "garbage":
        path.write_bytes(b"these are not the rows you are looking for\n" * 200)
        return
    _real_database(path)
    data = path.read_bytes()
    if how == "truncated":
        path.write_bytes(data[: len(data) // 2])
    else:  # damaged: pages in the middle overwritten
        path.write_bytes(data[: 3 * 4096] + b"\xa5" * (4 * 4096) + data[7 * 4096 :])


@pytest.mark.parametrize(
    ("how", "problem"),
    [
        ("empty", "is empty (0 bytes)"),
        ("garbage", "is not a SQLite database"),
        ("truncated", "is damaged (database disk image is malformed)"),
        ("damaged", "is damaged (database disk image is malformed)"),
    ],
)
def test_a_broken_sqlite_file_is_refused_not_used(tmp_path: Path, how: str, problem: str) -> None:
    db = tmp_path / "data" / "adstudio.db"
    db.parent.mkdir()
    _break(db, how)
    before = db.read_bytes()
    assert _one_line(_cli(tmp_path)) == f"The database file {db} {problem}. {ADVICE}"
    assert db.read_bytes() == before  # not migrated into, not replaced

    settings = Settings(data_dir=tmp_path / "data", output_dir=tmp_path / "output")
    with pytest.raises(ConfigError, match="The database file"):
        bootstrap(settings, llm=FakeLLM(), video=FakeVideo())
    assert db.read_bytes() == before


def test_a_postgresql_port_nobody_listens_on_is_named(tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # closed again when the block ends
    url = f"postgresql+psycopg://adstudio:s3cret-pw@127.0.0.1:{port}/ads"
    line = _one_line(_cli(tmp_path, ADSTUDIO_DATABASE_URL=url))
    assert line == (
        f"Cannot connect to the database at 127.0.0.1:{port} (the connection was refused). "
        "Start the server or fix ADSTUDIO_DATABASE_URL."
    )


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A port that accepts connections and never says a word (a hung server, a firewall)."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(16)
        yield server.getsockname()[1]


def test_a_postgresql_server_that_never_answers_times_out(
    tmp_path: Path, silent_server: int
) -> None:
    url = f"postgresql+psycopg://adstudio:s3cret-pw@127.0.0.1:{silent_server}/ads"
    line = _one_line(_cli(tmp_path, ADSTUDIO_DATABASE_URL=url))  # 5 s, not the OS's 2 minutes
    assert line == (
        f"Cannot connect to the database at 127.0.0.1:{silent_server} (it did not answer "
        "within 5 s). Start the server or fix ADSTUDIO_DATABASE_URL."
    )
    assert "s3cret" not in line


def test_an_output_folder_that_cannot_be_created_is_named(tmp_path: Path) -> None:
    (tmp_path / "output").write_text("a file where the folder should be")
    line = _one_line(_cli(tmp_path))
    assert line == (
        f"ADSTUDIO_OUTPUT_DIR: cannot write to {tmp_path / 'output'} (file exists). Point it "
        "at a writable folder or fix its permissions, then start again."
    )


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    """A read-only tmpfs (root ignores permission bits, not a read-only mount)."""
    mount = tmp_path / f"ro-{uuid.uuid4().hex[:6]}"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", str(mount)],
                          capture_output=True, check=False)  # fmt: skip
    if done.returncode != 0:
        pytest.skip("mounting a tmpfs needs root (CI runs as root)")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_read_only_output_folder_is_named(tmp_path: Path, read_only_folder: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data", output_dir=read_only_folder)
    with pytest.raises(ConfigError) as caught:
        prepare_folders(settings)
    assert caught.value.message == (
        f"ADSTUDIO_OUTPUT_DIR: cannot write to {read_only_folder} (read-only file system). "
        "Point it at a writable folder or fix its permissions, then start again."
    )


def test_the_database_is_private_to_the_server(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data", output_dir=tmp_path / "output")
    runtime = bootstrap(settings, llm=FakeLLM(), video=FakeVideo())
    try:
        with runtime.engine.begin() as conn:  # a write, so the -wal and -shm files exist
            conn.exec_driver_sql("CREATE TABLE touched (x INTEGER)")
            data = settings.data_dir
            files = sorted(p.name for p in data.glob("adstudio.db*"))
            assert files == ["adstudio.db", "adstudio.db-shm", "adstudio.db-wal"]
            for name in files:
                assert stat.S_IMODE((data / name).stat().st_mode) == 0o600, name
        assert stat.S_IMODE(data.stat().st_mode) == 0o700
    finally:
        runtime.engine.dispose()


def test_an_existing_world_readable_database_is_tightened(tmp_path: Path) -> None:
    db = tmp_path / "ads.db"
    _real_database(db)
    db.chmod(0o644)
    init_db(f"sqlite:///{db}").dispose()
    assert stat.S_IMODE(db.stat().st_mode) == 0o640

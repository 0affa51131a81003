"""A throwaway PostgreSQL server for the benchmarks: Debian's binaries, a temp folder, a Unix
socket only (no TCP), removed afterwards. ``None`` when no server binary is installed."""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PORT = 54398  # names the socket file inside the temp folder; nothing listens on TCP


def _as_server(*cmd: str) -> None:
    """PostgreSQL refuses to run as root: as root, its tools run as ``postgres``."""
    prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    subprocess.run([*prefix, *cmd], check=True, capture_output=True, timeout=120)


@contextmanager
def temporary_database() -> Iterator[str | None]:
    """The URL of an empty database on a new local server, or None without the binaries."""
    binaries = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    if not binaries:
        yield None
        return
    bindir = Path(binaries[-1]).parent
    root = Path(tempfile.mkdtemp(prefix="adstudio-bench-pg-"))
    if os.geteuid() == 0:
        account = pwd.getpwnam("postgres")
        os.chown(root, account.pw_uid, account.pw_gid)
    data, pg_ctl = root / "data", str(bindir / "pg_ctl")
    try:
        _as_server(str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres")
        options = f"-k {root} -p {PORT} -c listen_addresses=''"
        _as_server(pg_ctl, "-D", str(data), "-o", options, "-l", str(root / "log"), "-w", "start")
        _as_server(str(bindir / "createdb"), "-h", str(root), "-p", str(PORT), "-U", "postgres",
                   "bench")  # fmt: skip
        yield f"postgresql+psycopg://postgres@/bench?host={root}&port={PORT}"
    finally:
        subprocess.run(
            [*(["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []),
             pg_ctl, "-D", str(data), "-m", "fast", "stop"],
            capture_output=True, timeout=120, check=False,
        )  # fmt: skip
        shutil.rmtree(root, ignore_errors=True)

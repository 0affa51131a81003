"""A full disk: the temp folder is freed first, the failure is recorded (retried), and when
the database cannot be written at all the row is left to recovery and the CLI says why.

The fault is injected where SQLite reports it (each statement, "database or disk is full")
and where a temp file is written (OSError ENOSPC).
"""

from __future__ import annotations

import errno
import json
import sqlite3
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.engine import Engine

from pipeline import cli
from pipeline.providers import ClipRequest, ClipResult
from pipeline.runtime import failures, jobs, recovery
from pipeline.runtime.services import Runtime, bootstrap
from pipeline.settings import Settings
from pipeline.stages.context import StageContext
from pipeline.store import repository
from pipeline.store.db import Generation, utcnow
from pipeline.store.users import add_user
from tests.fakes import FakeLLM, FakeVideo

PROMPT = "Create a luxury watch ad for Instagram"
DISK_FULL = (
    "The server ran out of disk space while rendering the video clips; free space and try again."
)
INTERRUPTED = "Interrupted - the process running it stopped. Please try again."
WRITES = ("UPDATE", "INSERT", "DELETE")


class FullDisk:
    """Every write fails as on a full disk while ``full()`` is true."""

    def __init__(self, target: Any) -> None:
        self.target = target
        self.full = lambda: False
        self.refused: list[str] = []
        event.listen(target, "before_cursor_execute", self._hook)

    def _hook(self, conn: Any, cursor: Any, statement: str, *rest: Any) -> None:
        if statement.lstrip().upper().startswith(WRITES) and self.full():
            self.refused.append(statement.split(None, 2)[1])
            raise sqlite3.OperationalError("database or disk is full")

    def remove(self) -> None:
        event.remove(self.target, "before_cursor_execute", self._hook)


class FillingVideo(FakeVideo):
    """Fills the disk while drawing the first clip (``then`` runs), optionally failing the
    clip's own temp file write with ENOSPC."""

    def __init__(self, then: Any, write_fails: bool) -> None:
        super().__init__()
        self.then, self.write_fails = then, write_fails

    def generate(self, request: ClipRequest, dest: Path, ctx: StageContext) -> ClipResult:
        self.then(ctx.workdir)
        if self.write_fails:
            raise OSError(errno.ENOSPC, "No space left on device", str(dest))
        return super().generate(request, dest, ctx)


def _setup(tmp_path: Path, video: FakeVideo) -> tuple[Runtime, int]:
    settings = Settings(data_dir=tmp_path / "data", output_dir=tmp_path / "output",
                        lease_seconds=1)  # fmt: skip
    runtime = bootstrap(settings, llm=FakeLLM(), video=video)
    with runtime.sessions.begin() as session:
        return runtime, add_user(session, "alice", "correct horse battery").id


def _row(runtime: Runtime, gid: int) -> Generation:
    with runtime.sessions() as session:
        return repository.get_generation(session, gid, None)


def test_the_temp_folder_is_freed_before_the_failure_is_recorded(tmp_path: Path) -> None:
    """Full while the generation's temp folder holds its files: removing them makes room."""
    seen: dict[str, Path] = {}
    video = FillingVideo(lambda workdir: seen.setdefault("workdir", workdir), write_fails=True)
    runtime, user_id = _setup(tmp_path, video)
    disk = FullDisk(runtime.engine)
    disk.full = lambda: "workdir" in seen and seen["workdir"].exists()
    try:
        gid = jobs.start(runtime, user_id, PROMPT, seed=1)
        assert jobs.wait(gid, timeout_s=120)
    finally:
        disk.remove()
    row = _row(runtime, gid)
    assert (row.status, row.error, row.error_stage) == ("failed", DISK_FULL, "video_generation")
    assert not seen["workdir"].exists()
    assert [p for p in runtime.settings.output_dir.rglob("*") if p.is_file()] == []
    runtime.engine.dispose()


def test_an_unwritable_database_leaves_the_row_to_recovery(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, log_lines: list[str]
) -> None:
    monkeypatch.setattr(failures, "FINAL_WRITE_PAUSES_S", (0.0, 0.0, 0.0))
    state = {"full": False}
    video = FillingVideo(lambda _workdir: state.update(full=True), write_fails=False)
    runtime, user_id = _setup(tmp_path, video)
    disk = FullDisk(runtime.engine)
    disk.full = lambda: state["full"]
    try:
        gid = jobs.start(runtime, user_id, PROMPT, seed=1)
        assert jobs.wait(gid, timeout_s=120)
        assert disk.refused.count("generations") >= 4  # progress, then 3 tries of the failure
    finally:
        disk.remove()
    assert _row(runtime, gid).status == "processing"  # the database took nothing
    assert jobs.last_error(gid) == (DISK_FULL, "video_generation")
    assert any('"event": "status_write_failed"' in line for line in log_lines)
    assert not (runtime.settings.resolved_temp_dir / f"gen-{gid}").exists()

    # Space is back; nobody renews the lease any more, so the next sweep closes the row.
    def lapsed() -> bool:
        expires = _row(runtime, gid).lease_expires_at
        return expires is not None and repository.as_utc(expires) < utcnow()

    deadline = time.monotonic() + 60  # a safety net
    while not lapsed() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert recovery.recover_orphans(runtime) == [gid]
    assert (_row(runtime, gid).status, _row(runtime, gid).error) == ("failed", INTERRUPTED)
    runtime.engine.dispose()


def test_the_cli_prints_the_real_reason_when_the_database_is_full(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(failures, "FINAL_WRITE_PAUSES_S", (0.0, 0.0, 0.0))
    for name, value in {
        "ADSTUDIO_DATA_DIR": tmp_path / "data", "ADSTUDIO_OUTPUT_DIR": tmp_path / "output",
        "ADSTUDIO_LLM_PROVIDER": "offline", "ADSTUDIO_VIDEO_PROVIDER": "local",
        "ADSTUDIO_DRAW_IN_SUBPROCESS": "false",
    }.items():  # fmt: skip
        monkeypatch.setenv(name, str(value))
    state = {"full": False}

    def full_once_drawing_starts(conn: Any, cursor: Any, statement: str, params: Any,
                                 *rest: Any) -> None:  # fmt: skip
        if "Generating video clips" in (params or ()):
            state["full"] = True
        if state["full"] and statement.lstrip().upper().startswith(WRITES):
            raise sqlite3.OperationalError("database or disk is full")

    event.listen(Engine, "before_cursor_execute", full_once_drawing_starts)
    try:
        code = cli.main(["generate", PROMPT, "--json", "--seed", "1"])
    finally:
        event.remove(Engine, "before_cursor_execute", full_once_drawing_starts)
    out = capsys.readouterr()
    assert code == 1
    result = json.loads(out.out)
    assert (result["status"], result["error"], result["error_stage"]) == (
        "failed", DISK_FULL, "video_generation",
    )  # fmt: skip
    assert out.err.strip().splitlines()[-1] == f"error: {DISK_FULL} (stage: video_generation)"

"""Leases: recovery fails only rows whose owning process is gone, never a live process's work.

Real processes throughout: an "app" child that runs a generation, the real CLI beside it,
``kill -9``, and pids of processes that really ended.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from datetime import timedelta
from pathlib import Path

from pipeline.runtime import jobs, leases, recovery
from pipeline.runtime.child import ROOT
from pipeline.runtime.services import Runtime, bootstrap
from pipeline.settings import Settings
from pipeline.store import repository
from pipeline.store.db import Generation, utcnow
from tests.fakes import FakeLLM, FakeVideo

INTERRUPTED = "Interrupted - the process running it stopped. Please try again."

APP = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from pipeline.runtime import jobs
    from pipeline.runtime.services import bootstrap
    from pipeline.settings import Settings
    from pipeline.store.users import add_user
    from tests.fakes import FakeLLM, FakeVideo

    folder = Path(sys.argv[1])
    video = FakeVideo()
    video.block.set()  # the clips stage waits: the generation stays running
    settings = Settings(data_dir=folder / "data", output_dir=folder / "output", lease_seconds=3)
    runtime = bootstrap(settings, llm=FakeLLM(), video=video)
    with runtime.sessions.begin() as session:
        user_id = add_user(session, "app-user", "correct horse battery").id
    gid = jobs.start(runtime, user_id, "Create a luxury watch ad for Instagram", seed=1)
    assert video.started.wait(120)
    print(gid, flush=True)
    time.sleep(600)
    """
)


def _env(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "ADSTUDIO_DATA_DIR": str(tmp_path / "data"),
        "ADSTUDIO_OUTPUT_DIR": str(tmp_path / "output"),
        "ADSTUDIO_LLM_PROVIDER": "offline",
        "ADSTUDIO_VIDEO_PROVIDER": "local",
    }


def _row(runtime: Runtime, gid: int) -> Generation:
    with runtime.sessions() as session:
        return repository.get_generation(session, gid, None)


def _wait_for(condition, timeout_s: float = 60.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout_s  # a safety net, not a measurement
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def test_a_cli_run_beside_the_app_leaves_its_generation_alone_until_the_app_dies(
    tmp_path: Path,
) -> None:
    app = subprocess.Popen(
        [sys.executable, "-c", APP, str(tmp_path)], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    try:
        assert app.stdout is not None
        gid = int(app.stdout.readline())
        settings = Settings(data_dir=tmp_path / "data", output_dir=tmp_path / "output")
        temp = settings.resolved_temp_dir / f"gen-{gid}"
        assert temp.is_dir()

        # The CLI bootstraps (with recovery) beside the running app, then refuses its prompt.
        cli = subprocess.run(
            [sys.executable, "-m", "pipeline", "generate", "watch ad"], cwd=ROOT,
            env=_env(tmp_path), capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        assert "The prompt is too short" in cli.stderr
        second = bootstrap(settings, llm=FakeLLM(), video=FakeVideo())  # a second app server
        row = _row(second, gid)
        assert (row.status, row.error, row.owner_pid) == ("processing", None, app.pid)
        assert temp.is_dir()
        beat = row.heartbeat_at
        assert _wait_for(lambda: _row(second, gid).heartbeat_at != beat)  # the app renews it

        app.send_signal(signal.SIGKILL)
        app.wait()
        third = bootstrap(settings, llm=FakeLLM(), video=FakeVideo())  # the app restarts
        row = _row(third, gid)
        assert (row.status, row.error, row.current_step) == ("failed", INTERRUPTED, "Failed")
        assert not temp.exists()
        for runtime in (second, third):
            runtime.engine.dispose()
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()


def _owned(runtime: Runtime, user_id: int, *, host: str, pid: int, token: str,
           expires_in_s: float, status: str = "processing") -> int:  # fmt: skip
    with runtime.sessions.begin() as session:
        row = Generation(user_id=user_id, prompt="An ad someone is making", status=status,
                         owner_host=host, owner_pid=pid, owner_token=token,
                         heartbeat_at=utcnow(),
                         lease_expires_at=utcnow() + timedelta(seconds=expires_in_s))  # fmt: skip
        session.add(row)
        session.flush()
        return row.id


def test_recovery_asks_each_rows_lease_whether_its_owner_is_gone(
    runtime: Runtime, user_id: int
) -> None:
    here = leases.me().host
    alive = subprocess.Popen(["sleep", "120"])
    ended = subprocess.Popen(["true"])
    ended.wait()
    try:
        started = leases.process_start(alive.pid)
        assert started is not None
        live = _owned(runtime, user_id, host=here, pid=alive.pid, token=f"{started}.aa",
                      expires_in_s=30)  # fmt: skip
        queued = _owned(runtime, user_id, host=here, pid=alive.pid, token=f"{started}.aa",
                        expires_in_s=30, status="pending")  # fmt: skip
        elsewhere = _owned(runtime, user_id, host="another-host", pid=ended.pid, token="1.bb",
                           expires_in_s=30)  # fmt: skip
        dead = _owned(runtime, user_id, host=here, pid=ended.pid, token="1.cc", expires_in_s=30)
        reused = _owned(
            runtime, user_id, host=here, pid=alive.pid, token="1.dd", expires_in_s=30
        )  # fmt: skip  (the pid now belongs to a newer process)
        expired = _owned(runtime, user_id, host="another-host", pid=1, token="1.ee",
                         expires_in_s=-1)  # fmt: skip
        for gid in (dead, expired):
            (runtime.settings.resolved_temp_dir / f"gen-{gid}").mkdir(parents=True)
            (runtime.settings.videos_dir / f"{gid}.mp4").write_bytes(b"partial")

        recovered = recovery.recover_orphans(runtime)

        assert sorted(recovered) == sorted([dead, reused, expired])
        for gid in (live, queued, elsewhere):
            assert _row(runtime, gid).status in ("processing", "pending")
        for gid in (dead, reused, expired):
            assert (_row(runtime, gid).status, _row(runtime, gid).error) == ("failed", INTERRUPTED)
        leftovers = [p.name for p in runtime.settings.resolved_temp_dir.iterdir()]
        leftovers += [p.name for p in runtime.settings.videos_dir.iterdir()]
        assert leftovers == []
    finally:
        alive.kill()
        alive.wait()


def test_a_generation_started_here_is_stamped_with_this_process_and_renewed(
    tmp_path: Path,
) -> None:
    settings = Settings(data_dir=tmp_path / "data", output_dir=tmp_path / "output",
                        lease_seconds=1.5)  # fmt: skip
    video = FakeVideo()
    video.block.set()
    runtime = bootstrap(settings, llm=FakeLLM(), video=video)
    from pipeline.store.users import add_user

    with runtime.sessions.begin() as session:
        user_id = add_user(session, "alice", "correct horse battery").id
    gid = jobs.start(runtime, user_id, "Create a luxury watch ad for Instagram", seed=1)
    try:
        assert video.started.wait(60)
        row = _row(runtime, gid)
        assert (row.owner_host, row.owner_pid) == (leases.me().host, os.getpid())
        assert row.owner_token == leases.me().token
        first = row.lease_expires_at
        assert _wait_for(lambda: _row(runtime, gid).lease_expires_at != first)
        assert recovery.recover_orphans(runtime) == []  # ours, and running
    finally:
        video.block.clear()
        jobs.cancel(runtime, None, gid)
        assert jobs.wait(gid, timeout_s=120)
    row = _row(runtime, gid)
    assert (row.status, row.error) == ("failed", "Cancelled by user")
    runtime.engine.dispose()


def test_cleanup_keeps_the_temp_folder_of_a_generation_another_live_process_runs(
    runtime: Runtime, user_id: int
) -> None:
    alive = subprocess.Popen(["sleep", "120"])
    try:
        token = f"{leases.process_start(alive.pid)}.ff"
        theirs = _owned(runtime, user_id, host=leases.me().host, pid=alive.pid, token=token,
                        expires_in_s=30)  # fmt: skip
        temp = runtime.settings.resolved_temp_dir
        (temp / f"gen-{theirs}").mkdir()
        (temp / "gen-999").mkdir()  # nobody's
        os.utime(temp / f"gen-{theirs}", (0, 0))  # untouched for ages: a slow clip
        os.utime(temp / "gen-999", (0, 0))
        removed = recovery.cleanup_temp(runtime, timedelta(hours=1))
        assert [Path(p).name for p in removed] == ["gen-999"]
        assert (temp / f"gen-{theirs}").is_dir()
    finally:
        alive.kill()
        alive.wait()


def test_a_serving_process_sweeps_while_idle(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data", output_dir=tmp_path / "output",
                        lease_seconds=1)  # fmt: skip
    runtime = bootstrap(settings, llm=FakeLLM(), video=FakeVideo())
    from pipeline.store.users import add_user

    with runtime.sessions.begin() as session:
        user_id = add_user(session, "alice", "correct horse battery").id
    jobs.serve(runtime)
    try:
        stale = _owned(
            runtime, user_id, host="another-host", pid=1, token="1.ab", expires_in_s=-1
        )  # fmt: skip  (a server elsewhere died after start-up)
        assert _wait_for(lambda: _row(runtime, stale).status == "failed")
        assert _row(runtime, stale).error == INTERRUPTED
    finally:
        assert runtime.keeper is not None
        runtime.keeper.stop()
    runtime.engine.dispose()

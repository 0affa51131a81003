"""Drawing in a child process: the worker stays lean, and cancel, crashes and errors still read
right. Real offline providers, a real child (``python -m pipeline.runtime.drawing``), a
SQLite file."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest

from pipeline.runtime import jobs
from pipeline.runtime.child import ROOT
from pipeline.runtime.services import Runtime, bootstrap
from pipeline.settings import Settings
from pipeline.store import repository
from pipeline.store.users import add_user

PROMPT = "Create a luxury watch ad for Instagram"


def _drawing_children() -> list[psutil.Process]:
    found = []
    for proc in psutil.Process().children(recursive=True):
        try:
            if "pipeline.runtime.drawing" in proc.cmdline():
                found.append(proc)
        except psutil.Error:
            continue
    return found


@pytest.fixture
def apart(tmp_path: Path) -> Iterator[tuple[Runtime, int]]:
    """A runtime with the providers built from the settings: it draws in a child process."""
    settings = Settings(data_dir=tmp_path / "data", output_dir=tmp_path / "output")
    runtime = bootstrap(settings)
    assert runtime.draws_apart
    with runtime.sessions.begin() as session:
        user_id = add_user(session, "alice", "correct horse battery").id
    yield runtime, user_id
    runtime.engine.dispose()


def _row(runtime: Runtime, gid: int, user_id: int):  # type: ignore[no-untyped-def]
    with runtime.sessions() as session:
        return repository.get_generation(session, gid, user_id)


def _left_behind(runtime: Runtime, gid: int) -> list[Path]:
    outputs = [p for p in runtime.settings.output_dir.rglob("*") if p.is_file()]
    temp = runtime.settings.resolved_temp_dir / f"gen-{gid}"
    return outputs + ([temp] if temp.exists() else [])


WORKER = textwrap.dedent(
    """
    import json, logging, sys
    from pathlib import Path
    from pipeline.runtime import jobs
    from pipeline.store import repository
    from pipeline.runtime.services import bootstrap
    from pipeline.settings import Settings
    from pipeline.store.users import add_user

    events = []

    class Keep(logging.Handler):
        def emit(self, record):
            events.append([getattr(record, "event", ""), getattr(record, "stage", None),
                           getattr(record, "generation_id", None)])

    logger = logging.getLogger("adstudio")
    logger.setLevel(logging.INFO)
    logger.addHandler(Keep())
    folder = Path(sys.argv[1])
    runtime = bootstrap(Settings(data_dir=folder / "data", output_dir=folder / "output"))
    with runtime.sessions.begin() as session:
        user_id = add_user(session, "alice", "correct horse battery").id
    gid = jobs.start(runtime, user_id, "Create a luxury watch ad for Instagram", seed=3)
    assert jobs.wait(gid, timeout_s=600)
    with runtime.sessions() as session:
        row = repository.get_generation(session, gid, user_id)
        out = {"status": row.status, "error": row.error, "video": row.video_path,
               "timings": list(row.stage_timings or {}), "costs": row.cost_breakdown,
               "clips": row.clips, "mix": row.audio_mix}
    heavy = ("numpy", "PIL", "av", "pydub", "replicate", "pipeline.stages.overlays",
             "pipeline.providers.motion.renderer")
    out["loaded"] = [m for m in heavy if m in sys.modules]
    out["events"] = events
    print(json.dumps(out))
    """
)


@pytest.mark.slow
def test_the_worker_draws_in_a_child_and_never_loads_the_drawing_libraries(
    tmp_path: Path,
) -> None:
    """The encode (the peak of a generation) runs beside a worker without numpy, Pillow,
    PyAV or the renderer; stages, costs, logs and the mix come back as on a thread."""
    from tests.media import probe

    done = subprocess.run(
        [sys.executable, "-c", WORKER, str(tmp_path)],
        capture_output=True, text=True, cwd=ROOT, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    out = json.loads(done.stdout.strip().splitlines()[-1])
    assert out["status"] == "completed", out["error"]
    assert out["loaded"] == []
    assert out["timings"] == [
        "llm_enhancement", "scene_planning", "voice", "video_generation", "overlays", "stitching",
        "audio", "export",
    ]  # fmt: skip
    clip_costs = [c for c in out["costs"] if c["stage"] == "video_generation"]
    assert len(clip_costs) == len(out["clips"]) >= 3
    assert all(c["provider"] == "local" and c["amount"] == 0 for c in clip_costs)
    assert all(Path(c["path"]).is_file() and c["width"] == 540 for c in out["clips"])
    assert out["mix"]["music_title"] and len(out["mix"]["sfx"]) == len(out["clips"]) - 1
    # the child's log lines reach the worker's handlers, with their generation id
    started = [(stage, gid) for event, stage, gid in out["events"] if event == "stage_started"]
    assert [s for s, _ in started] == out["timings"] and {g for _, g in started} == {1}
    assert ["cost_tracked", "video_generation", 1] in out["events"]
    info = probe(out["video"])
    assert (info.width, info.height, info.fps, info.audio_codec) == (1080, 1920, 24.0, "aac")
    assert info.duration_s == pytest.approx(15.0, abs=0.1)
    assert list((tmp_path / "data" / "tmp").iterdir()) == []


def _on_first_clip(runtime: Runtime, action: object) -> threading.Event:
    """Run ``action(gid)`` once, when the child reports drawing its first frame."""
    fired = threading.Event()

    def on_progress(gid: int, percent: int, step: str) -> None:
        if step.startswith("Drawing scene") and not fired.is_set():
            fired.set()
            action(gid)  # type: ignore[operator]

    runtime.on_progress = on_progress
    return fired


def test_a_cancel_while_the_child_draws_stops_it_and_leaves_nothing(
    apart: tuple[Runtime, int],
) -> None:
    runtime, user_id = apart
    fired = _on_first_clip(runtime, lambda gid: jobs.cancel(runtime, user_id, gid))
    gid = jobs.start(runtime, user_id, PROMPT, seed=1)
    assert jobs.wait(gid, timeout_s=120)
    row = _row(runtime, gid, user_id)
    assert fired.is_set()
    expected = ("failed", "Cancelled by user", "video_generation")
    assert (row.status, row.error, row.error_stage) == expected
    assert _left_behind(runtime, gid) == [] and _drawing_children() == []


def test_a_killed_drawing_process_fails_the_generation_with_a_clear_message(
    apart: tuple[Runtime, int], log_lines: list[str]
) -> None:
    runtime, user_id = apart
    killed: list[int] = []

    def kill(gid: int) -> None:
        (child,) = [
            p for p in psutil.Process().children() if "pipeline.runtime.drawing" in p.cmdline()
        ]
        killed.append(child.pid)
        # Stop whatever it runs (a process it is starting still holds its end of the pipe):
        # it cannot end on its own, as a slow one would. Clips are encoded in the child
        # itself, so there may be none.
        for proc in child.children():
            proc.send_signal(signal.SIGSTOP)
        os.kill(child.pid, signal.SIGKILL)  # as the kernel's out-of-memory killer would

    fired = _on_first_clip(runtime, kill)
    gid = jobs.start(runtime, user_id, PROMPT, seed=1)
    assert jobs.wait(gid, timeout_s=120)
    row = _row(runtime, gid, user_id)
    assert fired.is_set()
    assert (row.status, row.error_stage) == ("failed", "video_generation")
    assert row.error == (
        "The drawing process stopped unexpectedly (killed by signal 9). Please try again; "
        "if it keeps happening, the server may be short of memory."
    )
    assert _left_behind(runtime, gid) == [] and _drawing_children() == []
    assert any('"event": "drawing_process_died"' in line for line in log_lines)
    assert _alive_in_group(killed[0]) == []  # nothing it started outlived it


def _alive_in_group(group: int) -> list[int]:
    alive = []
    for proc in psutil.process_iter(["status"]):
        try:
            if os.getpgid(proc.pid) == group and proc.info["status"] != psutil.STATUS_ZOMBIE:
                alive.append(proc.pid)
        except (ProcessLookupError, psutil.Error):
            continue
    return alive


@pytest.mark.parametrize("apart_mode", [True, False], ids=["child", "thread"])
def test_a_failing_ffmpeg_reads_the_same_in_a_child_and_on_a_thread(
    tmp_path: Path, apart_mode: bool, log_lines: list[str]
) -> None:
    """The first ffmpeg the drawing runs is the music's (clips are encoded in-process)."""
    settings = Settings(
        data_dir=tmp_path / "data", output_dir=tmp_path / "output",
        ffmpeg_path="/bin/false", draw_in_subprocess=apart_mode,
    )  # fmt: skip
    runtime = bootstrap(settings)
    assert runtime.draws_apart is apart_mode
    with runtime.sessions.begin() as session:
        user_id = add_user(session, "alice", "correct horse battery").id
    gid = jobs.start(runtime, user_id, PROMPT, seed=1)
    assert jobs.wait(gid, timeout_s=120)
    row = _row(runtime, gid, user_id)
    assert (row.status, row.error_stage) == ("failed", "audio"), row.error
    assert row.error == (
        "The music track 'velvet-hour' could not be decoded (the file is damaged). Please try "
        "again; the administrator can restore it with `python -m assets.synth`."
    )
    started = [json.loads(line) for line in log_lines if '"stage_started"' in line]
    assert [(e["stage"], e["generation_id"]) for e in started][-1] == ("audio", gid)
    assert _left_behind(runtime, gid) == [] and _drawing_children() == []
    runtime.engine.dispose()


def test_a_job_the_child_cannot_read_is_refused_without_quoting_its_keys() -> None:
    from pipeline.runtime import child

    job = {"job": {"settings": {"replicate_api_token": "r8_SECRET", "max_parallel_clips": "x"}}}
    done = subprocess.run(
        child.command("pipeline.runtime.drawing"), input=json.dumps(job) + "\n",
        capture_output=True, text=True, env=child.environment(), timeout=120,
    )  # fmt: skip
    assert done.returncode == 2 and done.stdout == ""
    assert "The drawing process could not read its job (ValidationError)." in done.stderr
    assert "r8_SECRET" not in done.stderr

"""The benchmark harness's pieces work on tiny inputs (the benchmarks themselves run by hand)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from benchmarks import fixtures, reference_job, status_read
from benchmarks.measure import MB, median, percentile, run_measured
from benchmarks.postproduction import floor_cmd
from benchmarks.report import table
from pipeline.media import ffmpeg
from pipeline.spec import Clip
from pipeline.stages.export_graph import ENCODER
from tests.media import probe


def test_peak_rss_covers_the_whole_process_tree() -> None:
    # The child holds ~20 MB; its own child (a grandchild of the harness) holds ~120 MB.
    grandchild = "b = bytearray(120 * 1024 * 1024); import time; time.sleep(0.6)"
    child = (
        "import subprocess, sys; a = bytearray(20 * 1024 * 1024); "
        f"subprocess.run([sys.executable, '-c', {grandchild!r}], check=True); "
        'print(\'{"work_s": 0.5, "output_bytes": 7}\')'
    )
    m = run_measured("tree", [sys.executable, "-c", child], json_result=True)
    assert m.peak_rss_bytes > 140 * MB  # both processes counted, not just the largest
    assert m.wall_s == 0.5 and m.output_bytes == 7
    assert m.process_wall_s >= 0.6
    assert m.cpu_s > 0


def test_a_child_that_has_not_started_its_program_is_not_counted_twice() -> None:
    # A 150 MB process forks; the copy sleeps without exec (as a child does between fork and
    # exec): it shows the parent's command line and memory, and is the same process.
    parent = (
        "import os, time; a = bytearray(150 * 1024 * 1024); a[::4096] = b'x' * len(a[::4096]); "
        "pid = os.fork()\n"
        "if pid == 0:\n    time.sleep(0.8); os._exit(0)\n"
        "os.waitpid(pid, 0); print('{\"work_s\": 0.8}')"
    )
    m = run_measured("fork", [sys.executable, "-c", parent], json_result=True)
    assert 140 * MB < m.peak_rss_bytes < 220 * MB  # the parent once, not 300 MB


def test_a_failing_command_raises_with_its_stderr() -> None:
    code = "import sys; sys.stderr.write('boom: no input'); sys.exit(3)"
    with pytest.raises(RuntimeError, match="exit 3"):
        run_measured("bad", [sys.executable, "-c", code])


def test_median_and_nearest_rank_percentile() -> None:
    assert median([3.0, 1.0, 2.0]) == 2.0
    assert median([4.0, 1.0, 2.0, 3.0]) == 2.5
    values = [float(i) for i in range(1, 101)]
    assert percentile(values, 99) == 99.0
    assert percentile(values, 100) == 100.0
    assert percentile([5.0], 99) == 5.0


def test_floor_is_a_bare_encode_with_the_app_settings(tmp_path: Path) -> None:
    exe = ffmpeg.find_ffmpeg()
    src = tmp_path / "src.mp4"
    ffmpeg.run(exe, ["-f", "lavfi", "-i", "testsrc2=s=180x320:r=24:d=0.5",
                     "-f", "lavfi", "-i", "sine=d=0.5", "-shortest", str(src)])  # fmt: skip
    cmd = floor_cmd(exe, src, tmp_path / "floor.mp4", audio=True)
    assert "-vf" not in cmd and "-filter_complex" not in cmd
    assert cmd[cmd.index("-crf") + 1] == str(ENCODER.crf)
    assert cmd[cmd.index("-preset") + 1] == ENCODER.preset
    run_measured("floor", cmd)
    info = probe(tmp_path / "floor.mp4")
    assert (info.width, info.height, info.fps) == (180, 320, 24.0)
    assert (info.video_codec, info.pix_fmt, info.audio_codec) == ("h264", "yuv420p", "aac")


def test_reference_job_describes_the_same_ad() -> None:
    folder = Path("/nonexistent")
    clips = [
        Clip(scene_index=i, path=f"{folder}/clip{i}.mp4", duration_s=d, provider="x")
        for i, d in enumerate(fixtures.DURATIONS)
    ]
    prepared = fixtures.Prepared(
        folder, "lavfi", clips, folder / "music.wav", {s: folder / f"{s}.wav" for s in fixtures.SFX}
    )
    job = reference_job.build(prepared)
    assert fixtures.scene_plan().total_duration_s == 15.0
    assert [s["at_s"] for s in job["sfx"]] == [5.25, 9.75]  # crossfade midpoints
    assert job["encoder"]["crf"] == ENCODER.crf and job["encoder"]["preset"] == ENCODER.preset
    assert [t["scene_index"] for t in job["texts"]] == [0, 1, 2]
    assert all(Path(t["font"]).is_file() for t in job["texts"])
    assert job["music_volume"] == 0.3
    assert (job["width"], job["height"], job["fps"]) == (1080, 1920, 24)


def test_status_reads_on_a_small_database(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'small.db'}"
    pairs, count = status_read.populate(url, rows=120)
    assert count == 120 and len({uid for _, uid in pairs}) > 1
    wall, cpu = status_read.time_reads(url, pairs, reads=40, writers=1)
    assert len(wall) == len(cpu) == 40
    assert all(w > 0 for w in wall)


def test_markdown_table() -> None:
    assert table(["a", "b"], [[1, "x"]]) == "| a | b |\n|---|---|\n| 1 | x |"


def test_the_default_threading_floor_leaves_threads_to_x264(tmp_path: Path) -> None:
    exe = ffmpeg.find_ffmpeg()
    src = tmp_path / "src.mp4"
    ffmpeg.run(exe, ["-f", "lavfi", "-i", "testsrc2=s=180x320:r=24:d=0.5", str(src)])
    ours = floor_cmd(exe, src, tmp_path / "c.mp4", audio=False)
    default = floor_cmd(exe, src, tmp_path / "d.mp4", audio=False, default_threads=True)
    assert "-threads" in ours and "sync-lookahead=1:rc-lookahead=3" in ours
    assert "-threads" not in default and "-x264-params" not in default
    assert [a for a in ours[:-1] if a not in default] == [
        "-threads", str(ENCODER.threads), "-x264-params", "sync-lookahead=1:rc-lookahead=3"
    ]  # fmt: skip
    run_measured("floor", default)
    assert probe(tmp_path / "d.mp4").fps == 24.0


def test_the_generation_report_compares_each_ad_with_its_own_floors_and_the_voice() -> None:
    from benchmarks.generation_report import GenerationResult, Runs, markdown
    from benchmarks.measure import Measurement

    def m(name: str, wall: float) -> Measurement:
        return Measurement(name, wall, wall, 300 * MB, cpu_s=wall, peak_pss_bytes=250 * MB)

    result = GenerationResult(
        voiced=Runs([m("one", 14.0)], [m("C", 8.6)], [m("D", 7.0)]),
        silent=Runs([m("silent", 10.0)], [m("C", 6.0)], [m("D", 5.5)]),
    )
    text = markdown(result)
    assert (
        "one offline generation / floor, x264 default threads = **2.00x** wall "
        "(target <= 2.0x: met)" in text
    )
    assert "the same without voice / floor, x264 default threads = **1.82x** wall" in text
    assert "what the voice-over adds: 14.00 vs 10.00 s = **+40%** wall (target <= +25%: " in text
    assert "+40%" in text and "MISSED" in text.split("what the voice-over adds")[1]
    assert (
        "peak memory of one offline generation: **300 MB** (target < 400 MB: met); 250 MB "
        "in PSS (shared pages counted once)" in text
    )


def test_the_sampler_counts_a_tree_in_rss_and_in_pss(tmp_path: Path) -> None:
    """A process and its child, each holding 40 MB of its own: both sums see them; PSS never
    exceeds RSS (the interpreter's shared pages are split between the two)."""
    script = (
        "import subprocess, sys, time\n"
        "held = bytearray(b'x' * (40 * 2**20))\n"
        "if sys.argv[1:] != ['child']:\n"
        "    kid = subprocess.Popen([sys.executable, __file__, 'child'])\n"
        "    time.sleep(1.0); kid.wait()\n"
        "else:\n"
        "    time.sleep(0.8)\n"
    )
    path = tmp_path / "two.py"
    path.write_text(script, encoding="utf-8")
    measured = run_measured("two", [sys.executable, str(path)])
    assert measured.peak_rss_bytes >= 80 * MB
    assert 80 * MB <= measured.peak_pss_bytes <= measured.peak_rss_bytes

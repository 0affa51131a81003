"""The per-process profile of a generation names its processes and reports the tree's peak."""

from __future__ import annotations

from benchmarks.profile_generation import Seen, label, markdown


def test_processes_are_named_by_what_they_do() -> None:
    ff = "/x/ffmpeg-linux-x86_64"
    assert label(["/usr/bin/python", "-m", "pipeline.drawing"]) == "pipeline.drawing"
    assert label([ff, "-f", "rawvideo", "-i", "pipe:0"]) == "ffmpeg: a clip's encoder"
    assert label([ff, "-filter_complex_threads", "1"]) == "ffmpeg: the export"
    assert label([ff, "-af", "ebur128=peak=true", "-f", "null"]) == "ffmpeg: loudness"


def test_the_report_gives_each_process_and_the_tree_peak() -> None:
    seen = {
        1: Seen("benchmarks.generation", 0.0, 12.0, 91 * 2**20, 2.5),
        2: Seen("ffmpeg: the export", 6.0, 11.5, 330 * 2**20, 9.1),
    }
    result = {"work_s": 12.0, "generations": [{"status": "completed",
                                               "stage_timings": {"export": 5.5}}]}  # fmt: skip
    text = markdown(seen, [(1.0, 200), (7.5, 421), (9.0, 410)], result)
    assert "| ffmpeg: the export | 6.0-11.5 s | 330 MB | 9.10 s |" in text
    assert "tree peak 421 MB at 7.5 s; generation 12.00 s wall (completed)" in text
    assert "export 5.50 s" in text

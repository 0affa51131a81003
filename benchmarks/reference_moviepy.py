"""Variant B, the MoviePy 2 reference: the same ad, stage by stage, as the spec's modules read.

Written plainly, the way a typical MoviePy implementation of the specification looks:

1. overlays: each clip gets its TextClip (fade in, slide up, fade out) and is written;
2. stitching: the scene files are joined with 0.5 s crossfades, 0.3 s fades, and written;
3. audio: music at 30 % plus the transition sound effects are mixed in, and written;
4. export: the color grade is applied frame by frame and the final MP4 is written
   (1080x1920, 24 fps, libx264 + AAC), then the thumbnail.

Every write uses the app's own encoder settings (preset, CRF, rate cap), which is kinder to
MoviePy than its defaults (preset medium, MP3 audio). It runs in its own venv (MoviePy pins
an older Pillow) and imports nothing from ``pipeline``; the harness hands it a job file:

    benchmarks/.venv-moviepy/bin/python benchmarks/reference_moviepy.py JOB.json OUT_DIR

It prints one JSON line with ``work_s`` (imports excluded) and per-stage seconds.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
from moviepy import (
    AudioFileClip,
    CompositeAudioClip,
    CompositeVideoClip,
    TextClip,
    VideoFileClip,
    concatenate_videoclips,
)
from moviepy.audio.fx import MultiplyVolume
from moviepy.video.fx import CrossFadeIn, CrossFadeOut, FadeIn, FadeOut


def write(clip: Any, path: Path, job: dict[str, Any], *, audio: bool) -> None:
    """Write with the app's encoder settings."""
    enc = job["encoder"]
    params = [
        "-crf",
        str(enc["crf"]),
        "-maxrate",
        enc["maxrate"],
        "-bufsize",
        enc["bufsize"],
        "-profile:v",
        "high",
        "-g",
        str(enc["gop"]),
        "-movflags",
        "+faststart",
    ]
    clip.write_videofile(
        str(path),
        fps=job["fps"],
        codec="libx264",
        preset=enc["preset"],
        audio=audio,
        audio_codec="aac",
        audio_bitrate=enc["audio_bitrate"],
        audio_fps=enc["audio_rate"],
        temp_audiofile_path=str(path.parent),
        ffmpeg_params=params,
        pixel_format="yuv420p",
        logger=None,
    )


def text_layer(spec: dict[str, Any], width: int) -> Any:
    """The scene's text as a TextClip with its entry and exit animation."""
    txt = TextClip(
        font=spec["font"],
        text=spec["text"],
        font_size=spec["font_size"],
        color=spec["color"],
        bg_color=spec.get("bg_color"),
        stroke_color=spec.get("stroke_color"),
        stroke_width=spec.get("stroke_width", 0),
        method="caption",
        size=(spec["box_width"], None),
        margin=(20, 30),  # TextClip clips descenders without a bottom margin
        text_align="center",
    )
    start, end = spec["start_s"], spec["end_s"]
    x = (width - txt.w) // 2
    y_rest = spec["y"]
    if spec["animation"] == "slide_up":
        anim, slide = spec["anim_s"], spec["slide_px"]

        def position(t: float) -> tuple[int, float]:
            p = min(1.0, max(0.0, t / anim))
            return x, y_rest + slide * (1 - p) ** 3

        txt = txt.with_position(position)
    else:
        txt = txt.with_position((x, y_rest))
    return (
        txt.with_start(start)
        .with_duration(end - start)
        .with_effects([CrossFadeIn(spec["anim_s"]), CrossFadeOut(spec["fade_out_s"])])
    )


def grade_frame(job: dict[str, Any]) -> Any:
    """eq-style grade in numpy: contrast and brightness, saturation, gamma."""
    g = job["grade"]
    contrast, brightness = g["contrast"], g["brightness"]
    saturation, gamma = g["saturation"], g["gamma"]
    luma = np.array([0.299, 0.587, 0.114], dtype=np.float32)

    def apply(frame: np.ndarray) -> np.ndarray:
        f = frame.astype(np.float32) / 255.0
        f = (f - 0.5) * contrast + 0.5 + brightness
        gray = (f @ luma)[..., None]
        f = gray + (f - gray) * saturation
        f = np.clip(f, 0.0, 1.0) ** (1.0 / gamma)
        return (f * 255.0 + 0.5).astype(np.uint8)

    return apply


def run(job: dict[str, Any], out: Path) -> dict[str, Any]:
    """The four stages; returns per-stage seconds and the output paths."""
    stages: dict[str, float] = {}
    w, h, xf, fade = job["width"], job["height"], job["crossfade_s"], job["fade_s"]

    t0 = time.perf_counter()
    scene_files = []
    for i, clip_spec in enumerate(job["clips"]):
        clip = VideoFileClip(clip_spec["path"], audio=False)
        clip = clip.resized((w, h)).subclipped(0, min(clip.duration, clip_spec["duration_s"]))
        layers = [clip] + [text_layer(t, w) for t in job["texts"] if t["scene_index"] == i]
        scene = CompositeVideoClip(layers, size=(w, h)).with_duration(clip.duration)
        path = out / f"scene_{i}.mp4"
        write(scene, path, job, audio=False)
        scene.close()
        clip.close()
        scene_files.append(path)
    stages["overlays"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    parts = [VideoFileClip(str(p), audio=False) for p in scene_files]
    joined = [parts[0]] + [p.with_effects([CrossFadeIn(xf)]) for p in parts[1:]]
    stitched = concatenate_videoclips(joined, method="compose", padding=-xf)
    stitched = stitched.with_effects([FadeIn(fade), FadeOut(fade)])
    stitched_path = out / "stitched.mp4"
    write(stitched, stitched_path, job, audio=False)
    for p in parts:
        p.close()
    stages["stitching"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    video = VideoFileClip(str(stitched_path), audio=False)
    music = AudioFileClip(job["music"]).with_effects([MultiplyVolume(job["music_volume"])])
    music = music.subclipped(0, min(music.duration, video.duration))
    effects = [AudioFileClip(s["path"]).with_start(s["at_s"]) for s in job["sfx"]]
    mix = CompositeAudioClip([music, *effects]).with_duration(video.duration)
    with_audio = video.with_audio(mix)
    audio_path = out / "with_audio.mp4"
    write(with_audio, audio_path, job, audio=True)
    video.close()
    stages["audio"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    final = VideoFileClip(str(audio_path)).image_transform(grade_frame(job))
    final_path = out / "reference.mp4"
    write(final, final_path, job, audio=True)
    thumb_path = out / "reference.jpg"
    final.save_frame(str(thumb_path), t=job["poster_s"])
    final.close()
    stages["export"] = time.perf_counter() - t0
    return {
        "stages": {k: round(v, 3) for k, v in stages.items()},
        "output": str(final_path),
        "output_bytes": final_path.stat().st_size,
    }


def main(argv: list[str]) -> int:
    job = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
    out = Path(argv[2])
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    facts = run(job, out)
    facts["work_s"] = round(time.perf_counter() - started, 3)
    sys.stdout.write(json.dumps(facts) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))

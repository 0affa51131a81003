"""Build the audio library: ``python -m assets.synth [--only SLUG_OR_NAME ...] [--out DIR]``.

Renders every arrangement of :data:`assets.synth.library.CATALOGUE` and every effect of
:data:`assets.synth.sfx.EFFECTS`, masters them (see :mod:`assets.synth.master`), encodes them
as Ogg Opus with the bundled ffmpeg and writes ``music/manifest.json`` and
``sfx/manifest.json``. Same code, same files: seeds are fixed and the encoder runs bit-exact.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from assets.synth import dsp, master
from assets.synth.library import CATALOGUE, slug
from assets.synth.sfx import EFFECTS, LANDING_S

LICENCE = "CC0 - synthesized by this project"
ASSETS = Path(__file__).resolve().parent.parent


def _ffmpeg() -> str:
    import imageio_ffmpeg

    return str(imageio_ffmpeg.get_ffmpeg_exe())


def _load(manifest: Path, key: str) -> dict[str, dict[str, object]]:
    """Existing entries by name, so ``--only`` rebuilds one file and keeps the others."""
    if not manifest.exists():
        return {}
    data = json.loads(manifest.read_text())
    return {str(e["file"]): e for e in data.get(key, [])}


def _write(manifest: Path, key: str, entries: list[dict[str, object]]) -> None:
    body = {
        "licence": LICENCE,
        "generator": "python -m assets.synth",
        "sample_rate": dsp.SR,
        "channels": 2,
        "codec": f"opus {master.OPUS_BITRATE} (Ogg)",
        key: entries,
    }
    manifest.write_text(json.dumps(body, indent=2) + "\n")


def build_music(out: Path, only: set[str], ffmpeg: str) -> list[dict[str, object]]:
    """Render, master and encode the tracks; return their manifest entries in catalogue order."""
    manifest = out / "music" / "manifest.json"
    previous = _load(manifest, "tracks")
    entries = []
    for mood, builders in CATALOGUE.items():
        for build, seed in builders:
            name = f"{slug(build.__name__)}.opus"  # builders are named after their titles
            if only and slug(build.__name__) not in only and mood not in only:
                if name in previous:
                    entries.append(previous[name])
                continue
            started = time.process_time()
            song = build(seed)
            audio = master.master_music(song.mix())
            master.encode_opus(audio, out / "music" / name, ffmpeg)
            entry: dict[str, object] = {
                "title": song.title,
                "file": name,
                **song.manifest(),
                "duration_s": round(len(audio) / dsp.SR, 3),
                **master.levels(audio),
                "seed": seed,
                "licence": LICENCE,
            }
            entries.append(entry)
            print(
                f"  {mood:9s} {song.title:14s} {entry['duration_s']:6.2f} s "
                f"{entry['lufs']:6.2f} LUFS {entry['true_peak_dbtp']:5.2f} dBTP "
                f"({time.process_time() - started:.1f} s cpu)"
            )
    _write(manifest, "tracks", entries)
    return entries


def build_sfx(out: Path, only: set[str], ffmpeg: str) -> list[dict[str, object]]:
    """Render, level and encode the transition effects; return their manifest entries."""
    manifest = out / "sfx" / "manifest.json"
    previous = _load(manifest, "effects")
    entries = []
    for name, make in EFFECTS.items():
        file = f"{name}.opus"
        if only and name not in only:
            if file in previous:
                entries.append(previous[file])
            continue
        audio = master.master_effect(make())
        master.encode_opus(audio, out / "sfx" / file, ffmpeg)
        entry: dict[str, object] = {
            "name": name,
            "file": file,
            "description": (make.__doc__ or "").strip().splitlines()[0],
            "duration_s": round(len(audio) / dsp.SR, 3),
            "peak_s": round(LANDING_S.get(name, master.peak_time(audio)), 3),
            "max_momentary_lufs": round(dsp.max_momentary_lufs(audio), 2),
            **master.levels(audio),
            "licence": LICENCE,
        }
        entries.append(entry)
        print(f"  sfx {name:8s} {entry['duration_s']:5.2f} s peak at {entry['peak_s']:.3f} s")
    _write(manifest, "effects", entries)
    return entries


def main(argv: list[str] | None = None) -> int:
    """Build the library; print one line per file."""
    parser = argparse.ArgumentParser(prog="python -m assets.synth", description=__doc__)
    parser.add_argument("--only", nargs="*", default=[], help="track slugs, moods or sfx names")
    parser.add_argument("--out", type=Path, default=ASSETS, help="folder holding music/ and sfx/")
    parser.add_argument("--skip-music", action="store_true")
    parser.add_argument("--skip-sfx", action="store_true")
    args = parser.parse_args(argv)
    ffmpeg = _ffmpeg()
    only = set(args.only)
    if not args.skip_music:
        print("music:")
        build_music(args.out, only, ffmpeg)
    if not args.skip_sfx:
        print("sound effects:")
        build_sfx(args.out, only, ffmpeg)
    return 0


if __name__ == "__main__":
    sys.exit(main())

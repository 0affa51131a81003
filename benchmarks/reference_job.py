"""What the MoviePy reference is asked to make, and where it runs.

:func:`build` turns the fixed ad into the plain JSON job that ``reference_moviepy.py``
reads: the clips, each scene's text with the brand face and size our overlay stage would
choose, the grade preset's numbers, the music and sound effects, and the app's encoder
settings (``pipeline.stages.export_graph.ENCODER``, the one place they live).
:func:`ensure_venv` creates the reference's own venv on first use.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from benchmarks import fixtures
from pipeline.media.grading import PRESETS
from pipeline.spec import AdSpecification, ScenePlan, TextOverlay
from pipeline.stages.export_graph import ENCODER
from pipeline.stages.stitching import crossfade_offsets

VENV = fixtures.ROOT / ".venv-moviepy"
REQUIREMENTS = fixtures.ROOT / "requirements-moviepy.txt"
FALLBACK_FONT = fixtures.REPO / "assets" / "fonts" / "inter" / "Inter-Bold.otf"
# role -> (nominal px at 1080 wide, animation seconds), as the overlay stage sets them
ROLES = {"headline": (92, 0.5), "body": (56, 0.45), "cta": (66, 0.4)}


def ensure_venv(venv: Path = VENV) -> Path:
    """The reference's Python, creating its venv (MoviePy 2.2.1) the first time."""
    python = venv / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "-q", "-r", str(REQUIREMENTS)], check=True
        )
    return python


def _face_and_size(
    spec: AdSpecification, overlay: TextOverlay, width: int
) -> tuple[str, int, bool]:
    """(font file, pixel size, upper case) for the scene's text, as our overlay stage sets it."""
    try:
        from pipeline.typography.roles import role_style

        style = role_style(spec, overlay, width)
        return str(style.face.path), round(style.size * style.face.scale), style.upper
    except (ImportError, AttributeError, KeyError):
        return str(FALLBACK_FONT), round(ROLES[overlay.role][0] * width / 1080), False


def _texts(plan: ScenePlan, spec: AdSpecification) -> list[dict[str, Any]]:
    w, h = plan.width, plan.height
    top, bottom, side = round(h * 0.14), round(h * 0.80), round(w * 0.07)
    texts = []
    for scene in plan.scenes:
        overlay = scene.overlay
        if overlay is None:
            continue
        font, size, upper = _face_and_size(spec, overlay, w)
        last = scene.index == len(plan.scenes) - 1
        end = scene.duration_s - (0.1 if last else plan.crossfade_s)
        est_height = int(size * 1.25 * (2 if len(overlay.text) > 24 else 1)) + 60
        y = (
            top + (bottom - top - est_height) // 2
            if overlay.position == "center"
            else (bottom - est_height if overlay.position == "bottom" else top)
        )
        cta = overlay.role == "cta"
        texts.append(
            {
                "scene_index": scene.index,
                "text": overlay.text.upper() if upper else overlay.text,
                "font": font,
                "font_size": size,
                "color": overlay.color if cta else spec.brand.text_color,
                "bg_color": spec.brand.accent_color if cta else None,
                "stroke_color": None if cta else "#000000",
                "stroke_width": 0 if cta else max(2, round(0.055 * size)),
                "box_width": w - 2 * side,
                "y": y,
                "start_s": overlay.start_s,
                "end_s": round(end, 3),
                "animation": overlay.animation,
                "anim_s": ROLES[overlay.role][1],
                "slide_px": round(0.04 * h) if overlay.animation == "slide_up" else 0,
                "fade_out_s": 0.25,
            }
        )
    return texts


def build(prepared: fixtures.Prepared) -> dict[str, Any]:
    """The reference's job for the fixed ad (plain JSON; MoviePy's venv has no pipeline)."""
    plan, spec = fixtures.scene_plan(), fixtures.specification()
    grade = PRESETS[spec.ad.visual_style]
    offsets = crossfade_offsets([s.duration_s for s in plan.scenes], plan.crossfade_s)
    transitions = [o + plan.crossfade_s / 2 for o in offsets]
    return {
        "width": plan.width,
        "height": plan.height,
        "fps": plan.fps,
        "crossfade_s": plan.crossfade_s,
        "fade_s": plan.fade_s,
        "clips": [{"path": c.path, "duration_s": c.duration_s} for c in prepared.clips],
        "texts": _texts(plan, spec),
        "music": str(prepared.music_path),
        "music_volume": fixtures.MUSIC_VOLUME,
        "sfx": [
            {"path": str(prepared.sfx_paths[name]), "at_s": at}
            for name, at in zip(fixtures.SFX, transitions, strict=True)
        ],
        "grade": {
            "contrast": grade.contrast,
            "brightness": grade.brightness,
            "saturation": grade.saturation,
            "gamma": grade.gamma,
        },
        "poster_s": 1.0,
        "encoder": {
            "preset": ENCODER.preset,
            "crf": ENCODER.crf,
            "maxrate": ENCODER.maxrate,
            "bufsize": ENCODER.bufsize,
            "gop": ENCODER.gop,
            "audio_bitrate": ENCODER.audio_bitrate,
            "audio_rate": ENCODER.audio_rate,
        },
    }

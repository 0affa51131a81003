"""Shared pieces of the overlay tests: tiny real background clips and a 4-scene stage run."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from pipeline.media import ffmpeg
from pipeline.runtime.render_plan import OverlayLayer
from pipeline.settings import Settings
from pipeline.spec import AdSpecification, Clip, Scene, ScenePlan, TextOverlay
from pipeline.stages import overlays
from pipeline.stages.context import StageContext
from tests.fakes import sample_specification

W, H = 1080, 1920
D = 4.5
BEATS = ("attention", "interest", "desire", "action")
BACKGROUNDS = {
    "bright": "color=c=0xF4F1EA:s=270x480:r=24:d=4.5",
    "dark": "color=c=0x101018:s=270x480:r=24:d=4.5",
    "busy": "testsrc2=s=270x480:r=24:d=4.5",
    # gradients picks random colours unless given: fixed ones keep every run the same
    "moving": "gradients=s=270x480:r=24:d=4.5:speed=0.08:seed=7:n=2:c0=0x2E86AB:c1=0xF6C85F",
}
LONG_HEADLINE = (
    "This deliberately long headline runs to one hundred and twenty characters so that it "
    "must wrap over lines and shrink to fit"
)[:120]
LONG_WORD = "Supercalifragilisticexpialidociouslyunbreakablewordwithoutanyspaces"


def make_clips(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """One short real clip per background (each test module wraps this in a fixture)."""
    root = tmp_path_factory.mktemp("overlay-clips")
    exe = ffmpeg.find_ffmpeg()
    out: dict[str, Path] = {}
    for name, source in BACKGROUNDS.items():
        out[name] = root / f"{name}.mp4"
        ffmpeg.run(exe, ["-f", "lavfi", "-i", source, "-c:v", "libx264", "-preset",
                         "ultrafast", "-pix_fmt", "yuv420p", str(out[name])])  # fmt: skip
    return out


def spec_for(font_style: str = "serif", mood: str = "luxury", **brand: str) -> AdSpecification:
    base = sample_specification()
    return base.model_copy(
        update={
            "brand": base.brand.model_copy(update={"font_style": font_style, **brand}),
            "ad": base.ad.model_copy(update={"mood": mood}),
        }
    )


def render(
    tmp_path: Path,
    texts: list[TextOverlay | None],
    backgrounds: list[str | None],
    clip_paths: dict[str, Path],
    spec: AdSpecification | None = None,
) -> list[OverlayLayer]:
    """Run the stage on a 4-scene plan; ``None`` background = no clip for that scene."""
    scenes = [
        Scene(index=i, scene_type=BEATS[i], duration_s=D, visual_prompt="shot", overlay=t)  # type: ignore[arg-type]
        for i, t in enumerate(texts)
    ]
    plan = ScenePlan(framework="AIDA", scenes=scenes, target_duration_s=4 * D - 1.5)
    clip_list = [
        Clip(scene_index=i, path=str(clip_paths[b]), duration_s=D, provider="test")
        for i, b in enumerate(backgrounds)
        if b is not None
    ]
    ctx = StageContext(settings=Settings(data_dir=tmp_path / "data"), workdir=tmp_path)
    return overlays.run(plan, spec or sample_specification(), clip_list, ctx)


def meta(layer: OverlayLayer) -> dict[str, str]:
    with Image.open(layer.png_path) as im:
        return {k.removeprefix("adstudio:"): v for k, v in im.text.items()}

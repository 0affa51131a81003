"""The fixed ad every benchmark renders, and its prepared inputs (made once, cached).

One 3-clip, 15 s ad (5.5 + 5.0 + 5.5 s, two 0.5 s crossfades): a headline, a body line and
a call to action, two transition sound effects, the ``vibrant`` grade. The clips are made
deterministically, either by our local motion-graphics provider (``local``, the footage the
offline app really renders over) or by ffmpeg's lavfi generators (``lavfi``: moving
gradients with film grain, so the encoder has real work). Everything lands in a cache
folder keyed by the settings, so repeated runs measure rendering, not preparation.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pipeline.media import ffmpeg
from pipeline.spec import (
    AdSpec,
    AdSpecification,
    BrandGuidelines,
    Clip,
    CopyBeat,
    Scene,
    ScenePlan,
    TextOverlay,
)

ROOT = Path(__file__).resolve().parent
DEFAULT_CACHE = ROOT / ".cache"
REPO = ROOT.parent
DURATIONS = (5.5, 5.0, 5.5)
SFX = ("whoosh", "impact")
MUSIC_VOLUME = 0.3  # the spec's music bed level
ClipSource = Literal["auto", "local", "lavfi"]

PROMPT = "Launch ad for Northwind Glide running shoes, energetic, 20% off this week"


def specification() -> AdSpecification:
    """The ad's specification (what the LLM stage would have written)."""
    return AdSpecification(
        prompt=PROMPT,
        framework="AIDA",
        framework_reason="A product launch: grab attention, show the benefit, ask for action.",
        brand=BrandGuidelines(
            brand_name="Northwind",
            primary_color="#0E2A47",
            secondary_color="#F2A541",
            accent_color="#F2A541",
            text_color="#FFFFFF",
            font_style="sans",
            tone="bold and upbeat",
        ),
        ad=AdSpec(
            product="Northwind Glide running shoes",
            product_category="sport",
            target_audience="city runners aged 20-40",
            mood="energetic",
            visual_style="vibrant",
            key_benefits=["featherlight knit", "all-day cushioning"],
            offer="20% off this week",
            call_to_action="Shop now",
        ),
        beats=[
            CopyBeat(beat="attention", headline="Run lighter", visual="shoe mid-stride"),
            CopyBeat(beat="interest", headline="Featherlight knit", visual="knit close-up"),
            CopyBeat(beat="desire", headline="All-day cushioning", visual="runner at dawn"),
            CopyBeat(beat="action", headline="Shop now", visual="shoe on a plinth"),
        ],
    )


def scene_plan(seed: int = 7) -> ScenePlan:
    """Three scenes whose crossfaded length is exactly 15 s."""
    overlays = (
        TextOverlay(text="Run lighter", position="center", role="headline", start_s=0.3),
        TextOverlay(
            text="Featherlight knit, all-day cushioning",
            position="bottom",
            animation="slide_up",
            role="body",
            start_s=0.3,
        ),
        TextOverlay(
            text="Shop now - 20% off",
            position="bottom",
            animation="slide_up",
            role="cta",
            color="#0E2A47",
            start_s=0.3,
        ),
    )
    kinds = ("attention", "interest", "action")
    visuals = ("a running shoe mid-stride", "woven knit close-up", "the shoe on a plinth")
    return ScenePlan(
        framework="AIDA",
        scenes=[
            Scene(
                index=i,
                scene_type=kinds[i],  # type: ignore[arg-type]
                duration_s=DURATIONS[i],
                visual_prompt=visuals[i],
                overlay=overlays[i],
                transition_sfx=SFX[i] if i < len(SFX) else None,  # type: ignore[arg-type]
            )
            for i in range(3)
        ],
        seed=seed,
    )


@dataclass(frozen=True)
class Prepared:
    """The prepared inputs of the fixed ad."""

    folder: Path
    clip_source: str
    clips: list[Clip]
    music_path: Path  # for the MoviePy reference (ours mixes from the audio library)
    sfx_paths: dict[str, Path]


def _key(parts: dict[str, object]) -> str:
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()[:12]


def local_provider_available() -> bool:
    """True once the offline motion-graphics provider is part of the pipeline."""
    return importlib.util.find_spec("pipeline.providers.video_local") is not None


def _lavfi_clip(exe: str, dest: Path, duration_s: float, seed: int) -> None:
    src = (
        f"gradients=s=1080x1920:r=24:d={duration_s}:seed={seed}:speed=0.015:nb_colors=4"
        ":c0=0x1D3557:c1=0xE63946:c2=0xF1FAEE:c3=0x457B9D,"  # random colours unless given
        f"noise=alls=4:allf=t:all_seed={seed},format=yuv420p"
    )
    # The same encoding as pipeline.media.conform: what a provider clip looks like after conform.
    ffmpeg.run(
        exe,
        [
            "-f",
            "lavfi",
            "-i",
            src,
            "-c:v",
            "libx264",
            "-preset",
            "veryfast",
            "-crf",
            "18",
            "-movflags",
            "+faststart",
            str(dest),
        ],
    )


def _local_clips(folder: Path, plan: ScenePlan, spec: AdSpecification, exe: str) -> list[Path]:
    from pipeline.providers import ClipRequest, get_video_provider
    from pipeline.settings import Settings
    from pipeline.stages.context import StageContext

    settings = Settings(data_dir=folder / "data", output_dir=folder / "output")
    provider = get_video_provider(settings)
    ctx = StageContext(settings=settings, workdir=folder, seed=plan.seed, ffmpeg_exe=exe)
    paths = []
    for scene in plan.scenes:
        dest = folder / f"clip{scene.index}.mp4"
        request = ClipRequest(
            scene=scene,
            brand=spec.brand,
            ad=spec.ad,
            seed=plan.seed,
            beats=tuple(s.scene_type for s in plan.scenes),
            lines=tuple(s.overlay.text if s.overlay else "" for s in plan.scenes),
            facts=spec.facts,
        )
        provider.generate(request, dest, ctx)
        paths.append(dest)
    return paths


def _audio_assets(exe: str, folder: Path, duration_s: float) -> tuple[Path, dict[str, Path]]:
    """A music bed and two sound effects for the reference (deterministic synthesis)."""
    music = folder / "music.wav"
    chord = "+".join(f"0.2*sin(2*PI*{f}*t)*(0.6+0.4*sin(2*PI*2*t))" for f in (220, 277.18, 329.63))
    ffmpeg.run(
        exe,
        [
            "-f",
            "lavfi",
            "-i",
            f"aevalsrc='{chord}|{chord}':s=48000:d={duration_s}",
            "-c:a",
            "pcm_s16le",
            str(music),
        ],
    )
    sfx = {
        "whoosh": "anoisesrc=d=0.8:c=pink:r=48000:a=0.5:seed=3,"
        "afade=t=in:d=0.5,afade=t=out:st=0.5:d=0.3",
        "impact": "aevalsrc='0.9*sin(2*PI*60*t)*exp(-6*t)':s=48000:d=0.7",
    }
    paths = {}
    for name, graph in sfx.items():
        paths[name] = folder / f"sfx_{name}.wav"
        ffmpeg.run(
            exe, ["-f", "lavfi", "-i", graph, "-ac", "2", "-c:a", "pcm_s16le", str(paths[name])]
        )
    return music, paths


def prepare(
    cache: Path = DEFAULT_CACHE, source: ClipSource = "auto", exe: str | None = None
) -> Prepared:
    """Make (or reuse) the clips and the reference's audio files for the fixed ad."""
    exe = exe or ffmpeg.find_ffmpeg()
    if source == "auto":
        source = "local" if local_provider_available() else "lavfi"
    plan, spec = scene_plan(), specification()
    folder = cache / f"ad-{source}-{_key({'plan': plan.model_dump(mode='json'), 'v': 2})}"
    done = folder / "prepared.json"
    if not done.exists():
        folder.mkdir(parents=True, exist_ok=True)
        if source == "local":
            paths = _local_clips(folder, plan, spec, exe)
        else:
            paths = []
            for scene in plan.scenes:
                dest = folder / f"clip{scene.index}.mp4"
                _lavfi_clip(exe, dest, scene.duration_s, seed=11 + scene.index)
                paths.append(dest)
        _audio_assets(exe, folder, plan.total_duration_s)
        done.write_text(json.dumps({"clips": [str(p) for p in paths]}), encoding="utf-8")
    clip_paths = [Path(p) for p in json.loads(done.read_text(encoding="utf-8"))["clips"]]
    clips = [
        Clip(scene_index=s.index, path=str(p), duration_s=s.duration_s, provider=source)
        for s, p in zip(plan.scenes, clip_paths, strict=True)
    ]
    sfx = {name: folder / f"sfx_{name}.wav" for name in SFX}
    return Prepared(folder, source, clips, folder / "music.wav", sfx)

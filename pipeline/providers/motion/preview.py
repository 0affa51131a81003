"""Contact sheets of the offline renderer, for looking at its output while designing.

    python -m pipeline.providers.motion.preview --category "luxury watch" --out sheet.png

Renders a few frames of every scene of one ad in-process (no ffmpeg), lays them out as
rows (scenes) by columns (moments), and prints drawing time per frame.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from PIL import Image, ImageDraw

from pipeline.providers import ClipRequest
from pipeline.providers.motion.renderer import ClipRenderer
from pipeline.providers.motion.scenes import design_scene
from pipeline.spec import FRAMEWORK_BEATS, AdSpec, BrandGuidelines, Scene, TextOverlay


def example_request(
    category: str = "watch",
    scene_type: str = "attention",
    index: int = 0,
    *,
    seed: int = 0,
    duration_s: float = 4.0,
    colors: tuple[str, str, str] = ("#0B1F3A", "#C9A227", "#E8D5A3"),
    mood: str = "luxury",
    visual_style: str = "warm",
    position: str = "center",
    width: int = 1080,
    height: int = 1920,
) -> ClipRequest:
    """A complete, valid request for one scene (previews, tests, benchmarks)."""
    brand = BrandGuidelines(
        brand_name="Example",
        primary_color=colors[0],
        secondary_color=colors[1],
        accent_color=colors[2],
        tone="confident",
    )
    ad = AdSpec(
        product=f"Example {category}",
        product_category=category,
        target_audience="adults 25-45",
        mood=mood,  # type: ignore[arg-type]
        visual_style=visual_style,  # type: ignore[arg-type]
        key_benefits=["quality"],
        call_to_action="Shop now",
    )
    scene = Scene(
        index=index,
        scene_type=scene_type,  # type: ignore[arg-type]
        duration_s=duration_s,
        visual_prompt=f"{category} hero shot, {scene_type} beat",
        overlay=TextOverlay(text="Headline", position=position),  # type: ignore[arg-type]
    )
    return ClipRequest(scene=scene, brand=brand, ad=ad, width=width, height=height, seed=seed)


def contact_sheet(
    requests: list[ClipRequest], width: int, height: int, moments: list[float], thumb: int = 270
) -> tuple[Image.Image, float]:
    """Rows of frames (one row per request) and the mean drawing time in ms per frame."""
    th = thumb * height // width
    sheet = Image.new("RGB", (thumb * len(moments), th * len(requests)), (40, 40, 40))
    spent, count = 0.0, 0
    for row, request in enumerate(requests):
        renderer = ClipRenderer(design_scene(request), width, height, request.fps)
        n = round(request.scene.duration_s * request.fps)
        for col, moment in enumerate(moments):
            index = min(n - 1, int(moment * n))
            start = time.perf_counter()
            frame = renderer.frame(index)
            spent += time.perf_counter() - start
            count += 1
            image = Image.fromarray(ClipRenderer.to_rgb(frame)).resize(
                (thumb, th), Image.Resampling.LANCZOS
            )
            sheet.paste(image, (col * thumb, row * th))
        label = f"{request.scene.index}:{request.scene.scene_type}"
        ImageDraw.Draw(sheet).text((6, row * th + 6), label, fill=(255, 255, 255))
    return sheet, spent / max(1, count) * 1000


def main() -> None:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--category", default="watch")
    parser.add_argument("--framework", default="AIDA", choices=sorted(FRAMEWORK_BEATS))
    parser.add_argument("--mood", default="luxury")
    parser.add_argument("--style", default="warm")
    parser.add_argument("--colors", default="#0B1F3A,#C9A227,#E8D5A3")
    parser.add_argument("--text", default="#FFFFFF", help="text colour (decides light or dark)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--moments", default="0.1,0.45,0.85")
    parser.add_argument("--size", default="540x960", help="the internal render size")
    parser.add_argument("--out", type=Path, default=Path("contact_sheet.png"))
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.split("x"))
    colors = tuple(args.colors.split(","))
    requests = []
    for i, beat in enumerate(FRAMEWORK_BEATS[args.framework]):
        req = example_request(
            args.category,
            beat,
            i,
            seed=args.seed,
            colors=colors,  # type: ignore[arg-type]
            mood=args.mood,
            visual_style=args.style,
            position="bottom" if beat in ("cta", "action") else ("top", "center")[i % 2],
        )
        if args.text != "#FFFFFF":
            brand = req.brand.model_copy(update={"text_color": args.text.upper()})
            req = ClipRequest(scene=req.scene, brand=brand, ad=req.ad, seed=req.seed)
        requests.append(req)
    moments = [float(m) for m in args.moments.split(",")]
    sheet, ms = contact_sheet(requests, width, height, moments)
    sheet.save(args.out)
    print(f"{args.out}: {len(requests)} scenes x {len(moments)} moments, {ms:.1f} ms/frame drawing")


if __name__ == "__main__":
    main()

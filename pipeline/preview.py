"""Contact sheets: a few frames of every scene of a finished ad, with the plan's key facts.

The frames come from the exported MP4 itself (grade, overlays and crossfades included), so
the sheet shows exactly what a viewer sees. Used by ``python -m pipeline preview``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import av
from PIL import Image, ImageDraw, ImageFont

from pipeline.errors import RenderError

_FONTS = Path(__file__).resolve().parent.parent / "assets" / "fonts"
_FACES = {
    "latin": ("noto/NotoSans-Regular.ttf", "noto/NotoSans-Bold.ttf"),
    "cjk": ("ipaexfont/ipaexg.ttf", "ipaexfont/ipaexg.ttf"),
    "arabic": ("noto/NotoSansArabic-Regular.ttf", "noto/NotoSansArabic-Bold.ttf"),
    "hebrew": ("noto/NotoSansHebrew-Regular.ttf", "noto/NotoSansHebrew-Bold.ttf"),
}

THUMB_W, THUMB_H = 216, 384
MOMENTS = (0.2, 0.55, 0.9)  # where in each scene's visible span a frame is taken
PAD = 16
TEXT_W = 520
BG = (24, 24, 28)
INK = (236, 236, 240)
MUTED = (150, 150, 160)


def _script(text: str) -> str:
    for ch in text:
        if ord(ch) < 128:
            continue
        name = unicodedata.name(ch, "")
        if name.startswith(("CJK", "HIRAGANA", "KATAKANA", "HANGUL")):
            return "cjk"
        if name.startswith("ARABIC"):
            return "arabic"
        if name.startswith("HEBREW"):
            return "hebrew"
    return "latin"


def _font(text: str, size: int, bold: bool = False) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    path = _FONTS / _FACES[_script(text)][int(bold)]
    if not path.exists():
        return ImageFont.load_default(size)
    return ImageFont.truetype(str(path), size)


def _wrap(draw: ImageDraw.ImageDraw, text: str, font: Any, width: int) -> list[str]:
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        line = ""
        for word in paragraph.split(" "):
            trial = f"{line} {word}".strip()
            if line and draw.textlength(trial, font=font) > width:
                lines.append(line)
                line = word
            else:
                line = trial
        lines.append(line)
    return lines


def _paragraph(
    draw: ImageDraw.ImageDraw, xy: tuple[int, int], text: str, *, size: int = 17,
    bold: bool = False, fill: tuple[int, int, int] = INK, width: int = TEXT_W, max_lines: int = 6,
) -> int:  # fmt: skip
    """Draw wrapped text; return the y below it."""
    font = _font(text, size, bold)
    x, y = xy
    lines = _wrap(draw, text, font, width)
    if len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], lines[max_lines - 1] + " ..."]
    for line in lines:
        draw.text((x, y), line, font=font, fill=fill)
        y += int(size * 1.35)
    return y


def scene_windows(durations: Sequence[float], crossfade_s: float) -> list[tuple[float, float]]:
    """Each scene's (start, end) on the output timeline, inside its crossfades."""
    windows, start = [], 0.0
    for i, d in enumerate(durations):
        lead = crossfade_s if i else 0.0
        tail = crossfade_s if i < len(durations) - 1 else 0.0
        windows.append((start + lead, start + d - tail))
        start += d - crossfade_s
    return windows


def grab_frames(video: Path, times: Sequence[float]) -> list[Image.Image]:
    """Frames of ``video`` nearest to each time (decoded in one sequential pass)."""
    wanted = sorted(range(len(times)), key=lambda i: times[i])
    found: dict[int, Image.Image] = {}
    try:
        with av.open(str(video)) as container:
            stream = container.streams.video[0]
            k = 0
            last = None
            for frame in container.decode(stream):
                last = frame
                while k < len(wanted) and frame.time is not None and frame.time >= times[wanted[k]]:
                    found[wanted[k]] = frame.to_image()
                    k += 1
                if k == len(wanted):
                    break
            for i in wanted[k:]:
                if last is None:
                    raise RenderError(f"{video} has no video frames")
                found[i] = last.to_image()
    except av.FFmpegError as exc:
        raise RenderError(f"cannot read {video}: {exc}") from exc
    return [found[i] for i in range(len(times))]


def _swatch(draw: ImageDraw.ImageDraw, x: int, y: int, color: str) -> int:
    draw.rounded_rectangle((x, y, x + 26, y + 26), radius=5, fill=color, outline=(90, 90, 90))
    draw.text((x + 32, y + 4), color, font=_font(color, 15), fill=MUTED)
    return x + 120


def clip_summary(clip: Mapping[str, Any] | None) -> str:
    """One line on what the provider chose for a scene: template, objects, footage credit."""
    details = (clip or {}).get("details") or {}
    parts = []
    if details.get("template"):
        parts.append(f"template: {details['template']}")
    objects = [o.get("name", "") for o in details.get("objects") or []]
    if objects:
        parts.append("objects: " + ", ".join(objects))
    if details.get("source") == "pexels":
        parts.append(f"footage: Pexels {details.get('video_id')} by {details.get('author')}")
    return "  |  ".join(parts)


def contact_sheet(generation: Mapping[str, Any], video: Path, dest: Path) -> Path:
    """Write a PNG contact sheet for one finished generation (its stored spec and plan)."""
    spec = generation["llm_specification"]
    plan = generation["scene_plan"]
    scenes = plan["scenes"]
    windows = scene_windows([s["duration_s"] for s in scenes], plan.get("crossfade_s", 0.5))
    times = [a + (b - a) * m for a, b in windows for m in MOMENTS]
    frames = grab_frames(video, times)

    header_h = 300
    row_h = THUMB_H + PAD
    width = PAD + len(MOMENTS) * (THUMB_W + PAD) + TEXT_W + PAD
    sheet = Image.new("RGB", (width, header_h + len(scenes) * row_h + PAD), BG)
    draw = ImageDraw.Draw(sheet)

    brand, ad = spec["brand"], spec["ad"]
    title = brand.get("brand_name") or ad["product"]
    y = _paragraph(draw, (PAD, PAD), f"#{generation.get('id', '')}  {title}", size=30, bold=True,
                   width=width - 2 * PAD, max_lines=1)  # fmt: skip
    y = _paragraph(draw, (PAD, y + 4), f"Prompt: {spec['prompt']}", size=16, fill=MUTED,
                   width=width - 2 * PAD, max_lines=2)  # fmt: skip
    facts = (
        f"{spec['framework']} - {spec['framework_reason']}\n"
        f"Product: {ad['product']}  |  Audience: {ad['target_audience']}  |  "
        f"Platform: {ad['platform']}  |  Mood: {ad['mood']}  |  Grade: {ad['visual_style']}  |  "
        f"Font: {brand['font_style']}  |  Language: {spec.get('language', 'en')}\n"
        f"Benefits: {'; '.join(ad['key_benefits'])}  |  Offer: {ad.get('offer') or '-'}  |  "
        f"CTA: {ad['call_to_action']}"
    )
    y = _paragraph(draw, (PAD, y + 6), facts, size=16, width=width - 2 * PAD, max_lines=6)
    x = PAD
    # the colours the renderer drew (a designed palette when the prompt names none)
    drawn = ((generation.get("clips") or [{}])[0].get("details") or {}).get("palette")
    named = [brand[k] for k in ("primary_color", "secondary_color", "accent_color")]
    for color in [*(drawn or named), brand["text_color"]]:
        x = _swatch(draw, x, y + 8, color)
    extra = generation.get("footer", "")
    if extra:
        _paragraph(draw, (x + 10, y + 12), extra, size=15, fill=MUTED, width=width - x - PAD,
                   max_lines=1)  # fmt: skip

    clips = {c.get("scene_index"): c for c in generation.get("clips") or []}
    for row, scene in enumerate(scenes):
        top = header_h + row * row_h
        for col in range(len(MOMENTS)):
            thumb = frames[row * len(MOMENTS) + col].resize(
                (THUMB_W, THUMB_H), Image.Resampling.LANCZOS
            )
            sheet.paste(thumb, (PAD + col * (THUMB_W + PAD), top))
        tx = PAD + len(MOMENTS) * (THUMB_W + PAD)
        a, b = windows[row]
        head = f"{row + 1}. {scene['scene_type'].upper()}  {scene['duration_s']:.2f} s"
        ty = _paragraph(draw, (tx, top), head, size=20, bold=True, max_lines=1)
        at = ", ".join(f"{t:.1f}" for t in times[row * len(MOMENTS) : (row + 1) * len(MOMENTS)])
        where = f"frames at {at} s (visible {a:.1f}-{b:.1f} s)"
        ty = _paragraph(draw, (tx, ty), where, size=14, fill=MUTED, max_lines=1)
        overlay = scene.get("overlay") or {}
        if overlay:
            ty = _paragraph(draw, (tx, ty + 8), f"\u201c{overlay['text']}\u201d", size=22,
                            bold=True, max_lines=4)  # fmt: skip
            how = f"{overlay['role']} - {overlay['position']} - {overlay['animation']}"
            ty = _paragraph(draw, (tx, ty), how, size=14, fill=MUTED, max_lines=1)
        if scene.get("transition_sfx"):
            ty = _paragraph(draw, (tx, ty), f"transition: {scene['transition_sfx']}", size=14,
                            fill=MUTED, max_lines=1)  # fmt: skip
        chosen = clip_summary(clips.get(row))
        if chosen:
            ty = _paragraph(draw, (tx, ty), chosen, size=14, fill=INK, max_lines=2)
        _paragraph(draw, (tx, ty + 8), scene["visual_prompt"], size=14, fill=MUTED, max_lines=8)

    dest.parent.mkdir(parents=True, exist_ok=True)
    partial = dest.with_name(dest.name + ".part")
    sheet.save(partial, format="PNG", optimize=True)
    partial.replace(dest)
    return dest

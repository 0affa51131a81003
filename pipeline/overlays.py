"""Stage: text overlays. ScenePlan + clips -> Pillow-rendered RGBA PNG layers with timings.

Contract: ``run(plan, spec, clips, ctx) -> list[OverlayLayer]``. For every scene with an
``overlay`` it writes one PNG at final-frame scale (two for an offer: a caption and its
button) into ``ctx.workdir/overlays`` and returns where it rests on the plan's frame (one format's),
when it shows (relative to the clip) and how it animates; export draws it with ffmpeg's
overlay. Inputs are not mutated; no network; the same inputs give byte-identical PNGs.

What it guarantees:

- **Colours** are the brand's: the overlay's ``color`` (else the brand ``text_color``); a
  call to action sits on a pill in its ``accent_color`` (else the brand accent). A call to
  action that carries an offer ("First cup free. Order ahead") becomes a one-line button with
  the offer as a caption just above it, so the button never wraps onto three lines.
- **Fonts** fit the brand: ``font_style`` picks the family (serif / sans / condensed /
  rounded), the mood tunes weight and case, the role (headline / body / cta) the size.
  Characters the brand face lacks (Arabic, Japanese, ...) come from shipped fallbacks;
  emoji and symbols no font has are dropped.
- **Safe zones**: layers stay inside the format's safe area (9:16: out of the top 14 % and
  bottom 20 %, 7 % side margins; see :mod:`pipeline.typography.roles`) and, with several
  formats, inside the box every format shows; text wraps and shrinks to fit, never runs off.
- **Legibility**: the text's WCAG contrast against the clip's real pixels is measured on
  several frames of its time span; below 4.5:1 an outline, a soft shadow and then a
  plate are added (see :mod:`pipeline.typography.treatment`). The PNG's text chunks
  record the treatment and the measured contrast.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image, PngImagePlugin

from pipeline import formats
from pipeline.context import StageContext
from pipeline.logs import log_event
from pipeline.render_plan import CaptionLayer, OverlayLayer
from pipeline.spec import FORMAT_SIZES, AdSpecification, Clip, Scene, ScenePlan, TextOverlay
from pipeline.typography import fonts, layout, legibility, text, treatment
from pipeline.typography.roles import RoleStyle, SafeArea, plate_color, role_style, text_area

STAGE = "overlays"
PROBES_PER_LAYER = 5
CAPTION_GAP = 0.018  # between an offer's caption and its button, share of the frame height
CAPTION_DELAY_S = 0.3  # the button follows its caption in


def _timing(
    plan: ScenePlan, scene: Scene, overlay: TextOverlay, anim_s: float
) -> tuple[float, float]:
    """(start, end) relative to the clip: gone before the crossfade into the next scene."""
    last = scene.index == len(plan.scenes) - 1
    limit = scene.duration_s - (0.1 if last else plan.crossfade_s)
    end = min(overlay.end_s if overlay.end_s is not None else limit, limit)
    start = min(max(0.0, overlay.start_s), max(0.0, end - anim_s - 1.0))
    return round(start, 3), round(max(end, start + anim_s + 0.25), 3)


@dataclass
class _Rendered:
    masks: treatment.Masks
    ring: np.ndarray
    block: layout.TextBlock


def _render_masks(
    words: str,
    style: RoleStyle,
    tstyle: layout.TextStyle,
    area: SafeArea,
    max_h: int,
    *,
    text_color: str,
    backing: str,
    plate: str,
    pill: bool,
) -> _Rendered:
    """Fit, draw and crop the text so the whole layer fits ``area`` width and ``max_h``."""
    pad_x, pad_y = treatment.pads(style.size, pill)
    cap = style.size
    for _ in range(6):
        box_w, box_h = area.width * style.width_frac - 2 * pad_x, max_h - 2 * pad_y
        block = layout.fit(
            words,
            tstyle,
            max_width=box_w,
            max_height=box_h,
            size=cap,
            min_size=min(cap, style.min_size),
            max_lines=style.max_lines,
        )
        if style.one_line and len(block.lines) > 1:
            single = layout.fit(
                words,
                tstyle,
                max_width=box_w,
                max_height=box_h,
                size=cap,
                min_size=cap,
                max_lines=1,
            )
            if len(single.lines) == 1 and single.size >= 0.78 * block.size:
                block = single
        px = block.size
        stroke = 0 if pill else max(2, round(0.045 * px))
        canvas = (int(block.width) + 4 * pad_x, int(block.height) + 4 * pad_y)
        fill = layout.draw_mask(block, tstyle, canvas, (2 * pad_x, 2 * pad_y))
        bbox = fill.getbbox() or (2 * pad_x, 2 * pad_y, 2 * pad_x + 1, 2 * pad_y + 1)
        crop = (bbox[0] - pad_x, bbox[1] - pad_y, bbox[2] + pad_x, bbox[3] + pad_y)
        width, height = crop[2] - crop[0], crop[3] - crop[1]
        if width <= area.width and height <= max_h:
            break
        cap = max(12, int(px * 0.9))
    fill = fill.crop(crop)
    outline = layout.draw_mask(block, tstyle, canvas, (2 * pad_x, 2 * pad_y), stroke=stroke)
    ink = (pad_x, pad_y, width - pad_x, height - pad_y)
    masks = treatment.Masks(fill, outline.crop(crop), ink, px, text_color, backing, plate)
    ring = legibility.halo(np.asarray(fill), max(3, round(0.11 * px)))
    return _Rendered(masks, ring, block)


def _place(position: str, area: SafeArea, frame_w: int, w: int, h: int) -> tuple[int, int]:
    x = (frame_w - w) // 2
    if position == "top":
        return x, area.top
    if position == "bottom":
        return x, area.bottom - h
    return x, area.top + (area.height - h) // 2


def _format_of(plan: ScenePlan) -> str:
    """The format whose frame ``plan`` is sized for."""
    return next(f for f in plan.formats if FORMAT_SIZES[f] == (plan.width, plan.height))


def _band_height(position: str, area: SafeArea) -> int:
    return int(area.height * (0.6 if position == "center" else 0.42))


def render_overlay(
    plan: ScenePlan,
    spec: AdSpecification,
    scene: Scene,
    clip: Clip | None,
    out_path: Path,
    *,
    generation_id: int | None = None,
    overlay: TextOverlay | None = None,
    above: OverlayLayer | None = None,
) -> OverlayLayer | None:
    """Render ``overlay`` (default ``scene.overlay``) to ``out_path`` and return its layer.

    None if no text is left. With ``above``, the layer rests centred just above that one.
    """
    overlay = overlay or scene.overlay
    if overlay is None:
        return None
    style = role_style(spec, overlay, min(plan.width, plan.height))  # same px in every format
    serif = spec.brand.font_style == "serif"
    chain = (
        style.face,
        *fonts.fallback_chain(bold=style.bold, serif=serif, language=spec.language),
    )
    raqm = fonts.raqm_available()
    words = overlay.text.upper() if style.upper else overlay.text
    words, dropped = text.clean(words, chain, keep_joiners=raqm)
    if dropped:
        log_event(
            "overlay_chars_dropped",
            "dropped characters no shipped font can draw (emoji, symbols)",
            stage=STAGE,
            generation_id=generation_id,
            scene=scene.index,
            dropped="".join(dropped),
        )
    if not words:
        return None
    pill = overlay.role == "cta"
    accent = (
        overlay.accent_color
        if "accent_color" in overlay.model_fields_set
        else spec.brand.accent_color
    )
    color = overlay.color if "color" in overlay.model_fields_set else spec.brand.text_color
    text_color = legibility.best_on(accent, color) if pill else color
    backing = accent if pill else treatment.contrasting(color)
    plate = plate_color(spec, text_color)
    area = text_area(plan)  # the format's safe area, inside the box every format shows
    tstyle = layout.TextStyle(chain, language=spec.language, raqm=raqm)
    band = _band_height(overlay.position, area)
    r = _render_masks(
        words,
        style,
        tstyle,
        area,
        band,
        text_color=text_color,
        backing=backing,
        plate=plate,
        pill=pill,
    )
    w, h = r.masks.fill.size
    x, y = _place(overlay.position, area, plan.width, w, h)
    if above is not None:
        y = max(area.top, above.y - h - round(CAPTION_GAP * plan.height))
    start, end = _timing(plan, scene, overlay, style.anim_s)
    slide = (
        min(round(0.04 * plan.height), plan.height - (y + h))
        if overlay.animation == "slide_up"
        else 0
    )

    backgrounds: list[np.ndarray] = []
    if clip is not None:
        horizon = max(0.0, min(end, clip.duration_s) - 0.05)
        times = np.linspace(min(start, horizon), horizon, PROBES_PER_LAYER)
        # A format cut from a wider canvas shows part of each clip's largest crop: measure on
        # that crop at this frame's scale, the text shifted to where the frame sits in it.
        z = formats.zoom(_format_of(plan), plan.formats) if len(plan.formats) > 1 else 1.0
        full = (round(plan.width / z), round(plan.height / z))
        dx, dy = (full[0] - plan.width) // 2, (full[1] - plan.height) // 2
        probes = [
            legibility.Probe(float(t), x + dx, y + dy + (slide if i == 0 else 0), w, h)
            for i, t in enumerate(times)
        ]
        backgrounds = legibility.sample_backgrounds(clip.path, probes, full)
    verdict = treatment.choose(r.masks, r.ring, backgrounds, pill=pill)

    info = PngImagePlugin.PngInfo()
    notes: dict[str, Any] = {
        "treatment": verdict.treatment.name,
        "contrast_before": "unseen" if verdict.before is None else f"{verdict.before:.2f}",
        "contrast_after": "unseen" if verdict.after is None else f"{verdict.after:.2f}",
        "fonts": ",".join(r.block.faces),
        "font_px": str(r.block.size),
        "text_color": text_color,
        "lines": str(len(r.block.lines)),
    }
    for key, value in notes.items():
        info.add_text(f"adstudio:{key}", value)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    Image.fromarray(verdict.layer, "RGBA").save(out_path, pnginfo=info, compress_level=3)
    log_event(
        "overlay_rendered",
        "overlay rendered",
        stage=STAGE,
        generation_id=generation_id,
        scene=scene.index,
        **notes,
    )
    return OverlayLayer(
        scene_index=scene.index,
        png_path=str(out_path),
        x=x,
        y=y,
        width=w,
        height=h,
        start_s=start,
        end_s=end,
        animation=overlay.animation,
        anim_s=style.anim_s,
        slide_px=max(0, slide),
        fade_out_s=0.25,
    )


def _caption_and_button(
    plan: ScenePlan,
    spec: AdSpecification,
    scene: Scene,
    clip: Clip | None,
    out: Path,
    caption: str,
    button: str,
    ctx: StageContext,
) -> list[OverlayLayer]:
    """The offer set as body text just above a one-line button, which follows it in."""
    cta = scene.overlay
    assert cta is not None
    pill = render_overlay(
        plan, spec, scene, clip, out, generation_id=ctx.generation_id,
        overlay=cta.model_copy(update={"text": button, "start_s": cta.start_s + CAPTION_DELAY_S}),
    )  # fmt: skip
    line = cta.model_copy(update={"text": caption, "role": "body"})
    above = render_overlay(
        plan, spec, scene, clip, out.with_name(f"{out.stem}_caption.png"),
        generation_id=ctx.generation_id, overlay=line, above=pill,
    )  # fmt: skip
    return [layer for layer in (above, pill) if layer is not None]


def run(
    plan: ScenePlan, spec: AdSpecification, clips: list[Clip], ctx: StageContext
) -> list[OverlayLayer]:
    """One :class:`OverlayLayer` per scene that has overlay text (see the module docstring)."""
    by_scene = {c.scene_index: c for c in clips}
    scenes = [s for s in plan.scenes if s.overlay is not None]
    layers: list[OverlayLayer] = []
    for i, scene in enumerate(scenes):
        ctx.check_cancelled()
        clip = by_scene.get(scene.index)
        if clip is None:
            log_event(
                "overlay_unseen",
                "no clip for this scene: text contrast cannot be measured, using a plate",
                level=logging.WARNING,
                stage=STAGE,
                generation_id=ctx.generation_id,
                scene=scene.index,
            )
        out = ctx.workdir / "overlays" / f"overlay_{scene.index:02d}.png"
        overlay = scene.overlay
        if overlay is None:  # filtered above; for the type checker
            continue
        caption, button = (
            text.split_offer(overlay.text, spec.ad.offer) if overlay.role == "cta" else (None, "")
        )
        if caption is None:
            layer = render_overlay(plan, spec, scene, clip, out, generation_id=ctx.generation_id)
            layers += [layer] if layer is not None else []
        else:
            layers += _caption_and_button(plan, spec, scene, clip, out, caption, button, ctx)
        ctx.report((i + 1) / len(scenes), f"Text for scene {scene.index + 1}")
    return layers


def _concat_files(concat: Path) -> list[Path]:
    """The distinct pictures an ffconcat list names, in order."""
    seen: dict[str, None] = {}
    for line in concat.read_text(encoding="utf-8").splitlines():
        if line.startswith("file "):
            seen.setdefault(line[5:].strip().strip("'").replace("'\\''", "'"), None)
    return [Path(name) for name in seen]


MARGIN = 8  # pixels kept around the words' box


def _even_span(lo: int, hi: int, limit: int) -> tuple[int, int]:
    return lo // 2 * 2, min(limit, -(-hi // 2) * 2)


def _bands(rows: list[tuple[int, int]], height: int) -> list[tuple[int, int]]:
    """Overlapping (top, bottom) row spans merged, even-aligned (yuv420 crops)."""
    merged: list[tuple[int, int]] = []
    for top, bottom in sorted(_even_span(t, b, height) for t, b in rows):
        if merged and top <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], bottom))
        else:
            merged.append((top, bottom))
    return merged


def tighten_captions(layer: CaptionLayer | None) -> CaptionLayer | None:
    """The caption layer cropped to where its words ever appear (None if they never do).

    Caption pictures span the whole safe area (928x1267 on 1080x1920) while the words sit
    in a band above or below the headline; ffmpeg blends every pixel of an overlay on every
    frame, so full-size pictures cost the export ~0.7 CPU-s and ~40 MB. The pictures are
    cropped in place to the columns any word covers and to one band of rows when all words
    share one; otherwise the layer names its bands and export blends only those.
    """
    if layer is None:
        return None
    files = _concat_files(Path(layer.concat_path))
    inks: list[tuple[int, int, int, int]] = []
    sizes = set()
    for path in files:
        with Image.open(path) as image:
            sizes.add(image.size)
            opaque = image.mode != "RGBA"
            ink = (0, 0, *image.size) if opaque else image.getchannel("A").getbbox()
        if ink is not None:  # a blank state covers nothing; a margin keeps the chroma
            x0, y0, x1, y1 = ink  # of the edges as it was (the converter looks 2-4 px around)
            inks.append((max(0, x0 - MARGIN), max(0, y0 - MARGIN), x1 + MARGIN, y1 + MARGIN))
    if not inks:
        return None
    if len(sizes) != 1:  # pictures of different sizes share no box: leave them as drawn
        return layer
    width, height = sizes.pop()
    left, right = _even_span(min(i[0] for i in inks), min(width, max(i[2] for i in inks)), width)
    bands = _bands([(i[1], min(height, i[3])) for i in inks], height)
    top, bottom = bands[0] if len(bands) == 1 else (0, height)
    if (left, top, right, bottom) != (0, 0, width, height):
        for path in files:
            with Image.open(path) as image:
                cropped = image.crop((left, top, right, bottom))
            cropped.save(path, optimize=False, compress_level=1)
    return layer.model_copy(
        update={"x": layer.x + left, "y": layer.y + top, "bands": bands if len(bands) > 1 else []}
    )

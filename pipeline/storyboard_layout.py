"""What the renderers would make of a storyboard: scene visuals, whether a headline fits."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pipeline.spec import AdSpecification, ScenePlan, SceneVisuals, TextOverlay

if TYPE_CHECKING:
    from pipeline.storyboard import SceneCard, Storyboard


def scene_visuals(spec: AdSpecification, plan: ScenePlan) -> list[SceneVisuals]:
    """What the local renderer would draw for each scene (template, objects, figure)."""
    from pipeline.providers.motion.scenes import design_scene
    from pipeline.stages.video_generation import clip_request

    out = []
    for index in range(len(plan.scenes)):
        # captions only move the picture's text band, never its template or objects
        d = design_scene(clip_request(spec, plan, index, captions=False))
        out.append(SceneVisuals(template=d.template, objects=[o.name for o in d.objects],
                                number=d.number[0], unit=d.number[1]))  # fmt: skip
    return out


def headline_fits(board: Storyboard, card: SceneCard) -> bool:
    """Whether ``card``'s headline fits its band of the safe zone at its role's smallest
    readable size and line limit, measured with the overlays' own layout code."""
    from pipeline.stages.overlays import _band_height
    from pipeline.typography import fonts, layout, treatment
    from pipeline.typography.roles import role_style, safe_area

    spec = board.spec
    if card.role not in ("headline", "body", "cta"):
        return True
    overlay = TextOverlay(text=card.headline[:120] or " ", position=card.position,  # type: ignore[arg-type]
                          role=card.role)  # type: ignore[arg-type]  # fmt: skip
    brand = spec.brand.model_copy(update={"font_style": board.font_style})
    spec = spec.model_copy(update={"brand": brand})
    style = role_style(spec, overlay, board.plan.width)
    lines = style.max_lines
    chain = (style.face, *fonts.fallback_chain(bold=style.bold, serif=board.font_style == "serif",
                                               language=spec.language))  # fmt: skip
    words = overlay.text.upper() if style.upper else overlay.text
    area = safe_area(board.plan.width, board.plan.height)
    pad_x, pad_y = treatment.pads(style.size, overlay.role == "cta")
    block = layout.fit(
        words, layout.TextStyle(chain, language=spec.language, raqm=fonts.raqm_available()),
        max_width=area.width * style.width_frac - 2 * pad_x,
        max_height=_band_height(card.position, area) - 2 * pad_y,
        size=style.size, min_size=style.min_size, max_lines=lines,
    )  # fmt: skip
    return block.size >= style.min_size and len(block.lines) <= lines

"""Where a scene leaves room for captions: the safe area minus the text the scene draws.

Two things write text on a frame: the overlays stage (the headline, set inside a band of the
safe area at the overlay's position; a call to action also puts its offer line above the
button) and, for clips drawn by the local motion renderer, the scene's template (kinetic
words, a number, a checklist... in the design's main free zone). Both are read from the
code that places them, not guessed. Captions go in the largest vertical span left.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.overlays import _band_height, _place
from pipeline.providers import ClipRequest
from pipeline.settings import Settings
from pipeline.spec import AdSpecification, Scene, ScenePlan
from pipeline.typography.roles import SafeArea, safe_area

#: Video providers whose scenes may be drawn by the motion templates (stock falls back to
#: them when no footage fits a scene).
TEMPLATE_PROVIDERS = ("local", "stock")


@dataclass(frozen=True)
class SceneRoom:
    """One scene's text spans and the free span for captions (frame pixels, top/bottom)."""

    scene_index: int
    taken: tuple[tuple[int, int], ...]
    free: tuple[int, int] | None  # None: the scene's text leaves no room in the safe area


def headline_span(scene: Scene, area: SafeArea, width: int, height: int) -> tuple[int, int] | None:
    """The rows the overlays stage may fill with the scene's text (its whole band)."""
    overlay = scene.overlay
    if overlay is None:
        return None
    band = _band_height(overlay.position, area)
    _, y = _place(overlay.position, area, width, 0, band)
    top, bottom = y, y + band
    if overlay.animation == "slide_up":  # it rises from this much lower
        bottom += round(0.04 * height)
    if overlay.role == "cta":  # the offer line rests above the button, at most a band tall
        top = max(area.top, top - band)
    return top, bottom


def template_span(
    spec: AdSpecification, plan: ScenePlan, scene: Scene
) -> tuple[tuple[int, int], ...]:
    """The template's headline panel and main zone (where it draws its words), as rows."""
    from pipeline.providers.motion.scenes import design_scene

    design = design_scene(
        ClipRequest(
            scene=scene, brand=spec.brand, ad=spec.ad, width=plan.width, height=plan.height,
            fps=plan.fps, seed=plan.seed, beats=tuple(s.scene_type for s in plan.scenes),
            lines=tuple(s.overlay.text if s.overlay else "" for s in plan.scenes),
            facts=spec.facts, assets=spec.assets,
        )
    )  # fmt: skip
    h = plan.height
    spans = [(round(design.zones()[0][0] * h), round(design.zones()[0][1] * h))]
    if design.band is not None:
        spans.append((round(design.band[0] * h), round(design.band[1] * h)))
    return tuple(spans)


def _largest_gap(area: SafeArea, taken: list[tuple[int, int]]) -> tuple[int, int] | None:
    edges = sorted(taken)
    best: tuple[int, int] | None = None
    cursor = area.top
    for top, bottom in [*edges, (area.bottom, area.bottom)]:
        gap = (cursor, min(top, area.bottom))
        if gap[1] - gap[0] > 0 and (best is None or gap[1] - gap[0] > best[1] - best[0]):
            best = gap
        cursor = max(cursor, bottom)
    return best


def rooms(spec: AdSpecification, plan: ScenePlan, settings: Settings | None) -> list[SceneRoom]:
    """Every scene's text spans and the largest span of the safe area they leave free."""
    area = safe_area(plan.width, plan.height)
    templated = settings is None or settings.video_provider in TEMPLATE_PROVIDERS
    out: list[SceneRoom] = []
    for scene in plan.scenes:
        taken: list[tuple[int, int]] = []
        head = headline_span(scene, area, plan.width, plan.height)
        if head is not None:
            taken.append(head)
        if templated:
            taken += template_span(spec, plan, scene)
        out.append(SceneRoom(scene.index, tuple(taken), _largest_gap(area, taken)))
    return out

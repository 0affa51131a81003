"""Stage: scene planning. AdSpecification -> ScenePlan (shots, timings, overlays, SFX).

Contract: ``run(spec, ctx) -> ScenePlan``; pure and deterministic (the seed is recorded for
the later stages, it does not change the plan). The plan follows the spec's framework:

- one scene per beat, in the framework's order (AIDA attention/interest/desire/action,
  PAS problem/agitate/solution/cta, BAB before/after/bridge/cta): 4 scenes for the usual
  12-20 s ads. Shorter ads merge two middle beats into one scene (3 scenes); longer ones
  split the framework's turning point into two shots (5 scenes).
- Durations follow beat weights (the solution or payoff gets the most time), stay within
  3-7 s, are whole frames at the plan's fps, and satisfy
  ``sum(d) - crossfade * (n - 1) == spec.ad.duration_s``.
- Visual prompts are written for text-to-video models: the beat's shot, then light and
  grade, the brand palette by colour name, camera, "vertical 9:16 framing", and no text.
- One text overlay per scene (the beat's copy), placed and animated so neighbours differ;
  the call to action sits low and slides up. A sound effect marks every cut.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from pipeline.colors import hex_luminance as luminance
from pipeline.context import StageContext
from pipeline.errors import StageError
from pipeline.providers.copywriting.lexicon import COLORS
from pipeline.spec import (
    CROSSFADE_S,
    FADE_S,
    FORMAT_SIZES,
    MAX_SCENE_S,
    MIN_SCENE_S,
    AdSpecification,
    BrandGuidelines,
    CopyBeat,
    Scene,
    ScenePlan,
    TextOverlay,
)

STAGE = "scene_planning"
FPS = 24

#: How much screen time each beat earns relative to the others.
BEAT_WEIGHT = {
    "attention": 1.0, "interest": 1.1, "desire": 1.1, "action": 0.9,
    "problem": 1.0, "agitate": 0.9, "solution": 1.3, "cta": 0.9,
    "before": 1.0, "after": 1.2, "bridge": 1.0,
}  # fmt: skip

#: (position, animation, role) per beat; the planner still keeps neighbours apart.
BEAT_LAYOUT = {
    "attention": ("center", "fade_in", "headline"),
    "interest": ("bottom", "slide_up", "body"),
    "desire": ("top", "fade_in", "headline"),
    "action": ("bottom", "slide_up", "cta"),
    "problem": ("top", "fade_in", "headline"),
    "agitate": ("center", "slide_up", "body"),
    "solution": ("bottom", "fade_in", "headline"),
    "cta": ("center", "slide_up", "cta"),
    "before": ("top", "fade_in", "headline"),
    "after": ("bottom", "slide_up", "headline"),
    "bridge": ("center", "fade_in", "headline"),
}

#: Beats where the ad turns (the reveal): they get the mood's "turn" sound and, in long
#: ads, a second shot.
TURN_BEATS = ("interest", "solution", "after")
#: Middle beats merged into one scene in short ads (first index of the pair).
MERGE_AT = {"AIDA": 1, "PAS": 0, "BAB": 1}

#: Transition sounds per mood: (ordinary cuts, the cut into the turn, the cut into the CTA).
MOOD_SFX = {
    "luxury": (("swoosh", "chime"), "shimmer", "chime"),
    "energetic": (("whoosh", "swoosh"), "riser", "impact"),
    "upbeat": (("swoosh", "pop"), "whoosh", "pop"),
    "calm": (("swoosh", "chime"), "shimmer", "chime"),
    "corporate": (("click", "swoosh"), "whoosh", "click"),
    "playful": (("pop", "swoosh"), "whoosh", "pop"),
}

GRADE_WORDS = {
    "warm": "warm amber colour grade, soft film grain",
    "cool": "cool blue-tinted colour grade, crisp and clean",
    "vibrant": "vivid saturated colour grade, punchy contrast",
    "muted": "muted pastel colour grade, soft diffused light",
    "noir": "low-key noir grade, deep shadows and rich blacks",
}
MOOD_CAMERA = {
    "luxury": "slow elegant camera moves",
    "energetic": "fast dynamic tracking camera",
    "upbeat": "lively handheld camera",
    "calm": "slow steady camera",
    "corporate": "smooth gimbal camera",
    "playful": "bouncy playful camera",
}


def scene_count(duration_s: float) -> int:
    """4 scenes for a 12-20 s ad, 3 below, 5 above."""
    if duration_s < 12.0:
        return 3
    if duration_s > 20.0:
        return 5
    return 4


def plan_durations(
    weights: list[float], target_s: float, crossfade_s: float = CROSSFADE_S, fps: int = FPS
) -> list[float]:
    """Scene lengths in whole frames, proportional to ``weights``, each within 3-7 s, whose
    crossfaded total is ``target_s`` (to the frame)."""
    n = len(weights)
    total_frames = round((target_s + crossfade_s * (n - 1)) * fps)
    lo, hi = round(MIN_SCENE_S * fps), round(MAX_SCENE_S * fps)
    if not lo * n <= total_frames <= hi * n:
        raise StageError(
            STAGE,
            f"A {target_s:g} s ad cannot be cut into {n} scenes of {MIN_SCENE_S:g}-"
            f"{MAX_SCENE_S:g} s. Set ADSTUDIO_TARGET_DURATION_S between 8 and 33 seconds.",
        )
    share = sum(weights)
    frames = [min(hi, max(lo, round(total_frames * w / share))) for w in weights]
    order = sorted(range(n), key=lambda i: (-weights[i], i))
    while sum(frames) != total_frames:
        step = 1 if sum(frames) < total_frames else -1
        movable = [i for i in order if lo <= frames[i] + step <= hi]
        frames[movable[0] if step > 0 else movable[-1]] += step
    return [f / fps for f in frames]


def color_name(code: str) -> str:
    """The nearest named colour, for prompts (video models do not read hex codes)."""
    r, g, b = (int(code[i : i + 2], 16) for i in (1, 3, 5))

    def distance(item: tuple[str, str]) -> int:
        c = item[1]
        return sum(
            (int(c[i : i + 2], 16) - v) ** 2 for i, v in zip((1, 3, 5), (r, g, b), strict=True)
        )

    return min(((k, v) for k, v in COLORS.items() if k != "golden"), key=distance)[0]


def _shots(spec: AdSpecification, n: int) -> list[tuple[CopyBeat, str, str]]:
    """(beat, overlay text, visual) per scene: the beats, merged or split to make ``n``."""
    beats = list(spec.beats)
    shots = [(b, b.headline, b.visual) for b in beats]
    if n < len(shots):
        i = MERGE_AT[spec.framework]
        first, second = shots[i], shots[i + 1]
        brand = spec.brand.brand_name
        keep = second if brand and brand in second[1] and brand not in first[1] else first
        visual = f"{first[2]}; then {second[2][0].lower()}{second[2][1:]}"
        shots[i : i + 2] = [(keep[0], keep[1], visual[:400])]
    if n > len(shots):
        i = next(k for k, (b, _, _) in enumerate(shots) if b.beat in TURN_BEATS)
        used = {t for _, t, _ in shots}
        extra = next((f"{b}." for b in spec.ad.key_benefits if f"{b}." not in used), None)
        text = extra or f"{spec.ad.key_benefits[0]}!"
        beat_visual = shots[i][2]
        if spec.language == "en":
            benefit = spec.ad.key_benefits[0].rstrip(".").lower()
            detail = f"Close-up insert of the {spec.ad.product} in use, showing {benefit}"
        else:  # the benefits are not in English; re-frame the beat's own shot
            detail = f"Tight macro insert from the same moment: {beat_visual}"
        shots.insert(i + 1, (shots[i][0], text, detail[:400]))
    return shots


def _shown_fact(text: str, spec: AdSpecification) -> str:
    """The prompt fact an overlay line states (a claim, the offer, a number), if any."""
    facts = spec.facts
    said = set(re.findall(r"\w+", text.lower()))
    candidates = [*facts.claims, facts.offer, facts.occasion, facts.scarcity]
    candidates += [q.text for q in facts.numbers]
    for fact in (c for c in candidates if c):
        words = {w for w in re.findall(r"\w+", fact.lower()) if len(w) > 2 or w.isdigit()}
        if words and len(words & said) * 2 >= len(words):
            return fact
    return ""


def _ascii(text: str) -> str:
    """``text`` for an English-prompted video model: accents folded, other scripts dropped
    (a Japanese claim keeps its numbers only)."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    folded = re.sub(r"\s+", " ", folded).strip(" ,.:;-")
    return folded if re.search(r"[A-Za-z]{3}", folded) else ""


def framing(formats: Sequence[str]) -> str:
    """The framing words for a video model: the canvas's shape and what every crop keeps."""
    if list(formats) == ["9:16"]:
        return "vertical 9:16 framing, subject centred with headroom for captions"
    w, h = max(FORMAT_SIZES[f][0] for f in formats), max(FORMAT_SIZES[f][1] for f in formats)
    shape = "square" if w == h else ("vertical" if h > w else "horizontal")
    return f"{shape} framing, subject centred and small enough to survive {'/'.join(formats)} crops"


def _visual_prompt(
    visual: str, spec: AdSpecification, text: str = "", formats: Sequence[str] = ("9:16",)
) -> str:
    """The shot, then what it must show: the product by name and the fact its line states."""
    brand = spec.brand
    palette = f"{color_name(brand.primary_color)} and {color_name(brand.accent_color)}"
    product = _ascii(spec.ad.product) or spec.ad.product_category
    subject = [] if product.lower() in visual.lower() else [f"The product: {product}"]
    fact = _ascii(_shown_fact(text, spec))
    parts = [
        visual.rstrip(". "),
        *subject,
        *([f"The shot shows {fact.rstrip('. ')}"] if fact else []),
        GRADE_WORDS[spec.ad.visual_style],
        f"{palette} colour palette",
        MOOD_CAMERA[spec.ad.mood],
        "cinematic commercial, shallow depth of field",
        framing(formats),
        "no on-screen text, no logos",
    ]
    return ". ".join(p[:1].upper() + p[1:] for p in parts)[:1000] + "."


def _positions(layouts: list[str]) -> list[str]:
    """Keep neighbouring overlays in different places (top/center/bottom)."""
    out: list[str] = []
    for pos in layouts:
        if out and pos == out[-1]:
            pos = next(p for p in ("top", "bottom", "center") if p != out[-1])
        out.append(pos)
    return out


def _sfx(spec: AdSpecification, scene_types: Sequence[str]) -> list[str | None]:
    plain, turn, closing = MOOD_SFX[spec.ad.mood]
    out: list[str | None] = []
    for k in range(len(scene_types) - 1):
        nxt = scene_types[k + 1]
        if k + 1 == len(scene_types) - 1:
            out.append(closing)
        elif nxt in TURN_BEATS and scene_types[k] != nxt:
            out.append(turn)
        else:
            out.append(plain[k % len(plain)])
        if k and out[k] == out[k - 1]:  # the same sound twice in a row sounds like a glitch
            out[k] = next(s for s in (*plain, turn, closing) if s != out[k - 1])
    out.append(None)
    return out


def run(
    spec: AdSpecification,
    ctx: StageContext,
    scenes: int | None = None,
    formats: Sequence[str] = ("9:16",),
) -> ScenePlan:
    """Plan the scenes of ``spec`` (``scenes`` forces 3, 4 or 5; default by duration) for
    ``formats`` (the first sets the plan's frame size)."""
    ctx.check_cancelled()
    formats = list(formats) or ["9:16"]
    n = scenes or scene_count(spec.ad.duration_s)
    if not 3 <= n <= 5:
        raise StageError(STAGE, f"A plan has 3 to 5 scenes, not {n}.")
    shots = _shots(spec, n)
    durations = plan_durations([BEAT_WEIGHT[b.beat] for b, _, _ in shots], spec.ad.duration_s)
    layouts = [BEAT_LAYOUT[b.beat] for b, _, _ in shots]
    positions = _positions([pos for pos, _, _ in layouts])
    positions[-1] = "center" if positions[-2] == "bottom" else "bottom"
    types = [b.beat for b, _, _ in shots]
    sfx = _sfx(spec, types)
    brand = spec.brand
    out = []
    for i, ((beat, text, visual), duration) in enumerate(zip(shots, durations, strict=True)):
        _, animation, role = layouts[i]
        if i > 0 and types[i] == types[i - 1]:
            role = "body"  # the second shot of a split beat carries a supporting line
        last = i == len(shots) - 1
        start = FADE_S if i == 0 else CROSSFADE_S + 0.1
        end = duration - (FADE_S + 0.05 if last else CROSSFADE_S)
        out.append(
            Scene(
                index=i,
                scene_type=beat.beat,
                duration_s=duration,
                visual_prompt=_visual_prompt(visual, spec, text, formats),
                overlay=TextOverlay(
                    text=text[:120],
                    position=positions[i],  # type: ignore[arg-type]
                    animation=animation,  # type: ignore[arg-type]
                    role=role,  # type: ignore[arg-type]
                    color=brand.text_color,
                    accent_color=brand.accent_color if role == "cta" else _plate(brand),
                    start_s=round(start, 3),
                    end_s=round(end, 3),
                ),
                transition_sfx=sfx[i],  # type: ignore[arg-type]
            )
        )
    return ScenePlan(
        framework=spec.framework,
        scenes=out,
        target_duration_s=spec.ad.duration_s,
        fps=FPS,
        seed=ctx.seed,
        width=FORMAT_SIZES[formats[0]][0],
        height=FORMAT_SIZES[formats[0]][1],
        formats=formats,  # type: ignore[arg-type]
    )


def _plate(brand: BrandGuidelines) -> str:
    """The colour behind body text: the brand primary, unless it matches the text."""
    primary, text = brand.primary_color, brand.text_color
    if abs(luminance(primary) - luminance(text)) < 0.3:
        return "#111111" if luminance(text) > 0.5 else "#FFFFFF"
    return primary

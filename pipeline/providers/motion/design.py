"""From a clip request to a design: motif, beat treatment, palette, layout, camera.

Everything here is plain data decided once per clip; the renderer turns it into pixels.
The product category (helped by the product name and the scene's visual prompt) picks the
motif; the scene type picks the treatment (a "problem" beat is dim and desaturated, a
"solution" beat bright, an "attention" beat punches in); the scene index and the seed vary
the layout so the scenes of one ad do not look alike.
"""

from __future__ import annotations

import math
import re
import zlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from pipeline.providers.motion import easing
from pipeline.providers.motion.palette import Palette, Treatment, build_palette

if TYPE_CHECKING:
    from pipeline.providers import ClipRequest

MOTIFS = ("watch", "sport", "food", "tech", "beauty", "flow")

# fmt: off
# Word-prefix patterns per motif; "flow" is the designed fallback when nothing matches.
_KEYWORDS: dict[str, tuple[str, ...]] = {
    "watch": (
        "watch", "clock", "chrono", "horolog", "timepiece", "jewel", "bracelet", "wristwatch",
    ),
    "sport": (
        "shoe", "sneaker", "sport", "running", "runner", "fitness", "gym", "athlet", "bike",
        "cycling", "motor", "auto", "car", "speed", "train", "workout", "footwear", "trainer",
    ),
    "food": (
        "coffee", "espresso", "latte", "tea", "food", "bake", "baking", "bread", "pastr",
        "croissant", "cake", "cupcake", "donut", "doughnut", "cookie", "bagel", "restaurant",
        "cafe", "café", "kitchen", "meal", "snack", "chocolate", "pizza", "burger", "cook",
        "beverage", "drink", "juice", "soda", "beer", "wine", "smoothie", "brew", "dessert",
        "grocer", "ice cream", "gelat", "frozen yogurt", "sorbet",
    ),
    "tech": (
        "tech", "saas", "software", "app", "ai", "cloud", "data", "digital", "electronic",
        "phone", "laptop", "computer", "gadget", "fintech", "bank", "crypto", "platform",
        "analytic", "startup", "gaming", "game", "headphone", "device", "automation", "crm",
    ),
    "beauty": (
        "beauty", "skin", "cosmetic", "makeup", "fragrance", "perfume", "spa", "wellness",
        "hair", "nail", "lotion", "serum", "soap", "candle", "cream", "lipstick", "glow",
    ),
}
# fmt: on
_PATTERNS = {
    motif: [re.compile(r"\b" + re.escape(k) + (r"\b" if len(k) <= 3 else "")) for k in words]
    for motif, words in _KEYWORDS.items()
}
_COLD = re.compile(r"\b(juice|soda|beer|sparkling|cold|iced|smoothie|water|lemonade|cola)")


def _named_by(words: str, whole: bool = False) -> list[str]:
    """The motifs a keyword of which is ``words`` (``whole``) or starts it."""
    return [
        motif
        for motif, patterns in _PATTERNS.items()
        if any((p.fullmatch if whole else p.match)(words) for p in patterns)
    ]


def choose_motif(category: str, product: str = "", visual_prompt: str = "") -> str:
    """The motif for the product's head noun if it names one ("fitness *app*" is a phone, not
    a shoe); otherwise the one whose keywords best match: category weighs most, then product,
    then visual."""
    words = product.lower().split()
    if words:
        # a two-word head first: "ice cream" is food, not a cream
        for head in (_named_by(" ".join(words[-2:]), whole=True), _named_by(words[-1])):
            if len(head) == 1:
                return head[0]
    scores = dict.fromkeys(_PATTERNS, 0.0)
    for text, weight in ((category, 4.0), (product, 2.0), (visual_prompt, 0.5)):
        low = text.lower()
        for motif, patterns in _PATTERNS.items():
            scores[motif] += weight * sum(1 for p in patterns if p.search(low))
    best = max(scores, key=lambda m: scores[m])
    return best if scores[best] > 0 else "flow"


@dataclass(frozen=True)
class Beat:
    """How a scene type looks and moves."""

    treatment: Treatment
    energy: float  # speed of everything
    camera: str  # punch_in, push_in, pull_out, pan, drift, shake, orbit, rise
    density: float  # how many particles and elements
    sweep: bool  # a light sweep crosses the frame
    burst: bool  # an accent burst at the start (attention) / pulse (cta)
    scale: float  # motif size


BEATS: dict[str, Beat] = {
    "attention": Beat(Treatment(1.1, 1.05, 0.0), 1.3, "punch_in", 1.1, False, True, 1.1),
    "interest": Beat(Treatment(1.0, 1.0, 0.0), 1.0, "pan", 1.0, False, False, 0.95),
    "desire": Beat(Treatment(1.1, 1.06, 0.25), 0.8, "orbit", 1.25, True, False, 1.05),
    "action": Beat(Treatment(1.15, 1.1, 0.0), 1.0, "push_in", 0.9, True, True, 0.9),
    "problem": Beat(Treatment(0.35, 0.72, -0.35), 0.6, "drift", 0.6, False, False, 1.0),
    "agitate": Beat(Treatment(0.5, 0.78, -0.25), 1.5, "shake", 0.9, False, False, 1.1),
    "solution": Beat(Treatment(1.2, 1.12, 0.1), 1.1, "pull_out", 1.15, True, False, 1.0),
    "before": Beat(Treatment(0.3, 0.68, -0.4), 0.5, "drift", 0.5, False, False, 1.0),
    "after": Beat(Treatment(1.2, 1.12, 0.15), 1.1, "pull_out", 1.2, True, False, 1.0),
    "bridge": Beat(Treatment(0.9, 0.95, 0.0), 1.0, "rise", 0.9, False, False, 0.95),
    "cta": Beat(Treatment(1.15, 1.1, 0.0), 0.9, "push_in", 0.8, True, True, 0.85),
}
_MOOD_ENERGY = {
    "calm": 0.6, "luxury": 0.7, "corporate": 0.85, "upbeat": 1.15, "energetic": 1.4,
    "playful": 1.2,
}  # fmt: skip
# Where an overlay of each position sits (fractions of the height) and the motif anchors
# that keep the motif's busiest part out of it.
TEXT_BANDS = {"top": (0.06, 0.30), "center": (0.37, 0.63), "bottom": (0.68, 0.93)}
_ANCHOR_Y = {"top": (0.58, 0.64), "center": (0.27, 0.72), "bottom": (0.40, 0.36), None: (0.45, 0.5)}


@dataclass(frozen=True)
class ClipDesign:
    """Every decision about one clip, made before the first pixel."""

    motif: str
    scene_type: str
    index: int
    beat: Beat
    energy: float
    palette: Palette
    anchor: tuple[float, float]  # motif centre as fractions of width, height
    text_band: tuple[float, float] | None  # calm zone (fractions of height)
    mirror: bool  # flips directional motifs
    gradient_angle: float  # radians from vertical
    variant: int
    seed_words: tuple[int, ...]
    duration_s: float
    extras: frozenset[str] = field(default_factory=frozenset)
    mood: str = "calm"
    cold: bool = False

    @property
    def product_shape(self) -> int:
        """0-2, the same for every scene of one ad: the product keeps its shape across cuts."""
        return (self.seed_words[0] + self.seed_words[2]) % 3

    def rng(self, salt: int = 0) -> np.random.Generator:
        """A generator determined by the seed, scene and ``salt`` (one per layer)."""
        return np.random.default_rng([*self.seed_words, salt])


_EXTRAS = {
    "sweep": re.compile(r"\b(sweep|shine|gleam|sheen|reflect|glint)"),
    "sparkle": re.compile(r"\b(sparkl|glitter|shimmer|twinkl|star)"),
    "steam": re.compile(r"\b(steam|smok|vapou?r|mist|aroma)"),
    "bokeh": re.compile(r"\b(bokeh|city|night|lights|neon)"),
}


def design_clip(request: ClipRequest) -> ClipDesign:
    """Decide motif, treatment, palette and layout for ``request`` (deterministic)."""
    scene, ad, brand = request.scene, request.ad, request.brand
    motif = choose_motif(ad.product_category, ad.product, scene.visual_prompt)
    beat = BEATS.get(scene.scene_type, BEATS["interest"])
    words = (request.seed % (2**32), scene.index, zlib.crc32(motif.encode()))
    rng = np.random.default_rng([*words, 7])
    position = scene.overlay.position if scene.overlay is not None else None
    ay_options = _ANCHOR_Y[position]
    ay = ay_options[(scene.index + int(rng.integers(2))) % 2]
    centred = scene.scene_type in ("attention", "desire", "cta", "action", "solution", "after")
    side = 0.5 if centred else (0.36 if (scene.index + int(rng.integers(2))) % 2 else 0.64)
    ax = side + float(rng.uniform(-0.04, 0.04))
    palette = build_palette(
        brand.primary_color,
        brand.secondary_color,
        brand.accent_color,
        brand.text_color,
        mood=ad.mood,
        visual_style=ad.visual_style,
        treatment=beat.treatment,
    )
    visual = scene.visual_prompt.lower()
    extras = frozenset(name for name, pat in _EXTRAS.items() if pat.search(visual))
    cold = bool(_COLD.search(f"{ad.product_category} {ad.product} {visual}".lower()))
    return ClipDesign(
        motif=motif,
        scene_type=scene.scene_type,
        index=scene.index,
        beat=beat,
        energy=beat.energy * _MOOD_ENERGY.get(ad.mood, 1.0),
        palette=palette,
        anchor=(ax, ay),
        text_band=TEXT_BANDS[position] if position else None,
        mirror=bool((scene.index + int(rng.integers(2))) % 2),
        gradient_angle=float(rng.uniform(-0.45, 0.45)),
        variant=(scene.index + int(rng.integers(3))) % 3,
        seed_words=words,
        duration_s=scene.duration_s,
        extras=extras,
        mood=ad.mood,
        cold=cold,
    )


@dataclass(frozen=True)
class Camera:
    """A virtual camera: zoom, pan and roll about the frame centre, with parallax by depth.

    ``depth`` 0 is infinitely far (does not move), 1 the motif plane, >1 the foreground.
    """

    zoom: float
    pan_x: float
    pan_y: float
    roll: float
    cx: float
    cy: float

    def at(self, x: float, y: float, depth: float = 1.0) -> tuple[float, float]:
        """Screen position of a point placed at (x, y) on the plane at ``depth``."""
        z = self.zoom**depth
        dx, dy = (x - self.cx) * z, (y - self.cy) * z
        if self.roll != 0.0:
            c, s = math.cos(self.roll * depth), math.sin(self.roll * depth)
            dx, dy = dx * c - dy * s, dx * s + dy * c
        return self.cx + dx + self.pan_x * depth, self.cy + dy + self.pan_y * depth

    def size(self, depth: float = 1.0) -> float:
        """How much a length on the plane at ``depth`` is magnified."""
        return float(self.zoom**depth)


def camera_at(design: ClipDesign, t: float, width: int, height: int) -> Camera:
    """The camera at ``t`` seconds for the design's move."""
    u = easing.clamp01(t / design.duration_s)
    kind = design.beat.camera
    k = width / 540.0
    sign = -1.0 if design.mirror else 1.0
    zoom, px, py, roll = 1.0, 0.0, 0.0, 0.0
    if kind == "punch_in":
        zoom = (
            1.0 + 0.22 * (1.0 - easing.ease_out_expo(u / 0.45)) + 0.05 * easing.ease_in_out_sine(u)
        )
    elif kind == "push_in":
        zoom = 1.0 + 0.12 * easing.ease_in_out_sine(u)
    elif kind == "pull_out":
        zoom = 1.16 - 0.16 * easing.ease_out_cubic(u)
        py = -14 * k * easing.ease_in_out_sine(u)
    elif kind == "pan":
        px = sign * 46 * k * (easing.ease_in_out_sine(u) - 0.5) * 2
        zoom = 1.04
    elif kind == "rise":
        py = 40 * k * (0.5 - easing.ease_in_out_sine(u))
        zoom = 1.03 + 0.03 * u
    elif kind == "orbit":
        zoom = 1.03 + 0.08 * easing.ease_in_out_sine(u)
        roll = sign * math.radians(2.2) * (easing.ease_in_out_sine(u) - 0.5)
    elif kind == "drift":
        px = sign * 10 * k * math.sin(0.9 * t)
        py = 6 * k * math.sin(0.6 * t + 1.0)
        zoom = 1.02 + 0.02 * u
    elif kind == "shake":
        zoom = 1.05 + 0.04 * u
        px = k * (3.2 * math.sin(13.1 * t) + 2.1 * math.sin(7.3 * t + 1.0))
        py = k * (2.6 * math.sin(11.7 * t + 2.0) + 1.8 * math.sin(5.1 * t))
        roll = math.radians(0.5) * math.sin(4.3 * t)
    return Camera(zoom, px, py, roll, width / 2.0, height / 2.0)

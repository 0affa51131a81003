"""How each overlay role is set, and where on the frame text may go.

``role_style`` picks face, weight, size, case and motion for a headline, body line or call
to action from the brand's ``font_style`` and the ad's mood; ``safe_area`` is the part of a
frame clear of platform UI, per format (9:16: top 14 %, bottom 20 %, 7 % side margins);
``plate_color`` chooses a brand colour for a backing plate. Used by the overlays stage and
the MoviePy reference benchmark, so both set text the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline import formats
from pipeline.spec import FORMAT_SIZES, AdSpecification, ScenePlan, TextOverlay
from pipeline.typography import fonts, legibility, treatment
from pipeline.typography.fonts import Face

SAFE_TOP = 0.14
SAFE_BOTTOM = 0.20
SAFE_SIDE = 0.07
#: (top, bottom, side) margins per frame shape (width / height): full-screen vertical video
#: carries the app's buttons and caption; feed posts (4:5, 1:1) a thin header and footer;
#: landscape players (16:9) their controls along the bottom.
SAFE_MARGINS: dict[float, tuple[float, float, float]] = {
    9 / 16: (SAFE_TOP, SAFE_BOTTOM, SAFE_SIDE),
    4 / 5: (0.06, 0.10, 0.06),
    1.0: (0.06, 0.10, 0.06),
    16 / 9: (0.08, 0.14, 0.05),
}


@dataclass(frozen=True)
class SafeArea:
    """The part of the frame clear of platform UI, in pixels (right/bottom exclusive)."""

    left: int
    top: int
    right: int
    bottom: int

    @property
    def width(self) -> int:
        return self.right - self.left

    @property
    def height(self) -> int:
        return self.bottom - self.top


def margins(width: int, height: int) -> tuple[float, float, float]:
    """(top, bottom, side) margins of the format nearest ``width`` x ``height`` in shape."""
    ratio = width / height
    return SAFE_MARGINS[min(SAFE_MARGINS, key=lambda r: abs(r - ratio))]


def safe_area(width: int, height: int) -> SafeArea:
    """The safe area of a ``width`` x ``height`` frame (its format's margins)."""
    top, bottom, side_frac = margins(width, height)
    side = round(width * side_frac)
    return SafeArea(side, round(height * top), width - side, round(height * (1 - bottom)))


def text_area(plan: ScenePlan) -> SafeArea:
    """Where text goes on ``plan``'s frame (one of its formats): inside the format's safe area
    and inside the box every format of the ad shows (:func:`pipeline.formats.text_box`), with
    that box's own margins, so a line sits in the same place of the picture in every format."""
    area = safe_area(plan.width, plan.height)
    name = next((f for f in plan.formats if FORMAT_SIZES[f] == (plan.width, plan.height)), None)
    if name is None or len(plan.formats) == 1:
        return area
    box = formats.text_box(name, plan.formats)
    top, bottom, _ = margins(round(box.w), round(box.h))
    return SafeArea(
        area.left,
        max(area.top, round(box.y + box.h * top)),
        area.right,
        min(area.bottom, round(box.y + box.h * (1 - bottom))),
    )


@dataclass(frozen=True)
class RoleStyle:
    """How one overlay is set: face, nominal size at this frame, limits, case, motion."""

    face: Face
    bold: bool
    size: int
    min_size: int
    max_lines: int
    width_frac: float  # of the safe area's width
    upper: bool
    anim_s: float
    one_line: bool = False  # shrink a little before wrapping (a button reads as one line)


# role -> (nominal px on a 1080-wide frame, most lines, share of the safe width, anim s).
# Sized for a phone held at arm's length: body and CTA capitals ~52 px tall on a 1080-wide
# frame (a 58 px body read as ~30 px lowercase, too small to read in a feed).
_ROLES = {
    "headline": (104, 5, 1.0, 0.5),
    "body": (72, 6, 0.92, 0.45),
    "cta": (78, 3, 0.94, 0.4),
}
# Smallest share of the nominal size a role may shrink to before long words are cut.
_MIN_SHARE = {"headline": 0.6, "body": 0.85, "cta": 0.8}


def role_style(spec: AdSpecification, overlay: TextOverlay, frame_width: int) -> RoleStyle:
    """The face, weight, size and case for ``overlay`` given the brand and the mood."""
    font_style, mood = spec.brand.font_style, spec.ad.mood
    base, max_lines, width_frac, anim_s = _ROLES[overlay.role]
    regular, bold_key = fonts.FAMILIES[font_style]
    bold = overlay.role == "cta" or (overlay.role == "headline" and mood not in ("luxury", "calm"))
    key = bold_key if bold else regular
    if overlay.role == "headline" and font_style == "sans" and mood == "energetic":
        key = "spartan_bold"  # a heavier geometric display face for high-energy sans brands
    scale = frame_width / 1080
    if mood == "energetic" and overlay.role == "headline":
        scale *= 1.06
    elif mood == "luxury" and overlay.role == "headline":
        scale *= 0.92  # restraint reads as premium; smaller text would stop being legible
    upper = font_style == "condensed" or (
        overlay.role != "body" and mood in ("luxury", "energetic")
    )
    size = round(base * scale)
    return RoleStyle(
        face=fonts.face(key),
        bold=bold,
        size=size,
        min_size=round(size * _MIN_SHARE[overlay.role]),
        max_lines=max_lines,
        width_frac=width_frac,
        upper=upper,
        anim_s=anim_s,
        one_line=overlay.role == "cta",
    )


def plate_color(spec: AdSpecification, text_color: str) -> str:
    """A brand colour to set the text on when a plate is needed, else black or white.

    The brand's primary, then secondary colour is used if the text reads on it at 7:1
    (WCAG AAA), so a plate looks like part of the brand rather than a subtitle box.
    """
    for color in (spec.brand.primary_color, spec.brand.secondary_color):
        if legibility.color_contrast(color, text_color) >= 7.0:
            return color
    return treatment.contrasting(text_color)

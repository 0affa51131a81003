"""Contracts that cross stage boundaries: plain, validated, JSON-serializable data.

Flow: prompt -> :class:`AdSpecification` (LLM enhancement) -> :class:`ScenePlan` (scene
planning) -> clips -> render plan -> MP4. Every model here is stored on the generation row
so a render can be inspected and reproduced.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

Framework = Literal["AIDA", "PAS", "BAB"]
Mood = Literal["luxury", "upbeat", "calm", "energetic", "corporate", "playful"]
GradeStyle = Literal["warm", "cool", "vibrant", "muted", "noir"]
FontStyle = Literal["serif", "sans", "condensed", "rounded"]
Platform = Literal["instagram", "tiktok", "youtube_shorts", "facebook", "linkedin", "youtube"]
#: The frame shapes an ad can be delivered in (width:height).
FormatName = Literal["9:16", "4:5", "1:1", "16:9"]
Position = Literal["top", "center", "bottom"]
Animation = Literal["fade_in", "slide_up"]
SceneType = Literal[
    "attention",
    "interest",
    "desire",
    "action",
    "problem",
    "agitate",
    "solution",
    "before",
    "after",
    "bridge",
    "cta",
]

MOODS: tuple[str, ...] = ("luxury", "upbeat", "calm", "energetic", "corporate", "playful")
GRADE_STYLES: tuple[str, ...] = ("warm", "cool", "vibrant", "muted", "noir")

#: Transition sound effects the audio library ships (assets/sfx/<name>.*).
SfxName = Literal["whoosh", "swoosh", "riser", "impact", "chime", "pop", "shimmer", "click"]
SFX_NAMES: tuple[str, ...] = (
    "whoosh", "swoosh", "riser", "impact", "chime", "pop", "shimmer", "click",
)  # fmt: skip

#: The beats of each framework, in order. Every plan ends on a call to action.
FRAMEWORK_BEATS: dict[str, tuple[str, ...]] = {
    "AIDA": ("attention", "interest", "desire", "action"),
    "PAS": ("problem", "agitate", "solution", "cta"),
    "BAB": ("before", "after", "bridge", "cta"),
}

#: Output size of each format, in the order the UI lists them.
FORMAT_SIZES: dict[str, tuple[int, int]] = {
    "9:16": (1080, 1920),
    "4:5": (1080, 1350),
    "1:1": (1080, 1080),
    "16:9": (1920, 1080),
}
#: The formats a platform's placements take, first the one it shows most.
PLATFORM_FORMATS: dict[str, tuple[str, ...]] = {
    "instagram": ("9:16",),
    "tiktok": ("9:16",),
    "youtube_shorts": ("9:16",),
    "facebook": ("4:5", "1:1"),
    "linkedin": ("1:1", "16:9"),
    "youtube": ("16:9",),
}
#: The lengths an ad can be made in, seconds.
DURATIONS: tuple[float, ...] = (15.0, 30.0)

CROSSFADE_S = 0.5
FADE_S = 0.3
MIN_SCENE_S = 3.0
MAX_SCENE_S = 7.0

_HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")


def _hex_color(value: str) -> str:
    if not _HEX.match(value):
        raise ValueError(f"{value!r} is not a hex color like #1A2B3C")
    return value.upper()


HexColor = Annotated[str, AfterValidator(_hex_color)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class BrandGuidelines(_Model):
    """The brand as the ad presents it. ``brand_name`` may be empty when none was given."""

    brand_name: str = Field(default="", max_length=60)
    primary_color: HexColor
    secondary_color: HexColor
    accent_color: HexColor
    text_color: HexColor = "#FFFFFF"
    font_style: FontStyle = "sans"
    tone: str = Field(min_length=1, max_length=120)


class CopyBeat(_Model):
    """The words and picture for one beat of the framework, written by the LLM."""

    beat: SceneType
    headline: str = Field(min_length=1, max_length=90)
    visual: str = Field(min_length=1, max_length=400)


class AdSpec(_Model):
    """The creative brief: what is advertised, to whom, how it should feel."""

    product: str = Field(min_length=1, max_length=120)
    product_category: str = Field(min_length=1, max_length=60)
    target_audience: str = Field(min_length=1, max_length=160)
    platform: Platform = "instagram"
    mood: Mood
    visual_style: GradeStyle
    key_benefits: list[str] = Field(min_length=1, max_length=5)
    offer: str | None = Field(default=None, max_length=80)
    call_to_action: str = Field(min_length=1, max_length=40)
    duration_s: float = Field(default=15.0, ge=6.0, le=60.0)


class Quantity(_Model):
    """A number the prompt states, with its unit as written ("15 Sekunden", "70%")."""

    text: str = Field(min_length=1, max_length=40)
    value: str = Field(min_length=1, max_length=20)
    unit: str = Field(default="", max_length=30)


class PromptFacts(_Model):
    """What a careful reader takes from the prompt, each fact as the prompt words it.

    Empty fields mean the prompt does not say. The copy is written from these first.
    """

    brand: str = Field(default="", max_length=60)
    product: str = Field(default="", max_length=120)
    audience: str = Field(default="", max_length=160)
    place: str = Field(default="", max_length=80)
    occasion: str = Field(default="", max_length=80)
    claims: list[str] = Field(default_factory=list, max_length=8)
    numbers: list[Quantity] = Field(default_factory=list, max_length=12)
    offer: str = Field(default="", max_length=80)
    deadline: str = Field(default="", max_length=60)
    scarcity: str = Field(default="", max_length=60)
    pain: str = Field(default="", max_length=120)
    colors: list[str] = Field(default_factory=list, max_length=6)
    tone_words: list[str] = Field(default_factory=list, max_length=6)
    call_to_action: str = Field(default="", max_length=40)
    urls: list[str] = Field(default_factory=list, max_length=4)

    def rows(self) -> list[tuple[str, str]]:
        """(label, value) for every fact the prompt states, in reading order, for display."""
        values = [
            ("Brand", self.brand),
            ("Product", self.product),
            ("Audience", self.audience),
            ("Place", self.place),
            ("Occasion", self.occasion),
            ("Claims", "; ".join(self.claims)),
            ("Numbers", "; ".join(q.text for q in self.numbers)),
            ("Offer", self.offer),
            ("Deadline", self.deadline),
            ("Scarcity", self.scarcity),
            ("Pain point", self.pain),
            ("Colours", ", ".join(self.colors)),
            ("Tone words", ", ".join(self.tone_words)),
            ("Call to action", self.call_to_action),
            ("Links", ", ".join(self.urls)),
        ]
        return [(label, value) for label, value in values if value]

    def count(self) -> int:
        """How many distinct facts the copy can show: claims, offer, deadline, scarcity,
        pain, occasion, and the numbers none of those already states."""
        singles = [s for s in (self.offer, self.deadline, self.scarcity, self.occasion) if s]
        said = " ".join([*self.claims, *singles, self.pain])
        loose = [q for q in self.numbers if q.value not in said]
        pain = 1 if self.pain and self.pain not in self.claims else 0
        return len(self.claims) + len(singles) + len(loose) + pain


class BrandAssets(_Model):
    """The user's brand kit as a generation uses it: files already checked and stored.

    ``logo`` and ``photos`` are absolute paths (a PNG, JPEGs); ``colors`` replace the brand's
    when the prompt names none. Set by the orchestrator from the kit the ad was started with.
    """

    kit_name: str = Field(default="", max_length=60)
    logo: str | None = None
    photos: list[str] = Field(default_factory=list, max_length=5)
    colors: list[HexColor] = Field(default_factory=list, max_length=3)
    font_style: FontStyle | None = None


class AdSpecification(_Model):
    """Output of LLM enhancement: the brief, the brand, the framework and the copy."""

    prompt: str
    language: str = Field(default="en", min_length=2, max_length=8)
    framework: Framework
    framework_reason: str = Field(min_length=1, max_length=300)
    brand: BrandGuidelines
    ad: AdSpec
    beats: list[CopyBeat] = Field(min_length=3, max_length=5)
    facts: PromptFacts = Field(default_factory=PromptFacts)
    assets: BrandAssets | None = None  # the user's logo and photos (brand kit), if any

    @model_validator(mode="after")
    def _beats_follow_framework(self) -> AdSpecification:
        expected = FRAMEWORK_BEATS[self.framework]
        got = tuple(b.beat for b in self.beats)
        if got != expected:
            raise ValueError(f"beats {got} do not follow the {self.framework} order {expected}")
        return self


class TextOverlay(_Model):
    """One line (or short block) of text drawn over a scene."""

    text: str = Field(min_length=1, max_length=120)
    position: Position = "center"
    animation: Animation = "fade_in"
    role: Literal["headline", "body", "cta"] = "headline"
    color: HexColor = "#FFFFFF"
    accent_color: HexColor = "#000000"
    start_s: float = Field(default=0.3, ge=0.0)
    end_s: float | None = None  # default: end of the scene


class SceneVisuals(_Model):
    """What a storyboard pins for a scene's picture: the template, its objects (icon names)
    and the figure a big-number template shows. Pinned, a headline edit keeps the clip."""

    template: str = Field(min_length=1, max_length=40)
    objects: list[str] = Field(default_factory=list, max_length=4)
    number: str = Field(default="", max_length=20)
    unit: str = Field(default="", max_length=30)


class Scene(_Model):
    """One shot of the ad."""

    index: int = Field(ge=0)
    scene_type: SceneType
    duration_s: float = Field(ge=MIN_SCENE_S, le=MAX_SCENE_S)
    visual_prompt: str = Field(min_length=1, max_length=1000)
    overlay: TextOverlay | None = None
    transition_sfx: SfxName | None = None  # sound effect name at the cut into the next scene
    visuals: SceneVisuals | None = None  # pinned by a storyboard (None: the renderer decides)
    voice_line: str | None = None  # the spoken line a storyboard chose (None: written for it)


def _first_format() -> list[FormatName]:
    return ["9:16"]


class ScenePlan(_Model):
    """Output of scene planning: 3-5 scenes whose crossfaded length is the target."""

    framework: Framework
    scenes: list[Scene] = Field(min_length=3, max_length=5)
    target_duration_s: float = 15.0
    crossfade_s: float = CROSSFADE_S
    fade_s: float = FADE_S
    width: int = 1080  # the first format's frame
    height: int = 1920
    fps: int = 24
    seed: int = 0
    #: Every format the ad is delivered in, the first one first (its size is width x height).
    formats: list[FormatName] = Field(default_factory=_first_format, min_length=1, max_length=4)

    @property
    def canvas_size(self) -> tuple[int, int]:
        """The frame every format's picture is cut from: the widest and the tallest of them."""
        sizes = [FORMAT_SIZES[f] for f in self.formats]
        return max(w for w, _ in sizes), max(h for _, h in sizes)

    def for_format(self, name: str) -> ScenePlan:
        """This plan at format ``name``'s frame size (overlays and the timeline per format)."""
        width, height = FORMAT_SIZES[name]
        return self.model_copy(update={"width": width, "height": height})

    music: str | None = None  # a music track's title chosen in a storyboard (None: the seed's)

    @property
    def total_duration_s(self) -> float:
        """Length of the finished video: clips minus the overlap of each crossfade."""
        return final_duration([s.duration_s for s in self.scenes], self.crossfade_s)

    @model_validator(mode="after")
    def _check_timing(self) -> ScenePlan:
        if len(set(self.formats)) != len(self.formats):
            raise ValueError(f"formats {self.formats} repeat a format")
        if [s.index for s in self.scenes] != list(range(len(self.scenes))):
            raise ValueError("scene indexes must be 0, 1, 2, ... in order")
        if abs(self.total_duration_s - self.target_duration_s) > 0.1:
            raise ValueError(
                f"scenes last {self.total_duration_s:.2f} s after crossfades, "
                f"expected {self.target_duration_s:.2f} s"
            )
        return self


def final_duration(durations: list[float], crossfade_s: float = CROSSFADE_S) -> float:
    """n clips joined by (n-1) crossfades last ``sum(d) - crossfade * (n - 1)``."""
    return sum(durations) - crossfade_s * max(0, len(durations) - 1)


class Clip(_Model):
    """A generated clip for one scene."""

    scene_index: int
    path: str
    duration_s: float
    provider: str
    model: str = ""
    cost: float = 0.0
    predict_time_s: float | None = None
    width: int | None = None  # as probed when the clip arrived
    height: int | None = None
    # what the provider chose and why: template, objects (name, set, licence), footage credit
    details: dict[str, Any] = Field(default_factory=dict)
    #: Hash of everything that decides this clip's pixels (pipeline.clip_cache): a re-render
    #: whose scene has the same key copies this clip instead of drawing it again.
    key: str = ""
    reused: bool = False  # copied from an earlier version of the ad


class CostEntry(_Model):
    """One line of the cost ledger."""

    stage: str
    provider: str
    amount: float = Field(ge=0.0)
    detail: str = ""

"""From a clip request to a scene design: template, objects, colours, zones, words.

Everything here is plain data decided once per clip. Templates are assigned over the whole
plan (``ClipRequest.beats``) so no two scenes of one ad share one; objects come from the
keyword chooser (:mod:`vocabulary`); colours from :mod:`look`.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from pipeline.providers.motion import palettes
from pipeline.providers.motion.factplan import (
    LineFacts,
    occasion_keyword,
    read_line,
    says,
    short_offer,
)
from pipeline.providers.motion.look import Look, build_look
from pipeline.providers.motion.vocabulary import Chosen, choose_objects
from pipeline.typography.roles import safe_area

if TYPE_CHECKING:
    from pipeline.providers import ClipRequest
    from pipeline.spec import PromptFacts

TEMPLATES = ("hero", "kinetic", "number", "checklist", "split", "offer", "quote", "end")
# scene type -> templates that suit it, best first
PREFERENCES: dict[str, tuple[str, ...]] = {
    "attention": ("hero", "kinetic", "number"),
    "interest": ("checklist", "kinetic", "number", "split"),
    "desire": ("hero", "quote", "checklist"),
    "action": ("offer", "end"),
    "cta": ("end", "offer"),
    "problem": ("split", "kinetic", "number"),
    "agitate": ("number", "kinetic", "split"),
    "solution": ("hero", "checklist", "split"),
    "before": ("split", "kinetic"),
    "after": ("hero", "checklist", "quote"),
    "bridge": ("kinetic", "checklist", "split"),
}
# Where an overlay of each position sits (fractions of the height), as the overlays stage
# places it; templates keep moving things out of it.
TEXT_BANDS = {"top": (0.12, 0.34), "center": (0.35, 0.65), "bottom": (0.62, 0.82)}
CAPTION_H = 0.11  # the word-synced captions' plate at two lines, share of the frame height


def caption_band(position: str | None, width: int, height: int) -> tuple[float, float]:
    """Where the captions stage puts its plate (fractions of the height): at the top of the
    safe area under a bottom headline, at its bottom otherwise (see pipeline.voice.captions)."""
    area = safe_area(width, height)
    if position == "bottom":
        return area.top / height, area.top / height + CAPTION_H
    return area.bottom / height - CAPTION_H, area.bottom / height


_NUMBER = re.compile(
    r"(\d+(?:[.,]\d+)?\s?(?:%|x\b|×|k\b|\+)?)\s*"
    r"(days?|hours?|hrs?|minutes?|mins?|weeks?|months?|years?|nights?|steps?|seconds?|"
    r"cups?|miles?|km|kg|times?|users?|customers?|reviews?|off)?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class SceneDesign:
    """Every decision about one clip, made before the first pixel."""

    template: str
    index: int
    scene_type: str
    look: Look
    objects: tuple[Chosen, ...]
    band: tuple[float, float] | None  # the overlay's text band (fractions of the height)
    duration_s: float
    energy: float
    font_style: str
    brand: str  # brand name (or product) for the end card
    words: tuple[str, ...]  # kinetic type
    number: tuple[str, str]  # value, unit
    claims: tuple[str, ...]
    offer: str
    variant: int
    seed_words: tuple[int, ...]
    photo: str = ""  # the brand kit's product photo this scene shows (photo templates)
    logo: str = ""  # the brand kit's logo (PNG) for the end card
    palette: tuple[str, ...] = ()  # the colours drawn (primary, secondary, accent)
    captions: tuple[float, float] | None = None  # where the caption plate shows (fractions)

    def rng(self, salt: int = 0) -> np.random.Generator:
        """A generator determined by the seed, scene and ``salt``."""
        return np.random.default_rng([*self.seed_words, salt])

    def zones(self) -> list[tuple[float, float]]:
        """Free vertical zones (fractions of the height) outside the text band, largest first."""
        if self.band is None:
            return [(0.12, 0.86)]
        lo, hi = self.band
        parts = [(0.07, lo - 0.02), (hi + 0.02, 0.90)]
        if self.captions is not None:  # the captions' plate is text too: nothing goes under it
            c0, c1 = self.captions
            parts = [q for a, b in parts for q in ((a, min(b, c0 - 0.03)), (max(a, c1 + 0.02), b))]
        parts = [p for p in parts if p[1] - p[0] > 0.08]
        return sorted(parts, key=lambda p: p[0] - p[1]) or [(0.12, 0.86)]

    def record(self) -> dict[str, object]:
        """What the clip record keeps: template and the objects with their set and licence."""
        record: dict[str, object] = {
            "template": self.template,
            "look": self.look.kind,
            "objects": [o.record() for o in self.objects],
        }
        if self.palette:
            record["palette"] = list(self.palette)
        if self.photo:
            record["photo"] = {"file": self.photo.rsplit("/", 1)[-1], "set": "brand kit"}
        if self.logo and self.template == "end_logo":
            record["logo"] = {"file": self.logo.rsplit("/", 1)[-1], "set": "brand kit"}
        return record


# what a director writes when it did not find the product: never drawn as a name
PLACEHOLDERS = frozenset({"", "product", "the product", "your product", "brand"})


def shown_name(brand_name: str, product: str, facts: PromptFacts | None, prompt: str) -> str:
    """The name the end card and kinetic type show: the brand, else the product, else the
    prompt's first clause ("保育園ひまわり") - never a placeholder like "product"."""
    for name in (brand_name, facts.brand if facts else "", product, facts.product if facts else ""):
        if name.strip() and name.strip().casefold() not in PLACEHOLDERS:
            return name.strip()
    first = re.split(r"[,.;:!?、。，：！？،]", prompt.strip(), maxsplit=1)[0].strip()
    return _short(first, 24) if first else product


def find_number(*texts: str) -> tuple[str, str]:
    """The first number worth a callout ("70%", ("3", "days")) in ``texts``, or ("", "")."""
    for text in texts:
        for m in _NUMBER.finditer(text or ""):
            value, unit = m.group(1).strip(), (m.group(2) or "").strip()
            if unit or not value.isdigit() or int(value) >= 2:
                return value, unit
    return "", ""


def shot(visual_prompt: str) -> str:
    """The first sentence of a visual prompt: what is shown (the rest is grade and camera)."""
    return re.split(r"(?<=[.!?])\s", visual_prompt.strip(), maxsplit=1)[0]


def assign_templates(
    beats: tuple[str, ...],
    *,
    has_number: bool,
    has_offer: bool,
    salt: int = 0,
    wants: tuple[str, ...] = (),
) -> list[str]:
    """One template per scene, none repeated; the last scene is the end card.

    ``wants`` holds, per scene, the template its line's facts ask for ("" for none): the
    first scene asking for one gets it; the rest follow the scene type's preferences.
    """
    n = len(beats)
    out = [""] * n
    if n > 1:
        out[-1] = "end"
    for i, want in enumerate(wants[: n - 1 if n > 1 else n]):
        if want and want not in out:
            out[i] = want
    used = {t for t in out if t}
    for i, beat in enumerate(beats):
        if out[i]:
            continue
        prefs = list(PREFERENCES.get(beat, ("kinetic", "hero", "checklist")))
        if not has_number:
            prefs = [p for p in prefs if p != "number"]
        if not has_offer:
            prefs = [p for p in prefs if p != "offer"]
        if 0 < i < n - 1 and len(prefs) > 1 and (salt >> i) & 1:
            prefs[0], prefs[1] = prefs[1], prefs[0]  # different products, different rhythm
        if i == n - 2 and has_offer and n >= 4:
            prefs = ["offer", *prefs]  # the deal before the call to action
        spare = [t for t in TEMPLATES if t not in ("number", "offer", "end")]
        choice = next((t for t in [*prefs, *spare] if t not in used), prefs[0] if prefs else "hero")
        used.add(choice)
        out[i] = choice
    return out


def _short(text: str, limit: int) -> str:
    words, out = text.split(), ""
    for w in words:
        if len(out) + len(w) + 1 > limit:
            break
        out = f"{out} {w}".strip()
    return out or text[:limit]


#: Whom a product is for starts here ("invoicing software *for* freelancers").
_FOR_WORDS = frozenset(re.findall(r"\S+", "for für pour para per voor dla för"))
#: Words that never end a line of kinetic type ("cerámica hecha *a*", "roast *of*").
_JOINERS = _FOR_WORDS | frozenset(
    re.findall(
        r"\S+",
        "with mit avec con com met med to à a al au de del della di da do du des der das die "
        "the of and und et e y i och en van von z w",
    )
)


def kinetic_words(product: str) -> tuple[str, ...]:
    """Up to three words of the product for kinetic type, one per line: what it is, not
    whom it is for ("Gebäudereinigung für Fitnessstudios" -> GEBÄUDEREINIGUNG, not a bar
    on FÜR), never ending on a joining word."""
    words = [w for w in re.split(r"\s+", product.strip()) if w]
    cut = next((i for i, w in enumerate(words) if i and w.casefold() in _FOR_WORDS), None)
    words = words[:cut][:3]
    while len(words) > 1 and words[-1].casefold() in _JOINERS:
        words.pop()
    return tuple(words)


def design_scene(request: ClipRequest) -> SceneDesign:
    """Decide template, objects, colours and words for ``request`` (deterministic)."""
    scene, ad, brand = request.scene, request.ad, request.brand
    beats = request.beats
    if not beats:  # a lone request: earlier scenes unknown, an end card still to come
        tail = () if scene.scene_type in ("cta", "action") else ("cta",)
        beats = ("attention",) * scene.index + (scene.scene_type,) + tail
    headline = scene.overlay.text if scene.overlay is not None else ""
    facts = request.facts
    offer = (facts.offer if facts is not None else "") or ad.offer or ""
    salt = zlib.crc32(f"{ad.product}|{ad.product_category}".lower().encode())
    if facts is not None and request.lines:
        # the prompt's facts decide: each line asks for the template of what it states
        read = [read_line(line, facts, offer) for line in request.lines]
        mine = read[scene.index] if scene.index < len(read) else LineFacts()
        number = mine.number
        offered = any(r.template == "offer" for r in read[:-1])
        templates = assign_templates(
            beats,
            has_number=False,
            has_offer=bool(offer) and not offered,
            salt=salt,
            wants=tuple(r.template for r in read),
        )
        claims = tuple(facts.claims) or tuple(ad.key_benefits)
    else:
        number = find_number(headline, *ad.key_benefits, ad.offer or "")
        templates = assign_templates(
            beats, has_number=bool(number[0]), has_offer=bool(ad.offer), salt=salt
        )
        claims = tuple(ad.key_benefits)
    template = templates[min(scene.index, len(templates) - 1)]
    if scene.index >= len(templates):
        template = [t for t in TEMPLATES if t not in ("number", "offer")][scene.index % 6]
    if scene.visuals is not None:  # a storyboard pinned the picture: its words do not move it
        template, number = scene.visuals.template, (scene.visuals.number, scene.visuals.unit)
    occasion = occasion_keyword(facts.occasion) if facts is not None and facts.occasion else ""
    photo, logo = "", ""
    if request.assets is not None:  # the user's brand kit: photos become scenes, logo ends
        from pipeline.providers.motion.photos import assign

        template, photo = assign(template, scene.index, len(beats), request.assets.photos, salt)
        logo = request.assets.logo or ""
        template = "end_logo" if logo and template == "end" else template
    ad_objects = choose_objects(
        product=ad.product,
        category=ad.product_category,
        claims=claims,
        audience=ad.target_audience,
        prompt=request.prompt,
        count=4,
        language=request.language,
    )
    scene_objects = choose_objects(
        product=ad.product,
        category=ad.product_category,
        claims=claims,
        occasion=occasion,
        audience=ad.target_audience,
        beat=scene.scene_type,
        headline=headline,
        visual=shot(scene.visual_prompt),
        prompt=request.prompt,
        count=4,
        language=request.language,
    )
    # the hero and its companions are the ad's; one object this scene's words add rotates in
    extra = [o for o in scene_objects if all(o.name != a.name for a in ad_objects)][:1]
    hero, rest = ad_objects[0], [*ad_objects[1:3], *extra]
    festive = [o for o in choose_objects(product="", occasion=occasion, count=2) if o.score > 0]
    if festive:
        # the occasion's own object (Christmas -> gift) is always in the picture; its objects
        # lead when nothing in the brief names an object of the product
        if hero.score == 0:
            hero, rest = festive[0], [*festive[1:], *(o for o in rest if o.score > 0)]
        elif hero.name != festive[0].name:
            rest = [festive[0], *(o for o in rest if o.name != festive[0].name)]
    rest = [o for i, o in enumerate(rest) if o.name not in {hero.name, *(r.name for r in rest[:i])}]
    shift = 0 if festive else scene.index % max(1, len(rest))
    objects = (hero, *rest[shift:], *rest[:shift])[:3]
    if scene.visuals is not None and scene.visuals.objects:
        objects = tuple(Chosen(name, 1.0, ()) for name in scene.visuals.objects[:3])
    text = brand.text_color
    if scene.overlay is not None and "color" in scene.overlay.model_fields_set:
        text = scene.overlay.color
    p, s, a = brand.primary_color, brand.secondary_color, brand.accent_color
    own = bool(request.assets is not None and len(request.assets.colors) >= 3)
    if facts is not None and not facts.colors and not own:
        # no colours from the prompt or a brand kit: the specification holds the mood's or
        # the category's default, which every such product shares; draw the family's
        # palette for this brand and kind of product instead
        p, s, a = palettes.pick(
            palettes.ad_key(brand.brand_name, ad.product, ad.product_category), ad.mood
        )
    look = build_look(
        p,
        s,
        a,
        text,
        mood=ad.mood,
        beat=scene.scene_type,
        index=scene.index,
    )
    band = TEXT_BANDS.get(scene.overlay.position) if scene.overlay is not None else None
    energy = {"calm": 0.7, "luxury": 0.75, "corporate": 0.9, "energetic": 1.3}.get(ad.mood, 1.1)
    named = [ad.product, facts.product if facts is not None else ""]
    product = next((n for n in named if n.strip().casefold() not in PLACEHOLDERS), "")
    product = product or shown_name(brand.brand_name, "", facts, request.prompt)
    words = kinetic_words(product)
    return SceneDesign(
        template=template,
        index=scene.index,
        scene_type=scene.scene_type,
        look=look,
        objects=objects,
        band=band,
        duration_s=scene.duration_s,
        energy=energy,
        font_style=brand.font_style,
        brand=shown_name(brand.brand_name, ad.product, facts, request.prompt),
        words=words or (product,),
        number=number,
        # cards never repeat the line the overlay shows in the same scene
        claims=tuple(
            _short(c, 40) for c in ([c for c in claims if not says(headline, c)] or claims)[:3]
        ),
        offer=short_offer(offer),
        variant=(salt + scene.index + request.seed) % 4,
        seed_words=(request.seed % (2**32), scene.index, salt),
        photo=photo,
        logo=logo,
        palette=(p, s, a),
        captions=caption_band(
            scene.overlay.position if scene.overlay else None, request.width, request.height
        )
        if request.captions
        else None,
    )


def design_key(design: SceneDesign) -> str:
    """Everything in ``design`` that reaches a pixel, as text for the clip cache's hash
    (the objects by name only: why they were picked does not change the picture)."""
    fields = {k: v for k, v in vars(design).items() if k != "objects"}
    return repr((sorted(fields.items()), [o.name for o in design.objects]))

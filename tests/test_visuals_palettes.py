"""Palettes: ads for different products differ, every palette of the family is readable."""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pytest

from pipeline.media.colors import delta_e
from pipeline.providers import ClipRequest
from pipeline.providers.copywriting import write_specification
from pipeline.providers.motion.compose import icon_image
from pipeline.providers.motion.look import build_look, contrast, rgb, to_hex
from pipeline.providers.motion.palettes import FAMILY, MOOD_LOOK, greenish, pick
from pipeline.providers.motion.scenes import design_scene
from pipeline.providers.motion.templates import legible_icon
from pipeline.settings import Settings
from pipeline.spec import BrandAssets
from pipeline.stages import scene_planning
from pipeline.stages.context import StageContext
from tests.test_visuals_facts import designs

# 60 businesses of every kind, none of them in another visuals test
PRODUCTS = [
    "ferry pass",
    "office window cleaning",
    "car wash",
    "used car dealer",
    "moving company",
    "self storage",
    "wedding photographer",
    "kids birthday parties",
    "escape room",
    "cinema tickets",
    "concert tickets",
    "music lessons",
    "piano tuning",
    "bookshop",
    "board game cafe",
    "toy shop",
    "baby stroller",
    "baby food",
    "school uniforms",
    "laptop repair",
    "phone cases",
    "gaming headset",
    "VPN service",
    "web hosting",
    "HR software",
    "coworking space",
    "cleaning products",
    "laundry service",
    "tailor alterations",
    "sneaker store",
    "vintage clothing",
    "sunglasses",
    "hair salon",
    "tattoo studio",
    "physiotherapy clinic",
    "pharmacy delivery",
    "hearing aids",
    "language school",
    "driving lessons",
    "roofing contractor",
    "garden centre",
    "pet insurance",
    "bridal boutique",
    "ski rental",
    "bowling alley",
    "dance classes",
    "podcast studio",
    "printing shop",
    "locksmith",
    "electrician",
    "kitchen fitters",
    "carpet cleaning",
    "bike courier",
    "florist",
    "butcher",
    "fishmonger",
    "vegan bakery",
    "tea room",
    "cocktail bar",
    "food truck",
]


def first_look(prompt: str, tmp_path: Path) -> tuple[str, str, str, str]:
    """The colours an ad opens with: its first three scenes' fields and the first accent."""
    got = designs(prompt, tmp_path)[:3]
    return (*(to_hex(d.look.field) for d in got), to_hex(got[0].look.accent))


def test_ads_for_different_products_in_one_mood_seldom_share_a_palette(tmp_path: Path) -> None:
    looks: dict[str, list[tuple[str, str, str, str]]] = {}
    for product in PRODUCTS:
        prompt = f"Ad for {product}"
        looks.setdefault(write_specification(prompt).ad.mood, []).append(
            first_look(prompt, tmp_path)
        )
    pairs = [p for group in looks.values() for p in itertools.combinations(group, 2)]
    same = [(a, b) for a, b in pairs if max(delta_e(x, y) for x, y in zip(a, b, strict=True)) < 10]
    # one palette per mood made every such pair the same; the family leaves a hash's chance
    assert len(same) / len(pairs) <= 0.02, same


def test_the_ferry_pass_and_the_window_cleaner_look_different(tmp_path: Path) -> None:
    ferry = first_look("Ad for Island Hopper ferry pass, unlimited rides for a month", tmp_path)
    windows = first_look("Ad for SparkleView office window cleaning, every week", tmp_path)
    assert max(delta_e(a, b) for a, b in zip(ferry, windows, strict=True)) >= 10


def test_the_same_brand_and_product_always_get_the_same_palette(tmp_path: Path) -> None:
    prompt = "Ad for Island Hopper ferry pass, unlimited rides for a month"
    assert first_look(prompt, tmp_path) == first_look(prompt, tmp_path)
    assert pick("a|b|c", "upbeat") == pick(" A|B|C ", "upbeat")


def test_colours_of_a_brand_kit_are_drawn_as_they_are(tmp_path: Path) -> None:
    spec = write_specification("Ad for SparkleView office window cleaning")
    kit = BrandAssets(kit_name="Sparkle", colors=["#7A1F5C", "#F2E9E4", "#FFB400"])
    # as brand_kit.apply leaves the brand: the kit's colours, not the family's
    brand = spec.brand.model_copy(
        update={"primary_color": "#7A1F5C", "secondary_color": "#F2E9E4", "accent_color": "#FFB400"}
    )
    ctx = StageContext(settings=Settings(data_dir=tmp_path), workdir=tmp_path, seed=1)
    plan = scene_planning.run(spec, ctx, scenes=4)
    request = ClipRequest(
        scene=plan.scenes[0], brand=brand, ad=spec.ad, facts=spec.facts, assets=kit
    )
    drawn = design_scene(request).look.field
    want = build_look(
        brand.primary_color,
        brand.secondary_color,
        brand.accent_color,
        brand.text_color,
        mood=spec.ad.mood,
        beat=plan.scenes[0].scene_type,
        index=0,
    ).field
    assert to_hex(drawn) == to_hex(want)


@pytest.mark.parametrize("look", sorted(FAMILY))
def test_every_palette_of_the_family_keeps_its_contrasts_in_every_scene(look: str) -> None:
    moods = [m for m, k in MOOD_LOOK.items() if k == look]
    for (p, s, a), mood, text in itertools.product(FAMILY[look], moods, ("#FFFFFF", "#111111")):
        for lead in ((p, s, a), (s, p, a)):
            for index, beat in enumerate(("attention", "interest", "problem", "desire", "cta")):
                got = build_look(*lead, text, mood=mood, beat=beat, index=index)
                where = (lead, mood, beat, text)
                assert contrast(got.panel, rgb(text)) >= 7.0 or got.field_is_calm_for_text, where
                assert contrast(got.ink, got.field) >= 4.5, where
                assert contrast(got.accent, got.field) >= 3.0 or got.accent is got.ink, where
                if got.kind == "bright":
                    assert not greenish(to_hex(got.field)), where


def test_an_icon_that_melts_into_its_field_gets_a_disc_behind_it() -> None:
    def opaque(img) -> float:
        return float((np.asarray(img)[..., 3] > 128).mean())

    plain = icon_image("stethoscope", 120)
    on_blue = legible_icon("stethoscope", 120, rgb("#1E9BD7"))  # a blue stethoscope, blue field
    on_white = legible_icon("stethoscope", 120, rgb("#FFFFFF"))
    assert on_blue.size == plain.size  # the same footprint in the layout
    assert opaque(on_blue) > 0.7 > opaque(plain)  # a disc (pi/4 of the square) behind it
    assert opaque(on_white) == opaque(plain)  # it stands out on white as it is

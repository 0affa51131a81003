"""The templates and objects of each scene follow the prompt's typed facts."""

from __future__ import annotations

import colorsys
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from pipeline.providers import ClipRequest
from pipeline.providers.copywriting import write_specification
from pipeline.providers.motion.compose import words
from pipeline.providers.motion.factplan import number_display, occasion_keyword, short_offer
from pipeline.providers.motion.look import build_look, contrast
from pipeline.providers.motion.renderer import ClipRenderer
from pipeline.providers.motion.scenes import SceneDesign, design_scene
from pipeline.providers.motion.vocabulary import choose_objects, translated
from pipeline.settings import Settings
from pipeline.spec import Quantity
from pipeline.stages import scene_planning
from pipeline.stages.context import StageContext


def designs(prompt: str, tmp_path: Path) -> list[SceneDesign]:
    spec = write_specification(prompt)
    ctx = StageContext(settings=Settings(data_dir=tmp_path), workdir=tmp_path, seed=1)
    plan = scene_planning.run(spec, ctx, scenes=4)
    beats = tuple(s.scene_type for s in plan.scenes)
    lines = tuple(s.overlay.text if s.overlay else "" for s in plan.scenes)
    return [
        design_scene(
            ClipRequest(
                scene=s,
                brand=spec.brand,
                ad=spec.ad,
                beats=beats,
                lines=lines,
                facts=spec.facts,
                prompt=spec.prompt,
            )
        )
        for s in plan.scenes
    ]


# prompt -> the template of each scene, and the figure the big-number callout shows
TABLE = [
    (
        "Accounting software that cuts manual entry by 70% and closes the books in 3 days. "
        "Sick of chasing receipts? 20% off the first year",
        ["split", "number", "offer", "end"],
        ("70%", ""),
    ),
    (
        "Mother's Day flowers from Bloom & Co, delivered in 2 hours, 15% off bouquets",
        ["number", "checklist", "offer", "end"],
        ("2", "hours"),
    ),
    (
        "Curso de yoga online para principiantes, primera clase gratis, 30 minutos al día",
        ["number", "checklist", "offer", "end"],
        ("30", "minutos"),
    ),
    (
        "Werbung für die Kaffeemaschine BrühMeister: Espresso in 15 Sekunden, "
        "Schluss mit Kapselmüll",
        ["split", "number", "checklist", "end"],
        ("15", "Sekunden"),
    ),
    (
        "Noodle bar Ramen Ichi: broth simmered for 18 hours, buy one bowl get one free this Friday",
        ["number", "kinetic", "offer", "end"],
        ("18", "hours"),
    ),
    ("母の日に贈るお花、送料無料、3日でお届け", ["number", "kinetic", "offer", "end"], ("3日", "")),
]


@pytest.mark.parametrize(("prompt", "expected", "figure"), TABLE)
def test_each_scene_s_template_follows_what_its_line_states(
    prompt: str, expected: list[str], figure: tuple[str, str], tmp_path: Path
) -> None:
    got = designs(prompt, tmp_path)
    assert [d.template for d in got] == expected
    assert len(set(expected)) == len(expected)
    number = next(d for d in got if d.template == "number")
    assert number.number == figure


def test_the_offer_badge_holds_the_prompt_s_offer_and_claims_feed_the_checklist(
    tmp_path: Path,
) -> None:
    got = designs(
        "Noodle bar Ramen Ichi: broth simmered for 18 hours, buy one bowl get one free this Friday",
        tmp_path,
    )
    assert {d.offer for d in got} == {"buy one bowl get one free"}
    yoga = designs(
        "Curso de yoga online para principiantes, primera clase gratis, 30 minutos al día",
        tmp_path,
    )
    checklist = next(d for d in yoga if d.template == "checklist")
    assert checklist.claims == ("30 minutos al día",)  # the prompt's claim, not a bank line


@pytest.mark.parametrize(
    ("prompt", "wanted"),
    [
        ("Christmas gift box of 12 handmade chocolates from Cacao Lune", "wrapped-gift"),
        ("Mother's Day flowers from Bloom & Co, delivered in 2 hours", "bouquet"),
        ("母の日に贈るお花、送料無料、3日でお届け", "bouquet"),
        ("Winter tyres from GripMax for Christmas, fitted in 30 minutes", "christmas-tree"),
    ],
)
def test_the_occasion_adds_its_object_to_every_scene(
    prompt: str, wanted: str, tmp_path: Path
) -> None:
    for design in designs(prompt, tmp_path):
        assert wanted in [o.name for o in design.objects]
        assert len({o.name for o in design.objects}) == len(design.objects)


def test_occasions_in_other_languages_map_to_the_icon_table_s_words() -> None:
    assert occasion_keyword("Día de la Madre") == "mothers day flower"
    assert occasion_keyword("Weihnachten") == "christmas"
    assert occasion_keyword("クリスマス") == "christmas"
    assert occasion_keyword("Valentine's Day") == "valentines"


def test_numbers_and_offers_read_as_the_callout_and_badge_show_them() -> None:
    assert number_display(Quantity(text="70%", value="70")) == ("70%", "")
    assert number_display(Quantity(text="3 days", value="3", unit="days")) == ("3", "days")
    assert number_display(Quantity(text="2x", value="2", unit="x")) == ("2x", "")
    assert number_display(Quantity(text="3日で", value="3", unit="日で")) == ("3日", "")
    assert short_offer("20% off the first year") == "20% off the first year"
    assert short_offer("buy 2 sourdough loaves, get a free cinnamon roll") == (
        "buy 2 sourdough loaves"
    )


def _field_share(frame: np.ndarray, y0: float, y1: float) -> float:
    """Share of the rows y0..y1 (fractions) whose colour is the scene's background field."""
    rows = frame[int(y0 * frame.shape[0]) : int(y1 * frame.shape[0])].astype(np.int16)
    ref = np.median(rows.reshape(-1, 3), axis=0)
    return float((np.abs(rows - ref).max(axis=-1) < 24).mean())


def test_a_number_scene_leaves_the_captions_plate_its_own_calm_zone(tmp_path: Path) -> None:
    got = designs(
        "Ad for Nordlicht solar panels for family homes, cut your power bill by 60%", tmp_path
    )
    number = next(d for d in got if d.template == "number")
    assert number.band == (0.35, 0.65)  # the callout sits above the text
    assert number.captions == pytest.approx((0.69, 0.80), abs=0.005)  # the captions below it
    frame = ClipRenderer.to_rgb(ClipRenderer(number, 540, 960, 24).frame(60))
    assert _field_share(frame, 0.69, 0.80) > 0.97  # nothing drawn under the captions
    assert _field_share(frame, 0.08, 0.32) < 0.9  # the callout stands in its zone


def test_products_on_a_mood_s_default_palette_get_different_fields(tmp_path: Path) -> None:
    fields = {
        prompt: tuple(np.round(designs(prompt, tmp_path)[0].look.field, 2))
        for prompt in (
            "Ad for a heat pump installer in Leeds, cut heating bills by 40%",
            "Ad for a Neapolitan pizzeria, wood-fired pizza delivered in 30 minutes",
            "Ad for an electric bike shop, ride to work in half the time",
        )
    }
    assert len(set(fields.values())) == 3  # the three products, one palette before
    named = designs("Ad for Ember pizzeria in burgundy and gold", tmp_path)[0]
    spec = write_specification("Ad for Ember pizzeria in burgundy and gold")
    assert spec.facts.colors  # colours the prompt names are drawn as they are
    assert (
        named.look.field.tolist()
        == build_look(
            spec.brand.primary_color,
            spec.brand.secondary_color,
            spec.brand.accent_color,
            spec.brand.text_color,
            mood=spec.ad.mood,
            beat=named.scene_type,
            index=0,
        ).field.tolist()
    )


@pytest.mark.parametrize("pair", [("ソ", "ラ"), ("清", "风"), ("ش", "ر")])
def test_the_renderer_draws_japanese_chinese_and_arabic_not_empty_boxes(pair) -> None:
    white = np.ones(3, np.float32)
    a, b = (np.asarray(words(ch, "sans", 80, white, 400)) for ch in pair)
    # a font without the script draws the same "missing glyph" box for both characters
    assert a.shape != b.shape or not np.array_equal(a, b)


def test_the_text_panel_on_an_amber_brand_is_charcoal_not_olive() -> None:
    look = build_look(
        "#FFB400", "#FFE8C2", "#E85D3F", "#FFFFFF", mood="upbeat", beat="attention", index=0
    )
    _, lum, sat = colorsys.rgb_to_hls(*map(float, look.panel))
    assert lum < 0.25 and sat <= 0.2
    assert contrast(look.panel, np.ones(3, np.float32)) >= 7.0


@pytest.mark.parametrize(
    ("product", "wanted"),
    [
        ("Fahrradladen", "bicycle"),
        ("vélo électrique", "bicycle"),
        ("fromagerie", "cheese-wedge"),
        ("clínica dental", "tooth"),
        ("新しいキャンプ用テント", "camping"),
        ("自行车", "bicycle"),
        ("خيمة", "camping"),
    ],
)
def test_product_words_of_other_languages_find_their_objects(product: str, wanted: str) -> None:
    assert choose_objects(product=product, category="general", count=2)[0].name == wanted


def test_kana_keep_their_marks_when_words_are_matched() -> None:
    assert translated("ハンバーガー") == "ハンバーガー"  # not パン (bread)


def test_an_arabic_offer_with_a_percent_sign_is_drawn_in_the_arabic_face() -> None:
    white = np.ones(3, np.float32)
    latin_sign = np.asarray(words("خصم 20% على", "sans", 60, white, 600))
    arabic_sign = np.asarray(words("خصم 20\u066a على", "sans", 60, white, 600))
    assert np.array_equal(latin_sign, arabic_sign)  # no box for the letters or the sign


def test_a_dark_scene_in_an_olive_or_amber_palette_is_charcoal_not_mud() -> None:
    for primary in ("#8A8A2E", "#C98A1B"):
        look = build_look(
            primary, "#E9E4DA", "#A3B18A", "#FFFFFF", mood="luxury", beat="attention", index=0
        )
        assert look.kind == "dark"
        assert colorsys.rgb_to_hls(*map(float, look.field))[2] <= 0.2


def test_a_turned_palette_never_leads_with_lime_or_green(tmp_path: Path) -> None:
    for prompt in (
        "Recruitment ad for Brightside Care, hiring home carers in Bristol, flexible hours",
        "Ad for a heat pump installer in Leeds, cut heating bills by 40%",
        "Werbung für den Fahrradladen Speiche & Co in Köln: Inspektion in 24 Stunden",
    ):
        for design in designs(prompt, tmp_path):
            h, _, sat = colorsys.rgb_to_hls(*map(float, design.look.field))
            assert sat <= 0.25 or not 55 / 360 <= h <= 160 / 360, prompt


def test_without_burned_in_captions_the_band_holds_the_ad_s_objects(tmp_path: Path) -> None:
    got = designs(
        "Ad for Nordlicht solar panels for family homes, cut your power bill by 60%", tmp_path
    )
    number = next(d for d in got if d.template == "number")
    bare = replace(number, captions=None)  # no voice: captions only in the sidecar files
    assert len(bare.zones()) == 2 and len(number.zones()) == 1
    frame = ClipRenderer.to_rgb(ClipRenderer(bare, 540, 960, 24).frame(60))
    assert _field_share(frame, 0.68, 0.88) < 0.93  # the ad's objects stand there

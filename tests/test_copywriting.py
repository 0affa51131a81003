"""The offline creative director's copy: the table of prompts, framework choice, the rules
every headline obeys and the claims it may not invent (the bank that fits each product:
test_copy_banks; reading the prompt: test_prompt_reading)."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from pipeline.providers.copywriting import write_specification
from pipeline.spec import FRAMEWORK_BEATS, AdSpecification

LONG_PROMPT = (
    "We are a family-run roastery and we finally opened our first café downtown. "
    "Make a warm, friendly vertical video ad for Bean There Café that shows our small-batch "
    "beans, the baristas pouring latte art, the cozy corner seats by the big windows and the "
    "pastries we bake every morning. Our audience is students and remote workers who want a "
    "calm place to work with good coffee and fast wifi. Mention that the first coffee is free "
    "this Saturday for the grand opening and invite people to stop by."
)


@dataclass(frozen=True)
class Case:
    prompt: str
    brand: str
    product: str  # substring of ad.product (case-insensitive)
    framework: str
    language: str = "en"
    offer: str | None = None  # substring of ad.offer; None means no offer


CASES = [
    Case("Create an energetic ad for ZephyrRun trail running shoes", "ZephyrRun",
         "trail running shoes", "AIDA"),
    Case("Create An Ad For ZephyrRun Trail Running Shoes", "ZephyrRun", "trail running shoes",
         "AIDA"),
    Case("Éclat perfume launch, elegant, gold and black", "Éclat", "perfume", "AIDA"),
    Case("Paris-inspired perfume launch for Éclat", "Éclat", "perfume", "AIDA"),
    Case("Tired of chasing late payments? InvoiceFlow invoicing software for freelancers",
         "InvoiceFlow", "invoicing software", "PAS"),
    Case("Bean There Café grand opening this Saturday, first coffee free", "Bean There Café",
         "café", "AIDA", offer="First coffee free this Saturday"),
    Case("An ad for handmade soy candles for cozy evenings", "", "soy candles", "AIDA"),
    Case("Transform your skin in 4 weeks with Luma vitamin C serum, 20% off for TikTok", "Luma",
         "vitamin C serum", "BAB", offer="20% off"),
    Case("New yoga studio called Lotus & Leaf opening downtown, first class free",
         "Lotus & Leaf", "yoga studio", "AIDA", offer="First class free"),
    Case("Glow-up your living room: from cluttered to cozy with Nook furniture", "Nook",
         "furniture", "BAB"),
    Case("stop wasting hours on spreadsheets - an invoicing app for busy freelancers", "",
         "invoicing app", "PAS"),
    Case("Luxury watch ad for Instagram", "", "watch", "AIDA"),
    Case("Éclat skincare: from dull tired skin to a radiant glow in 4 weeks", "Éclat",
         "skincare", "BAB"),
    Case("fun colorful building blocks for kids by Bricko, 10% off this weekend", "Bricko",
         "building blocks", "AIDA", offer="10% off this weekend"),
    Case("🔥 Sick of soggy delivery pizza? 🍕 Slice Society wood-fired pizza, 2 for 1 tonight",
         "Slice Society", "wood-fired pizza", "PAS", offer="2 for 1 tonight"),
    Case("<script>alert('owned')</script>Promote <b>Maria's</b> bakery 🥐 with fresh croissants",
         "Maria's", "bakery", "AIDA"),
    Case("Créez une pub pour Éclat, le nouveau parfum de luxe, livraison gratuite ce week-end",
         "Éclat", "parfum", "AIDA", language="fr", offer="Livraison gratuite"),
    Case("Marre des courbatures ? Une pub pour Kinéo, l'application de yoga", "Kinéo", "yoga",
         "PAS", language="fr"),
    Case("東京の新しいラーメン店「Menya Kaze」の広告、今週末50%オフ", "Menya Kaze", "ラーメン",
         "AIDA", language="ja", offer="50%"),
    Case("إعلان لعطر فاخر جديد من Oud Royale، خصم 30% هذا الأسبوع", "Oud Royale", "عطر",
         "AIDA", language="ar", offer="30%"),
    Case("A TikTok ad for PawPals dog walking, first walk free for new customers", "PawPals",
         "dog walking", "AIDA", offer="First walk free"),
    Case("Wiggles squeaky dog toys for playful puppies", "Wiggles", "dog toys", "AIDA"),
    # "Budget" describes the app; a benefit ending in "p.m." must not get a second stop.
    Case("Budget fitness app, energetic, 30-day free trial for students", "", "fitness app",
         "AIDA", offer="30-day free trial"),
    Case("Value meals at Burger Barn", "Burger Barn", "burger", "AIDA"),
    Case("Promote our boutique hotel in Lisbon for couples, book 3 nights get 1 free", "",
         "boutique hotel", "AIDA", offer="Book 3 nights get 1 free"),
    Case("Ad for an online course teaching Python to beginners", "", "online course", "AIDA"),
    Case("BLACK FRIDAY SALE AT TECHNOVA - 50% OFF ALL LAPTOPS", "TECHNOVA", "laptops", "AIDA",
         offer="Black Friday: 50% off all laptops"),
    Case("Tired of boring salads? Greenbowl delivers fresh salad bowls to your office",
         "Greenbowl", "salad bowls", "PAS"),
    Case("A dentist clinic in Austin called BrightSmile, free first checkup", "BrightSmile",
         "dentist clinic", "AIDA", offer="Free first checkup"),
    Case("Beautiful rings for brides", "", "rings", "AIDA"),
    Case("coffee ad!", "", "coffee", "AIDA"),
    Case(LONG_PROMPT, "Bean There Café", "café", "AIDA", offer="free this Saturday"),
]  # fmt: skip


def _ids(case: Case) -> str:
    return re.sub(r"\W+", "-", case.prompt[:32]).strip("-")


def copy_fields(spec: AdSpecification) -> list[str]:
    """Every field a viewer could see or a video model is fed."""
    ad, brand = spec.ad, spec.brand
    return [
        spec.framework_reason, brand.brand_name, brand.tone, ad.product, ad.product_category,
        ad.target_audience, ad.call_to_action, ad.offer or "", *ad.key_benefits,
        *(b.headline for b in spec.beats), *(b.visual for b in spec.beats),
    ]  # fmt: skip


_CLAIM = re.compile(
    r"\d+|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty)"
    r"(?=[\s-]+(?:minutes?|hours?|days?|weeks?|months?|years?)\b)|(?<![\w-])free\b|gratuite?|offerte?|"
    r"無料|مجان|insured|licensed|dermatologist|hypoallergenic|certified|guarantee|non-toxic|"
    r"five-star|award|eco-friendly|organic|natural(?:ly)?\b|no extra cost|wi-?fi|twice|"
    r"waterproof|sapphire|vet-formulated|zero sugar|sugar-free|broad-spectrum|battery",
    re.IGNORECASE,
)


def _claims(text: str) -> list[str]:
    """The checkable promises in ``text``: numbers, free offers, certifications."""
    return [m.lower() for m in _CLAIM.findall(text)]


def normalized(text: str) -> str:
    return re.sub(r"[\W_]+", " ", text.lower()).strip()


def test_the_table_covers_the_brief() -> None:
    assert len(CASES) >= 15
    assert {c.framework for c in CASES} == {"AIDA", "PAS", "BAB"}
    assert {c.language for c in CASES} == {"en", "fr", "ja", "ar"}
    assert len(CASES[-2].prompt) == 10 and 480 <= len(LONG_PROMPT) <= 500


@pytest.mark.parametrize("case", CASES, ids=_ids)
def test_brand_product_framework_language_offer(case: Case) -> None:
    spec = write_specification(case.prompt)
    assert spec.brand.brand_name == case.brand
    assert case.product.lower() in spec.ad.product.lower()
    assert spec.framework == case.framework, spec.framework_reason
    assert spec.language == case.language
    if case.offer is None:
        assert spec.ad.offer is None
    else:
        assert spec.ad.offer is not None and case.offer.lower() in spec.ad.offer.lower()


REPEAT_PROMPTS = [
    "Create a luxury watch ad for Instagram",  # "Precision you can feel." / "Precision ..."
    "ZephyrRun trail running shoes for TikTok",  # "hard miles." / "... lasts the miles."
    *(c.prompt for c in CASES if c.language in ("en", "fr")),
]


@pytest.mark.parametrize("prompt", REPEAT_PROMPTS)
def test_beats_do_not_repeat_a_key_word(prompt: str) -> None:
    spec = write_specification(prompt)
    names = set(normalized(f"{spec.brand.brand_name} {spec.ad.product}").split())
    seen: dict[str, str] = {}
    for beat in spec.beats[:-1]:  # the closing line is the offer + CTA
        words = {w for w in normalized(beat.headline).split() if len(w) >= 5} - names
        for word in words:
            assert word not in seen, f"{word!r} in {seen[word]!r} and {beat.headline!r}"
            seen[word] = beat.headline


@pytest.mark.parametrize("case", CASES, ids=_ids)
def test_copy_rules(case: Case) -> None:
    spec = write_specification(case.prompt)
    headlines = [b.headline for b in spec.beats]
    assert tuple(b.beat for b in spec.beats) == FRAMEWORK_BEATS[spec.framework]
    # Never the same line twice.
    assert len({normalized(h) for h in headlines}) == len(headlines)
    # A short hook and a 2-4 word call to action that closes the ad.
    if spec.language in ("en", "fr"):
        assert len(headlines[0].split()) <= 7, headlines[0]
        assert 2 <= len(spec.ad.call_to_action.split()) <= 4
    else:
        assert len(headlines[0]) <= 32
    assert headlines[-1].endswith(spec.ad.call_to_action)
    assert all(len(h) <= 90 for h in headlines)
    # The offer is on screen, the brand is named in the copy when there is one.
    if spec.ad.offer:
        assert any(spec.ad.offer in h for h in headlines)
    if spec.brand.brand_name:
        assert any(spec.brand.brand_name in h for h in headlines)
    # Nothing from the prompt's markup, no filler.
    for text in copy_fields(spec):
        low = text.lower()
        assert "<" not in text and ">" not in text and "script" not in low, text
        assert "lorem" not in low and "product x" not in low and "{" not in text
        assert not re.search(r"(?<!\.)\.\.(?!\.)", text), text  # "10 p.m.." reads as a typo
    assert spec.ad.key_benefits and spec.framework_reason
    # No invented facts: every number, offer, certification or spec on screen comes from the
    # prompt ("Classes from 6 a.m.", "Visible glow in two weeks", "Try it free",
    # "dermatologist tested" or "sapphire crystal" promise what the business may not offer).
    on_screen = [*headlines, *spec.ad.key_benefits, spec.ad.call_to_action, spec.ad.offer or ""]
    for text in on_screen:
        assert set(_claims(text)) <= set(_claims(case.prompt)), text


def test_same_prompt_same_specification() -> None:
    for case in CASES:
        first = write_specification(case.prompt).model_dump()
        assert write_specification(case.prompt).model_dump() == first


def test_no_brand_names_the_product_instead() -> None:
    spec = write_specification("An ad for handmade soy candles for cozy evenings")
    assert spec.brand.brand_name == ""
    text = " ".join(b.headline for b in spec.beats)
    assert "soy candles" in spec.framework_reason
    assert not re.search(r"\b[A-Z][a-z]+[A-Z]\w*", text)  # no invented CamelCase brand


def test_pain_from_the_prompt_opens_the_pas_ad() -> None:
    spec = write_specification(
        "Tired of chasing late payments? InvoiceFlow invoicing software for freelancers"
    )
    assert spec.beats[0].headline == "Tired of chasing late payments?"
    assert "Tired of" in spec.framework_reason
    assert spec.ad.target_audience == "freelancers"
    assert spec.beats[2].headline.startswith("InvoiceFlow")


def test_feature_from_the_prompt_becomes_the_interest_line() -> None:
    spec = write_specification("Promote Maria's bakery with fresh sourdough every morning")
    assert spec.ad.key_benefits[0] == "Fresh sourdough every morning"
    assert spec.beats[1].headline == "Maria's, with fresh sourdough every morning."
    # a feature is a noun phrase: it reads as what the product comes with, article kept
    serum = write_specification("Instagram ad for Bloom skincare serum with vitamin C")
    assert serum.beats[1].headline == "Bloom, with vitamin C."  # was "Bloom: vitamin C."
    shoe = write_specification("Trail running shoes by Ridgeline with a grippy Vibram sole")
    assert shoe.beats[1].headline == "Ridgeline, with a grippy Vibram sole."
    assert (
        write_specification("Ad for a smart thermostat that has voice control").beats[1].headline
        == "With voice control."
    )


@pytest.mark.parametrize(
    ("prompt", "mood", "font", "style"),
    [
        ("Éclat perfume launch, elegant, gold and black", "luxury", "serif", "warm"),
        ("Create an energetic ad for ZephyrRun trail running shoes", "energetic", "condensed",
         "vibrant"),
        ("fun colorful building blocks for kids by Bricko", "playful", "rounded", "vibrant"),
        ("Ledgerly budgeting app for small businesses", "corporate", "sans", "cool"),
        ("A calm, mindful ad for Lotus & Leaf yoga studio", "calm", "serif", "muted"),
        ("Dark moody ad for Nocturne headphones", "upbeat", "sans", "noir"),
    ],
)  # fmt: skip
def test_mood_font_and_grade(prompt: str, mood: str, font: str, style: str) -> None:
    spec = write_specification(prompt)
    assert (spec.ad.mood, spec.brand.font_style, spec.ad.visual_style) == (mood, font, style)


def test_colours_fit_the_category_when_none_are_named() -> None:
    luxury = write_specification("Luxury watch ad for Instagram").brand
    sport = write_specification("ZephyrRun trail running shoes, high energy").brand
    assert luxury.accent_color == "#C9A96E" and luxury.primary_color == "#111111"
    assert sport.secondary_color == "#FF4D00"
    assert len({luxury.primary_color, luxury.secondary_color, luxury.accent_color}) == 3


def test_japanese_and_arabic_copy_is_in_that_script() -> None:
    ja = write_specification("東京の新しいラーメン店「Menya Kaze」の広告、今週末50%オフ")
    ar = write_specification("إعلان لعطر فاخر جديد من Oud Royale، خصم 30% هذا الأسبوع")
    assert all(re.search(r"[\u3040-\u30ff]", b.headline) for b in ja.beats)
    assert all(re.search(r"[\u0600-\u06ff]", b.headline) for b in ar.beats[1:])
    # The offer takes the beat a generic line held, right before the call to action
    # (was: offer and CTA joined in the last beat, after "きっと手放せなくなる。").
    assert ja.beats[-2].headline.startswith("今週末50%オフ")
    # Shots stay in English: text-to-video models are prompted in English.
    assert all(b.visual.isascii() for b in ja.beats + ar.beats)


def test_french_copy_is_french() -> None:
    spec = write_specification(
        "Créez une pub pour Éclat, le nouveau parfum de luxe, livraison gratuite ce week-end"
    )
    assert spec.beats[0].headline == "Éclat : nouveau parfum de luxe."  # the prompt's words
    # The offer takes the beat a generic line held, right before the call to action
    # (was: "Livraison gratuite ce week-end. <CTA>" as the last beat).
    assert spec.beats[-2].headline == "Livraison gratuite ce week-end."
    assert spec.ad.mood == "luxury"
    assert not any(w in " ".join(b.headline for b in spec.beats) for w in (" the ", " your "))

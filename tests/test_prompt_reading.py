"""Reading the prompt: brand, product, offer, language, platform and named colours, as the
offline creative director understands them before it writes a line."""

from __future__ import annotations

import pytest

from pipeline.providers.copywriting import write_specification
from pipeline.providers.copywriting.brief import (
    detect_language,
    find_colors,
    find_cta,
    find_offer,
)
from pipeline.providers.copywriting.naming import find_brand


def test_named_colours_are_honoured() -> None:
    spec = write_specification("Éclat perfume launch, elegant, gold and black")
    assert spec.brand.primary_color == "#111111"  # black carries the text
    assert spec.brand.accent_color == "#C9A96E"  # gold
    assert spec.brand.text_color == "#FFFFFF"
    hexed = write_specification("Skincare ad for a brand called Dew in #0A3D62 and #f8efba")
    assert hexed.brand.brand_name == "Dew"
    assert (hexed.brand.primary_color, hexed.brand.accent_color) == ("#0A3D62", "#F8EFBA")
    assert find_colors("navy, #abc and sky blue") == ["#1B2A41", "#AABBCC", "#6CB4EE"]


@pytest.mark.parametrize(
    ("prompt", "platform"),
    [
        ("Luma serum ad for TikTok", "tiktok"),
        ("Luma serum for YouTube Shorts", "youtube_shorts"),
        ("Luma serum, a Facebook ad", "facebook"),
        ("Luma serum reel", "instagram"),
        ("Luma serum", "instagram"),
    ],
)
def test_platform(prompt: str, platform: str) -> None:
    assert write_specification(prompt).ad.platform == platform


@pytest.mark.parametrize(
    ("text", "language", "offer"),
    [
        (
            "Summer sale: up to 40% off everything until Sunday",
            "en",
            "Up to 40% off everything until Sunday",
        ),
        ("Buy one, get one free on all lattes", "en", "Buy one, get one free"),
        ("Start your 14-day free trial of Ledgerly", "en", "14-day free trial"),
        ("Shop with code GLOW20 at checkout", "en", "Code GLOW20"),
        ("Grand opening this Saturday!", "en", "Grand opening this Saturday"),
        ("A quiet ad for Nook furniture", "en", None),
        ("Car insurance by Drivewise, save 15%", "en", "Save 15%"),
        (
            "Black Friday: 40% off all Nimbus headphones",
            "en",
            "Black Friday: 40% off all Nimbus headphones",
        ),
        ("40% off all laptops this weekend", "en", "40% off all laptops this weekend"),
        ("Day spa in Bath, relax this weekend", "en", None),  # a nudge, not an offer
        ("Massage by Knead, book today", "en", None),
        ("Yoga studio Lotus opening downtown", "en", "Now opening"),
        ("Black Friday at Techhaus", "en", "Black Friday"),
        ("save 20% this week on every plan", "en", "Save 20% this week"),
        ("Gym FitHub, no joining fee this January", "en", "No joining fee this January"),
        ("Apex roofing, free inspection after storms", "en", "Free inspection"),
        ("Pilates studio Core, calm all January", "en", None),  # a month alone is no offer
        ("Premier cours offert pour les nouveaux élèves", "fr", "Premier cours offert"),
        ("Croissants offerts ce dimanche", "fr", "Croissants offerts ce dimanche"),
        ("初回無料のヨガ教室", "ja", "初回無料"),
        ("القهوة الأولى مجانا", "ar", "القهوة الأولى مجانا"),
        ("الحصة الأولى مجانًا للأعضاء الجدد", "ar", "الحصة الأولى مجانًا"),
    ],
)
def test_offers(text: str, language: str, offer: str | None) -> None:
    assert find_offer(text, language) == offer


@pytest.mark.parametrize(
    ("prompt", "cta"),
    [
        ("Wedding venue Rosehill Manor, book a tour", "Book a tour"),
        ("Summer music festival SoundWave, tickets on sale now", "Get your tickets"),
        ("Bakery Crumb & Co fresh sourdough, order online", "Order online"),
        ("Massage by Knead, book today", "Book today"),
        ("Ledgerly budgeting app - download it today!", "Download it today"),
        ("Book lovers unite at Chapter One bookstore", None),  # the prompt's own first word
        ("Ad for an app that helps you book appointments", None),  # what it does, not a CTA
        ("Café Lune: come in, sit down, stay a while", "Come in"),
        ("Recruiting ad: join our team at Greenfield Logistics", "Join our team"),
    ],
)
def test_the_prompt_s_own_call_to_action_closes_the_ad(prompt: str, cta: str | None) -> None:
    assert find_cta(prompt) == cta
    spec = write_specification(prompt)
    if cta is not None:
        assert spec.ad.call_to_action == cta and spec.beats[-1].headline.endswith(cta)


def test_a_prompt_cta_that_contradicts_the_offer_s_date_gives_way() -> None:
    spec = write_specification("Bakery Crumb & Co, 20% off this Saturday, order today")
    assert spec.ad.offer == "20% off this Saturday"
    assert "today" not in spec.ad.call_to_action.lower()


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Une publicité pour notre café avec des croissants", "fr"),
        ("Café au lait ad for Bean There Café", "en"),
        ("新しい腕時計の広告を作って", "ja"),
        ("إعلان لمقهى جديد", "ar"),
        ("Create a launch ad for Éclat", "en"),
    ],
)
def test_language(text: str, language: str) -> None:
    assert detect_language(text) == language


@pytest.mark.parametrize(
    ("text", "brand"),
    [
        ("Handcrafted leather bags from a small workshop", ""),
        ("a café in Brooklyn with great oat lattes", ""),
        ("Publicité pour une boulangerie artisanale à Lyon, pain au levain", ""),
        ("Une boulangerie à Villeurbanne, pain au levain", ""),
        ("Fresh sourdough at Lyon market stalls", ""),
        ('An ad for "Night Owl" cold brew', "Night Owl"),
        ("House of Oud fragrance launch", "House of Oud"),
        ("Meet Luma, the vitamin C serum", "Luma"),
        ("Summer sale on Instagram for sneakers", ""),
        ("Budget fitness app for students", ""),
        ("Smash burgers at Burger Barn", "Burger Barn"),
        ("Pizza night at Pizza Planet", "Pizza Planet"),
        # A lone capitalized opener that is just a word loses to the name the prompt gives.
        ("Noise cancelling headphones by Quietude", "Quietude"),
        ("Plumber Pete's Plumbing, 24/7 emergency callouts", "Pete's Plumbing"),
        ("Joe's Pizza in Brooklyn", "Joe's Pizza"),  # the owner's noun is part of the name
        ("Instagram story ad for Luxe Nails salon", "Luxe Nails"),  # "luxe" is French too
        ("Promote our Airbnb cabin in the mountains", ""),  # where it is booked, not who
        ("Promote Maria's bakery with fresh sourdough", "Maria's"),  # lowercase: the product
        ("Language learning app Parlo", "Parlo"),
        ("Mobile car wash by Sudsy", "Sudsy"),
        ("Vet clinic PawCare open Sundays", "PawCare"),
        ("Olive oil from Italy", ""),  # a place of origin is not a brand
        ("Teas from Japan for calm evenings", ""),
        ("Promote my Etsy shop selling handmade ceramic mugs", ""),  # a marketplace
        # A capitalized article inside the sentence belongs to the name.
        ("Cocktail bar The Blind Pig, two for one Thursdays", "The Blind Pig"),
        ("Café Le Matin ouvre ses portes samedi", "Le Matin"),
        ("Créez une vidéo pour la boulangerie Au Bon Pain", "Au Bon Pain"),
        ("Kids clothing by Little Sprouts", "Little Sprouts"),  # an everyday word, too
        ("Daycare center Little Acorns now enrolling", "Little Acorns"),
        ("An ad for the ZephyrRun trail shoes", "ZephyrRun"),  # a lowercase article is not
        ("Optician Clear View, new frames collection", "Clear View"),  # a trade, then a name
        ("Florist Bloom Room, Valentine bouquets", "Bloom Room"),
    ],
)
def test_brand_reading(text: str, brand: str) -> None:
    assert find_brand(text) == brand


@pytest.mark.parametrize(
    ("prompt", "product"),
    [
        ("Vegan protein powder by GreenLift", "vegan protein powder"),
        ("GreenLift vegan protein powder", "vegan protein powder"),
        ("Used car dealership AutoHub, financing available", "used car dealership"),
        ("Electric bike rental in Amsterdam", "electric bike rental"),
        ("Wedding photography by Lens & Lace", "wedding photography"),
        ("Promote my Etsy shop selling handmade ceramic mugs", "handmade ceramic mugs"),
        ("Our family farm sells fresh eggs and honey at the Saturday market", "fresh eggs"),
        ("Summer collection of linen shirts from Costa", "linen shirts"),
        (
            "Promote our handmade ceramic mugs from Clayworks, earthy and calm",
            "handmade ceramic mugs",
        ),
        ("Ad for Solace noise machine that helps babies sleep", "noise machine"),
        ("Craft chocolate bar from Cacao & Co", "craft chocolate bar"),  # "Craft" asks nothing
        ("Farmers market every Sunday at Riverside Park", "farmers market"),
    ],
)
def test_an_uncatalogued_product_is_read_from_the_prompt(prompt: str, product: str) -> None:
    spec = write_specification(prompt)
    assert spec.ad.product == product  # not the brand, not "product"
    assert product in " ".join(b.visual for b in spec.beats)  # what the video model is shown


def test_a_mood_word_outside_the_product_does_not_pick_the_business() -> None:
    """'helps babies sleep' is what the product does, not a yoga studio with teachers."""
    spec = write_specification("Ad for Solace noise machine that helps babies sleep")
    assert spec.ad.product_category == "general"
    said = " ".join(
        [*spec.ad.key_benefits, spec.ad.call_to_action, *(b.headline for b in spec.beats)]
    )
    assert not any(w in said.lower() for w in ("class", "teacher", "session", "studio"))
    # a cue word inside the product still says what it is, and a prompt without one keeps it
    assert write_specification("Brunch spot Sunny Side Up").ad.product_category == "restaurant"
    assert write_specification("Sleep better with Dreamwell").ad.product_category == "wellness"


@pytest.mark.parametrize(
    ("prompt", "product", "category"),
    [
        (
            "TikTok ad for PrintPal custom t-shirt printing, fun and bold",
            "custom t-shirt printing",
            "general",
        ),
        ("Dress rental from Drape for weddings", "dress rental", "general"),
        ("Bike repair by Spokes, quick and friendly", "bike repair", "local services"),
        ("Phone repair shop FixIt, same day", "phone repair shop", "local services"),
    ],
)
def test_a_service_done_to_a_thing_is_not_the_thing(
    prompt: str, product: str, category: str
) -> None:
    """A printing shop got the fashion bank's 'Fabric that feels like nothing'."""
    spec = write_specification(prompt)
    assert (spec.ad.product, spec.ad.product_category) == (product, category)
    said = " ".join([*spec.ad.key_benefits, *(b.headline for b in spec.beats)]).lower()
    assert "fabric" not in said and "cut to move" not in said


@pytest.mark.parametrize(
    ("prompt", "brand", "product", "category"),
    [
        # a noun that qualifies a claim is not the product ("dentist" made it a clinic)
        ("Electric toothbrush by Brightly, dentist recommended", "Brightly",
         "electric toothbrush", "general"),
        # a participle keeps its object; "Noise" was read as the brand
        ("Noise cancelling headphones featuring 30-hour battery life", "",
         "noise cancelling headphones", "consumer tech"),
        # the complaint's nouns are not the product ("cold coffee" got the coffee bank)
        ("Sick of cold coffee? Thermo mug by Keepwarm", "Keepwarm", "thermo mug", "general"),
        # the brand opens its own sentence: the product follows it, up to the verb
        ("Tired of messy cables? CableBuddy organizer keeps your desk tidy", "CableBuddy",
         "organizer", "general"),
        ("Tired of chasing late payments? Try Ledgerly invoicing", "Ledgerly", "invoicing",
         "software"),
        # a place for kids is a place, not a toy ("Shop toys now")
        ("Kids birthday party venue JumpZone, trampolines and slides", "JumpZone",
         "kids birthday party venue", "general"),
    ],
)  # fmt: skip
def test_what_is_advertised_is_read_past_claims_complaints_and_audiences(
    prompt: str, brand: str, product: str, category: str
) -> None:
    spec = write_specification(prompt)
    assert (spec.brand.brand_name, spec.ad.product) == (brand, product)
    assert spec.ad.product_category == category

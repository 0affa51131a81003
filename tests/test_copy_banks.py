"""The copy bank that fits each product: sub-types, pets, services and places, games, sweet
bakes, and the fallbacks for what the catalog does not know (the table, the rules and the
claims: test_copywriting; reading the prompt: test_prompt_reading)."""

from __future__ import annotations

import re

import pytest

from pipeline.providers.copywriting import write_specification
from tests.test_copywriting import copy_fields


def test_sub_type_benefits_and_cta_stay_on_topic() -> None:
    spec = write_specification("A TikTok ad for PawPals dog walking, first walk free")
    assert spec.ad.platform == "tiktok"
    assert spec.ad.call_to_action == "Meet your walker"  # not "First walk free. Book a walk"
    assert not any("meat" in b or "recipe" in b.lower() for b in spec.ad.key_benefits)
    assert spec.ad.target_audience != "new customers"


def test_pet_toys_get_pet_toy_copy() -> None:
    spec = write_specification("Wiggles squeaky dog toys for playful puppies")
    assert spec.ad.product_category == "pet care"
    text = " ".join(copy_fields(spec)).lower()
    for off_topic in ("screen-free", "child", "kids", "real meat", "kibble", "bowl"):
        assert off_topic not in text


def test_a_fitness_app_is_sold_as_an_app_not_a_gym() -> None:
    spec = write_specification("Budget fitness app, energetic, 30-day free trial for students")
    ad = spec.ad
    said = " ".join([*ad.key_benefits, ad.call_to_action, *(b.headline for b in spec.beats)])
    assert not re.search(r"\b(class|classes|coach(es)? who know|a\.m\.|p\.m\.)", said.lower())
    assert "app" in ad.product
    closing = spec.beats[-1].visual.lower()
    assert "phone" in closing and "gym entrance" not in closing
    gym = write_specification("Energetic ad for IronPeak boxing gym in Leeds")
    assert "gym entrance" in gym.beats[-1].visual.lower()  # places keep their door


def test_pet_services_are_not_pet_food() -> None:
    for prompt in (
        "A TikTok ad for PawPals dog walking, first walk free",
        "Sick of muddy dogs? FurFresh dog grooming in Leeds",
        "Pet sitting by HappyPaws while you travel",
    ):
        said = " ".join(copy_fields(write_specification(prompt))).lower()
        assert not re.search(r"\b(bowls?|kibble|meat|ingredients?|recipes?|poured)\b", said), said
    cat = write_specification("Cat grooming salon Whiskers, calm and gentle")
    assert (cat.brand.brand_name, cat.ad.product) == ("Whiskers", "cat grooming salon")
    visuals = " ".join(b.visual for b in cat.beats).lower()
    headlines = " ".join(b.headline for b in cat.beats).lower()
    assert "cat" in visuals and "dog" not in visuals and "pup" not in headlines


def test_pet_insurance_is_not_pet_food() -> None:
    said = " ".join(copy_fields(write_specification("Pet insurance from SafePaws"))).lower()
    assert not re.search(r"\b(bowls?|kibble|meat|ingredients?|recipes?|poured)\b", said), said


@pytest.mark.parametrize(
    "prompt",
    [
        "Vinyl record store Groove Records",
        "Podcast launch ad for The Money Hour",
        "Wedding venue Rosehill Manor, book a tour",
        "Pet insurance from SafePaws",
        "TikTok ad for PrintPal custom t-shirt printing, fun and bold",
    ],
)
def test_an_unknown_service_is_not_praised_like_a_thing(prompt: str) -> None:
    """'Made with care' and 'things that let you down' are odd praise for a podcast or a venue."""
    spec = write_specification(prompt)
    said = " ".join(copy_fields(spec)).lower()
    assert not re.search(r"made (with care|properly)|let you down|broken|trash|day one", said), said
    assert spec.ad.product_category == "general"
    goods = write_specification("Handmade leather notebooks by Folio")  # a thing keeps them
    assert "Made with care, down to the details" in goods.ad.key_benefits


@pytest.mark.parametrize(
    "prompt", ["Protein bars by FuelUp", "Handmade leather notebooks by Folio", "Noise machine"]
)
def test_the_goods_fallback_promises_no_durability(prompt: str) -> None:
    """'Built to last' is false praise for a protein bar, and a claim for anything else."""
    said = " ".join(copy_fields(write_specification(prompt))).lower()
    assert not re.search(r"\blast(s|ing)?\b|durable", said), said


@pytest.mark.parametrize(
    ("prompt", "shown", "not_shown"),
    [
        ("Hair salon Mane Street, new clients 20% off", "hair", r"yoga|\bmats?\b|\bclass(es)?\b"),
        ("Nail salon Gloss & Go, summer colors", "nail", r"yoga|\bhair\b(?! &)|\bclass(es)?\b"),
        ("Tired of bad haircuts? Sharp & Co barbershop", "barber", r"yoga|blowout|\bclass\b"),
        ("Massage by Knead, book today", "therapist", r"yoga|\bmats?\b|\bclass(es)?\b|teacher"),
        ("Wine bar Cork downtown", "glass", r"sugar|bubbles rising|kitchen|takeout"),
        ("Ice cream shop Scoops opening this Friday", "scoop", r"oven|bread|crust|butter"),
        ("Running club in Leeds, join free", "runners", r"barbell|\bclass(es)?\b|gym"),
        ("Sunglasses by Solara, summer sale 30% off", "frame", r"fabric|stitch|\bcut to\b"),
        ("Handmade leather wallets by Hyde & Co", "stitch", r"fabric|cut to move|'s's"),
        ("Baby stroller by Glide", "stroller", r"\btoys?\b|screen-free|little hands"),
        ("Yoga mats by Stillpoint", "yoga mats", r"teacher|\bclass(es)?\b|sessions"),
        ("Dog shampoo by Sudsy Paws", "dog shampoo", r"\bmeat\b|bowl|kibble|recipe"),
        ("Kids coding camp this summer", "coding camp", r"\btoys?\b|non-toxic"),
        ("Law firm Hart & Cole, free consultation", "consultation", r"tools|fixed fees"),
        ("Daycare center Little Acorns now enrolling", "daycare", r"leash|\bpets?\b|walk"),
        ("City walking tours in Rome by Roma Vera", "guide", r"book your stay|terrace|pool"),
        ("Mechanic shop Torque Garage, oil change special", "mechanic", r"appointments that"),
        ("Smartwatch for runners by Pulse", "glance", r"pairs in one tap"),
        ("Meal prep delivery for athletes by FuelBox", "door", r"crossing town|book a table"),
        ("Language app for kids by LingoPup", "lesson", r"workflow|busywork|enroll"),
        ("Personal trainer in Manchester, first session free", "coach", r"shop now|designed"),
        ("New puzzle game Blockwise for iPhone", "phone", r"screen-free|little hands|\btoys?\b"),
        ("Mobile game Dragon Quest Arena", "player", r"shop now|built to last|screen-free"),
        ("Wooden puzzles for toddlers by Tiny Oak", "screen-free", r"glowing phone|game on"),
        ("Ad for our SaaS invoicing tool PayFlow", "invoices", r"made properly|built to last"),
        ("AI writing assistant Quill for marketers", "busywork", r"shop now|made with care"),
        ("Luxury yacht charter Azure Seas", "worth telling", r"shop now|made with care"),
        ("Design studio Loft in Leeds", "worth telling", r"shop now|made with care"),
        ("Online yoga classes by FlowState", "online yoga", r"visit|stop by|come in"),
        ("Ad for a charity fundraiser run", "fundraiser", r"grip|lace up|\bmiles\b"),
        ("Ad for our bakery's new pumpkin spice muffins", "muffins", r"croissant|crust|loaves"),
        ("Cupcakes by Sugar Rush", "cupcakes", r"croissant|crust|sourdough"),
        ("Commercial for Apex roofing", "fix", r"made with care|shop now"),
        ("Virtual cooking classes with Chef Ana", "worth telling", r"visit|shop now"),
    ],
)
def test_the_copy_bank_fits_the_product(prompt: str, shown: str, not_shown: str) -> None:
    spec = write_specification(prompt)
    said = " ".join(copy_fields(spec)).lower()
    assert shown in said and not re.search(not_shown, said), said


def test_a_sub_type_sets_its_own_mood_audience_and_closing_shot() -> None:
    bar = write_specification("Wine bar Cork downtown")
    assert bar.ad.mood == "luxury"  # an evening out, not the restaurant's upbeat lunch
    assert "night out" in bar.ad.target_audience
    lunch = write_specification("Bistro Cork downtown")
    assert lunch.ad.mood == "upbeat" and "night out" not in lunch.ad.target_audience
    barber = write_specification("Sharp & Co barbershop")
    assert (barber.ad.mood, barber.ad.visual_style) == ("energetic", "noir")


def test_a_product_hitting_two_keys_of_one_sub_type_gets_its_lines_once() -> None:
    from pipeline.providers.copywriting.catalog.goods import APPAREL

    hooks = APPAREL.special_lines("hooks", "leather wallets")  # "leather" and "wallet"
    assert hooks and len(hooks) == len(set(hooks))

"""Copy that fits prompts nobody tuned on (issue 15's gaps): offers in many shapes, a call
to action for the kind of product, a hook that is more than a deadline or a price, the price
kept in the close, no bank line or shot of another product, brands written as plain words."""

from __future__ import annotations

import re

import pytest

from pipeline.providers.copywriting import read_prompt_facts, write_specification
from pipeline.providers.copywriting.director import weak_hook


def screen(prompt: str) -> list[str]:
    return [b.headline for b in write_specification(prompt).beats]


@pytest.mark.parametrize(
    ("prompt", "offer"),
    [
        ("Gimnasio Fuerza en Valencia, 3 por 2 en la cuota trimestral, abierto 24 horas",
         "3 por 2"),
        ("Forno Loco pizzería en Madrid, 2x1 en pizzas los martes", "2x1"),
        ("Nonna's Oven wood-fired pizza, buy one get one free on Mondays", "buy one get one free"),
        ("Maison Lin, robes en lin, -40 % sur toute la collection d'été", "-40 %"),
        ("Plantje kamerplanten online, 1+1 gratis op alle vetplanten", "1+1 gratis"),
        ("Dulce Rosa panadería in Houston, fresh Mexican conchas every morning, 3 for $5",
         "3 for $5"),
        ("Clearview opticians, designer frames, second pair free", "second pair free"),
        ("Cinéfila, cine independiente en streaming, primer mes gratis", "primer mes gratis"),
        ("Fitnessstudio Kraftwerk in Köln, ab 19,99 € im Monat, rund um die Uhr geöffnet",
         "ab 19,99 €"),
    ],
)  # fmt: skip
def test_offers_in_every_shape_are_read_and_shown(prompt: str, offer: str) -> None:
    assert offer.lower() in read_prompt_facts(prompt).offer.lower()
    assert offer.lower() in " ".join(screen(prompt)).lower()


@pytest.mark.parametrize(
    ("prompt", "cta"),
    [
        ("Roadway ferry pass, 12 crossings a year to the islands, save 25% on single tickets",
         "Book"),
        ("Parla Italian lessons app, 15 minutes a day, learn to order in Rome by summer",
         "Download"),
        ("Shelter Now charity, $15 gives one night of warm shelter", "Donate"),
        ("Crewly HR software, onboarding in one place, for startups", "Get started"),
        ("Keyturn locksmiths, there in 20 minutes, day or night", "Get a quote"),
        ("Ahorrito, la app que redondea tus compras y ahorra por ti", "Descarga la app"),
        ("Hotel Alpenblick in Tirol, Panoramablick und Sauna", "Jetzt buchen"),
    ],
)  # fmt: skip
def test_the_call_to_action_fits_the_kind_of_product(prompt: str, cta: str) -> None:
    spec = write_specification(prompt)
    assert spec.ad.call_to_action.startswith(cta), spec.ad.call_to_action
    assert spec.beats[-1].headline.endswith(spec.ad.call_to_action)
    assert spec.ad.call_to_action not in ("Shop now", "Discover more", "Try it today")


def test_a_deadline_or_a_price_never_opens_the_ad() -> None:
    dental = screen(
        "Brightside Dental in Tucson, new patient cleaning and x-rays for $99, book before Friday"
    )
    assert not weak_hook(dental[0], "en") and "Friday" not in dental[0], dental
    assert "$99" in " ".join(dental[-2:]) and "Book before Friday." not in dental
    conchas = screen(
        "Dulce Rosa panadería in Houston, fresh Mexican conchas every morning, 3 for $5"
    )
    assert conchas[0] == "Fresh Mexican conchas every morning."
    assert weak_hook("Book before Friday.", "en") and weak_hook("3 for $5.", "en")
    assert not weak_hook("Hot desks from $49 a week.", "en")


@pytest.mark.parametrize(
    ("prompt", "price"),
    [
        ("Harbor coworking in Portland, hot desks from $49 a week, first day free", "$49"),
        ("Ledger Lane tax returns for freelancers, $149 flat fee", "$149"),
        ("Restaurante Sabor da Terra em Recife, rodízio por R$ 39 às terças", "R$ 39"),
    ],
)
def test_a_stated_price_reaches_the_close(prompt: str, price: str) -> None:
    lines = screen(prompt)
    assert price in lines[-1] or price in lines[-2], lines


def test_no_line_or_shot_of_another_product() -> None:
    spec = write_specification(
        "Fetchly GPS dog collar, see where your dog is in real time, battery lasts 7 days"
    )
    said = " ".join(f"{b.headline} {b.visual}" for b in spec.beats).lower()
    assert not re.search(r"bowl|trial bag|kibble|recipes", said), said
    assert "Battery lasts 7 days." in [b.headline for b in spec.beats]
    conchas = write_specification(
        "Dulce Rosa panadería in Houston, fresh Mexican conchas every morning, 3 for $5"
    )
    assert not any("croissant" in b.visual.lower() for b in conchas.beats)
    croissants = write_specification("Maison Dorée croissants au beurre, cuits à l'aube")
    assert any("croissant" in b.visual.lower() for b in croissants.beats)


@pytest.mark.parametrize(
    ("prompt", "brand"),
    [
        ("hive smart heating thermostat, lower bills without thinking about it", "hive"),
        ("Roadway ferry pass, 12 crossings a year to the islands", "Roadway"),
        ("Pebble cat litter made from tofu, odour-free for 30 days", "Pebble"),
        ("Snug baby carrier, hands-free from newborn to toddler", "Snug"),
        ("Solar panels for your roof, cut your bills by 40%", ""),
        ("Wool blankets for winter, free delivery", ""),
        ("Kombucha brewed in Brooklyn, ginger and lime", ""),
        ("Chez Margot, bistrot à Lyon, menu à 29 € le midi", "Chez Margot"),
        ("fromagerie chez Lucien, 30 fromages affinés en cave", "chez Lucien"),
        ("Chargely home EV charger, full battery overnight, 7 kW", "Chargely"),
        ("Wattly 11 kW wall box, installed in a day", "Wattly"),
        # a coined word right in front of the product the reader found, lower case or not
        ("quenchly filtered water bottles, 1,000 litres per filter", "quenchly"),
        ("Brindlo dog grooming in Bath, nails trimmed while you wait", "Brindlo"),
        ("snorvik weighted blankets, 7 kg of calm", "snorvik"),
        ("Gentle vegan skincare for sensitive skin, 20% off", ""),
        ("Vintage leather jackets restored by hand", ""),
        ("Fluffy pancakes mix, just add milk", ""),
        ("vitamin C serum for dull skin, results in 4 weeks", ""),
    ],
)
def test_a_plain_word_opening_the_prompt_is_its_brand(prompt: str, brand: str) -> None:
    assert write_specification(prompt).brand.brand_name == brand

"""Brand spans a careful reader takes from a prompt: the name, not the grape, the kind of
shop in front of it, or the season its name contains."""

from __future__ import annotations

import pytest

from pipeline.providers.copywriting import write_specification
from pipeline.providers.copywriting.fillers import is_filler


@pytest.mark.parametrize(
    ("prompt", "brand"),
    [
        # the grape or beer style is the product, not part of the maker's name
        (
            "Harlow Creek Cabernet Sauvignon 2018, dark fruit and oak, only 400 cases",
            "Harlow Creek",
        ),
        ("Bodega Montaraz Tempranillo 2017, 14 meses en barrica", "Montaraz"),
        ("Cantina Ferraro Nebbiolo 2019, elegante e speziato", "Cantina Ferraro"),
        # German: a product then its name; a kind of business keeps its name
        ("Wanderschuhe Gipfelglück, wasserdicht, nur 480 Gramm", "Gipfelglück"),
        ("Fahrschule Tempo in Kiel, Führerschein in 8 Wochen", "Fahrschule Tempo"),
        # a name never opens on a lowercase connector
        ("Quinta da Serra, vinho verde fresco do Minho", "Quinta da Serra"),
        ("Quinta do Mosteiro, vinho verde do Minho", "Quinta do Mosteiro"),
        ("Vinho do Porto Quinta da Aveleda 2015, notas de figo", "Quinta da Aveleda"),
        # a season elided onto a name is part of it
        ("Festival Notti d'Estate a Lecce, 4 serate di musica", "Notti d'Estate"),
        # a business kind inside a run opens the name; a "+" belongs to it
        ("Vino Nobile Cantina Serra 2016, note di ciliegia", "Cantina Serra"),
        ("Salle de sport Forme+ ouverte 7j/7, abonnement dès 19 € par mois", "Forme+"),
        # ordinary words, then "von" and a name: the name
        ("Warme Wollsocken von Fadenglück für den Winter", "Fadenglück"),
        ("Handgemachte Holzspielzeuge von Klotzwerk für Kinder ab 2 Jahren", "Klotzwerk"),
        # capitalized trades after a name, and a title-cased name opening on an everyday word
        ("Brightside Landscaping, lawns and hedges, free quote", "Brightside Landscaping"),
        ("Swift Builders home extensions, 10-year guarantee", "Swift Builders"),
        ("Little Sprouts nursery, ages 1 to 4, organic lunches", "Little Sprouts"),
    ],
)
def test_brand_span(prompt: str, brand: str) -> None:
    assert write_specification(prompt).brand.brand_name == brand


@pytest.mark.parametrize(
    ("prompt", "offer"),
    [
        ("Harbour Jazz Festival, 3 days of live music by the sea, early bird tickets on sale now",
         "early bird tickets"),
        ("Festival Mar de Luz en Cádiz, entradas early bird ya a la venta", "early bird"),
        ("Salon Vinexpo Lyon, billets en prévente jusqu'à vendredi", "prévente"),
    ],
)  # fmt: skip
def test_an_offer_without_a_deal_word_reaches_the_screen(prompt: str, offer: str) -> None:
    spec = write_specification(prompt)
    assert offer in spec.facts.offer.lower()
    assert offer in " ".join(b.headline for b in spec.beats).lower()


def test_no_generic_line_when_the_facts_run_out() -> None:
    for prompt, sign_off in [
        ("Paws Clinic 24-hour emergency vet in Denver, walk-ins welcome", None),
        (
            "Harbour Jazz Festival, 3 days of live music by the sea, early bird tickets on sale "
            "now",
            "Harbour Jazz Festival.",
        ),
        ("東京の新しいラーメン店「Menya Kaze」の広告、今週末50%オフ", "ラーメンならMenya Kaze。"),
    ]:
        lines = [b.headline for b in write_specification(prompt).beats]
        assert not [line for line in lines[:-1] if is_filler(line)], lines
        assert sign_off is None or sign_off in lines


def test_a_chinese_product_is_read_around_a_quoted_brand() -> None:
    spec = write_specification("为咖啡店「Morning Bean」做广告，手冲单品，第二杯半价")
    assert (spec.brand.brand_name, spec.ad.product) == ("Morning Bean", "咖啡店")

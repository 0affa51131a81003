"""Dutch, Polish, Swedish and Turkish copy: the prompt's facts in its own words, offers in
their local shapes, calls to action by kind, and every glyph drawn by a shipped font. Prompts
written for this test (none is in a corpus)."""

from __future__ import annotations

import pytest

from pipeline.providers.copywriting import write_specification
from pipeline.providers.copywriting.detect import read_language
from pipeline.providers.copywriting.words import zipf
from pipeline.providers.motion.vocabulary import translated
from pipeline.typography import fonts

#: prompt, language, brand, (the offer as written, the call to action that ends the ad)
CASES = [
    (
        "Koffiebar Bonenstaak in Leiden, 2 voor 1 op cappuccino tot zondag",
        "nl",
        "Bonenstaak",
        ("2 voor 1 op cappuccino tot zondag", "Kom langs"),
    ),
    (
        "Nieuwe fietsenwinkel in Zwolle, twintig procent korting op alle kinderfietsen deze week",
        "nl",
        "",
        ("Twintig procent korting op alle kinderfietsen deze week", "Koop nu"),
    ),
    (
        "Zonnepanelen van Helder Energie, -30% op installatie, vraag een offerte aan",
        "nl",
        "Helder Energie",
        ("-30% op installatie", "Vraag een offerte aan"),
    ),
    (
        "Nowa kawiarnia w Gdańsku, druga kawa za pół ceny przez cały weekend",
        "pl",
        "",
        ("Druga kawa za pół ceny przez cały weekend", "Czekamy na Ciebie"),
    ),
    (
        "Szkoła językowa dla dorosłych w Poznaniu, pierwsza lekcja angielskiego gratis",
        "pl",
        "",
        ("Pierwsza lekcja angielskiego gratis", "Zapisz się"),
    ),
    (
        "Nytt bageri i Uppsala med surdegsbröd och kardemummabullar, köp tre betala för två",
        "sv",
        "",
        ("Köp tre betala för två", "Kom förbi"),
    ),
    (
        "Hotell Fjällstugan i Åre, 3 nätter med skidpass, 20% rabatt på liftkort",
        "sv",
        "Fjällstugan",
        ("20% rabatt på liftkort", "Boka nu"),
    ),
    (
        "Deniz Otel Bodrum, denize sıfır odalar, erken rezervasyonda %20 indirim",
        "tr",
        "Deniz Otel Bodrum",
        ("Erken rezervasyonda %20 indirim", "Hemen rezervasyon yap"),
    ),
    (
        "Fotowoltaika od SolarDom, montaż w 2 dni, darmowa wycena",
        "pl",
        "SolarDom",
        ("Darmowa wycena", "Poproś o wycenę"),
    ),
]


@pytest.mark.parametrize(("prompt", "language", "brand", "close"), CASES)
def test_new_languages_get_copy_in_their_own_language(
    prompt: str, language: str, brand: str, close: tuple[str, str]
) -> None:
    spec = write_specification(prompt)
    assert (spec.language, spec.language_note) == (language, "")
    assert spec.brand.brand_name == brand
    offer, cta = close
    lines = [b.headline for b in spec.beats]
    assert lines[-1] in (cta, f"{offer}. {cta}")
    assert sum(line.startswith(offer) for line in lines) == 1
    chain = [f for f in fonts.fallback_chain(bold=True, language=language) if f.key != "builtin"]
    text = " ".join(b.headline for b in spec.beats)
    assert not {c for c in text if not c.isspace() and not any(fonts.covers(f, c) for f in chain)}


def test_the_town_after_in_or_w_is_a_place_not_the_brand() -> None:
    spec = write_specification("Nowa kawiarnia w Gdańsku, druga kawa za pół ceny")
    assert spec.facts.place == "w Gdańsku"
    assert "Nowa kawiarnia w Gdańsku." in [b.headline for b in spec.beats]
    turkish = "Ankara'daki yeni fırınımızda her sabah taze simit ve poğaça, ikinci çay bizden"
    assert write_specification(turkish).brand.brand_name == ""


def test_an_offer_that_is_the_call_to_action_is_said_once() -> None:
    spec = write_specification(
        "Budżetnik, aplikacja do planowania domowego budżetu, pobierz ją za darmo"
    )
    lines = [b.headline for b in spec.beats]
    assert lines[-1] == "Pobierz ją za darmo"
    assert sum("za darmo" in line for line in lines) == 1


@pytest.mark.parametrize(
    ("prompt", "language"),
    [
        ("Friseursalon Haarmonie in Berlin, 20% Rabatt für Studenten", "de"),
        ("Gelateria Da Mario, gelato artigianale, sconto del 20% questo weekend", "it"),
        ("Bakkerij Het Korenschoof in Deventer, elke ochtend vers brood uit de oven", "nl"),
        ("Piekarnia Pod Kasztanem, świeży chleb każdego ranka, zapraszamy", "pl"),
        ("Kafé Lind i Lund, nybakade bullar varje morgon, välkommen in", "sv"),
        ("Kadıköy'de yeni kafe, her sabah taze kahve ve ev yapımı kurabiye", "tr"),
        ("Cykelværkstedet på hjørnet reparerer din cykel mens du venter", "en"),
    ],
)
def test_neighbours_keep_their_language(prompt: str, language: str) -> None:
    assert read_language(prompt).written == language


def test_word_lists_for_dutch_and_polish_ship() -> None:
    assert zipf("het", "nl") >= 6.0 and zipf("korting", "nl") >= 3.0
    assert zipf("jest", "pl") >= 6.0 and zipf("zniżka", "pl") >= 2.5
    assert zipf("korting", "de") == 0.0
    assert zipf("och", "sv") >= 6.0 and zipf("ve", "tr") >= 6.0


@pytest.mark.parametrize(
    ("product", "english"),
    [
        ("Piekarnia Złoty Kłos", "bakery"),
        ("Koffiebar Bonenstaak", "coffee"),
        ("Nytt bageri i Uppsala", "bakery"),
        ("Deniz Otel Bodrum", "hotel"),
    ],
)
def test_motion_icons_read_the_new_languages_product_words(product: str, english: str) -> None:
    assert translated(product) == f"{product} . {english}"

"""Causes and public bodies get the action they ask for, and businesses that merely mention
money given, a vote, a church or volunteers keep theirs."""

from __future__ import annotations

import pytest

from pipeline.providers.copywriting import write_specification
from pipeline.providers.copywriting.causes import CAUSE_CTAS, cause_action, public_body
from pipeline.providers.copywriting.cta import ACTION_CTAS


@pytest.mark.parametrize(
    ("prompt", "action"),
    [
        ("Bright Futures, £8 a month sends a girl to school in Malawi", "donate"),
        ("Paws & Hope, every $15 vaccinates a shelter puppy", "donate"),
        ("Semillas, con 5 € plantas un árbol en la Amazonía", "donate"),
        ("Les Restos du Quartier, 10 € offrent un repas chaud à une personne", "donate"),
        ("Tierherz, mit 12 € im Monat versorgst du eine Katze im Tierheim", "donate"),
        ("Pão para Todos, com R$ 25 você garante refeições para uma família", "donate"),
        ("Nora Blake for mayor, more buses and cheaper childcare", "vote"),
        ("Riverside Library, free cards for kids and a summer reading club", "visit"),
        ("Green Valley Food Bank needs volunteers for Saturday sorting", "volunteer"),
    ],
)
def test_a_cause_asks_for_what_it_needs(prompt: str, action: str) -> None:
    spec = write_specification(prompt)
    assert spec.ad.call_to_action in ACTION_CTAS[action][spec.language]


@pytest.mark.parametrize(
    "prompt",
    [
        "Barkside dog food, $30 feeds your dog for a month",
        "Dinnerly meal kits, $49 feeds a family of four all week",
        "Vote for your favourite flavour at Scoops ice cream, 2 scoops for $5",
        "Election night pizza deal, 2 large pizzas for $20",
        "Church's leather brogues, handmade in Northampton",
        "Volunteer Park Cafe in Seattle, brunch every weekend",
        "Hotel Mirador en Sevilla, a 3 minutos de la catedral, desayuno incluido",
    ],
)
def test_a_business_that_mentions_a_cause_keeps_its_own_action(prompt: str) -> None:
    assert cause_action(prompt) is None
    cta = write_specification(prompt).ad.call_to_action
    causes = {c for ctas in CAUSE_CTAS.values() for c in ctas.values() for c in c}
    assert cta not in causes | set(ACTION_CTAS["donate"]["en"]) | set(ACTION_CTAS["donate"]["es"])


def test_a_council_notice_is_not_a_sale() -> None:
    assert public_body("City of Brookfield, new recycling bins from March")
    assert not public_body("Brookfield Bakery, opposite the city council offices")
    spec = write_specification("Comune di Bergamo, nuovo calendario della raccolta differenziata")
    assert spec.ad.call_to_action == "Scopri di più"
    grant = write_specification("Ayuntamiento de Getafe, ayudas de 500 € para placas solares")
    assert grant.ad.call_to_action != "Descubre más"  # "ayudas": the viewer applies


@pytest.mark.parametrize(
    "prompt",
    [
        "Clearwater Trust, £5 a month gives a child clean water for a year",
        "The Ledger, digital reading for $1 a week for 6 months",
        "Kindling firewood, kiln-dried logs delivered within the hour",
    ],
)
def test_a_length_of_time_is_never_the_product(prompt: str) -> None:
    product = write_specification(prompt).ad.product.lower()
    assert product.split()[-1] not in {"year", "years", "week", "weeks", "month", "hour"}


@pytest.mark.parametrize(
    ("prompt", "kind"),
    [
        ("ラーメン一番、濃厚とんこつラーメン、替え玉無料", "local"),
        ("Comptago, le logiciel de comptabilité pour les artisans, 30 jours d'essai", "service"),
        ("Agua Viva, con 10 € al mes das agua potable a una familia", "cause"),
        ("Clearwater Trust, £5 a month gives a child clean water for a year", "cause"),
        ("Sam Okafor for city council, cleaner parks and safer crossings", "civic"),
        ("Kornblume Bäckerei in Freiburg, Dinkelbrot und Brezeln", "local"),
        ("Riverside Jazz Night, live quartet every Thursday, tickets £12", "event"),
    ],
)
def test_benefits_fit_the_kind_of_advertiser(prompt: str, kind: str) -> None:
    """A ramen shop is not "made to last", a charity not "designed around how you live"."""
    from pipeline.providers.copywriting.benefits_i18n import KIND_BENEFITS
    from pipeline.providers.copywriting.i18n import LOCALES

    spec = write_specification(prompt)
    goods = {b for locale in LOCALES.values() for b in locale.benefits}
    goods |= {"Made with care, down to the details", "Designed around how you live"}
    assert not goods & set(spec.ad.key_benefits), spec.ad.key_benefits
    assert set(spec.ad.key_benefits) <= set(KIND_BENEFITS[kind][spec.language])


@pytest.mark.parametrize(
    ("prompt", "tickets"),
    [
        ("Riverside Jazz Night, live quartet every Thursday at The Blue Door, tickets £12", True),
        ("Festival Sonido Norte, 3 días de rock en Gijón, entradas anticipadas a 45 €", True),
        ("Arraial da Vila, festa junina com quadrilha, ingressos a R$ 20", True),
        ("Ferry tickets to the islands from £19", False),  # a crossing is booked
        ("Restaurante El Faro, menú del día con entrada, plato y postre por 14 €", False),
        ("Mostra d'arte al Castello, ingresso libero tutti i weekend", False),
    ],
)
def test_tickets_the_prompt_sells_are_got(prompt: str, tickets: bool) -> None:
    spec = write_specification(prompt)
    assert (spec.ad.call_to_action in ACTION_CTAS["tickets"][spec.language]) is tickets

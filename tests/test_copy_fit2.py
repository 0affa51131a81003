"""Issue 15, fifth pass: what a viewer noticed on fresh contact sheets. The product is never a
noun from the call-to-action clause, an unknown kind of business is never told to "shop",
generic lines are fillers in every language, a service noun after the brand is kept, and
professional kinds speak formally. Prompts written for these tests, in no corpus."""

from __future__ import annotations

import re

import pytest

from pipeline.providers.copywriting import read_prompt_facts, write_specification
from pipeline.providers.copywriting.fillers import is_filler


def _screen(prompt: str) -> str:
    spec = write_specification(prompt)
    return " | ".join([b.headline for b in spec.beats] + list(spec.ad.key_benefits))


@pytest.mark.parametrize(
    ("prompt", "product", "cta"),
    [
        ("Gullwing ferry to the outer islands, day pass for $30, book in the app",
         "ferry", "Book in the app"),
        ("Lanternfish night kayak tours on the lake, 2 hours for $55, reserve on our website",
         "kayak tours", "Reserve on our website"),
    ],
)  # fmt: skip
def test_the_cta_clause_gives_the_cta_not_the_product(prompt: str, product: str, cta: str) -> None:
    spec = write_specification(prompt)
    assert product in spec.ad.product
    assert "app" not in spec.ad.product.split() and "website" not in spec.ad.product
    assert spec.ad.call_to_action == cta
    assert spec.ad.target_audience != "small teams and freelancers who want admin off their plate"


@pytest.mark.parametrize(
    ("prompt", "cta", "service"),
    [
        ("Kanzlei Brandt: Arbeitsrecht-Beratung, Erstgespräch kostenlos",
         "Termin vereinbaren", "Arbeitsrecht-Beratung"),
        ("Steuerbüro Kramer: Erbschaftsteuererklärung, erstes Gespräch gratis",
         "Termin vereinbaren", "Erbschaftsteuererklärung"),
        ("Despacho Ruiz, abogados de familia, primera consulta gratis", "Pida una cita", ""),
        ("Studio legale Conti, diritto del lavoro, prima consulenza gratuita",
         "Prenoti una consulenza", "Diritto del lavoro"),
    ],
)  # fmt: skip
def test_professional_services_get_a_consultation_cta_and_keep_the_service(
    prompt: str, cta: str, service: str
) -> None:
    spec = write_specification(prompt)
    assert spec.ad.call_to_action == cta
    assert service in _screen(prompt)
    assert not any(is_filler(b) for b in spec.ad.key_benefits)
    assert not {"Mit Sorgfalt gemacht", "Für deinen Alltag gedacht"} & set(spec.ad.key_benefits)


@pytest.mark.parametrize(
    ("prompt", "informal"),
    [
        ("Kanzlei Brandt: Arbeitsrecht-Beratung, Erstgespräch kostenlos",
         r"\b(?:du|dich|dein\w*|Komm|Besuch uns)\b"),
        ("Despacho Ruiz, abogados de familia, primera consulta gratis",
         r"\b(?:tu|te|Ven|Reserva|Pide|Mereces)\b"),
    ],
)  # fmt: skip
def test_professional_kinds_use_the_formal_address(prompt: str, informal: str) -> None:
    spec = write_specification(prompt)
    lines = [b.headline for b in spec.beats] + list(spec.ad.key_benefits)
    assert not re.search(informal, " | ".join([*lines, spec.ad.call_to_action]))


@pytest.mark.parametrize(
    "prompt",
    [
        "Agentur Nordlicht, 20 Jahre Erfahrung, Wien",
        "Kanzlei Brandt: Arbeitsrecht-Beratung, Erstgespräch kostenlos",
    ],
)
def test_an_unknown_or_professional_kind_is_never_told_to_shop(prompt: str) -> None:
    assert write_specification(prompt).ad.call_to_action != "Jetzt shoppen"


@pytest.mark.parametrize(
    "line",
    [
        "Für deinen Alltag gedacht",
        "Mit Sorgfalt gemacht",
        "Pensado para tu día a día",
        "Fatto per persone come te.",
        "Kleine verandering. Groot verschil.",
        "Pensé pour votre quotidien",
        "Zrobione z troską",
    ],
)
def test_generic_lines_are_fillers_in_every_language(line: str) -> None:
    assert is_filler(line)


def test_key_benefits_of_a_fact_rich_prompt_are_no_fillers() -> None:
    prompt = "Gärtnerei Moosgrün in Kassel, 300 Stauden aus eigener Anzucht, 10 % Rabatt"
    spec = write_specification(prompt)
    assert read_prompt_facts(prompt).count() >= 2
    assert spec.ad.key_benefits
    assert not any(is_filler(b) for b in spec.ad.key_benefits)
    assert not {"Mit Sorgfalt gemacht", "Für deinen Alltag gedacht"} & set(spec.ad.key_benefits)


@pytest.mark.parametrize(
    "prompt",
    [
        "Tidepool aquarium family tickets, kids under 5 go free this month",
        "Funland theme park summer pass, 2 days for the price of 1",
        "Acuario de Valencia: entradas familiares con 20% de descuento",
    ],
)
def test_tickets_to_a_place_are_booked_not_shopped(prompt: str) -> None:
    cta = write_specification(prompt).ad.call_to_action.lower()
    assert not any(word in cta for word in ("shop", "compra", "tienda")), cta
    assert any(word in cta for word in ("book", "reserva", "visit")), cta

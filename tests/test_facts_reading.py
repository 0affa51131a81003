"""Reading a prompt into PromptFacts: one test per kind of fact, and every language."""

from __future__ import annotations

import pytest

from pipeline.providers.copywriting import read_prompt_facts, write_specification
from pipeline.providers.copywriting.detect import detect_language


def test_claims_are_the_clauses_the_prompt_states() -> None:
    facts = read_prompt_facts(
        "CloudVault backup software for dental practices, protect patient records from ransomware"
    )
    assert (facts.brand, facts.product) == ("CloudVault", "backup software for dental practices")
    assert facts.claims == ["Protect patient records from ransomware"]
    assert facts.pain == "protect patient records from ransomware"


def test_numbers_keep_their_units_as_written() -> None:
    facts = read_prompt_facts(
        "LedgerFlow accounting software: close the books 3 days faster, 70% less manual entry"
    )
    assert [q.text for q in facts.numbers] == ["3 days", "70%"]
    assert [(q.value, q.unit) for q in facts.numbers] == [("3", "days"), ("70", "")]
    rum = read_prompt_facts("Premium rum Isla Dorada 12 year old, smooth and spiced")
    assert rum.numbers[0].text == "12 year old"
    price = read_prompt_facts("Penny budgeting app, $49/month, for busy parents")
    assert price.numbers[0].text == "$49/month"


def test_offer_deadline_and_scarcity() -> None:
    bakery = read_prompt_facts(
        "Sunrise Bakery on Elm Street: buy 2 sourdough loaves, get a free cinnamon roll "
        "this weekend only"
    )
    assert bakery.offer == "buy 2 sourdough loaves, get a free cinnamon roll"
    assert bakery.deadline == "this weekend only"
    assert bakery.place == "on Elm Street"
    watch = read_prompt_facts("Tempo automatic watch, water resistant to 200 m, only 300 made")
    assert watch.scarcity == "only 300 made"


@pytest.mark.parametrize(
    ("prompt", "deadline"),
    [
        ("Panadería La Espiga en Sevilla: roscón de Reyes artesanal, encárgalo antes del 5 de "
         "enero", "antes del 5 de enero"),
        ("Kwiaciarnia Lilia, bukiety na walentynki, zamów do 13 lutego", "do 13 lutego"),
        ("Taller Ruedas: revisión de bici por 25 €, hasta las 14:00", "hasta las 14:00"),
    ],
)  # fmt: skip
def test_a_dated_deadline_keeps_its_month(prompt: str, deadline: str) -> None:
    # "antes del 5" alone left "encárgalo de enero" on screen and "ANTES DEL 5" on the badge
    assert read_prompt_facts(prompt).deadline.lower().endswith(deadline)


def test_occasion_deadline_and_the_prompt_s_own_call_to_action() -> None:
    facts = read_prompt_facts("Roses delivered for Mother's Day by BloomBox, order by noon")
    assert facts.brand == "BloomBox"  # the holiday is never the brand
    assert facts.occasion == "Mother's Day"
    assert facts.deadline == "order by noon"
    assert facts.call_to_action == "Order by noon"


def test_audience_colours_and_tone_words() -> None:
    facts = read_prompt_facts("Penny budgeting app for busy parents, elegant, burgundy and gold")
    assert facts.audience == "busy parents"
    assert facts.colors == ["#6D1A2A", "#C9A96E"]
    assert facts.tone_words == ["elegant"]
    assert facts.claims == []  # tone and colours are not promises


def test_a_url_is_a_url() -> None:
    facts = read_prompt_facts("https://shop.example.org/items/trail-tent ad for this tent")
    assert facts.urls == ["https://shop.example.org/items/trail-tent"]
    assert facts.product == "tent" and facts.brand == ""


@pytest.mark.parametrize(
    ("prompt", "language", "brand", "product", "fact"),
    [
        ("Curso de yoga online de Lotus Studio, primera clase gratis", "es", "Lotus Studio",
         "Curso de yoga online", "primera clase gratis"),
        ("Werbung für die Kaffeemaschine BrühMeister: Espresso in 15 Sekunden", "de",
         "BrühMeister", "Kaffeemaschine", "15 Sekunden"),
        ("Créez une pub pour Éclat, le nouveau parfum de luxe, livraison gratuite ce week-end",
         "fr", "Éclat", "parfum", "Livraison gratuite ce week-end"),
        ("Pizzaria Bella Napoli: entrega grátis no sábado, pizzas a partir de R$ 29", "pt",
         "Bella Napoli", "Pizzaria", "R$ 29"),
        ("Gelateria Da Mario, gelato artigianale, sconto del 20% questo weekend", "it",
         "Gelateria Da Mario", "gelato artigianale", "sconto del 20% questo weekend"),
        ("クラウド会計ソフト「CloudNote」の広告、決算を3日早く", "ja", "CloudNote",
         "クラウド会計ソフト", "決算を3日早く"),
        ("为新款智能手表做广告，主打健康监测", "zh", "", "新款智能手表", "主打健康监测"),
        ("إعلان لعطر فاخر جديد من Oud Royale، خصم 30% هذا الأسبوع", "ar", "Oud Royale", "عطر",
         "خصم 30% هذا الأسبوع"),
        ("LedgerFlow accounting software: close the books 3 days faster", "en", "LedgerFlow",
         "accounting software", "Close the books 3 days faster"),
    ],
)  # fmt: skip
def test_every_language_reads_and_writes_its_facts(
    prompt: str, language: str, brand: str, product: str, fact: str
) -> None:
    assert detect_language(prompt) == language
    spec = write_specification(prompt)
    assert spec.language == language
    assert (spec.facts.brand, spec.facts.product) == (brand, product)
    every = [*spec.facts.claims, spec.facts.offer, *(q.text for q in spec.facts.numbers)]
    assert any(fact in f for f in every), every
    # the fact reaches the screen, in the prompt's language
    assert fact.lower() in " ".join(b.headline for b in spec.beats).lower()


@pytest.mark.parametrize(
    ("prompt", "framework", "why"),
    [
        ("Sick of chasing timesheets? TeamPulse HR software sets up in 5 minutes", "PAS",
         "Sick of"),
        ("CloudVault backup software, protect patient records from ransomware", "PAS",
         "protect"),
        ("Switch from spreadsheets to Dealflow CRM and close deals 2x faster", "BAB",
         "from spreadsheets to Dealflow"),
        ("Lanzamiento de la nueva app Ahorra, primera semana gratis", "AIDA", "Lanzamiento"),
        ("Schluss mit Papierkram: Buchhaltix Buchhaltungssoftware", "PAS", "Schluss mit"),
    ],
)  # fmt: skip
def test_framework_follows_intent_and_says_why(prompt: str, framework: str, why: str) -> None:
    spec = write_specification(prompt)
    assert spec.framework == framework
    assert why.lower() in spec.framework_reason.lower()

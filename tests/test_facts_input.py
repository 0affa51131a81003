"""Hostile and broken prompts (issue 14, item 6): undecodable bytes reach the database
cleaned, and the brand is never SQL, a URL, punctuation or letters no font draws."""

from __future__ import annotations

import pytest

from pipeline.providers.copywriting import write_specification
from pipeline.runtime import jobs
from pipeline.runtime.services import Runtime
from pipeline.store import repository


def test_undecodable_bytes_from_the_command_line_are_stored_without_them(
    runtime: Runtime, user_id: int
) -> None:
    # What Python makes of the bytes b"\xff\xfe" in argv (surrogateescape).
    raw = b"Caf\xc3\xa9 Lumi\xff\xfe ad for our new espresso bar".decode("utf-8", "surrogateescape")
    assert "\udcff" in raw
    generation_id = jobs.start(runtime, user_id, raw, seed=1)
    jobs.cancel(runtime, user_id, generation_id)
    assert jobs.wait(generation_id, timeout_s=120)
    with runtime.sessions() as session:
        row = repository.get_generation(session, generation_id, user_id)
    assert row.prompt == "Café Lumi ad for our new espresso bar"


def test_lone_surrogates_are_dropped_at_validation() -> None:
    assert jobs.validate_prompt("Ad for \udcffZephyrRun\ud800 trail shoes") == (
        "Ad for ZephyrRun trail shoes"
    )


@pytest.mark.parametrize(
    ("prompt", "brand"),
    [
        ("Robert'); DROP TABLE generations;-- energy drink ad for gamers", ""),
        ("https://shop.example.org/items/trail-tent ad for this tent", ""),
        ("𝔉𝔯𝔞𝔨𝔱𝔲𝔯 Watch, a dial that catches the light", "Fraktur"),
        ("Roses delivered for Mother's Day by BloomBox, order by noon", "BloomBox"),
        ("!!! ??? ... ad for a coffee shop", ""),
        ("<b>Ad</b> for <i>Acme</i> app, &lt;script&gt;", "Acme"),
        ("Werbung für die Kaffeemaschine BrühMeister: Espresso in 15 Sekunden", "BrühMeister"),
    ],
)
def test_the_brand_is_a_name(prompt: str, brand: str) -> None:
    spec = write_specification(prompt)
    assert spec.brand.brand_name == brand
    shown = " ".join(b.headline for b in spec.beats)
    for bad in ("DROP", "TABLE", "--", "https", "𝔉", "<", ">"):
        assert bad not in shown


def test_a_url_is_read_as_a_url_and_its_path_names_the_product() -> None:
    spec = write_specification("https://shop.example.org/items/trail-tent ad for this tent")
    assert spec.facts.urls == ["https://shop.example.org/items/trail-tent"]
    assert spec.ad.product == "tent"


CATEGORY_WORDS = (
    "Coffee",
    "Pizza",
    "Yoga",
    "Watch",
    "Wine",
    "Bakery",
    "Gym",
    "Pet",
    "Hotel",
    "Shoes",
)
KINDS = ("app", "software", "platform", "tool")


@pytest.mark.parametrize("kind", KINDS)
def test_a_category_word_then_for_brand_app_never_crashes(kind: str) -> None:
    """Issue 14 item 5: "Coffee ad for Acme app" read the product as empty and crashed."""
    for word in CATEGORY_WORDS:
        for brand in ("Acme", "Nimbus", "Zeta Labs"):
            spec = write_specification(f"{word} ad for {brand} {kind}")
            assert spec.ad.product.strip()
            assert spec.brand.brand_name == brand

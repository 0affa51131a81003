"""The unseen corpus and the scorer's checks of fit (see docs/copy.md): the corpus is broad,
each check reads what a viewer notices, and the director holds today's levels on it."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.providers.copywriting import score
from pipeline.providers.copywriting import score_fit as fit

UNSEEN = Path(__file__).parent / "data" / "copy_unseen.txt"


@pytest.fixture(scope="module")
def unseen() -> score.Score:
    return score.score(score.load(UNSEEN))


def test_the_unseen_corpus_is_broad() -> None:
    entries = score.load(UNSEEN)
    assert len(entries) == 300
    kinds = {e.kind.split(">", 1)[0] for e in entries}
    assert len(kinds) >= 60
    foreign = [e for e in entries if e.language != "en"]
    assert len(foreign) / len(entries) >= 0.35
    assert {"nl", "sv", "pl", "tr"} <= {e.language for e in entries}  # outside the nine
    assert all(fit.actions_for(e.kind) for e in entries)  # every line says which CTAs fit


def test_the_call_to_action_check() -> None:
    assert fit.actions_for("ferry pass>book,get,buy") == ("book", "get", "buy")
    assert fit.actions_for("hotel") and not fit.actions_for("apparel")  # "app" is a word
    assert fit.cta_fits("Book now", ("book",)) and not fit.cta_fits("Shop now", ("book",))
    assert fit.cta_fits("Llámanos hoy", ("llama", "pide"))  # accents and inflection
    assert fit.cta_fits("Stop by today", ("visit",))


def test_the_hook_price_and_noun_checks() -> None:
    assert fit.weak_hook("Book before Friday.", "")
    assert fit.weak_hook("From $89.", "Kite")
    assert not fit.weak_hook("Hot desks from $49 a week.", "")
    assert fit.prices("Kite sunglasses, $95 a pair, 19,99 € in Spain") == ["95", "19,99"]
    assert fit.foreign_nouns("dog collar", "GPS dog collar", ["The bowl they'll race to."])
    assert not fit.foreign_nouns("pet food", "dog food", ["The bowl they'll race to."])


def test_the_director_holds_its_levels_on_the_unseen_prompts(unseen: score.Score) -> None:
    s = unseen
    assert s.share(s.brand, s.total) >= 82.0, s.misses
    assert s.share(s.cta_fits, s.cta_checked) >= 75.0, s.misses
    assert s.share(s.price_closed, s.priced) >= 95.0, s.misses
    assert s.share(s.offers_shown, s.offers) >= 95.0, s.misses
    assert s.weak_hooks <= 2 and s.filler_ads <= 1 and s.contradictions == 0, s.misses
    assert s.foreign_nouns == 0, s.misses


def test_a_for_phrase_says_whom_or_where_not_what_is_sold() -> None:
    # tests/data/copy_purpose.txt: 40 prompts (9 languages) that name the product before
    # "for kitchens", "für Allergiker", "pour les familles"... (82.5 % product before)
    s = score.score(score.load(UNSEEN.with_name("copy_purpose.txt")))
    assert s.total == 40
    assert s.share(s.product, s.total) >= 87.5, s.misses
    from pipeline.providers.copywriting.product import purposes, read_naming

    tiles = read_naming("Kasbah Tiles: handmade zellige for kitchens and bathrooms", "en")
    assert tiles.product == "handmade zellige"
    stoves = read_naming("Hearthstone Works wood-burning stoves for cabins and boats", "en")
    assert stoves.product == "wood-burning stoves"
    # "ad for" introduces the brand, not whom the product is for
    quiet = "Instagram ad for Quietline noise-cancelling headphones for open-plan offices"
    assert read_naming(quiet, "en").product == "noise-cancelling headphones"
    assert [quiet[a:b] for a, b in purposes(quiet)] == ["for open-plan offices"]


def test_a_deal_of_the_nth_one_free_is_kept_whole() -> None:
    # tests/data/copy_multibuy.txt: 16 multi-buy offers in 7 languages (75 % on screen before:
    # "the 6th class is free", "a 5ª é grátis", "de 10e is gratis" were lost or cut in half)
    s = score.score(score.load(UNSEEN.with_name("copy_multibuy.txt")))
    assert s.total == 16
    assert s.offers_shown == s.offers, s.misses
    from pipeline.providers.copywriting.facts import _with_its_count

    text = "Lotus Loft yoga, book 5 classes and the 6th class is free"
    assert _with_its_count("6th class is free", text) == "Book 5 classes and the 6th class is free"
    assert _with_its_count("20% off", text) == "20% off"  # only a deal of the Nth one


def test_whom_a_product_is_for_is_said_with_the_product_never_alone() -> None:
    # tests/data/copy_audience.txt: 37 prompts in 10 languages that say whom the product is
    # for, written before the rule; 22 of them had a line that was only "Pour artisans.",
    # "Para autónomos.", "For first-time mums." (102 ads over every set).
    s = score.score(score.load(UNSEEN.with_name("copy_audience.txt")))
    assert s.total == 37
    assert s.fragment_ads == 0, s.misses
    from pipeline.providers.copywriting import write_specification

    def lines(prompt: str) -> list[str]:
        return [b.headline for b in write_specification(prompt).beats]

    assert "Invoicing software for freelancers." in lines(
        "Tallybird invoicing software for freelancers, 14 days free"
    )
    assert "Sunday brunch for families." in lines("Sunday brunch for families in Camden")
    # the brand's own line says it already: not twice
    french = lines("Facturo, logiciel de facturation pour artisans, 14 jours gratuits")
    assert sum("pour artisans" in line for line in french) == 1, french
    # "pour une personne" is a portion, "les moins de 18 ans" a limit: not people
    portion = lines("Donnez 5 € aux Restos Solidaires, c'est un repas chaud pour une personne")
    assert not any(line.endswith("pour personne.") for line in portion), portion
    # an offer "for students" says whom the discount is for, not whom the salon serves
    salon = lines("Friseursalon Haarmonie in Berlin, 20% Rabatt für Studenten")
    assert "Friseursalon für Studenten." not in salon, salon


def test_the_fragment_check() -> None:
    assert fit.fragment("£5.", "", "For {audience}")
    assert fit.fragment("Pour artisans.", "artisans", "Pour {audience}")
    assert not fit.fragment("Logiciel de facturation pour artisans.", "artisans", "Pour {audience}")
    assert not fit.fragment("£5 a month.", "", "For {audience}")
    assert not fit.fragment("20% off.", "", "For {audience}")  # an offer, not a bare price


def test_a_compound_noun_is_not_a_call_to_action_and_no_line_stops_on_its_for() -> None:
    """German, Dutch, Polish and Swedish verbs were matched by their stem alone, so
    "Buchhaltungssoftware" read as "buchen" and became the button; a claim cut before its
    audience kept the "für" ("Buchhaltungssoftware für."). Over every set the ads with a
    fragment line went 20 -> 14 (the 14 are charities' bare amounts) and copy_audience's
    CTAs that fit the kind 64.9 -> 67.6 %."""
    from pipeline.providers.copywriting import write_specification

    german = write_specification("Zahlwerk, Buchhaltungssoftware für Handwerker, 14 Tage testen")
    assert german.ad.call_to_action != "Buchhaltungssoftware für Handwerker"
    assert "Buchhaltungssoftware." in [b.headline for b in german.beats]
    dutch = write_specification("Boekhoudje, boekhoudsoftware voor zzp'ers, 30 dagen gratis")
    assert not dutch.ad.call_to_action.lower().startswith("boekhoud")
    assert write_specification("Boka Kajak, boka din tur idag").facts.call_to_action == (
        "Boka din tur idag"
    )  # a verb with its own ending is still the prompt's own call to action
    for name in ("copy_audience.txt", "copy_purpose.txt", "copy_heldout.txt"):
        s = score.score(score.load(UNSEEN.with_name(name)))
        assert s.fragment_ads == 0, (name, s.misses)
    assert fit.fragment("Buchhaltungssoftware für.", "", "für {audience}", "für")
    assert not fit.fragment("The moment you've been waiting for.", "", "for {audience}", "")


def test_whom_a_product_is_sold_to_does_not_decide_its_kind() -> None:
    """tests/data/copy_b2b.txt: 40 products sold to another kind of business in 10
    languages, written before the rule. The customer in "for ..." had chosen the call to
    action ("Book now" for plates for restaurants, "Jetzt Mitglied werden" for cleaning for
    gyms): CTAs that fit the kind 47.5 -> 67.5 % (copy_audience 64.9 -> 70.3 %)."""
    s = score.score(score.load(UNSEEN.with_name("copy_b2b.txt")))
    assert s.total == 40
    assert s.share(s.cta_fits, s.cta_checked) >= 67.5, s.misses
    assert s.foreign_nouns == 0 and s.fragment_ads == 0, s.misses
    from pipeline.providers.copywriting import write_specification

    def action(prompt: str) -> str:
        return write_specification(prompt).ad.call_to_action

    assert action("Kiln & Co stoneware plates for restaurants, chip-resistant glaze") not in (
        "Book now", "Book a table", "Book your visit",
    )  # fmt: skip
    assert action("Glanzwerk Gebäudereinigung für Fitnessstudios, kostenloses Angebot") != (
        "Jetzt Mitglied werden"
    )
    spanish = write_specification("Taller Raíz, cerámica hecha a mano para restaurantes")
    assert spanish.ad.product_category != "restaurant"
    assert action("Table Nine bistro for date nights, book a table") == "Book a table"

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

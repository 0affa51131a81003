"""The offline director writes from the prompt's facts: the scorer's targets on the corpus,
the issue's examples, glyphs for every language, speed, and shots that show the facts."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.providers.copywriting import score, write_specification
from pipeline.providers.copywriting.fillers import is_filler
from pipeline.settings import Settings
from pipeline.stages import scene_planning
from pipeline.stages.context import StageContext
from pipeline.typography import fonts

HELD_OUT = Path(__file__).parent / "data" / "copy_heldout.txt"


@pytest.fixture(scope="module")
def corpus_score() -> score.Score:
    return score.score(score.load())


def test_the_corpus_is_broad(corpus_score: score.Score) -> None:
    entries = score.load()
    assert len(entries) >= 200
    assert len({e.kind for e in entries}) >= 40
    assert {e.language for e in entries} == {"en", "es", "fr", "de", "pt", "it", "ja", "zh", "ar"}


def test_the_scorer_holds_the_targets(corpus_score: score.Score) -> None:
    s = corpus_score
    assert s.share(s.language, s.total) >= 97.0, s.misses
    assert s.share(s.numbers_shown, s.numbers) >= 90.0, s.misses
    assert s.contradictions == 0, s.misses
    assert s.share(s.offers_shown, s.offers) == 100.0, s.misses
    assert s.filler_ads == 0, s.misses
    assert s.share(s.brand, s.total) >= 97.0, s.misses
    # No target for the product: held where it is so it cannot slip back.
    assert s.share(s.product, s.total) >= 92.0, s.misses


@pytest.mark.parametrize(
    ("prompt", "on_screen", "never"),
    [
        ("CloudVault backup software for dental practices, protect patient records from "
         "ransomware", ["ransomware"], ["checkup", "smile"]),
        ("Premium rum Isla Dorada 12 year old, smooth and spiced, a Christmas gift",
         ["12 year old", "Smooth and spiced", "Christmas"], ["grab a can"]),
        ("Sunrise Bakery on Elm Street: buy 2 sourdough loaves, get a free cinnamon roll this "
         "weekend only", ["free cinnamon roll", "this weekend only"], ["croissant"]),
        ("LedgerFlow accounting software: close the books 3 days faster, 70% less manual entry",
         ["3 days faster", "70% less manual entry"], ["Work smarter"]),
        ("Roses delivered for Mother's Day by BloomBox, order by noon",
         ["Mother's Day", "Order by noon"], []),
    ],
)  # fmt: skip
def test_the_issue_s_prompts_keep_their_facts(
    prompt: str, on_screen: list[str], never: list[str]
) -> None:
    spec = write_specification(prompt)
    shown = " ".join(b.headline for b in spec.beats)
    for fact in on_screen:
        assert fact.lower() in shown.lower(), shown
    for word in never:
        assert word.lower() not in shown.lower(), shown
    fillers = [b.headline for b in spec.beats[:-1] if is_filler(b.headline)]
    # Roses have no bank, and the prompt's three facts fill two beats: the brand signs off.
    assert fillers == [], shown
    assert len(spec.beats[0].headline.split()) <= 7
    assert 2 <= len(spec.ad.call_to_action.split()) <= 4


@pytest.mark.parametrize(
    "prompt",
    [
        "Curso de yoga online de Lotus Studio, primera clase gratis",
        "Werbung für die Kaffeemaschine BrühMeister: Espresso in 15 Sekunden",
        "Créez une pub pour Éclat, le nouveau parfum de luxe, livraison gratuite",
        "Pizzaria Bella Napoli: entrega grátis no sábado, pizzas a partir de R$ 29",
        "Gelateria Da Mario, gelato artigianale, sconto del 20% questo weekend",
        "クラウド会計ソフト「CloudNote」の広告、決算を3日早く",
        "为新款智能手表做广告，主打健康监测",
        "إعلان لعطر فاخر جديد من Oud Royale، خصم 30% هذا الأسبوع",
        "LedgerFlow accounting software: close the books 3 days faster",
    ],
)
def test_every_glyph_of_every_language_has_a_shipped_font(prompt: str) -> None:
    spec = write_specification(prompt)
    chain = [
        f for f in fonts.fallback_chain(bold=True, language=spec.language) if f.key != "builtin"
    ]
    text = " ".join(b.headline for b in spec.beats)
    missing = {
        ch for ch in text if not ch.isspace() and not any(fonts.covers(f, ch) for f in chain)
    }
    assert not missing, (spec.language, missing)


def test_shots_name_the_product_and_the_fact_their_line_states(tmp_path: Path) -> None:
    spec = write_specification(
        "LedgerFlow accounting software: close the books 3 days faster, 70% less manual entry"
    )
    ctx = StageContext(settings=Settings(data_dir=tmp_path), workdir=tmp_path, seed=1)
    plan = scene_planning.run(spec, ctx, scenes=4)
    first, second = plan.scenes[0], plan.scenes[1]
    assert first.overlay is not None and first.overlay.text == "Close the books 3 days faster."
    assert "The product: accounting software" in first.visual_prompt
    assert "The shot shows Close the books 3 days faster" in first.visual_prompt
    assert "The shot shows 70% less manual entry" in second.visual_prompt


def test_same_prompt_same_copy_in_every_language() -> None:
    for entry in score.load()[::9]:
        assert write_specification(entry.prompt) == write_specification(entry.prompt)

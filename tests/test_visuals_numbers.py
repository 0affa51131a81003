"""The big-number callout and the offer badge show whole number phrases, never half a deal."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from pipeline.providers.motion.factplan import lead_figure, number_display, short_offer
from pipeline.providers.motion.scenes import design_scene
from pipeline.providers.motion.templates_more import Offer
from pipeline.providers.motion.templates_type import _count_text
from pipeline.spec import Quantity
from tests.test_visuals_facts import designs


@pytest.mark.parametrize(
    ("prompt", "figure"),
    [
        ("Oferta de pizzas Don Mario, 3 por 2 los martes", ("3 por 2", "")),
        ("Bäckerei Korn: 3 für 2 auf alle Brote, frisch in 15 Minuten", ("3 für 2", "")),
        ("Chez Paul, boulangerie : 2 pour 1 sur les croissants", ("2 pour 1", "")),
        ("Sneaker sale at KickBox: buy 2 get 1 free, 500 styles", ("buy 2 get 1 free", "")),
    ],
)
def test_a_multi_buy_deal_is_shown_whole(
    prompt: str, figure: tuple[str, str], tmp_path: Path
) -> None:
    got = designs(prompt, tmp_path)
    # the deal is on the callout or on the badge (when the facts read it as the offer), whole
    shown = [" ".join(d.number).strip() for d in got if d.template == "number"]
    shown += [d.offer for d in got if d.template == "offer"]
    deal = figure[0]
    assert any(deal in text.casefold() for text in shown), shown
    half = deal.rsplit(" ", 1)[0]  # "3 por", "buy 2 get 1"
    assert not any(half in text.casefold() and deal not in text.casefold() for text in shown)


@pytest.mark.parametrize(
    ("quantity", "line", "shown"),
    [
        (Quantity(text="3 por", value="3", unit="por"), "¡3 por 2 los martes!", ("3 por 2", "")),
        (Quantity(text="3x", value="3", unit="x"), "3x2 en pizzas", ("3x2", "")),
        (Quantity(text="2 los", value="2", unit="los"), "Llega en 2 los lunes", ("2", "")),
        (Quantity(text="3 go", value="3", unit="go"), "Kids under 3 go free", ("3", "")),
        (Quantity(text="70 %", value="70"), "70 % moins cher", ("70 %", "")),
        (Quantity(text="$89", value="89"), "Only $89", ("$89", "")),
        (Quantity(text="3 days", value="3", unit="days"), "Done in 3 days", ("3", "days")),
        (Quantity(text="15 Sekunden", value="15", unit="Sekunden"), "", ("15", "Sekunden")),
    ],
)
def test_the_callout_takes_the_whole_number_phrase(
    quantity: Quantity, line: str, shown: tuple[str, str]
) -> None:
    assert number_display(quantity, line) == shown


def test_a_deal_does_not_count_up_as_nonsense() -> None:
    assert _count_text("3 por 2", 0.0) == "3 por 2"
    assert _count_text("70%", 0.5) == "35%"


@pytest.mark.parametrize(
    ("offer", "badge"),
    [
        ("3x2 en todas las pizzas los martes", "3x2 en todas las pizzas"),
        ("Pizzas familiares de la casa 3 por 2 los martes", "3 por 2 los martes"),
        ("buy 2 get 1 free on all running shoes", "buy 2 get 1 free"),
        ("Erste Beratung kostenlos für alle Neukunden", "Erste Beratung kostenlos"),
        ("20% off the first year", "20% off the first year"),
        ("Kids under 5 go free this month", "Kids under 5 go free"),
        ("Entrée gratuite pour les enfants cette semaine", "Entrée gratuite"),
        ("Kinder unter 6 gratis an diesem Wochenende", "Kinder unter 6 gratis"),
        ("Free samples shipped in 48 hours", "Free samples shipped"),  # not "... in 48"
        ("Envío gratis en 24 horas a toda España", "Envío gratis en 24 horas"),
    ],
)
def test_the_badge_keeps_a_deal_whole_and_ends_on_a_word_that_matters(
    offer: str, badge: str
) -> None:
    assert short_offer(offer) == badge


@pytest.mark.parametrize(
    ("offer", "lead"),
    [
        ("3X2 EN TODAS LAS PIZZAS", ("3X2", "EN TODAS LAS PIZZAS")),
        ("20% OFF THE FIRST YEAR", ("20%", "OFF THE FIRST YEAR")),
        ("BUY 2 GET 1 FREE", ("BUY 2 GET 1 FREE", "")),
        ("$49/MONTH", ("$49/MONTH", "")),
        ("خصم 30%", ("30%", "خصم")),
        ("FIRST MONTH FREE", ("", "FIRST MONTH FREE")),
        ("LIVRAISON OFFERTE DÈS 50 €", ("", "LIVRAISON OFFERTE DÈS 50 €")),
    ],
)
def test_the_badge_leads_with_the_deal_s_figure(offer: str, lead: tuple[str, str]) -> None:
    assert lead_figure(offer) == lead


def test_the_figure_on_the_badge_is_bigger_than_the_words_under_it() -> None:
    from tests.test_visuals_templates import ad_requests

    request = next(r for r in ad_requests(mood="upbeat") if design_scene(r).template == "offer")
    design = replace(design_scene(request), offer="3x2 en todas las pizzas")
    badge = Offer(design, 540, 960).badge_img
    px = np.asarray(badge)
    ink = (px[..., :3].max(axis=-1) < 60) & (px[..., 3] > 200)  # the badge's dark type
    rows = np.flatnonzero(ink.any(axis=1))
    runs = np.split(rows, np.flatnonzero(np.diff(rows) > 2) + 1)  # lines of dark type
    heights = [len(r) for r in runs if len(r) > 3]
    assert len(heights) >= 2 and heights[0] > 1.6 * max(heights[1:])

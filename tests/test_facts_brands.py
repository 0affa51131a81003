"""Brand spans a careful reader takes from a prompt: the name, not the grape, the kind of
shop in front of it, or the season its name contains."""

from __future__ import annotations

import pytest

from pipeline.providers.copywriting import write_specification


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
        ("Vinho do Porto Quinta da Aveleda 2015, notas de figo", "Quinta da Aveleda"),
        # a season elided onto a name is part of it
        ("Festival Notti d'Estate a Lecce, 4 serate di musica", "Notti d'Estate"),
    ],
)
def test_brand_span(prompt: str, brand: str) -> None:
    assert write_specification(prompt).brand.brand_name == brand

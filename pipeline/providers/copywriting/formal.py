"""Formal address for professional kinds (law, finance, health, B2B): Sie, usted, Lei, u.

The phrase banks speak to a friend ("Das wirst du lieben", "Ven a vernos"); a law firm or a
tax adviser addresses the viewer formally where the language has a formal "you". French
copy already says "vous"; Portuguese "você", Polish, Swedish and Turkish lines are written so
they need no change.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.providers.copywriting.writer import Copy

# fmt: off
_RULES: dict[str, tuple[tuple[str, str], ...]] = {
    "de": (
        (r"\bDas wirst du lieben\b", "Das werden Sie lieben"),
        (r"\bDu verdienst\b", "Sie verdienen"), (r"\bdeinen\b", "Ihren"),
        (r"\bdeine\b", "Ihre"), (r"\bdein\b", "Ihr"), (r"\bdich\b", "Sie"),
        (r"^Besuch uns\b", "Besuchen Sie uns"), (r"^Komm vorbei\b", "Kommen Sie vorbei"),
    ),
    "es": (
        (r"\bTe va a encantar\b", "Le va a encantar"), (r"\bconformarte\b", "conformarse"),
        (r"^Mereces\b", "Merece"), (r"^Conoce\b", "Conozca"), (r"\btu\b", "su"),
        (r"^Descúbrelo\b", "Descúbralo"), (r"^Pídelo\b", "Pídalo"), (r"^Ven a\b", "Venga a"),
        (r"^Te esperamos\b", "Le esperamos"), (r"^Reserva\b", "Reserve"),
        (r"^Llámanos\b", "Llámenos"), (r"^Pide\b", "Pida"), (r"^Descubre\b", "Descubra"),
        (r"^Compra\b", "Compre"), (r"^Empieza\b", "Empiece"), (r"^Apúntate\b", "Apúntese"),
        (r"^Inscríbete\b", "Inscríbase"), (r"^Solicítalo\b", "Solicítelo"),
    ),
    "it": (
        (r"\bTe ne innamorerai\b", "Se ne innamorerà"), (r"^Meriti\b", "Merita"),
        (r"^Scopri\b", "Scopra"), (r"^Scoprilo\b", "Lo scopra"), (r"^Vieni\b", "Venga"),
        (r"^Ti aspettiamo\b", "La aspettiamo"), (r"^Prenota\b", "Prenoti"),
        (r"^Richiedi\b", "Richieda"), (r"^Ordina\b", "Ordini"), (r"^Acquista\b", "Acquisti"),
        (r"^Inizia\b", "Inizi"), (r"^Iscriviti\b", "Si iscriva"), (r"\btua\b", "Sua"),
        (r"\btuo\b", "Suo"),
    ),
    "nl": (
        (r"^Je gaat\b", "U gaat"), (r"^Je verdient\b", "U verdient"), (r"\bjouw\b", "uw"),
        (r"\bje plek\b", "uw plek"), (r"^Schrijf je in\b", "Schrijf u in"),
        (r"^Meld je\b", "Meld u"),
    ),
}
# fmt: on
_COMPILED = {
    code: tuple((re.compile(rx), repl) for rx, repl in rules) for code, rules in _RULES.items()
}


def formal(line: str, language: str) -> str:
    """``line`` in the formal address of ``language`` (unchanged where there is none)."""
    for rx, repl in _COMPILED.get(language, ()):
        line = rx.sub(repl, line)
    return line


def formal_copy(copy: Copy, language: str) -> Copy:
    """Every line of ``copy`` (beats, call to action, benefits) in the formal address."""
    if language not in _COMPILED:
        return copy
    return replace(
        copy,
        headlines=[(b, formal(t, language), v) for b, t, v in copy.headlines],
        call_to_action=formal(copy.call_to_action, language),
        benefits=[formal(b, language) for b in copy.benefits],
    )

"""Where the business is and whom the product is for, read from the prompt.

:func:`place` is the town or street after a place preposition ("in Leeds", "w Gdańsku"),
:func:`only_a_place` says whether a brand read from the prompt is only that town, and
:func:`audience` is the people after the language's "for" ("para autónomos", "für
Handwerker"). :mod:`.facts` puts them into the prompt's facts.
"""

from __future__ import annotations

import re

from pipeline.providers.copywriting import rx as _re
from pipeline.providers.copywriting.lang import LANGS, Lang

_ALL_LANGS = tuple(LANGS.values())

_PLACE = re.compile(
    r"\b((?:in|on|at|near|en|à|in der|im|em|na|no|aus|a|sul|nel|di|sur|w|we|i)\s+"
    r"(?:[A-ZÀ-ÝĄĆĘŁŃŚŹŻ][\w'’-]+\s?){1,3}"
    r"(?:Street|St|Avenue|Ave|Road|Rd|Square|Boulevard)?)"
)


#: Prepositions that put a business in a town ("at", "a" also give to or meet a name).
_IN_TOWN = {"in", "w", "we", "im", "en", "i"}


def only_a_place(text: str, brand: str) -> bool:
    """Whether ``brand`` is only the town the prompt names ("fietsenwinkel in Zwolle",
    "kawiarnia w Gdańsku"): said once, right after a place preposition."""
    if not brand or text.count(brand) != 1:
        return False
    if _re.fullmatch(r"[^\W\d_]+['’][dt][ae](?:ki)?", brand):
        return True  # Turkish "Ankara'daki", "İzmir'de": in a town
    for m in _PLACE.finditer(text):
        word, _, name = m.group(1).partition(" ")
        if word.lower() in _IN_TOWN and name.strip() == brand:
            return True
    return False


def place(text: str) -> str:
    """The town or street the prompt puts the business in ("in Camden"), else ""."""
    for m in _PLACE.finditer(text):
        place = m.group(1).strip()
        name = place.split(None, 1)[1] if " " in place else place
        if m.start() > 0 and not any(
            _re.fullmatch(t.occasions, name, re.IGNORECASE) for t in _ALL_LANGS
        ):
            return place
    return ""


#: What can follow "for" without naming people: an indefinite article or "one" (a portion:
#: "pour une personne", "for a week") or a limit ("pour les moins de 18 ans", "for less").
_NOT_PEOPLE = re.compile(
    r"a|an|one|un|una|uno|une|ein|eine|einen|einem|einer|um|uma|een|ett|bir|less|more|"
    r"under|over|moins|plus|menos|más|mas|weniger|mehr|meno|più|minder|meer|mindre|mer|"
    r"mniej|więcej|daha",
    re.IGNORECASE,
)


def audience(text: str, table: Lang) -> str:
    """The people after the language's "for" ("para autónomos", "für Handwerker")."""
    if not table.for_word or table.space == "":
        return ""
    m = _re.search(
        rf"(?<!\w){table.for_word}\s+((?:[^\W\d_][\w'’-]*\s?){{1,3}})(?=[,.;:!?]|$|\s\d)",
        text,
        re.IGNORECASE,
    )
    if not m:
        return ""
    raw = m.group(1).split()
    while raw and raw[0].lower() in table.hints and not _NOT_PEOPLE.fullmatch(raw[0]):
        raw.pop(0)  # "for the whole family", "pour les artisans"
    if not raw or _NOT_PEOPLE.fullmatch(raw[0]):
        return ""  # "pour une personne", "für einen Abend", "for less": an amount, not people
    words: list[str] = []
    for w in raw:
        if w.lower() in table.hints:
            break  # "Anfänger auf Sylt": the people end where a place or a condition starts
        words.append(w)
    if not words or (table.code != "de" and any(w[:1].isupper() for w in words)):
        return ""  # "pour Éclat" names the brand, not people
    return " ".join(words)

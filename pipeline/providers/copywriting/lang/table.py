"""The per-language table for reading facts and writing copy (STYLE #13: data, not branches).

One :class:`Lang` row per language the director writes: the words that ask for an ad (never a
brand), hint words that tell Latin-script languages apart, patterns for offers, deadlines,
scarcity, occasions and pains, and the calls to action and connectives the copy is built with.
Patterns are regular expressions matched case-insensitively.
"""

from __future__ import annotations

from dataclasses import dataclass

N = r"\d+(?:[.,]\d{3})*(?:[.,]\d\d)?"  # a number as written: 29, 1,299, 4.99

#: Deals written the same way in every Latin-script language: "2x1", "1+1 gratis", "-30 %",
#: "3 por 2", "3 für 2", "3 for 2" (a count for a smaller count, not a price or a percent).
#: "the 6th class is free", "die 6. Wäsche gratis", "a 5ª é grátis", "la 6e offerte"
NTH_FREE = (
    r"\b\d+(?:st|nd|rd|th|e|er|ème|ª|º|°|\.)(?:\s+[^\W\d]+){0,2}?\s+(?:(?:is|é|est|ist|es|è)\s+)?"
    r"(?:free|gratis|grátis|gratuit|gratuite|gratuito|gratuita|offert|offerte|kostenlos|omaggio)\b"
)
MULTI_BUY = (
    r"\d\s?[x×]\s?\d",
    r"\d\s?\+\s?\d\s+(?:free|gratis|gratuit|offert|grátis|kostenlos|omaggio)",
    r"-\s?\d{1,2}\s?%",
    r"\d+\s+(?:por|for|pour|für|per|voor|för|para|za)\s+\d+(?![\d.,]*\s?(?:%|€|\$|£|euro|zł|kr))",
    NTH_FREE,
)


@dataclass(frozen=True)
class Lang:
    """One language's reading and writing table."""

    code: str
    request: str  # a request for an ad at the start of a clause ("make an ad for")
    ad_words: frozenset[str]  # "ad", "Werbung", "anuncio": never a brand
    hints: frozenset[str]  # function words that mark the language
    free: str  # "free" words, for offers
    offers: tuple[str, ...]  # patterns of a deal
    deadline: str  # "order by noon", "this weekend only"
    scarcity: str  # "only 200 made"
    occasions: str  # Christmas, Mother's Day, Black Friday
    pain: str  # "tired of", "cansado de"
    ctas: tuple[str, ...]  # 2-4 word calls to action
    cta_verbs: str  # verbs that open the prompt's own call to action
    with_word: str  # "with" for "{Name}, with {fact}"
    and_word: str
    now: str  # "now", appended to a bare offer
    new: str  # "New:" to open a launch hook
    at_place: str = "{name} {place}"  # a line from the place the prompt names
    for_people: str = "For {audience}"  # a line from the audience the prompt names
    for_word: str = "for"  # introduces the audience in a prompt
    colon: str = ": "  # between a name and what it is (French: " : ")
    sign_off: str = "{name}"  # the brand as a line of its own ("{product}なら{name}")
    space: str = " "  # between words (empty for ja/zh)


def words(text: str) -> frozenset[str]:
    """A word list written as one string."""
    return frozenset(text.split())

"""What each scene's line states, read against the prompt's typed facts.

A line that carries the offer asks for the offer badge, the pain for the before/after
split, one of the prompt's numbers for the big-number callout (that number exactly), a
claim for the checklist. The occasion is turned into the words the icon table knows
("Día de la Madre" -> "mothers day" -> flowers).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.spec import PromptFacts, Quantity

# the icon table's word for an occasion <- the occasion's words in the nine languages
_OCCASIONS: tuple[tuple[str, str], ...] = (
    ("christmas", r"christmas|xmas|weihnacht|navidad|no[eë]l|natale|natal\b|クリスマス|圣诞|聖誕"),
    ("christmas", r"عيد الميلاد"),
    ("mothers day flower", r"mother'?s'? day|muttertag|d[ií]a de la madre|dia das m[aã]es"),
    ("mothers day flower", r"f[eê]te des m[eè]res"),
    ("mothers day flower", r"festa della mamma|母の日|母亲节|母親節|عيد الأم"),
    ("gift", r"father'?s'? day|vatertag|d[ií]a del padre|dia dos pais|des p[eè]res|festa del pap"),
    ("gift", r"父の日|父亲节|عيد الأب"),
    ("valentines", r"valentin|バレンタイン|情人节|عيد الحب"),
    ("halloween", r"halloween|ハロウィン|万圣节"),
    ("birthday", r"birthday|cumplea|geburtstag|anniversaire|compleanno|anivers[aá]rio"),
    ("birthday", r"誕生日|生日|عيد ميلاد"),
    ("wedding", r"wedding|boda|hochzeit|mariage|matrimonio|casamento|結婚|婚礼|زفاف"),
    ("new year", r"new year|a[ñn]o nuevo|silvester|neujahr|nouvel an|capodanno|ano novo"),
    ("new year", r"正月|新年|春节|رأس السنة"),
    ("black friday", r"black friday|cyber monday"),
    ("ramadan", r"ramad[aā]n|رمضان|\beid\b|عيد"),
    ("celebration", r"easter|ostern|pascua|p[aâ]ques|pasqua|p[aá]scoa|イースター|复活节"),
)
_TAIL = re.compile(r"\s+(the|a|an|of|for|to|and|de|la|le|el|der|die|das|du|des|em|e|y|et)$", re.I)
_PARTICLE = re.compile(r"[でにのをはがとも]+$")  # a Japanese particle read into a unit


@dataclass(frozen=True)
class LineFacts:
    """The template a scene's line asks for ("" for none) and the number it states."""

    template: str = ""
    number: tuple[str, str] = ("", "")


def occasion_keyword(occasion: str) -> str:
    """The icon table's word for ``occasion`` (the occasion itself when not known)."""
    low = occasion.casefold()
    for keyword, pattern in _OCCASIONS:
        if re.search(pattern, low):
            return keyword
    return low.replace("'", "").replace("’", "")


def _fold(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())


def _says(line: str, fact: str, share: float = 0.5) -> bool:
    """Whether ``line`` states ``fact``: most of the fact's character trigrams are in it
    (works for every script, and for a fact tightened into a shorter line)."""
    a, b = _fold(line), _fold(fact)
    if not a or not b:
        return False
    if b in a:
        return True
    grams = {b[i : i + 3] for i in range(max(1, len(b) - 2))}
    return sum(g in a for g in grams) >= share * len(grams)


def number_display(q: Quantity) -> tuple[str, str]:
    """(figure, unit) as the callout shows them: ("70%", ""), ("3", "days"), ("$49/month", "")."""
    text = _PARTICLE.sub("", q.text.strip())
    unit = _PARTICLE.sub("", q.unit.strip())
    if (
        unit
        and unit.isalpha()
        and len(unit) > 1
        and re.fullmatch(rf"{re.escape(q.value)}\s+{re.escape(unit)}", text)
    ):
        return q.value, unit
    return text, ""


def read_line(line: str, facts: PromptFacts, offer: str) -> LineFacts:
    """What ``line`` states of ``facts`` (offer, then pain, then a number, then a claim)."""
    if not line.strip():
        return LineFacts()
    if offer and _says(line, offer, 0.6):
        return LineFacts("offer")
    if facts.pain and _says(line, facts.pain):
        return LineFacts("split")
    fold = line.casefold()
    for q in facts.numbers:
        if offer and q.text.casefold() in offer.casefold():
            continue  # the offer's own figure belongs on the badge
        if q.text.casefold() in fold or _fold(q.text) in _fold(line):
            return LineFacts("number", number_display(q))
    if any(_says(line, claim) for claim in facts.claims):
        return LineFacts("checklist")
    return LineFacts()


def short_offer(offer: str, limit: int = 28) -> str:
    """The offer as a badge holds it: whole words up to ``limit`` characters, no dangling
    function word ("20% off the first year" fits; "buy 2 loaves, get a free roll" is cut at
    its clause)."""
    text = offer.strip()
    if len(text) > limit and re.search(r"[,;:]", text[:limit]):
        text = re.split(r"[,;:]", text)[0]
    out = ""
    for word in text.split():
        if len(out) + len(word) + 1 > limit:
            break
        out = f"{out} {word}".strip()
    out = out or text[:limit]
    return _TAIL.sub("", out) or out

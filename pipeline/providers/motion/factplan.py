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
# function words a badge must not end on, in the nine languages' Latin scripts
_TAIL = re.compile(
    r"\s+(the|a|an|of|for|to|and|on|in|at|by|with|de|del|la|las|lo|los|le|les|el|un|una|une|"
    r"der|die|das|den|dem|ein|eine|auf|f[uü]r|mit|und|du|des|au|aux|sur|pour|avec|et|em|no|na|"
    r"os|as|com|para|por|en|con|y|e|al|il|di|per|o|ou|all|every|todas?|todos|alle|allen|tous|"
    r"toutes|tutti|tutte|this|that|these|those|next|each|our|your|their|its|ce|cet|cette|ces|"
    r"notre|votre|dieser|diese|dieses|diesen|unser|unsere|ihr|ihre|este|esta|estos|estas|"
    r"nuestro|nuestra|questo|questa|nostro|nostra|deze|dit|onze|uw)$",
    re.I,
)
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


def says(line: str, fact: str, share: float = 0.5) -> bool:
    """Whether ``line`` states ``fact``: most of the fact's character trigrams are in it
    (works for every script, and for a fact tightened into a shorter line)."""
    a, b = _fold(line), _fold(fact)
    if not a or not b:
        return False
    if b in a:
        return True
    grams = {b[i : i + 3] for i in range(max(1, len(b) - 2))}
    return sum(g in a for g in grams) >= share * len(grams)


# "3x2", "3 por 2", "2 for 1", "3 für 2", "buy 2 get 1": a deal is one phrase, never "3 POR"
_MULTIBUY = re.compile(
    r"(?:buy|compra|compre|kaufe?|achetez|ach[eè]te)?\s*\b\d+\s*(?:[x×]|por|for|f[uü]r|pour|"
    r"per|para|al prezzo di|pelo pre[cç]o de|zum preis von|au prix de|,?\s*get|,?\s*llevas?|"
    r",?\s*lleve|,?\s*bekommen?|,?\s*obtenez|,?\s*leve)\s*\d+\b(?:\s*(?:free|gratis|gr[aá]tis|"
    r"offerts?|gratuits?|geschenkt))?",
    re.IGNORECASE,
)
# words read as a number's unit that are no unit (a preposition, article, conjunction, verb)
_NOT_UNITS = frozenset(
    re.findall(
        r"\S+",
        "a al and at au aux by com con da das de del dem den der des di die do dos du e el em en "
        "et für get im in la las le les lo los mit na no nos o of off on or os ou over par para "
        "per por pour pro sur the to um un una und une until up von y zu "
        "go goes get gets is are pay ride stay eat come",  # verbs: "kids under 3 go free"
    )
)


def number_display(q: Quantity, line: str = "") -> tuple[str, str]:
    """(figure, unit) as the callout shows them: ("70%", ""), ("3", "days"), ("$49/month", ""),
    the whole deal for a multi-buy ("3 por 2", "3x2"); a unit that is a function word is
    dropped ("2 los" -> "2")."""
    for m in _MULTIBUY.finditer(line or q.text):
        if re.search(rf"(?<!\d){re.escape(q.value)}(?!\d)", m.group()):
            return m.group().strip(" ,"), ""
    text = _PARTICLE.sub("", q.text.strip())
    unit = _PARTICLE.sub("", q.unit.strip())
    if unit.casefold() in _NOT_UNITS:
        return q.value, ""
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
    if offer and says(line, offer, 0.6):
        return LineFacts("offer")
    if facts.pain and says(line, facts.pain):
        return LineFacts("split")
    fold = line.casefold()
    for q in facts.numbers:
        if offer and q.text.casefold() in offer.casefold():
            continue  # the offer's own figure belongs on the badge
        if q.text.casefold() in fold or _fold(q.text) in _fold(line):
            return LineFacts("number", number_display(q, line))
    if len(facts.claims) >= 2 and any(says(line, claim) for claim in facts.claims):
        # (one claim on a card would only repeat the line the overlay already shows)
        return LineFacts("checklist")
    return LineFacts()


_FIGURE = re.compile(
    r"(?:(?:[$€£¥]|r\$)\s?\d+(?:[.,]\d+)?|\d+(?:[.,]\d+)?\s?(?:%|％|٪|€|£|euros?\b|元|円))"
    r"(?:\s?/\s?[^\W\d_]+)?",
    re.IGNORECASE,
)


def lead_figure(offer: str) -> tuple[str, str]:
    """(the figure a badge leads with, the rest of the offer): ("3x2", "en todas las
    pizzas"), ("20%", "off the first year"); ("", offer) when it states no figure."""
    m = _MULTIBUY.search(offer) or _FIGURE.search(offer)
    if m is None or not (m.start() == 0 or _MULTIBUY.fullmatch(m.group()) or "%" in m.group()):
        return "", offer  # a price inside a sentence ("dès 50 €") is no headline figure
    rest = f"{offer[: m.start()]} {offer[m.end() :]}"
    return m.group().strip(" ,"), " ".join(rest.split()).strip(" ,:-")


def _grow(out: str, rest: str, limit: int) -> str:
    for word in rest.split():
        if len(out) + len(word) + 1 > limit:
            break
        out = f"{out} {word}"
    return out


def short_offer(offer: str, limit: int = 28) -> str:
    """The offer as a badge holds it: whole words up to ``limit`` characters, no dangling
    function word ("20% off the first year" fits; "buy 2 loaves, get a free roll" is cut at
    its clause; a multi-buy deal is kept whole)."""
    text = offer.strip()
    if len(text) > limit and re.search(r"[,;:]", text[:limit]):
        text = re.split(r"[,;:]", text)[0]
    words = text.split()
    out = _grow(words[0], " ".join(words[1:]), limit) if words else ""
    out = out if len(out) <= limit else text[:limit]
    deal = _MULTIBUY.search(text)
    if deal is not None and deal.group().strip() not in out:
        # the deal is the offer: never half of it ("3 por") nor the words before it alone
        out = _grow(deal.group().strip(), text[deal.end() :], limit)
    rest = text[len(out) :] if text.startswith(out) else ""
    if re.search(r"\s\d+$", out) and re.match(r"\s+[^\W\d]", rest):
        # "free samples shipped in 48 | hours": a number cut from its unit says nothing
        out = re.sub(r"\s+\d+$", "", out)
    while _TAIL.search(out):
        out = _TAIL.sub("", out)
    return out or text[:limit]

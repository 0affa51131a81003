"""Ad lines written from the prompt's facts, before any bank line is considered.

:func:`fact_lines` turns :class:`~pipeline.spec.PromptFacts` into an ordered queue of lines
(the hook candidates first: pain, occasion, the strongest claim with a number), each
tightened to the beat's length with its number kept exact. :func:`closing_offer` joins the
offer, the deadline and the scarcity that close the ad beside the call to action.
"""

from __future__ import annotations

import re

from pipeline.providers.copywriting.lang import lang
from pipeline.spec import PromptFacts

HOOK_MAX_WORDS = 7
LINE_MAX_WORDS = 9
_DIGIT = re.compile(r"\d")
_ARTICLES = frozenset(
    [
        "the",
        "a",
        "an",
        "your",
        "our",
        "their",
        "el",
        "la",
        "los",
        "las",
        "le",
        "les",
        "un",
        "une",
        "der",
        "die",
        "das",
        "ein",
        "eine",
        "il",
        "lo",
        "gli",
        "o",
        "os",
        "as",
        "um",
        "uma",
    ]
)
_CJK = re.compile(r"[\u3040-\u30FF\u4E00-\u9FFF]")
#: A price as written: "$89", "R$ 39", "19,99 €", "99 zł", "1500円".
PRICE = re.compile(
    r"(?:[$€£¥₹]|R\$|US\$)\s?\d|\d[\d.,]*\s?(?:€|£|euros?|kr|zł|円|元|reais|dollars?|"
    r"pesos|lei)(?!\w)",
    re.IGNORECASE,
)
_LETTERS = re.compile(r"[^\W\d_]{3,}")
_TRAILING = re.compile(
    r"\s+(?:and|or|to|for|with|of|the|a|an|from|in|on|y|de|et|und|mit|e|con|di|da|do|für|"
    r"pour|para|per|the)$",
    re.IGNORECASE,
)


def tighten(text: str, max_words: int, max_chars: int = 48) -> str:
    """``text`` in at most ``max_words`` words (``max_chars`` for CJK), keeping its number."""
    text = re.sub(r"\s+", " ", text).strip(" ,;:-")
    if _CJK.search(text) and " " not in text:
        return text[:max_chars]
    words = text.split()
    if len(words) <= max_words:
        return text
    words = [w for i, w in enumerate(words) if i == 0 or w.lower() not in _ARTICLES]
    if len(words) <= max_words:
        return " ".join(words)
    first = next((i for i, w in enumerate(words) if _DIGIT.search(w)), 0)
    start = max(0, min(first - 1, len(words) - max_words))
    cut = " ".join(words[start : start + max_words])
    while _TRAILING.search(cut):
        cut = _TRAILING.sub("", cut)
    return cut


def _sentence(text: str, language: str) -> str:
    text = text[:1].upper() + text[1:]
    if _CJK.search(text):
        return text if text.endswith(("。", "！", "？")) else text + "。"
    if language == "ar":
        return text
    return text if text.endswith((".", "!", "?")) else text + "."


def sign_off(brand: str, product: str, language: str) -> str:
    """The brand (or, without one, the product) as a line of its own: the last resort for a
    beat no fact is left for, in place of a line that could sit under any product."""
    if not brand.strip():
        return _sentence(product.strip(), language) if product.strip() else ""
    line = lang(language).sign_off.format(name=brand.strip(), product=product.strip())
    return _sentence(line, language)


def fact_lines(facts: PromptFacts, language: str, name: str, *, hook_chars: int) -> list[str]:
    """Every fact as an ad line, the best hook first; no fact twice, the offer left out."""
    offer_bits = " ".join((facts.offer, facts.deadline, facts.scarcity)).lower()
    product = facts.product.lower()
    # a claim that only names the product ("Vinho do Porto") is no claim: the name line says it
    claims = [c for c in facts.claims if c.lower() not in offer_bits and c.lower() not in product]
    numbered = [c for c in claims if _DIGIT.search(c)]
    plain = [c for c in claims if not _DIGIT.search(c)]
    pain = [facts.pain] if facts.pain else []
    occasion = []
    if facts.occasion and not any(facts.occasion.lower() in c.lower() for c in claims):
        colon = lang(language).colon
        occasion = [f"{facts.occasion[:1].upper()}{facts.occasion[1:]}{colon}{name}"]
    out: list[str] = []
    for raw in [*pain, *numbered, *occasion, *plain]:
        line = _sentence(tighten(raw, LINE_MAX_WORDS), language)
        if line.lower() not in (o.lower() for o in out):
            out.append(line)
    shown = " ".join(out)
    for quantity in facts.numbers:
        if quantity.value not in shown and quantity.value not in offer_bits:
            out.append(_sentence(f"{name}, {quantity.text}", language))
            shown += " " + quantity.text
    table = lang(language)
    if facts.place and facts.place.lower() not in shown.lower() and facts.place not in name:
        out.append(_sentence(table.at_place.format(name=name, place=facts.place), language))
    audience = facts.audience.lower()
    if audience and audience not in shown.lower() and audience not in offer_bits:
        line = audience_line(facts, language, name)  # (an offer "for students" says it)
        if line and line.lower() not in (o.lower() for o in out):
            out.append(line)
    out = _strong_first(out, language)
    if out:
        first = out[0]
        short = tighten(first.rstrip(".。"), HOOK_MAX_WORDS, hook_chars)
        out[0] = _sentence(short, language) if short != first.rstrip(".。") else first
    return out


def audience_line(facts: PromptFacts, language: str, name: str) -> str:
    """Whom the product is for, said with the product ("Invoicing software for freelancers.",
    "Harçlık uygulaması" after "çocuklar için"): "For freelancers." alone was a fragment."""
    template = lang(language).for_people
    said = template.format(audience=facts.audience, name=name)
    product = facts.product.strip()
    if "{name}" in template:
        return _sentence(said, language)
    brand = " ".join(n for n in (facts.brand, name) if n and n.lower() != product.lower())
    lower = f"{said[:1].lower()}{said[1:]}"
    if not product or product.lower() in brand.lower():
        # no product apart from the name: the name says it ("Holzhaus: für kleine Kinder")
        return _sentence(f"{name}{lang(language).colon}{lower}", language) if name else ""
    if facts.audience.lower() in product.lower():  # "app de recetas para estudiantes"
        return _sentence(product, language)
    if template.startswith("{audience}"):  # a postposition: the people come first
        return _sentence(f"{said} {product}", language)
    return _sentence(f"{product} {lower}", language)


def weak_hook(line: str, language: str) -> bool:
    """A line that is only a deadline or a price ("Book before Friday.", "3 for $5."): it
    closes an ad, it cannot open one (fewer than two words left once they are taken out)."""
    table = lang(language)
    timed = re.search(table.deadline, line, re.IGNORECASE)
    priced = PRICE.search(line)
    if not (timed or priced) or _CJK.search(line):
        return False
    rest = PRICE.sub(" ", re.sub(table.deadline, " ", line, flags=re.IGNORECASE))
    verbs = re.compile(rf"\b(?:{table.cta_verbs})\b", re.IGNORECASE)
    words = [w for w in _LETTERS.findall(verbs.sub(" ", rest)) if w.lower() not in _ARTICLES]
    return len(words) < 2


def _strong_first(lines: list[str], language: str) -> list[str]:
    """``lines`` with the first one that can open an ad moved to the front."""
    strong = next((k for k, line in enumerate(lines) if not weak_hook(line, language)), 0)
    return [lines[strong], *lines[:strong], *lines[strong + 1 :]] if lines else lines


def _price_clause(facts: PromptFacts) -> str:
    """The prompt's price with the words around it ("hot desks from $49 a week"): the
    shortest claim that holds it, else the price alone."""
    for quantity in facts.numbers:
        if not PRICE.search(quantity.text):
            continue
        held = [c for c in facts.claims if quantity.text in c and len(c.split()) <= HOOK_MAX_WORDS]
        return min(held, key=len) if held else quantity.text
    return ""


def closing_offer(
    facts: PromptFacts, offer: str | None, cta: str, language: str = "en"
) -> str | None:
    """The offer line before the call to action: offer, deadline and scarcity, once each,
    and the prompt's price when none of them carries it (a close that drops "$89" loses
    the one fact a buyer acts on)."""
    longer = offer and facts.offer and offer.lower() in facts.offer.lower()
    parts = [facts.offer if longer else (offer or facts.offer)]
    if cta and (parts[0] or "").lower() == cta.lower():
        parts = []  # "Pobierz za darmo" is the offer and the call to action: said once
    low = " ".join(p for p in parts if p).lower()
    for extra in (facts.deadline, facts.scarcity):
        if extra and extra.lower() not in low and extra.lower() not in cta.lower():
            parts.append(extra)
            low += " " + extra.lower()
    text = " ".join(p for p in parts if p).strip()
    price = _price_clause(facts)
    found = PRICE.search(price)
    digits = re.sub(r"\D", "", found.group()) if found else ""
    if price and digits not in re.sub(r"\D", "", text):
        join = {"ja": "、", "zh": "，", "ar": "، "}.get(language, ". ")
        price = price[:1].upper() + price[1:] if text and join == ". " else price
        text = f"{text}{join}{price}" if text else price
    return (text[:1].upper() + text[1:])[:80] if text else None


def fact_cta(facts: PromptFacts, language: str) -> str | None:
    """The prompt's own call to action when it is 2-4 words (any length in CJK)."""
    cta = facts.call_to_action
    if not cta:
        return None
    if _CJK.search(cta) or 2 <= len(cta.split()) <= 4:
        return cta[:40]
    return None


def connective(language: str) -> str:
    """The word that joins a name to a feature ("with", "con", "mit")."""
    return lang(language).with_word

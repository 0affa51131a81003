"""Reading the prompt into :class:`~pipeline.spec.PromptFacts`, in any of the nine languages.

The prompt is cut into clauses; the clause that names the product is the *naming clause*,
the others (and "with ..." tails) are the claims. Numbers keep their unit as written, the
offer, deadline, scarcity and occasion come from the language's patterns
(:mod:`.languages`), the place and the people it is for come from :mod:`.whom`, and the
English readers of :mod:`.brief` add pain and the prompt's own call to action.
"""

from __future__ import annotations

import re

from pipeline.providers.copywriting import brief
from pipeline.providers.copywriting import lexicon as lx
from pipeline.providers.copywriting import rx as _re
from pipeline.providers.copywriting.lang import Lang, lang
from pipeline.providers.copywriting.lang.table import MULTI_BUY, NTH_FREE
from pipeline.providers.copywriting.product import CTA_CLAUSE
from pipeline.providers.copywriting.whom import audience as _audience
from pipeline.providers.copywriting.whom import place as _place
from pipeline.spec import PromptFacts, Quantity

URL = re.compile(
    r"https?://[^\s,;]+|www\.[^\s,;]+|\b[\w-]+\.(?:com|org|net|io|shop|app|co|store|de|fr|es|"
    r"it|pt|br|jp|cn)(?:/[^\s,;]*)?(?=[\s,;]|$)",
    re.IGNORECASE,
)
_CLAUSE = re.compile(
    r"(?<!\d)[,.](?!\d)|[,.](?=\s)|[;:!?，、。：；！？()\[\]،؛؟]|\s[-–—]+\s|\s-{2,}"
)
_NUMBER = re.compile(
    r"(?:[$€£¥]|r\$)\s?\d+(?:[.,]\d+)?(?:\s?/\s?[^\W\d_]+)?"
    r"|\d+(?:[.,]\d+)?(?:\s?[%％٪])"
    r"|\d+(?:[.,]\d+)?(?:\s?(?:€|euros?|元|円|ريال|درهم))(?:\s?/\s?[^\W\d_]+)?"
    r"|\d+(?:[.,:]\d+)?(?:[\s-]?(?P<unit>[^\W\d_]+(?:[\s-](?:old|year|years|day|days))?))?",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d")
_CJK = re.compile(r"[\u3040-\u30FF\u4E00-\u9FFF]")
_HEX = re.compile(r"#[0-9A-Fa-f]{3,6}\b")
_LEAD = re.compile(
    r"^(?:and|but|so|then|with|plus|also|it|that|which|y|et|und|e|con|avec|mit|com|"
    r"el|la|le|les|der|die|das|il|lo)\s+",
    re.IGNORECASE,
)
_MOOD_WORDS = frozenset().union(*lx.MOOD_CUES.values(), *lx.STYLE_CUES.values())
_LEAD_TAIL = re.compile(
    r"\s+(?:with|by|from|at|to|called|named|con|de|avec|par|mit|von|com|da|di)\s*$", re.IGNORECASE
)
_AFTER = re.compile(r"^\s*(?:,\s*)?(?:and|that|which|so|to|y|et|und|e|que|qui|che|die)?\s*", re.I)
_WHO = re.compile(r"^(?:for|para|pour|für|per|by|from|de|von|da|in|at|en|em|a|à)\b", re.I)
_TONE_ONLY = lx.COMMON | lx.PLATFORM_WORDS | frozenset(lx.COLORS) | lx.DETERMINERS | _MOOD_WORDS


def _span_text(pattern: str | tuple[str, ...], text: str) -> str:
    patterns = (pattern,) if isinstance(pattern, str) else pattern
    hits = []
    for p in patterns:
        m = _re.search(p if not p.isascii() else rf"(?<!\w)(?:{p})(?!\w)", text, re.IGNORECASE)
        if m and m.group().strip():
            hits.append(m)
    if not hits:
        return ""
    m = min(hits, key=lambda h: (h.start(), -len(h.group())))
    return _re.sub(r"\s+", " ", m.group()).strip(" ,.;:-")


_PHRASE_EDGE = re.compile(
    r"^(?:for|with|in|at|of|the|a|an|and|por|para|con|de|pour|avec|für|mit|per|da|com)$", re.I
)


def _number_phrase(parts: list[str], text: str, names: list[str]) -> str:
    """A number in the prompt's own words around it ("for up to 150 guests" -> "Up to 150
    guests", "Paws Clinic 24-hour emergency vet" -> "24-hour emergency vet")."""
    if _CJK.search(text):
        return ""
    name_words = {w.lower() for n in names if n for w in n.split()}
    for clause in parts:
        words = clause.split()
        at = next((i for i, w in enumerate(words) if text.split()[0] in w), -1)
        if at < 0:
            continue
        span = words[max(0, at - 2) : at + 1 + len(text.split()) + 1]
        while span and (span[0].lower() in name_words or _PHRASE_EDGE.match(span[0])):
            span.pop(0)
        while span and (span[-1].lower() in name_words or _PHRASE_EDGE.match(span[-1])):
            span.pop()
        phrase = " ".join(span).strip(" ,.;:")
        if phrase and any(ch.isdigit() for ch in phrase) and len(span) >= 2:
            return phrase[:1].upper() + phrase[1:]
    return ""


def _whole_clause(piece: str, text: str, brand: str, product: str) -> str:
    """The clause an offer sits in, when short and not the naming clause: "free site
    survey", not "free site"; "$2,000 off for the first 500 orders"."""
    if not piece:
        return ""
    for clause in clauses(text):
        low = clause.lower()
        names = (brand and brand.lower() in low) or (product and product.lower() in low)
        if piece.lower() in low and len(clause.split()) <= 8 and not names:
            return clause[:1].upper() + clause[1:] if piece[:1].isupper() else clause
    return piece


_NTH_FREE = re.compile(NTH_FREE, re.IGNORECASE)


def _with_its_count(deal: str, text: str) -> str:
    """ "The 6th class is free" says nothing without "book 5 classes and": a deal of the
    Nth one free takes its whole clause when the count comes before it in that clause."""
    if not deal or not _NTH_FREE.fullmatch(deal):
        return deal
    for clause in clauses(text):
        at = clause.lower().find(deal.lower())
        if at > 0 and re.search(r"\d", clause[:at]) and len(clause.split()) <= 12:
            return clause[:1].upper() + clause[1:]
    return deal


def _numbers(text: str, skip: list[str]) -> list[Quantity]:
    out: list[Quantity] = []
    for m in _NUMBER.finditer(text):
        whole = m.group().strip()
        if any(whole in s or m.group().split()[0] in s.split() for s in skip if s):
            continue
        unit = m.group("unit") or ""
        if _CJK.search(unit) and len(unit) > 2:
            whole, unit = whole[: len(whole) - len(unit) + 2], unit[:2]
        if unit.lower() in lx.DETERMINERS | lx.CONNECTORS | {"and", "or", "y", "et", "und"}:
            whole, unit = whole[: len(whole) - len(unit)].strip(" -"), ""
        value = _re.search(r"\d+(?:[.,:]\d+)?", whole)
        if value is None:
            continue
        if not unit and not _re.search(r"[%％٪$€£¥元円]|/", whole):
            unit = whole[value.end() :].strip()
        if any(q.text == whole for q in out):
            continue
        out.append(Quantity(text=whole[:40], value=value.group()[:20], unit=unit[:30]))
    return out[:12]


def clauses(text: str) -> list[str]:
    """The prompt cut at punctuation and dashes, each clause trimmed."""
    parts = [p.strip(" '\"“”«»「」") for p in _CLAUSE.split(text)]
    return [p for p in parts if p]


def _words(text: str) -> int:
    return (
        len(_CJK.findall(text)) // 2 + len(text.split()) if _CJK.search(text) else len(text.split())
    )


def _strip(clause: str, pieces: list[str]) -> str:
    for piece in pieces:
        if piece:
            clause = _re.sub(re.escape(piece), " ", clause, flags=re.IGNORECASE)
    clause = _re.sub(r"\s+", " ", clause).strip(" ,.;:-")
    while _LEAD.match(clause):
        clause = _LEAD.sub("", clause, count=1)
    return clause


def _is_claim(clause: str, language: Lang, known: list[str]) -> bool:
    words = [w.lower().strip("'’") for w in clause.split()]
    if _CJK.search(clause):
        return 2 <= len(clause) <= 24
    if not 2 <= len(words) <= 12:
        return False
    if all(w in _TONE_ONLY or w in _MOOD_WORDS for w in words):
        return False  # "elegant, gold and black": tone and colour, not a promise
    if words[0] in language.ad_words or _re.match(language.request, clause, re.IGNORECASE):
        return False
    low = clause.lower()
    return not any(k and low == k.lower() for k in known)


#: One compound noun in the clause after the brand ("Kanzlei Weber: Erbrecht-Beratung") names
#: the service: it is a claim, not a word too short to say anything.
_SERVICE_NOUN = re.compile(r"^[^\W\d_]{2,}(?:-[^\W\d_]{2,})+$|^[^\W\d_]{12,}$")


def _is_cta_clause(clause: str) -> bool:
    m = CTA_CLAUSE.match(clause)
    whole = m is not None and m.end() == len(clause)
    return whole and 2 <= len(clause.split()) <= 6 and not _DIGITS.search(clause)


def read_facts(
    text: str, language: str, *, brand: str, product: str, offer: str | None
) -> PromptFacts:
    """The facts of sanitized ``text``; ``brand``/``product``/``offer`` as already read."""
    table = lang(language)
    urls = [u.rstrip(".") for u in URL.findall(text)][:4]
    plain = URL.sub(" ", text)
    plain = _HEX.sub(" ", plain)
    deal = offer if offer else _span_text((*table.offers, *MULTI_BUY), plain)
    deal = _with_its_count(_whole_clause(deal, plain, brand, product), plain)
    deadline = _span_text(rf"(?:(?:{table.cta_verbs})\s+)?(?:{table.deadline})", plain)
    scarcity = _span_text(table.scarcity, plain)
    occasion = _span_text(table.occasions, plain)
    pain = _span_text(table.pain, plain)
    cta = brief.find_cta(plain) if language == "en" else _own_cta(plain, table)
    audience = (
        brief.find_audience(plain, brand, product) if language == "en" else _audience(plain, table)
    )
    if audience and any(p and p.lower() in audience.lower() for p in (brand, product)):
        audience = ""  # "für die Kaffeemaschine BrühMeister": the ad is for the product
    parts = clauses(plain)
    if not cta or len(cta.split()) < 2:  # "book in the app": the prompt's own call to action
        own = next((c for c in parts[1:] if _is_cta_clause(c)), "")
        cta = own[:1].upper() + own[1:] if own else cta
    cta = cta or ""
    known = [brand, product, deal, deadline, scarcity, occasion, cta]
    claims: list[str] = []
    pain_clause = ""
    naming_at = next(
        (
            k
            for k, c in enumerate(parts)
            if (brand and brand.lower() in c.lower()) or (product and product.lower() in c.lower())
        ),
        0,
    )
    for k, clause in enumerate(parts):
        if pain and pain.lower() in clause.lower():
            pain_clause = clause
        body = _re.sub(table.request, " ", clause, count=1, flags=re.IGNORECASE)
        names = k == naming_at
        pieces: list[str] = []
        if names:
            low = body.lower()
            m = (
                _re.search(rf"(?<!\w){table.with_word}\s+(.{{4,80}})$", body, re.I)
                if table.with_word
                else None
            )
            ends = [
                low.find(p.lower()) + len(p) for p in (brand, product) if p and p.lower() in low
            ]
            after = _AFTER.sub("", body[max(ends) :]) if ends else ""
            if m:
                pieces.append(m.group(1))
            elif len(after.split()) >= 3 and not _WHO.match(after):
                pieces.append(after)  # "TeamPulse HR software sets up in 5 minutes"
            at = body.find(brand) if brand else -1
            lead = _LEAD_TAIL.sub("", body[:at]).strip() if at > 0 else ""
            if len(lead.split()) >= 3:
                pieces.append(lead)  # "Cut your power bill by up to 40% with Helios Roofs"
        else:
            if k == 0 and not claims and _words(body) <= 3:
                continue  # the opening words name the kind of ad, not a promise
            pieces.append(body)
        for piece in pieces:
            candidate = _strip(piece, [brand if names else "", deal, deadline, scarcity])
            if audience and candidate.lower().endswith(audience.lower()):
                kept = candidate[: -len(audience)]  # "Buchhaltungssoftware für" -> no "für"
                fors = f"for|to|{table.for_word}" if table.for_word else "for|to"
                candidate = _re.sub(rf"\s+(?:{fors})\s*$", "", kept, flags=re.IGNORECASE).strip()
            inside = [p.lower() for p in (deal, deadline, scarcity) if p]
            if any(candidate.lower() in p for p in inside):
                continue
            adds = _DIGITS.search(candidate) or (occasion and occasion.lower() in candidate.lower())
            restates = product and product.lower() in candidate.lower() and not adds
            if _is_cta_clause(candidate):
                continue  # where to buy is the call to action, not a promise
            service = k == naming_at + 1 and _SERVICE_NOUN.match(candidate) is not None
            if candidate and not restates and (service or _is_claim(candidate, table, known)):
                claims.append(candidate[:1].upper() + candidate[1:])
    numbers = _numbers(plain, [brand, *urls])
    said = " ".join([*claims, deal, deadline, scarcity]).lower()
    for quantity in numbers:
        if quantity.value not in said:
            phrase = _number_phrase(parts, quantity.text, [brand, product])
            if phrase and len(claims) < 8:
                claims.append(phrase)
                said += " " + phrase.lower()
    place = _place(plain)
    claims = [c for c in claims if not (place and c.lower() == place.lower())]
    if cta and len(cta.split()) < 2 and not _CJK.search(cta):
        cta = ""
    if deadline and not cta and _re.match(table.cta_verbs, deadline, re.IGNORECASE):
        cta = deadline[:1].upper() + deadline[1:]
    return PromptFacts(
        brand=brand[:60],
        product=product[:120],
        audience=(audience or "")[:160],
        place=place[:80],
        occasion=occasion[:80],
        claims=[c[:120] for c in claims[:8]],
        numbers=numbers,
        offer=(deal or "")[:80],
        deadline=deadline[:60],
        scarcity=scarcity[:60],
        pain=(pain_clause or "")[:120],
        colors=brief.find_colors(plain)[:6],
        tone_words=_tone_words(plain),
        call_to_action=(cta or "")[:40],
        urls=[u[:200] for u in urls],
    )


def _tone_words(text: str) -> list[str]:
    words = {w.lower() for w in re.findall(r"[^\W\d_]+", text)}
    return sorted(w for w in words if w in _MOOD_WORDS)[:6]


def _own_cta(text: str, table: Lang) -> str:
    """A call to action the prompt opens a clause with ("reserva tu plaza"), 2-4 words."""
    for clause in clauses(text)[1:]:
        m = _re.match(rf"(?:{table.cta_verbs})(?:\s+[^\s,.;:!?]+){{1,3}}$", clause, re.IGNORECASE)
        if m:
            return m.group()[:1].upper() + m.group()[1:]
    return ""


def product_phrase(text: str, language: str, brand: str, product: str) -> str:
    """The prompt's own description of the product ("le nouveau parfum de luxe"), when a
    clause other than the brand's restates it; else ``product``."""
    table = lang(language)
    for clause in clauses(URL.sub(" ", text)):
        body = _strip(_re.sub(table.request, " ", clause, count=1, flags=re.IGNORECASE), [brand])
        low = body.lower()
        if (
            product
            and product.lower() in low
            and low != product.lower()
            and not _DIGITS.search(body)
            and _words(body) <= 6
            and not (brand and brand.lower() in clause.lower())
        ):
            return body
    return product

"""What is advertised: the product phrase and its catalog category, around the brand.

The noun the catalog knows wins ("ZephyrRun trail running shoes" -> trail running shoes,
sport), extended by one honest modifier and a head word; a venue word closing the brand
("Bean There Café") is the product; with no catalog noun, the phrase after "ad for",
"promote", ... is used, else the category's own noun.
"""

from __future__ import annotations

import re

from pipeline.providers.copywriting import lexicon as lx
from pipeline.providers.copywriting.catalog import Category, generic, names_a_service
from pipeline.providers.copywriting.lang import LANGS
from pipeline.providers.copywriting.naming import find_brand
from pipeline.providers.copywriting.tokens import (
    Naming,
    Token,
    _category_by_cues,
    find_nouns,
    tokenize,
)

_MODIFIER_BLOCK = (
    lx.COMMON
    | lx.COMMON_FR
    | lx.PRODUCT_FLUFF
    | lx.AD_WORDS
    | lx.PLATFORM_WORDS
    | lx.CONNECTORS
    | frozenset(lx.DAYS)
)
#: What a participle's object may not be ("noise" and "fast" may: "fast charging").
_OBJECT_BLOCK = (
    lx.DETERMINERS
    | lx.CONNECTORS
    | lx.PLATFORM_WORDS
    | lx.AD_WORDS
    | frozenset(lx.DAYS)
    | lx._words("and or but so if of in on at by for from with to new")
)
_FALLBACK_LEAD = re.compile(
    r"\b(?:ad|ads|advert|video|commercial|promo|spot|reel|campaign)\s+(?:for|about)\s+|"
    r"\b(?:promote|promoting|advertise|advertising|selling|sells|sell|launch(?:ing)?|for)\s+",
    re.IGNORECASE,
)
_FALLBACK_STOP = re.compile(r"[,.;:!?()]|\s(?:with|that|which|who|to|on|in|at|for|and)\s", re.I)


#: Openers that make a prompt a request ("Create ...", "We need ..."), not a product name.
_REQUEST_OPENERS = lx._words(
    "create make generate produce design build write craft give need want help show get "
    "promote promoting advertise advertising introducing introduce presenting present "
    "announcing announce launch launching unveil unveiling celebrate celebrating showcase "
    "showcasing highlight highlighting tell sell selling imagine discover explore stop start "
    "try use meet say please can could would i we our my let lets let's is are"
)
#: Words that turn the thing before them into a service: "bike repair" is not a bike, and
#: "t-shirt printing" is not a t-shirt, so that noun's copy bank does not apply.
_SERVICE_AFTER = re.compile(
    r"\s+(?:repairs?|rentals?|hire|printing|cleaning|restoration|installation|servicing|"
    r"alterations?)\b",
    re.IGNORECASE,
)

#: A noun followed by these words qualifies a claim ("dentist recommended", "vet approved",
#: "family owned"); it is not what is advertised.
_QUALIFIER_AFTER = re.compile(
    r"[\s-]+(?:recommended|approved|tested|certified|formulated|trusted|owned|run|led)\b",
    re.IGNORECASE,
)

#: The complaint a prompt opens with ("Sick of cold coffee?"): its nouns are not the product.
_COMPLAINT = re.compile(
    r"\b(?:tired of|sick of|fed up with|struggling with|sick and tired of|done with)\s+"
    r"[^,.;:!?]*",
    re.IGNORECASE,
)

#: A clause that tells the viewer what to do ("book in the app", "order on our website",
#: "download the app to book", "reserva en la web"): its nouns are where, not what, is sold.
CTA_CLAUSE = re.compile(
    r"(?:^|(?<=[,.;:!?\u2013\u2014-]))\s*(?:and\s+|then\s+|just\s+|y\s+|et\s+|und\s+)?"
    r"(?P<verb>book|order|download|reserve|buy|shop|call|text|visit|find\s+us|sign\s+up|register|"
    r"subscribe|join|apply|available|get\s+it|reserva|pide|descarga|compra|llama|réservez|"
    r"commandez|téléchargez|achetez|appelez|jetzt|buchen|bestell\w*|lade|prenota|ordina|"
    r"scarica|compra|baixe|peça|reserve|boek|bestel|download)\b[^,.;:!?]*",
    re.IGNORECASE,
)

_LEAD_STOP = re.compile(
    r"[,.;:!?()]|\s(?:by|from|at|in|for|with|that|which|who|to|on|and|near|every|is|are|has|have|"
    r"across|around|through|between|along|"
    r"keeps|makes|helps|lets|gives|turns|brings|delivers|will|can)\s",
    re.IGNORECASE,
)


def _modifier(text: str, tokens: list[Token], start: int, brand: str, depth: int = 0) -> int:
    """Start index of the product phrase, extended by one honest modifier ("soy candles"), or
    two when the first is a participle with its object ("noise cancelling headphones")."""
    before = [t for t in tokens if t.end <= start]
    if not before:
        return start
    prev = before[-1]
    if text[prev.end : start].strip():
        return start
    low = prev.low
    if (
        low in (_OBJECT_BLOCK if depth else _MODIFIER_BLOCK)
        or (brand and prev.text in brand.split())
        or not prev.text.replace("-", "").isalpha()
        or len(prev.text) < 3
        or low.endswith("'s")
    ):
        return start
    if depth == 0 and low.endswith("ing"):
        return _modifier(text, tokens, prev.start, brand, depth=1)
    return prev.start


def _heads(text: str, end: int) -> int:
    m = re.match(r"\s+([\w-]+)", text[end:])
    if m and m.group(1).lower() in lx.PRODUCT_HEADS:
        return end + m.end()
    return end


#: Openers that are also nouns or adjectives: a request only before a determiner or an ad
#: word ("Craft an ad ...", "Design a video ...", not "Craft chocolate bar", "Design studio").
_NOUN_OPENERS = lx._words("craft design build show start stop present launch help use")


def _is_request(words: list[str]) -> bool:
    first = words[0].lower()
    if first not in _REQUEST_OPENERS:
        return False
    if first not in _NOUN_OPENERS or len(words) < 2:
        return True
    return words[1].lower() in lx.DETERMINERS | lx.AD_WORDS | lx.PLATFORM_WORDS


def _leading_product(text: str, brand: str) -> str:
    """The noun phrase a prompt opens with, around the brand: "Vegan protein powder by
    GreenLift", "Used car dealership AutoHub", "GreenLift vegan protein powder". Read in the
    brand's sentence: "Tired of messy cables? CableBuddy organizer keeps ..." -> organizer."""
    at = text.find(brand) if brand else -1
    if at > 0:
        opens = max(text.rfind(mark, 0, at) for mark in ".?!") + 1  # the brand's sentence
        lead = text[opens:at].split()
        if all(w.lower() in _REQUEST_OPENERS for w in lead):  # "Try Ledgerly invoicing"
            at, text = 0, text[at:]
        else:
            text, at = text[opens:], at - opens
    part = text[len(brand) :] if at == 0 else text[:at] if at > 0 else text
    if at == 0 and brand:  # "Kasbah Tiles: handmade zellige for kitchens": what follows
        part = re.sub(r"^\s*(?:[:,\u2013\u2014]|\s-)\s*", "", part)  # the brand's colon
    stop = _LEAD_STOP.search(part)
    words = (part[: stop.start()] if stop else part).split()
    if not words or len(words) > 5 or _is_request(words):
        return ""
    kept = [w for w in words if w.lower() not in lx.PRODUCT_FLUFF | lx.DETERMINERS]
    phrase = " ".join(kept).strip(" .,'\"")
    if (
        len(phrase) < 3
        or phrase.lower() in lx.PLATFORM_WORDS
        or not phrase.replace(" ", "").replace("-", "").isalpha()
    ):
        return ""
    return _untitle(phrase)


def _fallback_product(text: str, brand: str) -> str:
    # "Promote my shop selling handmade mugs": what is sold says more than where.
    leads = sorted(
        _FALLBACK_LEAD.finditer(text), key=lambda m: not m.group().lower().startswith("sell")
    )
    for m in leads:
        tail = text[m.end() :]
        stop = _FALLBACK_STOP.search(" " + tail)
        phrase = (tail[: stop.start() - 1] if stop else tail).strip()
        at = phrase.lower().find(brand.lower()) if brand else -1
        if at > 0:  # "handmade ceramic mugs from Clayworks": the product ends at its maker
            phrase = re.sub(r"(?:\s+(?:from|by|at|of|with))?[\s,]*$", "", phrase[:at], flags=re.I)
        words = [w for w in phrase.split() if w.lower() not in lx.PRODUCT_FLUFF]
        words = [w for w in words if w.lower() not in lx.DETERMINERS]
        phrase = " ".join(words[:5]).strip(" .,'\"")
        if brand and phrase.lower().startswith(brand.lower()):
            phrase = re.sub(r"^(?:['’]s\b)?[\s,.]*", "", phrase[len(brand) :])  # "Nimbus's"
        if phrase and phrase.lower() not in lx.PLATFORM_WORDS and len(phrase) >= 3:
            return phrase
    return ""


#: "for kitchens and bathrooms", "für Zahnarztpraxen", "pour les chiens": who or where the
#: product is for (up to the clause's end), unless "for" follows an ad word ("ad for Acme").
_PURPOSE = re.compile(r"\b(?:for|für|pour|para|per|voor|dla|för)\s", re.I)
_CLAUSE_END = re.compile(r"[,.;:!?()]|$")
_AD_WORDS_ALL = lx.AD_WORDS.union(*(table.ad_words for table in LANGS.values()))


def purposes(text: str) -> list[tuple[int, int]]:
    """Spans of the prompt's "for ..." phrases that say whom or where a product is for."""
    out = []
    for m in _PURPOSE.finditer(text):
        before = re.findall(r"[\w'’]+", text[: m.start()])
        if before and before[-1].lower() in _AD_WORDS_ALL:
            continue
        end = _CLAUSE_END.search(text, m.end())
        out.append((m.start(), end.start() if end else len(text)))
    return out


def without_purposes(text: str) -> str:
    """``text`` with its "for ..." phrases blanked ("... für Fitnessstudios", "... para
    clínicas dentales"): they name the customer, whose kind is not the product's."""
    for start, end in purposes(text):
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def read_naming(text: str, language: str) -> Naming:
    """Brand, product phrase and category for a sanitized prompt in ``language``."""
    latin_only = language in ("ja", "ar", "zh")
    brand = find_brand(text, latin_only=latin_only)
    tokens = tokenize(text)
    found = find_nouns(text)
    complaints = [m.span() for m in _COMPLAINT.finditer(text)]
    complaints += [
        m.span()
        for m in CTA_CLAUSE.finditer(text)
        if m.start() > 0 and not re.search(r"\d", m.group())  # "buy 2 get 1" is an offer
    ]

    def advertised(start: int, end: int) -> bool:
        """Not the brand's own word, not in a complaint, not "bike *repair*" or "dentist
        *recommended*"."""
        return (
            not _inside_brand(text, start, brand)
            and not any(a <= start < b for a, b in complaints)
            and not _SERVICE_AFTER.match(text, end)
            and not _QUALIFIER_AFTER.match(text, end)
        )

    nouns = [n for n in found if advertised(n[0], n[1])]
    spans = purposes(text)

    def for_whom(noun: tuple[int, int, Category]) -> bool:
        return any(a <= noun[0] < b for a, b in spans)

    named = [n for n in found if _inside_brand(text, n[0], brand)]
    if nouns and all(for_whom(n) for n in nouns) and (named or _leading_product(text, brand)):
        # "Kasbah Tiles: handmade zellige for kitchens", "Hearthstone Works wood-burning
        # stoves for cabins": the catalog's only nouns say where or for whom, not what; the
        # phrase the prompt opens with, or the brand's own noun, says what is sold
        nouns = []
    if len(nouns) > 1:  # "our bakery's new pumpkin spice muffins": the owner is not sold
        nouns = [n for n in nouns if not re.match(r"['’]s\b", text[n[1] :])] or nouns
    # "Bean There Café": the venue word of the brand is what is advertised; "Slice Society
    # wood-fired pizza": the noun right after the brand beats one in an earlier complaint.
    nouns.sort(
        key=lambda n: (
            for_whom(n),  # "for dog owners: FurBrush grooming glove" sells the glove
            not _inside_brand(text, n[0], brand, loose=True),
            not _right_after_brand(text, n[0], brand),
            n[0],
        )
    )
    if nouns:
        start, end, category = nouns[0]
        specific = _specific_after_generic(text, nouns)
        if specific is not None:
            category = specific[2]
            if not latin_only:
                end = specific[1]
        noun = _untitle(text[start:end])
        if not latin_only:
            mod = _modifier(text, tokens, start, brand)
            head_end = _heads(text, end)
            noun = _untitle(text[mod:start]) + noun + _untitle(text[end:head_end])
        product = re.sub(r"\s+", " ", noun).strip()
        if brand and product.lower() == brand.split()[-1].lower():
            product = product.lower()  # the venue word of "Bean There Café"
        return Naming(brand, product[:120], category, True)
    if named:  # "Value meals at Burger Barn": the brand's own noun says what is sold
        start, end, category = named[0]
        return Naming(brand, text[start:end].lower(), category, True)
    product = "" if latin_only else _leading_product(text, brand) or _fallback_product(text, brand)
    # A cue word says what kind of business it is when it is part of the product ("Brunch
    # spot Sunny Side Up") or the prompt names no product; "Solace noise machine that helps
    # babies sleep" names one, and it is not a yoga studio.
    kind = _category_by_cues(tokenize(product) if product else tokens)
    if kind is not None and not product:
        return Naming(brand, kind.noun, kind, False)
    if kind is not None and not kind.local and names_a_service(product):
        kind = None  # "kids birthday party venue": a place, whatever "kids" suggests
    kind = kind or generic(product)
    return Naming(brand, (product or brand or kind.noun)[:120], kind, False)


def _untitle(words: str) -> str:
    """'Trail Running Shoes' -> 'trail running shoes'; 'vitamin C', 'iPhone' stay."""
    return re.sub(r"\b[A-Z][a-zà-ÿ]+\b", lambda m: m.group().lower(), words)


def _inside_brand(text: str, start: int, brand: str, loose: bool = False) -> bool:
    """Whether the noun at ``start`` is part of the brand (``loose``: venue tails count)."""
    if not brand:
        return False
    at = text.find(brand)
    inside = at >= 0 and at <= start < at + len(brand)
    return inside and (loose or not _venue_tail(brand, text, start))


def _right_after_brand(text: str, start: int, brand: str) -> bool:
    if not brand:
        return False
    at = text.find(brand)
    if at < 0 or start < at + len(brand):
        return False
    between = text[at + len(brand) : start].split()
    return len(between) <= 2 and not re.search(r"[,.;:!?]", text[at + len(brand) : start])


#: Nouns that say only "software"; what follows them says what it is for.
_GENERIC_NOUNS = lx._words(
    "app apps application platform plateforme tool software saas logiciel アプリ تطبيق"
)


def _specific_after_generic(
    text: str, nouns: list[tuple[int, int, Category]]
) -> tuple[int, int, Category] | None:
    """'l'application de yoga', 'an app for yoga classes': the second noun names the kind."""
    start, end, _ = nouns[0]
    if text[start:end].lower() not in _GENERIC_NOUNS:
        return None
    for later in nouns[1:]:
        gap = text[end : later[0]].strip().lower()
        if gap in ("de", "d'", "for", "pour", "の", "for your", "للـ", "لل") or not gap:
            return later
    return None


def _venue_tail(brand: str, text: str, start: int) -> bool:
    """A venue word closing the brand ("Bean There Café") still names the product."""
    last = brand.split()[-1].lower()
    return len(brand.split()) > 1 and last in lx.VENUES and text[start:].lower().startswith(last)

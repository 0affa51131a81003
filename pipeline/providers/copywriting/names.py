"""Brand and product for any language, and the guard every brand passes.

English and French prompts are read by :mod:`.product` (the catalog); the other languages
by their naming clause: quoted names, CamelCase words and capitalized runs are the brand,
the rest of the clause (minus the request for an ad) is the product. Every brand passes
:func:`.brand_guard.brand_ok`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.providers.copywriting import lexicon as lx
from pipeline.providers.copywriting import rx as _re
from pipeline.providers.copywriting import words as wordlist
from pipeline.providers.copywriting.brand_guard import brand_ok
from pipeline.providers.copywriting.catalog import Category, generic
from pipeline.providers.copywriting.facts import URL, clauses
from pipeline.providers.copywriting.lang import LANGS, lang
from pipeline.providers.copywriting.naming import find_brand
from pipeline.providers.copywriting.opener import (
    AT_HOME_WORDS,
    UNIT_AFTER,
    opening_name,
    rare_opener,
    with_article,
)
from pipeline.providers.copywriting.product import purposes, read_naming
from pipeline.providers.copywriting.tokens import Naming, _category_by_cues, find_nouns, tokenize

#: Acronyms that name what a product does, not who makes it ("TeamPulse HR software").
_FUNCTION_ACRONYMS = frozenset(
    ["HR", "CRM", "AI", "IT", "SEO", "PR", "VPN", "ERP", "POS", "API", "CMS", "SMS", "GPS", "EV"]
)
_CAMEL = re.compile(r"\b[^\W\d_]*[a-zà-ÿ][A-ZÀ-Ý][\w'’&-]*")
_CAP_RUN = re.compile(
    r"(?<![\w'’])[A-ZÀ-ÖØ-Ý][\w'’&.-]*(?:(?:\s+(?:(?:de|da|di|del|do|dos|das|la|le|&|y|e|et|und)"
    r"\s+)?|\s+[dl]['’])[A-ZÀ-ÖØ-Ý0-9][\w'’&.-]*)*"
)
_MARKERS = re.compile(
    r"\b(?:called|named|by|from|llamad[oa]|de la marca|namens|von|der marke|appelée?|"
    r"nommée?|de la marque|chamad[oa]|da marca|chiamat[oa]|del marchio)\s+([^\s,.;:!?]+)",
    re.IGNORECASE,
)
#: Languages whose word lists let an opening common word be read as the name.
_OPENER_LANGUAGES = ("en", "es", "fr", "de", "pt", "it", "nl", "pl", "sv", "tr")
_LATER_NAME = re.compile(r"^\s+[a-zà-ÿ][^,.;:]*?\b[A-ZÀ-Ý][\w'’&-]+\s+[A-ZÀ-Ý]")
_YEAR = re.compile(r"\s+(?:19|20)\d\d\b")
_APPOSITIVE = re.compile(
    r"^((?:[A-ZÀ-Ý][\w'’&+-]*\s?){1,3}),\s+(?:(?:the|a|an|le|la|l'|les|el|un|una|o|um|uma|il|lo|"
    r"der|die|das|ein|eine)\s*)?[a-zà-ÿ]"
)
_CUT_PLACE = re.compile(
    r"(?:^|\s+)(?:en|em|a|à|au|in|im|aus|sul|sulla|nel|nella|auf|bei|near|on|at|près de|w|we|"
    r"\d)\b.*$"
)
_CUT_WHO = re.compile(r"\s+(?:que|qui|che|die|der|das|that|which|para|pour|per|für|for)\b")
_ZH_PRODUCT = re.compile(r"(?:为|给|給)(.{1,16}?)(?:做|制作|拍|写)")


def zipf_frequency(word: str, language: str) -> float:
    """wordfreq's Zipf value (log10 of uses per billion words) to 0.1, 0 below Zipf 2."""
    return wordlist.zipf(word, language)


def warm_up() -> None:
    """Load the word lists of every Latin-script language the director reads."""
    wordlist.load_all()


def rare(word: str, language: str, below: float = 2.5) -> bool:
    """Whether ``word`` is rare in ``language`` and in English (a coined name, not a noun)."""
    low = word.lower().strip("'’.,")
    if not low.isalpha() and not _re.fullmatch(r"[\w'’&-]+", low):
        return False
    codes = {language, "en"} if language in LANGS else {"en"}
    return all(zipf_frequency(low, code) < below for code in codes)


def _compound_noun(word: str) -> bool:
    """German compounds of two common words ("Buchhaltungssoftware", "Tierarztpraxis")."""
    low = word.lower()
    if len(low) < 12:
        return False
    for i in range(4, len(low) - 3):
        head, tail = low[:i], low[i:]
        if zipf_frequency(tail, "de") >= 3.5 or zipf_frequency(tail, "en") >= 4.0:
            stems = (head, head.rstrip("s"), head[:-1] if head.endswith("n") else head)
            if any(zipf_frequency(h, "de") >= 2.5 for h in stems):
                return True
    return False


def common(word: str, language: str) -> bool:
    """Whether ``word`` is an ordinary word of ``language`` (or a German compound noun)."""
    parts = [p for p in word.split("-") if p]
    if len(parts) > 1:  # "Online-Sprachkurs": common when every part is
        return all(common(p, language) for p in parts)
    return not rare(word, language) or (language == "de" and _compound_noun(word))


def trim_common(run: str, language: str) -> str:
    """A capitalized run without its common edge words, when a coined word is inside it
    ("Sofás Hogarina" -> "Hogarina", "Buchhaltix Buchhaltungssoftware" -> "Buchhaltix")."""
    words = run.split()
    if len(words) < 2 or all(common(w, language) for w in words):
        return run
    while len(words) > 1 and common(words[0], language) and words[1][0].isupper():
        words.pop(0)  # never leave a name opening on "do" ("Quinta do Vale")
    while len(words) > 1 and language == "de" and common(words[-1], language):
        words.pop()  # German capitalizes nouns; elsewhere a capital mid-sentence is a name
    return " ".join(words)


def _in_occasion(text: str, brand: str) -> bool:
    at = text.find(brand)
    for table in LANGS.values():
        for m in _re.finditer(table.occasions, text, re.IGNORECASE):
            if at >= 0 and m.start() <= at < m.end():
                return True
    return False


def _blank_occasions(text: str) -> str:
    """The text without holidays and seasons, except a capitalized one elided onto a name
    ("Festival Suoni d'Estate": the summer is part of the festival's name)."""

    def blank(m: re.Match[str]) -> str:
        elided = _re.match(r"[dl]['’]$", m.string[max(0, m.start() - 2) : m.start()])
        return m.group() if elided and m.group()[:1].isupper() else " " * len(m.group())

    for table in LANGS.values():
        text = _re.sub(table.occasions, blank, text, flags=re.IGNORECASE)
    return text


def _blank(text: str, piece: str) -> str:
    return text.replace(piece, " " * len(piece), 1)


def guarded_naming(text: str, language: str) -> Naming:
    """:func:`read_naming` (or the clause reader), with a guarded brand and a URL's product."""
    urls = URL.findall(text)
    plain = text
    for url in urls:
        plain = _blank(plain, url)
    naming = read_naming(plain, language) if language in ("en", "fr", "ja", "ar") else None
    if naming is None:
        plain = _blank_occasions(plain)
        naming = _clause_naming(plain, language)
    for _ in range(3):  # "Roses for Mother's Day by BloomBox": the holiday is not the brand
        at = plain.find(naming.brand)
        unit = at > 0 and bool(UNIT_AFTER.search(plain[:at]))  # "7 kW": a unit, not a name
        if not naming.brand or (
            brand_ok(naming.brand) and not _in_occasion(plain, naming.brand) and not unit
        ):
            break
        plain = _re.sub(re.escape(naming.brand), lambda m: " " * len(m.group()), plain, count=1)
        naming = (
            read_naming(plain, language)
            if language in ("en", "fr", "ja", "ar")
            else _clause_naming(plain, language)
        )
    at = plain.find(naming.brand) if naming.brand else -1
    if naming.brand and (not brand_ok(naming.brand) or UNIT_AFTER.search(plain[: max(at, 0)])):
        naming = replace(naming, brand="")
    named = appositive_brand(plain) if language in ("en", "fr") else ""
    if named and (not naming.brand or naming.brand.isupper()):
        naming = replace(naming, brand=named)  # "Comptago, le logiciel ... pour PME"
    if naming.brand:
        words = naming.brand.split()
        if len(words) > 1 and words[-1] in _FUNCTION_ACRONYMS:
            naming = replace(naming, brand=" ".join(words[:-1]))
        naming = replace(naming, brand=with_article(plain, naming.brand))
        home = naming.brand.split()[0].lower()
        if home in AT_HOME_WORDS and naming.product.lower().split()[-1:] == [home]:
            rest = naming.product.split()[:-1]  # "Chez Margot": "chez" is the name's
            naming = replace(naming, product=" ".join(rest) or naming.category.noun)
    if not naming.brand and language in _OPENER_LANGUAGES:
        naming = replace(naming, brand=rare_opener(plain, language, rare))
        opener = opening_name(plain, naming, language)
        shown = opener[:1].upper() + opener[1:]  # written lower case, it still names
        naming = replace(naming, brand=opener) if opener and brand_ok(shown) else naming
        if naming.brand and naming.product.lower() == naming.brand.lower():
            naming = replace(
                naming, product=read_naming(_blank(plain, naming.brand), language).product
            )
    product = naming.product
    if urls and (not product.strip() or product.lower() in ("https", "http", "www")):
        path = re.findall(r"[a-z]{3,}", urls[0].lower().split("/", 3)[-1])
        words = [w for w in path if w not in ("items", "item", "products", "product", "shop")]
        product = " ".join(words[-2:]) or naming.category.noun
    in_brand = bool(naming.brand) and product.lower() in naming.brand.lower()
    if language in ("ja", "ar") and (not product or in_brand):
        product = _script_product(plain, naming.brand, language) or product
    if naming.brand and product.lower().startswith(naming.brand.lower() + " "):
        product = product[len(naming.brand) + 1 :]  # "Assuro assurance habitation"
    naming = replace(naming, product=product.strip()[:120] or naming.category.noun)
    return _head_decides(naming)


_JA_NOISE = re.compile(r"[「」『』\"]|の?(?:広告|CM|動画|宣伝)(?:を.*)?$")
_AR_NOISE = re.compile(r"^(?:إعلان|اعلان|فيديو|ترويج)\s+|\s+من\s*$")


def _script_product(text: str, brand: str, language: str) -> str:
    """What a Japanese or Arabic prompt advertises: its naming clause without the brand."""
    first = (clauses(text) or [text])[0]
    first = first.replace(brand, " ") if brand else first
    if language == "ja":
        first = _JA_NOISE.sub("", first.strip()).strip()
        return _re.sub(r"^.*の(?=[^の]+$)", "", first) if len(first) > 8 else first
    first = _AR_NOISE.sub("", _re.sub(r"\s+", " ", first).strip()).strip()
    first = _AR_NOISE.sub("", first).strip()
    return _re.sub(r"^(?:ل|لـ)(?=\w)", "", first)


_FOR = re.compile(r"\s+(?:for|para|pour|für|per|to)\s+", re.IGNORECASE)


def _head_decides(naming: Naming) -> Naming:
    """ "backup software for dental practices" is software: the words after "for" say who
    buys it, not what it is."""
    head = _FOR.split(naming.product, maxsplit=1)[0].lower()
    nouns = find_nouns(head)
    if not nouns or head == naming.product.lower():
        return naming
    category = nouns[-1][2]
    return naming if category.key == naming.category.key else replace(naming, category=category)


def _clause_naming(text: str, language: str) -> Naming:
    """Brand and product from the naming clause of a prompt in es, de, pt, it or zh."""
    table = lang(language)
    base = read_naming(text, "ja" if language == "zh" else language)
    parts = clauses(text) or [text]
    first = parts[0]
    if language == "zh":
        brand = find_brand(text, latin_only=True)
        first = (
            _re.sub(r"[「『\"“]?" + re.escape(brand) + r"[」』\"”]?", "", first) if brand else first
        )
        m = _ZH_PRODUCT.search(first)  # the brand out first: "为咖啡店「Morning Bean」做广告"
        product = m.group(1) if m else _re.sub(table.request, "", first)
        product = _re.sub(r"[「」『』]", "", product).strip()
        return replace(base, brand=brand, product=product or base.product)
    body = _re.sub(table.request, "", first, count=1, flags=re.IGNORECASE).strip()
    brand = _latin_brand(text, body, table.code)
    if brand and appositive_brand(text) == brand and len(parts) > 1:
        body = _CUT_WHO.split(parts[1], maxsplit=1)[0]  # "Poupa, o app que ...": the app
    product = body.replace(brand, " ") if brand else body
    product = _CUT_PLACE.split(product.strip(), maxsplit=1)[0]
    words = product.split()
    while words and (words[-1].lower() in lx.CONNECTORS | table.hints | {"&"}):
        words.pop()
    while words and (words[0].lower() in lx.DETERMINERS | table.hints):
        words.pop(0)
    product = " ".join(words).strip(" ,.;:-")
    if not product and brand and body.find(brand) > 0:
        product = body[: body.find(brand)].split()[-1]  # "Café Aroma": the kind of place
    elif not product and brand:
        head = first.split()[0]
        product = head if head not in brand.split() or common(head, table.code) else ""
    product = product or base.product
    kind = _kind_of(text, product, base)
    return replace(base, brand=brand, product=product[:120], category=kind)


def _kind_of(text: str, product: str, base: Naming) -> Category:
    """The kind of business, not read from whom it is for: when every catalog noun of the
    prompt sits in a "for ..." phrase ("cerámica hecha a mano para restaurantes") and the
    clause's product holds none, the product's own words decide (else the generic kind),
    as :func:`read_naming` does when the prompt opens with its product."""
    found = find_nouns(text)
    spans = purposes(text)
    if not base.matched_noun or not found or find_nouns(product):
        return base.category
    if not all(any(a <= start < b for a, b in spans) for start, _, _ in found):
        return base.category
    return _category_by_cues(tokenize(product)) or generic(product)


def _venue(word: str) -> bool:
    """Whether ``word`` names a kind of business ("Fahrschule", "Weingut", "Pizzeria")."""
    low = word.lower()
    return (
        low in lx.VENUES
        or low in lx.TRADES
        or low in lx.VENUE_KINDS
        or low.endswith(lx.VENUE_TAILS)
    )


def appositive_brand(text: str) -> str:
    """ "Contalia, software de facturación ...": the name, then what it is."""
    m = _APPOSITIVE.match(text)
    return m.group(1).strip() if m else ""


def _without_kind(words: list[str], code: str, *, named: bool = False) -> list[str]:
    """A run opening the prompt without the kind of thing in front of its name ("Peluquería
    Corte Fino" -> "Corte Fino", "Laufschuhe Laufwerk" -> "Laufwerk"). A run set off by a
    comma (``named``: "Casa Nova Imóveis, apartamentos ...") is a whole name, but for a
    German product in front of it."""
    if len(words) < 2 or not common(words[0], code):
        return words
    for k in range(2, len(words)):  # "Vinho do Porto Quinta do Vale": the estate names it
        if words[k].lower() in lx.VENUE_KINDS and words[k - 1][:1].isupper():
            return words[k:]
    rest = words[1:]
    # In German two bare nouns in a row are a product and its name, unless the first is the
    # kind of business ("Fahrschule Vollgas").
    pair = code == "de" and len(words) == 2 and not _venue(words[0])
    if named and not pair:
        return words
    is_name = len(rest) > 1 or rare(rest[0], code) or pair
    if is_name and (rest[0].lower() not in lx.CONNECTORS or rest[0][0].isupper()):
        return rest
    return words


def _latin_brand(text: str, body: str, code: str) -> str:
    named = appositive_brand(text)
    if named:
        return " ".join(_without_kind(named.split(), code, named=True))
    quoted = find_brand(text, latin_only=True) if _re.search(r"[\"“«'「]", text) else ""
    if quoted and _re.search(r"[\"“«「]", text):
        return quoted
    marker = _MARKERS.search(text)
    camel = _CAMEL.search(text)
    if camel:
        return camel.group().strip(" .,'’")
    hints = lang(code).hints
    for m in _CAP_RUN.finditer(body):
        words = _YEAR.split(m.group())[0].split()
        verb = len(words) == 1 and _re.fullmatch(lang(code).cta_verbs, words[0], re.IGNORECASE)
        if not words or verb:
            continue  # "Dona 10 euros a ...": a verb in sentence case
        if code == "de" and len(words) == 1 and common(words[0], code):
            continue  # German capitalizes every noun
        if (
            m.start() == 0
            and len(words) == 1
            and (common(words[0], code) or _LATER_NAME.search(body[m.end() :]))
        ):
            continue  # sentence case: "Curso de yoga ...", "Sérum facial Flora Viva"
        while len(words) > 1 and words[-1].lower() in lx.DRINK_STYLES:
            words.pop()  # "Cantina Rossi Barolo": the wine, not the name
        named = marker.group(1) if marker and marker.group(1)[:1].isupper() else ""
        opener = m.start() == 0 and common(words[0], code)
        if named and (all(common(w, code) for w in words) or (opener and rare(named, code))):
            return named  # "Bunte Holzbausteine von Klötzchen": words, then a coined name
        if m.start() == 0:
            words = _without_kind(words, code)
        words = trim_common(" ".join(words), code).split()
        while words and words[-1].lower() in hints:
            words.pop()
        if words:
            return " ".join(words).strip(" .,")
    if marker and marker.group(1)[:1].isupper():
        return marker.group(1)
    for m in _CAP_RUN.finditer(text[len(body) :] if body in text else ""):
        return m.group().strip(" .,")
    return ""

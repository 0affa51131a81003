"""Brand and product for any language, and the guard every brand passes.

English and French prompts are read by :mod:`.product` (the catalog); the other languages
by their naming clause: quoted names, CamelCase words and capitalized runs are the brand,
the rest of the clause (minus the request for an ad) is the product. A brand is never a
holiday, weekday, platform, URL, SQL or markup fragment, punctuation, or a word that asks
for an ad; fancy Unicode letters are folded to the letters a font can draw (NFKC).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from pipeline.providers.copywriting import lexicon as lx
from pipeline.providers.copywriting.facts import URL, clauses
from pipeline.providers.copywriting.languages import LANGS, lang
from pipeline.providers.copywriting.naming import Naming, find_brand, find_nouns
from pipeline.providers.copywriting.product import read_naming

_SQL = re.compile(
    r"\b(?:drop|delete|insert|update|select|union|alter|truncate|exec)\b\s+"
    r"(?:table|from|into|all|database|set|\*)|--|/\*|\*/|'\s*\)|;\s*$|\bor\s+1\s*=\s*1",
    re.IGNORECASE,
)
_SQL_FRAGMENT = re.compile(
    r"(?:'\s*\)\s*;?|;)?\s*\b(?:drop|delete|insert|update|select|union|alter|truncate)\s+"
    r"(?:table|from|into|all|database)\b[^;]*;?\s*(?:--)?|--+|/\*.*?\*/",
    re.IGNORECASE,
)
_FANCY = re.compile(r"[\U0001D400-\U0001D7FF\uFF01-\uFF5E\u2460-\u24FF]")
_CAMEL = re.compile(r"\b[^\W\d_]*[a-zà-ÿ][A-ZÀ-Ý][\w'’&-]*")
_CAP_RUN = re.compile(
    r"(?<![\w'’])[A-ZÀ-ÖØ-Ý][\w'’&.-]*(?:\s+(?:(?:de|da|di|del|do|la|le|&|y|e|et|und)\s+)?"
    r"[A-ZÀ-ÖØ-Ý0-9][\w'’&.-]*)*"
)
_MARKERS = re.compile(
    r"\b(?:called|named|by|from|llamad[oa]|de la marca|namens|von|der marke|appelée?|"
    r"nommée?|de la marque|chamad[oa]|da marca|chiamat[oa]|del marchio)\s+([^\s,.;:!?]+)",
    re.IGNORECASE,
)
_ZH_PRODUCT = re.compile(r"(?:为|给|給)(.{1,16}?)(?:做|制作|拍|写)")


def fold_fancy(text: str) -> str:
    """Mathematical, full-width and circled letters as plain ones ("𝔉𝔯𝔞𝔨𝔱𝔲𝔯" -> "Fraktur")."""
    return _FANCY.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)


def strip_sql(text: str) -> str:
    """The prompt without SQL statements or comment markers (they are never copy)."""
    return re.sub(r"\s+", " ", _SQL_FRAGMENT.sub(" ", text)).strip()


def _banned_words() -> frozenset[str]:
    words = set(lx.PLATFORM_WORDS) | set(lx.AD_WORDS)
    for table in LANGS.values():
        words |= table.ad_words
    return frozenset(words)


_BANNED = _banned_words()
_DAYS = re.compile(
    r"^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tonight|weekend)$",
    re.IGNORECASE,
)


def brand_ok(brand: str) -> bool:
    """Whether ``brand`` can be shown as a name (see the module docstring)."""
    if not brand or not any(c.isalpha() for c in brand) or "<" in brand or ">" in brand:
        return False
    if _SQL.search(brand) or URL.search(brand) or _FANCY.search(brand):
        return False
    low = brand.lower().strip()
    if low in _BANNED or _DAYS.match(low):
        return False
    return not any(
        re.fullmatch(rf"(?:{t.occasions})", low, re.IGNORECASE) for t in LANGS.values()
    )


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
        naming = _clause_naming(plain, language)
    for _ in range(3):  # "Roses for Mother's Day by BloomBox": the holiday is not the brand
        if not naming.brand or brand_ok(naming.brand):
            break
        plain = re.sub(re.escape(naming.brand), lambda m: " " * len(m.group()), plain, count=1)
        naming = (
            read_naming(plain, language)
            if language in ("en", "fr", "ja", "ar")
            else _clause_naming(plain, language)
        )
    if naming.brand and not brand_ok(naming.brand):
        naming = replace(naming, brand="")
    product = naming.product
    if urls and (not product.strip() or product.lower() in ("https", "http", "www")):
        path = re.findall(r"[a-z]{3,}", urls[0].lower().split("/", 3)[-1])
        words = [w for w in path if w not in ("items", "item", "products", "product", "shop")]
        product = " ".join(words[-2:]) or naming.category.noun
    naming = replace(naming, product=product.strip()[:120] or naming.category.noun)
    return _head_decides(naming)


_FOR = re.compile(r"\s+(?:for|para|pour|für|per|to)\s+", re.IGNORECASE)


def _head_decides(naming: Naming) -> Naming:
    """"backup software for dental practices" is software: the words after "for" say who
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
        m = _ZH_PRODUCT.search(first)
        product = m.group(1) if m else re.sub(table.request, "", first)
        brand = find_brand(text, latin_only=True)
        product = product.replace(brand, "").strip() if brand else product
        return replace(base, brand=brand, product=product or base.product)
    body = re.sub(table.request, "", first, count=1, flags=re.IGNORECASE).strip()
    brand = _latin_brand(text, body, table.code)
    product = body.replace(brand, " ") if brand else body
    words = product.split()
    while words and (words[-1].lower() in lx.CONNECTORS | table.hints | {"&"}):
        words.pop()
    while words and (words[0].lower() in lx.DETERMINERS | table.hints):
        words.pop(0)
    product = " ".join(words).strip(" ,.;:-") or (brand.split()[0] if brand else base.product)
    return replace(base, brand=brand, product=product[:120])


def _latin_brand(text: str, body: str, code: str) -> str:
    quoted = find_brand(text, latin_only=True) if re.search(r"[\"“«'「]", text) else ""
    if quoted and re.search(r"[\"“«「]", text):
        return quoted
    marker = _MARKERS.search(text)
    camel = _CAMEL.search(text)
    if camel:
        return camel.group().strip(" .,'’")
    hints = lang(code).hints
    for m in _CAP_RUN.finditer(body):
        words = m.group().split()
        before = body[: m.start()].split()
        prev = before[-1].lower() if before else ""
        if code == "de" and prev in hints and len(words) > 1:
            words = words[1:]  # "für die Kaffeemaschine Barista": the first word is a noun
        elif code == "de" and prev in hints:
            continue
        if m.start() == 0 and len(words) == 1:
            continue  # sentence case: "Curso de yoga ..."
        while words and words[-1].lower() in hints:
            words.pop()
        if words:
            return " ".join(words).strip(" .,")
    if marker and marker.group(1)[:1].isupper():
        return marker.group(1)
    for m in _CAP_RUN.finditer(text[len(body) :] if body in text else ""):
        return m.group().strip(" .,")
    return ""

"""The guard every brand passes, and the prompt's cleaning before any reading.

A brand is never a holiday, weekday, platform, URL, SQL or markup fragment, punctuation, one
letter, or a word that asks for an ad; fancy Unicode letters are folded to the letters a font
can draw (NFKC). Split from :mod:`.names`, which reads the brand.
"""

from __future__ import annotations

import re
import unicodedata

from pipeline.providers.copywriting import lexicon as lx
from pipeline.providers.copywriting import rx as _re
from pipeline.providers.copywriting.facts import URL
from pipeline.providers.copywriting.lang import LANGS

_SQL = re.compile(
    r"\b(?:drop|delete|insert|update|select|union|alter|truncate|exec)\b\s+"
    r"(?:table|from|into|all|database|set|\*)|--|/\*|\*/|'\s*\)|;\s*$|\bor\s+1\s*=\s*1",
    re.IGNORECASE,
)
_SQL_FRAGMENT = re.compile(
    r"(?:[\w-]*'\s*\)\s*;?|;)?\s*\b(?:drop|delete|insert|update|select|union|alter|truncate)\s+"
    r"(?:table|from|into|all|database)\b[^;]*;?\s*(?:--)?|--+|/\*.*?\*/",
    re.IGNORECASE,
)
_FANCY = re.compile(r"[\U0001D400-\U0001D7FF\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\u2460-\u24FF]")


def fold_fancy(text: str) -> str:
    """Mathematical, full-width and circled letters as plain ones ("𝔉𝔯𝔞𝔨𝔱𝔲𝔯" -> "Fraktur")."""
    return _FANCY.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)


def strip_sql(text: str) -> str:
    """The prompt without SQL statements or comment markers (they are never copy)."""
    return _re.sub(r"\s+", " ", _SQL_FRAGMENT.sub(" ", text)).strip()


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
    if brand.isascii() and brand == brand.lower():
        return False  # "fully": a name is written with a capital
    if brand.isascii() and len(brand.strip()) < 2:
        return False  # "vitamin C serum": one letter is not a name
    if _SQL.search(brand) or URL.search(brand) or _FANCY.search(brand):
        return False
    low = brand.lower().strip()
    if low in _BANNED or _DAYS.match(low):
        return False
    return not any(_re.fullmatch(rf"(?:{t.occasions})", low, re.IGNORECASE) for t in LANGS.values())

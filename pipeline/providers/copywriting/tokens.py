"""Words of a prompt and the catalog nouns they name: tokens with positions, the product
nouns each category owns, and an ALL-CAPS prompt put back into sentence case."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.providers.copywriting import lexicon as lx
from pipeline.providers.copywriting.catalog import Category, all_categories

_TOKEN = re.compile(r"[^\W_](?:[\w'’&.\-]*[^\W_])?(?:\+{1,2}(?![\w+]))?")  # "Forme+"
_QUOTED = re.compile(r"[\"“«「『]\s*([^\"”»」』]{2,40}?)\s*[\"”»」』]|(?<!\w)'([^']{2,40})'(?!\w)")
_LATIN_RUN = re.compile(
    r"[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ0-9'’&.\-]*(?:\s+[A-Z0-9À-Ö][A-Za-zÀ-ÖØ-öø-ÿ0-9'’&.\-]*)*"
)
_ADJ_HYPHEN = re.compile(r"^\w+-[a-z]")  # "Paris-inspired", "Tokyo-style"
_SENTENCE_END = re.compile(r"[.!?:;]")


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        return self.text.lower().replace("’", "'")

    @property
    def capitalized(self) -> bool:
        return self.text[0].isupper() or any(c.isupper() for c in self.text[1:])

    @property
    def camel(self) -> bool:
        """Inner capitals in a mixed-case word: InvoiceFlow, iPhone, ZephyrRun."""
        inner = self.text[1:]
        return any(c.isupper() for c in inner) and any(c.islower() for c in self.text)


@dataclass(frozen=True)
class Naming:
    """What the prompt advertises."""

    brand: str
    product: str  # as the user wrote it ("trail running shoes"), never empty
    category: Category
    matched_noun: bool  # False when the product phrase is a fallback


def tokenize(text: str) -> list[Token]:
    """Word tokens with their positions (apostrophes and inner hyphens kept)."""
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


@lru_cache(maxsize=1)
def _noun_index() -> tuple[re.Pattern[str], dict[str, Category]]:
    owner: dict[str, Category] = {}
    for cat in all_categories():
        for noun in cat.nouns:
            owner.setdefault(noun.lower(), cat)
    parts = []
    for noun in sorted(owner, key=len, reverse=True):
        body = re.escape(noun).replace(r"\ ", r"\s+")
        if noun.isascii():  # "laptops", "boxes": plurals the list does not spell out
            plural = "" if noun.endswith("s") else "(?:e?s)?"
            parts.append(rf"(?<![\w]){body}{plural}(?![\w])")
        else:
            parts.append(body)
    return re.compile("|".join(parts), re.IGNORECASE), owner


def find_nouns(text: str) -> list[tuple[int, int, Category]]:
    """Every catalog product noun in ``text`` as (start, end, category), in order."""
    return list(_find_nouns(text))


@lru_cache(maxsize=4096)
def _find_nouns(text: str) -> tuple[tuple[int, int, Category], ...]:
    pattern, owner = _noun_index()
    found = []
    for m in pattern.finditer(text):
        if m.group().lower() == "course" and re.search(r"\bof\s+$", text[: m.start()], re.I):
            continue  # "of course"
        key = re.sub(r"\s+", " ", m.group().lower())
        if key not in owner:
            key = key[:-2] if key[:-2] in owner else key[:-1]
        found.append((m.start(), m.end(), owner[key]))
    return tuple(found)


def _category_by_cues(tokens: list[Token]) -> Category | None:
    words = {t.low for t in tokens}
    best, best_hits = None, 0
    for cat in all_categories():
        hits = sum(1 for cue in cat.cues if cue in words)
        if hits > best_hits:
            best, best_hits = cat, hits
    return best


def _noun_starts(text: str) -> set[int]:
    return {start for start, _, _ in find_nouns(text)}


_SHOUT_KNOWN = lx._words("off sale deal deals free now only all get shop buy save huge big mega")


def unshout(text: str) -> str:
    """An ALL-CAPS prompt in sentence case, keeping the one word that looks like the brand
    (an unknown word after "at", "by", "from", "for" or "called") in capitals."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 8 or sum(c.isupper() for c in letters) / len(letters) < 0.8:
        return text
    tokens = tokenize(text)
    keep = -1
    noun_starts = _noun_starts(text.lower())
    for k, tok in enumerate(tokens[1:], start=1):
        low = tok.low
        known = (
            low in lx.COMMON or low in lx.NON_BRAND or low in lx.AD_WORDS or low in lx.COLORS
            or low in _SHOUT_KNOWN or tok.start in noun_starts
        )  # fmt: skip
        if not known and tok.text.isalpha() and tokens[k - 1].low in _BRAND_MARKS:
            keep = k
            break
    out = text.lower()
    if keep >= 0:
        tok = tokens[keep]
        out = out[: tok.start] + tok.text + out[tok.end :]
    return out[:1].upper() + out[1:]


_BRAND_MARKS = lx._words("at by from for called named with")

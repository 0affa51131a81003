"""A name that opens the prompt in front of the product: "hive smart heating", "Roadway ferry
pass", "Pebble cat litter", "Fresh Start house cleaning".

Users often write a brand as an ordinary word, in lower case, as the first words of the
prompt. When no other brand is found, one word (two when both are capitalized) opening the
first clause is the name if the product phrase the reader found runs on past it (a known
modifier, "Emergency plumber", is left out of that phrase), or a coined word (rare in the
language and in English) stands right in front of the product the reader found ("drainwise
emergency plumbers"), and the word is not a describing word ("organic", "vegan", any word
the catalog uses), a place, a request, a colour, a product noun itself, a participle
("walking tours") or one of the most frequent words ("home", "city").

Also here: the words in front of a name that belong to it ("The Marlowe", "Chez Margot",
"Da Gennaro") and a unit after a number, which is never a name ("7 kW").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import fields
from functools import lru_cache

from pipeline.providers.copywriting import lexicon as lx
from pipeline.providers.copywriting import words as wordlist
from pipeline.providers.copywriting.catalog import all_categories
from pipeline.providers.copywriting.tokens import Naming, Token, find_nouns, tokenize

_CLAUSE_END = re.compile(r"[,.;:!?()\u2013\u2014]| - ")
_DESCRIBING = re.compile(
    r"(?:al|ic|ive|ous|ful|less|able|ible|ary|ish|ing|ency|ed|ese|ian|est|ly)$", re.I
)
_NOT_NAMES = (
    lx.COMMON
    | lx.NON_BRAND
    | lx.AD_WORDS
    | lx.DETERMINERS
    | lx.OPENING_VERBS
    | lx.CONNECTORS
    | lx.PRODUCT_HEADS
    | lx.PRODUCT_FLUFF
    | frozenset(lx.COLORS)
    | frozenset().union(*lx.MOOD_CUES.values(), *lx.STYLE_CUES.values())
)
_BANK_WORD = re.compile(r"[^\W\d_][\w'-]*")
_LATIN = ("en", "es", "fr", "de", "pt", "it", "nl", "pl", "sv", "tr")
_MOST_FREQUENT = 5.0  # Zipf: "home", "city", "world" describe, they do not name
_WEB = re.compile(r"^(?:Https?|Www)$")
_RARE = 3.4  # Zipf below which a word is as likely a name as a describing word


@lru_cache(maxsize=1)
def _bank_words() -> frozenset[str]:
    """Every word the catalog uses (nouns, cues, bank lines, shots): words that describe
    products ("pet", "leather", "wireless", "emergency"), which a name opening a prompt is
    not."""
    found: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, str):
            found.update(_BANK_WORD.findall(value.lower()))
        elif isinstance(value, (tuple, list)):
            for item in value:
                walk(item)
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(key)
                walk(item)

    for cat in all_categories():
        for f in fields(cat):
            walk(getattr(cat, f.name))
    return frozenset(found)


def _business(word: str) -> bool:
    low = word.lower()
    return (
        low in lx.VENUES
        or low in lx.TRADES
        or low in lx.VENUE_KINDS
        or low in lx.PRODUCT_HEADS
        or low.endswith(lx.VENUE_TAILS)
    )


def _name_word(tok: Token, language: str) -> bool:
    low = tok.low
    if not re.fullmatch(r"[^\W\d_][\w'’&-]*", tok.text) or len(low) < 2:
        return False
    if low in _NOT_NAMES or low in _bank_words() or _business(low) or find_nouns(low):
        return False
    codes = {language, "en"} if language in _LATIN else {"en"}
    known = any(wordlist.zipf(low, code) > 0 for code in codes)  # "tidynest" is in no list
    if len(low) >= 6 and _DESCRIBING.search(low) and not tok.camel and known:
        return False
    return all(wordlist.zipf(low, code) < _MOST_FREQUENT for code in codes)


def _product_follows(head: list[Token], tail: list[Token], product: str) -> bool:
    """Whether the product the reader found runs from the name on past it ("hive smart
    heating thermostat"): a word the reader knows as a modifier ("Emergency plumber",
    "Gourmet burgers", "Pet insurance") is left out of the product, a name is not."""
    words = product.lower().split()
    size = len(head)
    runs_on = (
        len(words) > size
        and words[:size] == [t.low for t in head]
        and bool(tail)
        and words[size] == tail[0].low
    )
    # One plain word before a one-word product is most often a material or a field
    # ("Solar panels", "Wool blankets"): a name then needs to be a rare word.
    rare = all(wordlist.zipf(t.low, "en") < _RARE for t in head)
    return runs_on and (len(words) - size >= 2 or rare)


def rare_opener(text: str, language: str, rare: Callable[[str, str, float], bool]) -> str:
    """With no brand found, a capitalized coined word names it ("Voltra electric SUV");
    ``rare`` says whether a word is rare in the language and in English."""
    for m in re.finditer(r"(?<![\w'’])[A-ZÀ-Ý][\w'’&-]{2,}", text):
        if rare(m.group(), language, 2.0) and not _WEB.match(m.group()):
            return m.group().strip("'’")
    return ""


def opening_name(text: str, naming: Naming, language: str) -> str:
    """The name opening ``text`` before its product, or ``""`` (see the module doc)."""
    if language not in _LATIN or naming.brand:
        return ""
    clause = _CLAUSE_END.split(text.strip(), maxsplit=1)[0]
    tokens = tokenize(clause)
    for size in (2, 1):
        head, tail = tokens[:size], tokens[size:]
        if len(head) < size or not tail:
            continue
        if size == 2 and not all(t.text[0].isupper() for t in head):
            continue
        if not all(_name_word(t, language) for t in head):
            continue
        if _product_follows(head, tail, naming.product):
            return clause[head[0].start : head[-1].end]
    return _coined_opener(tokens, clause, naming.product, language)


def _coined_opener(tokens: list[Token], clause: str, product: str, language: str) -> str:
    """A coined word opening the clause with the product the reader found right behind it,
    maybe after a describing word or two: "drainwise emergency plumbers", "Nimbly project
    management software". The reader left the word out of the product, so it is no modifier
    it knows; rare in the prompt's language and in English, it is a name."""
    first = product.lower().split()[:1]
    if len(tokens) < 2 or not first or not _name_word(tokens[0], language):
        return ""
    codes = {language, "en"} if language in _LATIN else {"en"}
    if any(wordlist.zipf(tokens[0].low, code) >= _RARE for code in codes):
        return ""
    if any(tok.low == first[0] for tok in tokens[1:4]):
        return clause[tokens[0].start : tokens[0].end]
    return ""


_ARTICLE = re.compile(r"^(?:The|Le|La|Les|El|Los|Las|Il|Lo|Der|Die|Das|O|A)\s+$")


AT_HOME_WORDS = frozenset({"chez", "da", "bei", "bij"})
_AT_HOME = re.compile(r"(?:^|\s)((?:[Cc]hez|Da|Bei|Bij)\s+)$")  # "Chez Margot", "Da Gennaro"
UNIT_AFTER = re.compile(r"\d\s?$")


def with_article(text: str, brand: str) -> str:
    """ "The Marlowe boutique hotel": the article that opens the prompt is part of the name,
    and so is "chez"/"da"/"bei" before a venue's name ("Chez Margot", "fromagerie chez Lucien")."""
    at = text.find(brand)
    if at > 0 and _ARTICLE.match(text[:at]):
        return text[:at].strip() + " " + brand
    home = _AT_HOME.search(text[:at]) if at > 0 else None
    return home.group(1) + brand if home else brand

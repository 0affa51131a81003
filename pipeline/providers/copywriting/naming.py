"""Who is advertising: the brand name (tokens and catalog nouns live in :mod:`.tokens`).

Brands are found, never invented: a quoted name, a name after "called"/"named"/"brand", or a
run of capitalized words that is not an ordinary word, a place, a platform or the product
itself ("ZephyrRun trail running shoes" -> ZephyrRun; "Bean There Café" keeps its venue word;
"InvoiceFlow", "Éclat", "Maria's"). Non-Latin prompts name brands in Latin letters or in
quotes (「…」, «…»). With no brand the result is ``""`` and the copy names the product.
"""

from __future__ import annotations

import re

from pipeline.providers.copywriting import lexicon as lx
from pipeline.providers.copywriting.tokens import (
    _ADJ_HYPHEN,
    _LATIN_RUN,
    _QUOTED,
    _SENTENCE_END,
    Token,
    _noun_starts,
    find_nouns,
    tokenize,
)

# -- brand -------------------------------------------------------------------------------

_CONTINUE_STOP = (
    lx.BRAND_PREPOSITIONS
    | lx.PLACE_PREPOSITIONS
    | lx.DETERMINERS
    | lx.AD_WORDS
    | lx.PLATFORM_WORDS
    | frozenset(lx.DAYS)
    | lx._words("and or but is are was on who that which this for launch launching")
)


_BRAND_VERBS = lx.BRAND_PREPOSITIONS | lx._words(
    "introducing launching presenting announcing featuring advertising selling unveiling "
    "showcasing starring"
)


_COMPANY_VERBS = lx._words(
    "delivers makes helps brings turns lets offers gives keeps sells serves creates builds "
    "is has launches opens introduces designs crafts brews bakes"
)


def _is_sentence_start(text: str, tokens: list[Token], i: int) -> bool:
    if i == 0:
        return True
    return bool(_SENTENCE_END.search(text[tokens[i - 1].end : tokens[i].start]))


def _can_start(tok: Token) -> bool:
    if not tok.capitalized or tok.text[0].isdigit():
        return False
    low = tok.low
    if low in lx.NON_BRAND or low in lx.TRADES:
        return False
    if tok.camel:
        return True
    if low in lx.COMMON or low in lx.COMMON_FR or low in lx.NON_BRAND or low in lx.AD_WORDS:
        return False
    if low.removesuffix("'s") in lx.NON_BRAND:
        return False
    return not _ADJ_HYPHEN.match(tok.text)


def _noun_opens_name(text: str, tokens: list[Token], i: int, noun_starts: set[int]) -> bool:
    """A capitalized product noun inside a sentence, followed at once by a capitalized word
    that is no product noun, opens a name ("at Burger Barn", "from Pizza Planet")."""
    if i + 1 >= len(tokens) or _is_sentence_start(text, tokens, i):
        return False
    nxt = tokens[i + 1]
    if text[tokens[i].end : nxt.start].strip():
        return False
    return (
        nxt.capitalized
        and nxt.start not in noun_starts
        and nxt.low not in _CONTINUE_STOP
        and _can_start(nxt)
    )


def _spans(text: str, tokens: list[Token]) -> list[tuple[int, int]]:
    """Candidate brand spans as token index ranges [i, j)."""
    noun_starts = _noun_starts(text)
    sentence_case = _sentence_case(text, tokens)
    spans = []
    i = 0
    while i < len(tokens):
        first = i
        if _word_opens_name(text, tokens, i, noun_starts) or (
            i == 0 and sentence_case and _title_opens_prompt(text, tokens, noun_starts)
        ):
            i += 1  # "Café Le Matin", "by Little Sprouts": the small word belongs to the name
        if not _can_start(tokens[i]) or (
            tokens[i].start in noun_starts and not _noun_opens_name(text, tokens, i, noun_starts)
        ):
            i += 1
            continue
        j = i + 1
        while j < len(tokens):
            gap = text[tokens[j - 1].end : tokens[j].start]
            if gap.strip() not in ("", "&"):
                break
            tok = tokens[j]
            after_owner = tokens[j - 1].low.endswith(("'s", "’s")) and tok.capitalized
            # "TopShield Roofing", "Swift Movers": a capitalized trade (a service "-ing", a
            # plural "-ers") in a sentence-case prompt is part of the name; "Watch" is not.
            trade = tok.text[0].isupper() and sentence_case and _is_trade(tok.low)
            if tok.start in noun_starts and tok.low not in lx.VENUES and not after_owner | trade:
                break  # a product noun ends the name, unless it is "Joe's Pizza"
            if tok.low in lx.DRINK_STYLES:
                break  # "Vale Ridge Pinot Noir": the grape, not the winery
            if tok.capitalized and tok.low not in _CONTINUE_STOP and not tok.text[0].isdigit():
                j += 1
                continue
            nxt = tokens[j + 1] if j + 1 < len(tokens) else None
            if tok.low in lx.CONNECTORS and nxt is not None and nxt.capitalized:
                j += 2
                continue
            break
        spans.append((first, j))
        i = j
    return spans


def _is_trade(low: str) -> bool:
    return low in lx.TRADES or (len(low) > 5 and low.endswith(("ing", "ers")))


def _sentence_case(text: str, tokens: list[Token]) -> bool:
    """Whether most words inside sentences are lower case (so a capital means a name)."""
    inner = [t for k, t in enumerate(tokens) if not _is_sentence_start(text, tokens, k)]
    words = [t for t in inner if t.text[0].isalpha()]
    return len(words) >= 3 and sum(t.text[0].isupper() for t in words) * 2 < len(words)


def _title_opens_prompt(text: str, tokens: list[Token], noun_starts: set[int]) -> bool:
    """An everyday word opening the prompt before more capitalized words and then lower
    case ("Clean Water Now charity", "Little Acorns daycare") opens the name."""
    first = tokens[0]
    if len(tokens) < 3 or first.low not in lx.COMMON or not first.text[0].isupper():
        return False
    if first.low in lx.OPENING_VERBS | lx.BRAND_PREPOSITIONS | lx.DETERMINERS:
        return False  # "Meet Luma, the serum", "Try Luma serum"
    k = 1
    while k < len(tokens) and tokens[k].text[0].isupper():
        k += 1
    return (
        1 < k < len(tokens)
        and text[tokens[k - 1].end : tokens[k].start] == " "
        and tokens[1].start not in noun_starts
        and _can_start(tokens[1])
    )


_NAME_ARTICLES = frozenset({"the", "le", "la", "les", "au", "aux"})


def _word_opens_name(text: str, tokens: list[Token], i: int, noun_starts: set[int]) -> bool:
    """A capitalized article or everyday word inside a sentence, right before a name word
    ("bar The Blind Pig", "clothing by Little Sprouts", "center Little Acorns")."""
    tok = tokens[i]
    if i + 1 >= len(tokens):
        return False
    nxt = tokens[i + 1]
    small = tok.low in _NAME_ARTICLES or (
        tok.low in lx.COMMON
        and tok.low not in lx.BRAND_PREPOSITIONS | lx.PLACE_PREPOSITIONS | lx.DETERMINERS
    )
    return (
        tok.capitalized
        and small
        and text[tok.end : nxt.start] == " "
        and not _is_sentence_start(text, tokens, i)
        and _can_start(nxt)
        and nxt.start not in noun_starts
    )


def _accept(text: str, tokens: list[Token], span: tuple[int, int]) -> bool:
    i, j = span
    if i > 0 and tokens[i - 1].low in lx.PLACE_PREPOSITIONS:
        return False
    # "teaching Python", "visiting Lisbon": the object of a verb is a topic, not the brand.
    if i > 0 and tokens[i - 1].low.endswith("ing") and tokens[i - 1].low not in _BRAND_VERBS:
        return False
    first = tokens[i]
    if j - i > 1 or first.camel or first.text.isupper() or first.low.endswith("'s"):
        return True
    if not _is_sentence_start(text, tokens, i):
        return True
    # A lone capitalized word opening a sentence is usually just a word ("Handcrafted ..."),
    # unless a product noun ("Éclat perfume") or a company's verb ("Greenbowl delivers")
    # follows it.
    if j >= len(tokens) or re.search(r"(?:ful|ous|ive|able|ible|ing|ed|est|ly)$", first.low):
        return False
    if tokens[j].low in _COMPANY_VERBS:
        return True
    # "Wiggles squeaky dog toys": up to two lowercase describing words may sit between the
    # name and its product noun.
    nouns = _noun_starts(text)
    for k in range(j, min(j + 3, len(tokens))):
        if tokens[k].start in nouns:
            return True
        gap = text[tokens[k - 1].end : tokens[k].start]
        if tokens[k].capitalized or gap.strip() or tokens[k].low in _MODIFIER_STOP:
            return False
    return False


#: Words between a capitalized opener and a noun that make the opener an ordinary word
#: ("Make a ...", "Try our ...").
_MODIFIER_STOP = lx.DETERMINERS | lx.COMMON | lx.COMMON_FR | lx.CONNECTORS


def _clean_brand(name: str) -> str:
    name = name.strip(" .,:;!?-'\"")
    return name[:60].strip()


def _marker_brand(text: str, tokens: list[Token]) -> str:
    for k, tok in enumerate(tokens[:-1]):
        # "called"/"named" introduce any name; a noun ("brand", "company") only a capital:
        # "moving company, fully insured" names nothing.
        if (tok.low in ("called", "named")) or (
            tok.low in lx.NAME_MARKERS and k + 1 < len(tokens) and tokens[k + 1].capitalized
        ):
            rest = tokens[k + 1 :]
            if not rest or rest[0].low in lx.COMMON:
                continue
            spans = _spans(text[rest[0].start :], tokenize(text[rest[0].start :]))
            if spans and spans[0][0] == 0:
                sub = tokenize(text[rest[0].start :])
                a, b = spans[0]
                return text[rest[0].start + sub[a].start : rest[0].start + sub[b - 1].end]
            return rest[0].text
    return ""


def find_brand(text: str, latin_only: bool = False) -> str:
    """The brand the prompt names, or ``""``."""
    for m in _QUOTED.finditer(text):
        quoted = _clean_brand(m.group(1) or m.group(2) or "")
        if quoted and len(quoted.split()) <= 5 and quoted.lower() not in lx.NON_BRAND:
            return quoted
    if latin_only:
        for m in _LATIN_RUN.finditer(text):
            run = _clean_brand(m.group())
            words = run.split()
            while words and (words[-1].lower() in lx.NON_BRAND or words[-1].lower() in lx.AD_WORDS):
                words.pop()
            while words and (words[0].lower() in lx.NON_BRAND or words[0].lower() in lx.AD_WORDS):
                words.pop(0)
            if words and any(c.isupper() for c in words[0]):
                return " ".join(words)
        return ""
    tokens = tokenize(text)
    marked = _marker_brand(text, tokens)
    if marked:
        return _clean_brand(marked)
    accepted = [span for span in _spans(text, tokens) if _accept(text, tokens, span)]
    if not accepted:
        return ""
    i, j = accepted[0]
    if j - i == 1 and _is_sentence_start(text, tokens, i):
        # A lone capitalized opener may just be a word ("Noise cancelling headphones"): a
        # name introduced by "at"/"from"/"by" ("Smash burgers at Burger Barn"; one word
        # after "by"/"from", "... by Quietude") or right after the product noun ("Language
        # learning app Parlo", "Vet clinic PawCare") beats it.
        noun_ends = {end for _, end, _ in find_nouns(text)}
        named = [(a, b) for a, b in accepted[1:] if a > 0 and _introduced(tokens, a, b, noun_ends)]
        i, j = named[0] if named else (i, j)
    return _clean_brand(text[tokens[i].start : tokens[j - 1].end])


def _introduced(tokens: list[Token], a: int, b: int, noun_ends: set[int]) -> bool:
    """Whether the span ``tokens[a:b]`` is introduced as a name (see ``find_brand``)."""
    prev = tokens[a - 1]
    if prev.low in lx.BRAND_PREPOSITIONS:
        return b - a > 1 or (prev.low in ("by", "from") and len(tokens[a].text) > 2)
    return prev.end in noun_ends and tokens[a].text[:1].isupper()

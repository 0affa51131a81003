"""Writing the words: one short headline per beat, the call to action, the benefits.

Rules every line obeys: the hook (first beat) is at most seven words, the call to action two
to four words, no headline repeats another, the brand is never invented, and an offer from
the prompt closes the ad next to the call to action. Choices among alternatives come from a
hash of the prompt, so the same prompt always gets the same copy.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from pipeline.providers.copywriting import lexicon as lx
from pipeline.providers.copywriting.benefits_i18n import benefit_kind, kind_benefits
from pipeline.providers.copywriting.catalog import BEAT_VISUAL, Category
from pipeline.providers.copywriting.catalog.fallback import GENERIC, GENERIC_SERVICE
from pipeline.providers.copywriting.cta import TIMED, closing, cta_options
from pipeline.providers.copywriting.i18n import LOCALES, Locale
from pipeline.providers.copywriting.last_resort import (
    HEADLINE_MAX_CHARS,
    HOOK_MAX_WORDS,
    clamp,
    name_for_filler,
    named_blanks,
    offer_before_cta,
)
from pipeline.providers.copywriting.last_resort import norm as _norm
from pipeline.providers.copywriting.last_resort import sentence as _sentence
from pipeline.providers.copywriting.last_resort import upper_first as _upper_first
from pipeline.providers.copywriting.last_resort import words as _words
from pipeline.providers.copywriting.tokens import Naming

_BANK = {
    "attention": "hooks",
    "desire": "desires",
    "problem": "pains",
    "agitate": "agitations",
    "solution": "solutions",
    "before": "befores",
    "after": "afters",
    "bridge": "bridges",
}


@dataclass(frozen=True)
class Copy:
    """The written beats: (beat, headline, visual) in framework order, plus the CTA."""

    headlines: list[tuple[str, str, str]]
    call_to_action: str
    benefits: list[str]


class _Picker:
    """Deterministic choice among alternatives, never the same line twice."""

    def __init__(self, key: str) -> None:
        self._key = key
        self.used: set[str] = set()

    def pick(
        self, slot: str, options: list[str], ok: Callable[[str], bool] | None = None
    ) -> str | None:
        fits = [o for o in options if _norm(o) not in self.used and (ok is None or ok(o))]
        if not fits:
            return None
        digest = hashlib.sha256(f"{self._key}|{slot}".encode()).digest()
        choice = fits[int.from_bytes(digest[:4], "big") % len(fits)]
        self.used.add(_norm(choice))
        return choice


# Function words that may recur between beats without the copy sounding repetitive.
_FUNCTION_WORDS = lx._words(
    """
    your you'll you're with that this what more from into than they them their there
    every just will have been here when where which while about also only over some such
    dans pour avec plus vous votre vos tout toute tous sans chez notre nous leur
    """
)


def _key_words(text: str, exclude: str = "") -> set[str]:
    """Content words of ``text`` (simple plural folded) that a later beat should not reuse.

    Words of ``exclude`` (the brand and product, which a line may repeat) are left out.
    """
    skip = {w.rstrip("s") for w in _norm(exclude).split()}

    def fold(word: str) -> str:
        return word[:-1] if len(word) > 4 and word.endswith("s") else word

    return {
        fold(w)
        for w in _norm(text).split()
        if len(w) >= 4 and w not in _FUNCTION_WORDS and w.rstrip("s") not in skip
    }


def _lower_first(text: str) -> str:
    first = text.split(" ", 1)[0]
    if len(first) > 1 and (first.isupper() or any(c.isupper() for c in first[1:])):
        return text
    return text[:1].lower() + text[1:]


def _fill(line: str, name: str, product: str) -> str:
    line = line.replace("{Name}", name).replace("{Product}", _upper_first(product))
    return _upper_first(line.replace("{product}", product))


def _name_lines(lines: tuple[str, ...], has_brand: bool) -> list[str]:
    """Without a brand, lines that start '{Name} <verb>' would need agreement with any
    product phrase ("Our candles makes ..."), so keep the '{Name}:' and name-free ones."""
    if has_brand:
        return list(lines)
    safe = [ln for ln in lines if "{Name}" not in ln or "{Name}:" in ln]
    return safe or list(lines)


def benefits_for(category: Category, product: str, from_prompt: list[str]) -> list[str]:
    """Up to four key benefits: the prompt's own first, then the category's."""
    out: list[str] = []
    special = category.special_lines("benefits", product)
    # A sub-type with its own benefits (dog walking inside pet care) does not borrow the
    # category's (pet food): they would be about something else.
    general = category.benefits if len(special) < 2 else ()
    for line in [*from_prompt, *special, *general]:
        if _norm(line) not in {_norm(o) for o in out}:
            out.append(line)
    return out[:4]


def write_copy(
    *,
    framework_beats: tuple[str, ...],
    language: str,
    naming: Naming,
    offer: str | None,
    prompt_benefits: list[str],
    key: str,
    pain: str | None = None,
    prompt_cta: str | None = None,
    fact_queue: list[str] | None = None,
    bank_ok: Callable[[str], bool] | None = None,
    name_lines: tuple[str, ...] = (),
    action: str | None = None,
    shot_ok: Callable[[str], bool] | None = None,
) -> Copy:
    """The headline and visual for every beat, the call to action and the benefits.

    ``prompt_cta``: the call to action the prompt gives ("book a tour"), kept unless it
    contradicts the offer's date ("Order today" after "this Saturday"). ``fact_queue``: lines
    written from the prompt's facts (:mod:`.director`); each beat takes the first that fits
    before any bank line."""
    cat, brand = naming.category, naming.brand
    locale = LOCALES.get(language)
    picker = _Picker(key)
    english_product = naming.product if locale is None else cat.noun
    if brand:
        name = brand
    elif locale is None:
        name = f"Our {naming.product}" if _words(naming.product) <= 3 else f"Our {cat.noun}"
    else:
        name = naming.product
    kind = benefit_kind(cat, action)
    own = kind_benefits(kind, language)  # a ramen shop is not "made to last"
    if locale is None:
        benefits = (
            list(prompt_benefits[:1]) + list(own)
            if own
            else benefits_for(cat, naming.product, prompt_benefits)
        )[:4]
    else:
        benefits = (list(prompt_benefits[:1]) + list(own or locale.benefits))[:4]

    if prompt_cta and offer and TIMED.search(offer) and TIMED.search(prompt_cta):
        prompt_cta = None
    cta = prompt_cta or picker.pick(
        "cta",
        cta_options(cat, locale, offer, naming.product, action, language),
        lambda o: 2 <= _words(o) <= 4 and (bank_ok is None or bank_ok(o)),
    )
    if cta is None:  # one-word scripts (Japanese) have no spaces to count
        cta = (
            picker.pick("cta", cta_options(cat, locale, offer, naming.product, action, language))
            or "Shop now"
        )

    headlines: list[tuple[str, str, str]] = []
    for index, beat in enumerate(framework_beats):
        visual = _visual(cat, beat, english_product, shot_ok)
        if index == len(framework_beats) - 1:
            headlines.append((beat, closing(offer, cta, locale), visual))
            continue
        fact = _next_fact(fact_queue or [], index, beat, pain, locale, picker, headlines)
        if fact is not None:
            headlines.append((beat, fact, visual))
            continue
        said = " ".join(h[1] for h in headlines)
        if not headlines and prompt_benefits and locale is None:
            said = prompt_benefits[0]  # the interest beat will say it: the hook leaves it be
        text = _line(
            beat,
            index,
            cat,
            locale,
            picker,
            name,
            naming,
            benefits,
            pain,
            bool(prompt_benefits),
            said=_key_words(said, f"{name} {naming.product} {english_product}"),
            bank_ok=bank_ok,
        )
        headlines.append((beat, text, visual))
    headlines = named_blanks(headlines, [n for n in name_lines if n], naming.product)
    if offer:
        headlines = offer_before_cta(headlines, offer, cta, locale)
    headlines = name_for_filler(headlines, [n for n in name_lines if n])
    headlines = [(b, clamp(t), v) for b, t, v in headlines]
    return Copy(headlines=headlines, call_to_action=cta, benefits=benefits)


def _next_fact(
    queue: list[str],
    index: int,
    beat: str,
    pain: str | None,
    locale: Locale | None,
    picker: _Picker,
    headlines: list[tuple[str, str, str]],
) -> str | None:
    """The first unused fact line that fits this beat (the prompt's pain opens a PAS ad)."""
    if pain and beat == "problem":
        return None
    shown = " ".join(_norm(h[1]) for h in headlines)
    for line in queue:
        key = _norm(line)
        if key in picker.used or (key and key in shown) or len(line) > HEADLINE_MAX_CHARS:
            continue
        if index == 0:
            short = len(line) <= locale.max_hook_chars if locale else True
            if _words(line) > HOOK_MAX_WORDS or not short:
                continue
        picker.used.add(key)
        return line
    return None


def _line(
    beat: str,
    index: int,
    cat: Category,
    locale: Locale | None,
    picker: _Picker,
    name: str,
    naming: Naming,
    benefits: list[str],
    pain: str | None,
    from_prompt: bool,
    said: frozenset[str] | set[str] = frozenset(),
    bank_ok: Callable[[str], bool] | None = None,
) -> str:
    """The headline for one beat; a line that reuses a content word of an earlier beat
    ("Precision you can feel." then "Precision automatic movement.") is the last resort."""
    product = naming.product
    short = (
        (lambda s: _words(s) <= HOOK_MAX_WORDS)
        if locale is None
        else (lambda s: len(s) <= locale.max_hook_chars)
    )

    own: set[str] = set()  # lines the prompt's own words make: no bank check

    def fits(line: str) -> bool:
        filled = _fill(line, name, product)
        bare = line.replace("{Name}", "").replace("{product}", "")
        true = line in own or bank_ok is None or bank_ok(bare)
        return true and len(filled) <= HEADLINE_MAX_CHARS and (index > 0 or short(filled))

    if locale is not None:
        lines = list(locale.beats[beat])
        named = [ln for ln in lines if "{Name}" in ln]
        plain = [ln for ln in lines if "{Name}" not in ln]
        # The name opens the ad and carries the solution; elsewhere it would only repeat.
        tiers = [named, plain] if beat in ("attention", "solution", "bridge") else [plain, named]
    elif beat == "interest":
        # A feature the prompt itself states beats anything from the bank. It is a noun
        # phrase ("vitamin C"), so it reads as what the product comes with.
        if from_prompt:
            feature = _sentence(_lower_first(benefits[0]))
            first = [f"{{Name}}, with {feature}" if naming.brand else f"With {feature}"]
            own.update(first)
        elif naming.brand:
            first = [f"{{Name}}: {_sentence(_lower_first(b))}" for b in benefits[:2]]
        else:
            first = [_sentence(b) for b in benefits[:2]]
        if naming.brand:
            tiers = [
                first,
                [f"{{Name}}: {_sentence(_lower_first(b))}" for b in benefits],
                [_sentence(b) for b in benefits],
            ]
        else:
            tiers = [first, [_sentence(b) for b in benefits]]
    else:
        special = _name_lines(cat.special_lines(_BANK[beat], product), bool(naming.brand))
        general = _name_lines(tuple(getattr(cat, _BANK[beat])), bool(naming.brand))
        echo = [pain] if pain and beat == "problem" else []
        tiers = [echo, special, general]
    exclude = f"{name} {product}"

    def fits_plain(line: str) -> bool:
        filled = _fill(line, name, product)
        return len(filled) <= HEADLINE_MAX_CHARS and (index > 0 or short(filled))

    def fresh(line: str) -> bool:
        return fits(line) and not _key_words(_fill(line, name, product), exclude) & said

    for check in (fresh, fits):
        for tier in tiers:
            chosen = picker.pick(beat, tier, check)
            if chosen is not None:
                return _fill(chosen, name, product)
    everything = [ln for tier in tiers for ln in tier]
    chosen = picker.pick(beat, everything, lambda ln: ln in own or bank_ok is None or bank_ok(ln))
    if chosen is None and bank_ok is not None:
        # No line of this bank is true of the product: in the middle a line true of anything,
        # else (and always for the hook) the caller names the brand or the product.
        anything = GENERIC_SERVICE if cat.local else GENERIC
        lines = _name_lines(tuple(getattr(anything, _BANK.get(beat, "hooks"))), bool(naming.brand))
        chosen = picker.pick(beat, lines, fits_plain) if locale is None and index else None
        return _fill(chosen, name, product) if chosen else ""
    if chosen is None:  # every alternative already used: fall back to a benefit
        unused = (_sentence(b) for b in benefits if _norm(_sentence(b)) not in picker.used)
        chosen = next(unused, product)
    return _fill(chosen, name, product)


def _visual(
    cat: Category, beat: str, product: str, shot_ok: Callable[[str], bool] | None = None
) -> str:
    """The shot for ``beat``: the category's own, unless it shows something the prompt does
    not sell (croissants for conchas, a bowl under a GPS collar); then the shot that names
    only the product."""
    kind = BEAT_VISUAL[beat]
    own = cat.visual(kind, product)  # places get a welcoming closing shot of their own
    if own and shot_ok is not None and not shot_ok(own):
        own = (GENERIC_SERVICE if cat.local else GENERIC).visual(kind, product)
    if kind == "cta" and not own:
        return (
            f"Hero shot of the {product} {cat.setting}, slow push-in, clean composition with "
            "calm space in the upper third"
        )[:400]
    return own.replace("{product}", product)[:400]

"""The offline creative director's craft: from a one-line prompt to an ad specification.

Steps, each its own module:

- :mod:`.sanitize`  strip markup, scripts and control characters from the prompt;
- :mod:`.naming`    the brand (never invented) and the product, and its catalog category;
- :mod:`.brief`     language, offer, audience, benefits, platform, mood, grade, type, colours;
- :mod:`.framework` AIDA / PAS / BAB from the prompt's intent, with the reason;
- :mod:`.writer`    the headline and shot for every beat, the call to action;
- :mod:`.catalog` / :mod:`.i18n`  the copy banks (English by category; French, Japanese,
  Arabic templates).

:func:`write_specification` is deterministic: the same prompt gives the same specification
(the seed does not change the words, so a re-render with a new seed keeps the copy).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from pipeline.providers.copywriting import brief, detect, names
from pipeline.providers.copywriting.brand_guard import fold_fancy, strip_sql
from pipeline.providers.copywriting.cta import action_for
from pipeline.providers.copywriting.detect import detect_language, read_language
from pipeline.providers.copywriting.director import (
    audience_line,
    closing_offer,
    fact_cta,
    fact_lines,
    sign_off,
)
from pipeline.providers.copywriting.facts import product_phrase, read_facts
from pipeline.providers.copywriting.fillers import is_filler
from pipeline.providers.copywriting.formal import formal_copy
from pipeline.providers.copywriting.framework import FrameworkChoice, choose_framework
from pipeline.providers.copywriting.i18n import LOCALES
from pipeline.providers.copywriting.lang import lang
from pipeline.providers.copywriting.names import guarded_naming
from pipeline.providers.copywriting.sanitize import copy_safe, sanitize_prompt
from pipeline.providers.copywriting.tokens import Naming, find_nouns, tokenize, unshout
from pipeline.providers.copywriting.whom import only_a_place
from pipeline.providers.copywriting.words import rest as rest_words
from pipeline.providers.copywriting.writer import write_copy
from pipeline.spec import FRAMEWORK_BEATS, AdSpecification, PromptFacts

__all__ = [
    "copy_safe",
    "detect_language",
    "read_prompt_facts",
    "sanitize_prompt",
    "warm_up",
    "write_specification",
]


@dataclass(frozen=True)
class _Reading:
    text: str
    language: str
    note: str
    naming: Naming
    offer: str | None
    facts: PromptFacts


def _read(prompt: str) -> _Reading:
    """The sanitized prompt, its language, brand and product, offer and facts."""
    text = strip_sql(fold_fancy(copy_safe(prompt)))
    if not text:
        text = sanitize_prompt(prompt) or "new product"
    text = unshout(text)
    language_reading = read_language(text)
    language = language_reading.written
    naming = guarded_naming(text, language)
    naming = replace(naming, category=naming.category.for_product(naming.product))
    if only_a_place(text, naming.brand):
        naming = replace(naming, brand="")
    offer = brief.find_offer(text, language) if language in ("en", "fr", "ja", "ar") else None
    facts = read_facts(text, language, brand=naming.brand, product=naming.product, offer=offer)
    return _Reading(text, language, language_reading.note, naming, offer, facts)


#: One prompt per language, written once at warm-up so each language's patterns are compiled
#: before the first real prompt (the first prompt of a language took 170-230 ms otherwise).
_WARM_PROMPTS = (
    "Tired of slow payroll? PayFlow software for cafés in Leeds, 30% off, free trial, book a demo",
    "Cansado de esperar? Clínica Sonrisa en Sevilla, 20% de descuento, primera visita gratis",
    "Marre des factures ? Facturo, logiciel pour artisans à Lyon, -15 %, essai gratuit",
    "Schluss mit Papierkram: Zeitwerk App in Köln, 10 % Rabatt, erste Woche gratis",
    "Cansado de filas? Padaria Sol em Lisboa, 2 pães por 3 euros, entrega grátis",
    "Stanco delle code? Palestra Forza a Milano, 20% di sconto, prima lezione gratuita",
    "カフェ「Mori」の広告、母の日限定、初回20%オフ、今すぐ予約",
    "为咖啡店「Morning Bean」做广告，第二杯半价，立即下单",
    "إعلان لمقهى Bunn House، خصم 25%، الكوب الثاني مجانا، اطلب الآن",
    "Genoeg van wachten? Kapsalon Knip in Utrecht, 20% korting, eerste knipbeurt gratis",
    "Masz dość kolejek? Piekarnia Kłos w Krakowie, -20%, druga bułka gratis",
    "Trött på köer? Kafé Lind i Malmö, 20% rabatt, första kaffet gratis",
    "Kuyruklardan bıktınız mı? Kahve Evi, %20 indirim, ikinci kahve bedava",
)


@lru_cache(maxsize=1)
def warm_up() -> None:
    """Load the language detector's and the word lists' data and compile every language's
    patterns (once per process; about 0.5 s of CPU)."""
    detect.warm_up()
    names.warm_up()
    for prompt in _WARM_PROMPTS:
        write_specification(prompt)


def rest() -> None:
    """Put the language models (:func:`detect.rest`) and the word lists (6 MB) down until
    the next prompt; either loads again on its first use."""
    detect.rest()
    rest_words()


def rewarm() -> None:
    """Load what :func:`rest` put down (the rest of :func:`warm_up` stays loaded)."""
    detect.warm_up()
    names.warm_up()


def read_prompt_facts(prompt: str) -> PromptFacts:
    """The facts of ``prompt`` (raw user text), as the offline director reads them."""
    return _read(prompt).facts


def write_specification(
    prompt: str, *, duration_s: float = 15.0, framework: str | None = None, variant: str = ""
) -> AdSpecification:
    """The ad specification for ``prompt`` (raw user text; it is sanitized here).

    ``framework`` forces AIDA/PAS/BAB and ``variant`` (a letter) draws other bank lines, so
    variants of one prompt differ (:mod:`pipeline.variants`).

    ``specification.prompt`` keeps the user's text as given; everything derived from it is
    read from the sanitized text and made copy-safe (no markup, no emoji).
    """
    reading = _read(prompt)
    text, language, naming, offer, facts = (
        reading.text,
        reading.language,
        reading.naming,
        reading.offer,
        reading.facts,
    )
    words = {t.low for t in tokenize(text)}
    category = naming.category
    mood = brief.choose_mood(words, category)
    style = brief.choose_style(words, mood, category)
    prompt_cta = fact_cta(facts, language)
    offer = closing_offer(facts, offer, prompt_cta or "", language)
    subject = naming.brand or f"the {naming.product}"
    choice = choose_framework(text, subject)
    if framework is not None and framework != choice.framework:
        reason = f"Variant {variant or '?'} tests {framework} against {choice.framework}."
        choice = FrameworkChoice(framework, reason)
    beats = FRAMEWORK_BEATS[choice.framework]
    key = hashlib.sha256((text + variant).encode()).hexdigest()
    locale = LOCALES.get(language)
    benefits = brief.find_benefits(text, naming.brand) if language == "en" else []
    name = naming.brand or naming.product
    queue = fact_lines(facts, language, name, hook_chars=locale.max_hook_chars if locale else 48)
    closed = (offer or "").lower()
    queue = [q for q in queue if q.rstrip(".。").lower() not in closed]  # the close says it
    if choice.framework == "AIDA" and benefits:  # the interest beat names them already
        shown = [b.lower() for b in benefits]
        queue = [q for q in queue if not any(_same(b, q.rstrip(".").lower()) for b in shown)]
    certain = locale is None and naming.matched_noun
    sure = _kind_is_sure(naming, text)
    name_line = ""
    if naming.brand and naming.product.lower() not in naming.brand.lower():
        phrase = product_phrase(text, language, naming.brand, naming.product)
        end = "" if language in ("ja", "zh", "ar") else "."
        name_line = f"{naming.brand}{lang(language).colon}{phrase}{end}"
        if facts.audience and facts.audience.casefold() in name_line.casefold():
            said = audience_line(facts, language, name)  # the name line says it already
            queue = [q for q in queue if q != said]
        if not certain:
            queue.append(name_line)
    action = action_for(text, naming.product, naming.category, brand=naming.brand)
    copy = write_copy(
        framework_beats=beats,
        language=language,
        naming=naming,
        offer=offer,
        prompt_benefits=benefits,
        key=key,
        pain=brief.find_pain(text, naming.brand) if language == "en" else None,
        prompt_cta=prompt_cta,
        fact_queue=queue,
        name_lines=(name_line, sign_off(naming.brand, naming.product, language)),
        bank_ok=lambda line: (locale is not None or sure) and _names_nothing_else(line, text),
        action=action,
        shot_ok=lambda shot: (
            (sure or language != "en") and _shows_nothing_else(shot, text, naming.category.key)
        ),
    )
    copy = formal_copy(copy, language) if action == "contact" else copy
    primary, secondary, accent, text_color = brief.brand_colors(
        brief.find_colors(text), mood, category
    )
    audience = brief.find_audience(text, naming.brand, naming.product) if language == "en" else None
    return AdSpecification.model_validate(
        {
            "prompt": prompt,
            "language": language,
            "language_note": reading.note,
            "framework": choice.framework,
            "framework_reason": choice.reason[:300],
            "brand": {
                "brand_name": naming.brand,
                "primary_color": primary,
                "secondary_color": secondary,
                "accent_color": accent,
                "text_color": text_color,
                "font_style": brief.choose_font(mood, category),
                "tone": brief.MOOD_TONE[mood],
            },
            "ad": {
                "product": naming.product,
                "product_category": category.label,
                "target_audience": audience or category.audience,
                "platform": brief.find_platform(text),
                "mood": mood,
                "visual_style": style,
                "key_benefits": key_benefits(
                    facts, copy.benefits, naming.product, naming.brand, strict=action == "contact"
                )
                or [category.benefits[0]],
                "offer": offer,
                "call_to_action": copy.call_to_action[:40],
                "duration_s": duration_s,
            },
            "beats": [{"beat": b, "headline": h, "visual": v} for b, h, v in copy.headlines],
            "facts": facts.model_dump(),
        }
    )


def key_benefits(
    facts: PromptFacts, benefits: list[str], product: str, brand: str, *, strict: bool = False
) -> list[str]:
    """The benefits without generic lines when the prompt states two or more facts (always
    when ``strict``: a law firm is not "made with care"); its claims, else what it sells
    ("Asesoría fiscal"), stand in when none is left."""
    if facts.count() < 2 and not strict:
        return benefits  # nothing to say instead: the bank's lines are the seasoning
    claims = facts.claims
    kept = [b for b in benefits if not is_filler(b)]
    if not kept:
        kept = [c for c in claims if not is_filler(c)][:3]
    if not kept and product and product.lower() not in brand.lower():
        kept = [product[:1].upper() + product[1:]]
    return kept or benefits


#: How a product comes (a can, a bottle, a scoop): a bank line may name one only when the
#: prompt does ("Grab a can" is false for a smoothie bar or a spirit).
_FORMS = re.compile(r"\b(?:cans?|bottles?|pints?|scoops?|capsules?|pills?|cups?|shots?)\b")


def _names_nothing_else(line: str, prompt: str) -> bool:
    """A bank line may not name a product or a form the prompt does not ("butter
    croissants" in an ad for sourdough loaves, "Grab a can" for smoothies)."""
    low, said = line.lower(), prompt.lower()
    if any(m.group().rstrip("s") not in said for m in _FORMS.finditer(low)):
        return False
    return all(low[a:b].rstrip("s") in said for a, b, _ in find_nouns(low))


_AUDIENCE_BEFORE = re.compile(
    r"(?<!\bad )(?<!\bads )(?<!\bvideo )(?<!\bpromo )(?<!\bcommercial )"
    r"\b(?:for|para|pour|für|per|voor)\s+(?:[\w-]+\s+){0,2}$",
    re.I,
)


def _kind_is_sure(naming: Naming, text: str) -> bool:
    """Whether the product is one the category's bank was written for: its phrase names one
    of the category's nouns, and not as the audience ("bookkeeping for small restaurants" is
    no restaurant). A GPS dog collar read as pet care by the word "dog" is not pet food, so
    the pet bank's lines ("The bowl they'll race to") would be false."""
    low = naming.product.lower()
    cat = naming.category
    if not (any(n.lower() in low for n in cat.nouns) or cat.noun in low):
        return False
    at = text.lower().find(low)
    before = text[:at].replace(naming.brand, " ") if naming.brand else text[:at]
    return at < 0 or not _AUDIENCE_BEFORE.search(re.sub(r"\s+", " ", before))


def _shows_nothing_else(shot: str, prompt: str, kind: str) -> bool:
    """A category's shot may show only those of its products the prompt names (no croissants
    for conchas); props of other kinds (a laptop in a software shot) stay."""
    low, said = shot.lower(), prompt.lower()
    own = [low[a:b] for a, b, cat in find_nouns(low) if cat.key == kind and cat.noun != low[a:b]]
    return all(noun.rstrip("s") in said for noun in own)


def _same(benefit: str, line: str) -> bool:
    """ "a grippy vibram sole" and "grippy vibram sole"; "voice control" and "has voice
    control": one feature, said once."""
    return benefit.endswith(line) or line.endswith(benefit)

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
from dataclasses import replace

from pipeline.providers.copywriting import brief
from pipeline.providers.copywriting.framework import choose_framework
from pipeline.providers.copywriting.naming import tokenize, unshout
from pipeline.providers.copywriting.product import read_naming
from pipeline.providers.copywriting.sanitize import copy_safe, sanitize_prompt
from pipeline.providers.copywriting.writer import write_copy
from pipeline.spec import FRAMEWORK_BEATS, AdSpecification

__all__ = ["copy_safe", "sanitize_prompt", "write_specification"]


def write_specification(prompt: str, *, duration_s: float = 15.0) -> AdSpecification:
    """The ad specification for ``prompt`` (raw user text; it is sanitized here).

    ``specification.prompt`` keeps the user's text as given; everything derived from it is
    read from the sanitized text and made copy-safe (no markup, no emoji).
    """
    text = copy_safe(prompt)
    if not text:
        text = sanitize_prompt(prompt) or "new product"
    text = unshout(text)
    language = brief.detect_language(text)
    naming = read_naming(text, language)
    naming = replace(naming, category=naming.category.for_product(naming.product))
    words = {t.low for t in tokenize(text)}
    category = naming.category
    mood = brief.choose_mood(words, category)
    style = brief.choose_style(words, mood, category)
    offer = brief.find_offer(text, language)
    subject = naming.brand or f"the {naming.product}"
    choice = choose_framework(text, subject)
    beats = FRAMEWORK_BEATS[choice.framework]
    key = hashlib.sha256(text.encode()).hexdigest()
    copy = write_copy(
        framework_beats=beats,
        language=language,
        naming=naming,
        offer=offer,
        prompt_benefits=brief.find_benefits(text, naming.brand) if language == "en" else [],
        key=key,
        pain=brief.find_pain(text, naming.brand) if language == "en" else None,
        prompt_cta=brief.find_cta(text) if language == "en" else None,
    )
    primary, secondary, accent, text_color = brief.brand_colors(
        brief.find_colors(text), mood, category
    )
    audience = brief.find_audience(text, naming.brand, naming.product) if language == "en" else None
    return AdSpecification.model_validate(
        {
            "prompt": prompt,
            "language": language,
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
                "key_benefits": copy.benefits or [category.benefits[0]],
                "offer": offer,
                "call_to_action": copy.call_to_action[:40],
                "duration_s": duration_s,
            },
            "beats": [{"beat": b, "headline": h, "visual": v} for b, h, v in copy.headlines],
        }
    )

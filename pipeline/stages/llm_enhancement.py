"""Stage: LLM enhancement. The user's prompt -> a validated :class:`AdSpecification`.

Contract: ``run(prompt, ctx, llm) -> LLMResult``. Three guarantees whatever the provider
(the offline director, OpenAI or any OpenAI-compatible server):

1. **The provider sees plain text.** HTML tags, script/style blocks and their contents,
   entity-escaped markup, control characters and bidi tricks are removed and whitespace is
   collapsed; accents, emoji and non-Latin scripts are kept.
2. **Every copy field is safe to draw.** Headlines, benefits, names and the rest are cleaned
   again after the provider answers (a cloud model may echo markup back), and a final check
   refuses any ``<``, ``>`` or script scheme that survived. Emoji are dropped from copy
   because overlay fonts cannot draw them.
3. **The result is re-validated** with the same pydantic models, and
   ``specification.prompt`` is the user's original text (it is shown literally elsewhere).
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import ValidationError

from pipeline.errors import InputError, StageError
from pipeline.logs import log_event
from pipeline.providers import LLMProvider, LLMResult
from pipeline.providers.copywriting.sanitize import copy_safe, sanitize_prompt
from pipeline.spec import AdSpecification
from pipeline.stages.context import StageContext

STAGE = "llm_enhancement"
_UNSAFE = re.compile(r"[<>]|\b(?:javascript|vbscript)\s*:|\bon\w+\s*=", re.IGNORECASE)

# The specification's free-text fields a viewer can see or a model can be fed.
_BRAND_FIELDS = ("brand_name", "tone")
_AD_FIELDS = ("product", "product_category", "target_audience", "offer", "call_to_action")


def run(prompt: str, ctx: StageContext, llm: LLMProvider) -> LLMResult:
    """Sanitize ``prompt``, ask ``llm`` for the specification, clean and re-validate it."""
    clean = sanitize_prompt(prompt)
    if not clean:
        raise InputError(
            "The prompt has no words left once markup is removed. Describe the product and "
            "the feel you want in plain text."
        )
    ctx.check_cancelled()
    result = llm.enhance(clean, ctx)
    spec = _cleaned(result.specification, prompt, getattr(llm, "name", "llm"))
    _final_check(spec)
    log_event(
        "llm_specification",
        f"{spec.framework} ad for {spec.brand.brand_name or spec.ad.product!r} "
        f"({spec.language}, {spec.ad.mood})",
        stage=STAGE,
        generation_id=ctx.generation_id,
        provider=getattr(llm, "name", ""),
        framework=spec.framework,
        language=spec.language,
    )
    return LLMResult(specification=spec, cost=result.cost, model=result.model, detail=result.detail)


def _clean_text(value: Any) -> Any:
    if isinstance(value, str):
        return copy_safe(value)
    if isinstance(value, list):
        return [_clean_text(v) for v in value]
    return value


def _cleaned(spec: AdSpecification, original_prompt: str, provider: str) -> AdSpecification:
    data = spec.model_dump(mode="json")
    data["prompt"] = original_prompt
    data["framework_reason"] = _clean_text(data["framework_reason"])
    for key in _BRAND_FIELDS:
        data["brand"][key] = _clean_text(data["brand"][key])
    for key in _AD_FIELDS:
        data["ad"][key] = _clean_text(data["ad"][key])
    data["ad"]["offer"] = data["ad"]["offer"] or None
    data["ad"]["key_benefits"] = [b for b in _clean_text(data["ad"]["key_benefits"]) if b]
    for beat in data["beats"]:
        beat["headline"] = _clean_text(beat["headline"])
        beat["visual"] = _clean_text(beat["visual"])
    try:
        return AdSpecification.model_validate(data)
    except ValidationError as exc:
        where = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()[:4]
        )
        raise StageError(
            STAGE,
            f"The {provider} provider's ad specification is unusable once cleaned ({where}). "
            "Try again or rephrase the prompt in plain words.",
        ) from None


def _copy_fields(spec: AdSpecification) -> list[str]:
    fields = [spec.framework_reason, spec.brand.brand_name, spec.brand.tone]
    ad = spec.ad
    fields += [ad.product, ad.product_category, ad.target_audience, ad.call_to_action]
    fields += [ad.offer or "", *ad.key_benefits]
    for beat in spec.beats:
        fields += [beat.headline, beat.visual]
    return fields


def _final_check(spec: AdSpecification) -> None:
    """Defence in depth: refuse any markup that got past the cleaning."""
    for value in _copy_fields(spec):
        if _UNSAFE.search(value) or "<script" in value.lower():
            raise StageError(
                STAGE,
                "The ad specification still contained markup after cleaning, so it was "
                "refused. Rephrase the prompt without HTML.",
            )

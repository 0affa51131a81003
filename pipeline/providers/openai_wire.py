"""The LLM's side of the contract: the system prompt and the wire model it must fill in.

OpenAI's strict structured outputs accept a subset of JSON Schema: every property required,
no defaults, ``additionalProperties: false``, no string length limits. :class:`WireSpecification`
mirrors :class:`~pipeline.spec.AdSpecification` within those rules; :func:`to_specification`
adds what the model is not asked for (the prompt, the duration) and validates the result with
the very model the offline provider uses, so lengths and the beat order are checked the same.
"""

from __future__ import annotations

import json
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from pipeline.spec import (
    FRAMEWORK_BEATS,
    AdSpecification,
    FontStyle,
    Framework,
    GradeStyle,
    Mood,
    Platform,
    SceneType,
)

HEX_PATTERN = r"^#[0-9A-Fa-f]{6}$"
Hex = Annotated[str, Field(pattern=HEX_PATTERN, description="hex colour like #1A2B3C")]


class _Wire(BaseModel):
    # Ignore stray keys from JSON-mode servers; the SDK still sends additionalProperties=false.
    model_config = ConfigDict(extra="ignore")


class WireBrand(_Wire):
    brand_name: str = Field(description="the brand named in the prompt, or an empty string")
    primary_color: Hex
    secondary_color: Hex
    accent_color: Hex
    text_color: Hex = Field(description="legible over the primary colour, usually #FFFFFF")
    font_style: FontStyle
    tone: str = Field(description="the brand voice in a few words, at most 120 characters")


class WireAd(_Wire):
    product: str = Field(description="what is advertised, at most 120 characters")
    product_category: str = Field(description="at most 60 characters")
    target_audience: str = Field(description="who it is for, at most 160 characters")
    platform: Platform
    mood: Mood
    visual_style: GradeStyle
    key_benefits: list[str] = Field(min_length=1, max_length=5, description="short phrases")
    offer: str | None = Field(description="a concrete offer from the prompt, else null")
    call_to_action: str = Field(description="2-4 words, at most 40 characters")


class WireBeat(_Wire):
    beat: SceneType
    headline: str = Field(description="on-screen text, at most 8 words and 90 characters")
    visual: str = Field(description="what the camera shows, at most 400 characters, no text")


class WireSpecification(_Wire):
    language: str = Field(description="ISO 639-1 code of the prompt's language, e.g. en")
    framework: Framework
    framework_reason: str = Field(description="one sentence, at most 300 characters")
    brand: WireBrand
    ad: WireAd
    beats: list[WireBeat] = Field(min_length=3, max_length=5)


def to_specification(wire: WireSpecification, prompt: str, duration_s: float) -> AdSpecification:
    """Validate ``wire`` as an :class:`AdSpecification` (raises pydantic ValidationError)."""
    data = wire.model_dump()
    data["prompt"] = prompt
    data["ad"]["duration_s"] = duration_s
    return AdSpecification.model_validate(data)


def _frameworks() -> str:
    lines = []
    for name, beats in FRAMEWORK_BEATS.items():
        lines.append(f"- {name}: beats in this exact order: {', '.join(beats)}")
    return "\n".join(lines)


SYSTEM_PROMPT = f"""\
You are the creative director of a studio that makes 15-second vertical (9:16) video ads \
for Instagram Reels, TikTok and YouTube Shorts. From the user's one-line prompt, write the \
ad specification as one JSON object.

Choose the framework that suits the product and say why in one sentence:
{_frameworks()}
AIDA suits new or aspirational products, PAS a pain the product removes, BAB a visible \
transformation. Write exactly one beat object per beat, in the order above.

Brand guidance:
- brand_name: the brand the prompt names, else "". Never invent a brand name.
- Colours are hex codes like #1A2B3C that fit the product and mood (luxury: deep, muted, \
gold accents; energetic: saturated; calm: soft). text_color must be readable over \
primary_color.
- tone: the brand voice in a few words.
- font_style: serif for luxury or heritage, condensed for sport and energy, rounded for \
playful or family products, sans otherwise.
- platform: the one the prompt names (instagram, tiktok, youtube_shorts, facebook, linkedin, \
youtube), else \
instagram.

Copy rules (people watch with the sound off on a phone):
- headline: at most 8 words and 90 characters, in the prompt's language, no hashtags, \
no emoji. The last beat's headline is the call to action.
- call_to_action: 2-4 words, at most 40 characters, an imperative ("Shop now").
- key_benefits: 1-5 short phrases taken from or implied by the prompt; never invent \
prices, discounts or claims. offer is null unless the prompt states one.
- visual: one continuous shot of about 5 seconds for a text-to-video model: subject, one \
action, setting, light, camera move. No words, captions, logos or text in the picture; \
never a person's name or a trademark. At most 400 characters. Keep the same hero product, \
setting and palette across the beats so the clips cut together as one ad, and leave calm \
space in the upper or lower third where the headline will sit.
- mood is one of luxury, upbeat, calm, energetic, corporate, playful; visual_style \
(the colour grade) one of warm, cool, vibrant, muted, noir.
- language: the ISO 639-1 code of the prompt's language; write all copy in it.

Reply with the JSON object only, no commentary."""


def json_mode_instructions() -> str:
    """Extra system text for servers without json_schema: the schema spelled out."""
    schema = WireSpecification.model_json_schema()
    return (
        "Your reply must be a single JSON object that validates against this JSON Schema "
        "(every property is required; use null only where the schema allows it):\n"
        + json.dumps(schema, separators=(",", ":"))
    )

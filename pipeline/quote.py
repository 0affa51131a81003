"""The price and the time of a generation before it starts, from the tables in settings.

:func:`estimate` adds the LLM's tokens, every clip's billed seconds (or per-video price)
for the first model of the chain, and the voice-over's characters, per ad, times the
variants; extra formats add encode time only (every format is cut from the same clips).
:func:`check_budget` refuses a start whose estimate is more than what is left of the
user's monthly budget. The estimate is stored per generation beside the recorded cost.
"""

from __future__ import annotations

import math
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict
from sqlalchemy import JSON, BigInteger, Float, ForeignKey, Integer
from sqlalchemy.orm import Mapped, Session, mapped_column

from pipeline.db import MICROS, Base, to_micros, utcnow
from pipeline.errors import InputError
from pipeline.settings import Settings
from pipeline.spec import CROSSFADE_S, FRAMEWORK_BEATS, MAX_SCENE_S

PAID_LLMS = ("openai",)
PAID_VIDEO = ("replicate", "stock")
PAID_SPEECH = ("openai",)


class GenerationQuote(Base):
    """What a generation was expected to cost and take when it was started."""

    __tablename__ = "generation_quotes"

    generation_id: Mapped[int] = mapped_column(
        ForeignKey("generations.id", ondelete="CASCADE"), primary_key=True
    )
    estimate_micros: Mapped[int] = mapped_column(BigInteger, default=0)
    estimate_s: Mapped[float] = mapped_column(Float, default=0.0)
    lines: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON, nullable=True)
    formats: Mapped[int] = mapped_column(Integer, default=1)


class QuoteLine(BaseModel):
    """One item of one ad's estimate."""

    model_config = ConfigDict(frozen=True)

    item: str
    usd: float
    seconds: float
    detail: str


class Quote(BaseModel):
    """The estimate of a whole start: ``lines`` are one ad's, the totals cover every ad."""

    model_config = ConfigDict(frozen=True)

    usd: float
    seconds: float
    per_ad_usd: float
    per_ad_seconds: float
    variants: int
    formats: int
    duration_s: float
    paid: bool
    lines: list[QuoteLine]

    def summary(self) -> str:
        """One line for the page: cost and time, and what they cover."""
        ads = f"{self.variants} ads" if self.variants > 1 else "this ad"
        formats = f" in {self.formats} formats" if self.formats > 1 else ""
        return (
            f"Estimated cost ${self.usd:.2f} and about {minutes(self.seconds)} for {ads}{formats}."
        )


def minutes(seconds: float) -> str:
    """``95`` -> ``1 min 35 s``; under a minute in seconds."""
    whole = round(seconds)
    if whole < 60:
        return f"{whole} s"
    return f"{whole // 60} min {whole % 60:02d} s"


def is_paid(settings: Settings) -> bool:
    """Whether any selected provider bills per use."""
    return (
        settings.llm_provider in PAID_LLMS
        or settings.video_provider in PAID_VIDEO
        or settings.tts_provider in PAID_SPEECH
    )


def scene_seconds(duration_s: float, beats: int = 4) -> list[float]:
    """Each scene's length: the beats share the video plus the crossfade overlaps; a fifth
    scene is added when four would be longer than a scene may last."""
    count = beats
    while (duration_s + CROSSFADE_S * (count - 1)) / count > MAX_SCENE_S and count < 5:
        count += 1
    each = (duration_s + CROSSFADE_S * (count - 1)) / count
    return [round(each, 3)] * count


def billed_seconds(lengths: tuple[float, ...], wanted: float) -> float:
    """The clip length a model returns for a scene: the shortest offered length that covers
    it (else the longest); a model with no fixed lengths returns the scene's own."""
    for seconds in sorted(lengths):
        if seconds + 1e-6 >= wanted:
            return seconds
    return max(lengths) if lengths else wanted


def _llm(settings: Settings) -> QuoteLine:
    took = settings.quote_seconds
    if settings.llm_provider not in PAID_LLMS:
        return QuoteLine(item="copy", usd=0.0, seconds=took.get("llm_offline", 0.0),
                         detail="offline director")  # fmt: skip
    prices = settings.llm_prices
    rate_in, rate_out = prices.get(settings.llm_model, prices.get("default", (0.0, 0.0)))
    tokens_in, tokens_out = settings.quote_llm_tokens
    usd = (tokens_in * rate_in + tokens_out * rate_out) / 1_000_000
    return QuoteLine(
        item="copy",
        usd=round(usd, 6),
        seconds=took.get("llm_openai", 0.0),
        detail=f"{settings.llm_model}: {tokens_in} + {tokens_out} tokens",
    )


def _clips(settings: Settings, scenes: list[float]) -> QuoteLine:
    took = settings.quote_seconds
    provider = settings.video_provider
    if provider == "replicate":
        model = settings.video_models[0]
        rate, per = settings.video_prices.get(model, (0.0, "video"))
        billed = [billed_seconds(settings.video_clip_lengths.get(model, ()), s) for s in scenes]
        usd = rate * len(scenes) if per == "video" else rate * sum(billed)
        waves = math.ceil(len(scenes) / settings.max_parallel_clips)
        unit = f"${rate:.3f}/video" if per == "video" else f"${rate:.3f}/s x {sum(billed):g} s"
        return QuoteLine(item="clips", usd=round(usd, 6),
                         seconds=waves * took.get("clip_replicate", 0.0),
                         detail=f"{len(scenes)} clips from {model} at {unit}")  # fmt: skip
    if provider == "stock":
        usd = settings.stock_price_per_clip * len(scenes)
        return QuoteLine(item="clips", usd=round(usd, 6),
                         seconds=len(scenes) * took.get("clip_stock", 0.0),
                         detail=f"{len(scenes)} stock clips")  # fmt: skip
    return QuoteLine(item="clips", usd=0.0, seconds=len(scenes) * took.get("clip_local", 0.0),
                     detail=f"{len(scenes)} clips drawn here")  # fmt: skip


def _speech(settings: Settings, duration_s: float, voice: bool) -> QuoteLine:
    took = settings.quote_seconds
    engine = settings.tts_provider if voice else "none"
    if engine not in PAID_SPEECH:
        return QuoteLine(item="voice-over", usd=0.0, seconds=took.get(f"speech_{engine}", 0.0),
                         detail=engine)  # fmt: skip
    chars = round(duration_s * settings.quote_speech_chars_per_s)
    prices = settings.tts_prices
    rate = prices.get(settings.tts_model, prices.get("default", 0.0))
    return QuoteLine(
        item="voice-over",
        usd=round(chars * rate, 6),
        seconds=took.get(f"speech_{engine}", 0.0),
        detail=f"{settings.tts_model}: {chars} characters",
    )


def estimate(
    settings: Settings,
    *,
    variants: int = 1,
    formats: int = 1,
    duration_s: float | None = None,
    voice: bool = True,
) -> Quote:
    """The cost and time of ``variants`` ads in ``formats`` formats, from the tables."""
    duration = duration_s if duration_s is not None else settings.target_duration_s
    scenes = scene_seconds(duration, len(FRAMEWORK_BEATS["AIDA"]))
    took = settings.quote_seconds
    render_s = took.get("assembly", 0.0) + took.get("encode", 0.0) * formats
    lines = [
        _llm(settings),
        _clips(settings, scenes),
        _speech(settings, duration, voice),
        QuoteLine(item="render", usd=0.0, seconds=render_s, detail=f"{formats} format(s)"),
    ]
    per_ad_micros = sum(to_micros(line.usd) for line in lines)
    per_ad_s = sum(line.seconds for line in lines)
    return Quote(
        usd=per_ad_micros * variants / MICROS,
        seconds=per_ad_s * variants,
        per_ad_usd=per_ad_micros / MICROS,
        per_ad_seconds=per_ad_s,
        variants=variants,
        formats=formats,
        duration_s=duration,
        paid=is_paid(settings),
        lines=lines,
    )


def record(session: Session, generation_id: int, quote: Quote) -> None:
    """Store one ad's share of ``quote`` on the generation."""
    session.add(
        GenerationQuote(
            generation_id=generation_id,
            estimate_micros=to_micros(quote.per_ad_usd),
            estimate_s=quote.per_ad_seconds,
            lines=[line.model_dump() for line in quote.lines],
            formats=quote.formats,
        )
    )


def stored(session: Session, generation_id: int) -> GenerationQuote | None:
    """The estimate a generation was started with (None for older rows)."""
    return session.get(GenerationQuote, generation_id)


def month_start(now: datetime) -> datetime:
    """The first instant of ``now``'s calendar month (UTC)."""
    return now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def next_reset(now: datetime) -> datetime:
    """The first instant of the next calendar month (UTC): when the budget starts again."""
    start = month_start(now)
    return (
        start.replace(year=start.year + 1, month=1)
        if start.month == 12
        else start.replace(month=start.month + 1)
    )


def budget_left(session: Session, settings: Settings, user_id: int,
                now: datetime | None = None) -> float | None:  # fmt: skip
    """USD left of the user's budget this month (None: no budget set)."""
    from pipeline.users import month_spend_micros

    if settings.monthly_budget_usd is None:
        return None
    spent = month_spend_micros(session, user_id, month_start(now or utcnow()))
    return max(0, to_micros(settings.monthly_budget_usd) - spent) / MICROS


def check_budget(session: Session, settings: Settings, user_id: int, needed_usd: float,
                 now: datetime | None = None) -> None:  # fmt: skip
    """InputError when ``needed_usd`` is more than what is left of this month's budget."""
    now = now or utcnow()
    left = budget_left(session, settings, user_id, now)
    if left is None or to_micros(needed_usd) <= to_micros(left):
        return
    budget = settings.monthly_budget_usd or 0.0
    reset = next_reset(now)
    raise InputError(
        f"This would cost about ${needed_usd:.2f}, more than the ${left:.2f} left of your "
        f"${budget:.2f} monthly budget. It resets on {reset.day} {reset:%B %Y} (UTC). Make "
        "fewer variants or formats, or choose the offline providers, until then."
    )

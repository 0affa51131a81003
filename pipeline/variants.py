"""Variants: up to four ads from one prompt that differ in what a marketer tests.

Variant A is the ad as the director writes it. B, C and D each change, against A:

- the **framework** (the other two of AIDA/PAS/BAB, then A's again), written by the LLM;
- the **hook**: another of the ad's own lines leads (the offer or a benefit instead of the
  pain), the line it displaces takes its place;
- the **call to action** (a phrase no copy bank uses, so it cannot equal A's);
- the **music**: a neighbouring mood, whose tracks are not A's;
- the **palette**: another colour grade, and the brand's colours in another lead order.

:func:`pipeline.variant_groups.start_group` starts them as one group (one hourly slot and one
budget share each, refused as a whole); the orchestrator asks :func:`direction_of`,
:func:`steered` and :func:`apply` for a variant's run and the label is stored once the copy
exists. This module never imports the job runner, so the orchestrator can import it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict
from sqlalchemy import JSON, DateTime, ForeignKey, Integer, String, Text, select
from sqlalchemy.orm import Mapped, Session, mapped_column, sessionmaker

from pipeline.errors import InputError
from pipeline.providers import LLMProvider, LLMResult
from pipeline.spec import GRADE_STYLES, AdSpecification
from pipeline.stages.context import StageContext
from pipeline.store import repository
from pipeline.store.db import Base, Generation, utcnow

MAX_VARIANTS = 4
LETTERS = "ABCD"
FRAMEWORKS = ("AIDA", "PAS", "BAB")
FRAMEWORK_NAMES = {
    "AIDA": "Attention-Interest-Desire-Action",
    "PAS": "Problem-Agitate-Solution",
    "BAB": "Before-After-Bridge",
}
#: Moods whose music a variant tries instead of A's, nearest first.
MUSIC_MOODS: dict[str, tuple[str, ...]] = {
    "luxury": ("calm", "corporate", "upbeat"),
    "upbeat": ("energetic", "playful", "calm"),
    "calm": ("luxury", "corporate", "upbeat"),
    "energetic": ("upbeat", "playful", "corporate"),
    "corporate": ("calm", "upbeat", "luxury"),
    "playful": ("upbeat", "energetic", "calm"),
}
#: Calls to action for variants B-D by language: none of them is in a copy bank.
CTAS: dict[str, tuple[str, ...]] = {
    "en": ("See for yourself", "Take a look", "See how it works"),
    "fr": ("Voyez par vous-même", "Jetez un œil", "Découvrez comment"),
    "es": ("Compruébalo tú mismo", "Echa un vistazo", "Descubre cómo"),
    "de": ("Überzeugen Sie sich", "Schauen Sie rein", "So funktioniert's"),
    "pt": ("Veja você mesmo", "Dê uma olhada", "Descubra como"),
    "it": ("Scoprilo di persona", "Dai un'occhiata", "Scopri come"),
}


class VariantGroup(Base):
    """Ads started together from one prompt."""

    __tablename__ = "variant_groups"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    prompt: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class GenerationVariant(Base):
    """One ad of a group: its letter, what it was asked to change, and its label."""

    __tablename__ = "generation_variants"

    generation_id: Mapped[int] = mapped_column(
        ForeignKey("generations.id", ondelete="CASCADE"), primary_key=True
    )
    group_id: Mapped[int] = mapped_column(
        ForeignKey("variant_groups.id", ondelete="CASCADE"), index=True
    )
    letter: Mapped[str] = mapped_column(String(1))
    direction: Mapped[dict[str, Any]] = mapped_column(JSON)
    label: Mapped[str] = mapped_column(String(300))


class Direction(BaseModel):
    """What one variant changes: ``index`` 0 is A (the ad as written)."""

    model_config = ConfigDict(frozen=True)

    index: int
    framework: str

    @property
    def letter(self) -> str:
        return LETTERS[self.index]

    @property
    def bank_key(self) -> str:
        """What the director adds to its bank choices: nothing for A (the ad as written)."""
        return self.letter if self.index else ""


def plan(prompt: str, count: int) -> list[Direction]:
    """The directions of ``count`` variants: A keeps the framework the prompt suggests, B
    and C try the other two, D A's again (it differs in hook, CTA, music and palette)."""
    from pipeline.providers.copywriting import write_specification

    if not 1 <= count <= MAX_VARIANTS:
        raise InputError(f"Make 1 to {MAX_VARIANTS} variants at a time (asked for {count}).")
    base = write_specification(prompt).framework
    order = [base, *(f for f in FRAMEWORKS if f != base), base]
    return [Direction(index=i, framework=order[i]) for i in range(count)]


class _Steered:
    """An LLM provider asked for one variant's framework (the offline director directly,
    a model in words); everything else is the wrapped provider's."""

    def __init__(self, inner: LLMProvider, direction: Direction) -> None:
        self.inner = inner
        self.direction = direction
        self.name = getattr(inner, "name", "llm")

    def enhance(self, prompt: str, ctx: StageContext) -> LLMResult:
        fw, letter = self.direction.framework, self.direction.letter
        if self.name == "offline":
            from pipeline.providers.copywriting import write_specification

            ctx.check_cancelled()
            duration, key = ctx.settings.target_duration_s, self.direction.bank_key
            spec = write_specification(prompt, duration_s=duration, framework=fw, variant=key)
            detail = f"offline copy ({spec.language}, {fw}, variant {letter})"
            return LLMResult(specification=spec, model="offline-director", detail=detail)
        asked = f"{prompt}\n\nWrite this ad with the {fw} framework ({FRAMEWORK_NAMES[fw]})."
        return self.inner.enhance(asked, ctx)


def steered(llm: LLMProvider, direction: Direction | None) -> LLMProvider:
    """``llm`` itself for a plain ad, else one that writes the variant's framework."""
    return llm if direction is None else _Steered(llm, direction)  # type: ignore[return-value]


def _rotate(items: list[str], by: int) -> list[str]:
    by %= len(items)
    return items[by:] + items[:by]


def apply(
    spec: AdSpecification,
    direction: Direction | None,
    sessions: sessionmaker[Session] | None = None,
    generation_id: int | None = None,
) -> AdSpecification:
    """The variant's hook, call to action, music mood and palette on ``spec`` (A: as is);
    with ``sessions`` the label is stored on the variant's row."""
    if direction is None:
        return spec
    k = direction.index
    data = spec.model_dump(mode="json")
    beats = data["beats"]
    if k:
        lines = [b["headline"] for b in beats[:-1]]
        extra = [b for b in data["ad"]["key_benefits"] if b not in lines]
        pick = (k % len(lines)) if k < len(lines) else None
        if pick is not None:  # another line of the ad leads; the hook takes its place
            beats[0]["headline"], beats[pick]["headline"] = lines[pick], lines[0]
        elif extra:  # D: a benefit the ad does not say yet
            beats[0]["headline"] = extra[0][:90]
        else:
            beats[0]["headline"], beats[1]["headline"] = lines[1], lines[0]
        old = data["ad"]["call_to_action"]
        options = [c for c in CTAS.get(spec.language, ()) if c != old]
        if options:
            new = options[(k - 1) % len(options)]
            data["ad"]["call_to_action"] = new
            last = beats[-1]["headline"]
            if last.endswith(old):
                beats[-1]["headline"] = (last[: len(last) - len(old)] + new)[-90:]
        moods = MUSIC_MOODS.get(spec.ad.mood, ())
        if moods:
            data["ad"]["mood"] = moods[(k - 1) % len(moods)]
        grades = [g for g in GRADE_STYLES if g != spec.ad.visual_style]
        data["ad"]["visual_style"] = grades[(k - 1) % len(grades)]
        brand = data["brand"]
        keys = ["primary_color", "secondary_color", "accent_color"]
        colors = _rotate([brand[key] for key in keys], k)
        brand.update(dict(zip(keys, colors, strict=True)))
    out = AdSpecification.model_validate(data)
    if sessions is not None and generation_id is not None:
        with sessions.begin() as session:
            row = session.get(GenerationVariant, generation_id)
            if row is not None:
                row.label = label(out, direction)
    return out


def label(spec: AdSpecification, direction: Direction) -> str:
    """``B: PAS, hook 'Tired of tangled cables?', CTA 'Take a look', calm music, cool
    palette``: what a viewer compares."""
    hook = spec.beats[0].headline.rstrip(".")
    return (
        f"{direction.letter}: {spec.framework}, hook '{hook}', CTA '{spec.ad.call_to_action}', "
        f"{spec.ad.mood} music, {spec.ad.visual_style} palette"
    )[:300]


def direction_of(sessions: sessionmaker[Session], generation_id: int) -> Direction | None:
    """The direction a generation was started with (None: not a variant)."""
    with sessions() as session:
        row = session.get(GenerationVariant, generation_id)
        return None if row is None else Direction.model_validate(row.direction)


def group_of(session: Session, generation_id: int, user_id: int | None) -> list[Generation]:
    """Every ad of ``generation_id``'s group, A first (just the ad when it has none)."""
    row = session.get(GenerationVariant, generation_id)
    if row is None:
        return [repository.get_generation(session, generation_id, user_id)]
    ids = session.scalars(
        select(GenerationVariant.generation_id)
        .where(GenerationVariant.group_id == row.group_id)
        .order_by(GenerationVariant.letter)
    )
    return [repository.get_generation(session, i, user_id) for i in ids]


def labels(session: Session, generation_ids: list[int]) -> dict[int, tuple[int, str]]:
    """generation id -> (group id, label) for the ids that are variants."""
    if not generation_ids:
        return {}
    rows = session.scalars(
        select(GenerationVariant).where(GenerationVariant.generation_id.in_(generation_ids))
    )
    return {r.generation_id: (r.group_id, r.label) for r in rows}

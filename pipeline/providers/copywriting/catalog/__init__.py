"""The copy bank: per product category, what a good copywriter would reach for.

Each :class:`Category` holds several alternatives per beat so different seeds and products
read differently. Lines may use ``{Name}`` (the brand, or "The <product>" when no brand was
given) and ``{Product}``/``{product}``; visuals use ``{product}`` only, because video models
cannot spell brand names. ``specials`` adds lines for a sub-type (ramen inside restaurants).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

Lines = tuple[str, ...]

#: Which visual each beat uses.
BEAT_VISUAL = {
    "attention": "hero",
    "interest": "detail",
    "desire": "lifestyle",
    "action": "cta",
    "problem": "problem",
    "agitate": "agitate",
    "solution": "hero",
    "before": "problem",
    "after": "lifestyle",
    "bridge": "detail",
    "cta": "cta",
}


#: What a sub-type may set for itself instead of its category (one value each).
_OWN_SETTINGS = ("mood", "style", "audience", "setting")


@dataclass(frozen=True)
class Category:
    """A product category and its copy bank."""

    key: str
    label: str
    nouns: Lines  # product nouns, longest first wins; "a=>b" reads a, names the product b
    noun: str  # default product word
    audience: str
    mood: str
    style: str
    setting: str  # where the closing hero shot sits
    benefits: Lines
    hooks: Lines
    desires: Lines
    pains: Lines
    agitations: Lines
    solutions: Lines
    befores: Lines
    afters: Lines
    bridges: Lines
    ctas: Lines
    visuals: dict[str, str]
    cues: Lines = ()
    palette: tuple[str, str, str, str] | None = None  # primary, secondary, accent, text
    sport: bool = False
    local: bool = False  # a place people visit (offers with a day read "See you Saturday")
    specials: dict[str, dict[str, Lines]] = field(default_factory=dict)

    def lines(self, kind: str, product: str) -> Lines:
        """The bank for ``kind``; sub-type lines for the product come first."""
        return self.special_lines(kind, product) + tuple(getattr(self, kind))

    def special_lines(self, kind: str, product: str) -> Lines:
        """Only the sub-type lines for the product ("ramen" inside restaurants)."""
        extra: Lines = ()
        for bank in self._banks_for(product):
            extra += bank.get(kind, ())
        return extra

    def _banks_for(self, product: str) -> list[dict[str, Lines]]:
        """The sub-type banks whose key is in the product, each once ("leather wallet" hits
        "leather" and "wallet", one shared bank)."""
        low = product.lower()
        banks: list[dict[str, Lines]] = []
        for key, bank in self.specials.items():
            if key in low and not any(bank is seen for seen in banks):
                banks.append(bank)
        return banks

    def for_product(self, product: str) -> Category:
        """This bank with the product's sub-type ``mood``, ``style``, ``audience`` and
        ``setting`` where it has its own (a wine bar is an evening out, not a lunch spot)."""
        changes: dict[str, str] = {}
        for bank in self._banks_for(product):
            for name in _OWN_SETTINGS:
                if name in bank and name not in changes:
                    changes[name] = bank[name][0]
        if not changes:
            return self
        return replace(
            self,
            mood=changes.get("mood", self.mood),
            style=changes.get("style", self.style),
            audience=changes.get("audience", self.audience),
            setting=changes.get("setting", self.setting),
        )

    def visual(self, kind: str, product: str) -> str:
        """The visual description for ``kind`` (hero, detail, lifestyle, problem, agitate,
        cta); "" when the category has no closing shot of its own."""
        for bank in self._banks_for(product):
            if f"visual_{kind}" in bank:
                return bank[f"visual_{kind}"][0]
        return self.visuals.get(kind, "")


def all_categories() -> tuple[Category, ...]:
    """Every category, the generic fallback last."""
    from pipeline.providers.copywriting.catalog import (
        beauty,
        drinks,
        fallback,
        food,
        goods,
        living,
        local,
        pets,
        services,
        wellbeing,
    )

    return (
        goods.CATEGORIES
        + beauty.CATEGORIES
        + living.CATEGORIES
        + drinks.CATEGORIES
        + food.CATEGORIES
        + pets.CATEGORIES
        + wellbeing.CATEGORIES
        + services.CATEGORIES
        + local.CATEGORIES
        + (fallback.GENERIC_SERVICE, fallback.GENERIC)
    )


def names_a_service(product: str) -> bool:
    """Whether the product's last word names a service, place, event or medium."""
    from pipeline.providers.copywriting.catalog import fallback

    words = product.lower().split()
    return bool(words) and (
        words[-1] in fallback.SERVICE_HEADS or words[-1].endswith(("store", "shop"))
    )


def generic(product: str = "") -> Category:
    """The fallback for prompts whose product matches no category: the services bank for a
    service, place, event or medium (:func:`names_a_service`), else the goods bank."""
    from pipeline.providers.copywriting.catalog import fallback

    return fallback.GENERIC_SERVICE if names_a_service(product) else fallback.GENERIC

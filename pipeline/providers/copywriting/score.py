"""Score the offline director on a corpus of prompts a careful reader has annotated.

``python -m pipeline.providers.copywriting.score [corpus.txt ...]`` prints the table the docs
quote: brand exact, product sensible, language right, the share of stated numbers and offers
that reach the screen, generic filler lines (in ads whose prompt states two or more facts)
and lines that contradict the business. Corpus lines read
``lang | kind | brand | product word | numbers (;) | offer words | prompt``; a brand or product
with two readings a careful reader accepts ("Hotel Mirador" or "Mirador") lists both: ``a/b``.
"""

from __future__ import annotations

import re
import sys
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pipeline.providers.copywriting import score_fit as fit
from pipeline.providers.copywriting import warm_up, write_specification
from pipeline.providers.copywriting.fillers import is_filler
from pipeline.providers.copywriting.fillers_i18n import TRANSLATED
from pipeline.providers.copywriting.i18n import LOCALES
from pipeline.providers.copywriting.lang import lang
from pipeline.spec import AdSpecification

CORPUS = Path(__file__).resolve().parents[3] / "tests" / "data" / "copy_corpus.txt"

#: Words that belong to one kind of business: on screen for another kind, unasked, they
#: contradict it ("book your checkup" for software, croissants for a sourdough offer).
HALLMARKS: dict[str, tuple[str, ...]] = {
    "croissant": ("bakery", "boulangerie", "café", "coffee", "bäckerei", "padaria", "パン"),
    "checkup": ("dent", "clinic", "vet", "clínica"),
    "smile": ("dent", "clínica"),
    "teeth": ("dent",),
    "barista": ("coffee", "café", "caffè", "カフェ", "咖啡", "قهوة"),
    "espresso": ("coffee", "café", "caffè", "kaffee"),
    "latte": ("coffee", "café", "caffè"),
    "grab a can": ("energy drink", "beer", "juice", "soda"),
    "pour": ("wine", "beer", "spirits", "coffee", "tea", "vino", "vin", "bier", "cerveza"),
    "sole": ("shoes", "zapatillas", "schuhe"),
    "leash": ("pet", "vet", "grooming", "mascotas"),
    "scoop": ("ice cream", "gelateria"),
    "oven": ("bakery", "pizza", "restaurant", "pizzeria", "panadería", "padaria", "panificio"),
    "workout": ("fitness", "gym", "gimnasio", "fitness"),
    "reps": ("fitness", "gym"),
    "treatment": ("salon", "skincare", "clinic", "dent", "spa"),
    "stay": ("hotel", "travel", "pousada"),
}


@dataclass(frozen=True)
class Entry:
    language: str
    kind: str
    brand: str
    product: str
    numbers: tuple[str, ...]
    offer: str
    prompt: str


@dataclass
class Score:
    """Counts over a corpus; :meth:`rows` gives the table."""

    total: int = 0
    brand: int = 0
    product: int = 0
    language: int = 0
    wrong_language: int = 0
    numbers: int = 0
    numbers_shown: int = 0
    offers: int = 0
    offers_shown: int = 0
    filler_ads: int = 0
    contradictions: int = 0
    cta_checked: int = 0
    cta_fits: int = 0
    weak_hooks: int = 0
    fragment_ads: int = 0
    priced: int = 0
    price_closed: int = 0
    foreign_nouns: int = 0
    slowest_ms: float = 0.0
    misses: list[str] = field(default_factory=list)

    def share(self, hit: int, of: int) -> float:
        return 100.0 * hit / of if of else 100.0

    def rows(self) -> list[tuple[str, str]]:
        return [
            ("prompts", str(self.total)),
            ("brand exact", f"{self.share(self.brand, self.total):.1f} %"),
            ("product sensible", f"{self.share(self.product, self.total):.1f} %"),
            ("language right", f"{self.share(self.language, self.total):.1f} %"),
            ("copy in another language than English or the prompt's", str(self.wrong_language)),
            ("numbers on screen", f"{self.share(self.numbers_shown, self.numbers):.1f} %"),
            ("offers on screen", f"{self.share(self.offers_shown, self.offers):.1f} %"),
            ("ads with a filler line (>= 2 facts)", str(self.filler_ads)),
            ("contradicting lines", str(self.contradictions)),
            (
                "CTA fits the kind",
                f"{self.share(self.cta_fits, self.cta_checked):.1f} % of {self.cta_checked}",
            ),
            ("hooks that are only a deadline or a price", str(self.weak_hooks)),
            (
                "ads with a fragment line (a bare price, only 'for <people>', or ending on 'for')",
                str(self.fragment_ads),
            ),
            (
                "price kept in the close",
                f"{self.share(self.price_closed, self.priced):.1f} % of {self.priced}",
            ),
            ("lines naming another kind's noun", str(self.foreign_nouns)),
            ("slowest prompt (CPU)", f"{self.slowest_ms:.0f} ms"),
        ]


def load(path: Path = CORPUS) -> list[Entry]:
    """The corpus entries of ``path`` (comment lines start with ``#``)."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        lang, kind, brand, product, numbers, offer, prompt = line.split("|", 6)
        nums = tuple(n.strip() for n in numbers.split(";") if n.strip())
        out.append(Entry(lang, kind, brand.strip(), product.strip(), nums, offer.strip(), prompt))
    return out


def _digits(text: str) -> str:
    return re.sub(r"(?<=\d)[,.\s](?=\d{3}\b)", "", text)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower()).strip()


def _product_ok(expected: str, spec: AdSpecification) -> bool:
    return any(_product_is(want, spec) for want in expected.split("/"))


def _product_is(expected: str, spec: AdSpecification) -> bool:
    got = _norm(f"{spec.ad.product} {spec.facts.product}")
    want = _norm(expected)
    if not re.search(r"[a-zà-ÿ]", want):
        return want in got or any(want[i : i + 2] in got for i in range(len(want) - 1))
    return any(w[:4] in got for w in re.findall(r"[\w-]+", want) if len(w) >= 2)


def _fillers(spec: AdSpecification) -> list[str]:
    """Generic lines on screen: beats but the last (the CTA) and the key benefits, which the
    scene planner shows too; in every language ("Für deinen Alltag gedacht")."""
    lines = [b.headline for b in spec.beats[:-1]] + list(spec.ad.key_benefits)
    return [line for line in lines if is_filler(line) or _translated_filler(line)]


@lru_cache(maxsize=1)
def _translated() -> frozenset[str]:
    lines = [line for group in TRANSLATED.values() for line in group]
    lines += [line for locale in LOCALES.values() for line in locale.benefits]
    return frozenset(_key(line) for line in lines)


def _translated_filler(line: str) -> bool:
    return _key(line) in _translated()


def _key(line: str) -> str:
    return re.sub(r"[\W_]+", " ", line.lower()).strip()


def _contradictions(entry: Entry, screen: str) -> list[str]:
    prompt, kind = entry.prompt.lower(), entry.kind.split(">", 1)[0].lower()
    return [
        word
        for word, kinds in HALLMARKS.items()
        if re.search(rf"\b{word}", screen)
        and word not in prompt
        and not any(k in kind for k in kinds)
    ]


def score(entries: list[Entry]) -> Score:
    """Run the director over ``entries`` (after its warm-up) and count what reached the
    screen."""
    warm_up()
    result = Score()
    for entry in entries:
        start = time.process_time()
        spec = write_specification(entry.prompt)
        result.slowest_ms = max(result.slowest_ms, (time.process_time() - start) * 1000)
        screen = _digits(" ".join(b.headline for b in spec.beats)).lower()
        result.total += 1
        tag = f"[{entry.language}] {entry.prompt[:60]}"
        checks = {
            "brand": spec.brand.brand_name in entry.brand.split("/"),
            "product": _product_ok(entry.product, spec),
            "language": spec.language == entry.language,
        }
        for name, ok in checks.items():
            setattr(result, name, getattr(result, name) + ok)
            if not ok:
                got = {"brand": spec.brand.brand_name, "product": spec.ad.product}.get(
                    name, spec.language
                )
                result.misses.append(f"{name}: {got!r} {tag}")
        if spec.language not in (entry.language, "en"):
            result.wrong_language += 1
            result.misses.append(f"wrong language: {spec.language!r} {tag}")
        elif spec.language != entry.language and not spec.language_note:
            result.misses.append(f"no language note: {tag}")
        for number in entry.numbers:
            result.numbers += 1
            value = _digits(number).lower()
            if value in screen:
                result.numbers_shown += 1
            else:
                result.misses.append(f"number {number}: {tag}")
        if entry.offer:
            result.offers += 1
            if _norm(_digits(entry.offer)) in _norm(screen):
                result.offers_shown += 1
            else:
                result.misses.append(f"offer {entry.offer!r}: {tag}")
        if spec.facts.count() >= 2 and _fillers(spec):
            result.filler_ads += 1
            result.misses.append(f"filler {_fillers(spec)}: {tag}")
        bad = _contradictions(entry, screen)
        result.contradictions += len(bad)
        result.misses.extend(f"contradiction {w!r}: {tag}" for w in bad)
        _fit(entry, spec, result, tag)
    return result


def _fit(entry: Entry, spec: AdSpecification, result: Score, tag: str) -> None:
    """The checks of :mod:`.score_fit`: CTA for the kind, hook, price in the close, nouns."""
    actions = fit.actions_for(entry.kind)
    cta = spec.ad.call_to_action
    if actions:
        result.cta_checked += 1
        if fit.cta_fits(cta, actions):
            result.cta_fits += 1
        else:
            result.misses.append(f"cta {cta!r} not {'/'.join(actions)}: {tag}")
    hook = spec.beats[0].headline
    if fit.weak_hook(hook, spec.brand.brand_name):
        result.weak_hooks += 1
        result.misses.append(f"weak hook {hook!r}: {tag}")
    table = lang(spec.language)
    audience = spec.facts.audience
    stranded = "" if spec.language == "en" else table.for_word
    broken = [
        b.headline
        for b in spec.beats
        if fit.fragment(b.headline, audience, table.for_people, stranded)
    ]
    if broken:
        result.fragment_ads += 1
        result.misses.append(f"fragment {broken[0]!r}: {tag}")
    close = _digits(" ".join(b.headline for b in spec.beats[-2:]))
    for price in fit.prices(entry.prompt):
        result.priced += 1
        if _digits(price) in close:
            result.price_closed += 1
        else:
            result.misses.append(f"price {price} not in close: {tag}")
    nouns = fit.foreign_nouns(entry.kind, entry.prompt, [b.headline for b in spec.beats])
    result.foreign_nouns += len(nouns)
    result.misses.extend(f"foreign noun {n}: {tag}" for n in nouns)


def table(result: Score) -> str:
    """The scores as a Markdown table."""
    lines = ["| measure | score |", "|---|---|"]
    lines += [f"| {name} | {value} |" for name, value in result.rows()]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    paths = [Path(p) for p in (argv if argv is not None else sys.argv[1:])] or [CORPUS]
    verbose = False
    if paths and str(paths[0]) == "-v":
        verbose, paths = True, paths[1:] or [CORPUS]
    for path in paths:
        result = score(load(path))
        print(f"{path.name}\n{table(result)}\n")
        if verbose:
            print("\n".join(result.misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

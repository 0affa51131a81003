"""The visual vocabulary: open-licence icons with keywords, and the chooser over them.

The icons (Fluent Emoji Flat, MIT, see ``assets/icons/LICENSE``) ship as one gzipped JSON
of SVG bodies; ``assets/icons/keywords.tsv`` lists the words each one stands for. The
chooser is a function over plain keyword strings (product, category, claims, occasion,
audience, the scene's beat and headline) so any source of facts can feed it.
"""

from __future__ import annotations

import gzip
import json
import math
import re
import unicodedata
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

ICON_DIR = Path(__file__).resolve().parents[3] / "assets" / "icons"
I18N = Path(__file__).resolve().parent / "keywords_i18n.tsv"
ICON_SET = "Fluent Emoji Flat"
ICON_LICENCE = "MIT (Microsoft)"
# When nothing in the brief names an object: generic, upbeat objects picked by the product's
# hash, so two unknown products still look different.
FALLBACKS = ("sparkles", "glowing-star", "rocket", "gem-stone", "light-bulb", "thumbs-up")
# Filling a short list after real matches: decoration, never a competing object.
FILLERS = ("sparkles", "glowing-star", "thumbs-up")
RELEVANT = 0.12  # an icon scoring below this share of the best one is noise
# How much each field says about what to show (the product itself most).
WEIGHTS = {
    "product": 6.0,
    "category": 4.0,
    "claims": 1.0,
    "occasion": 4.5,
    "audience": 0.8,
    "headline": 1.5,
    "visual": 0.6,
    "beat": 0.5,
    "prompt": 1.2,  # the user's own words: what the fields above missed
    "lead": 4.5,  # the prompt's first clause, where people name what they sell
}


@dataclass(frozen=True)
class Icon:
    """One icon of the set and the words it stands for."""

    name: str
    keywords: tuple[str, ...]


@dataclass(frozen=True)
class Chosen:
    """An icon picked for a scene, with the words that picked it (for the scene record)."""

    name: str
    score: float
    matched: tuple[str, ...]
    icon_set: str = ICON_SET
    licence: str = ICON_LICENCE

    def record(self) -> dict[str, object]:
        """What the clip record stores: name, set, licence and why."""
        return {
            "name": self.name,
            "set": self.icon_set,
            "licence": self.licence,
            "matched": list(self.matched),
        }


def _stem(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "aas")):
        return word[:-1]
    return word


def _fold(text: str) -> str:
    """Lower case without accents ("Vélo" -> "velo"); other scripts are kept."""
    out: list[str] = []
    for c in unicodedata.normalize("NFD", text.casefold()):
        if unicodedata.combining(c) and out and ord(out[-1]) < 0x250:
            continue  # a Latin letter's accent; kana keep their marks (パ is not ハ)
        out.append(c)
    return unicodedata.normalize("NFC", "".join(out))


@lru_cache(maxsize=1)
def _translations() -> tuple[tuple[re.Pattern[str], str], ...]:
    """(pattern, English keywords) for the product words of the other languages."""
    out = []
    for line in I18N.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        word, _, english = line.partition("\t")
        out.append((re.compile(_pattern(_fold(word.strip()))), english))
    return tuple(out)


# plural and gender endings of the Latin-script languages, by a word's last letter
# ("libro" -> "libri", "mudanza" -> "mudanzas", "umzug" -> "umzuge", "welpe" -> "welpen")
_ENDINGS = {"o": "(?:o|os|i)", "a": "(?:a|as|e)", "e": "(?:e|es|en|n|s|i)"}


def _pattern(word: str) -> str:
    """A table word as a pattern: other scripts anywhere; Latin words whole with their
    endings; ``word*`` also begins a compound ("blumen*"), ``*word`` ends one."""
    if not all(ord(c) < 0x250 for c in word):
        return re.escape(word)
    if word.endswith("*"):
        return rf"\b{re.escape(word[:-1])}\w*"
    if word.startswith("*"):
        return rf"{re.escape(word[1:])}(?:en|s|n)?\b"
    if len(word) >= 4 and word[-1] in _ENDINGS:
        return rf"\b{re.escape(word[:-1])}{_ENDINGS[word[-1]]}\b"
    return rf"\b{re.escape(word)}(?:s|es|e|en|n|er|x)?\b"


def translated(text: str) -> str:
    """``text`` with the English keywords of the foreign product words it holds appended
    ("Fahrradladen Speiche" -> "... bike shop"; "新しいキャンプ用テント" -> "... camping tent")."""
    folded = _fold(text)
    extra = [english for pattern, english in _translations() if pattern.search(folded)]
    return " . ".join([text, *extra]) if extra else text


def tokens(text: str) -> tuple[str, ...]:
    """Lower-case word stems of ``text``, accents folded ("Running shoes!" -> ("running",
    "shoe"); "Pizzería" -> ("pizzeria",))."""
    return tuple(_stem(w) for w in re.findall(r"[a-z0-9]+(?:'[a-z]+)?", _fold(text)))


@lru_cache(maxsize=1)
def icons() -> tuple[Icon, ...]:
    """Every icon the renderer may use, in the table's order."""
    out = []
    for line in (ICON_DIR / "keywords.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        name, _, words = line.partition("\t")
        out.append(Icon(name, tuple(w.strip().lower() for w in words.split(",") if w.strip())))
    return tuple(out)


@lru_cache(maxsize=1)
def _index() -> tuple[dict[tuple[str, ...], list[str]], dict[tuple[str, ...], float]]:
    """keyword stems -> icon names, and each keyword's weight (rarer words say more)."""
    by_key: dict[tuple[str, ...], list[str]] = {}
    for icon in icons():
        for word in icon.keywords:
            key = tokens(word)
            if key and icon.name not in by_key.setdefault(key, []):
                by_key[key].append(icon.name)
    weight = {key: (1.0 + 0.25 * (len(key) - 1)) / math.sqrt(len(n)) for key, n in by_key.items()}
    return by_key, weight


def _phrases(
    stems: tuple[str, ...], known: dict[tuple[str, ...], list[str]]
) -> list[tuple[tuple[str, ...], int]]:
    """The known 1- to 3-word phrases of ``stems`` with the position each ends at, longest
    first; a word inside a longer match does not count again ("heat pump" is not "heat")."""
    found: list[tuple[tuple[str, ...], int]] = []
    covered: set[int] = set()
    for n in (3, 2, 1):
        for i in range(len(stems) - n + 1):
            phrase = stems[i : i + n]
            if phrase in known and not set(range(i, i + n)) <= covered:
                found.append((phrase, i + n - 1))
                covered.update(range(i, i + n))
    return found


#: Words for where things are sold: in a product ("plant shop") they are not what is shown.
_SELLERS = frozenset(tokens("shop shops store stores boutique market shoppe emporium outlet stall"))


CLDR = ICON_DIR / "keywords_cldr.tsv"
#: A CLDR word counts half a keyword of our own table: where both know a word ("Bäckerei":
#: bakery -> bread), ours decides; where only CLDR does ("autobuses"), it does.
CLDR_WEIGHT = 0.5
_CJK = ("ja", "zh")
#: Plural and inflection endings tried off a word before its CLDR look-up ("autobuses" ->
#: "autobus", "brezeln" -> "brezel", "fiori" -> "fior" is too short and never tried).
_CLDR_ENDINGS = ("es", "en", "s", "n", "e", "er", "i", "a", "o", "y", "ów", "ar", "or")


@lru_cache(maxsize=1)
def _cldr() -> dict[str, dict[str, tuple[str, ...]]]:
    """language -> folded word -> icons: the CLDR words of each icon (``cldr_build``)."""
    table: dict[str, dict[str, list[str]]] = {}
    for line in CLDR.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        language, word, name = line.split("\t")
        table.setdefault(language, {}).setdefault(_fold(word), []).append(name)
    return {lang: {w: tuple(n) for w, n in words.items()} for lang, words in table.items()}


@lru_cache(maxsize=1)
def _own_words() -> frozenset[str]:
    """The plain words of our own foreign-word table (``keywords_i18n.tsv``)."""
    out = set()
    for line in I18N.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            out.add(_fold(line.partition("\t")[0].strip().strip("*")))
    return frozenset(out)


def cldr_matches(text: str, language: str) -> list[tuple[str, tuple[str, ...]]]:
    """(word, icons) for the words of ``text`` the CLDR names or tags of an icon in
    ``language`` (other languages than English; Japanese and Chinese anywhere in the text)."""
    words = _cldr().get(language.split("-")[0].lower())
    if not words:
        return []
    folded = _fold(text)
    if language in _CJK:
        return [(w, names) for w, names in words.items() if w in folded]
    found: list[tuple[str, tuple[str, ...]]] = []
    ours = _own_words()
    for token in dict.fromkeys(re.findall(r"[^\W\d_]{3,}", folded)):
        if token in ours:
            continue  # our own table knows the word ("backerei": bakery): it decides
        forms = [token] + [
            token[: -len(e)]
            for e in _CLDR_ENDINGS
            if token.endswith(e) and len(token) - len(e) >= 4
        ]
        hit = next((f for f in forms if f in words), None)
        if hit is not None:
            found.append((hit, words[hit]))
    return found


#: The fields that name what is sold.
_NAMING = frozenset({"product", "category", "lead"})


def _add_cldr(
    fields: dict[str, str],
    language: str,
    scores: dict[str, float],
    matched: dict[str, list[str]],
    only: set[str] | None,
) -> None:
    """Score the icons the fields' CLDR words name; with ``only`` (our own tables already
    know the product), just those icons: a CLDR word then confirms, it never brings in a
    stranger ("essai gratuit" is a free trial, not a test tube)."""
    for field, text in fields.items():
        for word, names in cldr_matches(text, language):
            w = CLDR_WEIGHT * WEIGHTS.get(field, 1.0) / math.sqrt(len(names))
            for name in names:
                if only is not None and name not in only:
                    continue
                scores[name] = scores.get(name, 0.0) + w
                if word not in (words := matched.setdefault(name, [])):
                    words.append(word)


#: What a product resists or lacks is not what it shows: "chip-resistant" glaze is no plate of
#: fries, a "sugar-free" drink no sugar cube, a "water-resistant" watch no water drop.
_NOT_SHOWN = re.compile(r"\b[^\W\d_]+-(?=(?:resistant|proof|free|repellent|less)\b)", re.I)


def score_icons(
    fields: dict[str, str], language: str = "en"
) -> dict[str, tuple[float, tuple[str, ...]]]:
    """icon -> (score, matched words) for the keyword fields given (see :data:`WEIGHTS`).

    The last word of the product (its head noun: "fitness *app*") counts half again; when
    that word is where it is sold ("plant *shop*", "wine *store*"), what is sold is the head
    and the shop counts half. In another language than English the icons' own CLDR words in
    that language count too ("autobuses" is a bus, "Brezeln" a pretzel): freely when our own
    tables find nothing that names the product, else only for the icons they found.
    """
    by_key, weight = _index()
    scores: dict[str, float] = {}
    matched: dict[str, list[str]] = {}
    named: set[str] = set()  # icons our own tables found in the fields that name the product
    for field, text in fields.items():
        stems = tokens(translated(_NOT_SHOWN.sub(" ", text)))
        base = WEIGHTS.get(field, 1.0)
        head = len(stems) - 1
        if field == "product" and len(stems) > 1 and stems[-1] in _SELLERS:
            head -= 1
        seen: set[tuple[str, ...]] = set()
        for phrase, end in _phrases(stems, by_key):
            if phrase in seen:
                continue
            seen.add(phrase)
            w = base * weight[phrase]
            if field == "product":
                w *= 1.5 if end == head else 0.5 if end > head else 1
            for name in by_key[phrase]:
                scores[name] = scores.get(name, 0.0) + w
                words = matched.setdefault(name, [])
                if " ".join(phrase) not in words:
                    words.append(" ".join(phrase))
                if field in _NAMING:
                    named.add(name)
    if language != "en":
        _add_cldr(fields, language, scores, matched, only=named or None)
    return {n: (s, tuple(matched[n])) for n, s in scores.items()}


def choose_objects(
    *,
    product: str,
    category: str = "",
    claims: Iterable[str] = (),
    occasion: str = "",
    audience: str = "",
    beat: str = "",
    headline: str = "",
    visual: str = "",
    prompt: str = "",
    count: int = 4,
    language: str = "en",
) -> list[Chosen]:
    """The ``count`` icons that best show this product and scene, best first (``language``:
    the prompt's, whose own words for each icon count too).

    Fallback chain: words of the product and category; then the claims, occasion, scene
    and audience words; then the prompt's own words (a product the director misread);
    then generic objects chosen by the product's hash.
    """
    fields = {
        "product": product,
        "category": category,
        "claims": " . ".join(claims),
        "occasion": occasion,
        "audience": audience,
        "beat": beat,
        "headline": headline,
        "visual": visual,
        "prompt": prompt,
        "lead": re.split(r"[,.;:!?、。，：！？،]", prompt, maxsplit=1)[0],
    }
    scored = score_icons(fields, language)
    order = {icon.name: i for i, icon in enumerate(icons())}
    chosen: list[Chosen] = []
    covered: set[str] = set()
    top = max((v[0] for v in scored.values()), default=0.0)
    left = {n: v for n, v in scored.items() if v[0] >= RELEVANT * top}
    while left and len(chosen) < count:
        # an icon that only repeats words already shown counts for less: variety
        def value(n: str) -> float:
            return left[n][0] * (0.6 if set(left[n][1]) <= covered else 1.0)

        name = min(left, key=lambda n: (-value(n), order[n]))
        score, words = left.pop(name)
        chosen.append(Chosen(name, round(score, 3), words))
        covered.update(words)
    if len(chosen) < count:
        start = zlib.crc32(f"{product}|{category}".lower().encode()) % len(FALLBACKS)
        pool = FILLERS if chosen else FALLBACKS[start:] + FALLBACKS[:start]
        for name in pool:
            if len(chosen) < count and all(c.name != name for c in chosen):
                chosen.append(Chosen(name, 0.0, ()))
    return chosen


@lru_cache(maxsize=1)
def _bodies() -> dict[str, object]:
    raw = gzip.decompress((ICON_DIR / "fluent-emoji-flat.json.gz").read_bytes())
    return json.loads(raw)  # type: ignore[no-any-return]


def svg(name: str) -> str:
    """The icon as a standalone SVG document."""
    data = _bodies()
    body = data["icons"][name]  # type: ignore[index]
    w, h = data["width"], data["height"]  # type: ignore[index]
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" '
        f'viewBox="0 0 {w} {h}">{body}</svg>'
    )

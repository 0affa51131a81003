"""Which language the prompt is written in: one of the nine the director writes.

Scripts decide Japanese (kana), Chinese (Han without kana) and Arabic. Latin-script prompts
are scored by three readers added up: how common each word is in each language (the compact
wordfreq lists of :mod:`.words`, a unigram model), lingua in low-accuracy mode (restricted to
the six Latin languages: 15 MB instead of 170 MB), and the prompt's function words from
:mod:`.lang`. Names (CamelCase, URLs, numbers) are left out first because a brand says
nothing about the language. Short, ambiguous prompts stay English.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from pipeline.providers.copywriting.lang import LANGS
from pipeline.providers.copywriting.words import zipf

_ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]")
_KANA = re.compile(r"[\u3040-\u30FF\u31F0-\u31FF]")
_HAN = re.compile(r"[\u4E00-\u9FFF\u3400-\u4DBF]")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_NOISE = re.compile(r"https?://\S+|www\.\S+|\S+\.(?:com|org|net|io|shop|app)\S*|\S*\d\S*")
_LATIN = ("en", "es", "fr", "de", "pt", "it")
_LINGUA_NAMES = {
    "en": "ENGLISH",
    "es": "SPANISH",
    "fr": "FRENCH",
    "de": "GERMAN",
    "pt": "PORTUGUESE",
    "it": "ITALIAN",
}


@lru_cache(maxsize=1)
def _detector() -> Any:
    from lingua import Language, LanguageDetectorBuilder

    languages = [getattr(Language, _LINGUA_NAMES[c]) for c in _LATIN]
    builder = LanguageDetectorBuilder.from_languages(*languages)
    return builder.with_low_accuracy_mode().build()


def warm_up() -> None:
    """Load the detector's models now (first use otherwise pays for them)."""
    for text in ("the shop", "la tienda", "le magasin", "der Laden", "a loja", "il negozio"):
        _lingua_scores(text)


def _lingua_scores(text: str) -> dict[str, float]:
    by_name = {v: k for k, v in _LINGUA_NAMES.items()}
    values = _detector().compute_language_confidence_values(text)
    return {by_name[v.language.name]: v.value for v in values}


def _is_name(word: str) -> bool:
    return any(c.isupper() for c in word[1:])  # CamelCase, ALLCAPS: a brand, not a language


def detect_language(text: str) -> str:
    """ISO 639-1 code of ``text``: en, es, fr, de, pt, it, ja, zh or ar."""
    letters = sum(1 for c in text if c.isalpha())
    if not letters:
        return "en"
    if len(_ARABIC.findall(text)) / letters > 0.3:
        return "ar"
    if _KANA.search(text):
        return "ja"
    if len(_HAN.findall(text)) >= 2 and len(_HAN.findall(text)) / letters > 0.2:
        return "zh"
    words = [w for w in _WORD.findall(_NOISE.sub(" ", text)) if not _is_name(w)]
    if not words:
        return "en"
    low = [w.lower().replace("’", "'") for w in words]
    hints = {c: sum(1 for w in low if w in LANGS[c].hints) for c in _LATIN}
    hints["fr"] += 2 * len(re.findall(r"\b[ldjcqsn]'[^\W\d_]", " ".join(low)))
    scores = _lingua_scores(" ".join(words))
    common = {c: sum(max(zipf(w, c), 1.0) for w in low) / len(low) for c in _LATIN}
    total = {c: 2.0 * common[c] + scores.get(c, 0.0) + 0.3 * hints[c] for c in _LATIN}
    best = max(_LATIN, key=lambda c: (total[c], c == "en"))
    if best != "en" and hints[best] == 0 and scores.get(best, 0.0) < 0.6:
        return "en"  # a few nouns and a brand: not enough to leave English
    return best

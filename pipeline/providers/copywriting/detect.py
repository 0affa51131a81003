"""Which language the prompt is written in, and which one the copy is written in.

Scripts decide Japanese (kana), Chinese (Han without kana) and Arabic. lingua (low-accuracy
mode) weighs every language it knows, so a Dutch, Polish or Turkish prompt is read as such
and never passes for German, Spanish or Italian. Among the languages the director writes,
Latin-script prompts are scored by three readers added up: how common each word is in each
language (the compact wordfreq lists of :mod:`.words`, a unigram model), lingua's confidence
(renormalized over those languages) and the prompt's function words from :mod:`.lang`. Names
(CamelCase, URLs, numbers) are left out first because a brand says nothing about the
language. Short, ambiguous prompts stay English. A language the director does not write
gives English copy and a note that says so (:func:`read_language`).
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from pipeline.providers.copywriting.lang import LANGS
from pipeline.providers.copywriting.words import zipf

_ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]")
_KANA = re.compile(r"[\u3040-\u30FF\u31F0-\u31FF]")
_HAN = re.compile(r"[\u4E00-\u9FFF\u3400-\u4DBF]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_NOISE = re.compile(r"https?://\S+|www\.\S+|\S+\.(?:com|org|net|io|shop|app)\S*|\S*\d\S*")
#: Latin-script languages the director writes (their word lists exist).
_LATIN = tuple(
    c for c in ("en", "es", "fr", "de", "pt", "it", "nl", "pl", "sv", "tr") if c in LANGS
)
#: lingua's own confidence a language the director does not write needs before the prompt is
#: read as that language (below it, the prompt is scored among the written ones as before).
_OTHER_MIN = 0.5


@dataclass(frozen=True)
class LanguageReading:
    """The language the copy is written in, and the prompt's own when the director does not
    write it (``prompt`` = ``written`` otherwise)."""

    written: str
    prompt: str

    @property
    def note(self) -> str:
        """Plain words for the user when the copy is not in the prompt's language."""
        if self.prompt == self.written:
            return ""
        name = language_name(self.prompt)
        return (
            f"{name} copy is not available offline yet; the ad is written in English. "
            f"Set OPENAI_API_KEY for copy in {name}."
        )


@lru_cache(maxsize=1)
def _detector() -> Any:
    from lingua import LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()


def warm_up() -> None:
    """Load the detector's models now (first use otherwise pays for them)."""
    for text in ("the shop", "la tienda", "le magasin", "der Laden", "a loja", "il negozio"):
        _lingua_scores(text)


def rest() -> None:
    """Put the detector's models down (about 42 MB once the heap is trimmed); the next
    reading loads them again (about 0.3 s). A generation needs them only while its
    specification is written, and the clips and the encode that follow are its peak."""
    if _detector.cache_info().currsize:
        _detector().unload_language_models()
        from pipeline.runtime import memory

        # the models were read out of lingua's own library, whose pages stay resident
        native = importlib.import_module("lingua.lingua")
        memory.page_out(Path(str(native.__file__)))


def _lingua_scores(text: str) -> dict[str, float]:
    values = _detector().compute_language_confidence_values(text)
    return {v.language.iso_code_639_1.name.lower(): v.value for v in values}


def language_name(code: str) -> str:
    """The English name of an ISO 639-1 code lingua knows ("nl" -> "Dutch")."""
    from lingua import IsoCode639_1, Language

    try:
        language = Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper()))
    except (AttributeError, ValueError):
        return code
    special = {"BOKMAL": "Norwegian", "NYNORSK": "Norwegian", "SLOVENE": "Slovenian"}
    return special.get(language.name, language.name.title())


def _is_name(word: str) -> bool:
    return any(c.isupper() for c in word[1:])  # CamelCase, ALLCAPS: a brand, not a language


def detect_language(text: str) -> str:
    """ISO 639-1 code of the language the copy of ``text`` is written in (one the director
    writes: English for any other)."""
    return read_language(text).written


def read_language(text: str) -> LanguageReading:
    """The prompt's language and the one its copy is written in."""
    letters = sum(1 for c in text if c.isalpha())
    if not letters:
        return LanguageReading("en", "en")
    if len(_ARABIC.findall(text)) / letters > 0.3:
        return _other_script(text, "ar")
    if _KANA.search(text):
        return LanguageReading("ja", "ja")
    if len(_HAN.findall(text)) >= 2 and len(_HAN.findall(text)) / letters > 0.2:
        return LanguageReading("zh", "zh")
    words = [w for w in _WORD.findall(_NOISE.sub(" ", text)) if not _is_name(w)]
    if not words:
        return LanguageReading("en", "en")
    if len(_LATIN_LETTER.findall(" ".join(words))) / sum(len(w) for w in words) < 0.5:
        return _other_script(" ".join(words), "en")  # Cyrillic, Greek, Hangul, Thai, ...
    return _latin(words)


def _other_script(text: str, default: str) -> LanguageReading:
    """A prompt in a script of its own: Arabic (unless lingua reads Persian or Urdu) or one
    the director does not write."""
    scores = _lingua_scores(text)
    top = max(scores, key=lambda c: scores[c]) if scores else default
    if top == default or top in LANGS or scores.get(top, 0.0) < _OTHER_MIN:
        return LanguageReading(default, default)  # noise in the script's own letters
    return LanguageReading("en", top)


def _latin(words: list[str]) -> LanguageReading:
    low = [w.lower().replace("’", "'") for w in words]
    hints = {c: sum(1 for w in low if w in LANGS[c].hints) for c in _LATIN}
    if "fr" in hints:
        hints["fr"] += 2 * len(re.findall(r"\b[ldjcqsn]'[^\W\d_]", " ".join(low)))
    every = _lingua_scores(" ".join(words))
    top = max(every, key=lambda c: every[c])
    if top not in LANGS and _foreign(every[top], _written_share(low)):
        return LanguageReading("en", top)
    mass = sum(every.get(c, 0.0) for c in _LATIN) or 1.0
    scores = {c: every.get(c, 0.0) / mass for c in _LATIN}
    common = {c: sum(max(zipf(w, c), 1.0) for w in low) / len(low) for c in _LATIN}
    total = {c: 2.0 * common[c] + scores[c] + 0.3 * hints[c] for c in _LATIN}
    best = max(_LATIN, key=lambda c: (total[c], c == "en"))
    if best != "en" and hints[best] == 0 and scores[best] < 0.6:
        return LanguageReading("en", "en")  # a few nouns and a brand: not enough to leave English
    return LanguageReading(best, best)


def _written_share(low: list[str]) -> float:
    """The largest share of the words that are common (Zipf >= 3) in one written language."""
    return max(sum(1 for w in low if zipf(w, c) >= 3.0) / len(low) for c in _LATIN)


def _foreign(confidence: float, share: float) -> bool:
    """Whether lingua's reading of a language the director does not write stands: low
    accuracy mode reads some Spanish as Latin or Esperanto and some Portuguese as Tagalog,
    but then most words are common Spanish or Portuguese ones."""
    return (confidence >= 0.9 and share < 0.75) or (confidence >= _OTHER_MIN and share < 0.5)

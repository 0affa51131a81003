"""How common a word is, from a compact list derived from wordfreq (see ``LICENSE``).

Each ``<lang>.bin`` (zlib) holds the 32-bit BLAKE2b hashes of every word at or above Zipf 2.0
in wordfreq's large list for that language, sorted, then one byte per word: its Zipf value
times ten, rounded down. A language costs about 5 bytes a word in memory (2-3 MB) and loads
in milliseconds; ``build.py`` regenerates the files. A word outside the list (or one of the
~1 in 10,000 hash collisions the other way) reads as Zipf 0.
"""

from __future__ import annotations

import zlib
from array import array
from bisect import bisect_left
from functools import cache
from hashlib import blake2b
from pathlib import Path

HERE = Path(__file__).resolve().parent
LANGUAGES = ("en", "es", "fr", "de", "pt", "it", "nl", "pl", "sv", "tr")
MIN_ZIPF = 2.0


def word_hash(word: str) -> int:
    """The 32-bit key a word is stored under."""
    return int.from_bytes(blake2b(word.encode("utf-8"), digest_size=4).digest(), "little")


@cache  # one table per language; evicting one costs ~7 ms to reload
def _table(language: str) -> tuple[array, bytes]:
    path = HERE / f"{language}.bin"
    if language not in LANGUAGES or not path.is_file():
        return array("I"), b""
    raw = zlib.decompress(path.read_bytes())
    count = len(raw) // 5
    hashes = array("I")
    hashes.frombytes(raw[: 4 * count])
    return hashes, raw[4 * count :]


def zipf(word: str, language: str) -> float:
    """wordfreq's Zipf value of ``word`` (lower-cased) in ``language``, to 0.1; 0 below 2.0."""
    hashes, bands = _table(language)
    key = word_hash(word.lower())
    at = bisect_left(hashes, key)
    return bands[at] / 10.0 if at < len(hashes) and hashes[at] == key else 0.0


def load_all() -> None:
    """Read every language's list now (a few MB, milliseconds)."""
    for code in LANGUAGES:
        _table(code)


def rest() -> None:
    """Drop every loaded list (about 6 MB); the next look-up loads its language again."""
    _table.cache_clear()

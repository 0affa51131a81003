"""Regenerate the compact word lists from wordfreq (a dev-only dependency):
``python -m pipeline.providers.copywriting.words.build``."""

from __future__ import annotations

import sys
import zlib
from array import array

from pipeline.providers.copywriting.words import HERE, LANGUAGES, MIN_ZIPF, word_hash


def build(language: str) -> int:
    """Write ``<language>.bin``; the number of words kept."""
    from wordfreq import DATA_PATH, read_cBpack  # type: ignore[import-untyped]

    path = DATA_PATH / f"large_{language}.msgpack.gz"
    if not path.is_file():  # Turkish has only wordfreq's small list (Zipf >= ~3)
        path = DATA_PATH / f"small_{language}.msgpack.gz"
    buckets = read_cBpack(str(path))
    last = round((9.0 - MIN_ZIPF) * 100)  # bucket i holds the words of Zipf 9 - i/100
    best: dict[int, int] = {}
    for index, words in enumerate(buckets[: last + 1]):
        band = (900 - index) // 10  # Zipf x 10, rounded down
        for word in words:
            key = word_hash(word)
            best[key] = max(best.get(key, 0), band)
    keys = sorted(best)
    data = array("I", keys)
    if sys.byteorder != "little":
        data.byteswap()
    payload = data.tobytes() + bytes(best[k] for k in keys)
    (HERE / f"{language}.bin").write_bytes(zlib.compress(payload, 9))
    return len(keys)


def main() -> int:
    for code in LANGUAGES:
        print(code, build(code))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

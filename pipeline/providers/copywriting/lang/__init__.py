"""Per-language data for reading facts and writing copy, one module per language (STYLE #13:
a new language is a new data file, not a new branch)."""

from __future__ import annotations

from pipeline.providers.copywriting.lang import ar, de, en, es, fr, it, ja, nl, pl, pt, sv, tr, zh
from pipeline.providers.copywriting.lang.table import Lang

LANGS: dict[str, Lang] = {
    m.LANG.code: m.LANG for m in (en, es, fr, de, pt, it, nl, pl, sv, tr, ja, zh, ar)
}
#: The languages the director writes, in the order the docs list them.
LANGUAGES: tuple[str, ...] = tuple(LANGS)


def lang(code: str) -> Lang:
    """The table for ``code``; English for a language the director does not write."""
    return LANGS.get(code, en.LANG)


__all__ = ["LANGS", "LANGUAGES", "Lang", "lang"]

"""Generic filler lines: copy that could sit under any product ("Made for people like you").

The list is data: every line of the fallback banks and every beat template of the other
languages, plus each filler found in review. A line matches with the brand or product in
place of ``{Name}``. The writer swaps a filler for a fact when one is left; the scorer counts
the fillers that remain in ads whose prompt states two or more facts.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.providers.copywriting.benefits_i18n import all_lines
from pipeline.providers.copywriting.catalog.fallback import GENERIC, GENERIC_SERVICE
from pipeline.providers.copywriting.fillers_i18n import TRANSLATED
from pipeline.providers.copywriting.i18n import LOCALES

#: Fillers found in review, beyond the banks below (add every new one here).
FOUND: tuple[str, ...] = (
    "Made for people like you.",
    "Designed around how you live.",
    "{Name}: designed around how you live.",
    "Small change. Big difference.",
    "The upgrade you'll feel every day.",
    "Work smarter, not later.",
    "One call, and it's handled.",
    "{Name}: time to answer every question.",
    "Easy. Welcoming. Yours.",
    "The kind of thing you tell friends about.",
    "Now it just works.",
)
_BANK_KINDS = (
    "benefits",
    "hooks",
    "desires",
    "pains",
    "agitations",
    "solutions",
    "befores",
    "afters",
    "bridges",
)


def _key(line: str) -> str:
    return re.sub(r"[\W_]+", " ", line.lower()).strip()


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], ...]:
    lines = list(FOUND)
    for bank in (GENERIC, GENERIC_SERVICE):
        for kind in _BANK_KINDS:
            lines += list(getattr(bank, kind))
    for locale in LOCALES.values():
        for beat_lines in locale.beats.values():
            lines += list(beat_lines)
        lines += list(locale.benefits)  # "Für deinen Alltag gedacht" says nothing either
    for translated in TRANSLATED.values():
        lines += list(translated)
    lines += all_lines()  # the benefit lines by kind of advertiser: seasoning too
    out = []
    for line in dict.fromkeys(lines):
        parts = [re.escape(_key(p)) for p in line.split("{Name}")]
        out.append(re.compile("^" + r" ?\b.{1,80}?\b ?".join(parts) + "$"))
    return tuple(out)


def is_filler(line: str) -> bool:
    """Whether ``line`` is one of the generic lines (any name in the ``{Name}`` slot)."""
    key = _key(line)
    tail = _key(re.split(r"[:：]", line, maxsplit=1)[-1])  # "Name: made with care ..."
    return bool(key) and any(p.match(key) or p.match(tail) for p in _patterns())

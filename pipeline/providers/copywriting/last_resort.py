"""What a beat says when no fact and no bank line fits it, and the small text helpers every
line goes through: the offer moves up from the close, a generic line gives way to the brand
with what it sells, then to the brand signing off; no line passes the headline limit."""

from __future__ import annotations

import re

from pipeline.providers.copywriting.fillers import is_filler
from pipeline.providers.copywriting.i18n import Locale

HOOK_MAX_WORDS = 7
HEADLINE_MAX_CHARS = 90


def norm(text: str) -> str:
    return re.sub(r"[\W_]+", " ", text.lower()).strip()


def words(text: str) -> int:
    return len(text.split())


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def sentence(text: str) -> str:
    """``text`` ending in one full stop ("6 a.m. to 10 p.m." keeps its own)."""
    return text if text.rstrip().endswith((".", "!", "?")) else f"{text}."


def clamp(line: str) -> str:
    """A line within the headline limit: cut at the last space that fits (a name of
    80 characters in "Conoce {Name}." must not break the specification)."""
    if len(line) <= HEADLINE_MAX_CHARS:
        return line
    cut = line[:HEADLINE_MAX_CHARS]
    return (cut.rsplit(" ", 1)[0] if " " in cut[20:] else cut).rstrip(" ,;:")


def named_blanks(
    headlines: list[tuple[str, str, str]], lines: list[str], product: str
) -> list[tuple[str, str, str]]:
    """A beat no line fitted (``""``) takes the next name line not shown yet (the brand with
    what it sells, the brand signing off), else the product."""
    out = list(headlines)
    for i, (beat, text, visual) in enumerate(out):
        if text:
            continue
        shown = {norm(h[1]) for h in out}
        fresh = [ln for ln in lines if norm(ln) not in shown]
        fits = [ln for ln in fresh if i > 0 or words(ln) <= HOOK_MAX_WORDS]
        out[i] = (beat, (fits or fresh or [sentence(upper_first(product))])[0], visual)
    return out


def name_for_filler(
    headlines: list[tuple[str, str, str]], lines: list[str]
) -> list[tuple[str, str, str]]:
    """Each generic line still left in the middle becomes the next of ``lines`` not shown yet:
    the brand with what it sells, then the brand alone."""
    out = list(headlines)
    spare = [line for line in lines if len(line) <= HEADLINE_MAX_CHARS]
    for i, (beat, text, visual) in enumerate(headlines[:-1]):
        if not is_filler(text):
            continue
        shown = {norm(h[1]) for h in out}
        fits = [line for line in spare if i > 0 or len(line.split()) <= HOOK_MAX_WORDS]
        line = next((line for line in fits if norm(line) not in shown), None)
        if line is not None:
            out[i] = (beat, line, visual)
    return out


def offer_before_cta(
    headlines: list[tuple[str, str, str]], offer: str, cta: str, locale: Locale | None
) -> list[tuple[str, str, str]]:
    """A generic line left in the middle gives its beat to the offer, so the close is the
    call to action alone ("Free first class." then "Book now")."""
    spots = [i for i, h in enumerate(headlines[:-1]) if i > 0 and is_filler(h[1])]
    if not spots:
        return headlines
    at = spots[-1]
    line = offer.rstrip(".!")
    line = line if locale and locale.max_hook_chars < 40 else sentence(line)
    out = list(headlines)
    out[at] = (out[at][0], line, out[at][2])
    out[-1] = (out[-1][0], cta, out[-1][2])
    return out

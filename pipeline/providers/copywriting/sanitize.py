"""Make untrusted prompt text safe to store, show and reuse as ad copy.

A prompt may carry HTML, script blocks, entity-escaped markup, control characters, bidi
overrides or emoji. :func:`sanitize_prompt` keeps the words and drops the rest;
:func:`copy_safe` additionally removes pictographs, which overlay fonts cannot draw.
"""

from __future__ import annotations

import html
import re
import unicodedata

_BLOCK = re.compile(
    r"<\s*(script|style|iframe|object|embed|noscript|template|svg|math)\b[^>]*>.*?<\s*/\s*\1\s*>",
    re.IGNORECASE | re.DOTALL,
)
# An opening block tag that is never closed swallows the rest of the text, as a browser would.
_OPEN_BLOCK = re.compile(
    r"<\s*(script|style|iframe|object|embed|noscript|template)\b.*\Z", re.IGNORECASE | re.DOTALL
)
_COMMENT = re.compile(r"<!--.*?(-->|\Z)", re.DOTALL)
_TAG = re.compile(r"</?\s*[A-Za-z!?][^<>]*>")
_DANGLING_TAG = re.compile(r"<\s*/?\s*[A-Za-z][\w-]*(\s[^<>]*)?\Z")
# Script URLs; "data:" only with a media type, so "Big data: the course" keeps its words.
_SCHEMES = re.compile(
    r"\b(?:javascript|vbscript)\s*:|\bdata\s*:\s*[\w.+-]+/[\w.+-]+[;,]?", re.IGNORECASE
)
_SPACES = re.compile(r"\s+")
_SPACE_BEFORE_STOP = re.compile(r"(?<=\w) +([,.])(?=\s|$)")
# Joiners used inside emoji and some scripts; other format characters (bidi overrides,
# zero-width spaces) are used to hide or reorder text, so they go.
_KEEP_FORMAT = {"\u200c", "\u200d"}


def _strip_markup(text: str) -> str:
    text = _COMMENT.sub(" ", text)
    text = _BLOCK.sub(" ", text)
    text = _OPEN_BLOCK.sub(" ", text)
    text = _TAG.sub(" ", text)
    text = _DANGLING_TAG.sub(" ", text)
    return _SCHEMES.sub(" ", text)


def sanitize_prompt(text: str) -> str:
    """Plain, single-spaced text: no tags, script/style contents, entities or control chars.

    Entity-escaped markup (``&lt;script&gt;``) is decoded and then stripped too, so the
    result never contains ``<script`` however the markup was disguised.
    """
    text = unicodedata.normalize("NFC", text or "")
    for _ in range(3):
        decoded = html.unescape(text)
        stripped = _strip_markup(decoded)
        if stripped == text:
            break
        text = stripped
    out = []
    for ch in text:
        cat = unicodedata.category(ch)
        if ch in "\t\n\r\f\v":
            out.append(" ")
        elif cat in ("Cc", "Cs", "Co", "Cn") or (cat == "Cf" and ch not in _KEEP_FORMAT):
            continue
        else:
            out.append(ch)
    text = "".join(out).replace("<", " ").replace(">", " ")
    text = _SPACES.sub(" ", text).strip()
    # A removed tag leaves a space before a comma or full stop ("<b>Time</b>, perfected").
    return _SPACE_BEFORE_STOP.sub(r"\1", text)


def copy_safe(text: str) -> str:
    """:func:`sanitize_prompt` minus emoji and pictographs (symbols fonts rarely carry)."""
    out = []
    for ch in sanitize_prompt(text):
        cat = unicodedata.category(ch)
        if cat == "So" and ch not in "©®™°":
            continue
        if cat == "Sk" and 0x1F3FB <= ord(ch) <= 0x1F3FF:  # skin-tone modifiers
            continue
        if ch == "\u200d" or 0xFE00 <= ord(ch) <= 0xFE0F:  # emoji joiner, variation selectors
            continue
        out.append(ch)
    return _SPACES.sub(" ", "".join(out)).strip()

"""Choosing the copy framework from what the prompt is about.

- a pain the product removes ("tired of", "no more", "struggling with") -> PAS
  (Problem, Agitate, Solution, call to action);
- a visible change ("transform", "before and after", "from cluttered to calm") -> BAB
  (Before, After, Bridge, call to action);
- a launch, an opening or plain awareness -> AIDA (Attention, Interest, Desire, Action),
  which is also the default.

A framework named outright ("use PAS") wins. The reason quotes the words that decided it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# "from dull tired skin to a radiant glow": a change, whatever words describe the before.
_FROM_TO = r"from \w+(?: \w+){0,2} to (?:an? )?\w+(?: \w+)?"

_PAS = [
    r"tired of",
    r"sick of",
    r"fed up",
    r"struggl\w*",
    r"frustrat\w*",
    r"hate\w*",
    r"annoy\w*",
    r"no more",
    r"never again",
    r"say goodbye to",
    r"stop (?:\w+ing)",
    r"waste\w*",
    r"wasting",
    r"pain point",
    r"problem\w*",
    r"sore",
    r"can'?t (?:find|sleep|focus|keep up|stop|get|afford)",
    r"stress(?:ed|ful)?",
    r"late payments?",
    r"chasing",
    r"overwhelm\w*",
    r"mess(?:y)?",
    r"without the",
    r"dull",
    r"bland",
    r"soggy",
    r"stale",
    r"worried",
    r"fix(?:es)?",
    r"protect\w* [\w ]{3,40}? from|ransomware|burnout",
    r"en avoir marre|marre de|fini les|fatigué\w*|problème\w*|galère",
    r"cansad[oa]s? de|hart[oa]s? de|olvídate de|se acabó|chega de|nunca mais",
    r"schluss mit|genug von|nie wieder|keine lust|stanc[oa] di|basta con|mai più",
    r"烦恼|厌倦|告别|受够|还在为",
    r"悩み|困って|うんざり|もう.{0,6}ない|ストレス",
    r"مشكلة|تعبت|سئمت|لا مزيد|معاناة",
]
_BAB = [
    r"transform\w*",
    r"before and after",
    r"before/after",
    r"glow[- ]up",
    r"makeover",
    r"change your",
    r"upgrade your",
    r"level up",
    r"become",
    r"turn your",
    r"new you",
    _FROM_TO,
    r"results? in \d+",
    r"in \d+ (?:days|weeks)",
    r"journey",
    r"lose weight",
    r"get fit",
    r"revamp\w*",
    r"reinvent\w*",
    r"transform\w*|avant et après|métamorphose|changez de vie|relooking",
    r"変身|ビフォー|アフター|生まれ変わ|変わる",
    r"transforma\w*|de [\w]+ a [\w]+ en \d+|antes y después|antes e depois|vorher und nachher|"
    r"verwandl\w*|trasforma\w*|prima e dopo|从.{1,8}到|改变|蜕变",
    r"تحول|قبل وبعد|غيّر|حوّل",
]
_AIDA = [
    r"launch\w*",
    r"introduc\w*",
    r"announc\w*",
    r"unveil\w*",
    r"debut\w*",
    r"meet \w+",
    r"new\b",
    r"all-new",
    r"brand-new",
    r"awareness",
    r"grand opening",
    r"opening",
    r"coming soon",
    r"now open",
    r"premiere",
    r"discover",
    r"lancement|nouveau|nouvelle|découvrez|ouverture|présente",
    r"新発売|新登場|オープン|発売|登場",
    r"lanzamiento|nuevo|nueva|inauguración|neu|neue|neuer|eröffnung|lançamento|novo|nova|"
    r"inaugurazione|nuov[oa]|新款|全新|上市|开业",
    r"إطلاق|جديد|افتتاح|اكتشف",
]
_EXPLICIT = re.compile(r"\b(AIDA|PAS|BAB)\b")

_NAMES = {
    "AIDA": "Attention-Interest-Desire-Action",
    "PAS": "Problem-Agitate-Solution",
    "BAB": "Before-After-Bridge",
}


@dataclass(frozen=True)
class FrameworkChoice:
    framework: str
    reason: str


@lru_cache(maxsize=512)
def _compiled(pattern: str) -> re.Pattern[str]:
    if pattern.isascii():  # word boundaries mean nothing inside Japanese or Arabic text
        pattern = rf"(?<!\w)(?:{pattern})(?!\w)"
    return re.compile(pattern, re.IGNORECASE)


def _hits(patterns: list[str], text: str) -> list[str]:
    return [m.group() for p in patterns for m in [_compiled(p).search(text)] if m]


def choose_framework(text: str, subject: str) -> FrameworkChoice:
    """The framework for ``text``; ``subject`` (brand or product) is named in the reason."""
    explicit = _EXPLICIT.search(text)
    if explicit:
        name = explicit.group(1)
        return FrameworkChoice(name, f"The prompt asks for {name} ({_NAMES[name]}) by name.")
    # A pain word inside "from ... to ..." describes the before of a change, not a pain point.
    pas = _hits(_PAS, re.sub(rf"(?<!\w){_FROM_TO}", " ", text, flags=re.IGNORECASE))
    bab, aida = _hits(_BAB, text), _hits(_AIDA, text)
    if pas and len(pas) >= len(bab):
        cue = pas[0]
        return FrameworkChoice(
            "PAS",
            f"The prompt leads with a pain point (\u201c{cue}\u201d), so Problem-Agitate-"
            f"Solution names it, makes it sting, then shows {subject} as the fix.",
        )
    if bab:
        cue = bab[0]
        return FrameworkChoice(
            "BAB",
            f"The prompt promises a change (\u201c{cue}\u201d), so Before-After-Bridge shows "
            f"life before, the result after, and {subject} as the bridge between them.",
        )
    if aida:
        cue = aida[0]
        return FrameworkChoice(
            "AIDA",
            f"A launch/awareness brief (\u201c{cue}\u201d): Attention-Interest-Desire-Action "
            f"hooks new viewers, shows what makes {subject} different, then asks them to act.",
        )
    return FrameworkChoice(
        "AIDA",
        f"No pain point or transformation in the prompt, so the ad builds awareness: "
        f"Attention-Interest-Desire-Action introduces {subject} and ends on a clear action.",
    )

"""Reading the rest of the brief from the prompt: language, offer, audience, benefits,
platform, mood, colour grade, typeface and brand colours.

Everything is a pure function of the sanitized prompt text, so the same prompt always gives
the same brief.
"""

from __future__ import annotations

import re

from pipeline.colors import hex_luminance
from pipeline.providers.copywriting import lexicon as lx
from pipeline.providers.copywriting.catalog import Category

# -- language ----------------------------------------------------------------------------

_ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]")
_KANA = re.compile(r"[\u3040-\u30FF\u31F0-\u31FF]")
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


def detect_language(text: str) -> str:
    """ISO 639-1 code of the prompt: ar, ja, fr or en (the languages the copy is written in).

    Kana marks Japanese; Han characters alone (Chinese) fall back to English copy, which the
    overlay fonts can always draw, rather than pretending to write Chinese.
    """
    letters = sum(1 for c in text if c.isalpha())
    if letters and len(_ARABIC.findall(text)) / letters > 0.3:
        return "ar"
    if _KANA.search(text):
        return "ja"
    words = [w.lower() for w in _WORD.findall(text)]
    french = sum(1 for w in words if w in lx.FRENCH_HINTS)
    french += 2 * len(re.findall(r"\b[ldjcqu]'[^\W\d_]", text.lower()))
    english = sum(1 for w in words if w in lx.ENGLISH_HINTS)
    return "fr" if french >= 2 and french > english else "en"


# -- offer -------------------------------------------------------------------------------

_DEAL_EN = [
    r"(?:up to\s+)?\d{1,2}\s?%\s?off(?:\s+(?:everything|sitewide|all\s+[\w-]+"
    r"(?:\s+(?!for|at|on|in|this|with|until|till|through|and)[\w-]+)?|"
    r"your first \w+))?",
    r"[$€£]\s?\d+(?:,\d{3})*(?:\.\d\d)?\s?off(?:\s+your first \w+)?",
    r"save\s+(?:up to\s+)?(?:\d{1,2}\s?%|[$€£]\s?\d+(?:\.\d\d)?)",
    r"buy one,?\s+get one(?:\s+free)?|\bbogo\b|\b2[- ]for[- ]1\b|two for one",
    r"(?:your\s+)?(?:first|1st)\s+(?:[\w-]+\s+){0,2}?(?:is\s+|are\s+)?(?:free|on us)",
    r"free\s+(?:\d+[- ]day\s+|first\s+)?(?:trial|shipping|delivery|returns|consultation|class|"
    r"session|lesson|month|week|coffee|dessert|gift|sample|tasting|drink|upgrade|installation|"
    r"check-?up|quote|estimate|assessment|inspection|exam|wash|walk)",
    r"\d+[- ](?:day|week|month)\s+free\s+trial",
    r"join (?:us )?(?:for )?free|free to join",
    r"half[- ]price\s+\w+|half off",
    r"(?:book|buy|stay|get)\s+\d+\s+[\w-]+,?\s+(?:and\s+)?get\s+(?:\d+|one|the \w+)\s+"
    r"(?:[\w-]+\s+)?free",
    r"(?:use\s+)?code\s+[A-Z0-9]{3,12}",
    r"no\s+(?:joining|sign-?up|setup|set-up|membership|booking|delivery|enrol(?:l?ment))\s+fees?",
]
_WHEN_EN = (
    r"(?:this|next|every)\s+(?:weekend|week|month|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday)|(?:this|all)\s+(?:january|february|march|april|may|june|july|august|"
    r"september|october|november|december)|(?:today|tonight|tomorrow)(?:\s+only)?|"
    r"(?:until|till|through|thru)\s+"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|the end of the month|"
    r"midnight|\w+ \d{1,2})|on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"black friday|cyber monday|for a limited time|limited time only"
)
_EVENT_EN = r"grand opening|opening|now open|reopening|launch party|pop-up|tasting night"
_DEAL_FR = [
    r"-?\s?\d{1,2}\s?%(?:\s+de\s+(?:réduction|remise))?",
    r"(?:premier|première|1er|1re)\s+[\w-]+\s+(?:offerte?|gratuite?)\b",
    r"livraison\s+(?:gratuite|offerte)",
    r"[\w-]+\s+(?:offerte?s?|gratuite?s?)\b",
    r"essai\s+gratuit",
]
_WHEN_FR = (
    r"ce\s+(?:week-end|samedi|dimanche|lundi|mardi|mercredi|jeudi|vendredi|mois)|"
    r"aujourd'hui|jusqu'à\s+\w+"
)
_DEAL_JA = [
    r"\d{1,2}\s?[%％]\s?(?:オフ|OFF|off|引き)",
    r"半額",
    r"初回無料",
    r"送料無料",
    r"無料体験",
    r"[\w]{1,6}無料",
]
_WHEN_JA = r"今週末|今週の?[月火水木金土日]曜日?|[月火水木金土日]曜日限定|本日限定|期間限定"
_DEAL_AR = [
    r"خصم\s?\d{1,2}\s?[%٪]",
    r"\d{1,2}\s?[%٪]\s?خصم",
    # The ordinal follows its noun: "القهوة الأولى مجانا" (the first coffee free).
    r"[\w]+\s+(?:الأولى|الأول)\s+مجان[اًي]+",
    r"[\w]+\s+مجان[اًي]+",
    r"توصيل مجاني",
]
_WHEN_AR = (
    r"هذا\s+(?:السبت|الأحد|الاثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|الأسبوع)|"
    r"نهاية الأسبوع|اليوم فقط|لفترة محدودة"
)

_OFFER_RULES = {
    "en": (_DEAL_EN, _WHEN_EN, _EVENT_EN),
    "fr": (_DEAL_FR, _WHEN_FR, r"grande ouverture|ouverture|inauguration"),
    "ja": (_DEAL_JA, _WHEN_JA, r"グランドオープン|オープン|新発売"),
    "ar": (_DEAL_AR, _WHEN_AR, r"الافتتاح الكبير|افتتاح"),
}


def _first(patterns: list[str] | str, text: str) -> re.Match[str] | None:
    hits = [
        m
        for p in ([patterns] if isinstance(patterns, str) else patterns)
        for m in [re.search(p, text, re.IGNORECASE)]
        if m
    ]
    return min(hits, key=lambda m: m.start()) if hits else None


_SALE_DAYS = r"black friday|cyber monday|limited time"


def find_offer(text: str, language: str) -> str | None:
    """The concrete offer or date the prompt states ("50% off this Saturday"), else None."""
    deals, when, event = _OFFER_RULES.get(language, _OFFER_RULES["en"])
    deal_m, when_m, event_m = _first(deals, text), _first(when, text), _first(event, text)
    parts: list[tuple[int, str]] = []
    if deal_m:
        parts.append((deal_m.start(), re.sub(r"\s+", " ", deal_m.group()).strip(" ,.-")))
    elif event_m:
        parts.append((event_m.start(), event_m.group()))
    if when_m and (parts or event_m is None):
        piece = when_m.group()
        if not parts or piece.lower() not in parts[0][1].lower():
            parts.append((when_m.start(), piece))
    if not parts:
        return None
    if not deal_m and not event_m and not re.search(_SALE_DAYS, parts[0][1], re.IGNORECASE):
        return None  # "relax this weekend", "book today": a nudge, not an offer to show
    if not deal_m and not when_m and parts[0][1].lower() == "opening":
        return "Now opening"  # "Opening." alone reads as a stray word
    if language == "ja":  # Japanese reads in the prompt's order: 今週末50%オフ
        parts.sort()
    if len(parts) == 2 and re.fullmatch(r"black friday|cyber monday", parts[1][1], re.I):
        return f"{parts[1][1].title()}: {parts[0][1]}"[:80]
    sep = "" if language == "ja" else " "
    offer = sep.join(p for _, p in parts)
    offer = re.sub(r"^(?:your|use)\s+", "", offer, flags=re.IGNORECASE)
    return (offer[0].upper() + offer[1:])[:80]


#: A call to action the prompt itself gives ("..., book a tour", "tickets on sale now"): a
#: verb at the start of a clause (never the prompt's own first word, which asks us for the ad).
_CTA_VERBS = (
    r"book|order|shop|visit|download|get|grab|try|join|reserve|subscribe|claim|register|"
    r"enrol|enroll|apply|listen|play|install|call|sign up|stop by|swing by|come (?:in|by|visit)"
)
_CTA = re.compile(
    rf"(?:[,.;:!?]\s*|\s(?:and|then|so)\s+|\s[-–—]\s+)(?:please\s+)?({_CTA_VERBS})"
    r"((?:\s+(?!and\b|for\b|with\b|to\b|at\b|in\b|on\b|by\b|this\b|until\b)[\w'’-]+){0,3})"
    r"(?=\s*(?:[,.;:!?]|$)|\s+(?:at|for|with|in|on|by|to|and)\b)",
    re.IGNORECASE,
)
_TICKETS = re.compile(r"\btickets?\s+(?:are\s+|now\s+)?on\s+sale\b", re.IGNORECASE)


def find_cta(text: str) -> str | None:
    """The call to action the prompt gives, in two to four words, else None."""
    if _TICKETS.search(text):
        return "Get your tickets"
    for m in _CTA.finditer(text):
        words = f"{m.group(1)}{m.group(2)}".split()
        if 1 <= len(words) <= 4:
            line = " ".join(words)
            return line[0].upper() + line[1:]
    return None


_PAIN = re.compile(
    r"\b(tired of|sick of|fed up with|struggling with|sick and tired of|done with)\s+"
    r"([^,.;:!?]{3,48})",
    re.IGNORECASE,
)


def find_pain(text: str, brand: str) -> str | None:
    """The pain the prompt names, as a problem line: "Tired of chasing late payments?"."""
    m = _PAIN.search(text)
    if not m:
        return None
    words = m.group(2).split()
    stop = [i for i, w in enumerate(words) if w.lower() in ("with", "try", "meet", "use")]
    words = words[: stop[0]] if stop else words
    line = f"{m.group(1)} {' '.join(words)}?"
    if not words or len(line.split()) > 7 or (brand and brand.lower() in line.lower()):
        return None
    return line[0].upper() + line[1:]


# -- audience and benefits -----------------------------------------------------------------

_AUDIENCE = re.compile(
    r"\b(?:for|targeting|aimed at|targeted at|made for|perfect for)\s+"
    r"((?:[\w'’-]+\s+){0,4}?[\w'’-]+?)(?=\s+(?:who|that|on|in|with|and|to|at|this|from)\b|"
    r"[,.;!?]|$)",
    re.IGNORECASE,
)
_PEOPLE = lx._words(
    "people women men kids children parents moms mums dads families teens students "
    "professionals freelancers founders runners athletes gamers travelers travellers "
    "creators developers designers teams businesses owners lovers fans beginners seniors "
    "millennials gen-z couples brides foodies locals commuters nurses teachers everyone "
    "shoppers hikers climbers cyclists riders readers makers entrepreneurs"
)
_NOT_AUDIENCE = lx._words("customers clients members subscribers orders users buyers")
_WITH = re.compile(r"\b(?:with|featuring|that has|offering)\s+([^,.;!?]{4,60})", re.IGNORECASE)


def find_audience(text: str, brand: str, product: str) -> str | None:
    """The people the prompt names ("for busy parents"), if any."""
    for m in _AUDIENCE.finditer(text):
        phrase = m.group(1).strip()
        words = phrase.split()
        words = [w for w in words if w.lower() not in lx.DETERMINERS]
        if not words:
            continue
        last = words[-1].lower().strip("'’")
        if last in _NOT_AUDIENCE:  # "first walk free for new customers" qualifies an offer
            continue
        if last in _PEOPLE or (last.endswith(("ers", "ists", "ians")) and len(last) > 4):
            phrase = " ".join(words)
            if (brand and brand.lower() in phrase.lower()) or product.lower() in phrase.lower():
                continue
            return phrase[:160]
    return None


def find_benefits(text: str, brand: str) -> list[str]:
    """Features the prompt states ("with a grippy Vibram sole") as short benefit lines."""
    out = []
    for m in _WITH.finditer(text):
        words = m.group(1).split()
        while words and words[0].lower() in lx.DETERMINERS - {"a", "an"}:
            words.pop(0)  # "with our new formula"; "with a grippy sole" keeps its article
        cut = [i for i, w in enumerate(words) if w.lower() in ("for", "on", "in", "and", "to")]
        if cut:
            words = words[: cut[0]]
        if not 2 <= len(words) <= 7 or words[0].lower() in lx.PLATFORM_WORDS:
            continue
        line = " ".join(words)
        if brand and brand.lower() in line.lower():
            continue
        out.append(line[0].upper() + line[1:])
    return out[:2]


# -- platform, mood, style, type -----------------------------------------------------------

_PLATFORMS = (
    ("tiktok", r"tik\s?tok"),
    ("youtube_shorts", r"youtube\s?shorts|yt shorts|\bshorts\b"),
    ("youtube", r"youtube|\byt\b"),
    ("facebook", r"facebook|\bfb\b"),
    ("linkedin", r"linked\s?in"),
    ("instagram", r"instagram|\binsta\b|\breels?\b|\big\b"),
)


def find_platform(text: str) -> str:
    """Where the ad runs; Instagram Reels unless the prompt names another platform (the
    first named; "YouTube Shorts" before "YouTube")."""
    low = text.lower()
    hits = [
        (m.start(), -len(m.group()), name)
        for name, pat in _PLATFORMS
        for m in [re.search(pat, low)]
        if m
    ]
    return min(hits)[2] if hits else "instagram"


# Luxury is warm, not noir: a black-and-gold palette needs its gold, which a desaturating
# grade turns grey. Noir is kept for prompts that ask for it ("dark", "moody", "noir").
MOOD_STYLE = {
    "luxury": "warm",
    "energetic": "vibrant",
    "upbeat": "warm",
    "calm": "muted",
    "corporate": "cool",
    "playful": "vibrant",
}
MOOD_FONT = {
    "luxury": "serif",
    "energetic": "condensed",
    "upbeat": "sans",
    "calm": "serif",
    "corporate": "sans",
    "playful": "rounded",
}
MOOD_TONE = {
    "luxury": "refined, confident and understated",
    "energetic": "bold, driven and high-energy",
    "upbeat": "warm, bright and welcoming",
    "calm": "gentle, reassuring and unhurried",
    "corporate": "clear, capable and trustworthy",
    "playful": "cheeky, colourful and fun",
}
MOOD_PALETTE = {
    "luxury": ("#111111", "#2B2B2B", "#C9A96E", "#F5F1E8"),
    "energetic": ("#0D0D0D", "#FF4D00", "#C6FF00", "#FFFFFF"),
    "upbeat": ("#E85D3F", "#FFE8C2", "#FFB400", "#FFFFFF"),
    "calm": ("#5E6B5A", "#E9E4DA", "#A3B18A", "#FFFFFF"),
    "corporate": ("#1B2A41", "#E8EEF6", "#2F80ED", "#FFFFFF"),
    "playful": ("#FF5DA2", "#FFD23F", "#3BCEAC", "#FFFFFF"),
}


def choose_mood(words: set[str], category: Category) -> str:
    """The mood the prompt's words ask for; the category's usual mood when they are silent."""
    scores = {mood: len(words & cues) for mood, cues in lx.MOOD_CUES.items()}
    best = max(scores.values())
    if best == 0 or scores.get(category.mood, 0) == best:
        return category.mood
    return next(m for m in lx.MOOD_CUES if scores[m] == best)


def choose_style(words: set[str], mood: str, category: Category) -> str:
    """The colour grade: named by the prompt, else the category's, else the mood's."""
    for style, cues in lx.STYLE_CUES.items():
        if words & cues:
            return style
    return category.style if mood == category.mood else MOOD_STYLE[mood]


def choose_font(mood: str, category: Category) -> str:
    """Serif for luxury and calm, condensed for sport, rounded for play, sans otherwise."""
    if category.sport and mood in ("energetic", "upbeat"):
        return "condensed"
    return MOOD_FONT[mood]


# -- colours -----------------------------------------------------------------------------

_HEX_CODE = re.compile(r"#([0-9A-Fa-f]{6}|[0-9A-Fa-f]{3})\b")


def _color_names() -> re.Pattern[str]:
    names = sorted(lx.COLORS, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(n) for n in names) + r")\b", re.IGNORECASE)


_COLOR_NAMES = _color_names()


def find_colors(text: str) -> list[str]:
    """Colours the prompt names (words or hex codes), in order, as #RRGGBB."""
    found: list[tuple[int, str]] = []
    for m in _HEX_CODE.finditer(text):
        code = m.group(1)
        if len(code) == 3:
            code = "".join(c * 2 for c in code)
        found.append((m.start(), "#" + code.upper()))
    for m in _COLOR_NAMES.finditer(text):
        found.append((m.start(), lx.COLORS[m.group(1).lower()]))
    out: list[str] = []
    for _, code in sorted(found):
        if code not in out:
            out.append(code)
    return out


def brand_colors(named: list[str], mood: str, category: Category) -> tuple[str, str, str, str]:
    """(primary, secondary, accent, text): the prompt's colours first, the rest to fit.

    With two or more named colours the darkest becomes the primary (the plate behind text)
    and the next named one the accent, so "gold and black" reads gold on black.
    """
    base = category.palette if (category.palette and mood == category.mood) else MOOD_PALETTE[mood]
    primary, secondary, accent, text = base
    if len(named) == 1:
        primary = named[0]
    elif named:
        ordered = sorted(named[:3], key=hex_luminance)
        primary = ordered[0]
        rest = [c for c in named[:3] if c != primary]
        accent = rest[0]
        secondary = rest[1] if len(rest) > 1 else secondary
    pool = [c for c in (secondary, accent, base[1], base[2], base[0]) if c != primary]
    secondary, accent = pool[0], next(c for c in pool[1:] if c != pool[0])
    light = hex_luminance(primary) > 0.35
    if named:
        text = "#111111" if light else "#FFFFFF"
    elif light and hex_luminance(text) > 0.35:
        text = "#111111"
    return primary, secondary, accent, text

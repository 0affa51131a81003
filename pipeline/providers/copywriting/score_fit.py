"""The scorer's checks of fit: the call to action suits the kind of product, the hook is more
than a deadline or a price, a price the prompt gives reaches the close, and no line names a
thing another kind of business sells.

These tables are the scorer's own (a reader's judgement), kept apart from the director's rules
so a score cannot rise by the director agreeing with itself.
"""

from __future__ import annotations

import re
import unicodedata

#: Calls to action that fit a kind, when a corpus line does not list them ("kind>book,call").
#: Keys are matched as words of the corpus kind label ("app", not "apparel").
KIND_ACTIONS: dict[str, tuple[str, ...]] = {
    "hotel": ("book", "reserv", "réserv", "buch", "prenot", "stay"),
    "airline": ("book", "reserv", "réserv", "buch", "prenot", "fly"),
    "ferry": ("book", "reserv", "réserv", "buch", "prenot"),
    "travel": ("book", "reserv", "réserv", "buch", "prenot", "plan"),
    "app": ("download", "descarg", "télécharg", "herunterl", "baix", "scaric", "get", "try"),
    "charity": ("donat", "don", "give", "spend", "doe", "dona", "help"),
    "software": (
        "try",
        "start",
        "book",
        "demo",
        "prueb",
        "empiez",
        "essay",
        "commenc",
        "test",
        "experiment",
        "comec",
        "prova",
        "inizi",
    ),
}

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def _plain(text: str) -> str:
    """``text`` without accents ("llámanos" -> "llamanos"), so stems match."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def actions_for(kind: str) -> tuple[str, ...]:
    """The action stems that fit ``kind`` ("ferry pass>book,get" -> book, get); empty when
    the corpus does not say and the kind is not in :data:`KIND_ACTIONS`."""
    if ">" in kind:
        return tuple(a.strip().lower() for a in kind.split(">", 1)[1].split(",") if a.strip())
    low = kind.lower()
    return next((a for key, a in KIND_ACTIONS.items() if re.search(rf"\b{key}s?\b", low)), ())


#: Other words a reader takes for the same action ("Stop by today" is a visit).
SAME_ACTION: dict[str, tuple[str, ...]] = {
    "visit": ("stop by", "come in", "drop in", "see you", "pop in", "find us"),
    "visita": ("ven", "te esperamos", "pasa"),
    "venez": ("passez", "on vous attend"),
    "besuchen": ("kommen", "vorbei"),
    "visite": ("venha", "passe"),
    "vieni": ("passa", "ti aspettiamo"),
    "book": ("reserve", "save your seat", "save your spot"),
    "call": ("phone", "ring"),
    "buy": ("order", "shop"),
    "shop": ("order", "buy"),
    "subscribe": ("start watching", "sign up"),
    "join": ("sign up", "become a member"),
    "enrol": ("enroll", "sign up", "register"),
    "quote": ("estimate",),
}


def cta_fits(cta: str, actions: tuple[str, ...]) -> bool:
    """The call to action uses one of ``actions`` (stems: "reserv" fits "Reserva ya")."""
    low = _plain(cta.lower())
    words = _WORD.findall(low)
    actions = tuple(_plain(a) for a in actions)
    actions = actions + tuple(s for a in actions for s in SAME_ACTION.get(a, ()))
    for action in actions:
        stem = action.split()[0][:5]
        if action in low or any(w.startswith(stem) for w in words):
            return True
    return False


_DEADLINE = re.compile(
    r"\b(?:before|until|till|by|ends?|antes|hasta|avant|jusqu|bis|vor|até|entro|fino|tot|"
    r"voor|deadline|last chance|only until)\b",
    re.IGNORECASE,
)
_WHEN = re.compile(
    r"\b(?:noon|midnight|today|tonight|tomorrow|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|weekend|january|february|march|april|may|june|july|august|september|"
    r"october|november|december|\d{1,2}(?:st|nd|rd|th)?|lunes|martes|viernes|sábado|domingo|"
    r"lundi|vendredi|samedi|dimanche|montag|freitag|samstag|sonntag|sexta|sábado|domenica|"
    r"venerdì|sabato|marzo|mayo|junio|mars|juin|märz|juni|enero)\b",
    re.IGNORECASE,
)
PRICE = re.compile(
    r"(?:[$€£¥]|R\$|kr|zł)\s?\d[\d.,]*|\d[\d.,]*\s?(?:€|euros?|eur|kr|zł|dollars?|円|元|"
    r"reais)(?!\w)",
    re.IGNORECASE,
)


def _left(text: str, *cuts: re.Pattern[str]) -> list[str]:
    for cut in cuts:
        text = cut.sub(" ", text)
    return [w for w in _WORD.findall(text) if len(w) >= 3]


def weak_hook(hook: str, brand: str) -> bool:
    """A hook that is only a deadline ("Book before Friday") or only a price ("From $89")."""
    text = hook.replace(brand, " ") if brand else hook
    deadline = bool(_DEADLINE.search(text) and _WHEN.search(text))
    price = bool(PRICE.search(text))
    if not (deadline or price):
        return False
    rest = _left(text, _DEADLINE, _WHEN, PRICE)
    fillers = {"now", "only", "just", "from", "book", "order", "get", "yours", "the", "and"}
    return len([w for w in rest if w.lower() not in fillers]) < 2


def fragment(line: str, audience: str, for_people: str, for_word: str = "") -> bool:
    """A line no reader takes for a sentence: only a price or a number ("£5."), only whom
    the product is for ("Pour artisans.", for_people filled with ``audience``), or one that
    stops on its "for" ("Buchhaltungssoftware für.", ``for_word``: pass none for English,
    which may end a sentence on a preposition)."""
    bare = line.strip().rstrip(".。!")
    if bare and not re.search(r"[^\W\d_]", PRICE.sub(" ", bare).replace("%", " ")):
        return True  # nothing but a price or digits
    words = bare.split()
    if for_word and words and words[-1].casefold() == for_word.casefold():
        return True  # English may end on "for" ("... you've been waiting for."): not asked
    if not audience or "{name}" in for_people:
        return False
    return bare.casefold() == for_people.format(audience=audience).casefold()


def prices(prompt: str) -> list[str]:
    """The digits of every price the prompt states ("$89" -> "89", "19,99 €" -> "19,99")."""
    return [re.sub(r"[^\d.,]", "", m.group()).strip(".,") for m in PRICE.finditer(prompt)]


#: Nouns that belong to one kind of business; a line naming one under another kind, when the
#: prompt never says it, borrowed a bank line from the wrong product.
#: Kinds that serve food: words about flavour and taste belong to them.
_EATERIES = ("pizza", "sushi", "taco", "taqueria", "restaurant", "meal", "burger", "steak",
             "bakery", "butcher", "smoothie")  # fmt: skip
KIND_NOUNS: dict[str, tuple[str, ...]] = {
    "bowl": ("pet food", "dog food", "cat food", "restaurant", "ramen", "poke"),
    "trial bag": ("pet food", "dog food", "cat food", "coffee"),
    "kibble": ("pet food", "dog food"),
    "treats": ("pet food", "dog food", "bakery", "pet"),
    "croissant": ("bakery", "boulangerie", "café", "coffee"),
    "checkup": ("dent", "clinic", "vet"),
    "smile": ("dent",),
    "barista": ("coffee", "café"),
    "espresso": ("coffee", "café"),
    "crust": ("pizza", "bakery", "pie"),
    "brew": ("beer", "coffee", "tea", "brewery", "kombucha"),
    "pour": ("wine", "beer", "spirits", "coffee", "tea", "gin", "brewery", "winery"),
    "sip": (
        "wine",
        "beer",
        "spirits",
        "coffee",
        "tea",
        "juice",
        "gin",
        "kombucha",
        "water",
        "drink",
        "smoothie",
    ),
    "flavour": ("ice cream", "food", "drink", "coffee", "tea", "juice", "chocolate", *_EATERIES),
    "stay": ("hotel", "travel", "hostel", "campsite", "glamping", "cruise", "spa hotel"),
    "room": ("hotel", "hostel", "escape", "museum", "spa", "cleaning"),
    "workout": ("fitness", "gym", "yoga", "climbing", "martial"),
    "reps": ("fitness", "gym"),
    "leash": ("pet", "dog"),
    "stitch": ("fashion", "clothes", "tailor"),
    "skin": ("skincare", "spa", "makeup", "beauty"),
    "ride": ("bike", "car", "scooter", "rideshare", "motorbike", "ev", "train", "ferry", "transit"),
    "menu": ("restaurant", "catering", "pizza", "burger", "sushi", "café"),
    "table": ("restaurant", "furniture", "steakhouse", "coffee", "café"),
    "plate": ("restaurant", "catering", "food"),
    "taste": ("food", "wine", "beer", "drink", "chocolate", "coffee", "juice", *_EATERIES),
}
KIND_NOUNS["flavor"] = KIND_NOUNS["flavour"]  # the US spelling names the same kinds


def foreign_nouns(kind: str, prompt: str, screen_lines: list[str]) -> list[str]:
    """Nouns of another kind of business on screen that the prompt never says."""
    low_kind, low_prompt = kind.split(">", 1)[0].lower(), prompt.lower()
    out = []
    for line in screen_lines:
        low = line.lower()
        for noun, kinds in KIND_NOUNS.items():
            if (
                re.search(rf"\b{noun}", low)
                and noun not in low_prompt
                and not any(k in low_kind for k in kinds)
            ):
                out.append(f"{noun} in {line!r}")
    return out

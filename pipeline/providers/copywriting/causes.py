"""Causes and public bodies: what a viewer does for a charity, an election, a library.

A charity often never says "donate": it says what the money does ("£5 a month gives a child
clean water", "con 10 € al mes das agua potable a una familia"). An amount, then a giving
verb, then someone or something it is given to (a child, a family, a dog, a tree, a meal),
in any of the ten Latin-script languages, reads as a cause: the viewer gives. Elections
(a candidate "for city council", "polls open"), places of worship, libraries, councils,
censuses and calls for volunteers each have their own action too; places of worship and
libraries only when the naming clause is about them ("a 3 minutos de la catedral" is where
a hotel stands). :func:`cause_action` is asked before the product's kind, because these
words say what the ad is *for* better than any noun in it ("clean water" is not sold
here); a council's notice (:func:`public_body`) keeps any action its words name ("ayudas":
apply) and otherwise asks the viewer to find out more.
"""

from __future__ import annotations

import re

from pipeline.providers.copywriting.facts import clauses

_AMOUNT = (
    r"(?:(?:[$£€¥₹]|r\$|us\$)\s?\d[\d.,]*|\d[\d.,]*\s?(?:€|\$|£|eur\b|euros?\b|usd\b|gbp\b|"
    r"zł|kr\b|sek\b|tl\b|₺|reais\b|dólares\b|dollars?\b|pounds?\b))"
)
#: What the money does, by language (third person, or the donor as "you").
_GIVES = (
    r"gives?|feeds?|plants?|provides?|puts?|funds?|sponsors?|helps?|saves?|equips?|"
    r"vaccinates?|shelters?|rescues?|sends?|keeps?|"  # en
    r"das|da|dan|alimenta[ns]?|ayuda[ns]?|aporta[ns]?|regala[ns]?|garantiza[ns]?|"
    r"planta[ns]?|equipa[ns]?|salva[ns]?|"  # es
    r"donnent|donne|nourrit|nourrissent|offrent|offre|permettent|permet|aident|aide|"
    r"équipent|équipe|plantent|plante|financent|finance|sauvent|sauve|"  # fr
    r"schenkst|gibst|hilfst|ernährst|versorgst|versorgen|finanzierst|rettest|pflanzt|"  # de
    r"dá|dão|garante|garantem|alimentam|ajudam|plantam|doam|salvam|"  # pt
    r"dai|nutri|aiuti|doni|regali|garantisci|pianti|sostieni|salvi|"  # it
    r"help je|geef je|voed je|steun je|plant je|red je|helpt|geeft|"  # nl
    r"pomagasz|dajesz|karmisz|ratujesz|zapewniasz|"  # pl
    r"ger du|hjälper du|räddar du|ger"  # sv
)
#: Whom or what it is given to.
_TO = (
    r"child(?:ren)?|kids?|famil(?:y|ies)|dogs?|cats?|pupp(?:y|ies)|kittens?|animals?|"
    r"person|people|students?|"
    r"girls?|boys?|patients?|villages?|schools?|homeless|refugees?|trees?|meals?|orphans?|"
    r"mothers?|elderly|neighbou?rs?|birds?|clean water|"
    r"niñ[oa]s?|famili(?:a|as)|perr[oa]s?|gat[oa]s?|animal(?:es)?|personas?|escuelas?|"
    r"árbol(?:es)?|comidas?|agua potable|"
    r"enfants?|familles?|chiens?|chats?|animaux|personnes?|écoles?|arbres?|repas|sans-abri|"
    r"kind(?:er)?|famili(?:e|en)|hunde?|katzen?|tiere?|menschen|obdachlose[nm]?|schulen?|"
    r"bäume|baum|mahlzeit(?:en)?|"
    r"crianças?|famílias?|cães|cão|cachorros?|gatos?|animais|pessoas?|escolas?|árvores?|"
    r"refeições|refeição|cesta básica|"
    r"bambin[io]|famigli[ae]|can[ei]|gatt[io]|animali|persone|scuole?|alberi|pasti|rifugio|"
    r"kinderen|gezin(?:nen)?|honden?|katten?|dieren|mensen|scholen?|bomen|maaltijd(?:en)?|"
    r"vogels?|"
    r"dzieci|dziecko|rodzin[aęy]?|psy|psa|koty?|zwierzęt|ludzi|szkoł[aęy]|drzew[ao]?|"
    r"posiłk(?:i|ów)|"
    r"barn|familj(?:er)?|hundar?|katter?|djur|människor|skolor?|träd|måltider?"
)
#: "... feeds your dog" sells dog food: the money is not given when the viewer keeps it.
_YOURS = (
    r"you(?!r)\b|your|yours|votre|vos|ton|ta|tes|dein\w*|ihr\w*|tu|tus|su|sus|seu|sua|teu|"
    r"tua|tuo|jouw|uw|tw[oó]j\w*|din|ditt|dina"
)
_CHARITY = re.compile(
    rf"{_AMOUNT}(?:\W+\w+){{0,4}}?\W+(?:{_GIVES})\b(?!\s+(?:{_YOURS})\b)"
    rf"(?:\W+[\w'-]+){{0,6}}?\W+(?:{_TO})\b(?!\s+(?:of|de|van|von)\s+(?:\d|two|three|four|"
    rf"five|six|dos|tres|cuatro|deux|trois|quatre|vier|twee))",  # "feeds a family of four"
    re.IGNORECASE,
)

# fmt: off
_KINDS: tuple[tuple[str, str], ...] = (
    ("donate", r"give blood|donate blood|blood donation|blood donor|donación de sangre|"
        r"don du sang|blutspende|doação de sangue|donazione di sangue|bloed geven|"
        r"bloeddonatie|krwiodawstw|ge blod|kan bağışı"),
    ("vote", r"\bpolls? (?:open|close)|\belection day\b|\bregister to vote\b|"
        r"\bvote (?:on|by|early|in person|by mail)\b|"
        r"^vote (?!for\b|your\b|our\b|the\b|now\b)\w|"
        r"\b(?:general|local|mayoral|primary) elections?\b|"
        r"\bfor (?:city |town |county |state )?(?:council|mayor|governor|senate|congress|"
        r"parliament|school board|sheriff)\b|"
        r"\belecciones\b|para (?:la )?alcald[ií]a|para alcalde|\bélections?\b|"
        r"pour la mairie|\bmunicipales\b|\bwahltag|\bgehen sie wählen|in den (?:stadtrat|"
        r"gemeinderat|landtag|bundestag)|bürgermeister(?:in)?wahl|\beleições\b|"
        r"para prefeit|\bvereador|\belezioni\b|\bsindaco\b|consiglio comunale|"
        r"\bstem op\b|\bverkiezingen\b|gemeenteraad|głosuj|\bwybory\b|\bwyborach\b|"
        r"\brösta på\b|\bvalet\b|\boy ver|\bseçim"),
    ("respond", r"\bcensus\b|\bcenso\b|recensement|\bzensus\b|volkszählung|censimento|"
        r"volkstelling|spis powszechny|folkräkning|nüfus sayımı"),
    ("volunteer", r"\bvolunteers\b|\bvolunteering\b|\bvolunteer (?:with|for|at) us\b|"
        r"\bvoluntari[oa]s\b|\bbénévoles\b|ehrenamtlich|\bfreiwillige\b|"
        r"\bvrijwilligers\b|wolontariusz|volontärer|gönüllüler"),
    ("visit", r"\bchurch\b(?!['’]s)|\bchapel\b|\bparish\b|\bcathedral\b|\bmosque\b|\bsynagogue\b|"
        r"\biglesia\b|\bparroquia\b|\bcatedral\b|\bmezquita\b|\béglise\b|\bparoisse\b|"
        r"\bcathédrale\b|\bmosquée\b|\bkirche\b|\bpfarrei\b|\bigreja\b|\bparóquia\b|"
        r"\bchiesa\b|\bparrocchia\b|\bkerk\b|\bparochie\b|\bkości[oó]ł\b|\bparafi[aię]\b|"
        r"\bkyrka\b|\bförsamling\b|\bcami\b|"
        r"\blibrary\b|\bbiblioteca\b|\bbibliothèque\b|\bmédiathèque\b|bibliothek\b|"
        r"bücherei\b|\bbibliotheek\b|\bbiblioteka\b|\bbibliotek\b|\bkütüphane"),
)
#: A public body speaking (a notice, not a sale), when the naming clause says so.
_PUBLIC = re.compile(
    r"\bcity of\b|\btown of\b|\b(?:county|borough|city|district|town) council\b|"
    r"\bcouncil\b|\bmunicipality\b|\bayuntamiento\b|\bmairie\b|\bcomune di\b|"
    r"\bgemeente\b|stadtverwaltung|\blandkreis\b|\bprefeitura\b|\burząd miasta\b|"
    r"\bkommun\b|\bbelediye",
    re.IGNORECASE,
)
#: Kinds read only in the naming clause: "a 3 minutos de la catedral" is where a hotel is.
_SUBJECT_ONLY = {"visit"}
# fmt: on
_KIND_RX = tuple((action, re.compile(rx, re.IGNORECASE)) for action, rx in _KINDS)

#: Calls to action for the actions only causes have (2-4 words, CJK one phrase).
CAUSE_CTAS: dict[str, dict[str, tuple[str, ...]]] = {
    "vote": {
        "en": ("Vote on election day", "Cast your vote"), "es": ("Ve a votar",),
        "fr": ("Votez",), "de": ("Wählen gehen",), "pt": ("Vá votar",),
        "it": ("Vai a votare",), "nl": ("Ga stemmen",), "pl": ("Idź głosować",),
        "sv": ("Rösta",), "tr": ("Oy verin",), "ja": ("投票に行こう",), "zh": ("请去投票",),
        "ar": ("صوّت",),
    },
    "respond": {
        "en": ("Complete it today", "Fill it in online"), "es": ("Complétalo hoy",),
        "fr": ("Répondez en ligne",), "de": ("Jetzt teilnehmen",), "pt": ("Responda já",),
        "it": ("Compila ora",), "nl": ("Vul hem nu in",), "pl": ("Wypełnij teraz",),
        "sv": ("Svara nu",), "tr": ("Hemen yanıtla",), "ja": ("今すぐ回答",),
        "zh": ("立即填写",), "ar": ("شارك الآن",),
    },
    "volunteer": {
        "en": ("Volunteer today", "Sign up to help"), "es": ("Hazte voluntario",),
        "fr": ("Devenez bénévole",), "de": ("Jetzt mitmachen",), "pt": ("Seja voluntário",),
        "it": ("Diventa volontario",), "nl": ("Word vrijwilliger",),
        "pl": ("Zostań wolontariuszem",), "sv": ("Bli volontär",), "tr": ("Gönüllü ol",),
        "ja": ("ボランティアに参加",), "zh": ("加入志愿者",), "ar": ("تطوّع الآن",),
    },
    "visit": {
        "en": ("Visit us", "Come and see us"), "es": ("Ven a visitarnos",),
        "fr": ("Venez nous voir",), "de": ("Besuchen Sie uns",), "pt": ("Venha nos visitar",),
        "it": ("Vieni a trovarci",), "nl": ("Kom langs",), "pl": ("Odwiedź nas",),
        "sv": ("Besök oss",), "tr": ("Bizi ziyaret edin",), "ja": ("ぜひお越しください",),
        "zh": ("欢迎光临",), "ar": ("زورونا",),
    },
}  # fmt: skip


def _subject(text: str) -> str:
    """The naming clause (the prompt's first)."""
    return (clauses(text) or [text])[0]


def cause_action(text: str) -> str | None:
    """The action a cause asks for ("donate", "vote", "visit", ...), or None when ``text``
    reads as a business."""
    if _CHARITY.search(text):
        return "donate"
    subject = _subject(text)
    for action, rx in _KIND_RX:
        if rx.search(subject if action in _SUBJECT_ONLY else text):
            return action
    return None


def public_body(text: str) -> bool:
    """Whether the prompt's naming clause names a council or a city (a notice: nothing is
    sold, so no "Shop now")."""
    return bool(_PUBLIC.search(_subject(text)))

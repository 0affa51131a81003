"""The call to action: what the viewer does next, fitted to the kind of product.

A ferry pass is booked, an app downloaded, software tried, a trade called for a quote, a
charity given to, a venue visited; "Shop now" only fits goods. :func:`action_for` reads the
kind from the prompt's words (any of the nine languages); :func:`cta_options` gives the
calls to action for it, then the close joins the offer to the one chosen.
"""

from __future__ import annotations

import re

from pipeline.providers.copywriting.catalog import Category
from pipeline.providers.copywriting.i18n import Locale
from pipeline.providers.copywriting.last_resort import HEADLINE_MAX_CHARS

_BOOKED = {"fitness", "wellness", "travel", "education"}
_REMOTE = re.compile(r"\b(?:online|virtual|remote|live-?streamed|at-home)\b", re.IGNORECASE)
_VISIT = re.compile(r"\b(?:visit|stop by|come|door|drop in|see you)\b", re.IGNORECASE)

TIMED = re.compile(
    r"today|tonight|tomorrow|weekend|week|month|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|samedi|dimanche|week-end|aujourd|今週|曜日|本日|期間|السبت|الأسبوع|اليوم",
    re.IGNORECASE,
)

#: Kinds of product by the words that name them, first match wins (an app for bookings is
#: downloaded, so apps come before bookings). Stems, so plurals and other languages match.
# fmt: off
_KINDS: tuple[tuple[str, str], ...] = (
    ("open", r"\bbank\b|savings account|current account|credit card|\bcuenta\b|\bcompte\b|"
        r"\bkonto\b|\bconto\b|\bconta\b|\bbanco\b|\bbanque\b|口座|账户|حساب"),
    ("donate", r"\bspenden\b|faites un don|\bdoneer|charit|donat|\bngo\b|\bong\b|onlus|"
        r"\bspende\b|\bdons?\b|doação|\bdoe\b|hospice|animal rescue|e\.\s?v\.|"
        r"association caritative|جمعية|慈善|寄付"),
    ("download", r"\bapps?\b|appli\b|application|aplicativo|aplicación|\bapp-|アプリ|应用|"
        r"تطبيق|\bvpn\b|password manager|rideshare|\brides\b|e-scooter|scooters?\b"),
    ("try", r"software|saas|\bcrm\b|platform|analytics|payroll|invoic|logiciel|plataforma|"
        r"piattaforma|project management|zeiterfassung|buchhaltung|boekhouding|fatturazione|"
        r"facturaci|lagerverwaltung|gestão financeira|ソフト|软件|برنامج"),
    ("quote", r"insurance|mortgage|seguro|assurance|versicherung|verzekering|assicurazion|"
        r"plumb|electrician|roofing|roofer|locksmith|pest control|movers|moving company|"
        r"landscap|builders?\b|construction|solar panel|heat pump|boiler|double glazing|"
        r"fontaner|electricista|plombier|électricien|dachdeck|elektriker|idraulic|elettricist|"
        r"eletricista|encanador|loodgieter|industrial|pumps?\b|machining|packaging|web design|"
        r"it support|translation|home batter|wall charger|recruitment|architect|handyman|"
        r"pool clean|presupuesto|devis|ökostrom|stadtwerke|保険|保险"),
    ("book", r"hotel|hostel|ferr(?:y|ies)|flights?\b|airline|cruise|\btours?\b|safari|"
        r"campsite|glamping|car rental|boat hire|coworking|test drive|test ride|car dealer|"
        r"used cars|optician|eye test|hearing aid|photograph|\bdj\b|catering|estate agent|"
        r"apartments?\b|lofts?\b|garage|car service|\brepair|laundry|self storage|cleaning|"
        r"carers?\b|home care|guided|hikes?\b|golf|bowling|trampoline|wedding venue|tutoring|"
        r"lessons?\b|driving school|\bspa\b|salon|barber|clinic|dentist|dental|physio|therap|"
        r"\bvets?\b|appointment|massage|escape room|theatre|theater|cinema|museum|\bzoo\b|"
        r"ski pass|rail pass|ferry pass|trip\b|viaje|voyage|viaggio|reisen\b|\breise\b|"
        r"pousada|hôtel|albergo|peluquer|coiffeur|friseur|parrucch|cabeleireir|zahnarzt|"
        r"tierarzt|arztpraxis|\bkita\b|autohaus|probefahrt|imobiliária|banho e tosa|"
        r"restaurant|ホテル|旅行|酒店|فندق|رحلة"),
    ("join", r"\bgym\b|jiu-jitsu|martial art|\b(?:yoga|pilates)(?:\s+(?:studio|class|school)|$)|"
        r"climbing gym|bouldering|crossfit|"
        r"gimnasio|palestra|academia\b|fitnessstudio|sportschool|salle de sport|siłownia|"
        r"ジム|健身"),
    ("enrol", r"\bcourses?\b|bootcamp|\bcurso|\bcours\b|\bkurs|\bcorso|cursus|講座|课程|دورة"),
    ("subscribe", r"subscription|streaming|newsletter|\bnews\b|newspaper|magazine|podcast|"
        r"abonnement|suscripci|assinatura|abbonamento|订阅|サブスク"),
    ("register", r"conference|marathon|\brace\b|summit\b|webinar|congreso|congrès|kongress|"
        r"congresso|festival|\bmesse\b|\bforum\b|concerts?\b|マラソン|马拉松"),
    ("apply", r"hiring|\bjobs?\b|\bloan\b|university|scholarship|empleo|emploi|stellen|"
        r"vagas|lavoro|ayudas|subsid"),
)
# fmt: on
_KIND_RX = tuple((action, re.compile(rx, re.IGNORECASE)) for action, rx in _KINDS)

#: Kinds a catalog category implies when no word of the prompt names one.
_CATEGORY_ACTIONS = {
    **dict.fromkeys(
        ("watch", "jewelry", "footwear", "apparel", "skincare", "fragrance", "electronics",
         "home", "toys"),
        "shop",
    ),
    "beverage": "order",
    "pet": "order",
    "travel": "book",
    "education": "enrol",
    "fitness": "join",
    "generic": "shop",
}  # fmt: skip

#: Calls to action per action and language (2-4 words, the CJK ones one phrase). None
#: promises anything ("free") the prompt may not offer.
ACTION_CTAS: dict[str, dict[str, tuple[str, ...]]] = {
    "open": {
        "en": ("Open an account", "Open yours today"), "es": ("Ábrela hoy",),
        "fr": ("Ouvrez votre compte",), "de": ("Konto eröffnen",), "pt": ("Abra sua conta",),
        "it": ("Apri il conto",), "ja": ("今すぐ口座開設",), "zh": ("立即开户",),
        "ar": ("افتح حسابك",),
    },
    "shop": {
        "en": ("Shop now", "Order yours today"), "es": ("Compra ya",),
        "fr": ("Achetez maintenant",), "de": ("Jetzt shoppen",), "pt": ("Compre já",),
        "it": ("Acquista ora",), "ja": ("今すぐ購入",), "zh": ("立即购买",), "ar": ("تسوّق الآن",),
    },
    "order": {
        "en": ("Order now", "Order yours today"), "es": ("Pide ya",),
        "fr": ("Commandez maintenant",), "de": ("Jetzt bestellen",), "pt": ("Peça já",),
        "it": ("Ordina ora",), "ja": ("今すぐ注文",), "zh": ("立即下单",), "ar": ("اطلب الآن",),
    },
    "join": {
        "en": ("Join today", "Try a class"), "es": ("Apúntate hoy",),
        "fr": ("Inscrivez-vous",), "de": ("Jetzt Mitglied werden",), "pt": ("Matricule-se já",),
        "it": ("Iscriviti ora",), "ja": ("今すぐ入会",), "zh": ("立即加入",), "ar": ("انضم الآن",),
    },
    "enrol": {
        "en": ("Enrol today", "Sign up today"), "es": ("Inscríbete hoy",),
        "fr": ("Inscrivez-vous",), "de": ("Jetzt anmelden",), "pt": ("Inscreva-se já",),
        "it": ("Iscriviti ora",), "ja": ("今すぐ申し込む",), "zh": ("立即报名",),
        "ar": ("سجّل الآن",),
    },
    "donate": {
        "en": ("Donate today", "Give today"), "es": ("Dona hoy",), "fr": ("Faites un don",),
        "de": ("Jetzt spenden",), "pt": ("Doe hoje",), "it": ("Dona ora",),
        "ja": ("今すぐ寄付",), "zh": ("立即捐款",), "ar": ("تبرّع اليوم",),
    },
    "download": {
        "en": ("Download the app", "Get the app"), "es": ("Descarga la app",),
        "fr": ("Téléchargez l'appli",), "de": ("App herunterladen",), "pt": ("Baixe o app",),
        "it": ("Scarica l'app",), "ja": ("今すぐダウンロード",), "zh": ("立即下载",),
        "ar": ("حمّل التطبيق",),
    },
    "try": {
        "en": ("Get started today", "Book a demo"), "es": ("Empieza hoy",),
        "fr": ("Commencez aujourd'hui",), "de": ("Jetzt starten",), "pt": ("Comece hoje",),
        "it": ("Inizia oggi",), "ja": ("今すぐ始める",), "zh": ("立即开始",), "ar": ("ابدأ الآن",),
    },
    "quote": {
        "en": ("Get a quote", "Call us today", "Request a quote"),
        "es": ("Pide presupuesto", "Llámanos hoy"), "fr": ("Demandez un devis",),
        "de": ("Angebot anfragen", "Jetzt anrufen"), "pt": ("Peça um orçamento",),
        "it": ("Richiedi un preventivo",), "ja": ("見積もりを依頼",), "zh": ("获取报价",),
        "ar": ("اطلب عرض سعر",),
    },
    "book": {
        "en": ("Book now", "Book today", "Book your visit"), "es": ("Reserva ya",),
        "fr": ("Réservez maintenant",), "de": ("Jetzt buchen",), "pt": ("Reserve já",),
        "it": ("Prenota ora",), "ja": ("今すぐ予約",), "zh": ("立即预订",), "ar": ("احجز الآن",),
    },
    "subscribe": {
        "en": ("Subscribe today", "Start watching"), "es": ("Suscríbete hoy",),
        "fr": ("Abonnez-vous",), "de": ("Jetzt abonnieren",), "pt": ("Assine já",),
        "it": ("Abbonati ora",), "ja": ("今すぐ登録",), "zh": ("立即订阅",),
        "ar": ("اشترك الآن",),
    },
    "register": {
        "en": ("Register now", "Get your ticket"), "es": ("Inscríbete ya",),
        "fr": ("Inscrivez-vous",), "de": ("Jetzt anmelden",), "pt": ("Inscreva-se já",),
        "it": ("Iscriviti ora",), "ja": ("今すぐ申し込む",), "zh": ("立即报名",),
        "ar": ("سجّل الآن",),
    },
    "apply": {
        "en": ("Apply today", "Apply now"), "es": ("Solicítalo ya",), "fr": ("Postulez",),
        "de": ("Jetzt bewerben",), "pt": ("Candidate-se já",), "it": ("Candidati ora",),
        "ja": ("今すぐ応募",), "zh": ("立即申请",), "ar": ("قدّم الآن",),
    },
}  # fmt: skip


def action_for(text: str, product: str, category: Category | None = None) -> str | None:
    """What the viewer does about this kind of product ("book", "download", ...): read from
    the product's words, then the catalog category (a place people visit keeps its own calls
    to action), then the whole prompt's words; a product of no known kind is bought."""
    for action, rx in _KIND_RX:
        if rx.search(product):
            return action
    key = category.key if category is not None else "generic"
    if key != "generic":
        if key in _CATEGORY_ACTIONS or category is None or not category.local:
            return _CATEGORY_ACTIONS.get(key)
        return None
    found = next((action for action, rx in _KIND_RX if rx.search(text)), None)
    return found or _CATEGORY_ACTIONS.get(key)


def cta_options(
    category: Category,
    locale: Locale | None,
    offer: str | None,
    product: str,
    action: str | None = None,
    language: str = "en",
) -> list[str]:
    """Calls to action for the product's kind (its action first), fitted to the offer."""
    fitted = list(ACTION_CTAS.get(action or "", {}).get(language, ()))
    if fitted:
        tiers = [fitted]
    elif locale is None:
        tiers = [list(category.special_lines("ctas", product)), list(category.ctas)]
    elif category.key in _BOOKED:
        tiers = [list(locale.ctas_book)]
    elif category.local:
        tiers = [list(locale.ctas_local)]
    else:
        tiers = [list(locale.ctas)]
    if _REMOTE.search(product):  # "online yoga classes": nobody visits
        tiers = [[o for o in t if not _VISIT.search(o)] for t in tiers]
    tiers = [t for t in tiers if t] or [["Join today", "Sign up today"]]
    options = tiers[0]
    if offer:
        # "Free first checkup. Book your checkup" repeats itself: prefer a fresh verb.
        taken = {w for w in _norm(offer).split() if len(w) > 3}
        fresh = [[o for o in t if not taken & set(_norm(o).split())] for t in tiers]
        options = next((t for t in fresh if t), options)
    if offer and TIMED.search(offer):
        # "50% off this Saturday. Order today" contradicts itself.
        timeless = [o for o in options if not TIMED.search(o)]
        options = timeless or [TIMED.sub("", o).strip() for o in options]
    return options


def closing(offer: str | None, cta: str, locale: Locale | None) -> str:
    """The last beat: the offer, then the call to action, within the headline limit."""
    if not offer:
        return cta
    join = locale.offer_join if locale else ". "
    room = HEADLINE_MAX_CHARS - len(join) - len(cta)
    offer = offer.rstrip(".!")[: max(0, room)].rstrip(" ,.!")
    return f"{offer}{join}{cta}" if offer else cta


def _norm(text: str) -> str:
    return re.sub(r"[\W_]+", " ", text.lower()).strip()

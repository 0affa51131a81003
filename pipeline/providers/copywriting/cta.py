"""The call to action: what the viewer does next, fitted to the kind of product.

A ferry pass is booked, an app downloaded, software tried, a trade called for a quote, a
charity given to, a venue visited; "Shop now" only fits goods. :func:`action_for` reads the
kind from the prompt's words (any of the nine languages); :func:`cta_options` gives the
calls to action for it, then the close joins the offer to the one chosen.
"""

from __future__ import annotations

import re

from pipeline.providers.copywriting.catalog import Category
from pipeline.providers.copywriting.causes import CAUSE_CTAS, cause_action, public_body
from pipeline.providers.copywriting.i18n import Locale
from pipeline.providers.copywriting.last_resort import HEADLINE_MAX_CHARS
from pipeline.providers.copywriting.product import CTA_CLAUSE, without_purposes

_BOOKED = {"fitness", "wellness", "travel", "education"}
_REMOTE = re.compile(r"\b(?:online|virtual|remote|live-?streamed|at-home)\b", re.IGNORECASE)
_VISIT = re.compile(r"\b(?:visit|stop by|come|door|drop in|see you)\b", re.IGNORECASE)

TIMED = re.compile(
    r"today|tonight|tomorrow|weekend|week|month|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|samedi|dimanche|week-end|aujourd|vandaag|vanavond|zaterdag|zondag|dziś|"
    r"dzisiaj|sobot|niedziel|tydz|tygodni|miesiąc|今週|曜日|本日|期間|السبت|الأسبوع|اليوم",
    re.IGNORECASE,
)

#: Kinds of product by the words that name them, first match wins (an app for bookings is
#: downloaded, so apps come before bookings). Stems, so plurals and other languages match.
# fmt: off
_KINDS: tuple[tuple[str, str], ...] = (
    ("open", r"\bbank\b|savings account|current account|credit card|\bcuenta\b|\bcompte\b|"
        r"\bkonto\b|\bconto\b|\bconta\b|\bbanco\b|\bbanque\b|rekening|口座|账户|حساب"),
    ("donate", r"\bspenden\b|faites un don|\bdoneer|charit|donat|\bngo\b|\bong\b|onlus|"
        r"\bspende\b|\bdons?\b|doação|\bdoe\b|hospice|animal rescue|e\.\s?v\.|"
        r"association caritative|goede doel|darowizn|wesprzyj|fundacj|جمعية|慈善|寄付"),
    ("download", r"\bapps?\b|appli\b|application|aplicativo|aplicación|aplikacj|uygulama|"
        r"appen\b|\bapp-|アプリ|应用|"
        r"تطبيق|\bvpn\b|password manager|rideshare|\brides\b|e-scooter|scooters?\b"),
    ("try", r"software|saas|\bcrm\b|platform|analytics|payroll|invoic|logiciel|plataforma|"
        r"piattaforma|project management|zeiterfassung|buchhaltung|boekhouding|fatturazione|"
        r"facturaci|lagerverwaltung|gestão financeira|oprogramowani|ソフト|软件|برنامج|"
        r"gestionale|programvara|yazılım|"  # software in Italian, Swedish, Turkish
        r"(?:kassen|kassa|buchungs?|boekings?|bokning|termin|afspraak|randevu)s?syste+m|"
        r"sistema de (?:agendamento|reservas|gestión|gestão|citas)|sistema gestionale"),
    ("contact", r"law firm|lawyer|attorney|solicitor|notary|legal advice|accountan|tax advi|"
        r"financial advi|consultan|kanzlei|anwalt|rechtsanw|notar|steuerberat|beratung|"
        r"steuerbüro|steuerkanzlei|abogad|bufete|asesor[ií]a|gestor[ií]a|notar[ií]a|avocat|"
        r"cabinet|notaire|"
        r"conseil juridique|expert-comptable|avvocat|studio legale|commercialista|"
        r"advogad|contabilidade|advocaat|notaris|adwokat|kancelaria|advokat|avukat|"
        r"erstgespräch|erster termin|beratungstermin|free consultation|primera consulta|"
        r"premier rendez-vous|法律事務所|弁護士|律师|محام"),
    ("quote", r"insurance|mortgage|seguro|assurance|versicherung|verzekering|assicurazion|"
        r"plumb|electrician|roofing|roofer|locksmith|pest control|movers|moving company|"
        r"landscap|builders?\b|construction|solar panel|heat pump|boiler|double glazing|"
        r"fontaner|electricista|plombier|électricien|dachdeck|elektriker|idraulic|elettricist|"
        r"eletricista|encanador|loodgieter|industrial|pumps?\b|machining|packaging|web design|"
        r"it support|translation|home batter|wall charger|recruitment|architect|handyman|"
        r"pool clean|presupuesto|devis|ökostrom|stadtwerke|offerte|dakdekker|zonnepanel|"
        r"ubezpiecz|hydraulik|elektryk|wycen|fotowolta|保険|保险"),
    ("book", r"hotel|hostel|ferr(?:y|ies)|flights?\b|airline|cruise|\btours?\b|safari|"
        r"campsite|glamping|car rental|boat hire|coworking|test drive|test ride|car dealer|"
        r"used cars|optician|eye test|hearing aid|photograph|\bdj\b|catering|estate agent|"
        r"apartments?\b|lofts?\b|garage|car service|\brepair|laundry|self storage|cleaning|"
        r"reinigung|limpieza|nettoyage|pulizi|limpeza|schoonmaak|sprzątani|städning|temizlik|"
        r"carers?\b|home care|guided|hikes?\b|golf|bowling|trampoline|wedding venue|tutoring|"
        r"lessons?\b|driving school|\bspa\b|salon|barber|clinic|dentist|dental|physio|therap|"
        r"\bvets?\b|appointment|massage|escape room|theatre|theater|cinema|museum|\bzoo\b|"
        r"ski pass|rail pass|ferry pass|trip\b|viaje|voyage|viaggio|reisen\b|\breise\b|"
        r"pousada|hôtel|albergo|peluquer|coiffeur|friseur|parrucch|cabeleireir|zahnarzt|"
        r"tierarzt|arztpraxis|\bkita\b|autohaus|probefahrt|imobiliária|banho e tosa|"
        r"kapsalon|kapper|tandarts|fysiotherap|dierenarts|fryzjer|dentyst|stomatolog|"
        r"weterynarz|nocleg|wycieczk|pensjonat|\botel\b|hotell|rezervasyon|kuaför|berber|"
        r"frisör|tandläkare|klinik|theme park|water park|amusement park|planetarium|"
        r"(?:aquarium|acuario|aquário|acquario)(?!\s+(?:supplies|shop|store|fish))|"
        r"restaurant|ホテル|旅行|酒店|فندق|رحلة"),
    ("join", r"\bgym\b|jiu-jitsu|martial art|\b(?:yoga|pilates)(?:\s+(?:studio|class|school)|$)|"
        r"climbing gym|bouldering|crossfit|"
        r"gimnasio|palestra|academia\b|fitnessstudio|sportschool|salle de sport|siłownia|"
        r"ジム|健身"),
    ("enrol", r"\bcourses?\b|bootcamp|\bcurso|\bcours\b|\bkurs|\bcorso|cursus|szkoła językowa|"
        r"taalschool|講座|课程|دورة"),
    ("subscribe", r"subscription|streaming|newsletter|\bnews\b|newspaper|magazine|podcast|"
        r"abonnement|suscripci|assinatura|abbonamento|prenumerat|subskrypcj|订阅|サブスク"),
    ("register", r"conference|marathon|\brace\b|summit\b|webinar|congreso|congrès|kongress|"
        r"congresso|festival|festiwal|konferencj|congres\b|koncert|\bmesse\b|\bforum\b|"
        r"concerts?\b|マラソン|马拉松"),
    ("apply", r"hiring|\bjobs?\b|\bloan\b|university|scholarship|empleo|emploi|stellen|"
        r"vagas|lavoro|ayudas|subsid|vacature|lening|kredyt|pożyczk|oferta pracy"),
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
    "learn": {
        "en": ("Learn more", "Find out more"), "es": ("Descubre más",),
        "fr": ("En savoir plus",), "de": ("Mehr erfahren",), "pt": ("Saiba mais",),
        "it": ("Scopri di più",), "ja": ("詳しくはこちら",), "zh": ("了解更多",),
        "ar": ("اعرف المزيد",),
    },
    "contact": {
        "en": ("Book a consultation", "Get in touch", "Call us today"), "es": ("Pida una cita",),
        "fr": ("Prenez rendez-vous",), "de": ("Termin vereinbaren",),
        "pt": ("Agende uma consulta",), "it": ("Prenoti una consulenza",),
        "ja": ("ご相談はこちら",), "zh": ("立即咨询",), "ar": ("تواصل معنا",),
    },
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

#: Dutch, Polish, Swedish and Turkish calls to action per action (2-4 words).
_MORE: dict[str, dict[str, tuple[str, ...]]] = {
    "learn": {"nl": ("Lees meer",), "pl": ("Dowiedz się więcej",), "sv": ("Läs mer",),
              "tr": ("Daha fazla bilgi",)},
    "contact": {"nl": ("Maak een afspraak",), "pl": ("Umów spotkanie",),
                "sv": ("Boka ett möte",), "tr": ("Randevu alın",)},
    "open": {"nl": ("Open een rekening",), "pl": ("Otwórz konto",),
             "sv": ("Öppna ett konto",), "tr": ("Hemen hesap aç",)},
    "shop": {"nl": ("Koop nu",), "pl": ("Kup teraz",), "sv": ("Handla nu",),
             "tr": ("Hemen satın al",)},
    "order": {"nl": ("Bestel nu",), "pl": ("Zamów teraz",), "sv": ("Beställ nu",),
              "tr": ("Hemen sipariş ver",)},
    "join": {"nl": ("Word nu lid",), "pl": ("Dołącz teraz",), "sv": ("Bli medlem",),
             "tr": ("Hemen üye ol",)},
    "enrol": {"nl": ("Schrijf je in",), "pl": ("Zapisz się",), "sv": ("Anmäl dig nu",),
              "tr": ("Hemen kaydol",)},
    "donate": {"nl": ("Doneer nu",), "pl": ("Wesprzyj nas",), "sv": ("Skänk en gåva",),
               "tr": ("Hemen bağış yap",)},
    "download": {"nl": ("Download de app",), "pl": ("Pobierz aplikację",),
                 "sv": ("Ladda ner appen",), "tr": ("Uygulamayı indir",)},
    "try": {"nl": ("Begin vandaag",), "pl": ("Zacznij już dziś",), "sv": ("Kom igång idag",),
            "tr": ("Hemen başla",)},
    "quote": {"nl": ("Vraag een offerte aan",), "pl": ("Poproś o wycenę",),
              "sv": ("Begär en offert",), "tr": ("Teklif alın",)},
    "book": {"nl": ("Boek nu",), "pl": ("Zarezerwuj teraz",), "sv": ("Boka nu",),
             "tr": ("Hemen rezervasyon yap",)},
    "subscribe": {"nl": ("Neem een abonnement",), "pl": ("Zamów subskrypcję",),
                  "sv": ("Prenumerera nu",), "tr": ("Hemen abone ol",)},
    "register": {"nl": ("Meld je aan",), "pl": ("Zarejestruj się",), "sv": ("Anmäl dig nu",),
                 "tr": ("Hemen kayıt ol",)},
    "apply": {"nl": ("Meld je nu aan",), "pl": ("Aplikuj teraz",), "sv": ("Ansök nu",),
              "tr": ("Hemen başvur",)},
}  # fmt: skip
for _action, _ctas in _MORE.items():
    ACTION_CTAS[_action] = {**ACTION_CTAS[_action], **_ctas}
ACTION_CTAS.update(CAUSE_CTAS)


#: Tickets the prompt sells ("tickets £12", "entradas anticipadas", "ingressos"): the viewer
#: gets one, whatever the event is called ("Jazz Night", "festa junina"). Not a menu's
#: "entrada" (a starter) nor an "ingresso libero" (free entry).
_TICKETS = re.compile(
    r"\btickets?\b|\bentradas (?:anticipadas|a la venta|ya|desde|por|\d)|\bbillets\b|"
    r"eintrittskarten|\bingressos\b|\bbiglietti\b|\bkaartjes\b|\bbilety\b|\bbiljetter\b|"
    r"\bbiletler\b|チケット|门票|تذاكر",
    re.IGNORECASE,
)
#: Actions a ticket mention replaces (a ferry or a cinema is still booked).
_TICKETED = frozenset({None, "register", "shop", "order", "learn", "visit"})
ACTION_CTAS["tickets"] = {
    "en": ("Get your tickets", "Grab your tickets"), "es": ("Consigue tu entrada",),
    "fr": ("Prenez vos billets",), "de": ("Tickets sichern",), "pt": ("Garanta seu ingresso",),
    "it": ("Prendi il biglietto",), "nl": ("Koop je kaartjes",), "pl": ("Kup bilety",),
    "sv": ("Köp biljetter",), "tr": ("Biletini al",), "ja": ("チケットを購入",),
    "zh": ("立即购票",), "ar": ("احجز تذكرتك",),
}  # fmt: skip


def action_for(
    text: str, product: str, category: Category | None = None, *, brand: str = ""
) -> str | None:
    """What the viewer does about this kind of product ("book", "download", ...): read from
    the product's words, then the catalog category (a place people visit keeps its own calls
    to action), then the whole prompt's words; a product of no known kind is bought. A cause
    or a public body (:mod:`.causes`) is read first: its words say what the ad is for; tickets
    the prompt sells are got, unless the place is booked."""
    action = _kind_action(text, product, category, brand)
    return "tickets" if action in _TICKETED and _TICKETS.search(text) else action


def _kind_action(text: str, product: str, category: Category | None, brand: str) -> str | None:
    cause = cause_action(text)
    if cause is not None:
        return cause
    named = without_purposes(product)  # "Gebäudereinigung für Fitnessstudios": cleaning
    for action, rx in _KIND_RX:
        if rx.search(named):
            return action
    if public_body(text):  # a notice: the action its words name, else "find out more"
        return next((action for action, rx in _KIND_RX if rx.search(text)), "learn")
    key = category.key if category is not None else "generic"
    if key != "generic":
        if key in _CATEGORY_ACTIONS or category is None or not category.local:
            return _CATEGORY_ACTIONS.get(key)
        return None
    # whom it is for is not what is sold: "plates for restaurants" are not booked
    own = without_purposes(text)
    found = next((action for action, rx in _KIND_RX if rx.search(own)), None)
    if found is None and (category is None or not category.local):
        found = _own_verb(text)  # "10 rides for $45, book in the app"
    if found is None and key == "generic" and _unknown(product, brand):
        return "learn"  # nothing says what is sold: "Shop now" would guess
    return found or _CATEGORY_ACTIONS.get(key)


def _unknown(product: str, brand: str) -> bool:
    """Whether the product phrase says nothing: empty, the whole brand, or a word for a
    business ("Kanzlei Weber" read as "Kanzlei" is a kind of business no table names)."""
    low = product.lower().strip()
    return not low or low == brand.lower() or (brand != "" and low in _KIND_ONLY)


#: Kinds of business that sell no goods of their own, where the product reader lands on them.
_KIND_ONLY = frozenset(
    re.findall(
        r"\w+",
        "kanzlei praxis büro agentur studio atelier cabinet bureau agence despacho estudio "
        "oficina escritório ufficio kantoor biuro byrå ofis firm office agency practice",
    )
)


#: A call-to-action clause's verb, read as the action when no word names the kind.
_VERBS = (
    ("book", r"book|reserve|reserva|réservez|buchen|prenota|boek"),
    ("order", r"order|pide|commandez|bestell\w*|ordina|peça|bestel"),
    ("download", r"download|descarga|téléchargez|scarica|baixe"),
    ("shop", r"shop|buy|compra|achetez"),
    ("join", r"join"),
    ("register", r"register|sign\s+up"),
    ("subscribe", r"subscribe"),
    ("apply", r"apply"),
)


def _own_verb(text: str) -> str | None:
    for m in CTA_CLAUSE.finditer(text):
        if m.start() == 0 or re.search(r"\d", m.group()):
            continue
        verb = m.group("verb").lower()
        for action, rx in _VERBS:
            if re.fullmatch(rx, verb):
                return action
    return None


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

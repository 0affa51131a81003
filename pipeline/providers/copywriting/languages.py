"""Per-language data for reading facts and writing copy (STYLE #13: data, not branches).

One :class:`Lang` row per language the director writes: the words that ask for an ad (never a
brand), hint words that tell Latin-script languages apart, patterns for offers, deadlines,
scarcity, occasions and pains, and the calls to action and connectives the copy is built with.
Patterns are regular expressions matched case-insensitively.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Lang:
    """One language's reading and writing table."""

    code: str
    request: str  # a request for an ad at the start of a clause ("make an ad for")
    ad_words: frozenset[str]  # "ad", "Werbung", "anuncio": never a brand
    hints: frozenset[str]  # function words that mark the language
    free: str  # "free" words, for offers
    offers: tuple[str, ...]  # patterns of a deal
    deadline: str  # "order by noon", "this weekend only"
    scarcity: str  # "only 200 made"
    occasions: str  # Christmas, Mother's Day, Black Friday
    pain: str  # "tired of", "cansado de"
    ctas: tuple[str, ...]  # 2-4 word calls to action
    cta_verbs: str  # verbs that open the prompt's own call to action
    with_word: str  # "with" for "{Name}, with {fact}"
    and_word: str
    now: str  # "now", appended to a bare offer
    new: str  # "New:" to open a launch hook
    at_place: str = "{name} {place}"  # a line from the place the prompt names
    for_people: str = "For {audience}"  # a line from the audience the prompt names
    for_word: str = "for"  # introduces the audience in a prompt
    colon: str = ": "  # between a name and what it is (French: " : ")
    space: str = " "  # between words (empty for ja/zh)


_EN = Lang(
    code="en",
    request=r"^(?:please\s+)?(?:create|make|write|generate|produce|design|build)?\s*"
    r"(?:me\s+)?(?:an?\s+)?(?:[\w-]+\s+){0,3}?(?:ad|advert|advertisement|commercial|video|"
    r"promo|spot|reel)s?\s+(?:for|about|of|promoting)\s+",
    ad_words=frozenset("ad ads advert advertisement commercial promo video reel spot".split()),
    hints=frozenset(
        "the and for with your our of to is are in on this that get new now free off".split()
    ),
    free=r"free|on us|complimentary",
    offers=(
        r"(?:up to\s+)?\d{1,2}\s?%\s?off(?:\s+(?:everything|sitewide|all\s+[\w-]+))?",
        r"[$€£]\s?\d+(?:[.,]\d{3})*(?:[.,]\d\d)?\s?off",
        r"buy\s+(?:\d+|one|two)\s+[\w-]+(?:\s+[\w-]+)?,?\s+get\s+(?:\d+|one|an?|the)?\s*"
        r"(?:[\w-]+\s+){0,2}?free(?:\s+[\w-]+(?:\s+[\w-]+)?)?",
        r"(?:your\s+)?(?:first|1st)\s+(?:[\w-]+\s+){0,2}?(?:is\s+|are\s+)?(?:free|on us)",
        r"free\s+(?:\d+[- ](?:day|week|month)\s+)?(?:first\s+)?[\w-]+(?:\s+(?:trial|class|session))?",
        r"\d+[- ](?:day|week|month)\s+free\s+trial",
        r"(?:two|2)[- ]for[- ](?:one|1)|bogo|half[- ]price\s+[\w-]+",
        r"save\s+(?:up to\s+)?(?:\d{1,2}\s?%|[$€£]\s?\d+(?:[.,]\d{3})*(?:[.,]\d\d)?)",
        r"(?:from|only|just)\s+[$€£]\s?\d+(?:[.,]\d{3})*(?:[.,]\d\d)?(?:\s?/\s?\w+|\s+(?:a|per)\s+\w+)?",
        r"[$€£]\s?\d+(?:[.,]\d{3})*(?:[.,]\d\d)?\s?/\s?(?:month|mo|year|yr|week|night|person|hour)",
        r"(?:use\s+)?code\s+[A-Z0-9]{3,12}",
    ),
    deadline=r"(?:order|book|buy|sign up|register|enrol+|apply|ends?|until|till|by)\s+"
    r"(?:by\s+)?(?:noon|midnight|tonight|today|tomorrow|friday|saturday|sunday|monday|tuesday|"
    r"wednesday|thursday|\w+ \d{1,2}(?:st|nd|rd|th)?|the \d{1,2}(?:st|nd|rd|th)?|"
    r"\d{1,2}(?::\d\d)?\s?(?:am|pm|a\.m\.|p\.m\.))|(?:this|next)\s+(?:weekend|week|month|"
    r"saturday|sunday|friday)(?:\s+only)?|(?:today|tonight|this weekend)\s+only|"
    r"for a limited time|limited time only|while stocks? lasts?",
    scarcity=r"(?:only|just)\s+\d+\s+(?:[\w-]+\s+){0,2}?(?:made|left|available|spots?|seats?|"
    r"places?|bottles?|units?|pieces?)|limited (?:edition|to \d+[\w ]{0,20})|"
    r"\d+\s+(?:spots?|seats?|places?)\s+(?:left|only)",
    occasions=r"mother'?s day|father'?s day|valentine'?s(?: day)?|christmas|xmas|black friday|"
    r"cyber monday|easter|halloween|thanksgiving|new year'?s?(?: eve)?|back to school|"
    r"ramadan|eid|diwali|lunar new year|hanukkah|graduation|wedding season|summer|winter",
    pain=r"tired of|sick of|fed up with|struggling with|worried about|done with|no more|"
    r"stop (?:wasting|losing|chasing)|protect\w*\s+[\w ]{3,40}?\s+from|never again|"
    r"say goodbye to|without the",
    ctas=("Get yours today", "Try it today", "Find out more", "Order now", "Book now"),
    cta_verbs=r"book|order|shop|visit|download|get|grab|try|join|reserve|subscribe|claim|"
    r"register|apply|install|call|sign up|stop by",
    with_word="with",
    and_word="and",
    now="now",
    new="New",
)

_ES = Lang(
    code="es",
    request=r"^(?:por favor\s+)?(?:crea|haz|hazme|genera|escribe|diseña)?\s*(?:un\s+|una\s+)?"
    r"(?:anuncio|publicidad|vídeo|video|spot|comercial|promo)\s+(?:\w+\s+)?"
    r"(?:de|para|sobre|del)\s+(?:la\s+|el\s+|los\s+|las\s+)?",
    ad_words=frozenset("anuncio anuncios publicidad vídeo video spot comercial promo".split()),
    hints=frozenset(
        "el la los las de del con para por una un y en tu su nuestro nuestra gratis es "
        "más sin al".split()
    ),
    free=r"gratis|gratuit[oa]s?|de regalo",
    offers=(
        r"-?\d{1,2}\s?%\s?(?:de\s+)?(?:descuento|dto\.?)(?:\s+en\s+[\wáéíóúñ]+)?",
        r"(?:primer[ao]?|1[ªºa])\s+[\wáéíóúñ]+(?:\s+[\wáéíóúñ]+)?\s+(?:gratis|gratuit[oa])",
        r"[\wáéíóúñ]+\s+(?:gratis|gratuit[oa]s?)",
        r"(?:envío|entrega)\s+gratis",
        r"(?:prueba|clase|consulta)\s+gratuita",
        r"\d\s?x\s?\d|dos por uno|2 por 1",
        r"(?:desde|por solo|solo)\s+\d+(?:[.,]\d{3})*(?:[.,]\d\d)?\s?(?:€|euros?|\$|pesos)(?:\s?/\s?\w+)?",
    ),
    deadline=r"(?:el|este)\s+(?:sábado|domingo|fin de semana|viernes)(?:\s+solamente)?|"
    r"(?:hasta|antes del?)\s+(?:el\s+|las\s+)?(?:\d{1,2}(?::\d\d)?|mediodía|medianoche|domingo|sábado|viernes|"
    r"lunes|\d{1,2}\s+de\s+\w+|fin de mes)|este fin de semana(?: solamente| solo)?|solo hoy|"
    r"(?:esta|este)\s+(?:semana|mes|sábado|domingo)",
    scarcity=r"(?:solo|sólo)\s+(?:quedan\s+)?\d+\s+[\wáéíóúñ]+|edición limitada|plazas limitadas",
    occasions=r"navidad|día de la madre|día del padre|san valentín|black friday|pascua|"
    r"halloween|año nuevo|vuelta al cole|verano|reyes",
    pain=r"cansad[oa]s? de|hart[oa]s? de|se acabó|olvídate de|sin más|proteg\w+\s+[\w ]{3,40}?\s+de",
    ctas=("Reserva ahora", "Pídelo hoy", "Descúbrelo ya", "Compra ahora", "Empieza hoy"),
    cta_verbs=r"reserva|compra|pide|descubre|visita|descarga|prueba|únete|apúntate|llama|ven|dona",
    with_word="con",
    and_word="y",
    now="ya",
    new="Nuevo",
    at_place="{name} {place}",
    for_people="Para {audience}",
    for_word="para",
)

_FR = Lang(
    code="fr",
    request=r"^(?:créez|crée|faites|fais|génère|générez|écris)?\s*(?:une?\s+)?"
    r"(?:pub|publicité|annonce|vidéo|spot|clip|réclame)\s+(?:\w+\s+)?(?:pour|de|sur|du)\s+"
    r"(?:la\s+|le\s+|l'|les\s+)?",
    ad_words=frozenset("pub publicité annonce vidéo spot clip réclame".split()),
    hints=frozenset(
        "le la les des du de et pour avec une un votre notre nos vos est en au aux ce cette "
        "sans gratuit gratuite offert offerte".split()
    ),
    free=r"gratuite?s?|offerte?s?",
    offers=(
        r"-?\s?\d{1,2}\s?%(?:\s+de\s+(?:réduction|remise))?(?:\s+sur\s+[\wéèàù]+)?",
        r"(?:premier|première|1er|1re)\s+[\wéèàù-]+\s+(?:offerte?|gratuite?)",
        r"livraison\s+(?:gratuite|offerte)",
        r"[\wéèàù-]+\s+(?:offerte?s?|gratuite?s?)",
        r"essai\s+gratuit(?:\s+de\s+\d+\s+jours)?",
        r"(?:dès|à partir de|seulement)\s+\d+(?:[.,]\d{3})*(?:[.,]\d\d)?\s?(?:€|euros?)(?:\s?/\s?\w+)?",
        r"\d\s+achetés?,?\s+\d\s+offerts?",
    ),
    deadline=r"ce\s+(?:week-end|samedi|dimanche|lundi|mardi|mercredi|jeudi|vendredi|mois)"
    r"(?:\s+seulement)?|aujourd'hui(?:\s+seulement)?|jusqu'(?:à|au)\s+[\wéû]+(?:\s+\d+)?|"
    r"avant\s+(?:midi|minuit|dimanche|samedi|le\s+\d+\s+\w+)",
    scarcity=r"(?:seulement|uniquement|que)\s+\d+\s+[\wéèà]+|édition limitée|places limitées",
    occasions=r"noël|fête des mères|fête des pères|saint-valentin|black friday|pâques|"
    r"halloween|nouvel an|rentrée|été",
    pain=r"marre des?|fini les|fatigués? de|assez de|plus jamais|protég\w+\s+[\w ]{3,40}?\s+contre",
    ctas=("Réservez maintenant", "Commandez maintenant", "Découvrez-le vite", "Essayez dès maintenant"),
    cta_verbs=r"réservez|commandez|découvrez|essayez|venez|passez|téléchargez|rejoignez|appelez|"
    r"donnez",
    with_word="avec",
    and_word="et",
    now="maintenant",
    new="Nouveau",
    at_place="{name} {place}",
    for_people="Pour {audience}",
    for_word="pour",
    colon=" : ",
)

_DE = Lang(
    code="de",
    request=r"^(?:erstelle|mach|mache|schreib|schreibe|generiere)?\s*(?:eine?n?\s+)?"
    r"(?:werbung|werbespot|anzeige|video|spot|clip|reklame|werbevideo)\s+(?:\w+\s+)?"
    r"(?:für|über|zu)\s+(?:die\s+|den\s+|das\s+|der\s+|unsere?n?\s+)?",
    ad_words=frozenset("werbung werbespot anzeige video spot clip reklame werbevideo".split()),
    hints=frozenset(
        "der die das und für mit ein eine einen ihr ihre unser unsere ist in auf nur jetzt "
        "zum zur von im am gratis kostenlos bis".split()
    ),
    free=r"gratis|kostenlos|umsonst",
    offers=(
        r"\d{1,2}\s?%\s?(?:rabatt|nachlass|günstiger)(?:\s+auf\s+[\wäöüß]+)?",
        r"-\s?\d{1,2}\s?%",
        r"(?:erste|erster|erstes|ersten)\s+[\wäöüß]+\s+(?:gratis|kostenlos|umsonst)",
        r"(?:gratis|kostenlose[rsn]?)\s+[\wäöüß]+",
        r"[\wäöüß]+\s+(?:gratis|kostenlos)",
        r"versandkostenfrei|kostenloser versand",
        r"(?:ab|nur)\s+\d+(?:[.,]\d{3})*(?:[.,]\d\d)?\s?(?:€|euro)(?:\s?/\s?\w+|\s+im monat|\s+pro \w+)?",
        r"\d\s+kaufen,?\s+\d\s+(?:gratis|geschenkt)",
    ),
    deadline=r"(?:bis|vor)\s+(?:mittag|mitternacht|sonntag|samstag|freitag|montag|heute abend|"
    r"zum \d+\.?\s*\w*|ende des monats|\d{1,2}\s?uhr)(?:\s+(?:bestellen|buchen|anmelden))?|(?:nur\s+)?(?:dieses|am)\s+wochenende"
    r"(?:\s+nur)?|nur heute|diese woche",
    scarcity=r"(?:nur|lediglich)\s+\d+\s+[\wäöüß]+|limitierte auflage|limitiert auf \d+[\w ]{0,20}",
    occasions=r"weihnachten|muttertag|vatertag|valentinstag|black friday|ostern|halloween|"
    r"silvester|neujahr|schulanfang|sommer|advent",
    pain=r"schluss mit|genug von|keine lust (?:mehr )?auf|nie wieder|nie mehr|müde von|"
    r"schütz\w*\s+[\w ]{3,40}?\s+vor",
    ctas=("Jetzt bestellen", "Jetzt entdecken", "Jetzt buchen", "Jetzt testen"),
    cta_verbs=r"bestell\w*|buch\w*|entdeck\w*|test\w*|besuch\w*|hol\w*|komm\w*|spende\w*",
    with_word="mit",
    and_word="und",
    now="jetzt",
    new="Neu",
    at_place="{name} {place}",
    for_people="Für {audience}",
    for_word="für",
)

_PT = Lang(
    code="pt",
    request=r"^(?:crie|cria|faça|faz|gere|escreva)?\s*(?:um\s+|uma\s+)?"
    r"(?:anúncio|propaganda|publicidade|vídeo|comercial|promo)\s+(?:\w+\s+)?"
    r"(?:de|para|sobre|do|da)\s+(?:o\s+|a\s+|os\s+|as\s+)?",
    ad_words=frozenset("anúncio anuncio propaganda publicidade vídeo video comercial promo".split()),
    hints=frozenset(
        "o a os as de do da dos das com para por um uma e em seu sua nosso nossa grátis é "
        "mais sem ao na no você".split()
    ),
    free=r"grátis|gratuit[oa]s?|de graça|de presente",
    offers=(
        r"\d{1,2}\s?%\s?(?:de\s+)?(?:desconto|off)(?:\s+em\s+[\wáéíóúãõç]+)?",
        r"(?:primeir[oa]|1[ªºa])\s+[\wáéíóúãõç]+(?:\s+[\wáéíóúãõç]+)?\s+(?:grátis|gratuit[oa])",
        r"(?:frete|entrega)\s+grátis",
        r"[\wáéíóúãõç]+\s+(?:grátis|gratuit[oa]s?)",
        r"(?:a partir de|por apenas|só)\s+(?:r\$|€)\s?\d+(?:[.,]\d{3})*(?:[.,]\d\d)?(?:\s?/\s?\w+)?",
        r"(?:r\$|€)\s?\d+(?:[.,]\d{3})*(?:[.,]\d\d)?\s?(?:/\s?\w+|por mês)",
        r"leve\s+\d+,?\s+pague\s+\d+",
    ),
    deadline=r"(?:no|neste|este|nesta|esta)\s+(?:sábado|domingo|fim de semana|feriado)|"
    r"(?:até|antes d[eoa])\s+(?:o\s+)?(?:meio-dia|meia-noite|domingo|sábado|sexta|"
    r"\d{1,2}\s+de\s+\w+|fim do mês)|(?:só |somente )?neste fim de semana|só hoje|"
    r"(?:esta|este|nesta|neste)\s+(?:semana|mês|sábado|domingo)",
    scarcity=r"(?:apenas|só|somente)\s+\d+\s+[\wáéíóúãõç]+|edição limitada|vagas limitadas",
    occasions=r"natal|dia das mães|dia dos pais|dia dos namorados|black friday|páscoa|"
    r"halloween|ano novo|carnaval|volta às aulas|verão",
    pain=r"cansad[oa]s? de|chega de|nunca mais|diga adeus|sem mais|proteja\s+[\w ]{3,40}?\s+contra",
    ctas=("Compre agora", "Reserve já", "Peça hoje", "Descubra agora", "Experimente hoje"),
    cta_verbs=r"compre|reserve|peça|descubra|visite|baixe|experimente|venha|ligue|assine|doe|agende",
    with_word="com",
    and_word="e",
    now="já",
    new="Novo",
    at_place="{name} {place}",
    for_people="Para {audience}",
    for_word="para",
)

_IT = Lang(
    code="it",
    request=r"^(?:crea|fai|genera|scrivi)?\s*(?:un\s+|una\s+|uno\s+)?"
    r"(?:annuncio|pubblicità|spot|video|promo|réclame)\s+(?:\w+\s+)?"
    r"(?:per|di|su|del|della)\s+(?:il\s+|la\s+|lo\s+|i\s+|le\s+|l')?",
    ad_words=frozenset("annuncio pubblicità spot video promo".split()),
    hints=frozenset(
        "il lo la gli le di del della con per un una e è in tuo tua nostro nostra gratis "
        "più senza al nel che".split()
    ),
    free=r"gratis|gratuit[oaie]|in omaggio|in regalo",
    offers=(
        r"\d{1,2}\s?%\s?(?:di\s+)?sconto(?:\s+su\s+[\wàèéìòù]+)?|sconto del \d{1,2}\s?%",
        r"(?:prim[oa]|1[ªºa])\s+[\wàèéìòù]+(?:\s+[\wàèéìòù]+)?\s+(?:gratis|gratuit[oa]|in omaggio)",
        r"(?:spedizione|consegna)\s+gratuita",
        r"[\wàèéìòù]+\s+(?:gratis|gratuit[oaie]|in omaggio)",
        r"(?:da|a soli|solo)\s+\d+(?:[.,]\d{3})*(?:[.,]\d\d)?\s?(?:€|euro)(?:\s?/\s?\w+|\s+al mese)?",
        r"prendi\s+\d+,?\s+paghi\s+\d+",
    ),
    deadline=r"(?:questo\s+|questa\s+|il\s+)?(?:sabato|domenica|venerdì|settimana)\s*(?:prossim[oa])?|"
    r"(?:entro|fino a)\s+(?:mezzogiorno|mezzanotte|domenica|sabato|venerdì|"
    r"\d{1,2}\s+\w+|fine mese)|(?:solo\s+)?questo (?:weekend|fine settimana|mese|sabato)|"
    r"solo oggi",
    scarcity=r"(?:solo|soltanto)\s+\d+\s+[\wàèéìòù]+|edizione limitata|posti limitati",
    occasions=r"natale|festa della mamma|festa del papà|san valentino|black friday|pasqua|"
    r"halloween|capodanno|ritorno a scuola|estate",
    pain=r"stanc[oahi]+ di|basta con|mai più|dì addio|addio a|proteggi\s+[\w ]{3,40}?\s+da",
    ctas=("Prenota ora", "Ordina oggi", "Scoprilo ora", "Acquista ora", "Provalo oggi"),
    cta_verbs=r"prenota|ordina|scopri|visita|scarica|prova|vieni|chiama|acquista|iscriviti|dona",
    with_word="con",
    and_word="e",
    now="ora",
    new="Nuovo",
    at_place="{name} {place}",
    for_people="Per {audience}",
    for_word="per",
)

_JA = Lang(
    code="ja",
    request=r"(?:の)?(?:広告|CM|動画|宣伝|プロモーション)(?:を作って|を作成|を)?(?:ください)?",
    ad_words=frozenset("広告 cm 動画 宣伝 プロモーション".split()),
    hints=frozenset(),
    free=r"無料|タダ|プレゼント",
    offers=(
        r"\d{1,2}\s?[%％]\s?(?:オフ|OFF|off|引き)",
        r"半額",
        r"初回[^\s、。]{0,6}無料",
        r"送料無料",
        r"無料体験",
        r"[^\s、。]{1,6}無料",
        r"\d+円(?:から|より)?",
    ),
    deadline=r"今週末(?:限定)?|今週の?[月火水木金土日]曜日?|[月火水木金土日]曜日限定|本日限定|期間限定|"
    r"\d+月\d+日まで|[^\s、。]{0,4}まで",
    scarcity=r"限定\d+[^\s、。]{0,3}|先着\d+[^\s、。]{0,3}|数量限定",
    occasions=r"クリスマス|母の日|父の日|バレンタイン|ブラックフライデー|お正月|ハロウィン|夏",
    pain=r"悩み|困って|うんざり|もう.{0,6}ない|ストレス|守る",
    ctas=("今すぐチェック", "今すぐ予約", "今すぐ購入", "詳しくはこちら"),
    cta_verbs=r"予約|購入|チェック|来店|ダウンロード",
    with_word="で",
    and_word="と",
    now="今すぐ",
    new="新登場",
    space="",
    at_place="{place}の{name}",
    for_people="{audience}のための{name}",
    for_word="ための",
    colon="：",
)

_ZH = Lang(
    code="zh",
    request=r"(?:为|給|给)?(?:.{0,12}?)(?:做|制作|拍)(?:一[个支条])?(?:广告|宣传片|视频)|广告|宣传",
    ad_words=frozenset("广告 宣传 视频 宣传片 推广".split()),
    hints=frozenset(),
    free=r"免费|赠送|送",
    offers=(
        r"\d{1,2}\s?[%％]\s?(?:折扣|优惠|off)",
        r"[一二三四五六七八九]折|\d(?:\.\d)?折",
        r"买[一二三\d]送[一二三\d]",
        r"首[^\s，。、]{0,4}免费",
        r"免费[^\s，。、]{1,4}",
        r"[^\s，。、]{1,4}免费",
        r"(?:仅需|只要|低至)?\d+(?:\.\d+)?元(?:/\w+)?",
    ),
    deadline=r"本周末|这个周末|仅限今天|今天|限时|\d+月\d+日前|[^\s，。、]{0,4}之前",
    scarcity=r"限量\d*[^\s，。、]{0,3}|仅剩\d+[^\s，。、]{0,3}|前\d+名",
    occasions=r"圣诞节?|母亲节|父亲节|情人节|春节|中秋节?|双十一|黑色星期五|新年|国庆",
    pain=r"烦恼|厌倦|告别|还在为|受够|担心|保护",
    ctas=("立即购买", "马上预约", "立即了解", "马上下单"),
    cta_verbs=r"购买|预约|下载|了解|下单|报名",
    with_word="",
    and_word="和",
    now="立即",
    new="全新",
    space="",
    at_place="{place}的{name}",
    for_people="专为{audience}打造",
    for_word="专为",
    colon="：",
)

_AR = Lang(
    code="ar",
    request=r"^(?:إعلان|اعلان|فيديو|ترويج)\s+(?:عن|ل|لـ)?\s*",
    ad_words=frozenset("إعلان اعلان فيديو ترويج دعاية".split()),
    hints=frozenset(),
    free=r"مجان[اًي]*|مجانًا",
    offers=(
        r"خصم\s?\d{1,2}\s?[%٪]",
        r"\d{1,2}\s?[%٪]\s?خصم",
        r"[\w]+\s+(?:الأولى|الأول)\s+مجان[اًي]+",
        r"[\w]+\s+مجان[اًي]+",
        r"توصيل مجاني",
        r"(?:ب|بـ|فقط)\s?\d+\s?(?:ريال|درهم|دولار|جنيه)",
    ),
    deadline=r"هذا\s+(?:السبت|الأحد|الاثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|الأسبوع)|"
    r"نهاية الأسبوع|اليوم فقط|لفترة محدودة|حتى\s+\w+",
    scarcity=r"(?:فقط|كمية محدودة)\s?\d*\s?\w*|إصدار محدود",
    occasions=r"رمضان|عيد الفطر|عيد الأضحى|العيد|عيد الأم|الجمعة البيضاء|الصيف",
    pain=r"تعبت من|سئمت من|مللت من|لا مزيد من|وداعا ل|احم\w*",
    ctas=("اطلب الآن", "احجز الآن", "اكتشف المزيد", "تسوّق الآن"),
    cta_verbs=r"اطلب|احجز|اكتشف|تسوق|زورونا|حمّل|جرّب",
    with_word="مع",
    and_word="و",
    now="الآن",
    new="جديد",
    at_place="{name} في {place}",
    for_people="لـ{audience}",
    for_word="لـ",
)

LANGS: dict[str, Lang] = {
    lang.code: lang for lang in (_EN, _ES, _FR, _DE, _PT, _IT, _JA, _ZH, _AR)
}
#: The languages the director writes, in the order the docs list them.
LANGUAGES: tuple[str, ...] = tuple(LANGS)


def lang(code: str) -> Lang:
    """The table for ``code``; English for a language the director does not write."""
    return LANGS.get(code, _EN)

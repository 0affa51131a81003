"""Copy templates for prompts in French, Spanish, German, Portuguese, Italian, Japanese,
Chinese or Arabic: the seasoning after the prompt's own facts (:mod:`.director`).

English copy comes from the category banks (``catalog``); other languages use these
shorter, hand-written templates that stay grammatical whatever the product: the name
("{Name}": the brand, else the product as the prompt wrote it) sits where no article,
gender or agreement depends on it. Offers are quoted from the prompt as written.
"""

from __future__ import annotations

from dataclasses import dataclass

Lines = tuple[str, ...]


@dataclass(frozen=True)
class Locale:
    """One language's copy bank, keyed by beat, plus its calls to action and benefits."""

    code: str
    beats: dict[str, Lines]
    ctas: Lines  # generic calls to action
    ctas_local: Lines  # for places people visit (cafés, studios, restaurants)
    ctas_book: Lines  # for classes, stays and sessions
    benefits: Lines
    offer_join: str  # between the offer and the call to action
    max_hook_chars: int  # hooks are counted in characters where words have no spaces


FR = Locale(
    code="fr",
    beats={
        "attention": (
            "{Name} : le nouveau réflexe.",
            "{Name} : on n'attendait que ça.",
            "Et si tout commençait ici ?",
        ),
        "interest": ("{Name} : la qualité se voit.", "Pensé jusque dans les moindres détails."),
        "desire": ("Le petit plaisir qui change tout.", "Vous allez vite l'adopter."),
        "problem": ("Marre des compromis ?", "Encore une journée à faire avec ?"),
        "agitate": ("Chaque jour, la même frustration.", "Vous méritez tellement mieux."),
        "solution": ("{Name} : la solution, enfin.", "{Name} : simple, efficace, pour vous."),
        "before": ("Avant : toujours la même routine.", "Avant : on fait avec."),
        "after": ("Après : tout devient simple.", "Après : le plaisir, chaque jour."),
        "bridge": ("{Name} : ce qui fait la différence.", "Entre les deux ? {Name}."),
    },
    ctas=("Découvrez la collection", "Commandez maintenant", "Essayez dès maintenant"),
    ctas_local=("Passez nous voir", "Venez goûter", "On vous attend"),
    ctas_book=("Réservez votre place", "Réservez maintenant"),
    benefits=("Une qualité qui se voit", "Pensé pour votre quotidien", "Fait pour durer"),
    offer_join=". ",
    max_hook_chars=48,
)

JA = Locale(
    code="ja",
    beats={
        "attention": ("{Name}、新登場。", "{Name}で、毎日が変わる。", "その一瞬を、特別に。"),
        "interest": ("こだわりを、細部まで。", "{Name}だけの品質を。"),
        "desire": ("きっと手放せなくなる。", "毎日に、ちいさな贅沢を。"),
        "problem": ("こんな悩み、ありませんか？", "いつもの不満、そのままに？"),
        "agitate": ("我慢するのは、もう終わり。", "毎日のストレス、積み重なる。"),
        "solution": ("答えは、{Name}。", "{Name}が、解決します。"),
        "before": ("変わらない、いつもの毎日。", "なんとなく、妥協の毎日。"),
        "after": ("理想の毎日が、ここに。", "毎日が、もっと楽しく。"),
        "bridge": ("その鍵は、{Name}。", "{Name}が、変えてくれる。"),
    },
    ctas=("今すぐチェック", "今すぐ購入", "詳しくはこちら"),
    ctas_local=("ご来店お待ちしています", "今すぐ来店予約"),
    ctas_book=("今すぐ予約", "詳しくはこちら"),
    benefits=("細部までこだわった品質", "毎日に寄り添うデザイン", "長く使える確かなつくり"),
    offer_join="！",
    max_hook_chars=20,
)

AR = Locale(
    code="ar",
    beats={
        "attention": ("اكتشف {Name}", "{Name} وصل أخيرًا", "لحظة تستحق الانتباه"),
        "interest": ("جودة تلاحظها من أول لحظة", "مصمم بعناية لأجلك"),
        "desire": ("ستحبه من أول تجربة", "متعة تستحقها كل يوم"),
        "problem": ("تعبت من الحلول المؤقتة؟", "هل سئمت من نفس المشكلة؟"),
        "agitate": ("كل يوم نفس الإحباط", "لا داعي للتنازل بعد اليوم"),
        "solution": ("الحل مع {Name}", "مع {Name} تتغير القصة"),
        "before": ("نفس الروتين كل يوم؟", "قبل: أيام متشابهة"),
        "after": ("بعد: كل شيء أسهل", "الآن كل يوم أجمل"),
        "bridge": ("الفرق مع {Name}", "مع {Name} يبدأ التغيير"),
    },
    ctas=("اطلب الآن", "تسوّق الآن", "اكتشف المزيد"),
    ctas_local=("زورونا اليوم", "نراكم قريبًا"),
    ctas_book=("احجز الآن", "احجز مكانك"),
    benefits=("جودة تلاحظها", "مصمم لحياتك اليومية", "صُنع ليدوم"),
    offer_join=" - ",
    max_hook_chars=32,
)


def _latin(
    code: str, beats: dict[str, Lines], ctas: tuple[Lines, Lines, Lines], benefits: Lines
) -> Locale:
    return Locale(code, beats, *ctas, benefits=benefits, offer_join=". ", max_hook_chars=48)


ES = _latin(
    "es",
    {
        "attention": ("{Name}: llega lo nuevo.", "Conoce {Name}."),
        "interest": ("{Name}, hecho con cuidado.", "Cada detalle cuenta."),
        "desire": ("Te va a encantar.", "Un capricho que se nota."),
        "problem": ("¿Cansado de conformarte?", "¿Otra vez lo mismo?"),
        "agitate": ("Cada día, la misma frustración.", "Mereces algo mejor."),
        "solution": ("{Name}: la solución.", "{Name} lo resuelve."),
        "before": ("Antes: siempre lo mismo.", "Antes: conformarse."),
        "after": ("Después: todo es más fácil.", "Ahora sí funciona."),
        "bridge": ("{Name} marca la diferencia.", "El cambio se llama {Name}."),
    },
    (
        ("Descúbrelo ya", "Pídelo hoy", "Compra ahora"),
        ("Ven a vernos", "Te esperamos hoy"),
        ("Reserva tu plaza", "Reserva ahora"),
    ),
    ("Hecho con cuidado", "Pensado para tu día a día"),
)
DE = _latin(
    "de",
    {
        "attention": ("{Name}: jetzt neu.", "Das ist {Name}."),
        "interest": ("{Name}, mit Sorgfalt gemacht.", "Jedes Detail zählt."),
        "desire": ("Das wirst du lieben.", "Ein Genuss, den man merkt."),
        "problem": ("Genug von Kompromissen?", "Schon wieder das Gleiche?"),
        "agitate": ("Jeden Tag derselbe Frust.", "Du verdienst Besseres."),
        "solution": ("{Name}: die Lösung.", "{Name} löst das."),
        "before": ("Vorher: immer dasselbe.", "Vorher: Kompromisse."),
        "after": ("Nachher: alles leichter.", "Jetzt funktioniert es."),
        "bridge": ("{Name} macht den Unterschied.", "Der Unterschied heißt {Name}."),
    },
    (
        ("Jetzt entdecken", "Jetzt bestellen"),
        ("Besuch uns heute", "Komm vorbei"),
        ("Jetzt buchen", "Platz sichern"),
    ),
    ("Mit Sorgfalt gemacht", "Für deinen Alltag gedacht"),
)
PT = _latin(
    "pt",
    {
        "attention": ("{Name}: chegou a novidade.", "Conheça {Name}."),
        "interest": ("{Name}, feito com cuidado.", "Cada detalhe importa."),
        "desire": ("Você vai adorar.", "Um prazer que se nota."),
        "problem": ("Cansado de se contentar?", "De novo a mesma coisa?"),
        "agitate": ("Todo dia, a mesma frustração.", "Você merece mais."),
        "solution": ("{Name}: a solução.", "{Name} resolve."),
        "before": ("Antes: sempre o mesmo.", "Antes: se contentar."),
        "after": ("Depois: tudo mais fácil.", "Agora funciona."),
        "bridge": ("{Name} faz a diferença.", "A mudança se chama {Name}."),
    },
    (
        ("Descubra agora", "Peça hoje", "Compre agora"),
        ("Venha nos visitar", "Esperamos você"),
        ("Reserve já", "Garanta sua vaga"),
    ),
    ("Feito com cuidado", "Pensado para o seu dia a dia"),
)
IT = _latin(
    "it",
    {
        "attention": ("{Name}: la novità.", "Scopri {Name}."),
        "interest": ("{Name}, fatto con cura.", "Ogni dettaglio conta."),
        "desire": ("Te ne innamorerai.", "Un piacere che si sente."),
        "problem": ("Stanco dei compromessi?", "Ancora la solita storia?"),
        "agitate": ("Ogni giorno la stessa frustrazione.", "Meriti di meglio."),
        "solution": ("{Name}: la soluzione.", "{Name} risolve."),
        "before": ("Prima: sempre uguale.", "Prima: accontentarsi."),
        "after": ("Dopo: tutto più facile.", "Ora funziona."),
        "bridge": ("{Name} fa la differenza.", "Il cambiamento si chiama {Name}."),
    },
    (
        ("Scoprilo ora", "Ordina oggi", "Acquista ora"),
        ("Vieni a trovarci", "Ti aspettiamo"),
        ("Prenota ora", "Prenota il tuo posto"),
    ),
    ("Fatto con cura", "Pensato per ogni giorno"),
)
ZH = Locale(
    code="zh",
    beats={
        "attention": ("{Name}，全新登场。", "认识{Name}。"),
        "interest": ("{Name}，用心打造。", "每个细节都讲究。"),
        "desire": ("你一定会爱上。", "每天多一点享受。"),
        "problem": ("还在将就吗？", "同样的烦恼又来了？"),
        "agitate": ("每天都是同样的烦恼。", "你值得更好的。"),
        "solution": ("答案就是{Name}。", "{Name}帮你解决。"),
        "before": ("以前：一成不变。", "以前：总是将就。"),
        "after": ("现在：一切更轻松。", "每天都更好。"),
        "bridge": ("改变来自{Name}。", "{Name}让不同发生。"),
    },
    ctas=("立即购买", "立即了解"),
    ctas_local=("欢迎光临", "立即到店"),
    ctas_book=("马上预约", "立即报名"),
    benefits=("用心打造的品质", "为日常而设计"),
    offer_join="！",
    max_hook_chars=20,
)

NL = _latin(
    "nl",
    {
        "attention": ("{Name}: nieuw.", "Maak kennis met {Name}."),
        "interest": ("{Name}, met zorg gemaakt.", "Elk detail telt."),
        "desire": ("Je gaat het niet meer missen.", "Dat merk je meteen."),
        "problem": ("Klaar met halve oplossingen?", "Weer hetzelfde verhaal?"),
        "agitate": ("Elke dag dezelfde ergernis.", "Je verdient beter."),
        "solution": ("{Name}: de oplossing.", "{Name} regelt het."),
        "before": ("Vroeger: altijd hetzelfde.", "Vroeger: genoegen nemen met minder."),
        "after": ("Nu: alles makkelijker.", "Nu: het werkt gewoon."),
        "bridge": ("{Name} maakt het verschil.", "Het verschil heet {Name}."),
    },
    (
        ("Ontdek het nu", "Bestel vandaag", "Koop nu"),
        ("Kom langs", "Tot snel"),
        ("Boek nu", "Reserveer je plek"),
    ),
    ("Met zorg gemaakt", "Gemaakt voor elke dag"),
)
PL = _latin(
    "pl",
    {
        "attention": ("{Name}: nowość.", "Poznaj {Name}."),
        "interest": ("{Name}: zrobione starannie.", "Liczy się każdy szczegół."),
        "desire": ("Szybko się przekonasz.", "Poczujesz różnicę."),
        "problem": ("Masz dość kompromisów?", "Znowu to samo?"),
        "agitate": ("Codziennie ta sama frustracja.", "Zasługujesz na więcej."),
        "solution": ("{Name}: rozwiązanie.", "{Name} to załatwia."),
        "before": ("Przedtem: ciągle to samo.", "Przedtem: byle jak."),
        "after": ("Teraz: wszystko prościej.", "Teraz: po prostu działa."),
        "bridge": ("{Name} robi różnicę.", "Różnica nazywa się {Name}."),
    },
    (
        ("Sprawdź teraz", "Zamów dziś", "Kup teraz"),
        ("Wpadnij do nas", "Czekamy na Ciebie"),
        ("Zarezerwuj teraz", "Zarezerwuj miejsce"),
    ),
    ("Zrobione starannie", "Na co dzień"),
)

SV = _latin(
    "sv",
    {
        "attention": ("{Name}: nyhet.", "Möt {Name}."),
        "interest": ("{Name}, gjort med omsorg.", "Varje detalj räknas."),
        "desire": ("Du kommer att älska det.", "Skillnaden märks direkt."),
        "problem": ("Trött på kompromisser?", "Samma visa igen?"),
        "agitate": ("Varje dag samma irritation.", "Du förtjänar bättre."),
        "solution": ("{Name}: lösningen.", "{Name} löser det."),
        "before": ("Förut: alltid samma sak.", "Förut: nöja sig."),
        "after": ("Nu: allt blir enklare.", "Nu: det bara fungerar."),
        "bridge": ("{Name} gör skillnaden.", "Skillnaden heter {Name}."),
    },
    (
        ("Upptäck mer", "Beställ idag", "Köp nu"),
        ("Kom förbi", "Välkommen in"),
        ("Boka nu", "Boka din plats"),
    ),
    ("Gjort med omsorg", "För varje dag"),
)
TR = _latin(
    "tr",
    {
        "attention": ("{Name}: yeni.", "{Name} ile tanışın."),
        "interest": ("{Name}: özenle hazırlandı.", "Her ayrıntı önemli."),
        "desire": ("Çok seveceksiniz.", "Farkı hemen hissedin."),
        "problem": ("Yarım çözümlerden bıktınız mı?", "Yine aynı sorun mu?"),
        "agitate": ("Her gün aynı sıkıntı.", "Daha iyisini hak ediyorsunuz."),
        "solution": ("{Name}: çözüm burada.", "{Name} ile sorun çözülür."),
        "before": ("Önce: hep aynı şey.", "Önce: idare etmek."),
        "after": ("Şimdi: her şey daha kolay.", "Şimdi: sorunsuz."),
        "bridge": ("Farkı {Name} yaratır.", "Aradaki fark: {Name}."),
    },
    (
        ("Hemen keşfet", "Hemen sipariş ver", "Hemen satın al"),
        ("Bekleriz", "Hemen uğrayın"),
        ("Hemen rezervasyon yap", "Yerinizi ayırtın"),
    ),
    ("Özenle hazırlandı", "Her gün için"),
)

LOCALES: dict[str, Locale] = {
    "fr": FR, "ja": JA, "ar": AR, "es": ES, "de": DE, "pt": PT, "it": IT, "zh": ZH, "nl": NL,
    "pl": PL, "sv": SV, "tr": TR,
}  # fmt: skip

"""Benefit lines by kind of advertiser, where the prompt gives none of its own.

A locale's own ``benefits`` describe goods ("Fait pour durer", "長く使える確かなつくり"): on a
ramen shop, an accounting service or a charity they say something false. :func:`benefit_kind`
reads the kind from the catalog category and the call to action; :func:`kind_benefits` gives
that kind's lines (the goods lines stay the locale's own). English keeps its category banks
and only takes the cause and civic lines here, which no bank has. Like every bank line,
these are seasoning after the prompt's own facts and count as filler lines in the scores.
"""

from __future__ import annotations

from pipeline.providers.copywriting.catalog import Category

Lines = tuple[str, ...]

#: Lines for places people visit (cafés, salons, hotels), services people use, events people
#: get tickets for, causes people give to, and civic asks (vote, volunteer, the census), in
#: each language the director writes.
KIND_BENEFITS: dict[str, dict[str, Lines]] = {
    "local": {
        "fr": ("Un accueil chaleureux", "On prend le temps pour vous", "On y revient"),
        "es": ("Un trato cercano", "Con tiempo para ti", "Un sitio al que volver"),
        "de": ("Herzlich willkommen", "Wir nehmen uns Zeit für dich", "Ein Ort zum Wiederkommen"),
        "pt": ("Um atendimento caloroso", "Com tempo para você", "Um lugar para voltar"),
        "it": ("Un'accoglienza calorosa", "Con tutto il tempo per te", "Un posto in cui tornare"),
        "nl": ("Een warm welkom", "We nemen de tijd voor je", "Een plek om terug te komen"),
        "pl": ("Serdeczne przyjęcie", "Mamy dla ciebie czas", "Miejsce, do którego się wraca"),
        "sv": ("Ett varmt välkomnande", "Vi tar oss tid för dig", "En plats att återvända till"),
        "tr": ("Sıcak bir karşılama", "Size zaman ayırıyoruz", "Yeniden geleceğiniz bir yer"),
        "ja": ("心を込めたおもてなし", "ゆっくりお過ごしください", "また来たくなるお店"),
        "zh": ("热情周到的服务", "用心为你服务", "让人想再来的地方"),
        "ar": ("استقبال دافئ", "نخصص لك وقتنا", "مكان تعود إليه"),
    },
    "service": {
        "fr": ("Simple à prendre en main", "Un vrai gain de temps", "Une équipe à votre écoute"),
        "es": ("Fácil de empezar", "Te ahorra tiempo", "Un equipo que te escucha"),
        "de": ("Einfach loslegen", "Spart dir Zeit", "Ein Team, das zuhört"),
        "pt": ("Fácil de começar", "Economiza seu tempo", "Uma equipe que escuta você"),
        "it": ("Facile da iniziare", "Ti fa risparmiare tempo", "Un team che ti ascolta"),
        "nl": ("Makkelijk om mee te beginnen", "Bespaart je tijd", "Een team dat luistert"),
        "pl": ("Łatwy start", "Oszczędza twój czas", "Zespół, który słucha"),
        "sv": ("Lätt att komma igång", "Sparar din tid", "Ett team som lyssnar"),
        "tr": ("Kolayca başlayın", "Zamanınızı kazandırır", "Sizi dinleyen bir ekip"),
        "ja": ("かんたんに始められる", "時間を節約", "親身なサポート"),
        "zh": ("轻松上手", "为你节省时间", "贴心的支持团队"),
        "ar": ("سهل البدء", "يوفر وقتك", "فريق يستمع إليك"),
    },
    "cause": {
        "en": ("Every gift counts", "Real help where it's needed", "Together we go further"),
        "fr": ("Chaque don compte", "Une aide concrète", "Ensemble, on va plus loin"),
        "es": ("Cada aporte cuenta", "Ayuda real", "Juntos llegamos más lejos"),
        "de": ("Jede Spende zählt", "Echte Hilfe", "Gemeinsam schaffen wir mehr"),
        "pt": ("Cada doação conta", "Ajuda de verdade", "Juntos vamos mais longe"),
        "it": ("Ogni dono conta", "Un aiuto concreto", "Insieme si va più lontano"),
        "nl": ("Elke gift telt", "Echte hulp", "Samen komen we verder"),
        "pl": ("Każdy dar się liczy", "Realna pomoc", "Razem możemy więcej"),
        "sv": ("Varje gåva räknas", "Verklig hjälp", "Tillsammans når vi längre"),
        "tr": ("Her bağış önemli", "Gerçek yardım", "Birlikte daha güçlüyüz"),
        "ja": ("一つひとつの支援が力に", "本当に届く支援", "いっしょに、もっと遠くへ"),
        "zh": ("每一份爱心都重要", "实实在在的帮助", "一起走得更远"),
        "ar": ("كل تبرع يصنع فرقًا", "مساعدة حقيقية", "معًا نذهب أبعد"),
    },
    "event": {
        "en": ("Live and up close", "Bring your friends", "Moments you'll talk about"),
        "fr": ("En live, au plus près", "Venez entre amis", "Des moments dont on parle"),
        "es": ("En directo y de cerca", "Ven con tus amigos", "Momentos para recordar"),
        "de": ("Live und ganz nah", "Bring deine Freunde mit", "Momente, über die man spricht"),
        "pt": ("Ao vivo e de perto", "Traga seus amigos", "Momentos para lembrar"),
        "it": ("Dal vivo e da vicino", "Porta i tuoi amici", "Momenti da ricordare"),
        "nl": ("Live en van dichtbij", "Neem je vrienden mee", "Momenten om te onthouden"),
        "pl": ("Na żywo i z bliska", "Przyjdź z przyjaciółmi", "Chwile do zapamiętania"),
        "sv": ("Live och på nära håll", "Ta med dina vänner", "Stunder att minnas"),
        "tr": ("Canlı ve yakından", "Arkadaşlarını getir", "Unutulmayacak anlar"),
        "ja": ("ライブで、すぐそばで", "友だちと一緒に", "忘れられないひととき"),
        "zh": ("现场近距离感受", "约上朋友一起来", "难忘的时刻"),
        "ar": ("مباشر ومن قريب", "أحضر أصدقاءك", "لحظات لا تُنسى"),
    },
    "civic": {
        "en": ("Your voice matters", "For the whole community"),
        "fr": ("Votre voix compte", "Pour toute la communauté"),
        "es": ("Tu voz cuenta", "Por toda la comunidad"),
        "de": ("Deine Stimme zählt", "Für die ganze Gemeinschaft"),
        "pt": ("Sua voz importa", "Por toda a comunidade"),
        "it": ("La tua voce conta", "Per tutta la comunità"),
        "nl": ("Jouw stem telt", "Voor de hele gemeenschap"),
        "pl": ("Twój głos się liczy", "Dla całej społeczności"),
        "sv": ("Din röst räknas", "För hela samhället"),
        "tr": ("Sesiniz önemli", "Tüm topluluk için"),
        "ja": ("あなたの声が大切です", "地域のみんなのために"),
        "zh": ("你的声音很重要", "为了整个社区"),
        "ar": ("صوتك مهم", "من أجل المجتمع كله"),
    },
}  # fmt: skip

_CIVIC = frozenset({"vote", "volunteer", "respond"})
_SERVICE = frozenset(
    {"try", "contact", "quote", "open", "download", "subscribe", "apply", "enrol", "register"}
)
_LOCAL = frozenset({"book", "join", "visit"})


def benefit_kind(category: Category, action: str | None) -> str:
    """ "goods", "local", "service", "event", "cause" or "civic" for this category and action."""
    if action == "donate":
        return "cause"
    if action in _CIVIC:
        return "civic"
    if action == "tickets":
        return "event"
    if action in _SERVICE:
        return "service"
    if action in _LOCAL or category.local:
        return "local"
    return "goods"


def kind_benefits(kind: str, language: str) -> Lines:
    """The kind's lines in ``language`` (empty for goods, or where none are written)."""
    return KIND_BENEFITS.get(kind, {}).get(language, ())


def all_lines() -> list[str]:
    """Every line here (the scores count them as fillers)."""
    return [
        line for by_lang in KIND_BENEFITS.values() for lines in by_lang.values() for line in lines
    ]

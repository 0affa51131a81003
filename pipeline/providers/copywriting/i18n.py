"""Copy templates for prompts written in French, Japanese or Arabic.

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

LOCALES: dict[str, Locale] = {"fr": FR, "ja": JA, "ar": AR}

"""Arabic: how a prompt asks for an ad, states an offer, and how copy calls to action."""

from __future__ import annotations

from pipeline.providers.copywriting.lang.table import Lang, words

LANG = Lang(
    code="ar",
    request=r"^(?:إعلان|اعلان|فيديو|ترويج)\s+(?:عن|ل|لـ)?\s*",
    ad_words=words("إعلان اعلان فيديو ترويج دعاية"),
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
    sign_off="{product} من {name}",
    for_people="لـ{audience}",
    for_word="لـ",
)

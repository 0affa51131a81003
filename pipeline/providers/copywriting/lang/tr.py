"""Turkish: how a prompt asks for an ad, states an offer, and how copy calls to action."""

from __future__ import annotations

from pipeline.providers.copywriting.lang.table import Lang, N, words

_W = r"[\wçğıöşüâî]+"

LANG = Lang(
    code="tr",
    request=r"^(?:için\s+)?(?:bir\s+)?(?:reklam|tanıtım|video|spot)\s+(?:filmi\s+)?"
    r"(?:hazırla|yap|oluştur|yaz)\w*\s*[:,]?\s*",
    ad_words=words("reklam reklamı tanıtım video spot reklamlar"),
    hints=words(
        "ve ile için bir bu her çok en da de ya daha hemen şimdi sadece tüm bütün gibi "
        "ücretsiz indirim bedava sizin bizim"
    ),
    free=r"ücretsiz|bedava|hediye",
    offers=(
        r"(?:erken rezervasyon\w*|ön satış|lansmana özel)(?:\s+%\s?\d{1,2}\s+indirim)?",
        r"%\s?\d{1,2}\s+indirim",
        r"\d{1,2}\s?%\s+indirim",
        r"yüzde\s+" + _W + r"\s+indirim",
        r"-\s?%?\s?\d{1,2}\s?%?",
        r"(?:ikinci|2\.)\s+" + _W + r"\s+(?:bedava|ücretsiz|hediye|bizden|yarı fiyatına)",
        r"(?:ilk)\s+" + _W + r"\s+(?:bedava|ücretsiz)",
        r"\d\s+al\s+\d\s+öde",
        r"(?:ücretsiz|bedava)\s+" + _W,
        _W + r"\s+(?:bedava|ücretsiz|hediye)",
        r"ücretsiz kargo|kargo bedava",
        r"(?:sadece|yalnızca)?\s*" + N + r"\s?(?:tl|₺|lira)(?:'?den başlayan)?",
    ),
    deadline=r"(?:pazar|cumartesi|cuma|pazartesi|ay sonu|gece yarısı)(?:\s*'?\w*)?\s+"
    r"(?:kadar|akşamına kadar)|bu hafta sonu(?:\s+(?:geçerli|özel))?|sadece bugün|bu hafta|"
    r"bu ay",
    scarcity=r"(?:sadece|yalnızca|son)\s+\d+\s+" + _W + r"|sınırlı sayıda|sınırlı stok",
    occasions=r"\b(?:yılbaşı|anneler günü|babalar günü|sevgililer günü|black friday|bayram|"
    r"ramazan|kurban bayramı|yaz)\b",
    pain=r"bıktınız mı|bıktın mı|yoruldunuz mu|artık yok|bir daha asla|"
    r"\w+\s+derdine son|\w+\s+derdi(?:ne)? son",
    ctas=("Hemen sipariş ver", "Hemen keşfet", "Hemen rezervasyon yap", "Hemen dene"),
    cta_verbs=r"sipariş ver|rezervasyon yap|keşfet|dene|ziyaret et|indir|gel\b|ara\b|"
    r"bağış yap|satın al",
    with_word="ile",
    and_word="ve",
    now="hemen",
    new="Yeni",
    at_place="{name}, {place}",
    for_people="{audience} için",
    for_word="",  # "için" follows the people it names: no audience is read
)

"""Swedish: how a prompt asks for an ad, states an offer, and how copy calls to action."""

from __future__ import annotations

from pipeline.providers.copywriting.lang.table import Lang, N, words

_W = r"[\wåäö]+"

LANG = Lang(
    code="sv",
    request=r"^(?:gör|skapa|skriv|ta fram)?\s*(?:en\s+|ett\s+)?"
    r"(?:annons|reklam|reklamfilm|video|film|spot|klipp)\s+(?:\w+\s+)?(?:för|om|till)\s+",
    ad_words=words("annons annonsen reklam reklamfilm video film spot klipp"),
    hints=words(
        "och för med på i en ett är att av till som från din ditt dina vår vårt våra nu "
        "bara alla varje inte också gratis rabatt"
    ),
    free=r"gratis|kostnadsfri\w*",
    offers=(
        r"(?:early bird|förköp|introduktionspris)",
        r"\d{1,2}\s?%\s?rabatt(?:\s+på\s+" + _W + r"(?:\s+" + _W + r")?)?",
        r"-\s?\d{1,2}\s?%",
        r"köp\s+\w+\s+betala\s+för\s+\w+",
        r"(?:första|1:a)\s+" + _W + r"\s+gratis",
        r"(?:gratis|kostnadsfri\w*)\s+" + _W,
        _W + r"\s+gratis",
        r"fri frakt|gratis frakt",
        r"(?:från|bara|endast)\s+" + N + r"\s?(?:kr|kronor|sek)(?:\s?/\s?\w+|\s+i månaden)?",
    ),
    deadline=r"(?:till|före|innan)\s+(?:midnatt|söndag|lördag|fredag|måndag|ikväll|"
    r"månadens slut|kl\.?\s?\d{1,2})|(?:bara\s+)?(?:i\s+helgen|den här helgen)(?:\s+bara)?|"
    r"bara idag|endast idag|hela veckan|den här veckan",
    scarcity=r"(?:bara|endast)\s+\d+\s+" + _W + r"|begränsad upplaga|begränsat antal",
    occasions=r"\b(?:jul|julafton|mors dag|fars dag|alla hjärtans dag|black friday|påsk|"
    r"halloween|nyår|midsommar|sommar)\b",
    pain=r"trött på|less på|slut på|aldrig mer|skydda\w*\s+[\w ]{3,40}?\s+mot",
    ctas=("Beställ nu", "Upptäck mer", "Boka nu", "Testa nu"),
    cta_verbs=r"beställ\w{0,4}\b|boka\w{0,4}\b|upptäck\w{0,4}\b|testa\w{0,4}\b|besök\w{0,4}\b|"
    r"ladda ner|kom\b|ring\b|"
    r"handla\w{0,4}\b|swisha\w{0,4}\b|skänk\w{0,4}\b",
    with_word="med",
    and_word="och",
    now="nu",
    new="Nyhet",
    at_place="{name} {place}",
    for_people="För {audience}",
    for_word="för",
)

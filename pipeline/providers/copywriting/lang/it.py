"""Italian: how a prompt asks for an ad, states an offer, and how copy calls to action."""

from __future__ import annotations

from pipeline.providers.copywriting.lang.table import Lang, N, words

LANG = Lang(
    code="it",
    request=r"^(?:crea|fai|genera|scrivi)?\s*(?:un\s+|una\s+|uno\s+)?"
    r"(?:annuncio|pubblicità|spot|video|promo|réclame)\s+(?:\w+\s+)?"
    r"(?:per|di|su|del|della)\s+(?:il\s+|la\s+|lo\s+|i\s+|le\s+|l')?",
    ad_words=words("annuncio pubblicità spot video promo"),
    hints=words(
        "il lo la gli le di del della con per un una e è in tuo tua nostro nostra gratis più "
        "senza al nel che"
    ),
    free=r"gratis|gratuit[oaie]|in omaggio|in regalo",
    offers=(
        r"(?:biglietti\s+)?(?:early bird|prevendita|prezzo di lancio)",
        r"\d{1,2}\s?%\s?(?:di\s+)?sconto(?:\s+su\s+[\wàèéìòù]+)?|sconto del \d{1,2}\s?%",
        r"(?:prim[oa]|1[ªºa])\s+[\wàèéìòù]+(?:\s+[\wàèéìòù]+)?\s+(?:gratis|gratuit[oa]|in omaggio)",
        r"(?:spedizione|consegna)\s+gratuita",
        r"[\wàèéìòù]+\s+(?:gratis|gratuit[oaie]|in omaggio)",
        r"(?:da|a soli|solo)\s+" + N + r"\s?(?:€|euro)(?:\s?/\s?\w+|\s+al mese)?",
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

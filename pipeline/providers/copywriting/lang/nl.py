"""Dutch: how a prompt asks for an ad, states an offer, and how copy calls to action."""

from __future__ import annotations

from pipeline.providers.copywriting.lang.table import Lang, N, words

LANG = Lang(
    code="nl",
    request=r"^(?:maak|schrijf|genereer|ontwerp)?\s*(?:een\s+)?"
    r"(?:advertentie|reclame|reclamespot|video|spot|clip|promo|promovideo)\s+(?:\w+\s+)?"
    r"(?:voor|over|van)\s+(?:de\s+|het\s+|een\s+|onze?\s+)?",
    ad_words=words("advertentie reclame reclamespot video spot clip promo promovideo"),
    hints=words(
        "de het een en van voor met op bij je jouw uw onze ons is zijn niet nu ook aan uit "
        "wij we naar deze dit alle gratis korting elke per"
    ),
    free=r"gratis|kosteloos",
    offers=(
        r"(?:early bird|vroegboek\w*|voorverkoop|introductieprijs)",
        r"(?:\d{1,2}\s?%|[a-z]+\s+procent)\s?korting(?:\s+op\s+[\wëéï]+(?:\s+[\wëéï]+)?)?",
        r"(?:€\s?"
        + N
        + r"|"
        + N
        + r"\s?(?:€|euro))\s+korting(?:\s+op\s+[\wëéï]+(?:\s+[\wëéï]+)?)?",
        r"-\s?\d{1,2}\s?%",
        r"(?:eerste|1e)\s+[\wëéï]+\s+gratis",
        r"\d\s+voor\s+(?:de\s+prijs\s+van\s+)?\d(?![\d.,]*\s?(?:%|€|euro))",
        r"(?:gratis|kosteloze?)\s+[\wëéï]+",
        r"[\wëéï]+\s+gratis",
        r"(?:gratis verzending|gratis bezorging)",
        r"(?:vanaf|voor maar|slechts|nu)\s+(?:€\s?" + N + r"|" + N + r"\s?(?:€|euro))"
        r"(?:\s?/\s?\w+|\s+per\s+\w+)?",
    ),
    deadline=r"(?:tot|voor)\s+(?:en met\s+)?(?:middernacht|zondag|zaterdag|vrijdag|maandag|"
    r"vanavond|het einde van de maand|\d{1,2}\s?uur|\d{1,2}\s+\w+)|"
    r"(?:alleen\s+)?(?:dit|komend)\s+weekend(?:\s+alleen)?|alleen vandaag|deze week|deze maand",
    scarcity=r"(?:nog maar|slechts|maar)\s+\d+\s+[\wëéï]+|beperkte oplage|op is op",
    occasions=r"\b(?:"
    + r"kerst(?:mis)?|sinterklaas|moederdag|vaderdag|valentijnsdag|black friday|pasen|"
    r"halloween|oud en nieuw|nieuwjaar|koningsdag|zomer" + r")\b",
    pain=r"genoeg van|klaar met|moe van|nooit meer|geen zin (?:meer )?in|"
    r"bescherm\w*\s+[\w ]{3,40}?\s+tegen",
    ctas=("Bestel nu", "Ontdek het nu", "Boek nu", "Probeer het nu"),
    cta_verbs=r"bestel\w{0,4}\b|boek\w{0,4}\b|ontdek\w{0,4}\b|probeer\w{0,4}\b|bezoek\w{0,4}\b|"
    r"download\w{0,4}\b|kom\b|doneer\w{0,4}\b|"
    r"bel\b|schrijf je in",
    with_word="met",
    and_word="en",
    now="nu",
    new="Nieuw",
    at_place="{name} {place}",
    for_people="Voor {audience}",
    for_word="voor",
)

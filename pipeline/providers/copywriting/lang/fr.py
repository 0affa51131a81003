"""French: how a prompt asks for an ad, states an offer, and how copy calls to action."""

from __future__ import annotations

from pipeline.providers.copywriting.lang.table import Lang, N, words

LANG = Lang(
    code="fr",
    request=r"^(?:créez|crée|faites|fais|génère|générez|écris)?\s*(?:une?\s+)?"
    r"(?:pub|publicité|annonce|vidéo|spot|clip|réclame)\s+(?:\w+\s+)?(?:pour|de|sur|du)\s+"
    r"(?:la\s+|le\s+|l'|les\s+)?",
    ad_words=words("pub publicité annonce vidéo spot clip réclame"),
    hints=words(
        "le la les des du de et pour avec une un votre notre nos vos est en au aux ce cette "
        "sans gratuit gratuite offert offerte"
    ),
    free=r"gratuite?s?|offerte?s?",
    offers=(
        r"(?:billets?\s+)?(?:early bird|prévente|tarif de lancement|prix de lancement)",
        r"-?\s?\d{1,2}\s?%(?:\s+de\s+(?:réduction|remise))?(?:\s+sur\s+[\wéèàù]+)?",
        r"(?:premier|première|1er|1re)\s+[\wéèàù-]+\s+(?:offerte?|gratuite?)",
        r"livraison\s+(?:gratuite|offerte)",
        r"[\wéèàù-]+\s+(?:offerte?s?|gratuite?s?)",
        r"essai\s+gratuit(?:\s+de\s+\d+\s+jours)?",
        r"(?:dès|à partir de|seulement)\s+" + N + r"\s?(?:€|euros?)(?:\s?/\s?\w+)?",
        r"\d\s+achetés?,?\s+\d\s+offerts?",
    ),
    deadline=r"ce\s+(?:week-end|samedi|dimanche|lundi|mardi|mercredi|jeudi|vendredi|mois)"
    r"(?:\s+seulement)?|aujourd'hui(?:\s+seulement)?|jusqu'(?:à|au)\s+[\wéû]+(?:\s+\d+)?|"
    r"avant\s+(?:midi|minuit|dimanche|samedi|le\s+\d+\s+\w+)",
    scarcity=r"(?:seulement|uniquement|que)\s+\d+\s+[\wéèà]+|édition limitée|places limitées",
    occasions=r"noël|fête des mères|fête des pères|saint-valentin|black friday|pâques|"
    r"halloween|nouvel an|rentrée|été",
    pain=r"marre des?|fini les|fatigués? de|assez de|plus jamais|protég\w+\s+[\w ]{3,40}?\s+contre",
    ctas=(
        "Réservez maintenant",
        "Commandez maintenant",
        "Découvrez-le vite",
        "Essayez dès maintenant",
    ),
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

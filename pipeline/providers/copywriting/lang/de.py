"""German: how a prompt asks for an ad, states an offer, and how copy calls to action."""

from __future__ import annotations

from pipeline.providers.copywriting.lang.table import Lang, N, words

LANG = Lang(
    code="de",
    request=r"^(?:erstelle|mach|mache|schreib|schreibe|generiere)?\s*(?:eine?n?\s+)?"
    r"(?:werbung|werbespot|anzeige|video|spot|clip|reklame|werbevideo)\s+(?:\w+\s+)?"
    r"(?:für|über|zu)\s+(?:die\s+|den\s+|das\s+|der\s+|unsere?n?\s+)?",
    ad_words=words("werbung werbespot anzeige video spot clip reklame werbevideo"),
    hints=words(
        "der die das und für mit ein eine einen ihr ihre unser unsere ist in auf nur jetzt "
        "zum zur von im am gratis kostenlos bis"
    ),
    free=r"gratis|kostenlos|umsonst",
    offers=(
        r"(?:frühbucher(?:-?[\wäöüß]+)?|early bird|einführungspreis|vorverkauf)",
        r"\d{1,2}\s?%\s?(?:rabatt|nachlass|günstiger)(?:\s+auf\s+[\wäöüß]+)?",
        r"-\s?\d{1,2}\s?%",
        r"(?:erste|erster|erstes|ersten)\s+[\wäöüß]+\s+(?:gratis|kostenlos|umsonst)",
        r"(?:gratis|kostenlose[rsn]?)\s+[\wäöüß]+",
        r"[\wäöüß]+\s+(?:gratis|kostenlos)",
        r"versandkostenfrei|kostenloser versand",
        r"(?:ab|nur)\s+" + N + r"\s?(?:€|euro)(?:\s?/\s?\w+|\s+im monat|\s+pro \w+)?",
        r"\d\s+kaufen,?\s+\d\s+(?:gratis|geschenkt)",
    ),
    deadline=r"(?:bis|vor)\s+(?:mittag|mitternacht|sonntag|samstag|freitag|montag|heute abend|"
    r"zum \d+\.?\s*\w*|ende des monats|\d{1,2}\s?uhr)(?:\s+(?:bestellen|buchen|anmelden))?|"
    r"(?:nur\s+)?(?:dieses|am)\s+wochenende"
    r"(?:\s+nur)?|nur heute|diese woche",
    scarcity=r"(?:nur|lediglich)\s+\d+\s+[\wäöüß]+|limitierte auflage|limitiert auf \d+[\w ]{0,20}",
    occasions=r"weihnachten|muttertag|vatertag|valentinstag|black friday|ostern|halloween|"
    r"silvester|neujahr|schulanfang|sommer|advent",
    pain=r"schluss mit|genug von|keine lust (?:mehr )?auf|nie wieder|nie mehr|müde von|"
    r"schütz\w*\s+[\w ]{3,40}?\s+vor",
    ctas=("Jetzt bestellen", "Jetzt entdecken", "Jetzt buchen", "Jetzt testen"),
    cta_verbs=r"bestell\w{0,4}\b|buch\w{0,4}\b|entdeck\w{0,4}\b|test\w{0,4}\b|besuch\w{0,4}\b|"
    r"hol\w{0,4}\b|komm\w{0,4}\b|spende\w{0,4}\b",
    with_word="mit",
    and_word="und",
    now="jetzt",
    new="Neu",
    at_place="{name} {place}",
    for_people="Für {audience}",
    for_word="für",
)

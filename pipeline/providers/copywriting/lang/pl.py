"""Polish: how a prompt asks for an ad, states an offer, and how copy calls to action."""

from __future__ import annotations

from pipeline.providers.copywriting.lang.table import Lang, N, words

_W = r"[\wąćęłńóśźż]+"

LANG = Lang(
    code="pl",
    request=r"^(?:stwórz|zrób|napisz|przygotuj|wygeneruj)?\s*"
    r"(?:reklam[aęy]|spot|film(?:ik)?|wideo|klip|promocj[aęi])\s+(?:reklamow\w+\s+)?"
    r"(?:dla|o|na)\s+",
    ad_words=words("reklama reklamę reklamy spot film filmik wideo klip promocja promocję"),
    hints=words(
        "i w z na do dla od po się jest nie oraz to za przez już tylko każdy każdego "
        "nasz nasza nasze twój twoja dzień cały gratis darmo taniej"
    ),
    free=r"gratis|za darmo|bezpłatn\w+|darmow\w+",
    offers=(
        r"(?:przedsprzedaż|early bird|cena na start|cena premierowa)",
        r"-?\s?\d{1,2}\s?%\s?(?:zniżki|rabatu|taniej)(?:\s+na\s+" + _W + r")?",
        r"(?:rabat|zniżka|promocja)\s+\d{1,2}\s?%(?:\s+na\s+" + _W + r")?",
        r"-\s?\d{1,2}\s?%",
        r"(?:pierwsz[aye]|1\.)\s+" + _W + r"\s+(?:gratis|za darmo|bezpłatn\w+)",
        r"(?:drug[aie])\s+" + _W + r"\s+(?:gratis|za darmo|za pół ceny|za 1 zł)",
        r"\d\s+w\s+cenie\s+\d",
        r"(?:darmow\w+|bezpłatn\w+)\s+" + _W,
        _W + r"\s+(?:gratis|za darmo)",
        r"(?:darmowa dostawa|darmowa wysyłka|dostawa gratis)",
        r"(?:już od|od|tylko|za)\s+" + N + r"\s?(?:zł|złotych|pln)(?:\s?/\s?\w+|\s+miesięcznie)?",
    ),
    deadline=r"(?:do|przed)\s+(?:północy|niedzieli|soboty|piątku|poniedziałku|końca (?:miesiąca|"
    r"tygodnia)|\d{1,2}\s+" + _W + r"|\d{1,2}(?::\d\d)?)|"
    r"(?:tylko\s+)?(?:w\s+ten|przez\s+cały|w\s+ten\s+cały)\s+weekend|tylko dziś|tylko dzisiaj|"
    r"w tym tygodniu|w tym miesiącu",
    scarcity=r"(?:tylko|zostało|ostatnie)\s+\d+\s+" + _W + r"|edycja limitowana|liczba miejsc "
    r"ograniczona",
    occasions=r"\b(?:" + r"boże narodzenie|święta|dzień matki|dzień ojca|walentynki|black friday|"
    r"wielkanoc|halloween|sylwester|nowy rok|dzień dziecka|lato" + r")\b",
    pain=r"dość\s+\w+|mam(?:y|sz)? dość|koniec z|nigdy więcej|zmęczon\w+\s+\w+|"
    r"chroń\w*\s+[\w ]{3,40}?\s+przed",
    ctas=("Zamów teraz", "Sprawdź teraz", "Zarezerwuj teraz", "Wypróbuj teraz"),
    cta_verbs=r"zamów\w{0,4}\b|zarezerwuj\w{0,4}\b|sprawdź\w{0,4}\b|wypróbuj\w{0,4}\b|"
    r"odwiedź\w{0,4}\b|pobierz\w{0,4}\b|"
    r"przyjdź\w{0,4}\b|wpadnij\w{0,4}\b|zadzwoń\w{0,4}\b|zapisz się|wesprzyj\w{0,4}\b|kup\b",
    with_word="z",
    and_word="i",
    now="teraz",
    new="Nowość",
    at_place="{name} {place}",
    for_people="Dla {audience}",
    for_word="dla",
)

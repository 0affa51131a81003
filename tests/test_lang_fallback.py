"""Never the wrong language: a prompt in a language the offline director does not write gets
English copy and a note saying so, never German, Spanish, Portuguese or Italian copy."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.providers.copywriting import write_specification
from pipeline.providers.copywriting.detect import read_language
from tests.app_harness import app_env
from ui.format import plain

#: Written for this test (not taken from any corpus): code, prompt, the language's name.
OTHER = [
    (
        "da",
        "Bageriet Solsikken i Aarhus, friskbagt rugbrød hver morgen, køb to og få en gratis",
        "Danish",
    ),
    ("da", "Cykelværkstedet på hjørnet reparerer din cykel mens du venter, ring i dag", "Danish"),
    (
        "fi",
        "Kahvila Pulla Tampereella, tuoreet korvapuustit joka aamu, toinen kahvi ilmaiseksi",
        "Finnish",
    ),
    ("fi", "Uusi kuntosali avautuu Oulussa, ensimmäinen kuukausi puoleen hintaan", "Finnish"),
    (
        "cs",
        "Pekárna U Mlýna v Brně, čerstvý kváskový chléb každé ráno, druhý rohlík zdarma",
        "Czech",
    ),
    (
        "cs",
        "Nová aplikace pro hlídání rodinného rozpočtu, stáhněte si ji zdarma ještě dnes",
        "Czech",
    ),
    (
        "ro",
        "Cafeneaua noastră din Cluj are cea mai bună cafea de specialitate, vino să ne vizitezi",
        "Romanian",
    ),
    (
        "ro",
        "Reducere de 30% la toate bicicletele electrice din magazinul nostru din București",
        "Romanian",
    ),
    (
        "id",
        "Kedai kopi baru di Bandung, beli dua gelas gratis satu kue setiap hari Jumat",
        "Indonesian",
    ),
    (
        "id",
        "Aplikasi belajar bahasa Inggris untuk anak-anak, coba gratis selama tujuh hari",
        "Indonesian",
    ),
    ("ru", "Новая кофейня в Казани, второй капучино в подарок до конца недели", "Russian"),
    ("el", "Νέο αρτοποιείο στη Θεσσαλονίκη, φρέσκο ψωμί κάθε πρωί", "Greek"),
    ("ko", "서울에 새로 문을 연 베이커리, 오늘만 모든 빵 20% 할인", "Korean"),
    ("fa", "کافه جدید ما در تهران، قهوه دوم رایگان تا پایان هفته", "Persian"),
]

#: Prompts in languages the director writes keep their language and carry no note.
WRITTEN = [
    ("en", "Fresh sourdough from Crumb & Co on Mill Lane, buy two loaves get a free coffee"),
    ("en", "Tallis trail shoes, grippy soles for wet rocks, 25% off this weekend"),
    ("es", "Clínica dental Sonrisa Plus en Valencia, primera consulta gratis"),
    ("de", "Friseursalon Haarmonie in Berlin, 20% Rabatt für Studenten"),
    ("pt", "Brisa moda praia, biquínis estampados, leve 3 pague 2"),
    ("fr", "Hôtel des Dunes à Biarritz, 2 minutes de la plage, petit-déjeuner offert"),
    ("it", "Palestra Energia Fit a Bari, corsi di pilates e crossfit, 7 giorni gratis"),
    ("ar", "إعلان لمقهى Bunn House، خصم 25%، الكوب الثاني مجانا، اطلب الآن"),
]


@pytest.mark.parametrize(("code", "prompt", "name"), OTHER)
def test_a_language_the_director_does_not_write_gets_english_and_a_note(
    code: str, prompt: str, name: str
) -> None:
    spec = write_specification(prompt)
    reading = read_language(prompt)
    assert (reading.prompt, reading.written) == (code, "en")
    assert spec.language == "en"
    assert spec.language_note == (
        f"{name} copy is not available offline yet; the ad is written in English. "
        f"Set OPENAI_API_KEY for copy in {name}."
    )


@pytest.mark.parametrize(("code", "prompt"), WRITTEN)
def test_a_written_language_keeps_its_copy_and_needs_no_note(code: str, prompt: str) -> None:
    spec = write_specification(prompt)
    assert spec.language == code
    assert spec.language_note == ""


def test_plan_page_says_the_ad_is_in_english(tmp_path: Path) -> None:
    prompt = "Ny cykelbutik i Odense, tyve procent rabat på alle børnecykler i denne uge"
    with app_env(tmp_path) as env:
        at = env.plan_page_for(prompt)
        assert not at.exception
        note = (
            "Danish copy is not available offline yet; the ad is written in English. "
            "Set OPENAI_API_KEY for copy in Danish."
        )
        assert [i.value for i in at.info] == [plain(note)]  # markdown-escaped, shown as is

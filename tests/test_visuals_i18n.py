"""Products named in nine languages get objects that show them, through the whole plan.

Each row is a prompt as a user writes it and the icons that show its product; every scene's
objects are chosen by the real director, planner and renderer's chooser.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.providers.copywriting import write_specification
from pipeline.providers.motion.factplan import says
from pipeline.providers.motion.vocabulary import choose_objects
from pipeline.settings import Settings
from pipeline.stages import scene_planning
from pipeline.stages.context import StageContext
from tests.test_visuals_facts import designs

CAR = {"automobile", "sport-utility-vehicle"}
INSURE = {"shield", "umbrella", "umbrella-with-rain-drops", "locked"}
GYM = {"person-lifting-weights", "flexed-biceps"}
FLOWERS = {"bouquet", "rose", "tulip", "sunflower", "blossom", "potted-plant"}
BREAD = {"bread", "baguette-bread", "croissant", "bagel", "pretzel"}
FIX = {"wrench", "toolbox", "hammer-and-wrench", "mechanic", "droplet", "shower", "toilet"}
ICE = {"ice-cream", "soft-ice-cream"}
PET = {"dog", "cat", "paw-prints", "bone"}
NOTEBOOK = {"notebook-with-decorative-cover", "green-book", "books", "open-book"}

# prompt -> icons that show the product (the scene's objects must include one)
TABLE: list[tuple[str, set[str]]] = [
    ("Marisquería El Puerto: conchas finas y gambas de la ría", {"shrimp", "fish"}),
    ("Seguro de coche Rápido, contrata en 5 minutos", CAR | INSURE),
    ("Fontanero 24 horas en Madrid, sin desplazamiento", FIX),
    ("Peluquería canina Guau en Sevilla", PET | {"scissors"}),
    ("Clases de guitarra online para adultos", {"guitar", "musical-notes"}),
    ("Zapatillas de running Vuela, ligeras y rápidas", {"running-shoe", "person-running"}),
    ("Heladería artesanal Polar en Alicante", ICE),
    ("Gimnasio FitBox abierto 24 horas", GYM),
    ("Floristería Las Rosas, ramos a domicilio", FLOWERS),
    ("Mudanzas Rápidas, mudanzas en toda España", {"delivery-truck", "package", "house"}),
    ("Fahrradladen Radwerk in Leipzig, Reparatur am selben Tag", {"bicycle", "person-biking"}),
    ("Bäckerei Sonnenkorn: frische Brötchen ab 6 Uhr", BREAD),
    ("Kfz-Versicherung DirektSchutz, in 3 Minuten abgeschlossen", CAR | INSURE),
    ("Zahnarztpraxis Dr. Weiß in Hamburg", {"tooth", "toothbrush"}),
    ("Weinhandlung Rebstock, Weine aus der Pfalz", {"wine-glass", "grapes"}),
    ("Umzugsfirma Blitz, Umzüge in ganz Bayern", {"delivery-truck", "package", "house"}),
    ("Hundeschule Pfote für Welpen", PET),
    ("Autowerkstatt Meyer: Inspektion zum Festpreis", CAR | FIX),
    ("Steuerberater Klar für Selbstständige", {"ledger", "abacus", "receipt", "bar-chart"}),
    ("Blumenladen Blütezeit in Dresden", FLOWERS),
    ("Friseursalon Schnittig, Termine online", {"scissors", "person-getting-haircut"}),
    ("Plombier à Lyon, dépannage 7j/7", FIX),
    ("Boulangerie Au Bon Pain, pain au levain", BREAD),
    ("Fleuriste Pétales, bouquets livrés le jour même", FLOWERS),
    ("Assurance auto MaVoiture, devis en ligne", CAR | INSURE),
    ("Salle de sport Énergie à Lille", GYM),
    ("Cours de piano pour enfants à Nantes", {"musical-keyboard", "musical-notes"}),
    ("Pâtisserie Douceur, gâteaux sur commande", {"birthday-cake", "shortcake", "cupcake"}),
    ("Cave à vin Le Tonneau, vins de Bourgogne", {"wine-glass", "grapes"}),
    ("Agence immobilière Clé d'Or à Bordeaux", {"house", "key", "house-with-garden"}),
    ("Serrurier Express, ouverture de porte en 30 minutes", {"key", "locked", "door"}),
    ("Padaria Pão Quente, pão francês fresquinho", BREAD),
    ("Oficina mecânica do Zé, revisão completa", CAR | FIX),
    ("Seguro de vida Tranquilo para a sua família", INSURE),
    ("Aulas de natação para crianças", {"person-swimming", "water-wave"}),
    ("Pet shop Amigo Fiel, ração para cães e gatos", PET),
    ("Sorveteria Gelato Bom em Lisboa", ICE),
    ("Academia FitVida, primeira semana grátis", GYM),
    ("Floricultura Jardim, flores para casamentos", FLOWERS),
    ("Pizzeria Da Gino, forno a legna", {"pizza"}),
    ("Gelateria Dolce Vita a Bologna", ICE),
    ("Palestra Forza, allenamento funzionale", GYM),
    ("Idraulico pronto intervento a Roma", FIX),
    ("Assicurazione auto SicuraPiù, preventivo gratuito", CAR | INSURE),
    ("Libreria Pagine, libri usati e nuovi", {"books", "open-book"}),
    ("寿司屋「海」の出前、30分でお届け", {"sushi"}),
    ("ラーメン店「麺屋」の新メニュー", {"steaming-bowl"}),
    ("自動車保険のかんたん見積もり", CAR | INSURE),
    ("スマイル歯科、ホワイトニング", {"tooth", "toothbrush"}),
    ("花屋ハナコの花束", FLOWERS),
    ("パン屋こむぎ、焼きたて", BREAD),
    ("火锅店老味道，新鲜食材", {"pot-of-food", "hot-pepper", "shallow-pan-of-food"}),
    ("汽车保险，一键投保", CAR | INSURE),
    ("健身房，24小时营业", GYM),
    ("奶茶店，新品上市", {"bubble-tea"}),
    ("宠物店，猫粮狗粮", PET),
    ("مخبز الياسمين، خبز طازج يوميا", BREAD),
    ("تأمين السيارات من أمان", CAR | INSURE),
    ("نادي رياضي للياقة البدنية", GYM),
    ("متجر زهور الربيع", FLOWERS),
    ("Atelier Brume : reliure artisanale de carnets en cuir", NOTEBOOK),
    ("Schreibwaren Feder: Notizbücher aus Recyclingpapier", NOTEBOOK),
    ("Cartoleria Penna, quaderni fatti a mano", NOTEBOOK),
]


def test_the_table_has_sixty_products() -> None:
    assert len(TABLE) >= 60


@pytest.mark.parametrize(("prompt", "wanted"), TABLE)
def test_every_scene_shows_an_object_of_the_product(
    prompt: str, wanted: set[str], tmp_path: Path
) -> None:
    for design in designs(prompt, tmp_path):
        shown = [o.name for o in design.objects]
        assert wanted & set(shown), (design.template, shown)


@pytest.mark.parametrize(
    ("product", "hero"),
    [("Pizzería", "pizza"), ("Café Olé", "hot-beverage")],
)
def test_accented_product_words_find_their_objects(product: str, hero: str) -> None:
    assert choose_objects(product=product)[0].name == hero


@pytest.mark.parametrize(
    ("product", "hero"),
    [
        ("merino wool scarves", "scarf"),
        ("island ferry pass", "ferry"),
        ("pest control for restaurants", "mouse-trap"),
        ("piano lessons for kids", "musical-keyboard"),
        ("airport taxi", "oncoming-taxi"),
        ("Töpferei Lehm", "amphora"),
        ("Tischlerei Holzmann kitchen fitters", "carpentry-saw"),
    ],
)
def test_the_icons_added_for_everyday_products_lead(product: str, hero: str) -> None:
    assert choose_objects(product=product)[0].name == hero


def test_one_claim_is_not_a_checklist_that_repeats_the_line(tmp_path: Path) -> None:
    got = designs("Ad for Brisa linen shirts, woven in Portugal", tmp_path)
    assert "checklist" not in [d.template for d in got]


def test_checklist_cards_do_not_repeat_the_scene_s_own_line(tmp_path: Path) -> None:
    prompt = "Ad for Kiln & Co ceramic mugs: dishwasher safe, microwave safe, handmade in Stoke"
    spec = write_specification(prompt)
    ctx = StageContext(settings=Settings(data_dir=tmp_path), workdir=tmp_path, seed=1)
    plan = scene_planning.run(spec, ctx, scenes=4)
    lines = [s.overlay.text if s.overlay else "" for s in plan.scenes]
    got = designs(prompt, tmp_path)
    checklists = [(d, lines[d.index]) for d in got if d.template == "checklist"]
    assert checklists
    for design, line in checklists:
        assert len(design.claims) >= 2
        assert not any(says(line, claim) for claim in design.claims), (line, design.claims)


@pytest.mark.parametrize(
    ("prompt", "name"),
    [
        ("学習塾あおば、夏期講習受付中", "学習塾あおば"),
        ("動物病院さくら、夜間診療あり", "動物病院さくら"),
        ("مركز لياقة النخبة، اشتراك شهري", "مركز لياقة النخبة"),
    ],
)
def test_a_product_the_director_missed_is_never_drawn_as_product(
    prompt: str, name: str, tmp_path: Path
) -> None:
    assert write_specification(prompt).ad.product == "product"  # the director's placeholder
    for design in designs(prompt, tmp_path):
        assert design.brand == name
        assert " ".join(design.words) == name


def test_free_is_no_butterfly_and_a_playground_has_children() -> None:
    got = [o.name for o in choose_objects(product="indoor playground", claims=["3 go free"])]
    assert "butterfly" not in got
    assert {"child", "kite", "carousel-horse"} <= set(got)

"""No prompt that passes validation crashes the director (issue 14, item 5): thousands of
generated prompts, fixed seed, each gives a valid specification and scene plan."""

from __future__ import annotations

import random
from pathlib import Path

from pipeline.errors import InputError
from pipeline.providers.copywriting import write_specification
from pipeline.runtime import jobs
from pipeline.settings import Settings
from pipeline.stages import scene_planning
from pipeline.stages.context import StageContext

WORDS = [
    "coffee",
    "app",
    "software",
    "platform",
    "tool",
    "bakery",
    "rum",
    "wine",
    "shoes",
    "watch",
    "serum",
    "gym",
    "yoga",
    "hotel",
    "tours",
    "pizza",
    "tacos",
    "insurance",
    "plumbing",
    "solar",
    "sofa",
    "e-bike",
    "course",
    "school",
    "festival",
    "charity",
    "dog",
    "cat",
    "vet",
    "salon",
    "perfume",
    "laptop",
    "headphones",
    "mattress",
    "flowers",
    "game",
    "podcast",
    "CRM",
    "juice",
    "beer",
    "tea",
]
BRANDS = ("Acme", "ZephyrRun", "Éclat", "Maria's", "Lotus & Leaf", "BrühMeister", "DROP TABLE")
TEMPLATES = (
    "{w} ad for {b} {x}",
    "{b} {w}, {n}% off this weekend",
    "Create an ad for {b} {w} with {x} in {n} minutes",
    "{w} {x} for {b} app",
    "Tired of {x}? {b} {w} fixes it, free trial",
    "Anuncio de {w} {b}, primera clase gratis",
    "Werbung für {b} {w}: {x} in {n} Sekunden",
    "Pub pour {b}, le {w}, livraison gratuite",
    "{b}「{w}」の広告、{n}%オフ",
    "为{b}{w}做广告，买一送一",
    "إعلان {w} من {b}، خصم {n}%",
    "https://{x}.example.com/{w}/{x} {b}",
    "{b}'); DROP TABLE generations;-- {w}",
    "{w} {w} {w} {w} {w} {w}",
    "only {n} {w} left at {b}, order by noon",
)
ALPHABETS = (
    "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789 ,.;:!?%$€'\"-&()/#@",
    "áéíóúñüöäßçàèìòùâêîôûœ «»¿¡",
    "あいうえおかきくけこアイウエオ漢字広告今週末「」、。",
    "你好广告咖啡新品上市，。！",
    "مرحبا إعلان خصم قهوة ، ٪",
    "\u200b\u202e\u2066\ufeff\u00ad\U0001f525\U0001f355\U0001d509\U0001d52f\ud800\udcff",
    "<>&;=`{}[]|\\^~*_+",
)


def _template_prompt(rng: random.Random) -> str:
    return rng.choice(TEMPLATES).format(
        w=rng.choice(WORDS), b=rng.choice(BRANDS), x=rng.choice(WORDS), n=rng.randint(1, 999)
    )


def _random_prompt(rng: random.Random) -> str:
    alphabet = "".join(rng.sample(ALPHABETS, k=rng.randint(1, 3)))
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(10, 160)))


def test_thousands_of_generated_prompts_give_a_valid_spec_and_plan(tmp_path: Path) -> None:
    rng = random.Random(20261206)
    ctx = StageContext(settings=Settings(data_dir=tmp_path), workdir=tmp_path, seed=7)
    prompts = [_template_prompt(rng) for _ in range(1400)]
    prompts += [_random_prompt(rng) for _ in range(600)]
    checked = 0
    for prompt in prompts:
        try:
            text = jobs.validate_prompt(prompt)
        except InputError:
            continue
        spec = write_specification(text)
        plan = scene_planning.run(spec, ctx)
        assert plan.scenes and spec.beats[-1].headline, prompt
        assert len(spec.beats[0].headline.split()) <= 7 or spec.language in ("ja", "zh"), prompt
        assert "<" not in " ".join(b.headline for b in spec.beats), prompt
        checked += 1
    assert checked >= 1900

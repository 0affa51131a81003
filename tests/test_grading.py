"""Colour grades: measured on a small colour chart pushed through the real ffmpeg filters."""

from __future__ import annotations

import colorsys
import itertools

import numpy as np
import pytest
from PIL import Image

from pipeline.media import ffmpeg
from pipeline.media.grading import PRESETS
from pipeline.providers.copywriting import write_specification

GOLD = (0xC9, 0xA9, 0x6E)
# Patches of the chart: (name, colour); 16 px squares in one row.
CHART = [
    ("black", (17, 17, 17)),
    ("shadow", (48, 48, 48)),
    ("grey", (128, 128, 128)),
    ("light", (220, 220, 220)),
    ("gold", GOLD),
    ("red", (220, 60, 50)),
    ("blue", (40, 110, 220)),
    ("green", (90, 170, 100)),
]
PATCH = 16


@pytest.fixture(scope="module")
def graded(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, np.ndarray]]:
    """Each preset (vignette left out: it is positional) applied to the chart."""
    root = tmp_path_factory.mktemp("grades")
    chart = Image.new("RGB", (PATCH * len(CHART), PATCH))
    for i, (_, color) in enumerate(CHART):
        chart.paste(color, (i * PATCH, 0, (i + 1) * PATCH, PATCH))
    src = root / "chart.png"
    chart.save(src)
    exe = ffmpeg.find_ffmpeg()
    out: dict[str, dict[str, np.ndarray]] = {}
    for name, grade in PRESETS.items():
        look = grade.filter().split(",vignette")[0]
        dest = root / f"{name}.png"
        ffmpeg.run(exe, ["-i", str(src), "-vf", f"{look},format=rgb24", str(dest)])
        pixels = np.asarray(Image.open(dest).convert("RGB"), dtype=np.float64) / 255
        out[name] = {
            patch: pixels[PATCH // 2, i * PATCH + PATCH // 2] for i, (patch, _) in enumerate(CHART)
        }
    return out


def _sat(rgb: np.ndarray | tuple[float, ...]) -> float:
    return colorsys.rgb_to_hsv(*(float(c) for c in rgb))[1]


def _luma(rgb: np.ndarray) -> float:
    return float(rgb @ np.array([0.2126, 0.7152, 0.0722]))


@pytest.mark.parametrize("style", sorted(PRESETS))
def test_every_grade_keeps_a_gold_accent(
    style: str, graded: dict[str, dict[str, np.ndarray]]
) -> None:
    original = _sat(tuple(c / 255 for c in GOLD))
    gold = graded[style]["gold"]
    assert _sat(gold) >= 0.55 * original, f"{style} turns gold grey"
    assert gold[0] > gold[2] + 0.1, f"{style} loses gold's warmth"


@pytest.mark.parametrize("style", sorted(PRESETS))
def test_no_grade_crushes_shadows_or_mid_tones(
    style: str, graded: dict[str, dict[str, np.ndarray]]
) -> None:
    patches = graded[style]
    assert 0.40 <= _luma(patches["grey"]) <= 0.62
    assert _luma(patches["shadow"]) >= 0.10  # a dark velvet background stays visible
    assert _luma(patches["light"]) >= 0.80


def test_presets_visibly_differ(graded: dict[str, dict[str, np.ndarray]]) -> None:
    for a, b in itertools.combinations(sorted(PRESETS), 2):
        diff = np.mean([np.abs(graded[a][p] - graded[b][p]).mean() for p, _ in CHART])
        assert diff * 255 >= 4.0, f"{a} and {b} look alike ({diff * 255:.1f} levels)"


def test_noir_is_darker_and_less_colourful_than_warm(
    graded: dict[str, dict[str, np.ndarray]],
) -> None:
    noir, warm = graded["noir"], graded["warm"]
    assert _sat(noir["red"]) < 0.8 * _sat(warm["red"])
    assert _sat(noir["blue"]) < 0.8 * _sat(warm["blue"])


@pytest.mark.parametrize(
    "prompt", ["Create a luxury watch ad for Instagram", "Luxury gold and black perfume ad"]
)
def test_luxury_black_and_gold_is_graded_warm(prompt: str) -> None:
    spec = write_specification(prompt)
    assert spec.ad.mood == "luxury"
    assert spec.ad.visual_style == "warm"


def test_noir_when_the_prompt_asks_for_it() -> None:
    assert write_specification("Dark moody ad for a luxury watch").ad.visual_style == "noir"

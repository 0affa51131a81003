"""Text overlays in other scripts: Arabic shaping and direction, Japanese faces, emoji, accents.

Rendered ink is compared with reference renderings made directly with Pillow (and with the
"tofu" rendering a face without the glyphs would give).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from pipeline.spec import TextOverlay
from pipeline.typography import bidi, fonts, layout
from tests.fakes import sample_specification
from tests.overlay_support import make_clips, meta, render, spec_for


@pytest.fixture(scope="module")
def clips(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return make_clips(tmp_path_factory)


def _ink_profile(mask: Image.Image) -> np.ndarray:
    arr = np.asarray(mask, dtype=np.float64)
    box = mask.getbbox()
    assert box is not None
    cols = arr[box[1] : box[3], box[0] : box[2]].sum(axis=0)
    return np.interp(np.linspace(0, len(cols) - 1, 400), np.arange(len(cols)), cols)


def _ours(text: str, language: str, raqm: bool | None = None) -> Image.Image:
    chain = (fonts.face("inter_bold"), *fonts.fallback_chain(bold=True, language=language))
    raqm = fonts.raqm_available() if raqm is None else raqm
    style = layout.TextStyle(chain, language=language, raqm=raqm)
    block = layout.fit(
        text, style, max_width=5000, max_height=500, size=80, min_size=80, max_lines=1
    )
    return layout.draw_mask(block, style, (int(block.width) + 80, 400), (40, 100))


def _reference(
    text: str, font_file: str, px: int, *, basic: bool = False, **kw: str
) -> Image.Image:
    engine = ImageFont.Layout.BASIC if basic else None
    font = ImageFont.truetype(str(fonts.FONT_DIR / font_file), px, layout_engine=engine)
    mask = Image.new("L", (int(font.getlength(text, **kw)) + 80, 400), 0)
    ImageDraw.Draw(mask).text((40, 250), text, font=font, fill=255, anchor="ls", **kw)
    return mask


def test_arabic_is_shaped_and_right_to_left() -> None:
    text = "مرحبا بالعالم"
    ours = _ink_profile(_ours(text, "ar"))
    shaped = _ink_profile(_reference(text, "noto/NotoSansArabic-Bold.ttf", 80, direction="rtl"))
    assert np.corrcoef(ours, shaped)[0, 1] > 0.97  # same joined glyphs, same order
    assert np.corrcoef(ours, shaped[::-1])[0, 1] < 0.8  # left-to-right would not match
    tofu = _ink_profile(_reference(text, "inter/Inter-Bold.otf", 80))
    assert np.corrcoef(ours, tofu)[0, 1] < 0.8


def test_arabic_without_raqm_is_reshaped_and_reordered() -> None:
    """Pillow builds without libraqm fall back to arabic-reshaper + python-bidi."""
    text = "مرحبا بالعالم"
    ours = _ink_profile(_ours(text, "ar", raqm=False))
    unshaped = _ink_profile(_reference(text, "noto/NotoSansArabic-Bold.ttf", 80, basic=True))
    if fonts.raqm_available():
        shaped = _ink_profile(_reference(text, "noto/NotoSansArabic-Bold.ttf", 80, direction="rtl"))
        assert np.corrcoef(ours, shaped)[0, 1] > 0.9
    assert np.corrcoef(ours, unshaped)[0, 1] < 0.8


def test_mixed_arabic_and_numbers_follow_the_bidi_algorithm() -> None:
    assert bidi.levels("خصم 50%", True) == [1, 1, 1, 1, 2, 2, 1]  # Arabic number, % is neutral
    assert bidi.levels("Save 20% now", False) == [0] * 12
    chain = (fonts.face("inter_bold"), *fonts.fallback_chain(bold=True))
    shaper = layout.Shaper(layout.TextStyle(chain, language="ar"), 60, False)
    runs = [
        r.text.strip() for r in shaper.line("Nike يقدم Air Max 90 الجديد").runs if r.text.strip()
    ]
    assert runs == ["Nike", "يقدم", "Air Max 90", "الجديد"]
    rtl = layout.Shaper(layout.TextStyle(chain, language="ar"), 60, True)
    assert [r.text.strip() for r in rtl.line("العرض Air Max اليوم").runs if r.text.strip()] == [
        "اليوم", "Air Max", "العرض",
    ]  # fmt: skip


def test_japanese_uses_a_japanese_face_not_tofu(tmp_path: Path, clips: dict[str, Path]) -> None:
    text = "今すぐ購入"
    ours = _ink_profile(_ours(text, "ja"))
    real = _ink_profile(_reference(text, "ipaexfont/ipaexg.ttf", round(80 * 0.92)))
    tofu = _ink_profile(_reference(text, "inter/Inter-Bold.otf", 80))
    assert np.corrcoef(ours, real)[0, 1] > 0.97
    assert np.corrcoef(ours, tofu)[0, 1] < 0.8
    spec = sample_specification().model_copy(update={"language": "ja"})
    texts = [TextOverlay(text="時間を、完璧に。スイス製ムーブメント搭載"), None, None, None]
    (layer,) = render(tmp_path, texts, ["dark"] * 4, clips, spec)
    assert "ipaexg.ttf" in meta(layer)["fonts"]


def test_emoji_are_dropped_not_drawn_as_boxes(tmp_path: Path, clips: dict[str, Path]) -> None:
    texts = [
        TextOverlay(text="Snack happy! 🍪🎉"),
        TextOverlay(text="Snack happy!"),
        TextOverlay(text="👍🏽 Love it ❤️"),
        TextOverlay(text="Love it"),
    ]
    a, b, c, d = render(tmp_path, texts, ["dark"] * 4, clips, spec_for("rounded", "playful"))
    assert Path(a.png_path).read_bytes() == Path(b.png_path).read_bytes()
    assert np.array_equal(np.asarray(Image.open(c.png_path)), np.asarray(Image.open(d.png_path)))


def test_french_accents_come_from_the_brand_face(tmp_path: Path, clips: dict[str, Path]) -> None:
    texts = [
        TextOverlay(text="Crème brûlée, façade, déjà vu"),
        TextOverlay(text="Creme brulee, facade, deja vu"),
        None,
        None,
    ]
    spec = spec_for("rounded", "playful")
    accented, plain = render(tmp_path, texts, ["dark"] * 4, clips, spec)
    assert meta(accented)["fonts"] == meta(plain)["fonts"] == "Comfortaa-Bold.ttf"
    ink = [np.asarray(Image.open(la.png_path).getchannel("A")).sum() for la in (accented, plain)]
    assert ink[0] > ink[1] * 1.02  # the accents are drawn

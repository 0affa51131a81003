"""Text overlays: safe zones, sizes, measured contrast on real frames, timing, determinism.

Backgrounds are tiny real clips made by ffmpeg; contrast is re-measured here independently
(PIL filters, not the stage's numpy code) by compositing each PNG over the decoded frame.
"""

from __future__ import annotations

import functools
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageFilter

from pipeline.runtime.render_plan import OverlayLayer
from pipeline.spec import TextOverlay
from pipeline.typography.text import split_offer
from tests.media import frame_at
from tests.overlay_support import (
    LONG_HEADLINE,
    LONG_WORD,
    D,
    H,
    W,
    make_clips,
    meta,
    render,
    spec_for,
)


@pytest.fixture(scope="module")
def clips(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return make_clips(tmp_path_factory)


def luminance(rgb: np.ndarray) -> np.ndarray:
    c = np.asarray(rgb, dtype=np.float64) / 255.0
    lin = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    return lin @ np.array([0.2126, 0.7152, 0.0722])


@pytest.mark.parametrize(
    "color", ["#000000", "#FFFFFF", "#0A0A0A", "#777777", "#D4AF37", "#1E90FF"]
)
def test_colour_luminance_is_one_definition_for_numbers_and_frames(color: str) -> None:
    """The creative director's scalar luminance and the overlays' per-pixel one agree (WCAG)."""
    from pipeline.media.colors import color_contrast, hex_luminance, hex_rgb
    from pipeline.typography.luma import luminance as frame_luminance

    expected = float(luminance(np.array(hex_rgb(color))))
    assert hex_luminance(color) == pytest.approx(expected, abs=1e-12)
    frame = np.full((2, 3, 3), hex_rgb(color), dtype=np.uint8)
    assert np.allclose(frame_luminance(frame), expected, atol=1e-12)
    assert color_contrast(color, color) == pytest.approx(1.0)
    assert color_contrast("#000000", "#FFFFFF") == pytest.approx(21.0)


def grow(mask: Image.Image, radius: int) -> Image.Image:
    """Square dilation by ``radius`` px, as repeated 3x3 max filters (fast in Pillow)."""
    for _ in range(radius):
        mask = mask.filter(ImageFilter.MaxFilter(3))
    return mask


def measured_contrast(layer: OverlayLayer, frame: np.ndarray, text_hex: str) -> float:
    """Composite the PNG over ``frame`` (1080x1920 RGB) and compare the text colour with the
    pixels just outside the letters: the ratio that 95 % of those pixels reach."""
    png = Image.open(layer.png_path).convert("RGBA")
    rgba = np.asarray(png).astype(np.float64)
    text_rgb = np.array([int(text_hex[i : i + 2], 16) for i in (1, 3, 5)], dtype=np.float64)
    glyphs = (rgba[..., 3] > 250) & (np.abs(rgba[..., :3] - text_rgb).max(axis=-1) < 8)
    assert glyphs.sum() > 200, "no text pixels found in the layer"
    g = Image.fromarray((glyphs * 255).astype(np.uint8))
    radius = max(3, round(0.09 * int(meta(layer)["font_px"])))
    outer = np.asarray(grow(g, radius)) > 0
    inner = np.asarray(grow(g, 2)) > 0
    ring = outer & ~inner
    box = frame[layer.y : layer.y + layer.height, layer.x : layer.x + layer.width].astype(float)
    a = rgba[..., 3:4] / 255.0
    seen = rgba[..., :3] * a + box * (1 - a)
    lt, lb = luminance(text_rgb), luminance(seen[ring])
    ratios = (np.maximum(lt, lb) + 0.05) / (np.minimum(lt, lb) + 0.05)
    return float(np.percentile(ratios, 5))


@functools.lru_cache(maxsize=64)
def full_frame(path: Path, t: float) -> np.ndarray:
    # The clips are 9:16 already, so export's cover-scale + centre-crop is a plain resize.
    return np.asarray(Image.fromarray(frame_at(path, t)).resize((W, H), Image.Resampling.BILINEAR))


# ---------------------------------------------------------------- safe zones and sizes


@pytest.mark.parametrize("position", ["top", "center", "bottom"])
def test_every_layer_stays_inside_the_safe_zone(
    position: str, tmp_path: Path, clips: dict[str, Path]
) -> None:
    texts = [
        TextOverlay(text="Time, perfected.", position=position),  # type: ignore[arg-type]
        TextOverlay(text=LONG_HEADLINE, position=position),  # type: ignore[arg-type]
        TextOverlay(text=LONG_WORD, position=position, animation="slide_up"),  # type: ignore[arg-type]
        TextOverlay(text="Shop the whole collection today", role="cta", position=position),  # type: ignore[arg-type]
    ]
    for style, mood in [("serif", "luxury"), ("condensed", "energetic"), ("rounded", "playful")]:
        layers = render(
            tmp_path / style,
            texts,
            ["bright", "busy", "dark", "moving"],
            clips,
            spec_for(style, mood),
        )
        assert len(layers) == 4
        for layer in layers:
            assert layer.x >= round(0.06 * W) and layer.x + layer.width <= W - round(0.06 * W)
            assert layer.y >= round(0.14 * H), f"{position}: {layer.y} is in the top UI band"
            assert layer.y + layer.height <= round(0.80 * H), "runs into the bottom UI band"
            # where a slide-up starts from is still on the frame
            assert layer.y + layer.slide_px + layer.height <= H
            with Image.open(layer.png_path) as im:
                assert im.mode == "RGBA" and im.size == (layer.width, layer.height)
                assert im.getchannel("A").getbbox() is not None
        if position == "top":
            assert all(abs(la.y - round(0.14 * H)) <= 2 for la in layers)
        if position == "bottom":
            assert all(abs(la.y + la.height - round(0.80 * H)) <= 2 for la in layers)


def test_long_text_wraps_and_stays_readable(tmp_path: Path, clips: dict[str, Path]) -> None:
    texts = [
        TextOverlay(text=LONG_HEADLINE, position="top"),
        TextOverlay(text="Short", position="top"),
        TextOverlay(text=LONG_WORD, position="center"),
        TextOverlay(text="Buy now", role="cta"),
    ]
    long_, short, word, cta = render(tmp_path, texts, ["dark"] * 4, clips, spec_for("sans"))
    assert int(meta(long_)["lines"]) >= 3
    assert int(meta(long_)["font_px"]) >= 44, "a long headline shrank to subtitle size"
    assert int(meta(short)["font_px"]) > int(meta(long_)["font_px"])
    assert int(meta(word)["lines"]) >= 2, "an unbreakable word was not cut to fit"
    assert meta(cta)["lines"] == "1"
    assert short.width < long_.width, "the layer is sized to its content, not full-frame"


def test_role_sizes_and_brand_faces(tmp_path: Path, clips: dict[str, Path]) -> None:
    texts = [
        TextOverlay(text="Headline here", role="headline"),
        TextOverlay(text="Body copy here", role="body"),
        TextOverlay(text="Call to action", role="cta"),
        None,
    ]
    faces = {
        ("serif", "luxury"): ("EBGaramond", "Vollkorn"),
        ("condensed", "energetic"): ("BebasNeue",),
        ("rounded", "playful"): ("Comfortaa",),
        ("sans", "corporate"): ("Inter",),
    }
    for (style, mood), expected in faces.items():
        head, body, cta = render(
            tmp_path / style, texts, ["dark"] * 3 + [None], clips, spec_for(style, mood)
        )
        assert int(meta(head)["font_px"]) > int(meta(cta)["font_px"]) >= int(meta(body)["font_px"])
        for layer in (head, body, cta):
            assert meta(layer)["fonts"].startswith(expected), (style, meta(layer)["fonts"])


def ink_height(layer: OverlayLayer) -> int:
    """Height in px of the pixels painted in the text colour (the letters, not the plate)."""
    text_hex = meta(layer)["text_color"]
    rgba = np.asarray(Image.open(layer.png_path).convert("RGBA")).astype(np.int16)
    text_rgb = np.array([int(text_hex[i : i + 2], 16) for i in (1, 3, 5)])
    glyphs = (rgba[..., 3] > 250) & (np.abs(rgba[..., :3] - text_rgb).max(axis=-1) < 8)
    rows = np.flatnonzero(glyphs.any(axis=1))
    return int(rows[-1] - rows[0] + 1) if rows.size else 0


@pytest.mark.parametrize(
    ("style", "mood"),
    [("serif", "luxury"), ("condensed", "energetic"), ("rounded", "playful"), ("sans", "calm")],
)
def test_every_role_is_readable_on_a_phone(
    style: str, mood: str, tmp_path: Path, clips: dict[str, Path]
) -> None:
    # One line of capitals without descenders: the ink height is the cap height.
    texts = [
        TextOverlay(text="TIMELESS", role="headline"),
        TextOverlay(text="HAND FINISHED", role="body"),
        TextOverlay(text="FIND YOURS", role="cta"),
        None,
    ]
    head, body, cta = render(tmp_path, texts, ["dark"] * 3 + [None], clips, spec_for(style, mood))
    caps = {"headline": ink_height(head), "body": ink_height(body), "cta": ink_height(cta)}
    assert caps["body"] >= 50, caps  # ~30 px letters were unreadable in a feed
    assert caps["cta"] >= caps["body"] - 2, caps
    assert caps["headline"] >= 1.2 * caps["body"], caps


def test_cta_is_a_button_in_the_accent_colour(tmp_path: Path, clips: dict[str, Path]) -> None:
    spec = spec_for("condensed", "energetic", accent_color="#FF4D00")
    texts = [None, None, None, TextOverlay(text="Shop now", role="cta", color="#FFFFFF")]
    (cta,) = render(tmp_path, texts, ["busy"] * 4, clips, spec)
    assert meta(cta)["treatment"] == "pill"
    im = np.asarray(Image.open(cta.png_path).convert("RGBA"))
    opaque = im[im[..., 3] == 255][:, :3]
    colours, counts = np.unique(opaque, axis=0, return_counts=True)
    assert tuple(colours[counts.argmax()]) == (0xFF, 0x4D, 0x00)  # the plate is the accent
    # white on this orange is 3.3:1, so the label switched to a colour that reads on it
    assert meta(cta)["text_color"] == "#000000"


def test_an_offer_sits_on_a_caption_above_a_one_line_button(
    tmp_path: Path, clips: dict[str, Path]
) -> None:
    spec = spec_for("condensed", "energetic", accent_color="#F2C14E")
    offer = "30-day free trial. Start training today"
    texts = [None, None, None, TextOverlay(text=offer, role="cta", position="bottom")]
    caption, button = render(tmp_path, texts, ["busy"] * 4, clips, spec)
    assert caption.scene_index == button.scene_index == 3
    assert meta(button)["treatment"] == "pill" and meta(button)["lines"] == "1"
    assert meta(caption)["treatment"] != "pill"
    assert caption.y + caption.height < button.y  # above it, not overlapping
    assert button.y - (caption.y + caption.height) < 80  # and close enough to read as one
    assert button.start_s > caption.start_s  # the button follows its offer in
    assert caption.end_s == button.end_s


@pytest.mark.parametrize(
    ("text", "caption", "button"),
    [
        ("First cup free. Order ahead", "First cup free.", "Order ahead"),
        ("初回無料！今すぐ予約", "初回無料！", "今すぐ予約"),
        ("Shop now", None, "Shop now"),
        ("Open 6 a.m. daily", None, "Open 6 a.m. daily"),  # an abbreviation is no break
    ],
)
def test_split_offer(text: str, caption: str | None, button: str) -> None:
    assert split_offer(text) == (caption, button)


def test_the_offer_is_the_caption_even_when_it_comes_last() -> None:
    assert split_offer("Shop now - 20% off", offer="20% off") == ("20% off", "Shop now")
    assert split_offer("20% off. Shop now", offer="20% off") == ("20% off.", "Shop now")


# ---------------------------------------------------------------- legibility


@pytest.mark.parametrize("color", ["#FFFFFF", "#FFD23F", "#101010"])
def test_contrast_reaches_wcag_aa_over_real_frames(
    color: str, tmp_path: Path, clips: dict[str, Path]
) -> None:
    names = ["bright", "dark", "busy", "moving"]
    texts = [
        TextOverlay(text="Crafted for the bold", color=color, position="top"),
        TextOverlay(text="Swiss movement inside", color=color, position="center"),
        TextOverlay(text="Every detail, considered", color=color, role="body", position="bottom"),
        TextOverlay(text="Lighter than ever before", color=color, position="center"),
    ]
    layers = render(tmp_path, texts, names, clips, spec_for("sans", "corporate"))
    for layer, name in zip(layers, names, strict=True):
        for t in np.linspace(layer.start_s, layer.end_s - 0.1, 3):
            frame = full_frame(clips[name], round(float(t), 2))
            ratio = measured_contrast(layer, frame, color)
            assert ratio >= 4.5, f"{color} on {name} at {t:.2f}s: {ratio:.2f} ({meta(layer)})"


def test_treatment_is_only_added_when_needed(tmp_path: Path, clips: dict[str, Path]) -> None:
    texts = [TextOverlay(text="White on dark"), TextOverlay(text="White on bright"), None, None]
    dark, bright = render(tmp_path, texts, ["dark", "bright", None, None], clips)
    assert meta(dark)["treatment"] == "none"
    assert float(meta(dark)["contrast_before"]) >= 4.5
    assert meta(bright)["treatment"] != "none"
    assert float(meta(bright)["contrast_before"]) < 2.0
    assert float(meta(bright)["contrast_after"]) >= 4.5


def test_a_scene_without_a_clip_gets_a_plate(tmp_path: Path, clips: dict[str, Path]) -> None:
    texts = [TextOverlay(text="Nothing to look at"), None, None, None]
    (layer,) = render(tmp_path, texts, [None, "dark", "dark", "dark"], clips)
    assert meta(layer)["treatment"].startswith("plate")
    assert meta(layer)["contrast_before"] == "unseen"


# ---------------------------------------------------------------- timing and determinism


def test_timing_ends_before_the_crossfade(tmp_path: Path, clips: dict[str, Path]) -> None:
    texts = [
        TextOverlay(text="One", start_s=0.3),
        TextOverlay(text="Two", animation="slide_up", start_s=9.0),
        TextOverlay(text="Three", end_s=2.0),
        TextOverlay(text="Four", role="cta"),
    ]
    layers = render(tmp_path, texts, ["dark"] * 4, clips)
    for layer in layers[:3]:
        assert 0 <= layer.start_s < layer.end_s <= D - 0.5
    assert layers[0].start_s == pytest.approx(0.3)
    assert layers[1].animation == "slide_up" and layers[1].slide_px > 0
    assert layers[1].end_s - layers[1].start_s >= 1.0, "a late start still leaves time to read"
    assert layers[2].end_s == pytest.approx(2.0)
    assert layers[3].end_s <= D and layers[3].end_s > D - 0.5  # last scene: no crossfade after


def test_same_inputs_give_identical_pngs(tmp_path: Path, clips: dict[str, Path]) -> None:
    texts = [
        TextOverlay(text="Time, perfected."),
        TextOverlay(text="العرض ينتهي قريباً"),
        TextOverlay(text="今すぐ購入", role="body"),
        TextOverlay(text="Shop now", role="cta"),
    ]
    names = ["bright", "busy", "moving", "dark"]
    first = render(tmp_path / "a", texts, names, clips)  # type: ignore[arg-type]
    second = render(tmp_path / "b", texts, names, clips)  # type: ignore[arg-type]
    for x, y in zip(first, second, strict=True):
        assert Path(x.png_path).read_bytes() == Path(y.png_path).read_bytes()
        assert x.model_dump(exclude={"png_path"}) == y.model_dump(exclude={"png_path"})


def test_text_takes_the_brand_text_colour_unless_the_overlay_sets_one(
    tmp_path: Path, clips: dict[str, Path]
) -> None:
    spec = spec_for("sans", "corporate", text_color="#F5E6C8")
    texts = [TextOverlay(text="Brand colour"), TextOverlay(text="Own colour", color="#FFD23F")]
    brand, own = render(tmp_path, [*texts, None, None], ["dark"] * 4, clips, spec)
    assert meta(brand)["text_color"] == "#F5E6C8"
    assert meta(own)["text_color"] == "#FFD23F"

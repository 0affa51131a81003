"""Photo scenes and the logo end card, drawn by the local renderer's templates."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pytest

from pipeline.media.colors import contrast_ratio
from pipeline.providers import ClipRequest
from pipeline.providers.motion.look import luminance
from pipeline.providers.motion.photos import PHOTO_TEMPLATES
from pipeline.providers.motion.renderer import ClipRenderer
from pipeline.providers.motion.scenes import design_scene
from pipeline.spec import BrandAssets, Scene, TextOverlay
from tests import brandkit_media as media
from tests.fakes import sample_specification

W, H = 270, 480
BEATS = ("attention", "interest", "desire", "action")


@pytest.fixture
def kit(tmp_path: Path) -> BrandAssets:
    (tmp_path / "logo.png").write_bytes(media.logo_png())
    photos = []
    for i in range(5):
        (tmp_path / f"photo_{i}.jpg").write_bytes(media.photo())
        photos.append(str(tmp_path / f"photo_{i}.jpg"))
    return BrandAssets(kit_name="Acme", logo=str(tmp_path / "logo.png"), photos=photos)


def request(index: int, kit: BrandAssets | None, position: str = "bottom") -> ClipRequest:
    spec = sample_specification()
    scene = Scene(
        index=index, scene_type=BEATS[index], duration_s=3.0, visual_prompt="the product",  # type: ignore[arg-type]
        overlay=TextOverlay(text="Time, perfected.", position=position),  # type: ignore[arg-type]
    )  # fmt: skip
    return ClipRequest(scene=scene, brand=spec.brand, ad=spec.ad, width=W * 4, height=H * 4,
                       seed=7, beats=BEATS, assets=kit)  # fmt: skip


def share(frame: np.ndarray, color: tuple[int, int, int], tolerance: float = 40.0) -> float:
    diff = frame.astype(np.float32) - np.array(color, np.float32)
    return float((np.sqrt((diff * diff).sum(axis=-1)) < tolerance).mean())


def test_photos_take_the_first_scenes_with_distinct_templates_and_the_logo_ends(
    kit: BrandAssets,
) -> None:
    designs = [design_scene(request(i, kit)) for i in range(4)]
    templates = [d.template for d in designs]
    assert len(set(templates)) == 4
    assert set(templates[:3]) <= set(PHOTO_TEMPLATES) and templates[3] == "end_logo"
    assert [Path(d.photo).name for d in designs[:3]] == ["photo_0.jpg", "photo_1.jpg",
                                                         "photo_2.jpg"]  # fmt: skip
    one = kit.model_copy(update={"photos": kit.photos[:1], "logo": None})
    designs = [design_scene(request(i, one)) for i in range(4)]
    assert designs[0].template in PHOTO_TEMPLATES
    assert [d.photo for d in designs[1:]] == ["", "", ""]
    assert designs[3].template == "end"  # no logo: the icon end card
    assert [design_scene(request(i, None)).template for i in range(4)] == [
        design_scene(request(i, kit.model_copy(update={"photos": [], "logo": None}))).template
        for i in range(4)
    ]


@pytest.mark.parametrize("template", PHOTO_TEMPLATES)
@pytest.mark.parametrize("position", ["top", "center", "bottom"])
def test_each_photo_template_shows_the_photo_and_keeps_the_text_band_readable(
    kit: BrandAssets, template: str, position: str
) -> None:
    design = dataclasses.replace(design_scene(request(0, kit, position)), template=template)
    renderer = ClipRenderer(design, W, H, 24)
    band = design.band
    assert band is not None
    y0, y1 = int(band[0] * H) + 2, int(band[1] * H) - 2
    text_lum = luminance(design.look.text)
    for index in (0, 24, 71):
        frame = ClipRenderer.to_rgb(renderer.frame(index))
        if index > 0:
            assert share(frame, media.ORANGE) > 0.03 and share(frame, media.CYAN) > 0.03
        lin = frame[y0:y1].astype(np.float64) / 255
        lin = np.where(lin <= 0.04045, lin / 12.92, ((lin + 0.055) / 1.055) ** 2.4)
        lum = lin @ np.array([0.2126, 0.7152, 0.0722])
        ratios = np.vectorize(lambda v: contrast_ratio(float(v), text_lum))(lum[::4, ::4])
        assert (ratios >= 4.5).mean() >= 0.99
    again = ClipRenderer(design, W, H, 24)
    assert np.array_equal(renderer.frame(30), again.frame(30))  # same seed, same pixels


def test_the_logo_end_card_shows_the_logos_colours(kit: BrandAssets) -> None:
    design = design_scene(request(3, kit))
    frame = ClipRenderer.to_rgb(ClipRenderer(design, W, H, 24).frame(36))
    assert share(frame, media.YELLOW) > 0.02 and share(frame, media.BLUE) > 0.02
    plain = dataclasses.replace(design, template="end")
    frame = ClipRenderer.to_rgb(ClipRenderer(plain, W, H, 24).frame(36))
    assert share(frame, media.YELLOW) < 0.005 and share(frame, media.BLUE) < 0.005

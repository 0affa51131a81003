"""Captions in the export: cropped to where words appear, the video shows the same pixels."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw

from pipeline.media import ffmpeg
from pipeline.media.caption_crop import tighten_captions
from pipeline.runtime.render_plan import CaptionLayer, ClipInput, RenderPlan, Timeline
from pipeline.settings import Settings
from pipeline.stages.context import StageContext
from pipeline.stages.export import run
from pipeline.stages.export_graph import build_graph
from tests.media import frame_at

AREA = (928, 1267)  # the safe area the voice stage draws captions in
BOTTOM = (166, 1063, 762, 1267)  # where words sit under a top headline
TOP = (170, 0, 700, 204)  # ... and over a bottom one


def _captions(folder: Path, boxes: list[tuple[int, int, int, int] | None]) -> CaptionLayer:
    """One second per state: a plate with a white word in ``box`` (None: blank)."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = ["ffconcat version 1.0"]
    for i, box in enumerate(boxes):
        img = Image.new("RGBA", AREA, (0, 0, 0, 0))
        if box is not None:
            draw = ImageDraw.Draw(img)
            draw.rounded_rectangle(box, 24, fill=(0, 0, 0, 200))
            draw.rectangle((box[0] + 40, box[1] + 60, box[0] + 240, box[1] + 140),
                           fill=(255, 255, 255, 255))  # fmt: skip
        path = folder / f"state_{i}.png"
        img.save(path)
        lines += [f"file '{path}'", "duration 1.000"]
    lines.append(lines[-2])
    concat = folder / "captions.ffconcat"
    concat.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return CaptionLayer(concat_path=str(concat), x=76, y=269)


def test_pictures_are_cropped_to_the_words_columns_and_bands(tmp_path: Path) -> None:
    layer = _captions(tmp_path, [None, BOTTOM, TOP, None])
    tight = tighten_captions(layer)
    assert tight is not None
    assert (tight.x, tight.y) == (76 + 158, 269)  # 166 - 8 px margin, even
    # the pictures as drawn are named too: a later version's spans are keyed by them
    assert (tight.drawn_path, tight.drawn_x, tight.drawn_y) == (layer.concat_path, 76, 269)
    assert tight.bands == [(0, 214), (1054, 1267)]  # rows with ink, 8 px around, even
    copies = sorted((tmp_path / "captions_cropped").glob("state_*.png"))
    assert len(copies) == 4 and tight.concat_path != layer.concat_path
    # columns 166-763 and 8 px around; the two bands one under another, not the rows between
    assert tight.stacked
    for picture in copies:
        assert Image.open(picture).size == (772 - 158, 214 + 1267 - 1054)
    bottom = Image.open(copies[1]).getchannel("A")  # the BOTTOM state's word, right under
    assert bottom.getbbox() == (8, 214 + 1063 - 1054, 8 + 762 - 166 + 1, 214 + 1267 - 1054)
    for picture in tmp_path.glob("state_*.png"):  # the voice's own pictures stay as drawn
        assert Image.open(picture).size == AREA
    listing = Path(tight.concat_path).read_text(encoding="utf-8")
    assert listing.count("duration 1.000") == 4 and "captions_cropped/state_003.png" in listing


def test_one_band_is_cropped_in_rows_too_and_blank_captions_vanish(tmp_path: Path) -> None:
    tight = tighten_captions(_captions(tmp_path / "one", [None, BOTTOM, BOTTOM]))
    assert tight is not None and tight.bands == []
    assert (tight.x, tight.y) == (76 + 158, 269 + 1054)
    cropped = tmp_path / "one" / "captions_cropped" / "state_000.png"
    assert Image.open(cropped).size == (772 - 158, 1267 - 1054)
    assert tighten_captions(_captions(tmp_path / "none", [None, None])) is None
    assert tighten_captions(None) is None


@pytest.fixture(scope="module")
def clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("captions-clip") / "clip.mp4"
    source = "gradients=s=270x480:r=24:d=4.5:seed=3:n=2:c0=0x3D405B:c1=0xE07A5F"
    ffmpeg.run(ffmpeg.find_ffmpeg(), ["-f", "lavfi", "-i", source, "-c:v", "libx264",
                                      "-preset", "ultrafast", str(path)])  # fmt: skip
    return path


def _render(clip: Path, captions: CaptionLayer, folder: Path) -> Path:
    timeline = Timeline(clips=[ClipInput(scene_index=0, path=str(clip), duration_s=4.0)],
                        offsets_s=[], duration_s=4.0)  # fmt: skip
    plan = RenderPlan(timeline=timeline, captions=captions)
    ctx = StageContext(settings=Settings(), workdir=folder / "work")
    ctx.workdir.mkdir(parents=True)
    out = folder / "video.mp4"
    run(plan, ctx, out, folder / "thumb.jpg")
    return out


def test_the_video_shows_the_same_captions_after_cropping(clip: Path, tmp_path: Path) -> None:
    full = _captions(tmp_path / "full", [None, BOTTOM, TOP, None])
    tight = tighten_captions(full)
    assert tight is not None
    _inputs, graph, _audio = build_graph(RenderPlan(
        timeline=Timeline(clips=[ClipInput(scene_index=0, path=str(clip), duration_s=4.0)],
                          offsets_s=[], duration_s=4.0), captions=tight))  # fmt: skip
    assert graph.count("overlay=") == 2  # one per band, not the whole safe area

    before = _render(clip, full, tmp_path / "a")
    after = _render(clip, tight, tmp_path / "b")
    for t, word in ((1.5, BOTTOM), (2.5, TOP)):
        old, new = frame_at(before, t), frame_at(after, t)
        assert np.array_equal(old, new)
        x, y = 76 + word[0] + 40, 269 + word[1] + 60  # the white word, where it always was
        assert new[y + 10 : y + 70, x + 10 : x + 190].mean() > 235

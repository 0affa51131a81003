"""Caption pictures are written on two threads while the next is drawn: the files are the
same as one writer makes, a failed write is an error, and faces are read only when tried."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw

from pipeline.media import png_writer
from pipeline.typography import fonts
from pipeline.voice import captions
from tests.fakes import sample_specification


def _picture(i: int) -> Image.Image:
    img = Image.new("RGBA", (300, 400), (0, 0, 0, 0))
    ImageDraw.Draw(img).rounded_rectangle((10, 20 + i, 290, 120 + i), 12, fill=(i, 40, 90, 180))
    return img


def test_every_picture_is_written_with_the_pixels_it_was_given(tmp_path: Path) -> None:
    with png_writer.writing() as save:
        for i in range(12):
            save(_picture(i), tmp_path / f"p{i:02d}.png")
    written = sorted(tmp_path.glob("*.png"))
    assert len(written) == 12
    for i, path in enumerate(written):
        with Image.open(path) as got:
            assert got.mode == "RGBA"
            assert np.array_equal(np.asarray(got), np.asarray(_picture(i)))


def test_a_write_that_fails_is_raised_when_the_block_ends(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError), png_writer.writing() as save:
        save(_picture(1), tmp_path / "fine.png")
        save(_picture(2), tmp_path / "no such folder" / "lost.png")
    assert (tmp_path / "fine.png").exists()


def test_latin_captions_read_only_the_first_face_of_the_chain() -> None:
    """Reading every fallback face's character map (the CJK faces hold ~20,000 characters)
    took 0.23 s per ad; a caption in Latin script needs only the first face's."""
    spec = sample_specification()
    fonts._cmap.cache_clear()
    captions._font(spec, 40, "Swiss movement, 20% off")
    assert fonts._cmap.cache_info().currsize == 1
    font = captions._font(spec, 40, "東京の時計")  # Han and kana: a later face is read
    assert fonts._cmap.cache_info().currsize > 1
    assert "IPAex" in font.getname()[0] or "WenQuanYi" in font.getname()[0]

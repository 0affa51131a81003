"""Font files that are damaged or all missing: the text still renders, the log names the file.

Pillow's built-in scalable font is the documented last resort; a damaged file is skipped
like a missing one (it used to fail the ad with "(TTLibError)", and no fonts at all with
"(KeyError)").
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from pipeline.spec import TextOverlay
from pipeline.typography import fonts
from tests.overlay_support import make_clips, render


@pytest.fixture(scope="module")
def clips(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return make_clips(tmp_path_factory)


def _clear() -> None:
    fonts._cmap.cache_clear()
    fonts.load.cache_clear()
    fonts._warn_unusable.cache_clear()


@pytest.fixture
def font_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """A copy of the shipped fonts that a test may damage or empty."""
    copy = tmp_path / "fonts"
    shutil.copytree(fonts.FONT_DIR, copy)
    monkeypatch.setattr(fonts, "FONT_DIR", copy)
    _clear()
    yield copy
    _clear()


def _headline(tmp_path: Path, clips: dict[str, Path], text: str = "Time, well kept") -> Path:
    overlay = TextOverlay(text=text, position="center", role="headline")
    layers = render(tmp_path, [overlay, None, None, None], ["dark"] * 4, clips)
    (layer,) = layers
    return Path(layer.png_path)


def _ink(png: Path) -> int:
    with Image.open(png) as im:
        return int((np.asarray(im.convert("RGBA"))[..., 3] > 128).sum())


def test_no_font_files_at_all_fall_back_to_pillows_font(
    font_dir: Path, tmp_path: Path, clips: dict[str, Path], log_lines: list[str]
) -> None:
    shutil.rmtree(font_dir)
    png = _headline(tmp_path, clips)
    assert _ink(png) > 2000  # the headline is drawn, in Pillow's Aileron
    missing = [json.loads(line) for line in log_lines if '"font_unusable"' in line]
    assert any("EBGaramond12-Regular.otf is missing" in e["message"] for e in missing)


def test_a_damaged_brand_font_is_skipped_with_a_warning(
    font_dir: Path, tmp_path: Path, clips: dict[str, Path], log_lines: list[str]
) -> None:
    for path in font_dir.rglob("*"):
        if path.suffix in (".otf", ".ttf", ".ttc"):
            path.write_bytes(b"this is not a font" * 50)
    png = _headline(tmp_path, clips)
    assert _ink(png) > 2000
    damaged = [json.loads(line) for line in log_lines if '"font_unusable"' in line]
    assert any("ebgaramond/EBGaramond12-Regular.otf is damaged" in e["message"] for e in damaged)

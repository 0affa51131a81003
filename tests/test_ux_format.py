"""Numbers and pictures for people: durations, time left, costs, dates, swatches, posters."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from io import BytesIO
from pathlib import Path
from zoneinfo import ZoneInfo

from PIL import Image

from pipeline.db import Generation
from ui import format as fmt
from ui import widgets

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


def _image(data: bytes) -> Image.Image:
    return Image.open(BytesIO(data)).convert("RGBA")


def test_durations_time_left_and_costs_read_like_a_person_wrote_them() -> None:
    assert [fmt.duration(v) for v in (None, 0.7, 4.0417, 15.0, 65.2)] == [
        "-", "0.7 s", "4.0 s", "15 s", "1 min 05 s",
    ]  # fmt: skip
    assert [fmt.time_left(v) for v in (None, 3.0, 27.0, 185.0)] == [
        "estimating the time left", "almost done", "about 25 s left", "about 3 min left",
    ]  # fmt: skip
    assert (fmt.cost_label(0.0), fmt.cost_label(None), fmt.cost_label(1.5)) == (
        "free (offline)", "free (offline)", "$1.50",
    )  # fmt: skip


def test_dates_are_relative_when_recent() -> None:
    berlin = ZoneInfo("Europe/Berlin")
    assert fmt.ago(NOW - timedelta(seconds=20), NOW) == "just now"
    assert fmt.ago(NOW - timedelta(minutes=5), NOW) == "5 min ago"
    assert fmt.ago(NOW - timedelta(hours=3), NOW) == "3 h ago"
    assert fmt.ago(NOW - timedelta(days=3), NOW, berlin) == "27 Feb 2026, 13:00"


def test_swatches_stand_out_on_white_and_on_black() -> None:
    for color in ("#FFFFFF", "#000000", "#F4F3FB"):
        tile = _image(widgets.swatch(color))
        edge = {tile.getpixel((x, y))[:3] for x in range(4) for y in range(4)}
        assert any(sum(abs(a - b) for a, b in zip(px, (255, 255, 255), strict=True)) > 150
                   for px in edge), color  # fmt: skip
        assert any(sum(px) > 600 for px in edge), color  # and a light line for dark pages
    strip = _image(widgets.palette(("#FFFFFF", "#000000", "#C9A227", "#0B1F3A")))
    assert strip.size == (4 * 96 + 3 * 8, 48)  # one row, whatever the screen


def test_posters_are_equal_tiles_whatever_the_video_s_shape(tmp_path: Path) -> None:
    sizes = set()
    for name, size in (("wide", (320, 180)), ("tall", (90, 160)), ("square", (200, 200))):
        path = tmp_path / f"{name}.jpg"
        Image.new("RGB", size, (200, 120, 40)).save(path)
        sizes.add(_image(widgets._tile(str(path), 0)).size)
    assert sizes == {widgets.TILE}


def test_the_format_comes_from_the_scene_plan() -> None:
    def row(width: int, height: int) -> Generation:
        return Generation(prompt="x", scene_plan={"width": width, "height": height})

    assert [widgets.ad_format(row(w, h)) for w, h in ((1080, 1920), (1080, 1080),
            (1920, 1080), (1080, 1350), (700, 300))] == [
        "9:16", "1:1", "16:9", "4:5", "700x300",
    ]  # fmt: skip
    assert widgets.ad_format(Generation(prompt="x")) == "-"

"""Small widgets shared by the pages: status badge, player, posters, download, color swatches."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from io import BytesIO
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import streamlit as st
from PIL import Image, ImageDraw

from pipeline.store.db import Generation
from ui.format import STATUS_LABELS, plain, status_of, zone

STATUS_ICONS = {
    "pending": ":material/schedule:",
    "processing": ":material/progress_activity:",
    "completed": ":material/check_circle:",
    "failed": ":material/error:",
    "cancelled": ":material/cancel:",
}
TILE = (270, 480)  # a 9:16 poster tile


def user_zone() -> ZoneInfo | None:
    """The browser's time zone (None in tests and old browsers: times show as UTC)."""
    try:
        return zone(st.context.timezone)
    except Exception:  # no browser context (AppTest, bare mode)
        return None


def status_badge(row: Generation) -> None:
    """A colored badge with the generation's status."""
    status = status_of(row.status, row.error)
    label, color = STATUS_LABELS.get(status, (status, "gray"))
    st.badge(label, icon=STATUS_ICONS.get(status), color=color)  # type: ignore[arg-type]


def _reader(path: Path) -> Callable[[], bytes]:
    def read() -> bytes:
        return path.read_bytes()

    return read


def download_button(row: Generation, *, key: str, label: str = "Download MP4") -> None:
    """Download the MP4; the bytes are read only when the button is clicked."""
    path = Path(row.video_path or "")
    if not path.is_file():
        return
    st.download_button(
        label,
        data=_reader(path),
        file_name=f"adstudio-{row.id}.mp4",
        mime="video/mp4",
        key=key,
        on_click="ignore",
        icon=":material/download:",
        type="primary",
        width="stretch",
    )


def video_player(row: Generation, *, preview: bool = False) -> bool:
    """Play the finished video; False (with a note) when its file is gone.

    ``preview``: start at once, muted and looping (a person can unmute), like an ad in a feed.
    """
    path = Path(row.video_path or "")
    if not path.is_file():
        st.warning("The video file is missing from the output folder.", icon=":material/warning:")
        return False
    st.video(str(path), autoplay=preview, muted=preview, loop=preview)
    return True


def share_link(generation_id: int) -> str:
    """The address of an ad's page (its signed-in owner opens it)."""
    try:
        parts = urlsplit(str(st.context.url or ""))
    except Exception:  # no browser context (AppTest)
        parts = urlsplit("")
    root = str(st.get_option("server.baseUrlPath") or "").strip("/")
    base = f"{parts.scheme}://{parts.netloc}" if parts.netloc else ""
    return f"{base}{'/' + root if root else ''}/plan?id={generation_id}"


def ad_format(row: Generation) -> str:
    """The ad's frame shape from its scene plan: "9:16", "1:1", "16:9" (or "-")."""
    plan = row.scene_plan or {}
    width, height = int(plan.get("width") or 0), int(plan.get("height") or 0)
    if not width or not height:
        return "-"
    for label, ratio in (("9:16", 9 / 16), ("4:5", 4 / 5), ("1:1", 1.0), ("16:9", 16 / 9)):
        if abs(width / height - ratio) < 0.02:
            return label
    return f"{width}x{height}"


def poster(row: Generation) -> None:
    """The ad's thumbnail fitted into a 9:16 tile, so every card in a grid is the same size."""
    path = Path(row.thumbnail_path or "")
    if row.thumbnail_path and path.is_file():
        st.image(_tile(str(path), path.stat().st_mtime_ns), width="stretch")
    else:
        st.image(_placeholder(), width="stretch")


@lru_cache(maxsize=256)
def _tile(path: str, _mtime: int) -> bytes:
    tile = Image.new("RGB", TILE, (27, 26, 46))
    with Image.open(path) as picture:
        picture.thumbnail(TILE)
        tile.paste(picture, ((TILE[0] - picture.width) // 2, (TILE[1] - picture.height) // 2))
    return _png(tile)


def thumbnail(row: Generation, *, width: int | str = "stretch") -> None:
    """The generation's thumbnail, or a neutral placeholder when there is none."""
    path = Path(row.thumbnail_path or "")
    if row.thumbnail_path and path.is_file():
        st.image(str(path), width=width)  # type: ignore[arg-type]
    else:
        st.image(_placeholder(), width=width)  # type: ignore[arg-type]


@lru_cache(maxsize=1)
def _placeholder() -> bytes:
    return _png(Image.new("RGB", TILE, (226, 229, 240)))


def _rgb(hex_color: str) -> tuple[int, int, int]:
    value = hex_color.lstrip("#")
    try:
        return (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))
    except ValueError:
        return (128, 128, 128)


def _framed(image: Image.Image) -> Image.Image:
    """A dark outer and a light inner line: the tile stands out on white and on black."""
    draw = ImageDraw.Draw(image)
    w, h = image.size
    draw.rectangle((0, 0, w - 1, h - 1), outline=(60, 60, 72), width=2)
    draw.rectangle((2, 2, w - 3, h - 3), outline=(235, 235, 240), width=2)
    return image


@lru_cache(maxsize=64)
def swatch(hex_color: str) -> bytes:
    """A small framed PNG tile of one color (a picture, so no HTML is needed to show it)."""
    return _png(_framed(Image.new("RGB", (160, 56), _rgb(hex_color))))


@lru_cache(maxsize=64)
def palette(hex_colors: tuple[str, ...]) -> bytes:
    """The colors as one strip of framed tiles: stays one row on a phone."""
    tile_w, gap = 96, 8
    strip = Image.new("RGBA", (len(hex_colors) * (tile_w + gap) - gap, 48), (0, 0, 0, 0))
    for i, color in enumerate(hex_colors):
        tile = _framed(Image.new("RGB", (tile_w, 48), _rgb(color)))
        strip.paste(tile, (i * (tile_w + gap), 0))
    return _png(strip)


def _png(image: Image.Image) -> bytes:
    buffer = BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def literal(label: str, text: str | None) -> None:
    """A caption-style label and a user's or model's text, shown literally."""
    st.caption(label)
    st.markdown(plain(text) or "-")


#: On a phone (Streamlit's small-screen width) the page starts just under the header bar
#: instead of 6rem down: the first screen holds the title and the primary action.
PHONE_CSS = """<style>
@media (max-width: 640px) {
  [data-testid="stMainBlockContainer"] { padding-top: 4.25rem !important; }
}
</style>"""


def phone_layout() -> None:
    """The small-screen style rule, once per run (Streamlit puts a style-only block out of
    the page flow, so it takes no space)."""
    st.html(PHONE_CSS)

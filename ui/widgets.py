"""Small widgets shared by the pages: status badge, player with download, color swatches."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from io import BytesIO
from pathlib import Path
from zoneinfo import ZoneInfo

import streamlit as st
from PIL import Image

from pipeline.db import Generation
from ui.format import STATUS_LABELS, plain, status_of, zone

STATUS_ICONS = {
    "pending": ":material/schedule:",
    "processing": ":material/progress_activity:",
    "completed": ":material/check_circle:",
    "failed": ":material/error:",
    "cancelled": ":material/cancel:",
}


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


def download_button(row: Generation, *, key: str) -> None:
    """Download the MP4; the bytes are read only when the button is clicked."""
    path = Path(row.video_path or "")
    if not path.is_file():
        return
    st.download_button(
        "Download MP4",
        data=_reader(path),
        file_name=f"adstudio-{row.id}.mp4",
        mime="video/mp4",
        key=key,
        on_click="ignore",
        icon=":material/download:",
        type="primary",
        width="stretch",
    )


def video_player(row: Generation) -> bool:
    """Play the finished video; False (with a note) when its file is gone."""
    path = Path(row.video_path or "")
    if not path.is_file():
        st.warning("The video file is missing from the output folder.", icon=":material/warning:")
        return False
    st.video(str(path))
    return True


def thumbnail(row: Generation, *, width: int | str = "stretch") -> None:
    """The generation's thumbnail, or a neutral placeholder when there is none."""
    path = Path(row.thumbnail_path or "")
    if row.thumbnail_path and path.is_file():
        st.image(str(path), width=width)  # type: ignore[arg-type]
    else:
        st.image(_placeholder(), width=width)  # type: ignore[arg-type]


@lru_cache(maxsize=1)
def _placeholder() -> bytes:
    return _png(Image.new("RGB", (270, 480), (226, 229, 240)))


@lru_cache(maxsize=64)
def swatch(hex_color: str) -> bytes:
    """A small PNG tile of one color (a picture, so no HTML is needed to show a color)."""
    value = hex_color.lstrip("#")
    try:
        rgb = (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))
    except ValueError:
        rgb = (128, 128, 128)
    return _png(Image.new("RGB", (160, 56), rgb))


def _png(image: Image.Image) -> bytes:
    buffer = BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def literal(label: str, text: str | None) -> None:
    """A caption-style label and a user's or model's text, shown literally."""
    st.caption(label)
    st.markdown(plain(text) or "-")

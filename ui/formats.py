"""Formats and length: the Create page's choice, and every format's player and download."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import streamlit as st

from pipeline import formats
from pipeline.db import Generation
from pipeline.spec import DURATIONS, FORMAT_SIZES

FORMATS = "create_formats"
LENGTH = "create_length"
_PRESET = "create_formats_preset"  # what the prompt preselected last, to follow it until edited

LABELS = {
    "9:16": "9:16 vertical (Reels, TikTok, Shorts)",
    "4:5": "4:5 portrait (feeds)",
    "1:1": "1:1 square (feeds, LinkedIn)",
    "16:9": "16:9 landscape (YouTube, LinkedIn)",
}


def controls(prompt: str) -> None:
    """The format multiselect (preselected from the platform the prompt names, until the user
    changes it) and the 15 / 30 s length."""
    preset = list(formats.for_prompt(prompt))
    if st.session_state.get(FORMATS) in (None, st.session_state.get(_PRESET)):
        st.session_state[FORMATS] = preset  # still the prompt's choice: follow the prompt
    st.session_state[_PRESET] = preset
    shapes, length = st.columns([3, 1])
    shapes.multiselect(
        "Formats",
        list(FORMAT_SIZES),
        key=FORMATS,
        format_func=lambda f: LABELS[f],
        help="Each format is its own MP4 from the same scenes; the first is the main video.",
    )
    length.segmented_control(
        "Length",
        [int(d) for d in DURATIONS],
        key=LENGTH,
        default=int(DURATIONS[0]),
        format_func=lambda s: f"{s} s",
    )


def request() -> dict[str, object]:
    """What the controls ask ``jobs.start`` for (no format chosen: the prompt's platform's)."""
    chosen = st.session_state.get(FORMATS) or None
    length = st.session_state.get(LENGTH)
    return {"formats": chosen, "duration_s": float(length) if length else None}


def _reader(path: Path) -> Callable[[], bytes]:
    return lambda: path.read_bytes()


def videos(row: Generation) -> None:
    """A tab per format with its player and download (nothing for a one-format ad)."""
    made = row.videos or {}
    if len(made) < 2:
        return
    for tab, (name, files) in zip(st.tabs(list(made)), made.items(), strict=True):
        with tab:
            path = Path(files.get("video", ""))
            if not path.is_file():
                st.warning(f"The {name} video is missing from the output folder.")
                continue
            w, h = FORMAT_SIZES.get(name, (0, 0))
            st.caption(f"{LABELS.get(name, name)} · {w}x{h}")
            st.video(str(path))
            st.download_button(
                f"Download {name} MP4",
                data=_reader(path),
                file_name=f"adstudio-{row.id}-{formats.slug(name)}.mp4",
                mime="video/mp4",
                key=f"download_{row.id}_{formats.slug(name)}",
                on_click="ignore",
                icon=":material/download:",
            )

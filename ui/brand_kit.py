"""The Create page's brand-kit section: pick a saved kit, or upload a logo and photos as one.

UI only: files are checked and stored by :mod:`pipeline.store.brand_kit`. Uploaded images are not
shown back through ``st.image`` (its media URLs are served without the app's login); the
section lists what a kit holds instead.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from pipeline.errors import AdstudioError
from pipeline.media.images import LOGO_TYPES, PHOTO_TYPES
from pipeline.runtime.services import Runtime
from pipeline.store import brand_kit
from ui.format import plain, plural

CHOICE = "brand_kit_choice"  # the kit id the next generation uses (None: no kit)
NONCE = "brand_kit_nonce"  # bumped after a save so the uploaders start empty
NOTICE = "brand_kit_notice"
NAME = "brand_kit_name"
FONT = "brand_kit_font"
OWN_COLORS = "brand_kit_own_colors"
COLOR_KEYS = ("brand_kit_primary", "brand_kit_secondary", "brand_kit_accent")
DEFAULT_COLORS = ("#1B2A41", "#C69C72", "#F5F5F0")


def chosen() -> int | None:
    """The kit the user picked for the next generation, if any."""
    value = st.session_state.get(CHOICE)
    return int(value) if value is not None else None


def _keys() -> tuple[str, str]:
    nonce = st.session_state.get(NONCE, 0)
    return f"brand_kit_logo_{nonce}", f"brand_kit_photos_{nonce}"


def _files(value: Any) -> list[tuple[str, bytes]]:
    items = value if isinstance(value, list) else [value] if value is not None else []
    return [(f.name, f.getvalue()) for f in items]


def _save(runtime: Runtime, user_id: int) -> None:
    logo_key, photos_key = _keys()
    logo = _files(st.session_state.get(logo_key))
    colors = [st.session_state.get(k, "") for k in COLOR_KEYS]
    try:
        with runtime.sessions.begin() as session:
            kit = brand_kit.save_kit(
                session,
                runtime.settings.data_dir,
                user_id,
                st.session_state.get(NAME, ""),
                logo=logo[0] if logo else None,
                photos=_files(st.session_state.get(photos_key)),
                colors=colors if st.session_state.get(OWN_COLORS) else None,
                font_style=st.session_state.get(FONT, "sans"),
            )
            kit_id, name = kit.id, kit.name
    except AdstudioError as exc:
        st.session_state[NOTICE] = ("error", exc.message)
        return
    st.session_state[CHOICE] = kit_id
    st.session_state[NONCE] = st.session_state.get(NONCE, 0) + 1
    st.session_state[NAME] = ""
    st.session_state[NOTICE] = ("success", f"Brand kit “{name}” saved. The next ad uses it.")


def _delete(runtime: Runtime, user_id: int, kit_id: int) -> None:
    try:
        with runtime.sessions.begin() as session:
            brand_kit.delete_kit(session, runtime.settings.data_dir, user_id, kit_id)
    except AdstudioError as exc:
        st.session_state[NOTICE] = ("error", exc.message)
        return
    st.session_state[CHOICE] = None
    st.session_state[NOTICE] = ("success", "Brand kit deleted, with its files.")


def section(runtime: Runtime, user_id: int) -> int | None:
    """Draw the section; returns the kit the next generation uses."""
    with runtime.sessions() as session:
        kits = {k.id: k for k in brand_kit.list_kits(session, user_id)}
    if st.session_state.get(CHOICE) not in (None, *kits):
        st.session_state[CHOICE] = None  # deleted elsewhere (or never this user's)
    label = "Brand kit" + (f": {kits[c].name}" if (c := chosen()) in kits else "")
    with st.expander(label, icon=":material/palette:", expanded=bool(kits)):
        st.selectbox(
            "Use a brand kit",
            [None, *kits],
            key=CHOICE,
            format_func=lambda k: "No brand kit" if k is None else kits[k].name,
        )
        kit = kits.get(chosen()) if chosen() is not None else None
        if kit is not None:
            parts = ["logo" if kit.logo else "no logo", plural(len(kit.photos), "product photo")]
            colors = " ".join(kit.colors) or "the ad's own colours"
            st.caption(plain(f"{', '.join(parts)} · colours {colors} · {kit.font_style} type"))
            st.button(
                "Delete this kit",
                key="brand_kit_delete",
                icon=":material/delete:",
                on_click=_delete,
                args=(runtime, user_id, kit.id),
            )
        notice = st.session_state.pop(NOTICE, None)
        if notice:
            (st.success if notice[0] == "success" else st.error)(plain(notice[1]))
        st.markdown("**Save a new kit**")
        logo_key, photos_key = _keys()
        st.text_input("Kit name", key=NAME, max_chars=60, placeholder="Your brand's name")
        st.file_uploader(
            "Logo (PNG or SVG)", key=logo_key, type=[t.lstrip(".") for t in LOGO_TYPES]
        )
        st.file_uploader(
            f"Product photos (JPEG, PNG or WebP; up to {brand_kit.MAX_PHOTOS})",
            key=photos_key,
            type=[t.lstrip(".") for t in PHOTO_TYPES],
            accept_multiple_files=True,
        )
        st.selectbox("Font style", brand_kit.FONT_STYLES, key=FONT)
        if st.checkbox(
            "Choose the colours myself", key=OWN_COLORS, help="Otherwise they come from the logo."
        ):
            for column, key, default, what in zip(
                st.columns(3), COLOR_KEYS, DEFAULT_COLORS, ("Primary", "Secondary", "Accent"),
                strict=True,
            ):  # fmt: skip
                column.color_picker(what, value=default, key=key)
        st.button(
            "Save brand kit",
            key="brand_kit_save",
            icon=":material/save:",
            on_click=_save,
            args=(runtime, user_id),
        )
    return chosen()

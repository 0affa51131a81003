"""The storyboard editor: per-scene cards and the ad's look, checked before it renders.

Used by Create ("Storyboard first", then "Render") and by the Scene plan page ("Edit" on a
finished ad, then "Render new version"; versions listed, each playable, downloadable and
deletable). While a one-click ad is being made, :func:`planned_preview` shows its storyboard
as soon as the plan exists. Pages call these functions; the work is in ``pipeline``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from pipeline import editing, storyboard
from pipeline.errors import AdstudioError
from pipeline.runtime import jobs
from pipeline.runtime.services import Runtime
from pipeline.spec import GRADE_STYLES, SFX_NAMES, AdSpecification, ScenePlan
from pipeline.store import repository, versions
from pipeline.storyboard import Storyboard
from ui import widgets
from ui.format import plain

BOARD = "sb_board_{}"  # session key of the storyboard being edited, per place


def _saved(place: str) -> Storyboard | None:
    data = st.session_state.get(BOARD.format(place))
    return Storyboard.model_validate(data) if data else None


def _keep(place: str, board: Storyboard | None) -> None:
    st.session_state[BOARD.format(place)] = board.model_dump(mode="json") if board else None


def _prefix(place: str) -> str:
    """The editor's widget keys; new ones after a scene move, add or delete, so the browser
    draws every field afresh from the kept storyboard (it keeps values per widget)."""
    rev = int(st.session_state.get(f"sb_rev_{place}", 0))
    return f"sb_{place}_" if rev == 0 else f"sb_{place}_r{rev}_"


def _pick(where: Any, label: str, options: list[str] | tuple[str, ...], value: str,
          key: str) -> str:  # fmt: skip
    """A select box that shows ``value`` even when it is not one of ``options``."""
    choices = list(options) if value in options else [value, *options]
    return str(where.selectbox(label, choices, index=choices.index(value), key=key))


def editor(board: Storyboard, place: str) -> Storyboard:
    """Every editable part of ``board`` as widgets; returns the storyboard as edited."""
    k = _prefix(place)
    edited = board.model_copy(deep=True)
    st.markdown("**The ad's look**")
    cols = st.columns(4)
    for col, name in zip(cols, storyboard.COLOR_NAMES, strict=True):
        value = getattr(board, f"{name}_color")
        picked = col.color_picker(f"{name.title()} colour", value, key=f"{k}color_{name}")
        setattr(edited, f"{name}_color", picked.upper())
    font, music, grade = st.columns(3)
    edited.font_style = _pick(font, "Font style", storyboard.FONT_STYLES, board.font_style,
                              f"{k}font")  # fmt: skip
    edited.music = _pick(music, "Music", storyboard.music_titles(), board.music, f"{k}music")
    edited.grade = _pick(grade, "Grade", GRADE_STYLES, board.grade, f"{k}grade")
    action: tuple[str, int] | None = None
    for i, card in enumerate(board.scenes):
        out = edited.scenes[i]
        with st.container(border=True):
            st.markdown(f"**Scene {i + 1} · {plain(card.beat)}**")
            action = _scene_buttons(k, i, len(board.scenes)) or action
            st.caption(f"Visuals: {plain(card.template)} template · "
                       f"{plain(', '.join(card.objects))}")  # fmt: skip
            out.headline = st.text_input("Headline", card.headline, key=f"{k}text_{i}")
            left, mid, right = st.columns(3)
            out.duration_s = float(left.number_input(
                "Seconds", min_value=1.0, max_value=10.0, value=float(card.duration_s),
                step=0.25, key=f"{k}dur_{i}",
            ))  # fmt: skip
            out.position = _pick(mid, "Position", storyboard.POSITIONS, card.position,
                                 f"{k}pos_{i}")  # fmt: skip
            out.animation = _pick(right, "Animation", storyboard.ANIMATIONS, card.animation,
                                  f"{k}anim_{i}")  # fmt: skip
            out.visual = st.text_area("Visual description", card.visual, key=f"{k}vis_{i}",
                                      height=70)  # fmt: skip
            out.voice_line = st.text_input("Voice line", card.voice_line, key=f"{k}voice_{i}")
            if i < len(board.scenes) - 1:
                sfx = _pick(st, "Transition sound", ["", *SFX_NAMES], card.transition_sfx or "",
                            f"{k}sfx_{i}")  # fmt: skip
                out.transition_sfx = sfx or None
    if action is not None:
        _rearrange(edited, place, *action)
    return edited


def _scene_buttons(k: str, i: int, n: int) -> tuple[str, int] | None:
    """Move up/down, add a scene after (a copy to edit), delete: the one clicked, if any.

    One row that wraps (not columns, which a phone stacks into four full-width rows)."""
    row = st.container(horizontal=True, gap="small")
    wanted = None
    for name, label, icon, off, why in (
        ("up", "Up", ":material/arrow_upward:", i == 0, None),
        ("down", "Down", ":material/arrow_downward:", i == n - 1, None),
        ("add", "Add", ":material/add:", n >= 5, "An ad has at most 5 scenes."),
        ("delete", "Delete", ":material/delete:", n <= 3, "An ad has at least 3 scenes."),
    ):  # fmt: skip
        tip = why if off else ("A copy of this scene after it" if name == "add" else None)
        if row.button(label, key=f"{k}{name}_{i}", icon=icon, disabled=off, help=tip,
                      type="tertiary"):  # fmt: skip
            wanted = (name, i)
    return wanted


def _rearrange(edited: Storyboard, place: str, name: str, i: int) -> None:
    """Apply a scene move, add or delete to the storyboard as edited so far, keep it, and
    redraw the cards from it (the total length stays exact)."""
    try:
        if name in ("up", "down"):
            new = storyboard.move_scene(edited, i, -1 if name == "up" else 1)
        elif name == "add":
            new = storyboard.add_scene(edited, i)
        else:
            new = storyboard.delete_scene(edited, i)
    except AdstudioError as exc:
        st.error(plain(exc.message), icon=":material/error:")
        return
    _keep(place, new)
    prefix = f"sb_{place}_"
    for key in [key for key in st.session_state if str(key).startswith(prefix)]:
        del st.session_state[key]  # the widgets start again from the kept storyboard
    st.session_state[f"sb_rev_{place}"] = int(st.session_state.get(f"sb_rev_{place}", 0)) + 1
    st.rerun()


def checked(board: Storyboard) -> bool:
    """Show what the storyboard breaks; True when it may render."""
    problems = storyboard.validate(board)
    for problem in problems:
        st.error(plain(problem), icon=":material/rule:")
    return not problems


def create_section(
    runtime: Runtime, user_id: int, prompt: str, on_started: Callable[[int], None]
) -> None:
    """Create's "Storyboard first": plan in about a second, edit, then Render."""
    if st.button("Storyboard first", key="sb_plan", icon=":material/view_agenda:",
                 help="Review and edit the plan before anything renders"):  # fmt: skip
        try:
            _keep("create", storyboard.plan(prompt, runtime.settings, llm=runtime.llm))
        except AdstudioError as exc:
            st.error(plain(exc.message), icon=":material/error:")
    board = _saved("create")
    if board is None:
        return
    with st.container(border=True):
        st.subheader("Storyboard", anchor=False)
        edited = editor(board, "create")
        ok = checked(edited)
        go, close = st.columns([3, 1])
        if go.button("Render", key="sb_render", type="primary", disabled=not ok,
                     icon=":material/movie:", width="stretch"):  # fmt: skip
            try:
                new_id = editing.render(runtime, user_id, edited)
            except AdstudioError as exc:
                st.error(plain(exc.message), icon=":material/error:")
                return
            _keep("create", None)
            on_started(new_id)
            st.rerun()
        if close.button("Close", key="sb_close", width="stretch"):
            _keep("create", None)
            st.rerun()


@st.fragment(run_every=2)
def planned_preview(runtime: Runtime, user_id: int, generation_id: int) -> None:
    """A running ad's storyboard (read only), as soon as its plan is on the row."""
    with runtime.sessions() as session:
        row = repository.get_generation(session, generation_id, user_id)
        spec, plan, seed = row.llm_specification, row.scene_plan, row.seed
    if not spec or not plan:
        return
    board = storyboard.from_spec_plan(
        AdSpecification.model_validate(spec), ScenePlan.model_validate(plan), seed=seed
    )
    with st.expander("Storyboard", expanded=True):
        for i, card in enumerate(board.scenes, start=1):
            st.markdown(f"**{i}. {plain(card.headline)}** · {card.duration_s:.1f} s · "
                        f"{plain(card.template)}")  # fmt: skip


def _delete(runtime: Runtime, user_id: int, generation_id: int) -> None:
    try:
        jobs.delete(runtime, user_id, generation_id)
    except AdstudioError as exc:
        st.session_state["sb_notice"] = exc.message


def versions_section(runtime: Runtime, user_id: int, generation_id: int) -> None:
    """The ad's versions, newest first: each playable, downloadable and deletable."""
    with runtime.sessions() as session:
        rows = versions.listing(session, generation_id, user_id)
    if len(rows) < 2:
        return
    st.header("Versions", anchor=False)
    notice = st.session_state.pop("sb_notice", None)
    if notice:
        st.error(plain(notice))
    for row in reversed(rows):
        with st.expander(f"v{row.version} · #{row.id} · {row.status}",
                         expanded=row.id == rows[-1].id):  # fmt: skip
            if row.status == "completed":
                widgets.video_player(row)
                widgets.download_button(row, key=f"sb_dl_{row.id}")
                if row.reused_clips:
                    st.caption(f"{row.reused_clips} clips reused from an earlier version")
            st.button("Delete this version", key=f"sb_del_{row.id}", disabled=row.is_active,
                      on_click=_delete, args=(runtime, user_id, row.id))  # fmt: skip


def edit_section(
    runtime: Runtime, user_id: int, generation_id: int, *, open_now: bool = False
) -> None:
    """ "Edit" on a finished ad: its storyboard, then "Render new version".

    ``open_now``: open the storyboard without the "Edit" click (a link asked for it)."""
    place = f"edit{generation_id}"
    if _saved(place) is None:
        if not (st.button("Edit", key="sb_edit", icon=":material/edit:") or open_now):
            return
        try:
            _keep(place, editing.for_generation(runtime, user_id, generation_id))
        except AdstudioError as exc:
            st.error(plain(exc.message), icon=":material/error:")
            return
    board = _saved(place)
    assert board is not None
    with st.container(border=True):
        st.subheader("Edit this ad", anchor=False)
        edited = editor(board, place)
        ok = checked(edited)
        if st.button("Render new version", key="sb_rerender", type="primary", disabled=not ok,
                     icon=":material/movie:"):  # fmt: skip
            try:
                new_id = editing.render(runtime, user_id, edited, parent_id=generation_id)
            except AdstudioError as exc:
                st.error(plain(exc.message), icon=":material/error:")
                return
            _keep(place, None)
            st.query_params["id"] = str(new_id)
            st.rerun()

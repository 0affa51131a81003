"""Gallery: the user's own ads, newest first; open one or delete it."""

from __future__ import annotations

import streamlit as st

from pipeline import jobs, repository
from pipeline.db import Generation
from pipeline.errors import AdstudioError
from ui import auth, widgets
from ui.format import money, plain, seconds, shorten, when
from ui.runtime import get_runtime

COLUMNS = 3
CONFIRM = "gallery_confirm_delete"
NOTICE = "gallery_notice"

runtime = get_runtime()
user = auth.require_user()
tz = widgets.user_zone()


def delete(generation_id: int) -> None:
    """Delete the row (ownership checked in the query), then its files."""
    st.session_state.pop(CONFIRM, None)
    try:
        jobs.delete(runtime, user.id, generation_id)
    except AdstudioError as exc:
        st.session_state[NOTICE] = ("error", exc.message)
        return
    st.session_state[NOTICE] = ("success", f"Deleted ad #{generation_id}.")


def card(row: Generation) -> None:
    with st.container(border=True):
        widgets.thumbnail(row)
        widgets.status_badge(row)
        version = f" · v{row.version}" if row.version > 1 else ""
        st.markdown(f"**#{row.id}**{version} · {plain(shorten(row.prompt, 70))}")
        st.caption(f"{when(row.created_at, tz)}  \n{money(row.cost)} · {seconds(row.duration_s)}")
        if st.session_state.get(CONFIRM) == row.id:
            st.caption("Delete this ad and its files?")
            yes, no = st.columns(2)
            yes.button(
                "Delete", key=f"confirm_{row.id}", type="primary", on_click=delete, args=(row.id,)
            )
            no.button(
                "Keep", key=f"keep_{row.id}", on_click=st.session_state.pop, args=(CONFIRM, None)
            )
            return
        open_, remove = st.columns(2)
        if open_.button(
            "Open", key=f"open_{row.id}", icon=":material/open_in_new:", width="stretch"
        ):
            st.switch_page("app_pages/plan.py", query_params={"id": str(row.id)})
        remove.button(
            "Delete",
            key=f"delete_{row.id}",
            icon=":material/delete:",
            disabled=row.is_active,
            help="Cancel it on the Create page first." if row.is_active else None,
            on_click=st.session_state.__setitem__,
            args=(CONFIRM, row.id),
            width="stretch",
        )


st.title("Gallery")
notice = st.session_state.pop(NOTICE, None)
if notice:
    kind, message = notice
    (st.success if kind == "success" else st.error)(plain(message))

with runtime.sessions() as session:
    rows = repository.list_generations(session, user.id)

if not rows:
    st.info("No ads yet. Describe your first one on the Create page.", icon=":material/movie:")
    st.page_link("app_pages/create.py", label="Create an ad", icon=":material/add:")
    st.stop()

st.caption(f"{len(rows)} ad{'s' if len(rows) != 1 else ''}, newest first.")
for start in range(0, len(rows), COLUMNS):
    for column, row in zip(st.columns(COLUMNS), rows[start : start + COLUMNS], strict=False):
        with column:
            card(row)

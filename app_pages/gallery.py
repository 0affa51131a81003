"""Gallery: the user's ads as a poster grid to search, filter, sort, play, download or delete.

One card per ad: its newest version ("v2 of 2"); the plan page lists every version.
Failed and cancelled attempts are kept apart, under "Attempts".
"""

from __future__ import annotations

from datetime import timedelta

import streamlit as st

from pipeline.errors import AdstudioError
from pipeline.runtime import jobs
from pipeline.store import repository, versions
from pipeline.store.db import Generation, utcnow
from ui import auth, widgets
from ui import variants as variants_ui
from ui.format import ago, as_utc, cost_label, duration, plain, shorten, status_of
from ui.runtime import get_runtime

st.set_page_config(layout="wide")  # the grid uses a wide screen; a phone gets one column

COLUMNS = 4
CONFIRM = "gallery_confirm_delete"
NOTICE = "gallery_notice"
STATUSES = {"All": None, "Ready": ("completed",), "In progress": ("pending", "processing")}
PERIODS = {"Any time": None, "Today": 1, "Last 7 days": 7, "Last 30 days": 30}
SORTS = ("Newest first", "Oldest first", "Longest first", "Most expensive first")

runtime = get_runtime()
user = auth.require_user()
tz = widgets.user_zone()


def delete(generation_id: int, version: int = 1) -> None:
    """Delete the row (ownership checked in the query), then its files."""
    st.session_state.pop(CONFIRM, None)
    try:
        jobs.delete(runtime, user.id, generation_id)
    except AdstudioError as exc:
        st.session_state[NOTICE] = ("error", exc.message)
        return
    if version > 1:
        message = f"Deleted v{version} (#{generation_id}); the previous version is shown."
    else:
        message = f"Deleted ad #{generation_id}."
    st.session_state[NOTICE] = ("success", message)


def newest_versions(rows: list[Generation]) -> tuple[list[Generation], dict[int, int]]:
    """One row per ad, in ``rows``' order: its newest version; and ad -> its top version."""
    best: dict[int, Generation] = {}
    for row in rows:
        root = versions.root_of(row)
        if root not in best or (row.version, row.id) > (best[root].version, best[root].id):
            best[root] = row
    keep = {r.id for r in best.values()}
    return [r for r in rows if r.id in keep], {k: r.version for k, r in best.items()}


@st.dialog("Play", width="large")
def play(row: Generation) -> None:
    st.markdown(f"**#{row.id}** · {plain(shorten(row.prompt, 120))}")
    widgets.video_player(row, preview=True)
    widgets.download_button(row, key=f"dialog_download_{row.id}")


def facts(row: Generation) -> str:
    """One line a person reads: status-dependent length/cost and when it was made."""
    made = ago(row.created_at, utcnow(), tz)
    status = status_of(row.status, row.error)
    if status == "completed":
        parts = (duration(row.duration_s), widgets.ad_format(row), cost_label(row.cost), made)
        return " · ".join(parts)
    if row.is_active:
        return f"{row.current_step} · {made}"
    return f"{'Cancelled' if status == 'cancelled' else 'Failed'} · {made}"


def confirm(row: Generation) -> None:
    older = " The previous version stays." if row.version > 1 else ""
    st.caption(f"Delete {'this version' if older else 'this ad'} and its files?{older}")
    yes, no = st.columns(2)
    yes.button("Delete", key=f"confirm_{row.id}", type="primary", on_click=delete,
               args=(row.id, row.version))  # fmt: skip
    no.button("Keep", key=f"keep_{row.id}", on_click=st.session_state.pop, args=(CONFIRM, None))


def card(row: Generation) -> None:
    with st.container(border=True):
        widgets.poster(row)
        widgets.status_badge(row)
        variants_ui.card_note(labels, row)
        top = tops.get(versions.root_of(row), row.version)
        version = f" · v{row.version} of {top}" if max(top, row.version) > 1 else ""
        st.markdown(f"**#{row.id}**{version} · {plain(shorten(row.prompt, 48))}")
        st.caption(plain(facts(row)))
        if st.session_state.get(CONFIRM) == row.id:
            confirm(row)
            return
        ready = row.status == "completed"  # other cards keep the same rows, disabled
        first, second = st.columns(2)
        if first.button(
            "Play", key=f"play_{row.id}", icon=":material/play_arrow:", disabled=not ready,
            width="stretch",
        ):  # fmt: skip
            play(row)
        with second:
            if ready:
                widgets.download_button(row, key=f"download_{row.id}", label="MP4")
            else:
                st.button("MP4", key=f"no_download_{row.id}", icon=":material/download:",
                          disabled=True, width="stretch")  # fmt: skip
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


def grid(rows: list[Generation]) -> None:
    for start in range(0, len(rows), COLUMNS):
        columns = st.columns(COLUMNS)
        for column, row in zip(columns, rows[start : start + COLUMNS], strict=False):
            with column:
                card(row)


def chosen(rows: list[Generation]) -> list[Generation]:
    """The rows the search, filters and sort ask for."""
    search, more = st.columns([4, 1], vertical_alignment="bottom")
    words = search.text_input(
        "Search", key="gallery_search", placeholder="Words from the prompt, or #id",
        icon=":material/search:", label_visibility="collapsed",
    ).strip().lower()  # fmt: skip
    with more.popover("Filter and sort", icon=":material/tune:", width="stretch"):
        statuses = STATUSES[st.selectbox("Status", list(STATUSES), key="gallery_status")]
        days = PERIODS[st.selectbox("Made", list(PERIODS), key="gallery_period")]
        formats = sorted({widgets.ad_format(r) for r in rows} - {"-"})
        picked = st.multiselect("Format", formats, key="gallery_format", placeholder="Any")
        order = st.selectbox("Sort", SORTS, key="gallery_sort")
    now = utcnow()
    found = [
        r for r in rows
        if (not words or words in r.prompt.lower() or words.lstrip("#") == str(r.id))
        and (statuses is None or r.status in statuses)
        and (days is None or now - as_utc(r.created_at) <= timedelta(days=days))
        and (not picked or widgets.ad_format(r) in picked)
    ]  # fmt: skip
    if order == "Oldest first":
        found.reverse()
    elif order == "Longest first":
        found.sort(key=lambda r: r.duration_s or 0.0, reverse=True)
    elif order == "Most expensive first":
        found.sort(key=lambda r: r.cost_micros, reverse=True)
    return found


st.title("Gallery")
notice = st.session_state.pop(NOTICE, None)
if notice:
    kind, message = notice
    (st.success if kind == "success" else st.error)(plain(message))

with runtime.sessions() as session:
    everything = repository.list_generations(session, user.id)

if not everything:
    st.info("No ads yet. Describe your first one on the Create page.", icon=":material/movie:")
    st.page_link("app_pages/create.py", label="Create an ad", icon=":material/add:")
    st.stop()

labels = variants_ui.gallery_order(runtime, everything)  # a group of variants sits together
ads, tops = newest_versions([r for r in everything if r.status == "completed" or r.is_active])
attempts = [r for r in everything if not (r.status == "completed" or r.is_active)]
shown = chosen(ads)
if shown:
    st.caption(f"{len(shown)} of {len(ads)} ad{'s' if len(ads) != 1 else ''}")
    grid(shown)
elif ads:
    st.info("No ad matches. Clear the search or the filters.", icon=":material/search_off:")
else:
    st.info("No finished ads yet.", icon=":material/movie:")
if attempts:
    with st.expander(f"Attempts ({len(attempts)}): failed or cancelled"):
        grid(attempts)

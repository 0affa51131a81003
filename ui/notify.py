"""Toasts when the user's generations finish, fail or are cancelled, on whichever page is open.

``app.py`` calls :func:`watch` on every run: the user's running generations are remembered
in the session, and while any runs a small fragment polls their status every few seconds.
"""

from __future__ import annotations

import streamlit as st

from pipeline import repository
from pipeline.runtime import Runtime
from ui.format import status_of

WATCH = "notify_watching"  # ids of the user's generations that were running
EVERY_S = 3


def check(runtime: Runtime, user_id: int) -> None:
    """Toast each watched generation that has ended since the last check."""
    watching: set[int] = st.session_state.setdefault(WATCH, set())
    with runtime.sessions() as session:
        states = repository.generation_states(session, user_id, watching)
    for generation_id, status, error in states:
        if status in ("pending", "processing"):
            watching.add(generation_id)
            continue
        watching.discard(generation_id)
        shown = status_of(status, error)
        if shown == "completed":
            st.toast(f"Your ad #{generation_id} is ready.", icon=":material/check_circle:")
        elif shown == "cancelled":
            st.toast(f"Ad #{generation_id} was cancelled.", icon=":material/cancel:")
        else:
            st.toast(
                f"Ad #{generation_id} failed. Open it in the Gallery to see why and try again.",
                icon=":material/error:",
                duration="long",
            )


@st.fragment(run_every=EVERY_S)
def _poll(runtime: Runtime, user_id: int) -> None:
    check(runtime, user_id)


def watch(runtime: Runtime, user_id: int) -> None:
    """Check now; keep checking in the background while something runs."""
    check(runtime, user_id)
    if st.session_state.get(WATCH):
        _poll(runtime, user_id)

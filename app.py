"""Adstudio web app: `streamlit run app.py` from the repository root.

Builds the shared runtime (settings, database, providers) once per process, runs the login
gate, then shows the studio's pages with ``st.navigation``. Until a user is logged in, the
sign-in page is the only page that exists.
"""

from __future__ import annotations

import streamlit as st

from ui import auth
from ui.format import plain
from ui.runtime import get_runtime

st.set_page_config(
    page_title="Adstudio",
    page_icon=":material/movie:",
    layout="centered",
    initial_sidebar_state="auto",
)

runtime = get_runtime()
auth.build_authenticator(runtime)
user = auth.current_user(runtime)

if user is None:
    page = st.navigation(
        [st.Page("app_pages/login.py", title="Sign in", icon=":material/login:", url_path="login")],
        position="hidden",
    )
else:
    create = st.Page(
        "app_pages/create.py", title="Create", icon=":material/movie_edit:", default=True
    )
    page = st.navigation(
        {
            "Studio": [
                create,
                st.Page("app_pages/gallery.py", title="Gallery", icon=":material/video_library:"),
                st.Page("app_pages/plan.py", title="Scene plan", icon=":material/view_timeline:"),
            ],
            "You": [st.Page("app_pages/account.py", title="Account", icon=":material/person:")],
        }
    )
    with st.sidebar:
        st.caption(f"Signed in as **{plain(user.name)}**")
        if st.button("Log out", key="sidebar_logout", icon=":material/logout:"):
            auth.logout()

page.run()

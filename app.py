"""Adstudio web app: `streamlit run app.py` from the repository root.

Builds the shared runtime (settings, database, providers) once per process and registers
every page with ``st.navigation`` on every run, so reloads and deep links (``/plan?id=4``)
keep their page. Until someone is signed in, the sign-in screen is shown in place of the
page; after sign-in the same run shows the page the URL asked for. The Admin page exists
only for administrators.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from ui import auth, notify, signin, widgets
from ui.format import plain
from ui.runtime import get_runtime

ICON = Path(__file__).resolve().parent / "assets" / "icon.png"  # local: no request outside

st.set_page_config(
    page_title="Adstudio",
    page_icon=str(ICON),
    layout="centered",
    initial_sidebar_state="auto",
)

st.logo(str(ICON), size="large")  # the brand beside the menu button on a phone
widgets.phone_layout()  # no large blank band above the title on a phone

runtime = get_runtime()
auth.check_cookie_key(runtime)
user = auth.current_user(runtime)
auth.write_cookie(runtime)

pages = {
    "Studio": [
        st.Page("app_pages/create.py", title="Create", icon=":material/movie_edit:", default=True),
        st.Page("app_pages/gallery.py", title="Gallery", icon=":material/video_library:"),
        st.Page("app_pages/plan.py", title="Scene plan", icon=":material/view_timeline:"),
    ],
    "You": [st.Page("app_pages/account.py", title="Account", icon=":material/person:")],
}
if user is not None and user.is_admin:
    pages["You"].append(
        st.Page("app_pages/admin.py", title="Admin", icon=":material/admin_panel_settings:")
    )
page = st.navigation(pages, position="sidebar" if user else "hidden")

if user is None:
    signin.show(runtime)
else:
    with st.sidebar:
        st.caption(f"Signed in as **{plain(user.name)}**")
        if st.button("Log out", key="sidebar_logout", icon=":material/logout:"):
            auth.logout(runtime)
        notify.watch(runtime, user.id)  # toasts for finished ads, whatever page is open
    page.run()

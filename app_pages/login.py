"""Sign in (and create an account, when registration is open)."""

from __future__ import annotations

import streamlit as st

from ui import auth
from ui.runtime import get_runtime

runtime = get_runtime()

st.title("Adstudio")
st.markdown(
    "Turn one sentence into a finished **15-second vertical video ad**: script, scenes, "
    "text, music and the final 1080x1920 MP4."
)

if runtime.settings.allow_registration:
    sign_in, register = st.tabs(["Sign in", "Create account"])
    with sign_in:
        auth.login_form()
    with register:
        auth.registration_form(runtime)
else:
    auth.login_form()
    st.caption("New accounts are created by an administrator (`python -m pipeline users add`).")

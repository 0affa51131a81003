"""The sign-in screen, shown in place of any page while no one is signed in.

Every page stays registered with ``st.navigation`` whether or not someone is signed in, so a
reload or a deep link (``/plan?id=4``) keeps its page and query parameters and lands there
after sign-in. An invitation link (``/?invite=CODE``) prefills the registration form.
"""

from __future__ import annotations

import streamlit as st

from pipeline.runtime.services import Runtime
from pipeline.store.users import registration_mode
from ui import auth

INVITE_PARAM = "invite"


def show(runtime: Runtime) -> None:
    """Title, pitch, and the sign-in (and, when allowed, create-account) forms."""
    st.title("Adstudio")
    st.markdown(
        "Turn one sentence into a finished **15-second vertical video ad**: script, scenes, "
        "text, music and the final 1080x1920 MP4."
    )
    invitation = str(st.query_params.get(INVITE_PARAM) or "").strip()[:100]
    mode = registration_mode(runtime.settings)
    if mode == "closed" and not invitation:
        auth.login_form(runtime)
        st.caption(
            "New accounts are created by an administrator "
            "(`python -m pipeline users add`, or an invitation link)."
        )
        return
    if invitation:
        st.info(
            "You have an invitation: create your account on the **Create account** tab.",
            icon=":material/mail:",
        )
    sign_in, create = st.tabs(["Sign in", "Create account"])
    with sign_in:
        auth.login_form(runtime)
    with create:
        if mode == "invite" and not invitation:
            st.caption("Registration is by invitation: ask an administrator for a code or link.")
        auth.registration_form(runtime, invitation)

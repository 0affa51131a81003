"""Admin: users with their usage and spend, disable/enable, invitations (administrators only)."""

from __future__ import annotations

import streamlit as st

from pipeline.store import invitations
from pipeline.store.users import registration_mode, set_disabled, usage
from ui import auth, widgets
from ui.format import money, plain, when
from ui.runtime import get_runtime
from ui.signin import INVITE_PARAM

runtime = get_runtime()
admin = auth.require_admin()
tz = widgets.user_zone()
settings = runtime.settings

st.title("Admin")
mode = registration_mode(settings)
st.caption(
    {
        "open": "Registration is open: anyone who reaches this server can create an account.",
        "invite": "Registration is by invitation only.",
        "closed": "Registration is closed; invitation links still work.",
    }[mode]
    + " Set ADSTUDIO_REGISTRATION to change it."
)

# --- users ----------------------------------------------------------------------------------
st.header("Users", anchor=False)
with runtime.sessions() as session:
    users = usage(session)
for row in users:
    with st.container(border=True):
        facts, action = st.columns([4, 1], vertical_alignment="center")
        badges = (" · admin" if row.is_admin else "") + (" · **disabled**" if row.disabled else "")
        facts.markdown(f"**{plain(row.name)}** · {plain(row.username)}{badges}")
        facts.caption(
            f"{row.generations} generation{'s' if row.generations != 1 else ''} · "
            f"spent {money(row.total_cost)} · member since {when(row.created_at, tz)}"
        )
        if row.id == admin.id:
            action.caption("You")
        elif action.button("Enable" if row.disabled else "Disable", key=f"admin_toggle_{row.id}"):
            with runtime.sessions.begin() as session:
                set_disabled(session, row.id, not row.disabled)
            st.rerun()

# --- invitations ----------------------------------------------------------------------------
st.header("Invitations", anchor=False)
st.caption(
    "An invitation is a single-use code (or link) that creates one account, "
    "whatever the registration setting."
)
days = st.number_input(
    "Valid for (days)", min_value=1, max_value=90, value=int(settings.invitation_days),
    key="admin_invite_days",
)  # fmt: skip
if st.button("Create invitation", key="admin_invite_create", icon=":material/mail:"):
    with runtime.sessions.begin() as session:
        _id, code = invitations.create(session, admin.id, float(days))
    st.session_state["admin_new_code"] = code
code = st.session_state.get("admin_new_code")
if code:
    base = (st.context.url or "").rstrip("/").rsplit("/admin", 1)[0]
    st.success("Invitation created. It is shown only now: send it to the person.")
    st.code(code, language=None)
    if base:
        st.code(f"{base}/?{INVITE_PARAM}={code}", language=None)

with runtime.sessions() as session:
    listed = invitations.listing(session)
if not listed:
    st.caption("No invitations yet.")
for inv in listed:
    line, action = st.columns([4, 1], vertical_alignment="center")
    line.markdown(
        f"#{inv.id} · **{inv.state}** · made {when(inv.created_at, tz)} · "
        f"expires {when(inv.expires_at, tz)}"
    )
    if inv.state == "open" and action.button("Revoke", key=f"admin_revoke_{inv.id}"):
        with runtime.sessions.begin() as session:
            invitations.revoke(session, inv.id)
        st.session_state.pop("admin_new_code", None)
        st.rerun()

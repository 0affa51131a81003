"""Who is signed in: the session cookie, the sign-in and registration forms, log out.

The cookie carries only a random session token; the ``sessions`` table decides whether it
still signs anyone in (``pipeline.auth``), so logging out or disabling a user ends it at
once. Streamlit can read cookies (``st.context.cookies``, sent when the page loads) but has
no API to write one, so the cookie is written by a two-line script in ``st.html`` on the run
*after* a sign-in (a run replaced by ``st.rerun()`` may never reach the browser). A script
cannot set ``HttpOnly``; ``Secure`` is added when the page is served over HTTPS. Why, and
the alternatives: docs/accounts.md.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import streamlit as st

from pipeline import auth as accounts
from pipeline.cookie_key import resolve_cookie_key
from pipeline.errors import AdstudioError
from pipeline.runtime.services import Runtime
from pipeline.store.users import register, registration_mode
from ui.format import plain

_TOKEN = "_adstudio_session"  # this browser tab's session token
_COOKIE = "_adstudio_cookie"  # a cookie write waiting for the next run: token, or "" to clear
_STALE = "_adstudio_stale_cookie"  # a cookie token already found dead (not looked up again)
_USER = "_adstudio_user"


@dataclass(frozen=True)
class CurrentUser:
    """The signed-in user as the pages need it."""

    id: int
    username: str
    name: str
    is_admin: bool = False


def check_cookie_key(runtime: Runtime) -> None:
    """Stop the app with a clear message if the cookie key is unusable."""
    try:
        resolve_cookie_key(runtime.settings)
    except AdstudioError as exc:
        st.error(f"Adstudio cannot start: {exc.message}", icon=":material/error:")
        st.stop()


def _browser_token(runtime: Runtime) -> str | None:
    token = st.context.cookies.get(runtime.settings.cookie_name)
    if not token or token == st.session_state.get(_STALE):
        return None
    return str(token)


def current_user(runtime: Runtime) -> CurrentUser | None:
    """The signed-in user, checked against the database on every run, or None."""
    token = st.session_state.get(_TOKEN) or _browser_token(runtime)
    if not token:
        st.session_state.pop(_USER, None)
        return None
    with runtime.sessions() as session:
        row = accounts.user_for_token(session, runtime.settings, token)
        user = None if row is None else CurrentUser(row.id, row.username, row.name, row.is_admin)
    if user is None:  # logged out elsewhere, expired, or the account was disabled
        _forget(token)
        return None
    st.session_state[_TOKEN] = token
    st.session_state[_USER] = user
    return user


def _forget(token: str) -> None:
    st.session_state[_STALE] = token
    for key in list(st.session_state.keys()):
        if str(key).startswith(("create_", "gallery_", "plan_", "admin_")) or key in (
            _TOKEN,
            _USER,
        ):
            del st.session_state[key]
    st.session_state[_COOKIE] = ""


def write_cookie(runtime: Runtime) -> None:
    """Send the pending cookie change (set after sign-in, cleared after logout) to the browser."""
    value = st.session_state.pop(_COOKIE, None)
    if value is None:
        return
    settings = runtime.settings
    age = int(settings.cookie_expiry_days * 86400) if value else 0
    cookie = f"{settings.cookie_name}={value}; Path=/; Max-Age={age}; SameSite=Strict"
    st.html(
        "<script>document.cookie = "
        f"{json.dumps(cookie)} + (location.protocol === 'https:' ? '; Secure' : '');</script>",
        unsafe_allow_javascript=True,
    )


def require_user() -> CurrentUser:
    """The signed-in user (pages behind the gate); stops the page if there is none."""
    user = st.session_state.get(_USER)
    if not isinstance(user, CurrentUser):
        st.warning("Please sign in.")
        st.stop()
    return user


def require_admin() -> CurrentUser:
    """The signed-in administrator; stops the page for anyone else."""
    user = require_user()
    if not user.is_admin:
        st.error("Only administrators can open this page.", icon=":material/block:")
        st.stop()
    return user


def login_form(runtime: Runtime) -> None:
    """The sign-in form; on success the app reruns into the page the URL asked for."""
    with st.form("adstudio_login", enter_to_submit=True):
        st.subheader("Sign in", anchor=False)
        username = st.text_input("Username", key="login_username", autocomplete="username")
        password = st.text_input(
            "Password", type="password", key="login_password", autocomplete="current-password"
        )
        submitted = st.form_submit_button("Sign in", type="primary")
    if not submitted:
        return
    try:
        user = accounts.sign_in(runtime.sessions, runtime.settings, username, password)
        with runtime.sessions.begin() as session:
            token = accounts.create_session(session, runtime.settings, user.id)
    except AdstudioError as exc:
        st.error(plain(exc.message), icon=":material/error:")
        return
    st.session_state.pop(_STALE, None)
    st.session_state[_TOKEN] = token
    st.session_state[_COOKIE] = token
    st.rerun()


def registration_form(runtime: Runtime, invitation: str = "") -> None:
    """The create-account form; with ``invitation`` (from the link) the code is prefilled."""
    needs_code = bool(invitation) or registration_mode(runtime.settings) != "open"
    with st.form("adstudio_register", enter_to_submit=False):
        st.subheader("Create an account", anchor=False)
        first, last = st.columns(2)
        first_name = first.text_input("First name", key="register_first")
        last_name = last.text_input("Last name", key="register_last")
        email = st.text_input("Email", key="register_email", autocomplete="email")
        username = st.text_input("Username", key="register_username", autocomplete="username")
        password = st.text_input(
            "Password", type="password", key="register_password", autocomplete="new-password"
        )
        repeat = st.text_input(
            "Repeat password", type="password", key="register_repeat", autocomplete="new-password"
        )
        code = ""
        if needs_code:
            code = st.text_input("Invitation code", value=invitation, key="register_code")
        submitted = st.form_submit_button("Create account", type="primary")
    if not submitted:
        return
    try:
        with runtime.sessions.begin() as session:
            user = register(
                session, runtime.settings, username=username, password=password, repeat=repeat,
                name=f"{first_name.strip()} {last_name.strip()}".strip(), email=email,
                invitation=code,
            )  # fmt: skip
            name = user.username
    except AdstudioError as exc:
        st.error(plain(exc.message), icon=":material/error:")
        return
    st.success(
        f"Account created. Sign in as **{plain(name)}** on the Sign in tab.",
        icon=":material/check_circle:",
    )


def logout(runtime: Runtime, *, rerun: bool = True) -> None:
    """End this session in the database (its cookie stops working) and forget it here."""
    token = st.session_state.get(_TOKEN)
    if token:
        with runtime.sessions.begin() as session:
            accounts.revoke_session(session, runtime.settings, token)
        _forget(token)
    if rerun:
        st.rerun()

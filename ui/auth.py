"""Login with streamlit-authenticator over the project's database.

Each script run builds one ``Authenticate`` from the ``users`` table (building two in a run
collides on the cookie component's widget id). Registrations are written back to the table.
The login cookie is written or deleted on the run *after* a login or logout: a component
rendered in a run that is immediately replaced by ``st.rerun()`` may never reach the browser.
Cookie re-login after a browser refresh is best effort (the library reads
``st.context.cookies``, which only changes when the page is reloaded).
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st
import streamlit_authenticator as stauth
from streamlit_authenticator.utilities import LoginError, RegisterError, Validator

from pipeline.auth import credentials_from_db, find_user, save_registration
from pipeline.cookie_key import resolve_cookie_key
from pipeline.errors import AdstudioError
from pipeline.runtime import Runtime
from pipeline.users import password_problem
from ui.format import plain

# Session keys owned by this module. The library owns "name", "username", "email", "roles",
# "logout" and "authentication_status"; no widget may use those as keys.
_AUTHENTICATOR = "_adstudio_authenticator"
_COOKIE_ACTION = "_adstudio_cookie_action"
_USER = "_adstudio_user"


@dataclass(frozen=True)
class CurrentUser:
    """The logged-in user as the pages need it."""

    id: int
    username: str
    name: str


class PasswordRules(Validator):
    """The project's password rules (the library's default caps passwords at 20 characters)."""

    def validate_password(self, password: str) -> bool:
        return password_problem(password) is None

    def diagnose_password(self, password: str) -> str:
        return password_problem(password) or ""


def build_authenticator(runtime: Runtime) -> stauth.Authenticate:
    """Create this run's authenticator from the database and remember it for the pages."""
    settings = runtime.settings
    try:
        key = resolve_cookie_key(settings)
    except AdstudioError as exc:
        st.error(f"Adstudio cannot start: {exc.message}", icon=":material/error:")
        st.stop()
    with runtime.sessions() as session:
        credentials = credentials_from_db(session)
    authenticator = stauth.Authenticate(
        credentials,
        settings.cookie_name,
        key,
        settings.cookie_expiry_days,
        validator=PasswordRules(),
        auto_hash=False,
        login_sleep_time=0,  # the library waits for its cookie component; we read st.context
    )
    st.session_state[_AUTHENTICATOR] = authenticator
    _apply_cookie_action(authenticator)
    return authenticator


def authenticator() -> stauth.Authenticate:
    """The authenticator built by app.py for this run."""
    return st.session_state[_AUTHENTICATOR]


def _apply_cookie_action(auth: stauth.Authenticate) -> None:
    action = st.session_state.pop(_COOKIE_ACTION, None)
    if action == "set" and st.session_state.get("authentication_status"):
        auth.cookie_controller.set_cookie()
    elif action == "delete":
        auth.cookie_controller.delete_cookie()


def current_user(runtime: Runtime) -> CurrentUser | None:
    """The logged-in user, or None. A login whose account was removed is logged out."""
    username = st.session_state.get("username")
    if not st.session_state.get("authentication_status") or not username:
        st.session_state.pop(_USER, None)
        return None
    cached = st.session_state.get(_USER)
    if isinstance(cached, CurrentUser) and cached.username == username:
        return cached
    with runtime.sessions() as session:
        row = find_user(session, username)
        user = None if row is None else CurrentUser(row.id, username, row.name or row.username)
    if user is None:
        logout(rerun=False)
        return None
    st.session_state[_USER] = user
    return user


def require_user() -> CurrentUser:
    """The logged-in user (pages behind the login gate); stops the page if there is none."""
    user = st.session_state.get(_USER)
    if not isinstance(user, CurrentUser):
        st.warning("Please sign in.")
        st.stop()
    return user


def login_form() -> None:
    """The sign-in form; on success (form or cookie) the app reruns into the studio."""
    auth = authenticator()
    was_logged_in = bool(st.session_state.get("authentication_status"))
    try:
        auth.login(
            location="main",
            key="adstudio_login",
            fields={
                "Form name": "Sign in",
                "Username": "Username",
                "Password": "Password",
                "Login": "Sign in",
            },
        )
    except LoginError as exc:
        st.session_state[_COOKIE_ACTION] = "delete"
        st.error(str(exc), icon=":material/error:")
        return
    status = st.session_state.get("authentication_status")
    if status and not was_logged_in:
        st.session_state[_COOKIE_ACTION] = "set"
        st.rerun()
    if status is False:
        st.error("The username or password is incorrect.", icon=":material/error:")


def registration_form(runtime: Runtime) -> None:
    """The create-account form; the new user is stored in the database."""
    auth = authenticator()
    try:
        _email, username, _name = auth.register_user(
            location="main",
            key="adstudio_register",
            captcha=False,
            password_hint=False,
            clear_on_submit=False,
            fields={
                "Form name": "Create an account",
                "First name": "First name",
                "Last name": "Last name",
                "Email": "Email",
                "Username": "Username",
                "Password": "Password",
                "Repeat password": "Repeat password",
                "Register": "Create account",
            },
        )
    except RegisterError as exc:
        st.error(plain(str(exc)), icon=":material/error:")
        return
    if not username:
        return
    try:
        with runtime.sessions.begin() as session:
            save_registration(
                session, auth.authentication_controller.authentication_model.credentials, username
            )
    except AdstudioError as exc:
        st.error(plain(exc.message), icon=":material/error:")
        return
    st.success(
        f"Account created. Sign in as **{plain(username)}** on the Sign in tab.",
        icon=":material/check_circle:",
    )


def logout(*, rerun: bool = True) -> None:
    """Log out this session; the cookie is deleted on the next run."""
    auth = st.session_state.get(_AUTHENTICATOR)
    if auth is not None:
        auth.authentication_controller.logout()
    else:
        for key in ("name", "username", "authentication_status", "email", "roles"):
            st.session_state[key] = None
    for key in list(st.session_state.keys()):
        if str(key).startswith(("create_", "gallery_", "plan_")) or key == _USER:
            del st.session_state[key]
    st.session_state[_COOKIE_ACTION] = "delete"
    if rerun:
        st.rerun()

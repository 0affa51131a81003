"""Accounts in the app, driven with AppTest: lockout, deep links, invitations, the Admin page.

A new ``AppTest`` is a new browser session. A replayed cookie is a session token handed to a
new session: AppTest cannot seed cookies, so the token goes where the cookie's value goes.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from streamlit.testing.v1 import AppTest

from pipeline.auth import DISABLED, WRONG_CREDENTIALS
from pipeline.store import repository
from pipeline.store.invitations import INVALID
from tests.app_harness import PASSWORD, AppEnv, app_env, button, errors, register, sign_in, texts
from ui.auth import _TOKEN

ROOT = Path(__file__).resolve().parent.parent
PLAN, GALLERY, ACCOUNT, ADMIN = (
    f"app_pages/{p}.py" for p in ("plan", "gallery", "account", "admin")
)
LOCKED = "Too many failed sign-ins. Try again in 15 minutes."


@pytest.fixture
def env(tmp_path: Path) -> Iterator[AppEnv]:
    with app_env(tmp_path, login_delay_s=0) as e:
        yield e


def test_five_wrong_passwords_lock_the_account_even_for_the_right_one(env: AppEnv) -> None:
    env.add_user("alice")
    at = env.app()
    for _ in range(4):
        sign_in(at, "alice", "wrong-password-1")
        assert errors(at) == [WRONG_CREDENTIALS]
    sign_in(at, "alice", "wrong-password-1")
    assert errors(at) == [LOCKED]
    again = env.app()
    sign_in(again, "alice", PASSWORD)
    assert errors(again) == [LOCKED]
    assert "Create an ad" not in texts(again)


def test_a_second_try_straight_after_a_failure_is_asked_to_wait(tmp_path: Path) -> None:
    # A long first wait keeps the message the same however slow the machine is.
    with app_env(tmp_path, login_delay_s=120.0) as env:
        env.add_user("alice")
        at = env.app()
        sign_in(at, "alice", "wrong-password-1")
        sign_in(at, "alice", PASSWORD)
        assert errors(at) == ["Too many failed sign-ins. Try again in 2 minutes."]


@pytest.mark.parametrize("page", [PLAN, GALLERY, ACCOUNT])
def test_a_deep_link_lands_on_its_page_after_sign_in(env: AppEnv, page: str) -> None:
    alice = env.add_user("alice")
    generation_id = env.finished_generation(alice, "Deep link ad for Bean There coffee")
    at = env.app()
    at.switch_page(page)
    at.query_params["id"] = str(generation_id)
    at.run()
    assert [t.label for t in at.tabs] == ["Sign in", "Create account"]
    sign_in(at, "alice", PASSWORD)
    assert not at.exception
    title = {PLAN: "Scene plan", GALLERY: "Gallery", ACCOUNT: "Account"}[page]
    assert at.title[0].value == title
    assert at.query_params.get("id") == str(generation_id)
    if page == PLAN:
        assert "Deep link ad for Bean There coffee" in texts(at)


@pytest.mark.parametrize("raw", ["99999999999999999999", "-3", "1e3", "٣", "0"])
def test_a_plan_link_with_an_impossible_id_says_so(env: AppEnv, raw: str) -> None:
    env.finished_generation(env.add_user("alice"))
    at = env.signed_in("alice")
    at.switch_page(PLAN)
    at.query_params["id"] = raw
    at.run()
    assert not at.exception
    assert "No ad with that id." in texts(at)


def test_a_replayed_session_token_stops_working_after_logout(env: AppEnv) -> None:
    at = env.signed_in("alice")
    token = at.session_state[_TOKEN]
    replay = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    replay.session_state[_TOKEN] = token
    replay.run()
    assert replay.title[0].value == "Create an ad"  # the token signs in while live

    button(at, "sidebar_logout").click().run()
    assert [t.label for t in at.tabs] == ["Sign in", "Create account"]
    replay = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    replay.session_state[_TOKEN] = token
    replay.run()
    assert "Create an ad" not in texts(replay)
    assert [t.label for t in replay.tabs] == ["Sign in", "Create account"]


def test_admin_page_lists_users_with_usage_and_disables_one(env: AppEnv) -> None:
    with env.runtime.sessions.begin() as session:
        from pipeline.store.users import add_user

        add_user(session, "root", PASSWORD, name="Rita Root", is_admin=True)
    bob = env.add_user("bob")
    env.finished_generation(bob, cost=1.25)
    bob_at = env.signed_in("bob")
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        bob_at.switch_page(ADMIN)

    at = env.signed_in("root")
    at.switch_page(ADMIN).run()
    assert not at.exception
    shown = texts(at)
    assert "Registration is open" in shown
    assert "1 generation · spent $1.25" in shown
    button(at, f"admin_toggle_{bob}").click().run()
    assert "bob · **disabled**" in texts(at, raw=True).replace("\\", "")

    bob_at.run()  # bob's open browser is signed out on its next run
    assert "Create an ad" not in texts(bob_at)
    sign_in(bob_at, "bob", PASSWORD)
    assert errors(bob_at) == [DISABLED]
    button(at, f"admin_toggle_{bob}").click().run()
    sign_in(bob_at, "bob", PASSWORD)
    assert bob_at.title[0].value == "Create an ad"


def test_an_invitation_link_registers_one_account_when_registration_is_invite_only(
    tmp_path: Path,
) -> None:
    with app_env(tmp_path, registration="invite", login_delay_s=0) as env:
        with env.runtime.sessions.begin() as session:
            from pipeline.store.users import add_user

            add_user(session, "root", PASSWORD, is_admin=True)
        stranger = env.app()
        register(stranger, "walkin", "trustno1-xfiles", invitation="")
        assert errors(stranger) == [
            "Registration needs an invitation. Ask an administrator for one."
        ]

        admin = env.signed_in("root")
        admin.switch_page(ADMIN).run()
        button(admin, "admin_invite_create").click().run()
        code = admin.code[0].value
        assert "open" in texts(admin)

        invited = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        invited.query_params["invite"] = code
        invited.run()
        assert "You have an invitation" in texts(invited)
        register(invited, "dana", "trustno1-xfiles")  # the code is prefilled from the link
        assert "Account created" in texts(invited)
        with env.runtime.sessions() as session:
            dana = repository.get_user(session, "dana")
            assert dana is not None and not dana.is_admin

        again = env.app()
        register(again, "eve", "trustno1-xfiles", invitation=code)
        assert errors(again) == [INVALID]
        admin.run()
        assert "**used**" in texts(admin, raw=True)


def test_closed_registration_shows_no_form_but_an_invitation_link_still_works(
    tmp_path: Path,
) -> None:
    with app_env(tmp_path, registration="closed") as env:
        at = env.app()
        assert not at.tabs
        from pipeline.store import invitations

        with env.runtime.sessions.begin() as session:
            _id, code = invitations.create(session, None, days=1)
        invited = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        invited.query_params["invite"] = code
        invited.run()
        register(invited, "dana", "trustno1-xfiles")
        assert "Account created" in texts(invited)


def test_the_first_account_registered_in_the_app_is_an_admin(env: AppEnv) -> None:
    at = env.app()
    register(at, "first", "trustno1-xfiles")
    register(env.app(), "second", "trustno1-xfiles")
    sign_in(at, "first", "trustno1-xfiles")
    at.switch_page(ADMIN).run()
    assert at.title[0].value == "Admin"


def test_the_favicon_is_a_local_file() -> None:
    source = (ROOT / "app.py").read_text(encoding="utf-8")
    assert ":material/movie:" not in source
    with Image.open(ROOT / "assets" / "icon.png") as icon:
        assert icon.format == "PNG" and icon.size == (128, 128)

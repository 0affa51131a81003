"""The app's login gate, driven with AppTest: register, sign in, bad passwords, log out."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from pipeline.auth import WRONG_CREDENTIALS
from pipeline.auth import sign_in as check_sign_in
from pipeline.cookie_key import cookie_key_path, resolve_cookie_key
from pipeline.errors import ConfigError, InputError
from pipeline.runtime.services import Runtime
from pipeline.settings import Settings
from pipeline.store import repository
from pipeline.store.db import utcnow
from pipeline.store.users import service_user
from tests.app_harness import (
    PASSWORD,
    AppEnv,
    app_env,
    button,
    errors,
    page_dump,
    register,
    sign_in,
    texts,
)

STUDIO_PAGES = ("app_pages/create.py", "app_pages/gallery.py", "app_pages/plan.py")


@pytest.fixture
def env(tmp_path: Path) -> Iterator[AppEnv]:
    with app_env(tmp_path) as e:
        yield e


def test_every_page_shows_the_sign_in_screen_until_logged_in(env: AppEnv) -> None:
    at = env.app()
    assert not at.exception
    assert [t.label for t in at.tabs] == ["Sign in", "Create account"]
    assert "Create an ad" not in texts(at)
    for page in (*STUDIO_PAGES, "app_pages/account.py"):
        at.switch_page(page).run()
        assert not at.exception
        assert [t.label for t in at.tabs] == ["Sign in", "Create account"], page
        assert "Scene plan" not in texts(at) and "Total cost" not in texts(at)
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page("app_pages/admin.py")


def test_register_stores_a_bcrypt_user_who_can_then_sign_in(env: AppEnv) -> None:
    at = env.app()
    register(at, "Dana", "trustno1-xfiles", first="Dana", last="Scully")
    assert not at.exception
    assert "Account created" in texts(at)
    with env.runtime.sessions() as session:
        user = repository.get_user(session, "dana")
        assert user is not None
        assert user.name == "Dana Scully"
        assert user.email == "dana@example.com"
        assert user.password_hash.startswith("$2b$")
        assert "trustno1" not in user.password_hash

    sign_in(at, "dana", "trustno1-xfiles")
    assert not at.exception
    assert at.title[0].value == "Create an ad"
    assert "Signed in as **Dana Scully**" in texts(at)


def test_registration_rules_are_explained(env: AppEnv) -> None:
    at = env.app()
    register(at, "mulder", "short1")
    assert "at least 8 characters" in texts(at)
    register(at, "mulder", "onlyletters")
    assert "mix letters with digits or symbols" in texts(at)
    register(at, "mulder", "trustno1-xfiles", repeat="trustno2-xfiles")
    assert "Passwords do not match" in texts(at)
    with env.runtime.sessions() as session:
        assert repository.get_user(session, "mulder") is None


def test_a_taken_username_is_refused(env: AppEnv) -> None:
    env.add_user("alice")
    at = env.app()
    register(at, "alice", "another-pass-9")
    assert not at.exception
    assert "Account created" not in texts(at)
    assert at.error, "a second 'alice' must be refused with a message"


def test_wrong_password_and_unknown_user_get_the_same_answer(env: AppEnv) -> None:
    env.add_user("alice")
    at = env.app()
    sign_in(at, "alice", "not the password 1")
    assert errors(at) == [WRONG_CREDENTIALS]
    assert "Create an ad" not in texts(at)
    sign_in(at, "nobody", PASSWORD)
    assert errors(at) == [WRONG_CREDENTIALS]
    assert "Create an ad" not in texts(at)


def test_log_out_returns_to_the_sign_in_page(env: AppEnv) -> None:
    at = env.signed_in("alice")
    button(at, "sidebar_logout").click().run()
    assert not at.exception
    assert [t.label for t in at.tabs] == ["Sign in", "Create account"]
    at.switch_page("app_pages/create.py").run()
    assert "Create an ad" not in texts(at)
    assert [t.label for t in at.tabs] == ["Sign in", "Create account"]


def test_registration_can_be_turned_off(tmp_path: Path) -> None:
    with app_env(tmp_path, registration="closed") as env:
        env.add_user("alice")
        at = env.app()
        assert not at.tabs
        assert "python -m pipeline users add" in texts(at)
        sign_in(at, "alice", PASSWORD)
        assert at.title[0].value == "Create an ad"


def test_no_secret_is_rendered(tmp_path: Path) -> None:
    key = "cookie-key-that-must-stay-secret-0123456789"
    with app_env(tmp_path, cookie_key=key, openai_api_key="sk-test-secret-value") as env:
        at = env.signed_in("alice")
        for page in ("app_pages/create.py", "app_pages/account.py", "app_pages/gallery.py"):
            at.switch_page(page).run()
            shown = page_dump(at)
            assert "Account" in shown or "Gallery" in shown or "Create" in shown
            assert key not in shown
            assert "sk-test-secret-value" not in shown


# --- the pieces under the forms ------------------------------------------------------------


def test_cookie_key_is_generated_once_and_kept_private(settings: Settings) -> None:
    first = resolve_cookie_key(settings)
    path = cookie_key_path(settings)
    assert len(first) >= 32
    assert path.stat().st_mode & 0o777 == 0o600
    assert resolve_cookie_key(settings) == first
    other = Settings(data_dir=settings.data_dir.parent / "elsewhere")
    assert resolve_cookie_key(other) != first


def test_cookie_key_from_settings_wins_and_must_be_long(settings: Settings) -> None:
    long_key = "k" * 40
    chosen = Settings(data_dir=settings.data_dir, cookie_key=long_key)
    assert resolve_cookie_key(chosen) == long_key
    assert not cookie_key_path(chosen).exists()
    with pytest.raises(ConfigError, match="ADSTUDIO_COOKIE_KEY is too short"):
        resolve_cookie_key(Settings(data_dir=settings.data_dir, cookie_key="short"))


def test_the_cli_service_account_cannot_sign_in(runtime: Runtime, user_id: int) -> None:
    with runtime.sessions.begin() as session:
        service = service_user(session)
        unusable = service.password_hash
    start = utcnow()
    for minute, guess in enumerate(("", unusable, unusable[1:])):
        with pytest.raises(InputError, match=WRONG_CREDENTIALS):
            at = start + timedelta(minutes=minute)  # past each wait after a failure
            check_sign_in(runtime.sessions, runtime.settings, "cli", guess, now=at)

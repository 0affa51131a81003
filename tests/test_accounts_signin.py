"""Sign-in throttling, sessions, invitations and registration rules, on a real SQLite file.

Times are passed in (``now=``), so the waits and lockouts are checked without sleeping.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from pipeline.auth import (
    _DUMMY_HASH,
    DISABLED,
    WRONG_CREDENTIALS,
    create_session,
    revoke_session,
    sign_in,
    user_for_token,
)
from pipeline.errors import InputError
from pipeline.runtime.services import Runtime, bootstrap
from pipeline.settings import Settings
from pipeline.store import invitations
from pipeline.store.db import LoginSession, LoginThrottle, User, utcnow
from pipeline.store.users import (
    add_user,
    is_password_hash,
    register,
    registration_mode,
    set_disabled,
)
from tests.fakes import FakeLLM, FakeVideo

PASSWORD = "correct horse 42"
T0 = utcnow()


def server(tmp_path: Path, **overrides: object) -> Runtime:
    """One app server on the shared data folder (a second call = a second server)."""
    settings = Settings(data_dir=tmp_path / "data", output_dir=tmp_path / "output", **overrides)  # type: ignore[arg-type]
    return bootstrap(settings, llm=FakeLLM(), video=FakeVideo(), recover=False)


@pytest.fixture
def rt(tmp_path: Path) -> Runtime:
    runtime = server(tmp_path)
    with runtime.sessions.begin() as session:
        add_user(session, "alice", PASSWORD)
    return runtime


def attempt(rt: Runtime, name: str, password: str, at: timedelta) -> str:
    """What the sign-in form would say (or 'ok')."""
    try:
        sign_in(rt.sessions, rt.settings, name, password, now=T0 + at)
    except InputError as exc:
        return exc.message
    return "ok"


def test_each_failure_makes_the_next_attempt_wait_longer(rt: Runtime) -> None:
    assert attempt(rt, "alice", "wrong-1", timedelta(0)) == WRONG_CREDENTIALS
    too_soon = "Too many failed sign-ins. Try again in 1 second."
    assert attempt(rt, "alice", PASSWORD, timedelta(seconds=0.2)) == too_soon
    assert attempt(rt, "alice", "wrong-2", timedelta(seconds=1)) == WRONG_CREDENTIALS
    assert attempt(rt, "alice", PASSWORD, timedelta(seconds=1)) == (
        "Too many failed sign-ins. Try again in 2 seconds."
    )
    assert attempt(rt, "alice", "wrong-3", timedelta(seconds=3)) == WRONG_CREDENTIALS
    assert attempt(rt, "alice", PASSWORD, timedelta(seconds=4)) == (
        "Too many failed sign-ins. Try again in 3 seconds."
    )
    assert attempt(rt, "alice", PASSWORD, timedelta(seconds=7)) == "ok"
    with rt.sessions() as session:  # a success starts the count again
        assert session.scalars(select(LoginThrottle)).all() == []


def test_five_failures_lock_the_account_for_fifteen_minutes(rt: Runtime) -> None:
    for minute in range(4):
        assert attempt(rt, "alice", "wrong!1", timedelta(minutes=minute)) == WRONG_CREDENTIALS
    assert attempt(rt, "alice", "wrong!1", timedelta(minutes=4)) == (
        "Too many failed sign-ins. Try again in 15 minutes."
    )
    # The right password does not help while locked.
    assert attempt(rt, "alice", PASSWORD, timedelta(minutes=5)) == (
        "Too many failed sign-ins. Try again in 14 minutes."
    )
    assert attempt(rt, "alice", PASSWORD, timedelta(minutes=18, seconds=30)) == (
        "Too many failed sign-ins. Try again in 30 seconds."
    )
    assert attempt(rt, "alice", PASSWORD, timedelta(minutes=19)) == "ok"


def test_the_lockout_survives_a_restart_and_holds_on_another_server(
    rt: Runtime, tmp_path: Path
) -> None:
    for minute in range(5):
        attempt(rt, "alice", "wrong!1", timedelta(minutes=minute))
    rt.engine.dispose()  # the first server stops
    other = server(tmp_path)
    assert attempt(other, "alice", PASSWORD, timedelta(minutes=6)) == (
        "Too many failed sign-ins. Try again in 13 minutes."
    )


def test_an_unknown_name_is_answered_and_locked_like_a_real_one(rt: Runtime) -> None:
    answers = [attempt(rt, "nobody", "guess!1", timedelta(minutes=m)) for m in range(6)]
    known = [attempt(rt, "alice", "guess!1", timedelta(minutes=m)) for m in range(6)]
    assert answers == known
    assert answers[-1] == "Too many failed sign-ins. Try again in 14 minutes."
    assert is_password_hash(_DUMMY_HASH)  # a real bcrypt check runs for unknown names too
    with rt.sessions() as session:  # the names people typed are not stored
        keys = session.scalars(select(LoginThrottle.name_hash)).all()
    assert len(keys) == 2 and all(len(k) == 64 and "nobody" not in k for k in keys)


def test_a_burst_of_parallel_guesses_gets_no_more_than_the_limit(tmp_path: Path) -> None:
    rt = server(tmp_path, login_delay_s=0)
    with rt.sessions.begin() as session:
        add_user(session, "alice", PASSWORD)

    def guess(n: int) -> str:
        return attempt(rt, "alice", f"guess-{n}", timedelta(0))

    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(guess, range(16)))
    assert answers.count(WRONG_CREDENTIALS) <= 4
    assert answers.count(WRONG_CREDENTIALS) + sum(a.startswith("Too many") for a in answers) == 16


def test_a_disabled_user_cannot_sign_in_and_their_sessions_end(rt: Runtime) -> None:
    with rt.sessions.begin() as session:
        alice = session.scalar(select(User).where(User.username == "alice"))
        assert alice is not None
        token = create_session(session, rt.settings, alice.id)
        set_disabled(session, alice.id, True)
    with rt.sessions() as session:
        assert user_for_token(session, rt.settings, token) is None
    assert attempt(rt, "alice", PASSWORD, timedelta(0)) == DISABLED
    assert attempt(rt, "alice", "wrong!1", timedelta(minutes=1)) == WRONG_CREDENTIALS
    with rt.sessions.begin() as session:
        set_disabled(session, alice.id, False)
    assert attempt(rt, "alice", PASSWORD, timedelta(minutes=2)) == "ok"


def test_a_session_token_stops_working_after_logout_and_expiry(rt: Runtime) -> None:
    with rt.sessions.begin() as session:
        user = sign_in(rt.sessions, rt.settings, "alice", PASSWORD)
        token = create_session(session, rt.settings, user.id)
        kept = create_session(session, rt.settings, user.id)
    with rt.sessions() as session:
        found = user_for_token(session, rt.settings, token)
        assert found is not None and found.username == "alice"
        stored = session.scalars(select(LoginSession.token_hash)).all()
    assert token not in stored and len(stored) == 2  # only keyed hashes are kept
    with rt.sessions.begin() as session:
        revoke_session(session, rt.settings, token)
    with rt.sessions() as session:  # replaying the old cookie value signs no one in
        assert user_for_token(session, rt.settings, token) is None
        assert user_for_token(session, rt.settings, kept) is not None  # other browsers stay
        later = utcnow() + timedelta(days=rt.settings.cookie_expiry_days, seconds=1)
        assert user_for_token(session, rt.settings, kept, now=later) is None
        assert user_for_token(session, rt.settings, "forged-" + kept) is None


def test_an_invitation_works_once_and_not_after_revoke_or_expiry(rt: Runtime) -> None:
    closed = rt.settings.model_copy(update={"registration": "closed"})
    form = {"password": "trustno1-x", "repeat": "trustno1-x"}
    with rt.sessions.begin() as session:
        _id, code = invitations.create(session, None, days=7)
        revoked_id, revoked = invitations.create(session, None, days=7)
        invitations.revoke(session, revoked_id)
        _old, stale = invitations.create(session, None, days=1, now=T0 - timedelta(days=2))
    with rt.sessions.begin() as session:
        with pytest.raises(InputError, match="needs an invitation"):
            register(session, closed, username="dana", **form)
        dana = register(session, closed, username="Dana", invitation=code, **form)
        assert dana.username == "dana"
    for reused in (code, revoked, stale):
        with pytest.raises(InputError) as err, rt.sessions.begin() as session:
            register(session, closed, username="eve", invitation=reused, **form)
        assert err.value.message == invitations.INVALID
    with rt.sessions() as session:
        states = [v.state for v in invitations.listing(session)]
    assert states == ["expired", "revoked", "used"]


def test_registration_is_open_only_with_offline_providers_unless_forced() -> None:
    assert registration_mode(Settings()) == "open"
    assert registration_mode(Settings(llm_provider="openai")) == "invite"
    assert registration_mode(Settings(video_provider="replicate")) == "invite"
    assert registration_mode(Settings(video_provider="replicate", registration="open")) == "open"
    assert registration_mode(Settings(registration="closed")) == "closed"
    assert registration_mode(Settings(allow_registration=False)) == "closed"


def test_the_first_registered_user_becomes_admin(tmp_path: Path) -> None:
    rt = server(tmp_path)
    form = {"password": "trustno1-x", "repeat": "trustno1-x"}
    with rt.sessions.begin() as session:
        first = register(session, rt.settings, username="ann", **form)
        second = register(session, rt.settings, username="bob", **form)
        assert (first.is_admin, second.is_admin) == (True, False)


def test_ended_sessions_are_dropped_a_day_later(rt: Runtime) -> None:
    long_ago = T0 - timedelta(days=30)
    with rt.sessions.begin() as session:
        alice = sign_in(rt.sessions, rt.settings, "alice", PASSWORD)
        create_session(session, rt.settings, alice.id, now=long_ago)  # expired weeks ago
        create_session(session, rt.settings, alice.id)
    with rt.sessions() as session:
        assert len(session.scalars(select(LoginSession)).all()) == 1

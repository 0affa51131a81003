"""`python -m pipeline users ...`: admins, disabling and enabling, as an operator runs them."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from pipeline.auth import DISABLED, create_session, sign_in, user_for_token
from pipeline.errors import InputError
from pipeline.runtime.services import bootstrap
from pipeline.settings import Settings
from pipeline.store.db import utcnow
from tests.fakes import FakeLLM, FakeVideo
from tests.test_cli import _cli

PASSWORD = "a good password 1"


def test_users_add_admin_then_disable_and_enable(tmp_path: Path) -> None:
    added = _cli(tmp_path, "users", "add", "root", "--admin", "--password-stdin", stdin=PASSWORD)
    assert added.returncode == 0, added.stderr
    assert added.stdout.startswith("admin 'root' created")
    plain = _cli(tmp_path, "users", "add", "bob", "--password-stdin", stdin=PASSWORD)
    assert plain.stdout.startswith("user 'bob' created")

    settings = Settings(data_dir=tmp_path / "data", output_dir=tmp_path / "output")
    rt = bootstrap(settings, llm=FakeLLM(), video=FakeVideo(), recover=False)
    bob = sign_in(rt.sessions, settings, "bob", PASSWORD)
    with rt.sessions.begin() as session:
        token = create_session(session, settings, bob.id)

    disabled = _cli(tmp_path, "users", "disable", "BOB")
    assert disabled.returncode == 0, disabled.stderr
    assert disabled.stdout.strip() == "user 'bob' disabled"
    listed = _cli(tmp_path, "users", "list").stdout.splitlines()
    assert any("root" in line and line.endswith("admin") for line in listed)
    assert any("bob" in line and line.endswith("disabled") for line in listed)
    with rt.sessions() as session:
        assert user_for_token(session, settings, token) is None
    with pytest.raises(InputError) as refused:
        sign_in(rt.sessions, settings, "bob", PASSWORD, now=utcnow() + timedelta(minutes=1))
    assert refused.value.message == DISABLED

    assert _cli(tmp_path, "users", "enable", "bob").returncode == 0
    sign_in(rt.sessions, settings, "bob", PASSWORD, now=utcnow() + timedelta(minutes=2))
    missing = _cli(tmp_path, "users", "disable", "nobody")
    assert missing.returncode == 1 and "No user 'nobody'" in missing.stderr
    rt.engine.dispose()

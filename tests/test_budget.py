"""The monthly budget: a start whose estimate is more than what is left is refused, with
how much is left and when it resets; the Account page shows spend against the budget."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from pipeline import quote, variant_groups
from pipeline.errors import InputError
from pipeline.runtime import jobs
from pipeline.runtime.services import Runtime, bootstrap
from pipeline.settings import Settings
from pipeline.store.db import Generation, GenerationStart, utcnow
from pipeline.store.users import add_user, month_spend_micros
from tests.app_harness import app_env, texts
from tests.fakes import FakeLLM, FakeVideo

KLING = "kwaivgi/kling-v1.6-standard"
PROMPT = "A bright ad for ZephyrRun trail shoes"


@pytest.fixture
def paid(tmp_path: Path) -> Iterator[Runtime]:
    """Replicate prices (Kling: $1.00 of clips per ad, nothing else paid), a $1.50 budget."""
    settings = Settings(
        data_dir=tmp_path / "data", output_dir=tmp_path / "output", tts_provider="none",
        video_provider="replicate", video_models=(KLING,), monthly_budget_usd=1.5,
    )  # fmt: skip
    rt = bootstrap(settings, llm=FakeLLM(), video=FakeVideo())
    yield rt
    rt.engine.dispose()


def _spent(rt: Runtime, user_id: int, usd: float, when: datetime, status: str = "completed") -> int:
    with rt.sessions.begin() as session:
        row = Generation(user_id=user_id, prompt=PROMPT, status=status, created_at=when,
                         cost_micros=round(usd * 1_000_000))  # fmt: skip
        session.add(row)
        session.flush()
        return row.id


def _user(rt: Runtime) -> int:
    with rt.sessions.begin() as session:
        return add_user(session, "carol", "correct horse battery").id


def _counts(rt: Runtime) -> tuple[int, int]:
    with rt.sessions() as session:
        return (
            int(session.scalar(select(func.count(Generation.id))) or 0),
            int(session.scalar(select(func.count(GenerationStart.id))) or 0),
        )


def test_a_start_past_the_budget_is_refused_and_makes_no_row(paid: Runtime) -> None:
    user = _user(paid)
    _spent(paid, user, 0.9, utcnow())
    _spent(paid, user, 25.0, quote.month_start(utcnow()) - timedelta(seconds=1))  # last month
    before = _counts(paid)
    with pytest.raises(InputError) as err:
        jobs.start(paid, user, PROMPT)
    reset = quote.next_reset(utcnow())
    assert str(err.value) == (
        "This would cost about $1.00, more than the $0.60 left of your $1.50 monthly budget. "
        f"It resets on 1 {reset:%B %Y} (UTC). Make fewer variants or formats, or choose the "
        "offline providers, until then."
    )
    assert _counts(paid) == before


def test_variants_are_refused_together_when_their_sum_is_past_the_budget(paid: Runtime) -> None:
    user = _user(paid)
    with pytest.raises(InputError) as err:
        variant_groups.start_group(paid, user, PROMPT, 2)
    assert str(err.value).startswith(
        "This would cost about $2.00, more than the $1.50 left of your $1.50 monthly budget."
    )
    assert _counts(paid) == (0, 0)


def test_running_ads_hold_their_estimate_until_they_are_billed(paid: Runtime) -> None:
    user = _user(paid)
    running = _spent(paid, user, 0.0, utcnow(), status="processing")
    with paid.sessions.begin() as session:
        quote.record(session, running, quote.estimate(paid.settings))
        _spent(paid, user, 0.2, utcnow(), status="failed")  # a failed ad's clips were paid
        spent = month_spend_micros(session, user, quote.month_start(utcnow()))
    assert spent == 1_200_000
    with paid.sessions() as session:
        assert quote.budget_left(session, paid.settings, user) == pytest.approx(0.3)


def test_within_the_budget_the_ad_starts(paid: Runtime) -> None:
    user = _user(paid)
    generation_id = jobs.start(paid, user, PROMPT, seed=3)
    assert jobs.wait(generation_id, timeout_s=240)
    with paid.sessions() as session:
        assert session.get(Generation, generation_id).status == "completed"  # type: ignore[union-attr]


def test_the_budget_resets_on_the_first_of_next_month() -> None:
    assert quote.next_reset(datetime(2026, 12, 6, 19, 5, tzinfo=UTC)) == datetime(
        2027, 1, 1, tzinfo=UTC
    )
    assert quote.month_start(datetime(2026, 3, 31, 23, 59, tzinfo=UTC)) == datetime(
        2026, 3, 1, tzinfo=UTC
    )


def test_account_page_shows_spend_against_the_budget(tmp_path: Path) -> None:
    with app_env(tmp_path, monthly_budget_usd=10.0) as env:
        alice = env.add_user("alice")
        env.finished_generation(alice, cost=2.5)
        at = env.signed_in("alice")
        at.switch_page("app_pages/account.py").run()
        assert not at.exception
        reset = quote.next_reset(utcnow())
        assert at.get("progress")[0].proto.text == (
            f"This month: $2.50 of your $10.00 budget, $7.50 left until 1 {reset:%B %Y} (UTC)"
        )
        assert at.get("progress")[0].proto.value == 25


def test_without_a_budget_the_account_page_shows_none(tmp_path: Path) -> None:
    with app_env(tmp_path) as env:
        env.finished_generation(env.add_user("alice"), cost=2.5)
        at = env.signed_in("alice")
        at.switch_page("app_pages/account.py").run()
        assert not at.exception and not at.get("progress")
        assert "budget" not in texts(at)

"""Gallery versions (one card per ad, its newest), the account's cost for people, and the
phone rule for the blank header band."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from pipeline.store.db import Generation
from tests.app_harness import AppEnv, app_env, button, page_dump, texts

GALLERY = "app_pages/gallery.py"
ACCOUNT = "app_pages/account.py"
WATCH = "Create a luxury watch ad for Instagram"


@pytest.fixture
def env(tmp_path: Path) -> Iterator[AppEnv]:
    with app_env(tmp_path) as e:
        yield e


def second_version(env: AppEnv, user_id: int, first: int) -> int:
    """A finished v2 of ``first`` (files made as for any finished ad)."""
    second = env.finished_generation(user_id, WATCH)
    with env.runtime.sessions.begin() as session:
        row = session.get(Generation, second)
        assert row is not None
        row.parent_id, row.version = first, 2
    return second


def cards(at: AppTest) -> list[str]:
    """The cards' title lines, as read ("#3 · v2 of 2 · prompt")."""
    lines = (line.replace("**", "") for line in texts(at).splitlines())
    return [line for line in lines if line.startswith("#")]


def test_gallery_shows_one_card_per_ad_with_its_newest_version(env: AppEnv) -> None:
    alice = env.add_user("alice")
    other = env.finished_generation(alice, "A bright ad for ZephyrRun trail shoes")
    first = env.finished_generation(alice, WATCH)
    second = second_version(env, alice, first)
    at = env.signed_in("alice")
    at.switch_page(GALLERY).run()
    assert not at.exception
    assert cards(at) == [
        f"#{second} · v2 of 2 · {WATCH}",
        f"#{other} · A bright ad for ZephyrRun trail shoes",
    ]
    assert "2 of 2 ads" in texts(at)
    assert not [b for b in at.button if b.key == f"play_{first}"]  # v1 has no card of its own

    button(at, f"delete_{second}").click().run()
    assert "Delete this version and its files? The previous version stays." in texts(at)
    button(at, f"confirm_{second}").click().run()
    assert f"Deleted v2 (#{second}); the previous version is shown." in texts(at)
    assert cards(at) == [f"#{first} · {WATCH}", f"#{other} · A bright ad for ZephyrRun trail shoes"]


def test_account_cost_reads_free_offline_when_nothing_was_paid(env: AppEnv) -> None:
    env.finished_generation(env.add_user("alice"))
    at = env.signed_in("alice")
    at.switch_page(ACCOUNT).run()
    assert not at.exception
    assert "Total cost: free (offline)" in texts(at)
    assert "$0.00" not in texts(at)


def test_every_page_carries_the_phone_rule_against_the_blank_header(env: AppEnv) -> None:
    at = env.signed_in("alice")
    for page in (GALLERY, ACCOUNT, "app_pages/create.py"):
        at.switch_page(page).run()
        dump = page_dump(at)
        assert "@media (max-width: 640px)" in dump
        assert 'stMainBlockContainer\\"] { padding-top: 4.25rem !important; }' in dump

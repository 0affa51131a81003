"""The storyboard in a real browser: plan first, change a headline, render, edit into v2.

Uses the app server and helpers of ``tests/test_browser.py`` (headless Debian Chromium,
the offline providers, real renders). The new version must play and its plan must show the
new line.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text

from tests.test_browser import CHROMIUM, PASSWORD, RENDER_TIMEOUT_S, USER, server, settle

__all__ = ["server"]  # the fixture, imported for this module's tests

PROMPT = "Create a luxury watch ad for Instagram"


def _add_user(tmp_path: Path) -> None:
    from pipeline.runtime import bootstrap
    from pipeline.settings import Settings
    from pipeline.users import add_user

    settings = Settings(data_dir=tmp_path / "data", output_dir=tmp_path / "output")
    runtime = bootstrap(settings, recover=False)
    with runtime.sessions.begin() as session:
        add_user(session, USER, PASSWORD)
    runtime.engine.dispose()


def _wait_completed(tmp_path: Path, version: int) -> int:
    """The id of the ad's ``version`` once its row is completed (read from the database)."""
    engine = create_engine(f"sqlite:///{tmp_path / 'data' / 'adstudio.db'}")
    deadline = time.monotonic() + RENDER_TIMEOUT_S
    try:
        while time.monotonic() < deadline:
            with engine.connect() as conn:
                row = conn.execute(
                    text("SELECT id, status, error FROM generations WHERE version = :v"),
                    {"v": version},
                ).first()
            if row is not None and row.status != "processing" and row.status != "pending":
                assert row.status == "completed", row.error
                return int(row.id)
            time.sleep(1.0)
    finally:
        engine.dispose()
    raise AssertionError(f"version {version} did not finish in {RENDER_TIMEOUT_S} s")


def _headline(page: Any, index: int, value: str) -> None:
    field = page.get_by_label("Headline").nth(index)
    field.fill(value)
    field.press("Enter")
    settle(page)


def test_storyboard_first_edit_render_then_a_new_version_plays(server: str, tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    _add_user(tmp_path)
    with sync_playwright() as pw:
        assert CHROMIUM is not None, "install Debian's chromium package (.ci/run does)"
        browser = pw.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--mute-audio"]
        )
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 1000})
            page.set_default_timeout(60_000)
            page.goto(server)
            form = page.get_by_test_id("stForm").filter(has_text="Sign in")
            form.get_by_label("Username", exact=True).fill(USER)
            form.get_by_label("Password", exact=True).fill(PASSWORD)
            form.get_by_role("button", name="Sign in").click()
            settle(page)

            prompt = page.get_by_label("Your prompt")
            prompt.fill(PROMPT)
            prompt.press("Control+Enter")
            settle(page)
            page.get_by_role("button", name="Storyboard first").click()
            settle(page)
            expect(page.get_by_role("heading", name="Storyboard").first).to_be_visible()
            _headline(page, 1, "Made by hand")
            page.get_by_role("button", name="Render", exact=True).click()
            expect(page.get_by_text("Your ad is ready").first).to_be_visible(
                timeout=RENDER_TIMEOUT_S * 1000
            )
            first = _wait_completed(tmp_path, 1)

            page.goto(f"{server}/plan?id={first}")
            settle(page)
            expect(page.get_by_text("Made by hand").first).to_be_visible()
            page.get_by_role("button", name="Edit", exact=True).click()
            settle(page)
            _headline(page, 0, "Yours for life")
            page.get_by_role("button", name="Render new version").click()
            second = _wait_completed(tmp_path, 2)
            page.goto(f"{server}/plan?id={second}")
            settle(page)
            expect(page.get_by_text("Yours for life").first).to_be_visible()
            expect(page.get_by_text("Versions").first).to_be_visible()

            video = page.locator("video").first
            page.wait_for_function("() => (document.querySelector('video') || {}).readyState >= 2")
            assert abs(video.evaluate("v => v.duration") - 15.0) < 0.25
            video.evaluate("v => { v.muted = true; return v.play(); }")
            page.wait_for_function("() => document.querySelector('video').currentTime > 0.5")
            page.screenshot(path=str(tmp_path / "storyboard-v2.png"), full_page=True)
        finally:
            browser.close()

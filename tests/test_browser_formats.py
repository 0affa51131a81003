"""A LinkedIn ad in headless Chromium: 1:1 and 16:9 preselected, and the 1:1 video plays."""

from __future__ import annotations

from pathlib import Path

from tests.test_browser import (
    CHROMIUM,
    RENDER_TIMEOUT_S,
    pytestmark,
    register_and_sign_in,
    server,
    settle,
)

__all__ = ["pytestmark", "server"]  # the app fixture and the no-Chromium note come from there

PROMPT = "Cloud backup for small accounting firms, an ad for LinkedIn"
USER, PASSWORD = "planner", "square-format-42"


def test_a_square_video_plays_in_chromium(server: str, tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--mute-audio"]
        )
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 1000})
            page.set_default_timeout(60_000)
            page.goto(server)
            register_and_sign_in(page, USER, PASSWORD, ("Ines", "Park"))
            expect(page.get_by_role("heading", name="Create an ad").first).to_be_visible()

            prompt = page.get_by_label("Your prompt")
            prompt.fill(PROMPT)
            prompt.press("Control+Enter")
            settle(page)
            # the platform the prompt names preselects its formats
            expect(page.get_by_text("1:1 square (feeds, LinkedIn)").first).to_be_visible()
            expect(page.get_by_text("16:9 landscape (YouTube, LinkedIn)").first).to_be_visible()
            page.get_by_role("button", name="Generate").click()
            expect(page.get_by_text("Your ad is ready").first).to_be_visible(
                timeout=RENDER_TIMEOUT_S * 1000
            )
            settle(page)

            # The main player is the first format, 1:1: it loads, lasts 15 s and plays.
            video = page.locator("video").first
            expect(video).to_be_attached()
            page.wait_for_function("() => (document.querySelector('video') || {}).readyState >= 2")
            assert abs(video.evaluate("v => v.duration") - 15.0) < 0.25
            assert video.evaluate("v => [v.videoWidth, v.videoHeight]") == [1080, 1080]
            video.evaluate("v => { v.muted = true; return v.play(); }")
            page.wait_for_function("() => document.querySelector('video').currentTime > 0.5")
            expect(page.get_by_role("tab", name="16:9")).to_be_visible()
            expect(page.get_by_role("button", name="Download 1:1 MP4").first).to_be_attached()

            shot = tmp_path / "adstudio-formats.png"
            page.screenshot(path=str(shot), full_page=True)
            assert shot.stat().st_size > 10_000
        finally:
            browser.close()

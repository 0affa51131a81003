"""The phone layout in real Chromium: no large blank band above the page title at 390 px,
the desktop layout unchanged (uses tests/test_browser.py's server and helpers)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.test_browser import (  # noqa: F401  (server is a fixture)
    CHROMIUM,
    PASSWORD,
    USER,
    _fits,
    _sign_in,
    expect_heading,
    pytestmark,
    register_and_sign_in,
    server,
    settle,
)

PADDING = (
    "() => getComputedStyle(document.querySelector('[data-testid=stMainBlockContainer]'))"
    ".paddingTop"
)


def _title_top(page: Any, url: str, path: str, heading: str) -> tuple[float, str]:
    """Where the page's title starts, and the main block's top padding."""
    page.goto(f"{url}/{path}")
    settle(page)
    expect_heading(page, heading)
    _fits(page)
    top = page.get_by_role("heading", name=heading).first.bounding_box()["y"]
    return float(top), str(page.evaluate(PADDING))


def _storyboard_on_a_phone(page: Any, url: str, shots: Path) -> None:
    """The editor fits 390 px; a scene's four buttons share one row; Down moves the scene."""
    from playwright.sync_api import expect

    page.goto(url)
    settle(page)
    prompt = page.get_by_label("Your prompt")
    prompt.fill("Create a luxury watch ad for Instagram")
    prompt.press("Control+Enter")
    settle(page)
    page.get_by_role("button", name="Storyboard first").click()
    settle(page)
    expect(page.get_by_role("heading", name="Storyboard").first).to_be_visible()
    _fits(page)
    field = page.get_by_label("Headline").nth(0)
    expect(field).not_to_have_value("")
    first = field.input_value()
    tops = {round(page.locator(f".st-key-sb_create_{name}_0 button").last.bounding_box()["y"])
            for name in ("up", "down", "add", "delete")}  # fmt: skip
    assert len(tops) == 1, tops
    page.locator(".st-key-sb_create_down_0 button").last.click()
    settle(page)
    expect(page.get_by_label("Headline").nth(1)).to_have_value(first, timeout=60_000)
    page.screenshot(path=str(shots / "storyboard-390.png"), full_page=True)


def test_the_page_starts_under_the_header_on_a_phone_only(
    server: str,  # noqa: F811  (the fixture imported above)
    tmp_path: Path,
) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True,
                                     args=["--no-sandbox", "--mute-audio"])  # fmt: skip
        try:
            desk = browser.new_page(viewport={"width": 1440, "height": 900})
            desk.set_default_timeout(60_000)
            desk.goto(server)
            register_and_sign_in(desk)
            expect_heading(desk, "Create an ad")
            assert _title_top(desk, server, "account", "Account")[1] == "96px"  # 6rem, as before
            phone = browser.new_context(
                user_agent=pw.devices["Pixel 7"]["user_agent"], is_mobile=True, has_touch=True,
                viewport={"width": 390, "height": 844},
            )  # fmt: skip
            mobile = phone.new_page()
            mobile.set_default_timeout(60_000)
            mobile.goto(server)
            _sign_in(mobile)
            expect_heading(mobile, "Create an ad")
            for path, heading in [("account", "Account"), ("gallery", "Gallery")]:
                top, padding = _title_top(mobile, server, path, heading)
                assert padding == "68px", (path, padding)  # 4.25rem: just under the header
                assert top < 100, (path, top)
                print(f"{path} at 390 px: title top {top:.0f} px, padding {padding}")
                mobile.screenshot(path=str(tmp_path / f"{path}-390.png"))
            _storyboard_on_a_phone(mobile, server, tmp_path)
        finally:
            browser.close()

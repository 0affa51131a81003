"""The real thing: `streamlit run app.py` in a subprocess, driven by headless Chromium.

A user registers, signs in, types a prompt and waits for the offline providers (creative
director + local motion graphics, real overlays, music and export) to finish; the page's
``<video>`` element must then load (``readyState >= 2``), last about 15 s and play.
Debian's ``chromium`` is used (``.ci/run`` installs it; Playwright downloads no browser);
the test is skipped only where no Chromium exists. The screenshot is kept in the test's
temp folder.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
PROMPT = "ZephyrRun trail running shoes ad for Instagram, energetic"
USER, PASSWORD = "marketer", "trail-runner-42"
START_TIMEOUT_S = 90
RENDER_TIMEOUT_S = 600  # a full 1080x1920 render on two shared cores

pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="no Chromium on this machine: install Debian's 'chromium' package (.ci/run does)",
)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_healthy(url: str, proc: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"streamlit exited with {proc.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.read().strip() == b"ok":
                    return
        except OSError:
            pass
        time.sleep(0.3)
    pytest.fail(f"streamlit did not answer within {START_TIMEOUT_S} s:\n{log.read_text()[-3000:]}")


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """The app on a free loopback port, its data and output in ``tmp_path``."""
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("ADSTUDIO_")}
    env.update(
        ADSTUDIO_DATA_DIR=str(tmp_path / "data"),
        ADSTUDIO_OUTPUT_DIR=str(tmp_path / "output"),
        ADSTUDIO_LLM_PROVIDER="offline",
        ADSTUDIO_VIDEO_PROVIDER="local",
        PYTHONPATH=os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p),
    )
    log = tmp_path / "streamlit.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py",
             "--server.address", "127.0.0.1", "--server.port", str(port),
             "--server.headless", "true", "--browser.gatherUsageStats", "false"],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, proc, log)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def settle(page: Any) -> None:
    """Wait until Streamlit has no stale elements left from the previous run.

    While a rerun (or a page switch) is in flight, the old elements stay on the page marked
    ``data-stale="true"`` next to the new ones, which makes locators match twice.
    """
    page.wait_for_function("() => document.querySelectorAll('[data-stale=\"true\"]').length === 0")


def test_register_sign_in_generate_and_play_in_chromium(server: str, tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--mute-audio"]
        )
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 1000})
            page.set_default_timeout(60_000)
            page.goto(server)

            # Register, then sign in with the new account.
            page.get_by_role("tab", name="Create account").click()
            form = page.get_by_test_id("stForm").filter(has_text="Create an account")
            for label, value in [
                ("First name", "Mara"), ("Last name", "Quinn"), ("Email", "mara@example.com"),
                ("Username", USER), ("Password", PASSWORD), ("Repeat password", PASSWORD),
            ]:  # fmt: skip
                form.get_by_label(label, exact=True).fill(value)
            form.get_by_role("button", name="Create account").click()
            expect(page.get_by_text("Account created.").first).to_be_visible()
            settle(page)

            page.get_by_role("tab", name="Sign in").click()
            form = page.get_by_test_id("stForm").filter(has_text="Sign in")
            form.get_by_label("Username", exact=True).fill(USER)
            form.get_by_label("Password", exact=True).fill(PASSWORD)
            form.get_by_role("button", name="Sign in").click()
            settle(page)
            expect(page.get_by_role("heading", name="Create an ad").first).to_be_visible()

            # Generate: the progress panel appears, then the finished ad.
            prompt = page.get_by_label("Your prompt")
            prompt.fill(PROMPT)
            prompt.press("Control+Enter")
            settle(page)
            expect(page.get_by_text(f"{len(PROMPT)} / 500 characters").first).to_be_visible()
            generate = page.get_by_role("button", name="Generate")
            expect(generate).to_have_count(1)
            generate.click()
            expect(page.get_by_text("Making your ad").first).to_be_visible()
            expect(page.get_by_role("progressbar").first).to_be_visible()
            expect(page.get_by_text("Your ad is ready").first).to_be_visible(
                timeout=RENDER_TIMEOUT_S * 1000
            )

            # The <video> loads, lasts ~15 s and plays.
            video = page.locator("video").first
            expect(video).to_be_attached()
            page.wait_for_function("() => (document.querySelector('video') || {}).readyState >= 2")
            duration = video.evaluate("v => v.duration")
            assert abs(duration - 15.0) < 0.25, duration
            video.evaluate("v => { v.muted = true; return v.play(); }")
            page.wait_for_function("() => document.querySelector('video').currentTime > 0.5")
            assert video.evaluate("v => v.videoWidth / v.videoHeight") == pytest.approx(9 / 16)
            expect(page.get_by_role("button", name="Download MP4").first).to_be_visible()

            shot = tmp_path / "adstudio-create.png"
            page.screenshot(path=str(shot), full_page=True)
            assert shot.stat().st_size > 10_000
        finally:
            browser.close()


def test_a_reloaded_plan_link_lands_on_the_plan_and_logout_ends_the_cookie(
    server: str, tmp_path: Path
) -> None:
    """Deep link -> sign in -> the plan; reload keeps it; after logout the cookie is dead."""
    from playwright.sync_api import expect, sync_playwright

    from pipeline.runtime import bootstrap
    from pipeline.settings import Settings
    from tests.app_harness import AppEnv
    from tests.fakes import FakeLLM, FakeVideo

    # A finished ad written into the server's database by a second process (this one).
    settings = Settings(data_dir=tmp_path / "data", output_dir=tmp_path / "output")
    llm, video = FakeLLM(), FakeVideo()
    env = AppEnv(bootstrap(settings, llm=llm, video=video, recover=False), llm, video, tmp_path)
    generation_id = env.finished_generation(env.add_user(USER, PASSWORD), "Deep link ad for Nimbus")
    env.runtime.engine.dispose()
    plan_url = f"{server}/plan?id={generation_id}"

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        try:
            context = browser.new_context()
            page = context.new_page()
            page.set_default_timeout(60_000)
            page.goto(plan_url)
            form = page.get_by_test_id("stForm").filter(has_text="Sign in")
            form.get_by_label("Username", exact=True).fill(USER)
            form.get_by_label("Password", exact=True).fill(PASSWORD)
            form.get_by_role("button", name="Sign in").click()
            settle(page)
            expect(page.get_by_role("heading", name="Scene plan").first).to_be_visible()
            expect(page.get_by_text("Deep link ad for Nimbus").first).to_be_visible()
            page.wait_for_function("() => document.cookie.includes('adstudio_auth=')")

            page.reload()  # the cookie signs in again and the URL keeps its page and id
            settle(page)
            expect(page.get_by_role("heading", name="Scene plan").first).to_be_visible()
            expect(page.get_by_text("Deep link ad for Nimbus").first).to_be_visible()
            assert page.url == plan_url
            assert page.get_by_text("Page not found").count() == 0
            icon = page.locator("link[rel*='icon']").first.get_attribute("href") or ""
            assert not icon.startswith("http") or icon.startswith(server), icon
            old_cookies = context.cookies()

            page.get_by_role("button", name="Log out").first.click()
            settle(page)
            expect(page.get_by_role("tab", name="Sign in")).to_be_visible()

            # Replaying the old cookie in a fresh browser signs no one in.
            replay = browser.new_context()
            replay.add_cookies(old_cookies)  # type: ignore[arg-type]
            again = replay.new_page()
            again.set_default_timeout(60_000)
            again.goto(plan_url)
            expect(again.get_by_role("tab", name="Sign in")).to_be_visible()
            expect(again.get_by_text("Deep link ad for Nimbus")).to_have_count(0)
        finally:
            browser.close()

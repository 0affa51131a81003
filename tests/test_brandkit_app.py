"""The Create page's brand-kit controls, driven with AppTest: upload, save, use, delete."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from pipeline.runtime import jobs
from pipeline.store import brand_kit, repository
from pipeline.store.db import BrandKit
from tests import brandkit_media as media
from tests.app_harness import TIMEOUT_S, AppEnv, app_env, button, errors, texts

PROMPT = "Create a bright ad for Acme cold brew coffee for commuters"


@pytest.fixture
def env(tmp_path: Path) -> Iterator[AppEnv]:
    with app_env(tmp_path) as e:
        yield e


def fill_kit(at: AppTest, name: str, logo: tuple[str, bytes, str] | None, photos: list) -> AppTest:
    at.text_input(key="brand_kit_name").input(name)
    nonce = at.session_state.get("brand_kit_nonce", 0)
    at.file_uploader(key=f"brand_kit_logo_{nonce}").set_value(logo)  # None: the user removed it
    at.file_uploader(key=f"brand_kit_photos_{nonce}").set_value(photos or None)
    return button(at, "brand_kit_save").click().run()


def kit_files(env: AppEnv) -> list[Path]:
    root = brand_kit.kits_root(env.runtime.settings.data_dir)
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def kit_rows(env: AppEnv) -> list[tuple[int, str]]:
    with env.runtime.sessions() as session:
        return [(k.user_id, k.name) for k in session.query(BrandKit).all()]


def test_upload_save_use_and_delete_a_brand_kit(env: AppEnv) -> None:
    at = env.signed_in("alice")
    uploaders = {u.key: (u.allowed_type, u.accept_multiple_files) for u in at.file_uploader}
    assert uploaders == {
        "brand_kit_logo_0": ([".png", ".svg"], False),
        "brand_kit_photos_0": ([".jpg", ".jpeg", ".png", ".webp"], True),
    }
    at = fill_kit(at, "Acme", ("logo.png", media.logo_png(), "image/png"),
                  [("a.jpg", media.photo(), "image/jpeg"),
                   ("b.webp", media.photo("WEBP"), "image/webp")])  # fmt: skip
    assert "Brand kit “Acme” saved. The next ad uses it." in texts(at)
    assert "logo, 2 product photos · colours #FFD600 #2962FF #D69D00 · sans type" in texts(at)
    assert at.selectbox(key="brand_kit_choice").value is not None
    assert [f.name for f in kit_files(env)] == ["logo.png", "photo_1.jpg", "photo_2.jpg"]
    assert at.file_uploader(key="brand_kit_logo_1").value is None  # emptied for the next kit

    at.text_area(key="create_prompt").input(PROMPT)
    at = button(at.run(), "generate").click().run()
    generation_id = int(at.session_state["create_shown_generation"])
    assert jobs.wait(generation_id, timeout_s=TIMEOUT_S * 3)
    with env.runtime.sessions() as session:
        row = repository.get_generation(session, generation_id, None)
        assert row.llm_specification["assets"]["kit_name"] == "Acme"  # type: ignore[index]

    at = button(at.run(), "brand_kit_delete").click().run()
    assert "Brand kit deleted, with its files." in texts(at)
    assert kit_rows(env) == [] and kit_files(env) == []
    assert at.selectbox(key="brand_kit_choice").value is None


def test_a_bad_upload_shows_its_message_and_stores_nothing(env: AppEnv) -> None:
    at = env.signed_in("alice")
    at = fill_kit(at, "Acme", ("logo.svg", media.svg('<a href="https://x.example">x</a>'),
                               "image/svg+xml"), [])  # fmt: skip
    assert errors(at) == [
        "logo.svg contains an external reference (https://x.example). A logo must be a plain "
        "drawing: export it again without scripts or links to other files."
    ]
    assert kit_rows(env) == [] and kit_files(env) == []
    at = fill_kit(at, "Acme", None, [("shot.jpg", media.photo("PNG"), "image/jpeg")])
    assert errors(at) == [
        "shot.jpg is not a JPEG image (its contents do not match its name). "
        "Export it again as a real image file."
    ]
    assert kit_rows(env) == [] and kit_files(env) == []


def test_another_user_does_not_see_the_kit(env: AppEnv) -> None:
    alice = env.signed_in("alice")
    fill_kit(alice, "Acme", ("logo.png", media.logo_png(), "image/png"), [])
    bob = env.signed_in("bob")
    assert bob.selectbox(key="brand_kit_choice").options == ["No brand kit"]
    assert "Acme" not in texts(bob)

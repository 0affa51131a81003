"""Driving the Streamlit app in tests: a runtime with fake providers, users, finished rows.

The app builds its runtime once per server process (``ui.runtime``); tests hand it one made
with :func:`pipeline.runtime.services.bootstrap` on a temp folder and the fast fakes of
``tests/fakes.py`` through :func:`ui.runtime.use_runtime`. Every page is then driven with
``streamlit.testing.v1.AppTest`` exactly as a browser session would be: forms are filled,
buttons clicked, the script rerun.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image
from streamlit.testing.v1 import AppTest

from pipeline.media import ffmpeg
from pipeline.runtime import jobs
from pipeline.runtime.services import Runtime, bootstrap
from pipeline.settings import Settings
from pipeline.spec import Scene, ScenePlan, TextOverlay
from pipeline.store import repository
from pipeline.store.db import Generation
from pipeline.store.users import add_user
from tests.fakes import FakeLLM, FakeVideo, sample_specification
from ui.runtime import use_runtime

APP = str(Path(__file__).resolve().parent.parent / "app.py")
PASSWORD = "correct horse 42"
TIMEOUT_S = 60  # generous: two shared cores; AppTest fails, not hangs, past it


@dataclass
class AppEnv:
    """One app "server": its runtime, its fake providers and its temp folder."""

    runtime: Runtime
    llm: FakeLLM
    video: FakeVideo
    root: Path

    def app(self) -> AppTest:
        """A fresh browser session on the app, after its first run."""
        return AppTest.from_file(APP, default_timeout=TIMEOUT_S).run()

    def add_user(self, username: str, password: str = PASSWORD, name: str = "") -> int:
        with self.runtime.sessions.begin() as session:
            return add_user(session, username, password, name=name or username.title()).id

    def signed_in(self, username: str, password: str = PASSWORD) -> AppTest:
        """A session logged in as ``username`` (created first if needed) through the form."""
        with self.runtime.sessions() as session:
            exists = repository.get_user(session, username) is not None
        if not exists:
            self.add_user(username, password)
        at = self.app()
        sign_in(at, username, password)
        return at

    def row(self, generation_id: int) -> Generation:
        with self.runtime.sessions() as session:
            return repository.get_generation(session, generation_id, None)

    def finished_generation(
        self, user_id: int, prompt: str = "A bright ad for ZephyrRun trail shoes", cost: float = 0.0
    ) -> int:
        """A completed generation with small real files (no render): for gallery/plan pages."""
        settings = self.runtime.settings
        spec = sample_specification(prompt)
        with self.runtime.sessions.begin() as session:
            row = Generation(
                user_id=user_id, prompt=prompt, seed=7, status="processing",
                llm_provider="fake-llm", video_provider="fake-video",
                llm_specification=spec.model_dump(mode="json"),
                scene_plan=_plan(spec).model_dump(mode="json"),
            )  # fmt: skip
            session.add(row)
            repository.record_start(session, user_id)  # the hourly limit counts starts
            session.flush()
            generation_id = row.id
        video = settings.videos_dir / f"{generation_id}.mp4"
        _tiny_mp4(self.runtime.ffmpeg_exe, video)
        thumb = settings.thumbnails_dir / f"{generation_id}.jpg"
        Image.new("RGB", (90, 160), (200, 120, 40)).save(thumb)
        clip_dir = settings.output_dir / "clips" / str(generation_id)
        clip_dir.mkdir(parents=True)
        clips: list[dict[str, Any]] = []
        for index in range(4):
            path = clip_dir / f"scene_{index + 1:02d}.mp4"
            path.write_bytes(video.read_bytes())
            clips.append(
                {"scene_index": index, "path": str(path), "duration_s": 4.125,
                 "provider": "fake-video", "model": "fake-model", "cost": 0.0}
            )  # fmt: skip
        with self.runtime.sessions.begin() as session:
            session.get(Generation, generation_id).clips = clips  # type: ignore[union-attr]
            repository.complete_generation(
                session, generation_id, video_path=str(video), thumbnail_path=str(thumb),
                duration_s=15.0,
                cost_breakdown=[{"stage": "video_generation", "provider": "fake-video",
                                 "amount": cost, "detail": "4 clips"}],
                stage_timings={"llm_enhancement": 0.01, "export": 1.5},
            )  # fmt: skip
            session.get(Generation, generation_id).audio_mix = {  # type: ignore[union-attr]
                "duration_s": 15.0, "music_track": "music/golden_hour.wav",
                "music_title": "Golden *Hour*", "sfx": ["whoosh", "chime", "swoosh"],
                "integrated_lufs": -14.02, "true_peak_dbtp": -1.51,
            }  # fmt: skip
        return generation_id

    def plan_page_for(self, prompt: str, username: str = "alice") -> AppTest:
        """The plan page of a finished ad whose specification the offline director wrote
        from ``prompt`` (its facts, its language note), signed in as ``username``."""
        from pipeline.providers.copywriting import write_specification

        generation_id = self.finished_generation(self.add_user(username), prompt)
        with self.runtime.sessions.begin() as session:
            row = session.get(Generation, generation_id)
            assert row is not None
            row.llm_specification = write_specification(prompt).model_dump(mode="json")
        at = self.signed_in(username)
        at.switch_page("app_pages/plan.py")
        at.query_params["id"] = str(generation_id)
        return at.run()


@contextmanager
def app_env(tmp_path: Path, **overrides: Any) -> Iterator[AppEnv]:
    """Settings in ``tmp_path``, fake providers, and the app wired to them."""
    overrides.setdefault("tts_provider", "none")  # captions only; voice tests ask for it
    settings = Settings(data_dir=tmp_path / "data", output_dir=tmp_path / "output", **overrides)
    llm, video = FakeLLM(), FakeVideo()
    runtime = bootstrap(settings, llm=llm, video=video)
    use_runtime(runtime)
    try:
        yield AppEnv(runtime, llm, video, tmp_path)
    finally:
        use_runtime(None)
        video.block.clear()
        with runtime.sessions() as session:
            active = [r.id for r in repository.orphaned_generations(session)]
        for generation_id in active:
            jobs.cancel(runtime, None, generation_id)
        for generation_id in active:
            jobs.wait(generation_id, timeout_s=TIMEOUT_S)
        runtime.engine.dispose()


def _plan(spec: Any) -> ScenePlan:
    scenes = [
        Scene(index=i, scene_type=b.beat, duration_s=4.125, visual_prompt=b.visual,
              overlay=TextOverlay(text=b.headline, position="bottom", animation="slide_up"))
        for i, b in enumerate(spec.beats)
    ]  # fmt: skip
    return ScenePlan(framework=spec.framework, scenes=scenes, seed=7)


def _tiny_mp4(exe: str, dest: Path) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    ffmpeg.run(
        exe,
        ["-f", "lavfi", "-i", "testsrc2=s=90x160:r=12:d=1", "-c:v", "libx264",
         "-preset", "ultrafast", "-pix_fmt", "yuv420p", str(dest)],
    )  # fmt: skip


# --- reading and driving the page -----------------------------------------------------------


def texts(at: AppTest, *, raw: bool = False) -> str:
    """Every text the page shows (markdown, captions, alerts, titles, metrics), one per line.

    Markdown escapes are removed (``\\(`` reads ``(``) unless ``raw``: that is what a user
    reads; ``raw`` is what was sent, to check that user text was escaped.
    """
    parts: list[str] = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "error", "warning",
                 "info", "success"):  # fmt: skip
        parts.extend(str(e.value) for e in getattr(at, kind))
    parts.extend(f"{m.label}: {m.value}" for m in at.metric)
    text = "\n".join(parts)
    return text if raw else re.sub(r"\\(.)", r"\1", text)


def errors(at: AppTest) -> list[str]:
    """The error boxes' texts, as a user reads them (markdown escapes removed)."""
    return [re.sub(r"\\(.)", r"\1", str(e.value)) for e in at.error]


def _auth_area(at: AppTest, tab: int) -> Any:
    return at.tabs[tab] if len(at.tabs) else at.main


def sign_in(at: AppTest, username: str, password: str) -> AppTest:
    """Fill and submit the sign-in form."""
    area = _auth_area(at, 0)
    area.text_input[0].input(username)
    area.text_input[1].input(password)
    area.button[0].click()
    return at.run()


def register(
    at: AppTest, username: str, password: str, repeat: str | None = None,
    first: str = "Dana", last: str = "Scully", email: str = "dana@example.com",
    invitation: str | None = None,
) -> AppTest:  # fmt: skip
    """Fill and submit the create-account form (and its invitation code, when given)."""
    area = at.tabs[1]
    fields = {t.label: t for t in area.text_input}
    if invitation is not None:
        fields["Invitation code"].input(invitation)
    fields["First name"].input(first)
    fields["Last name"].input(last)
    fields["Email"].input(email)
    fields["Username"].input(username)
    fields["Password"].input(password)
    fields["Repeat password"].input(password if repeat is None else repeat)
    area.button[0].click()
    return at.run()


def button(at: AppTest, key: str) -> Any:
    """The button with this key (fails with the keys that exist)."""
    for candidate in at.button:
        if candidate.key == key:
            return candidate
    raise LookupError(f"no button {key!r}; buttons: {[b.key for b in at.button]}")


def videos(at: AppTest) -> list[Any]:
    """The page's st.video elements (AppTest has no typed wrapper for them)."""
    return list(at.get("video"))


def page_dump(at: AppTest) -> str:
    """Everything the last run sent to the browser (all element protos), as text."""

    def walk(node: Any) -> list[str]:
        parts = [str(getattr(node, "proto", ""))]
        for child in getattr(node, "children", {}).values():
            parts.extend(walk(child))
        return parts

    return "\n".join(walk(at._tree))

"""Start-up: build the settings-dependent pieces once and hand them around.

:func:`bootstrap` creates the data/output folders, upgrades the database schema, validates
the chosen providers (a missing key fails here, with the variable to set) and recovers
generations whose process has stopped (a lease says whose they are: rows of a live process,
such as an app server beside a CLI run, are never touched). The app caches the returned
:class:`Runtime`; the CLI builds one per command; tests build one per temp folder.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from pipeline.errors import ConfigError
from pipeline.media import ffmpeg
from pipeline.providers import LLMProvider, VideoProvider, get_llm_provider, get_video_provider
from pipeline.runtime import memory
from pipeline.runtime.leases import Keeper
from pipeline.settings import Settings, prepare_folders
from pipeline.store.connection import init_db
from pipeline.store.repository import session_factory


@dataclass
class Runtime:
    """Settings + database + providers + ffmpeg path: everything a generation needs."""

    settings: Settings
    engine: Engine
    llm: LLMProvider
    video: VideoProvider
    ffmpeg_exe: str
    #: Draw in a child process (pipeline.runtime.drawing).
    #: Only for providers built from the settings:
    #: a provider handed in as an object (tests, notebooks) lives in this process.
    draws_apart: bool = False
    #: Called (generation_id, percent, step) on every progress change, from the worker
    #: thread: lets the CLI print each milestone, where polling the row would miss fast ones.
    on_progress: Callable[[int, int, str], None] | None = None
    sessions: sessionmaker[Session] = field(init=False)
    #: Renews the leases of the generations this process runs (built by pipeline.runtime.jobs).
    keeper: Keeper | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        self.sessions = session_factory(self.engine)


def _providers(
    settings: Settings, llm: LLMProvider | None, video: VideoProvider | None
) -> tuple[LLMProvider, VideoProvider]:
    """Build both providers; every configuration problem at once, in one ConfigError."""
    problems: list[str] = []
    try:
        llm = llm or get_llm_provider(settings)
    except ConfigError as exc:
        problems.append(exc.message)
    try:
        video = video or get_video_provider(settings)
    except ConfigError as exc:
        problems.append(exc.message)
    if problems or llm is None or video is None:
        raise ConfigError(" ".join(problems))
    return llm, video


def bootstrap(
    settings: Settings,
    *,
    llm: LLMProvider | None = None,
    video: VideoProvider | None = None,
    recover: bool = True,
) -> Runtime:
    """Prepare folders, database and providers; optionally recover the generations of
    processes that have stopped."""
    memory.tune()
    video_given = video
    prepare_folders(settings)  # one line naming the variable if a folder is unwritable
    llm, video = _providers(settings, llm, video)
    engine = init_db(settings.resolved_database_url)
    runtime = Runtime(
        settings=settings,
        engine=engine,
        llm=llm,
        video=video,
        ffmpeg_exe=ffmpeg.find_ffmpeg(settings.ffmpeg_path),
        draws_apart=settings.draw_in_subprocess and video_given is None,
    )
    if recover:
        from pipeline.runtime.recovery import recover_orphans

        recover_orphans(runtime)
    return runtime

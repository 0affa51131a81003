"""The context a stage runs in: settings, its working folder, seed, cancel and progress hooks.

Stages receive everything they need through this object (pass the I/O in); they never read
the environment or the database themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.errors import CancelledError
from pipeline.settings import Settings


def _never() -> bool:
    return False


def _ignore(fraction: float, message: str) -> None:
    return None


@dataclass
class StageContext:
    """What the orchestrator hands to every stage and provider.

    - ``workdir``: a private temp folder, removed by the orchestrator after the run.
    - ``is_cancelled()``: cheap to call often; True once the user asked to stop.
    - ``report(fraction, message)``: progress inside the current stage (0.0-1.0).
    """

    settings: Settings
    workdir: Path
    seed: int = 0
    generation_id: int | None = None
    ffmpeg_exe: str = ""
    is_cancelled: Callable[[], bool] = field(default=_never)
    report: Callable[[float, str], None] = field(default=_ignore)

    def check_cancelled(self) -> None:
        """Raise :class:`CancelledError` if the user asked to stop."""
        if self.is_cancelled():
            raise CancelledError()

    def with_report(self, report: Callable[[float, str], None]) -> StageContext:
        """A copy of this context whose progress goes to ``report``."""
        return StageContext(
            settings=self.settings,
            workdir=self.workdir,
            seed=self.seed,
            generation_id=self.generation_id,
            ffmpeg_exe=self.ffmpeg_exe,
            is_cancelled=self.is_cancelled,
            report=report,
        )

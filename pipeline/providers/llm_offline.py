"""The offline creative director: a deterministic LLM stand-in that needs no network.

It reads the prompt the way a copywriter would (brand, product, audience, offer, language,
intent), picks the framework that fits, and writes short copy per beat from hand-written
copy banks (:mod:`pipeline.providers.copywriting`). Same prompt, same specification; it
costs nothing and runs in milliseconds, so it is the default provider and the one tests use.
"""

from __future__ import annotations

from typing import ClassVar

from pipeline.providers import LLMResult
from pipeline.providers.copywriting import rest, rewarm, warm_up, write_specification
from pipeline.settings import Settings
from pipeline.stages.context import StageContext

MODEL = "offline-director"


class OfflineCreativeDirector:
    """LLM provider ``offline`` (``ADSTUDIO_LLM_PROVIDER=offline``, the default)."""

    name: ClassVar[str] = "offline"

    def __init__(self, settings: Settings) -> None:
        self._duration_s = settings.target_duration_s
        warm_up()  # language and word models load once per process, not in a generation

    def rest(self) -> None:
        """Put the language models down while the ad is drawn and encoded (about -42 MB)."""
        rest()

    def warm(self) -> None:
        """Load them again (about 0.3 s), when no generation is running."""
        rewarm()

    def enhance(self, prompt: str, ctx: StageContext) -> LLMResult:
        """The ad specification for ``prompt``; free, and independent of ``ctx.seed``."""
        ctx.check_cancelled()
        spec = write_specification(prompt, duration_s=self._duration_s)
        framework = spec.framework
        return LLMResult(
            specification=spec,
            cost=0.0,
            model=MODEL,
            detail=f"offline copy ({spec.language}, {framework})",
        )

"""Providers: the only code that talks to the outside world (HTTP services, generators).

Two kinds, each a small Protocol with a registry keyed by name:

- :class:`LLMProvider`  prompt -> :class:`~pipeline.spec.AdSpecification` (+ cost)
- :class:`VideoProvider` scene -> clip file (+ cost)

``get_llm_provider(settings)`` / ``get_video_provider(settings)`` build the one the settings
name; an unknown name raises :class:`~pipeline.errors.ConfigError` listing the known ones.
Providers are imported lazily so the offline path never imports an SDK it does not use.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Protocol, runtime_checkable

from pipeline.errors import ConfigError

if TYPE_CHECKING:
    from pipeline.settings import Settings
    from pipeline.spec import (
        AdSpec,
        AdSpecification,
        BrandAssets,
        BrandGuidelines,
        PromptFacts,
        Scene,
    )
    from pipeline.stages.context import StageContext


@dataclass(frozen=True)
class LLMResult:
    """What an LLM provider returns: the specification and what it cost."""

    specification: AdSpecification
    cost: float = 0.0
    model: str = ""
    detail: str = ""  # e.g. "812 prompt + 640 completion tokens"


@dataclass(frozen=True)
class ClipRequest:
    """One clip to make: the scene, the brand and brief around it, the output format."""

    scene: Scene
    brand: BrandGuidelines
    ad: AdSpec
    width: int = 1080  # the canvas every format is cut from (pipeline.formats)
    height: int = 1920
    fps: int = 24
    seed: int = 0
    beats: tuple[str, ...] = ()  # every scene's type in plan order (one look per scene)
    lines: tuple[str, ...] = ()  # every scene's on-screen line in plan order ("" for none)
    facts: PromptFacts | None = None  # the prompt's typed facts (templates follow them)
    assets: BrandAssets | None = None  # the user's logo and product photos (brand kit)
    prompt: str = ""  # the user's own words (the object chooser's last resort)
    language: str = "en"  # the prompt's: its own words for each icon count too
    captions: bool = True  # word-synced captions will be burned in (templates keep clear)
    formats: tuple[str, ...] = ("9:16",)  # every format the clip is cut to, first first


@dataclass(frozen=True)
class ClipResult:
    """A finished clip file at ``path`` (already conformed to the requested format)."""

    path: Path
    duration_s: float
    cost: float = 0.0
    model: str = ""
    predict_time_s: float | None = None
    # why the clip looks as it does: template, objects (name, set, licence), footage author
    details: dict[str, object] = field(default_factory=dict)


class LLMProvider(Protocol):
    name: ClassVar[str]

    def enhance(self, prompt: str, ctx: StageContext) -> LLMResult: ...


@runtime_checkable
class RestingProvider(Protocol):
    """A provider holding models in memory that it can put down between uses (``rest``, while
    a generation's peak runs) and load again (``warm``, when the process is idle)."""

    def rest(self) -> None: ...

    def warm(self) -> None: ...


class VideoProvider(Protocol):
    name: ClassVar[str]

    def places(self) -> int:
        """Clips it makes at once on this machine's cores; 0 if it waits on a service instead."""
        ...

    def generate(self, request: ClipRequest, dest: Path, ctx: StageContext) -> ClipResult:
        """Write the clip to ``dest`` (an .mp4 path inside ctx.workdir) and describe it.

        Must poll ``ctx.check_cancelled()`` while it works, report progress through
        ``ctx.report`` and raise ProviderError with an actionable message on failure.
        """
        ...


# name -> "module:Class"; modules are imported only when chosen.
LLM_PROVIDERS: dict[str, str] = {
    "offline": "pipeline.providers.llm_offline:OfflineCreativeDirector",
    "openai": "pipeline.providers.llm_openai:OpenAIProvider",
}
VIDEO_PROVIDERS: dict[str, str] = {
    "local": "pipeline.providers.video_local:LocalMotionGraphics",
    "replicate": "pipeline.providers.video_replicate:ReplicateProvider",
    "stock": "pipeline.providers.video_stock:StockFootage",
}


def _load(registry: dict[str, str], kind: str, name: str, setting: str) -> type:
    if name not in registry:
        known = ", ".join(sorted(registry))
        raise ConfigError(f"Unknown {kind} provider {name!r}. Set {setting} to one of: {known}.")
    module_name, _, class_name = registry[name].partition(":")
    module = importlib.import_module(module_name)
    return getattr(module, class_name)  # type: ignore[no-any-return]


def get_llm_provider(settings: Settings) -> LLMProvider:
    """The LLM provider named by ``ADSTUDIO_LLM_PROVIDER``, validated against its settings."""
    cls = _load(LLM_PROVIDERS, "LLM", settings.llm_provider, "ADSTUDIO_LLM_PROVIDER")
    return cls(settings)  # type: ignore[no-any-return]


def get_video_provider(settings: Settings) -> VideoProvider:
    """The video provider named by ``ADSTUDIO_VIDEO_PROVIDER``, validated against its settings."""
    cls = _load(VIDEO_PROVIDERS, "video", settings.video_provider, "ADSTUDIO_VIDEO_PROVIDER")
    return cls(settings)  # type: ignore[no-any-return]

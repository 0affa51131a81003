"""Clip reuse between versions of an ad: a clip is addressed by the hash of what makes it.

The key of a scene's clip hashes everything that decides its pixels: the provider's own
description when it has one (``clip_key``: the local renderer's scene design - template,
objects, colours, size, seed, duration), else the scene's visual prompt, beat, duration,
brand colours, size, frame rate and seed. A re-render hands the earlier versions' clips in;
a scene whose key matches one of them copies that file instead of drawing it again.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Iterable
from pathlib import Path

from pipeline.providers import ClipRequest, VideoProvider
from pipeline.spec import Clip


def key(provider: VideoProvider, request: ClipRequest) -> str:
    """The content address of the clip ``provider`` would make for ``request``."""
    own = getattr(provider, "clip_key", None)
    if callable(own):
        text = str(own(request))
    else:
        scene, brand = request.scene, request.brand
        text = repr((
            provider.name, scene.visual_prompt, scene.scene_type, scene.index, scene.duration_s,
            brand.primary_color, brand.secondary_color, brand.accent_color,
            request.width, request.height, request.fps, request.seed,
            request.assets.model_dump_json() if request.assets else "",
        ))  # fmt: skip
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def index(clips: Iterable[Clip]) -> dict[str, Clip]:
    """The earlier clips that can be reused, by key (files that are gone are left out)."""
    return {c.key: c for c in clips if c.key and Path(c.path).is_file()}


def reuse(found: Clip, scene_index: int, dest: Path) -> Clip:
    """Copy ``found`` to ``dest`` as scene ``scene_index``'s clip (free: it was paid once)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(found.path, dest)
    return found.model_copy(
        update={"scene_index": scene_index, "path": str(dest), "cost": 0.0, "reused": True}
    )

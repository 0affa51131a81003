"""What each Replicate video model is sent, and what its output costs.

A model's *input adapter* turns a :class:`~pipeline.providers.ClipRequest` into the model's
input: the prompt always, the duration and the canvas's aspect ratio where the model takes them,
the model's own defaults elsewhere. A model without an adapter gets the prompt only.

Prices come from ``settings.video_prices`` (USD, per second of output or per video);
Replicate bills these models by output, not by ``predict_time``.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from pipeline.errors import ConfigError
from pipeline.providers import ClipRequest

Input = dict[str, Any]


def clip_prompt(request: ClipRequest) -> str:
    """The text prompt for a scene: its visual, the brand's look, and a no-text rule."""
    scene, brand, ad = request.scene, request.brand, request.ad
    parts = [
        scene.visual_prompt.strip().rstrip("."),
        f"{ad.mood} mood, {ad.visual_style} colour grade",
        f"colour palette {brand.primary_color}, {brand.secondary_color}, {brand.accent_color}",
        f"{_shape(request)} framing with the subject centred",
        "cinematic lighting, smooth camera motion, no on-screen text, no logos, no watermarks",
    ]
    return ". ".join(parts) + "."


def aspect_ratio(request: ClipRequest) -> str:
    """The model's aspect ratio nearest the clip's canvas (9:16, 1:1 or 16:9): the conform
    step then crops little, whatever formats the ad is cut to."""
    ratio = request.width / max(1, request.height)
    return min(("9:16", 9 / 16), ("1:1", 1.0), ("16:9", 16 / 9), key=lambda r: abs(r[1] - ratio))[0]


def _shape(request: ClipRequest) -> str:
    return {"9:16": "vertical 9:16", "1:1": "square 1:1", "16:9": "horizontal 16:9"}[
        aspect_ratio(request)
    ]


def _pick_duration(wanted: float, offered: tuple[int, ...]) -> int:
    """The shortest offered length that covers ``wanted`` (else the longest)."""
    for seconds in sorted(offered):
        if seconds + 1e-6 >= wanted:
            return seconds
    return max(offered)


def _minimax_video_01(request: ClipRequest) -> Input:
    # Fixed 6 s, 16:9 720p: no duration or aspect input. Conform crops it to the canvas.
    return {"prompt": clip_prompt(request), "prompt_optimizer": True}


def _kling_v16_standard(request: ClipRequest) -> Input:
    return {
        "prompt": clip_prompt(request),
        "negative_prompt": "text, captions, watermark, logo, blurry, distorted",
        "aspect_ratio": aspect_ratio(request),
        "duration": _pick_duration(request.scene.duration_s, (5, 10)),
    }


def start_frame_data_uri(request: ClipRequest, width: int = 720, height: int = 1280) -> str:
    """A brand-colour gradient PNG as a data URI, for image-to-video models."""
    from PIL import Image

    def rgb(hex_color: str) -> tuple[int, int, int]:
        return tuple(int(hex_color[i : i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]

    top, bottom = rgb(request.brand.primary_color), rgb(request.brand.secondary_color)
    column = Image.new("RGB", (1, height))
    for y in range(height):
        t = y / max(1, height - 1)
        column.putpixel(
            (0, y), tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True))
        )
    image = column.resize((width, height))
    buf = io.BytesIO()
    image.save(buf, format="PNG", optimize=True)
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode("ascii")


def _runway_gen4_turbo(request: ClipRequest) -> Input:
    # gen4-turbo is image-to-video: it needs a first frame. Without an image model in the
    # chain, a gradient in the brand colours is the honest neutral start.
    return {
        "prompt": clip_prompt(request),
        "image": start_frame_data_uri(request),
        "aspect_ratio": aspect_ratio(request),
        "duration": _pick_duration(request.scene.duration_s, (5, 10)),
        "seed": request.seed,
    }


def _prompt_only(request: ClipRequest) -> Input:
    return {"prompt": clip_prompt(request)}


ADAPTERS: dict[str, Callable[[ClipRequest], Input]] = {
    "minimax/video-01": _minimax_video_01,
    "kwaivgi/kling-v1.6-standard": _kling_v16_standard,
    "runwayml/gen4-turbo": _runway_gen4_turbo,
}


def build_input(model: str, request: ClipRequest) -> Input:
    """The prediction input for ``model`` (prompt only for a model without an adapter)."""
    return ADAPTERS.get(model, _prompt_only)(request)


@dataclass(frozen=True)
class Price:
    """A model's list price: ``rate`` USD per second of output, or per video."""

    rate: float
    per: Literal["second", "video"]

    def cost(self, output_seconds: float) -> float:
        """USD for one output of ``output_seconds``."""
        if self.per == "video":
            return self.rate
        return round(self.rate * max(0.0, output_seconds), 6)

    def describe(self) -> str:
        return f"${self.rate:.3f}/{'s' if self.per == 'second' else 'video'}"


def prices_for(models: tuple[str, ...], table: dict[str, tuple[float, str]]) -> dict[str, Price]:
    """The price of every model in the chain; ConfigError naming any model without one."""
    missing = [m for m in models if m not in table]
    if missing:
        raise ConfigError(
            f"No price for Replicate model(s) {', '.join(missing)}. Add them to "
            'ADSTUDIO_VIDEO_PRICES (JSON, e.g. {"owner/name": [0.05, "second"]}) '
            "or remove them from ADSTUDIO_VIDEO_MODELS."
        )
    return {m: Price(float(table[m][0]), table[m][1]) for m in models}  # type: ignore[arg-type]

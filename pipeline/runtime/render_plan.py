"""The declarative render plan: plain data that export renders in one ffmpeg pass.

overlays, stitching and audio each contribute a piece; :func:`pipeline.stages.export.run` consumes
the whole. Times on a :class:`ClipInput` / :class:`OverlayLayer` are relative to that clip;
``Timeline.offsets_s`` are the crossfade start times on the output timeline.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from pipeline.spec import Animation, Clip, GradeStyle


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ClipInput(_Model):
    """A clip on the timeline; export conforms it (fps, 9:16 crop, size) and trims it."""

    scene_index: int
    path: str
    duration_s: float = Field(gt=0)
    width: int | None = None  # the file's frame size, when known (else export probes it)
    height: int | None = None


class OverlayLayer(_Model):
    """A Pillow-rendered RGBA PNG drawn over one clip, with its animation parameters.

    ``x``/``y`` is the top-left corner at rest on the 1080x1920 frame. ``slide_up`` starts
    ``slide_px`` lower and eases up over ``anim_s``; ``fade_in`` ramps alpha over ``anim_s``.
    The layer fades out over ``fade_out_s`` before ``end_s``.
    """

    scene_index: int
    png_path: str
    x: int
    y: int
    width: int
    height: int
    start_s: float = Field(ge=0)
    end_s: float = Field(gt=0)
    animation: Animation = "fade_in"
    anim_s: float = Field(default=0.5, gt=0)
    slide_px: int = 80
    fade_out_s: float = Field(default=0.25, ge=0)


class Timeline(_Model):
    """Output of stitching: clips in order, crossfade offsets, fades, frame rate."""

    clips: list[ClipInput]
    offsets_s: list[float]  # xfade offsets on the output timeline, len(clips) - 1
    crossfade_s: float = 0.5
    fade_in_s: float = 0.3
    fade_out_s: float = 0.3
    fps: int = 24
    width: int = 1080
    height: int = 1920
    duration_s: float
    #: The share of each clip's largest centred box of the frame's shape that the frame
    #: shows (below 1 when the clips cover wider formats too: pipeline.formats.frame_box).
    zoom: float = Field(default=1.0, gt=0, le=1)

    @property
    def transition_times_s(self) -> list[float]:
        """Midpoints of the crossfades: where a transition sound effect lands."""
        return transition_times(self.offsets_s, self.crossfade_s)


def transition_times(offsets_s: list[float], crossfade_s: float) -> list[float]:
    """Midpoints of crossfades starting at ``offsets_s``."""
    return [o + crossfade_s / 2 for o in offsets_s]


class AudioTrack(_Model):
    """Output of audio: the finished mix (music bed + SFX) as a WAV file."""

    path: str
    duration_s: float
    music_track: str
    music_title: str = ""
    sfx: list[str] = []
    integrated_lufs: float | None = None
    true_peak_dbtp: float | None = None

    def record(self) -> dict[str, object]:
        """What the generation's row keeps of its mix: everything but the temp file's path."""
        return self.model_dump(mode="json", exclude={"path"})


class CaptionLayer(_Model):
    """The word-synced captions: an ffconcat list of timed PNGs drawn at ``x``/``y``.

    ``bands``: the (top, bottom) rows where words ever appear; export blends only those
    (empty: the whole picture).
    """

    concat_path: str
    x: int
    y: int
    bands: list[tuple[int, int]] = []
    #: The pictures hold the bands one under another (nothing between them), each to be
    #: blended at its own ``top``; otherwise they are the safe area's rows as drawn.
    stacked: bool = False
    #: The list of the pictures as the voice drew them, at ``drawn_x``/``drawn_y``, when
    #: ``concat_path`` names cropped copies: the crop follows every word of the ad, so one
    #: changed line changes every cropped picture; a video span is keyed by these instead.
    drawn_path: str = ""
    drawn_x: int = 0
    drawn_y: int = 0


class RenderPlan(_Model):
    """Everything export needs to make the final MP4 in one ffmpeg call."""

    timeline: Timeline
    overlays: list[OverlayLayer] = []
    audio: AudioTrack | None = None
    captions: CaptionLayer | None = None
    grade: GradeStyle = "vibrant"


class Drawn(_Model):
    """What the drawing stages hand to the export: the scenes' clips and the render plan,
    what the voice said (``VoiceOutput.summary()``) and the caption sidecars in the workdir.
    ``render`` is the plan's first format; ``formats`` holds the render of every other one."""

    clips: list[Clip]
    render: RenderPlan
    voice: dict[str, Any] | None = None
    sidecars: list[str] = []
    formats: dict[str, RenderPlan] = {}

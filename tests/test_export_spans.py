"""Spans: where an export cuts, what each span's key depends on, which earlier video to copy
from (the frames themselves are checked on a real edit in test_storyboard_cli.py)."""

from __future__ import annotations

from pathlib import Path

from pipeline.media import ffmpeg
from pipeline.runtime.render_plan import (
    CaptionLayer,
    ClipInput,
    OverlayLayer,
    RenderPlan,
    Timeline,
)
from pipeline.stages import export_spans
from pipeline.stages.export_graph import ENCODER
from pipeline.stages.export_spans import Span


def _timeline(durations: list[float], folder: Path) -> Timeline:
    clips = []
    for i, d in enumerate(durations):
        path = folder / f"clip{i}.mp4"
        path.write_bytes(f"clip {i}".encode())
        clips.append(ClipInput(scene_index=i, path=str(path), duration_s=d))
    offsets, t = [], 0.0
    for k, d in enumerate(durations[:-1]):
        t += d
        offsets.append(t - 0.5 * (k + 1))
    return Timeline(clips=clips, offsets_s=offsets, duration_s=sum(durations) - 0.5 * len(offsets))


def _layer(folder: Path, scene: int, body: bytes) -> OverlayLayer:
    path = folder / f"text{scene}.png"
    path.write_bytes(body)
    return OverlayLayer(scene_index=scene, png_path=str(path), x=80, y=900, width=900,
                        height=200, start_s=0.3, end_s=3.2)  # fmt: skip


def test_cuts_fall_on_each_crossfade_s_first_frame_and_just_after_its_last(tmp_path: Path) -> None:
    tl = _timeline([4.0, 4.0, 4.0, 4.5], tmp_path)
    assert tl.offsets_s == [3.5, 7.0, 10.5] and export_spans.frame_count(tl) == 360
    assert export_spans.cut_frames(tl) == [84, 97, 168, 181, 252, 265]
    assert export_spans.keyframe_expr([84, 96]) == "expr:eq(n,84)+eq(n,96)"
    assert export_spans.keyframe_expr([]) is None


def test_a_changed_headline_changes_only_the_spans_it_is_seen_in(tmp_path: Path) -> None:
    tl = _timeline([4.0, 4.0, 4.0, 4.5], tmp_path)
    layers = [_layer(tmp_path, i, f"line {i}".encode()) for i in range(4)]
    plan = RenderPlan(timeline=tl, overlays=layers)
    encoder = ENCODER.identity()
    before = export_spans.spans(plan, (540, 960), encoder)
    assert [(s.start, s.end) for s in before] == [
        (0, 84), (84, 97), (97, 168), (168, 181), (181, 252), (252, 265), (265, 360)
    ]  # fmt: skip
    Path(layers[1].png_path).write_bytes(b"a new line for scene 2")
    after = export_spans.spans(plan, (540, 960), encoder)
    changed = [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
    # scene 2's line shows from 3.8 s to 6.7 s: its own span and the crossfade before it
    assert changed == [1, 2]
    graded = export_spans.spans(plan.model_copy(update={"grade": "warm"}), (540, 960), encoder)
    assert all(a.key != b.key for a, b in zip(after, graded, strict=True))
    assert "-threads" not in encoder  # the thread count never hides a span


def test_captions_count_as_drawn_not_as_cropped(tmp_path: Path) -> None:
    # One edited line moves the crop of every caption picture (it follows all the words):
    # the copies differ, the pictures as drawn do not, nor does any pixel on screen.
    drawn = tmp_path / "drawn.png"
    drawn.write_bytes(b"the words as drawn")
    lists = []
    for name, body in (("a", b"cropped one way"), ("b", b"cropped another way")):
        copy = tmp_path / f"{name}.png"
        copy.write_bytes(body)
        listing = tmp_path / f"{name}.ffconcat"
        listing.write_text(f"ffconcat version 1.0\n{ffmpeg.concat_entry(copy)}\nduration 15.000\n",
                           encoding="utf-8")  # fmt: skip
        lists.append(listing)
    source = tmp_path / "drawn.ffconcat"
    source.write_text(f"ffconcat version 1.0\n{ffmpeg.concat_entry(drawn)}\nduration 15.000\n",
                      encoding="utf-8")  # fmt: skip
    tl = _timeline([4.0, 4.0, 4.0, 4.5], tmp_path)
    keys = []
    for listing, x in zip(lists, (234, 226), strict=True):
        captions = CaptionLayer(concat_path=str(listing), x=x, y=269, drawn_path=str(source),
                                drawn_x=76, drawn_y=269)  # fmt: skip
        plan = RenderPlan(timeline=tl, captions=captions)
        keys.append(export_spans.spans(plan, (540, 960), ENCODER.identity()))
    assert keys[0] == keys[1]
    moved = CaptionLayer(concat_path=str(lists[0]), x=234, y=269, drawn_path=str(source),
                         drawn_x=80, drawn_y=269)  # fmt: skip
    plan = RenderPlan(timeline=tl, captions=moved)
    assert export_spans.spans(plan, (540, 960), ENCODER.identity()) != keys[0]


def test_caption_lists_are_read_back_with_their_times(tmp_path: Path) -> None:
    odd = tmp_path / "it's a word.png"
    odd.write_bytes(b"x")
    blank = tmp_path / "blank.png"
    blank.write_bytes(b"y")
    lines = ["ffconcat version 1.0", ffmpeg.concat_entry(blank), "duration 1.250",
             ffmpeg.concat_entry(odd), "duration 2.000", ffmpeg.concat_entry(odd)]  # fmt: skip
    listing = tmp_path / "captions.ffconcat"
    listing.write_text("\n".join(lines) + "\n", encoding="utf-8")
    entries = export_spans.caption_entries(str(listing))
    assert entries[:2] == [(str(blank), 0.0, 1.25), (str(odd), 1.25, 3.25)]
    assert entries[2][0] == str(odd) and entries[2][1] == 3.25


def test_the_earlier_video_holding_most_frames_is_chosen_and_missing_files_are_skipped(
    tmp_path: Path,
) -> None:
    new = [Span(0, 84, "a"), Span(84, 96, "b"), Span(96, 200, "c")]
    one, two = tmp_path / "1.mp4", tmp_path / "2.mp4"
    one.write_bytes(b"v1")
    two.write_bytes(b"v2")
    records = [
        {"video": str(tmp_path / "gone.mp4"), "spans": [s.record() for s in new]},
        {"video": str(one), "spans": [Span(0, 84, "a").record(), Span(84, 200, "z").record()]},
        {
            "video": str(two),
            "spans": [
                Span(0, 84, "q").record(),
                Span(84, 96, "b").record(),
                Span(96, 200, "c").record(),
            ],
        },
    ]
    best = export_spans.best_earlier(new, records)
    assert best is not None and best.video == two
    assert best.same == {1: 1, 2: 2} and best.frames == 116
    assert export_spans.runs(new, best.same) == [(0, 1)]
    assert export_spans.runs([*new, Span(200, 260, "d")], {1: 1}) == [(0, 1), (2, 4)]
    assert export_spans.best_earlier(new, [{"video": str(one), "spans": [{"start": 0}]}]) is None

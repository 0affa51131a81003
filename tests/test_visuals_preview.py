"""The contact sheet says, per scene, which template and objects (or footage) were chosen."""

from __future__ import annotations

from pipeline.preview import clip_summary


def test_a_local_clip_names_its_template_and_objects() -> None:
    clip = {"details": {"template": "hero", "objects": [
        {"name": "tumbler-glass", "set": "Fluent Emoji Flat", "licence": "MIT (Microsoft)"},
        {"name": "bottle-with-popping-cork"},
    ]}}  # fmt: skip
    assert (
        clip_summary(clip) == "template: hero  |  objects: tumbler-glass, bottle-with-popping-cork"
    )


def test_a_stock_clip_credits_its_author_and_an_old_clip_says_nothing() -> None:
    clip = {"details": {"source": "pexels", "video_id": 22, "author": "Ana Lens"}}
    assert clip_summary(clip) == "footage: Pexels 22 by Ana Lens"
    assert clip_summary({"scene_index": 0}) == "" and clip_summary(None) == ""

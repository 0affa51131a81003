"""Captions: grouping, timing against the words, safe zones, contrast, SRT/VTT, no voice."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from pipeline.colors import color_contrast
from pipeline.errors import ConfigError
from pipeline.settings import Settings
from pipeline.spec import BrandGuidelines
from pipeline.typography.roles import safe_area
from pipeline.voice import captions, script, subtitles, tts
from pipeline.voice.models import Word
from tests.fakes import sample_specification
from tests.voice_support import plan


def _words(text: str, start: float = 0.3, step: float = 0.35) -> list[Word]:
    return [
        Word(text=w, start_s=round(start + i * step, 3), end_s=round(start + i * step + 0.3, 3))
        for i, w in enumerate(text.split())
    ]


WORDS = [
    *_words("Time, perfected. Swiss movement inside, sapphire crystal over every dial."),
    Word(text="Shop", start_s=12.0, end_s=12.3),
    Word(text="now.", start_s=12.35, end_s=12.8),
]


def test_captions_are_one_or_two_short_lines_broken_at_sentences_and_pauses() -> None:
    groups = captions.group(WORDS)
    assert [g.lines for g in groups] == [
        ["Time, perfected."],
        ["Swiss movement", "inside, sapphire"],
        ["crystal over every", "dial."],
        ["Shop now."],
    ]
    assert all(len(line) <= captions.LINE_CHARS for g in groups for line in g.lines)


def test_each_state_starts_on_its_word_and_sits_in_the_safe_zone(tmp_path: Path) -> None:
    p = plan()
    track = captions.render(WORDS, sample_specification(), p, tmp_path)
    assert [f.active for f in track.frames] == [w.text for w in WORDS]
    for frame, word in zip(track.frames, WORDS, strict=True):
        assert abs(frame.start_s - word.start_s) <= 0.15
        assert frame.end_s > frame.start_s
    area = safe_area(1080, 1920)
    for frame in track.frames:
        left, top, right, bottom = frame.box
        assert area.left <= left < right <= area.right
        assert area.top <= top < bottom <= area.bottom
        assert Image.open(frame.png_path).size == (area.width, area.height)


def _pixels_contrast(png: str, box: tuple[int, int, int, int], under: int) -> dict[str, float]:
    """Contrast of each text colour on the composited plate over a flat picture."""
    area = safe_area(1080, 1920)
    layer = Image.open(png).convert("RGBA")
    back = Image.new("RGBA", layer.size, (under, under, under, 255))
    rgb = np.asarray(Image.alpha_composite(back, layer).convert("RGB"))
    left, top, right, bottom = box
    crop = rgb[top - area.top : bottom - area.top, left - area.left : right - area.left]
    colours, counts = np.unique(crop.reshape(-1, 3), axis=0, return_counts=True)
    order = np.argsort(-counts)
    plate = "#{:02X}{:02X}{:02X}".format(*colours[order[0]])
    return {
        "#{:02X}{:02X}{:02X}".format(*c): color_contrast("#{:02X}{:02X}{:02X}".format(*c), plate)
        for c in colours[order[1:4]]
    }


@pytest.mark.parametrize("accent", ["#F5E6C8", "#0B1F3A"])
def test_text_and_the_highlighted_word_reach_4_5_to_1_on_black_and_white_pictures(
    tmp_path: Path, accent: str
) -> None:
    base = sample_specification()
    spec = base.model_copy(update={"brand": base.brand.model_copy(update={"accent_color": accent})})
    BrandGuidelines.model_validate(spec.brand.model_dump())
    track = captions.render(WORDS[:3], spec, plan(), tmp_path)
    assert track.accent_as_pill is (accent == "#0B1F3A")  # a dark accent becomes a pill
    for frame in track.frames:
        for under in (0, 255):
            found = _pixels_contrast(frame.png_path, frame.box, under)
            # The most common colours after the plate are the text and the accent.
            main = [c for c in found if c in (track.text_color, track.accent)]
            assert main, found
            assert all(found[c] >= 4.5 for c in main if c != track.accent), found
            if track.accent_as_pill:  # the spoken word reads on its pill
                assert color_contrast(track.active_text, track.accent) >= 4.5
            else:
                assert found.get(track.accent, 21.0) >= 4.5


def test_srt_and_vtt_cues_follow_the_captions(tmp_path: Path) -> None:
    groups = captions.group(WORDS)
    srt_path, vtt_path = subtitles.write(groups, tmp_path / "ad.mp4")
    assert srt_path.name == "ad.srt" and vtt_path.name == "ad.vtt"
    srt = srt_path.read_text(encoding="utf-8")
    assert srt.startswith("1\n00:00:00,300 --> 00:00:01,000\nTime, perfected.\n\n2\n")
    assert "4\n00:00:12,000 --> 00:00:13,100\nShop now.\n" in srt
    vtt = vtt_path.read_text(encoding="utf-8")
    assert vtt.startswith("WEBVTT\n\n00:00:00.300 --> 00:00:01.000\nTime, perfected.\n\n")
    assert "00:00:01.000 --> 00:00:02.400\nSwiss movement\ninside, sapphire\n" in vtt


def test_one_overlay_input_lists_every_state_for_the_whole_video(tmp_path: Path) -> None:
    track = captions.render(WORDS, sample_specification(), plan(), tmp_path)
    listing = captions.write_concat(track, 16.0, tmp_path / "captions.ffconcat").read_text()
    durations = [
        float(line.split()[1]) for line in listing.splitlines() if line.startswith("duration")
    ]
    assert listing.startswith("ffconcat version 1.0\n")
    assert sum(durations) == pytest.approx(16.0, abs=0.01)


def test_a_language_without_an_offline_voice_keeps_captions_and_says_so() -> None:
    provider, reason = tts.choose(Settings(tts_provider="piper"), "fi")
    assert provider is None
    assert reason == (
        "No offline voice speaks this ad's language (fi); the ad has captions and music. "
        "Set ADSTUDIO_TTS_PROVIDER=openai for a cloud voice."
    )
    base = sample_specification()
    spec = base.model_copy(update={"language": "fi"})
    voice = script.draft(spec, plan(), reason=reason)
    assert not voice.spoken and voice.reason == reason
    words = voice.timeline_words()
    assert [w.text for w in words[:2]] == ["Headline", "0."]
    assert all(0 <= w.start_s < w.end_s <= 16.0 for w in words)


def test_an_unknown_provider_or_voice_names_the_valid_ones() -> None:
    with pytest.raises(ConfigError) as err:
        tts.choose(Settings(tts_provider="espeak"), "en")
    assert (
        str(err.value) == "Unknown ADSTUDIO_TTS_PROVIDER 'espeak'; use one of: none, openai, piper."
    )
    with pytest.raises(ConfigError) as err:
        tts.choose(Settings(tts_provider="piper", tts_voice="bob"), "en")
    assert str(err.value) == "Unknown offline voice 'bob'; choose one of: en_US-joe-medium."
    provider, reason = tts.choose(Settings(tts_provider="none"), "en")
    assert provider is None and reason == "Voice-over is off (ADSTUDIO_TTS_PROVIDER=none)."


@pytest.mark.parametrize("language", ["es", "fr", "de", "pt", "it", "ja", "zh", "ar"])
def test_the_director_s_other_languages_get_no_wrong_language_voice(language: str) -> None:
    """No PyPI package ships a Piper model for them (docs/voice.md lists the search)."""
    provider, reason = tts.choose(Settings(tts_provider="piper"), language)
    assert provider is None
    assert reason.startswith(f"No offline voice speaks this ad's language ({language});")

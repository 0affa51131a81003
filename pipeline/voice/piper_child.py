"""The Piper engine's process: ``python -m pipeline.voice.piper_child VOICE [CACHE] [--seed N]``.

piper-tts is GPL-3.0, so it is imported here and nowhere else; the parent talks to this
process with one JSON object per line. Request: ``{"text", "out", "length_scale",
"pause_s"}``; reply: ``{"ok", "duration_s", "sample_rate", "words": [[w, start, end]],
"alignment"}`` or ``{"ok": false, "error"}``. A batch, ``{"batch": [request, ...]}``, is
answered with one line ``{"ok": true, "results": [reply, ...]}`` (every scene in one call).
The first line out is ``{"ready": ...}``. ``--prepare VOICE CACHE`` writes the voice's model
with timings exposed into CACHE, once.

The model runs on two threads without spin-waiting and without onnxruntime's memory arena.
The engine speaks while the drawing process waits for it, so one of the two cores sat idle:
a 4-line batch took 0.67-0.74 s on one thread and 0.44-0.54 s on two, for the same audio
(md5-equal), +0.1-0.2 CPU s and +4 MB. (Spinning threads had burned CPU: 1.8 -> 1.3 CPU s
when it was turned off.)
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import json
import os
import sys
import wave
from pathlib import Path
from typing import Any

import numpy as np

from pipeline.voice import voices, words

THREADS = 2  # intra-op threads of the model (see above)
_PUNCT = set(",.!?;:…—–-\"'()¡¿")
_EDGES = {"^", "$", "_"}


def _groups(chunk: Any, offset: int) -> list[tuple[int, int]]:
    """(start, end) samples of each spoken word group in one sentence chunk."""
    out: list[tuple[int, int]] = []
    pos = offset
    start: int | None = None
    end = offset
    for a in chunk.phoneme_alignments:
        n = int(a.num_samples)
        if a.phoneme == " " or a.phoneme in _EDGES:
            if start is not None:
                out.append((start, end))
                start = None
        elif a.phoneme not in _PUNCT:
            start = pos if start is None else start
            end = pos + n
        pos += n
    if start is not None:
        out.append((start, end))
    return out


def _group_count(voice: Any, word: str) -> int:
    """How many phoneme words espeak makes of one text word ("20%" -> twenty percent)."""
    phonemes = [p for sentence in voice.phonemize(word) for p in sentence]
    parts = "".join(" " if p == " " else ("" if p in _PUNCT else "x") for p in phonemes)
    return len(parts.split())


def _assign(
    voice: Any, text_words: list[str], groups: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Sample span of every text word, from the engine's word groups."""
    counts = [max(1, _group_count(voice, w)) for w in text_words]
    if sum(counts) != len(groups):  # espeak read the line differently: share by length
        weights = np.cumsum([len(words.bare(w)) or 1 for w in text_words], dtype=float)
        bounds = np.round(weights / weights[-1] * len(groups)).astype(int)
        counts = list(np.diff(np.concatenate([[0], bounds])))
    spans, i = [], 0
    for c in counts:
        c = max(1, int(c))
        first = groups[min(i, len(groups) - 1)]
        last = groups[min(i + c, len(groups)) - 1]
        spans.append((first[0], max(last[1], first[0])))
        i += c
    return spans


def synthesize(voice: Any, request: dict[str, Any]) -> dict[str, Any]:
    from piper import SynthesisConfig

    config = SynthesisConfig(length_scale=request.get("length_scale"))
    rate = voice.config.sample_rate
    pause = np.zeros(round(float(request.get("pause_s", 0.25)) * rate), dtype=np.float32)
    audio: list[np.ndarray] = []
    groups: list[tuple[int, int]] = []
    aligned = True
    pos = 0
    for chunk in voice.synthesize(request["text"], syn_config=config, include_alignments=True):
        if audio:
            audio.append(pause)
            pos += len(pause)
        if chunk.phoneme_alignments:
            groups += _groups(chunk, pos)
        else:
            aligned = False
        audio.append(chunk.audio_float_array)
        pos += len(chunk.audio_float_array)
    samples = np.concatenate(audio) if audio else np.zeros(0, dtype=np.float32)
    with wave.open(request["out"], "wb") as fh:
        fh.setnchannels(1)
        fh.setsampwidth(2)
        fh.setframerate(rate)
        fh.writeframes((np.clip(samples, -1, 1) * 32767).astype("<i2").tobytes())
    text_words = words.split(request["text"])
    timed: list[list[Any]] = []
    if aligned and groups and text_words:
        spans = _assign(voice, text_words, groups)
        timed = [[w, s / rate, e / rate] for w, (s, e) in zip(text_words, spans, strict=True)]
    return {
        "ok": True,
        "duration_s": len(samples) / rate,
        "sample_rate": rate,
        "words": timed,
        "alignment": "engine" if timed else "none",
    }


def aligned_model(package: Any, name: str, cache: Path) -> Path:
    """The voice's model with its phoneme-duration output exposed, patched once into ``cache``.

    Patching needs the ``onnx`` package and ~110 MB more memory, so it is done by a one-off
    ``--prepare`` run; the long-lived child then loads the patched file directly.
    """
    import onnx
    from piper.patch_voice_with_alignment import add_alignment_output

    dest = cache / f"{name}.aligned.onnx"
    if dest.exists():
        return dest
    cache.mkdir(parents=True, exist_ok=True)
    model = onnx.load(str(package.model_path()))
    with contextlib.suppress(ValueError):  # ValueError: it already exposes them
        add_alignment_output(model)
    part = dest.with_suffix(f".{os.getpid()}.part")
    onnx.save(model, str(part))
    part.replace(dest)
    return dest


def session_options() -> Any:
    """Two threads, no spin-waiting, no memory arena, basic graph rewrites (a cheaper load)."""
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = THREADS
    options.inter_op_num_threads = 1
    options.execution_mode = onnxruntime.ExecutionMode.ORT_SEQUENTIAL
    options.enable_cpu_mem_arena = False
    options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_BASIC
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return options


def _load(found: voices.OfflineVoice, cache: Path | None) -> Any:
    from piper import PiperVoice
    from piper.config import PiperConfig

    package = importlib.import_module(found.package)
    patched = cache / f"{found.name}.aligned.onnx" if cache else None
    model = patched if patched is not None and patched.exists() else None
    if model is None:  # no prepared model: patch it in memory (needs ~110 MB more)
        import onnx
        from piper.patch_voice_with_alignment import add_alignment_output

        proto = onnx.load(str(package.model_path()))
        with contextlib.suppress(ValueError):
            add_alignment_output(proto)
        source: Any = proto.SerializeToString()
        del proto
    else:
        source = str(model)
    import onnxruntime
    from piper.voice import ESPEAK_DATA_DIR

    config = json.loads(Path(package.config_path()).read_text(encoding="utf-8"))
    session = onnxruntime.InferenceSession(
        source, sess_options=session_options(), providers=["CPUExecutionProvider"]
    )
    return PiperVoice(
        config=PiperConfig.from_dict(config),
        session=session,
        espeak_data_dir=Path(ESPEAK_DATA_DIR),
        download_dir=Path(package.model_path()).parent,
    )


def main(argv: list[str]) -> int:
    protocol = sys.stdout
    sys.stdout = sys.stderr  # anything a library prints must not corrupt the protocol
    parser = argparse.ArgumentParser(prog="python -m pipeline.voice.piper_child")
    parser.add_argument("voice")
    parser.add_argument("cache", nargs="?", type=Path)
    parser.add_argument("--prepare", action="store_true")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    found, cache, prepare = voices.by_name(args.voice), args.cache, args.prepare
    if found is None:
        names = ", ".join(v.name for v in voices.VOICES)
        reply = {"ready": False, "error": f"Unknown voice; known: {names}"}
        print(json.dumps(reply), file=protocol)
        return 2
    import onnxruntime

    # The engine's noise is drawn from a generator seeded when the model loads: the same
    # seed and the same lines in the same order give the same audio.
    onnxruntime.set_seed(args.seed)
    try:
        if prepare and cache is not None:
            path = aligned_model(importlib.import_module(found.package), found.name, cache)
            print(json.dumps({"ready": True, "model": str(path)}), file=protocol)
            return 0
        voice = _load(found, cache)
    except Exception as exc:
        failed = {"ready": False, "error": f"{type(exc).__name__}: {exc}"}
        print(json.dumps(failed), file=protocol)
        return 1
    print(json.dumps({"ready": True, "sample_rate": voice.config.sample_rate}), file=protocol)
    protocol.flush()
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        batch = request.get("batch")
        reply = (
            {"ok": True, "results": [_answer(voice, r) for r in batch]}
            if isinstance(batch, list)
            else _answer(voice, request)
        )
        print(json.dumps(reply), file=protocol)
        protocol.flush()
    return 0


def _answer(voice: Any, request: dict[str, Any]) -> dict[str, Any]:
    try:
        return synthesize(voice, request)
    except Exception as exc:
        return {"ok": False, "error": f"{type(exc).__name__}: {exc}"}


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

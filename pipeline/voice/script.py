"""The voice-over script: one or two short spoken sentences per scene, fitted by measurement.

Each scene gets candidates from the copy, longest first: its headline plus a benefit or the
offer, the headline alone, then the headline cut at a clause or a word. Every candidate is
synthesized at the engine's natural pace and the first that fits the scene's speaking window
is kept; speech is never sped up. The last scene says the offer and the call to action.
"""

from __future__ import annotations

import re
from pathlib import Path

from pipeline.errors import StageError
from pipeline.spec import AdSpecification, ScenePlan
from pipeline.voice import words as wordlib
from pipeline.voice.models import SceneLine, VoiceScript
from pipeline.voice.tts import SpeechProvider

LEAD_IN_S = 0.25  # silence after the cut before the voice starts
TAIL_S = 0.2  # silence before the next cut (or the end)
MIN_WORDS = 2
_CLAUSE = re.compile(r"\s*[,;:\u2013\u2014]\s+|\s+-\s+")


def _sentence(text: str) -> str:
    """``text`` trimmed, capitalised and closed with a full stop when it has no end mark."""
    text = " ".join(text.split()).strip(" -,;:")
    if not text:
        return ""
    text = text[0].upper() + text[1:]  # a benefit ("sapphire crystal") starts a sentence
    return text if text[-1] in ".!?。！？" else text + "."


def _shorter(text: str) -> list[str]:
    """Shorter readings of one sentence: the first clause, then fewer and fewer words."""
    out: list[str] = []
    clause = _CLAUSE.split(text.rstrip(".!?"))[0]
    if clause and clause != text.rstrip(".!?"):
        out.append(_sentence(clause))
    parts = wordlib.split(text.rstrip(".!?"))
    for n in range(len(parts) - 1, MIN_WORDS - 1, -1):
        out.append(_sentence(" ".join(parts[:n])))
    return out


def facts(spec: AdSpecification) -> list[str]:
    """What the director read in the prompt that the voice should say: its claims, then the
    numbers no claim already states (both as the prompt words them)."""
    found = spec.facts
    said = " ".join([*found.claims, found.offer, found.deadline]).lower()
    numbers = [q.text for q in found.numbers if q.text.lower() not in said]
    return [text for text in (*found.claims, *numbers) if text.strip()]


def offer(spec: AdSpecification) -> str:
    """The offer to say on the last scene (the prompt's own words first), with its deadline."""
    found = spec.facts
    text = found.offer or spec.ad.offer or ""
    if text and found.deadline and found.deadline.lower() not in text.lower():
        text = f"{text} {found.deadline}"
    return text


def candidates(spec: AdSpecification, plan: ScenePlan, index: int) -> list[str]:
    """What scene ``index`` could say, longest first (no duplicates).

    The middle scenes carry the prompt's facts (claims, numbers), one each in turn, else
    the key benefits; the last scene says the offer and the call to action.
    """
    scene = plan.scenes[index]
    beat = spec.beats[index] if index < len(spec.beats) else spec.beats[-1]
    headline = _sentence(scene.overlay.text if scene.overlay else beat.headline)
    ad = spec.ad
    last = index == len(plan.scenes) - 1
    if last:
        cta = _sentence(ad.call_to_action)
        deal = _sentence(offer(spec))
        first = deal or headline
        if cta.lower().rstrip(".!") in first.lower():
            first = ""
        options = [f"{first} {cta}".strip(), *([deal] if deal else []), cta, *_shorter(cta)]
    else:
        shown = " ".join(s.overlay.text for s in plan.scenes if s.overlay).lower()
        told = [f for f in facts(spec) if f.lower() not in shown]  # headlines are spoken too
        extra = ""
        if index > 0:
            pool = told or ad.key_benefits
            extra = _sentence(pool[(index - 1) % len(pool)] if told else pool[index % len(pool)])
        if extra.lower().rstrip(".!?") in headline.lower():
            extra = ""
        said_alone = [extra] if extra and told else []  # a fact alone beats the headline alone
        options = [f"{headline} {extra}".strip(), *said_alone, headline, *_shorter(headline)]
    seen: list[str] = []
    for text in options:
        if text and text not in seen:
            seen.append(text)
    return seen


def windows(plan: ScenePlan) -> list[tuple[float, float]]:
    """(start, seconds available) for each scene's line on the output timeline."""
    out: list[tuple[float, float]] = []
    t = 0.0
    for scene in plan.scenes:
        last = scene.index == len(plan.scenes) - 1
        usable = scene.duration_s - (plan.fade_s if last else plan.crossfade_s)
        out.append((round(t + LEAD_IN_S, 3), round(max(0.5, usable - LEAD_IN_S - TAIL_S), 3)))
        t += scene.duration_s - plan.crossfade_s
    return out


def draft(spec: AdSpecification, plan: ScenePlan, reason: str = "") -> VoiceScript:
    """The script before synthesis (each scene's longest candidate); also the no-voice script."""
    lines = [
        SceneLine(scene_index=i, text=candidates(spec, plan, i)[0], start_s=start, window_s=win)
        for i, (start, win) in enumerate(windows(plan))
    ]
    return VoiceScript(language=spec.language, lines=lines, reason=reason)


def fit(
    spec: AdSpecification,
    plan: ScenePlan,
    provider: SpeechProvider,
    workdir: Path,
    texts: list[str] | None = None,
) -> VoiceScript:
    """Synthesize every scene's line, shortening it until it fits its window.

    ``texts`` (one per scene, from an edited storyboard) replace the first candidate.
    """
    workdir.mkdir(parents=True, exist_ok=True)
    lines: list[SceneLine] = []
    for i, (start, window) in enumerate(windows(plan)):
        options = candidates(spec, plan, i)
        if texts is not None and texts[i].strip():
            own = _sentence(texts[i])
            options = [own, *_shorter(own)]
        chosen = None
        words_per_s = 0.0
        for n, text in enumerate(options):
            count = len(wordlib.split(text))
            last = n == len(options) - 1
            if words_per_s and count > window * words_per_s * 1.05 and not last:
                continue  # measured pace says this one cannot fit either
            speech = provider.synthesize(text, workdir / f"voice_{i}_{n}.wav")
            chosen = (text, speech)
            if speech.duration_s <= window:
                break
            words_per_s = count / max(speech.duration_s, 0.1)
        if chosen is None:  # never: the last candidate is always spoken
            raise StageError("voice", f"Scene {i + 1} has nothing to say.")
        text, speech = chosen
        lines.append(
            SceneLine(scene_index=i, text=text, start_s=start, window_s=window, speech=speech)
        )
    return VoiceScript(
        language=spec.language, lines=lines, engine=provider.name, voice=provider.voice
    )

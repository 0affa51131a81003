"""The voice-over script: one or two short spoken sentences per scene, fitted by measurement.

Each scene gets candidates from the copy, longest first: its headline plus a benefit or the
offer, the headline alone, then the headline cut at a clause or a word. Every candidate is
synthesized at the engine's natural pace and the first that fits the scene's speaking window
is kept; speech is never sped up. The last scene says the offer and the call to action.
"""

from __future__ import annotations

import re
from pathlib import Path

from pipeline.errors import InputError, StageError
from pipeline.spec import AdSpecification, ScenePlan
from pipeline.voice import words as wordlib
from pipeline.voice.models import SceneLine, Speech, VoiceScript
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


def options(spec: AdSpecification, plan: ScenePlan, texts: list[str] | None) -> list[list[str]]:
    """Every scene's readings, longest first; an edited text (``texts[i]``) replaces the
    written ones (then its shorter readings)."""
    out: list[list[str]] = []
    for i in range(len(plan.scenes)):
        own = _sentence(texts[i]) if texts is not None and i < len(texts) else ""
        out.append([own, *_shorter(own)] if own else candidates(spec, plan, i))
    return out


def draft(
    spec: AdSpecification, plan: ScenePlan, reason: str = "", texts: list[str] | None = None
) -> VoiceScript:
    """The script before synthesis (each scene's longest reading); also the no-voice script."""
    readings = options(spec, plan, texts)
    lines = [
        SceneLine(scene_index=i, text=readings[i][0], start_s=start, window_s=win)
        for i, (start, win) in enumerate(windows(plan))
    ]
    return VoiceScript(language=spec.language, lines=lines, reason=reason)


Job = tuple[str, Path]

#: Characters a second no natural read reaches (an ad read is ~15; this is 1.5x that): a
#: reading longer than this many per second of its window cannot fit and is not spoken.
MAX_CHARS_PER_S = 22.0


def first_picks(opts: list[list[str]], wins: list[tuple[float, float]]) -> list[int]:
    """Each scene's first reading to speak: the longest that could fit its window at all
    (one engine round fewer when the longest reading obviously runs long)."""
    picks = []
    for readings, (_, window) in zip(opts, wins, strict=True):
        k = 0
        while k < len(readings) - 1 and len(readings[k]) > window * MAX_CHARS_PER_S:
            k += 1
        picks.append(k)
    return picks


def _speak(provider: SpeechProvider, jobs: list[Job]) -> list[Speech]:
    """All ``jobs`` in one call when the engine takes a batch, else one by one."""
    many = getattr(provider, "synthesize_many", None)
    if many is not None:
        spoken: list[Speech] = many(jobs)
        return spoken
    return [provider.synthesize(text, out) for text, out in jobs]


def _jobs(opts: list[list[str]], picks: list[int], todo: list[int], workdir: Path) -> list[Job]:
    return [(opts[i][picks[i]], workdir / f"voice_{i}_{picks[i]}.wav") for i in todo]


def begin(
    spec: AdSpecification,
    plan: ScenePlan,
    provider: SpeechProvider,
    workdir: Path,
    texts: list[str] | None = None,
) -> bool:
    """Hand every scene's first reading to an engine that works on its own (``submit``) and
    return at once; False when the engine cannot (``fit`` then speaks everything)."""
    submit = getattr(provider, "submit", None)
    if submit is None:
        return False
    workdir.mkdir(parents=True, exist_ok=True)
    opts = options(spec, plan, texts)
    submit(_jobs(opts, first_picks(opts, windows(plan)), list(range(len(opts))), workdir))
    return True


def fit(
    spec: AdSpecification,
    plan: ScenePlan,
    provider: SpeechProvider,
    workdir: Path,
    texts: list[str] | None = None,
    *,
    begun: bool = False,
) -> VoiceScript:
    """Synthesize every scene's line, shortening it until it fits its window.

    All scenes are spoken in one call, then the ones that ran long again with a shorter
    reading (chosen from the measured pace), until each fits or has no shorter reading.
    ``texts`` (one per scene, from an edited storyboard) replace the written readings;
    ``begun``: :func:`begin` already handed the first readings over.
    """
    workdir.mkdir(parents=True, exist_ok=True)
    opts = options(spec, plan, texts)
    wins = windows(plan)
    picks = first_picks(opts, wins)
    chosen: dict[int, tuple[str, Speech]] = {}
    todo = list(range(len(opts)))
    while todo:
        jobs = _jobs(opts, picks, todo, workdir)
        collect = getattr(provider, "collect", None)
        speeches = collect() if begun and collect is not None else _speak(provider, jobs)
        begun = False
        again: list[int] = []
        for i, (text, _), speech in zip(todo, jobs, speeches, strict=True):
            chosen[i] = (text, speech)
            window, last = wins[i][1], len(opts[i]) - 1
            if speech.duration_s <= window or picks[i] == last:
                continue
            pace = len(wordlib.split(text)) / max(speech.duration_s, 0.1)
            k = picks[i] + 1  # skip readings the measured pace says cannot fit either
            while k < last and len(wordlib.split(opts[i][k])) > window * pace * 1.05:
                k += 1
            picks[i] = k
            again.append(i)
        todo = again
    lines = []
    for i, (start, window) in enumerate(wins):
        if i not in chosen:  # never: every scene is spoken at least once
            raise StageError("voice", f"Scene {i + 1} has nothing to say.")
        text, speech = chosen[i]
        lines.append(
            SceneLine(scene_index=i, text=text, start_s=start, window_s=window, speech=speech)
        )
    return VoiceScript(
        language=spec.language, lines=lines, engine=provider.name, voice=provider.voice
    )


NATURAL_WORDS_PER_S = 2.6  # a calm ad read (about 155 words a minute) before anything is spoken


def pace(voice: VoiceScript) -> float:
    """Words per second of the script's own speech (the engine's natural pace), else
    :data:`NATURAL_WORDS_PER_S`."""
    spoken = [line for line in voice.lines if line.speech is not None]
    seconds = sum(line.speech.duration_s for line in spoken if line.speech is not None)
    count = sum(len(wordlib.split(line.text)) for line in spoken)
    return count / seconds if seconds > 0 and count else NATURAL_WORDS_PER_S


def replace_line(voice: VoiceScript, index: int, text: str) -> VoiceScript:
    """``voice`` with scene ``index``'s (0-based) spoken line replaced by ``text``.

    The new line must fit its scene's speaking window at the script's natural pace; it
    is spoken on the next generation (pass :func:`texts` as the voice stage's ``texts``).
    Raises :class:`~pipeline.errors.InputError` saying how many words and seconds too many.
    """
    if not 0 <= index < len(voice.lines):
        raise InputError(
            f"There is no scene {index + 1}: this ad has {len(voice.lines)} scenes (1-"
            f"{len(voice.lines)})."
        )
    line = voice.lines[index]
    cleaned = _sentence(text)
    count = len([w for w in wordlib.split(cleaned) if wordlib.bare(w)])
    if count == 0:
        raise InputError(f"Scene {index + 1} needs something to say: the line is empty.")
    rate = pace(voice)
    needed = count / rate
    if needed > line.window_s:
        fits = int(line.window_s * rate)
        takes, leaves = round(needed, 1), round(line.window_s, 1)  # the numbers shown add up
        raise InputError(
            f"Scene {index + 1}'s line is {count - fits} words ({takes - leaves:.1f} s) too "
            f"long: {count} words take about {takes:.1f} s at a natural pace and the scene "
            f"leaves {leaves:.1f} s. Keep it to {fits} words or fewer."
        )
    lines = list(voice.lines)
    lines[index] = line.model_copy(update={"text": cleaned, "speech": None})
    return voice.model_copy(update={"lines": lines})


def texts(voice: VoiceScript) -> list[str]:
    """Each scene's line, in order: the voice stage's ``texts`` for an edited script."""
    return [line.text for line in voice.lines]

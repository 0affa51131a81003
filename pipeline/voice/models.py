"""Typed results of the voice package: words with times, one synthesized line, the script."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from pipeline.voice.words import share, split

#: Where word times came from, best first.
AlignmentSource = Literal["engine", "forced", "energy"]
READING_S_PER_WORD = 0.4


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Word(_Model):
    """One spoken word and when it is heard, in seconds from the start of its audio."""

    text: str = Field(min_length=1)
    start_s: float = Field(ge=0)
    end_s: float = Field(ge=0)


class Speech(_Model):
    """One synthesized line: a mono WAV file, its length and its word times."""

    path: str
    duration_s: float = Field(ge=0)
    sample_rate: int
    words: list[Word]
    alignment: AlignmentSource
    engine: str
    voice: str
    characters: int = 0
    cost: float = Field(default=0.0, ge=0)


class SceneLine(_Model):
    """What is said over one scene, and where on the ad's timeline it starts."""

    scene_index: int = Field(ge=0)
    text: str
    start_s: float = Field(default=0.0, ge=0)  # on the output timeline
    window_s: float = Field(default=0.0, ge=0)  # time the line may take
    speech: Speech | None = None


class VoiceScript(_Model):
    """The voice-over of one ad. ``voice`` is empty when no voice speaks (``reason`` says why)."""

    language: str
    lines: list[SceneLine]
    engine: str = ""
    voice: str = ""
    reason: str = ""

    @property
    def spoken(self) -> bool:
        return bool(self.voice) and any(line.speech for line in self.lines)

    def timeline_words(self) -> list[Word]:
        """Every word on the output timeline, in order."""
        out: list[Word] = []
        for line in self.lines:
            if line.speech is None:  # no voice: captions at a reading pace
                span = min(line.window_s, READING_S_PER_WORD * len(split(line.text)))
                out.extend(share(split(line.text), line.start_s, line.start_s + span))
                continue
            for w in line.speech.words:
                out.append(
                    Word(
                        text=w.text,
                        start_s=round(line.start_s + w.start_s, 3),
                        end_s=round(line.start_s + w.end_s, 3),
                    )
                )
        return out

"""Just enough music theory: notes, chords in a key, smooth voicings, chord-tone melodies."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

NOTE_NAMES = ("C", "Db", "D", "Eb", "E", "F", "Gb", "G", "Ab", "A", "Bb", "B")

MAJOR = (0, 2, 4, 5, 7, 9, 11)
MINOR = (0, 2, 3, 5, 7, 8, 10)

QUALITIES: dict[str, tuple[int, ...]] = {
    "maj": (0, 4, 7),
    "min": (0, 3, 7),
    "maj7": (0, 4, 7, 11),
    "min7": (0, 3, 7, 10),
    "dom7": (0, 4, 7, 10),
    "sus2": (0, 2, 7),
    "sus4": (0, 5, 7),
    "7sus4": (0, 5, 7, 10),
    "add9": (0, 4, 7, 14),
    "madd9": (0, 3, 7, 14),
    "maj9": (0, 4, 7, 11, 14),
    "min9": (0, 3, 7, 10, 14),
    "6": (0, 4, 7, 9),
}


def hz(midi: float) -> float:
    """Equal-tempered frequency of a MIDI note (A4 = 69 = 440 Hz)."""
    return float(440.0 * 2.0 ** ((midi - 69) / 12.0))


def note_name(midi: int) -> str:
    """``60 -> 'C4'``."""
    return f"{NOTE_NAMES[midi % 12]}{midi // 12 - 1}"


@dataclass(frozen=True)
class Chord:
    """A chord as a root (semitones above the key's tonic), a quality and its roman name."""

    root: int
    quality: str
    numeral: str

    @property
    def label(self) -> str:
        """Roman numeral plus the colour, e.g. ``IVmaj7`` or ``vi`` (plain triads unmarked)."""
        return self.numeral + ("" if self.quality in ("maj", "min") else self.quality)

    def pitch_classes(self, tonic: int) -> list[int]:
        """Pitch classes (0-11) of the chord in a key whose tonic is ``tonic``."""
        return sorted({(tonic + self.root + i) % 12 for i in QUALITIES[self.quality]})

    def bass(self, tonic: int, octave_midi: int) -> int:
        """The chord's root as a MIDI note at or above ``octave_midi``."""
        pc = (tonic + self.root) % 12
        return octave_midi + (pc - octave_midi) % 12


def C(numeral: str, root: int, quality: str) -> Chord:
    """Shorthand constructor used by the arrangements."""
    return Chord(root=root, quality=quality, numeral=numeral)


def voicing(
    pcs: list[int], low: int, high: int, size: int, previous: list[int] | None
) -> list[int]:
    """``size`` notes of the chord between ``low`` and ``high``, moving little from ``previous``."""
    pool = [m for m in range(low, high + 1) if m % 12 in pcs]
    best: list[int] | None = None
    best_cost = float("inf")
    for i in range(len(pool) - size + 1):
        cand = pool[i : i + size]
        if len({m % 12 for m in cand}) < min(size, len(pcs)):
            continue
        centre = (low + high) / 2
        if previous:
            cost = sum(min(abs(m - p) for p in previous) for m in cand)
        else:
            cost = abs(sum(cand) / size - centre)
        if cost < best_cost:
            best, best_cost = cand, cost
    return best if best is not None else pool[:size]


def scale_notes(tonic: int, scale: tuple[int, ...], low: int, high: int) -> list[int]:
    """All MIDI notes of the scale between ``low`` and ``high``."""
    pcs = {(tonic + s) % 12 for s in scale}
    return [m for m in range(low, high + 1) if m % 12 in pcs]


def melody(
    chords: list[Chord],
    tonic: int,
    scale: tuple[int, ...],
    rhythm: list[tuple[float, float]],
    low: int,
    high: int,
    seed: int,
    motif_bars: int = 2,
) -> list[tuple[int, float, float, int]]:
    """A chord-tone melody: ``(bar, beat, length_beats, midi)`` per note.

    Notes on beats 1 and 3 are chord tones; others may be scale steps. The contour of the
    first ``motif_bars`` repeats (transposed onto the new chords), which is what makes a line
    sound composed rather than random.
    """
    rng = np.random.default_rng(seed)
    steps = rng.choice(
        [-2, -1, 1, 2, 0], size=(motif_bars, len(rhythm)), p=[0.15, 0.3, 0.3, 0.15, 0.1]
    )
    notes: list[tuple[int, float, float, int]] = []
    prev = (low + high) // 2
    scale_pool = scale_notes(tonic, scale, low, high)
    for bar, chord in enumerate(chords):
        pcs = chord.pitch_classes(tonic)
        chord_pool = [m for m in scale_pool if m % 12 in pcs] or scale_pool
        for j, (beat, length) in enumerate(rhythm):
            step = int(steps[bar % motif_bars, j])
            idx = min(range(len(scale_pool)), key=lambda i: abs(scale_pool[i] - prev))
            target = scale_pool[int(np.clip(idx + step, 0, len(scale_pool) - 1))]
            strong = beat in (0.0, 2.0) or j == 0
            pool = chord_pool if strong else scale_pool
            pitch = min(pool, key=lambda m: (abs(m - target), m))
            notes.append((bar, beat, length, pitch))
            prev = pitch
    last_bar = len(chords) - 1
    if notes and notes[-1][0] == last_bar:
        b, beat, length, pitch = notes[-1]
        pcs = chords[-1].pitch_classes(tonic)
        pool = [m for m in scale_pool if m % 12 in pcs] or scale_pool
        notes[-1] = (b, beat, length, min(pool, key=lambda m: abs(m - pitch)))
    return notes

"""A song as a bar grid: a chord chart, stems that notes are added to, sends and a master bus.

Form of every track: ``intro_bars`` of intro, ``body_bars`` of body (whole passes of the
progression, so the body loops cleanly), then the ending: the tonic chord struck on the
downbeat of bar ``ending_bar`` and left to ring for ``tail_s`` seconds.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

from assets.synth import dsp
from assets.synth.theory import MAJOR, MINOR, Chord, melody, note_name, voicing

Voice = Callable[..., np.ndarray]

# Chords that lead home: cutting to the final tonic right after one of these is a cadence.
_PRE_TONIC = ("V", "IV", "ii", "iv", "VII", "v", "bVII", "viio")


@dataclass
class Song:
    """The timeline of one track. Times are seconds; ``t(bar, beat)`` converts."""

    title: str
    mood: str
    bpm: float
    tonic: int  # MIDI pitch class anchor, e.g. 60 for C
    mode: str  # "major" or "minor"
    progression: list[Chord]
    final: Chord
    intro_bars: int
    body_bars: int
    tail_s: float
    seed: int
    reverb_s: float = 2.2
    reverb_damp: float = 5000.0
    stems: dict[str, np.ndarray] = field(default_factory=dict)
    sends: dict[str, tuple[float, float]] = field(default_factory=dict)
    ducks: list[tuple[list[str], list[float], float, float]] = field(default_factory=list)
    _last_voicing: dict[str, list[int]] = field(default_factory=dict)

    @property
    def beat_s(self) -> float:
        return 60.0 / self.bpm

    @property
    def bar_s(self) -> float:
        return 4 * self.beat_s

    @property
    def ending_bar(self) -> int:
        return self.intro_bars + self.body_bars

    @property
    def ending_s(self) -> float:
        return self.ending_bar * self.bar_s

    @property
    def length_s(self) -> float:
        return self.ending_s + self.tail_s

    @property
    def scale(self) -> tuple[int, ...]:
        return MAJOR if self.mode == "major" else MINOR

    @property
    def key_name(self) -> str:
        return f"{note_name(self.tonic)[:-1]} {self.mode}"

    def t(self, bar: float, beat: float = 0.0) -> float:
        return (bar * 4 + beat) * self.beat_s

    def chord(self, bar: int) -> Chord:
        """The chord of a bar: the progression cycles from bar 0; the ending is the tonic."""
        if bar >= self.ending_bar:
            return self.final
        return self.progression[bar % len(self.progression)]

    # ------------------------------------------------------------------ adding sound

    def add(
        self, stem: str, at_s: float, sig: np.ndarray, gain: float = 1.0, pos: float = 0.0
    ) -> None:
        """Mix a mono (panned to ``pos``) or stereo signal into a stem at ``at_s`` seconds."""
        n = dsp.n_of(self.length_s)
        buf = self.stems.setdefault(stem, np.zeros((n, 2)))
        start = dsp.n_of(at_s)
        if start >= n:
            return
        stereo = sig if sig.ndim == 2 else dsp.pan(sig, pos)
        end = min(n, start + len(stereo))
        buf[start:end] += stereo[: end - start] * gain

    def send(self, stem: str, reverb: float = 0.0, delay: float = 0.0) -> None:
        """Route part of a stem to the shared reverb and ping-pong delay."""
        self.sends[stem] = (reverb, delay)

    def duck(self, stems: list[str], times: list[float], depth: float, release: float) -> None:
        """Sidechain pumping: dip ``stems`` by ``depth`` at each time, recover over ``release``."""
        self.ducks.append((stems, times, depth, release))

    def hits(
        self,
        stem: str,
        sample: np.ndarray,
        bars: Iterable[int],
        beats: Sequence[float],
        gain: float = 1.0,
        pos: float = 0.0,
        accent: Sequence[float] | None = None,
    ) -> list[float]:
        """Place a one-shot on ``beats`` of each bar; returns the hit times (for sidechain)."""
        rng = np.random.default_rng([zlib.crc32(stem.encode()), self.seed])
        times = []
        for bar in bars:
            for i, beat in enumerate(beats):
                at = self.t(bar, beat)
                vel = (accent[i % len(accent)] if accent else 1.0) * rng.uniform(0.9, 1.0)
                self.add(stem, at, sample, gain * vel, pos)
                times.append(at)
        return times

    def chords(
        self,
        stem: str,
        voice: Voice,
        bars: Iterable[int],
        rhythm: Sequence[tuple[float, float]],
        low: int,
        high: int,
        size: int = 4,
        vel: float = 0.7,
        gain: float = 1.0,
        pos: float = 0.0,
        spread: float = 0.0,
        strum: float = 0.0,
        **kw: object,
    ) -> None:
        """Play the bar's chord (voice-led from the last one) on each ``(beat, length)`` hit.

        ``strum`` staggers the notes upwards by that many seconds, as a hand does; plucked
        chords struck in one sample are both unnatural and needlessly peaky.
        """
        for bar in bars:
            notes = voicing(
                self.chord(bar).pitch_classes(self.tonic),
                low,
                high,
                size,
                self._last_voicing.get(stem),
            )
            self._last_voicing[stem] = notes
            for beat, length in rhythm:
                for i, m in enumerate(notes):
                    p = pos + spread * (i / max(1, len(notes) - 1) - 0.5) * 2
                    sig = voice(m, length * self.beat_s, vel, **kw)
                    self.add(stem, self.t(bar, beat) + i * strum, sig, gain, p)

    def arp(
        self,
        stem: str,
        voice: Voice,
        bars: Iterable[int],
        order: Sequence[int],
        step: float,
        low: int,
        high: int,
        size: int = 4,
        vel: float = 0.6,
        gain: float = 1.0,
        gate: float = 0.9,
        pos: float = 0.0,
        **kw: object,
    ) -> None:
        """Arpeggiate each bar's chord: ``order`` indexes the voicing, a note per ``step`` beats."""
        for bar in bars:
            notes = voicing(
                self.chord(bar).pitch_classes(self.tonic),
                low,
                high,
                size,
                self._last_voicing.get(stem),
            )
            self._last_voicing[stem] = notes
            for i in range(round(4 / step)):
                m = notes[order[i % len(order)] % len(notes)]
                accent = 1.0 if i % 2 == 0 else 0.8
                sig = voice(m, step * gate * self.beat_s, vel * accent, **kw)
                self.add(stem, self.t(bar, i * step), sig, gain, pos)

    def bass(
        self,
        stem: str,
        voice: Voice,
        bars: Iterable[int],
        pattern: Sequence[tuple[float, float, int]],
        octave: int = 36,
        vel: float = 0.8,
        gain: float = 1.0,
        **kw: object,
    ) -> None:
        """Bass line: ``(beat, length, interval)`` per note, interval in semitones over the root."""
        for bar in bars:
            root = self.chord(bar).bass(self.tonic, octave)
            for beat, length, interval in pattern:
                sig = voice(root + interval, length * self.beat_s, vel, **kw)
                self.add(stem, self.t(bar, beat), sig, gain)

    def tune(
        self,
        stem: str,
        voice: Voice,
        bars: Sequence[int],
        rhythm: Sequence[tuple[float, float]],
        low: int,
        high: int,
        vel: float = 0.6,
        gain: float = 1.0,
        pos: float = 0.0,
        seed: int = 0,
        **kw: object,
    ) -> None:
        """A chord-tone melody over ``bars`` (its motif repeats every two bars)."""
        chart = [self.chord(b) for b in bars]
        line = melody(chart, self.tonic, self.scale, list(rhythm), low, high, self.seed + seed)
        for bar_i, beat, length, m in line:
            sig = voice(m, length * self.beat_s, vel, **kw)
            self.add(stem, self.t(bars[bar_i], beat), sig, gain, pos)

    def final_chord(
        self,
        stem: str,
        voice: Voice,
        low: int,
        high: int,
        size: int = 4,
        vel: float = 0.7,
        gain: float = 1.0,
        gate_s: float | None = None,
        spread: float = 0.0,
        strum: float = 0.0,
        **kw: object,
    ) -> None:
        """Strike the tonic on the ending downbeat and hold it for the tail."""
        gate = gate_s if gate_s is not None else self.tail_s * 0.6
        notes = voicing(
            self.final.pitch_classes(self.tonic), low, high, size, self._last_voicing.get(stem)
        )
        # Every note of a big final chord strikes at once; scale so the chord peaks like a
        # three-note chord of the body instead of towering over it.
        gain *= min(1.0, (3.0 / len(notes)) ** 0.5)
        for i, m in enumerate(notes):
            p = spread * (i / max(1, len(notes) - 1) - 0.5) * 2
            self.add(stem, self.ending_s + i * strum, voice(m, gate, vel, **kw), gain, p)

    def sweep(self, stem: str, start_s: float, end_s: float, from_hz: float, to_hz: float) -> None:
        """Open a low-pass on a stem from ``from_hz`` to ``to_hz`` between two times (a build)."""
        buf = self.stems[stem]

        def response(t: float, f: np.ndarray) -> np.ndarray:
            if t >= end_s:
                return np.ones_like(f)
            x = min(1.0, max(0.0, (t - start_s) / (end_s - start_s)))
            return dsp.lp(from_hz * (to_hz / from_hz) ** (x * x), 2.0)(f)

        for ch in (0, 1):
            buf[:, ch] = dsp.sweep_filter(buf[:, ch], response)

    # ------------------------------------------------------------------ mixing

    def balance(self, **targets_db: float) -> None:
        """Set each stem's RMS level (dBFS, measured where it plays) - a mix written as numbers."""
        for name, target in targets_db.items():
            buf = self.stems.get(name)
            if buf is None:
                continue
            power = np.sum(buf**2, axis=1)
            block = dsp.n_of(0.1)
            usable = len(power) // block * block
            blocks = power[:usable].reshape(-1, block).mean(axis=1)
            active = blocks[blocks > blocks.max() * 1e-3]
            rms = float(np.sqrt(active.mean() / 2)) if len(active) else 0.0
            if rms > 0:
                buf *= dsp.db_to_gain(target) / rms

    def body(self) -> range:
        return range(self.intro_bars, self.ending_bar)

    def all_bars(self) -> range:
        return range(0, self.ending_bar)

    def mix(self) -> np.ndarray:
        """Sum stems with sidechain, reverb and delay sends; fade the very edges; high-pass."""
        n = dsp.n_of(self.length_s)
        stems = {k: v.copy() for k, v in self.stems.items()}
        for names, times, depth, release in self.ducks:
            g = np.ones(n)
            i = np.arange(dsp.n_of(release * 2), dtype=float)
            att = dsp.n_of(0.004)
            shape = 1.0 - depth * np.minimum(i / att, 1.0) * np.exp(
                -np.maximum(i - att, 0.0) / dsp.n_of(release / 3)
            )
            for at in times:
                s = dsp.n_of(at)
                e = min(n, s + len(shape))
                g[s:e] = np.minimum(g[s:e], shape[: e - s])
            for name in names:
                if name in stems:
                    stems[name] *= g[:, None]
        dry = sum(stems.values(), np.zeros((n, 2)))
        rev_in = sum(
            (stems[k] * r for k, (r, _) in self.sends.items() if k in stems and r), np.zeros((n, 2))
        )
        dly_in = sum(
            (stems[k] * d for k, (_, d) in self.sends.items() if k in stems and d), np.zeros((n, 2))
        )
        ir = dsp.reverb_ir(self.reverb_s, self.seed, damp_hz=self.reverb_damp)
        out = dry + dsp.reverb(rev_in, ir) * 0.9
        if np.any(dly_in):
            echo = dsp.ping_pong(dly_in, 0.75 * self.beat_s, 0.45)
            out += dsp.fft_filter(echo, dsp.bp(300, 6000, 1.0)) * 0.8
        out = dsp.fft_filter(out, dsp.hp(28.0, 2))
        out -= out.mean(axis=0)
        fade_in = dsp.n_of(0.04)
        out[:fade_in] *= np.linspace(0.0, 1.0, fade_in)[:, None]
        fade_out = dsp.n_of(0.6)
        out[-fade_out:] *= (0.5 + 0.5 * np.cos(np.linspace(0.0, np.pi, fade_out)))[:, None]
        return out

    def manifest(self) -> dict[str, object]:
        """Facts the audio stage needs to edit the track musically."""
        return {
            "mood": self.mood,
            "title": self.title,
            "bpm": self.bpm,
            "key": self.key_name,
            "time_signature": "4/4",
            "bar_s": round(self.bar_s, 6),
            "intro_bars": self.intro_bars,
            "loop_start_s": round(self.intro_bars * self.bar_s, 6),
            "loop_end_s": round(self.ending_s, 6),
            "ending_start_s": round(self.ending_s, 6),
            "progression": [c.label for c in self.progression],
            "final_chord": self.final.label,
            "cadence_bars": [i for i, c in enumerate(self.progression) if c.numeral in _PRE_TONIC],
        }

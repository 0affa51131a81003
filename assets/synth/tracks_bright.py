"""Upbeat and playful: mid-fast tempos, plucks and mallets, claps, bouncy bass lines."""

from __future__ import annotations

from functools import partial

from assets.synth import drums
from assets.synth import instruments as ins
from assets.synth.song import Song
from assets.synth.theory import C

# fmt: off
# The arrangements read like charts, one musical idea per line; keep them that way.

EIGHTHS = [i * 0.5 for i in range(8)]
OFFBEATS = [0.5, 1.5, 2.5, 3.5]


def sunny_side(seed: int) -> Song:
    """Upbeat 1: G major, 118 bpm pop. Off-beat guitar plucks, claps, octave bass, glock hook."""
    s = Song(
        title="Sunny Side", mood="upbeat", bpm=118, tonic=67, mode="major",
        progression=[C("I", 0, "maj"), C("V", 7, "maj"), C("vi", 9, "min"), C("IV", 5, "maj")],
        final=C("I", 0, "add9"), intro_bars=1, body_bars=8, tail_s=3.6, seed=seed,
        reverb_s=1.6,
    )
    gtr = partial(ins.pluck, t60=0.5, bright=1.4, position=0.12)
    s.chords("gtr", gtr, range(0, 1), [(b, 0.4) for b in OFFBEATS[1:]], 59, 76, vel=0.45,
             spread=0.6, strum=0.012)
    s.chords("gtr", gtr, s.body(), [(b, 0.4) for b in OFFBEATS], 59, 76, vel=0.6, spread=0.6,
             strum=0.012)
    s.bass("bass", ins.pluck_bass, s.body(),
           [(0, 0.45, 0), (0.5, 0.45, 12), (1.5, 0.45, 0), (2, 0.45, 12), (3, 0.45, 7),
            (3.5, 0.45, 12)], octave=36, vel=0.8)
    s.tune("hook", partial(ins.bell, kind="glock"), list(range(5, 9)),
           [(0, 0.5), (0.5, 0.5), (1, 1), (2.5, 0.5), (3, 1)], 74, 88, vel=0.5, seed=1)
    s.arp("keys", partial(ins.pluck, t60=1.2, bright=0.8), range(1, 5), [0, 1, 2, 1], 1.0, 62,
          79, vel=0.4)
    kick = drums.kick(punch=0.8, decay=0.4)
    s.hits("kick", kick, s.body(), [0, 1.5, 2])
    s.hits("clap", drums.clap(), s.body(), [1, 3], pos=0.1)
    s.hits("hat", drums.hat(), s.body(), EIGHTHS, pos=-0.3, accent=[1.0, 0.55])
    s.hits("hat", drums.hat(), range(0, 1), [2, 2.5, 3, 3.5], pos=-0.3, gain=0.6)
    s.final_chord("gtr", gtr, 55, 79, size=6, vel=0.6, gate_s=2.0, spread=0.8, strum=0.02)
    s.final_chord("keys", partial(ins.pluck, t60=2.4, bright=0.8), 62, 79, vel=0.45)
    s.bass("bass", ins.pluck_bass, [s.ending_bar], [(0, 4, 0)], octave=36, vel=0.85)
    s.add("crash", s.ending_s, drums.crash(), pos=0.2)
    s.add("kick", s.ending_s, kick)
    s.send("gtr", reverb=0.2, delay=0.1)
    s.send("hook", reverb=0.3, delay=0.25)
    s.send("keys", reverb=0.3)
    s.send("clap", reverb=0.2)
    s.balance(gtr=-23, bass=-20, hook=-23, keys=-28, kick=-21, clap=-29, hat=-33, crash=-30)
    return s


def good_vibes(seed: int) -> Song:
    """Upbeat 2: D major, 112 bpm. Piano skank chords, shaker 16ths, syncopated bass."""
    s = Song(
        title="Good Vibes", mood="upbeat", bpm=112, tonic=62, mode="major",
        progression=[C("I", 0, "maj"), C("IV", 5, "maj"), C("vi", 9, "min7"), C("V", 7, "sus4")],
        final=C("I", 0, "maj"), intro_bars=1, body_bars=8, tail_s=3.6, seed=seed,
        reverb_s=1.8,
    )
    s.chords("piano", ins.piano, range(0, 1), [(2, 1.8)], 57, 76, vel=0.4)
    s.chords("piano", ins.piano, s.body(), [(b, 0.35) for b in OFFBEATS] + [(3.75, 0.2)],
             57, 76, vel=0.6)
    s.bass("bass", ins.sub_bass, s.body(),
           [(0, 0.7, 0), (0.75, 0.2, 0), (1.5, 0.9, 7), (2.5, 0.45, 12), (3, 0.9, 0)],
           octave=38, vel=0.85)
    s.tune("lead", partial(ins.pluck, t60=0.9, bright=1.2), list(range(5, 9)),
           [(0, 0.75), (0.75, 0.75), (1.5, 1), (3, 0.5), (3.5, 0.5)], 69, 83, vel=0.6, seed=7)
    kick = drums.kick(punch=0.9, decay=0.4)
    s.hits("kick", kick, s.body(), [0, 2, 2.75])
    s.hits("snare", drums.snare(), s.body(), [1, 3], pos=0.05)
    s.hits("shaker", drums.shaker(), s.all_bars(), [i * 0.25 for i in range(16)], pos=0.35,
           accent=[1.0, 0.5, 0.75, 0.5])
    s.hits("clap", drums.clap(), range(0, 1), [3, 3.5], gain=0.7)
    s.final_chord("piano", ins.piano, 50, 78, size=6, vel=0.6, gate_s=2.6)
    s.bass("bass", ins.sub_bass, [s.ending_bar], [(0, 3.0, 0)], octave=38, vel=0.85)
    s.add("crash", s.ending_s, drums.crash(), pos=-0.2)
    s.add("kick", s.ending_s, kick)
    s.send("piano", reverb=0.2)
    s.send("lead", reverb=0.25, delay=0.2)
    s.send("snare", reverb=0.2)
    s.balance(piano=-20, bass=-22, lead=-23, kick=-21, snare=-27, shaker=-34, clap=-30,
              crash=-30)
    return s


def bubble_pop(seed: int) -> Song:
    """Playful 1: F major, 120 bpm. Marimba off-beats, bouncing bass, woodblock, glock tune."""
    s = Song(
        title="Bubble Pop", mood="playful", bpm=120, tonic=65, mode="major",
        progression=[C("I", 0, "maj"), C("vi", 9, "min"), C("ii", 2, "min7"), C("V", 7, "dom7")],
        final=C("I", 0, "6"), intro_bars=1, body_bars=8, tail_s=3.4, seed=seed,
        reverb_s=1.4,
    )
    s.chords("marimba", ins.marimba, range(0, 1), [(2, 0.5), (3, 0.5)], 60, 77, size=3,
             vel=0.5, spread=0.5, strum=0.01)
    s.chords("marimba", ins.marimba, s.body(), [(b, 0.4) for b in OFFBEATS], 60, 77, size=3,
             vel=0.65, spread=0.5, strum=0.01)
    s.bass("bass", ins.pluck_bass, s.body(),
           [(0, 0.3, 0), (1, 0.3, 7), (1.5, 0.3, 12), (2, 0.3, 0), (3, 0.3, 7), (3.5, 0.25, 5)],
           octave=36, vel=0.85)
    s.tune("glock", partial(ins.bell, kind="glock"), list(range(1, 9)),
           [(0, 0.5), (0.5, 0.5), (1, 0.5), (2, 0.5), (2.5, 1), (3.5, 0.5)], 77, 91, vel=0.45,
           seed=11)
    s.hits("kick", drums.kick(punch=0.6, decay=0.3, tone=58), s.body(), [0, 2])
    s.hits("snap", drums.snap(), s.body(), [1, 3], pos=0.15)
    s.hits("block", drums.woodblock(1.0), s.body(), [0.5, 1.75, 2.5, 3.75], pos=-0.45,
           accent=[1.0, 0.7, 0.9, 0.7])
    s.hits("block", drums.woodblock(1.35), range(0, 1), [0, 0.5, 1, 1.5], pos=-0.45, gain=0.6)
    s.final_chord("marimba", ins.marimba, 53, 77, size=5, vel=0.7, spread=0.6, strum=0.025)
    s.final_chord("glock", partial(ins.bell, kind="glock"), 77, 89, size=3, vel=0.45)
    s.bass("bass", ins.pluck_bass, [s.ending_bar], [(0, 2.0, 0)], octave=36, vel=0.9)
    s.add("perc", s.ending_s, drums.triangle(), pos=0.4)
    s.send("marimba", reverb=0.2)
    s.send("glock", reverb=0.25, delay=0.2)
    s.send("snap", reverb=0.25)
    s.send("perc", reverb=0.3)
    s.balance(marimba=-20, bass=-22, glock=-25, kick=-24, snap=-29, block=-30, perc=-30)
    return s


def toy_parade(seed: int) -> Song:
    """Playful 2: Bb major, 116 bpm oom-pah. Tuba bass, pizzicato chords, toy piano, triangle."""
    s = Song(
        title="Toy Parade", mood="playful", bpm=116, tonic=58, mode="major",
        progression=[C("I", 0, "maj"), C("IV", 5, "maj"), C("I", 0, "maj"), C("V", 7, "dom7")],
        final=C("I", 0, "maj"), intro_bars=1, body_bars=8, tail_s=3.4, seed=seed,
        reverb_s=1.5,
    )
    pizz = partial(ins.pluck, t60=0.35, bright=0.7, position=0.25)
    s.bass("tuba", ins.tuba, range(0, s.ending_bar), [(0, 0.7, 0), (2, 0.7, 7)], octave=34,
           vel=0.8)
    s.chords("pizz", pizz, s.body(), [(1, 0.3), (3, 0.3), (3.5, 0.3)], 58, 74, size=3,
             vel=0.7, spread=0.6, strum=0.01)
    s.tune("toy", partial(ins.bell, kind="toy"), list(range(1, 9)),
           [(0, 0.5), (0.5, 0.5), (1, 0.75), (1.75, 0.25), (2, 1), (3, 0.5), (3.5, 0.5)],
           70, 86, vel=0.55, seed=4)
    s.hits("kick", drums.kick(punch=0.5, decay=0.3, tone=60), s.body(), [0, 2])
    s.hits("snare", drums.snare(decay=0.15), s.body(), [1, 3], pos=0.1, gain=0.8)
    s.hits("perc", drums.triangle(), [b for b in s.body() if b % 2 == 1], [0], pos=0.5)
    s.hits("clap", drums.clap(), range(0, 1), [1, 3], gain=0.8)
    s.final_chord("pizz", partial(ins.pluck, t60=1.4, bright=0.7, position=0.25), 53, 77,
                  size=5, vel=0.75, spread=0.7, strum=0.02)
    s.final_chord("toy", partial(ins.bell, kind="toy"), 70, 82, size=3, vel=0.5)
    s.bass("tuba", ins.tuba, [s.ending_bar], [(0, 2.4, 0)], octave=34, vel=0.85)
    s.add("perc", s.ending_s, drums.triangle(), pos=0.5)
    s.add("crash", s.ending_s, drums.crash(2.5), pos=-0.3)
    s.send("pizz", reverb=0.25)
    s.send("toy", reverb=0.25, delay=0.15)
    s.send("perc", reverb=0.3)
    s.balance(tuba=-20, pizz=-23, toy=-24, kick=-25, snare=-30, perc=-31, clap=-30, crash=-33)
    return s

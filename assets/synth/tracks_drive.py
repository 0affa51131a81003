"""Energetic and corporate: steady grids, four-on-the-floor at 128 bpm, bright driving pulses."""

from __future__ import annotations

from functools import partial

from assets.synth import drums
from assets.synth import instruments as ins
from assets.synth.song import Song
from assets.synth.theory import C

# fmt: off
# The arrangements read like charts, one musical idea per line; keep them that way.

EIGHTHS = [i * 0.5 for i in range(8)]
SIXTEENTHS = [i * 0.25 for i in range(16)]
OFFBEATS = [0.5, 1.5, 2.5, 3.5]


def night_drive(seed: int) -> Song:
    """Energetic 1: A minor, 128 bpm. Four-on-the-floor, pumping supersaws, off-beat bass."""
    s = Song(
        title="Night Drive", mood="energetic", bpm=128, tonic=57, mode="minor",
        progression=[C("i", 0, "min"), C("VI", 8, "maj"), C("III", 3, "maj"), C("VII", 10, "maj")],
        final=C("i", 0, "min"), intro_bars=2, body_bars=8, tail_s=3.6, seed=seed,
        reverb_s=1.8,
    )
    saw = partial(ins.supersaw, cutoff=5000.0)
    s.chords("chords", saw, s.all_bars(), [(0, 3.9)], 57, 76, size=4, vel=0.6)
    s.sweep("chords", 0.0, s.t(2), 300.0, 9000.0)
    s.bass("bass", ins.saw_bass, s.body(), [(b, 0.4, 0) for b in OFFBEATS], octave=33, vel=0.9)
    s.arp("arp", partial(ins.pluck, t60=0.35, bright=2.0), range(4, s.ending_bar),
          [0, 1, 2, 3, 2, 1, 3, 2], 0.25, 69, 88, vel=0.5, gate=0.8)
    kick = drums.kick(punch=1.0, decay=0.38)
    times = s.hits("kick", kick, s.body(), [0, 1, 2, 3])
    s.hits("clap", drums.clap(), s.body(), [1, 3], pos=0.05)
    s.hits("ohat", drums.hat(open_=True), s.body(), OFFBEATS, pos=0.25)
    s.hits("hat", drums.hat(), s.all_bars(), SIXTEENTHS, pos=-0.3, accent=[0.8, 0.45, 1.0, 0.45])
    s.hits("clap", drums.snare(decay=0.12), [1], [2, 2.5, 3, 3.25, 3.5, 3.75],
           accent=[0.4, 0.5, 0.6, 0.7, 0.85, 1.0])
    s.duck(["chords", "bass", "arp"], times, depth=0.55, release=0.22)
    s.final_chord("chords", partial(ins.supersaw, cutoff=4000.0, release=1.5), 57, 81, size=5,
                  vel=0.65, gate_s=1.6)
    s.bass("bass", ins.saw_bass, [s.ending_bar], [(0, 3.0, 0)], octave=33, vel=0.9)
    s.add("kick", s.ending_s, kick)
    s.add("crash", s.ending_s, drums.crash(3.0))
    s.send("chords", reverb=0.25)
    s.send("arp", reverb=0.2, delay=0.3)
    s.send("clap", reverb=0.25)
    s.balance(chords=-22, bass=-21, arp=-27, kick=-18, clap=-26, ohat=-32, hat=-33, crash=-28)
    return s


def pulse_rush(seed: int) -> Song:
    """Energetic 2: E minor, 128 bpm. Rolling 16th bass, off-beat stabs, a snare build."""
    s = Song(
        title="Pulse Rush", mood="energetic", bpm=128, tonic=64, mode="minor",
        progression=[C("i", 0, "min"), C("VII", 10, "maj"), C("VI", 8, "maj"), C("VII", 10, "maj")],
        final=C("i", 0, "min"), intro_bars=2, body_bars=8, tail_s=3.6, seed=seed,
        reverb_s=1.6,
    )
    roll = [(b, 0.2, 12 if i % 4 == 2 else 0) for i, b in enumerate(SIXTEENTHS) if i % 4 != 0]
    s.bass("bass", partial(ins.saw_bass, cutoff=900.0), s.all_bars(), roll, octave=28, vel=0.85)
    s.sweep("bass", 0.0, s.t(2), 250.0, 4000.0)
    stab = partial(ins.supersaw, cutoff=6000.0, release=0.12)
    s.chords("stabs", stab, s.body(), [(0.5, 0.25), (1.75, 0.25), (2.5, 0.25), (3.5, 0.4)],
             60, 79, size=4, vel=0.7)
    s.tune("lead", partial(ins.square_lead, cutoff=5000.0), list(range(6, s.ending_bar)),
           [(0, 0.75), (0.75, 0.75), (1.5, 1), (3, 0.5), (3.5, 0.5)], 71, 86, vel=0.55, seed=21)
    kick = drums.kick(punch=1.0, decay=0.36, tone=48)
    times = s.hits("kick", kick, s.body(), [0, 1, 2, 3])
    s.hits("clap", drums.clap(), s.body(), [1, 3])
    s.hits("clap", drums.snare(decay=0.1), s.body(), [3.75], gain=0.5)
    s.hits("hat", drums.hat(open_=True), s.body(), OFFBEATS, pos=-0.25)
    s.hits("hat", drums.hat(), s.body(), [b for b in SIXTEENTHS if b % 1 != 0.5], pos=0.3,
           gain=0.5)
    s.hits("build", drums.snare(decay=0.1), [0, 1], EIGHTHS, pos=0.05,
           accent=[0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8])
    s.hits("build", drums.snare(decay=0.1), [1], [b + 0.25 for b in EIGHTHS[4:]],
           accent=[0.7, 0.8, 0.9, 1.0])
    s.duck(["bass", "stabs", "lead"], times, depth=0.6, release=0.2)
    s.final_chord("stabs", partial(ins.supersaw, cutoff=4500.0, release=1.6), 59, 83, size=5,
                  vel=0.7, gate_s=1.4)
    s.bass("bass", ins.saw_bass, [s.ending_bar], [(0, 3.0, 0)], octave=28, vel=0.9)
    s.add("kick", s.ending_s, kick)
    s.add("crash", s.ending_s, drums.crash(3.0))
    s.send("stabs", reverb=0.3, delay=0.15)
    s.send("lead", reverb=0.25, delay=0.25)
    s.send("clap", reverb=0.2)
    s.balance(bass=-20, stabs=-23, lead=-26, kick=-18, clap=-26, hat=-32, build=-27, crash=-28)
    return s


def bright_future(seed: int) -> Song:
    """Corporate 1: C major, 108 bpm. Piano eighth-note pulse, muted guitar, light kit, bells."""
    s = Song(
        title="Bright Future", mood="corporate", bpm=108, tonic=60, mode="major",
        progression=[C("I", 0, "add9"), C("vi", 9, "min7"), C("IV", 5, "maj7"), C("V", 7, "sus4")],
        final=C("I", 0, "add9"), intro_bars=1, body_bars=8, tail_s=3.8, seed=seed,
        reverb_s=2.0,
    )
    s.chords("piano", ins.piano, range(0, 1), [(b, 0.45) for b in EIGHTHS], 55, 74, size=3,
             vel=0.35)
    s.chords("piano", ins.piano, s.body(), [(b, 0.45) for b in EIGHTHS], 55, 74, size=3,
             vel=0.5)
    mute = partial(ins.pluck, t60=0.18, bright=0.9, position=0.15)
    s.arp("guitar", mute, range(1, s.ending_bar), [0, 2, 1, 2], 0.5, 52, 67, vel=0.6, pos=0.4)
    s.chords("pad", partial(ins.pad, cutoff=2200.0, attack=0.6), s.body(), [(0, 4)], 60, 79,
             size=3, vel=0.4)
    s.bass("bass", ins.pluck_bass, s.body(), [(b, 0.45, 0) for b in EIGHTHS], octave=36, vel=0.7)
    s.hits("kick", drums.kick(punch=0.7, decay=0.35), s.body(), [0, 2, 2.5])
    s.hits("snare", drums.rim(), s.body(), [1, 3], pos=0.1)
    s.hits("clap", drums.clap(), [b for b in s.body() if b % 2 == 0], [3], pos=-0.1)
    s.hits("shaker", drums.shaker(), s.body(), EIGHTHS, pos=-0.35, accent=[1.0, 0.6])
    s.tune("bell", partial(ins.bell, kind="chime"), list(range(5, s.ending_bar)),
           [(0, 1.5), (1.5, 1.5), (3, 1)], 72, 84, vel=0.4, seed=13)
    s.final_chord("piano", ins.piano, 48, 79, size=6, vel=0.6, gate_s=3.0)
    s.final_chord("pad", partial(ins.pad, cutoff=2200.0, release=1.5), 60, 79, size=3, vel=0.4,
                  gate_s=2.2)
    s.bass("bass", ins.pluck_bass, [s.ending_bar], [(0, 3.0, 0)], octave=36, vel=0.8)
    s.add("bell", s.ending_s, ins.bell(84, 2.0, 0.45, kind="chime"))
    s.add("clap", s.ending_s, drums.crash(2.5), gain=0.5)
    s.send("piano", reverb=0.22)
    s.send("pad", reverb=0.35)
    s.send("bell", reverb=0.4, delay=0.2)
    s.send("snare", reverb=0.2)
    s.balance(piano=-20, guitar=-26, pad=-28, bass=-23, kick=-23, snare=-30, clap=-30,
              shaker=-34, bell=-26)
    return s


def clear_vision(seed: int) -> Song:
    """Corporate 2: G major, 96 bpm. Piano arpeggios over a driving eighth-note bass and pad."""
    s = Song(
        title="Clear Vision", mood="corporate", bpm=96, tonic=55, mode="major",
        progression=[C("I", 0, "maj"), C("iii", 4, "min"), C("IV", 5, "add9"), C("V", 7, "maj")],
        final=C("I", 0, "add9"), intro_bars=2, body_bars=4, tail_s=4.6, seed=seed,
        reverb_s=2.2,
    )
    s.arp("piano", ins.piano, s.all_bars(), [0, 1, 2, 3, 1, 2, 3, 2], 0.5, 55, 79, vel=0.5,
          gate=1.6)
    pad = partial(ins.pad, cutoff=1800.0, attack=1.2, release=1.8)
    s.chords("pad", pad, s.all_bars(), [(0, 4)], 55, 74, size=4, vel=0.45)
    s.bass("bass", ins.sub_bass, range(1, s.ending_bar), [(b, 0.42, 0) for b in EIGHTHS],
           octave=31, vel=0.7)
    s.hits("kick", drums.kick(punch=0.6, decay=0.35), s.body(), [0, 1.5, 2])
    s.hits("clap", drums.clap(), s.body(), [1, 3], pos=0.1)
    s.hits("hat", drums.hat(), range(1, s.ending_bar), EIGHTHS, pos=-0.3, accent=[1.0, 0.5])
    s.tune("bell", partial(ins.bell, kind="glock"), list(s.body()),
           [(0, 1), (1, 0.5), (1.5, 1.5), (3, 1)], 79, 91, vel=0.4, seed=17)
    s.final_chord("piano", ins.piano, 43, 79, size=6, vel=0.6, gate_s=3.5)
    s.final_chord("pad", pad, 55, 74, size=4, vel=0.45, gate_s=2.8)
    s.bass("bass", partial(ins.sub_bass, release=1.2), [s.ending_bar], [(0, 3.0, 0)], octave=31,
           vel=0.7)
    s.add("bell", s.ending_s, ins.bell(91, 2.0, 0.4, kind="glock"))
    s.add("hat", s.ending_s, drums.crash(3.0), gain=0.5)
    s.send("piano", reverb=0.25, delay=0.1)
    s.send("pad", reverb=0.35)
    s.send("bell", reverb=0.35, delay=0.25)
    s.send("clap", reverb=0.2)
    s.balance(piano=-20, pad=-25, bass=-24, kick=-23, clap=-29, hat=-33, bell=-27)
    return s

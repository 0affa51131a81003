"""Luxury and calm: slow tempos, warm pads, piano-like tones, long rooms, little or no drums."""

from __future__ import annotations

from functools import partial

from assets.synth import drums
from assets.synth import instruments as ins
from assets.synth.song import Song
from assets.synth.theory import C

# fmt: off
# The arrangements read like charts, one musical idea per line; keep them that way.


def velvet_hour(seed: int) -> Song:
    """Luxury 1: Db major, 70 bpm. Warm pad, flowing piano arpeggios, a piano melody, no drums."""
    s = Song(
        title="Velvet Hour", mood="luxury", bpm=70, tonic=61, mode="major",
        progression=[C("I", 0, "maj7"), C("vi", 9, "min9"), C("IV", 5, "maj7"), C("V", 7, "7sus4")],
        final=C("I", 0, "add9"), intro_bars=1, body_bars=4, tail_s=5.6, seed=seed,
        reverb_s=3.2, reverb_damp=4000,
    )
    warm = partial(ins.pad, cutoff=1300.0, attack=1.4, release=2.2)
    s.chords("pad", warm, s.all_bars(), [(0, 4)], 53, 72, size=4, vel=0.55)
    s.final_chord("pad", warm, 53, 72, size=4, vel=0.55, gate_s=3.2)
    s.arp("piano", ins.piano, range(0, 1), [0, 2, 3, 1], 1.0, 56, 75, vel=0.42, gate=3.0)
    s.arp("piano", ins.piano, s.body(), [0, 1, 2, 3, 2, 1, 2, 3], 0.5, 56, 75, vel=0.45, gate=2.5)
    s.tune("melody", partial(ins.piano, bright=1.3), list(range(2, 5)),
           [(0, 1.5), (1.5, 0.5), (2, 2)], 72, 86, vel=0.5, seed=3)
    s.bass("bass", ins.sub_bass, s.body(), [(0, 3.9, 0)], octave=36, vel=0.7)
    s.final_chord("piano", ins.piano, 49, 73, size=5, vel=0.55, gate_s=4.5)
    s.bass("bass", ins.sub_bass, [s.ending_bar], [(0, 3.8, 0)], octave=36, vel=0.7)
    s.final_chord("bell", partial(ins.bell, kind="celesta"), 85, 98, size=2, vel=0.35)
    s.send("pad", reverb=0.35)
    s.send("piano", reverb=0.32, delay=0.1)
    s.send("melody", reverb=0.4, delay=0.22)
    s.send("bell", reverb=0.5, delay=0.2)
    s.balance(pad=-23, piano=-19, melody=-22, bass=-24, bell=-28)
    return s


def golden_gala(seed: int) -> Song:
    """Luxury 2: Eb major, 84 bpm lounge. Electric piano comping, upright bass, brushed kit."""
    s = Song(
        title="Golden Gala", mood="luxury", bpm=84, tonic=63, mode="major",
        progression=[C("ii", 2, "min9"), C("V", 7, "dom7"), C("I", 0, "maj9"), C("vi", 9, "min7")],
        final=C("I", 0, "maj9"), intro_bars=2, body_bars=4, tail_s=5.0, seed=seed,
        reverb_s=2.4, reverb_damp=4500,
    )
    ep = ins.epiano
    s.chords("keys", ep, range(0, 2), [(0, 3.5)], 55, 74, size=4, vel=0.5, spread=0.5)
    s.chords("keys", ep, s.body(), [(0, 1.4), (1.5, 0.4), (2.5, 1.4)], 55, 74, size=4, vel=0.45,
             spread=0.5)
    s.bass("bass", ins.pluck_bass, range(1, s.ending_bar),
           [(0, 1.4, 0), (1.5, 0.5, 7), (2, 1.0, 12), (3, 0.9, 7)], octave=36, vel=0.75)
    s.tune("bell", partial(ins.bell, kind="glock"), list(range(3, 6)),
           [(0.5, 0.5), (1, 1), (2.5, 0.5), (3, 1)], 79, 91, vel=0.45, seed=5)
    pad = partial(ins.pad, cutoff=1100.0, attack=1.0, release=1.8)
    s.chords("pad", pad, s.body(), [(0, 4)], 60, 76, size=3, vel=0.35)
    kick = drums.kick(punch=0.4, decay=0.35, tone=52)
    s.hits("kick", kick, s.body(), [0, 2.5], accent=[1.0, 0.7])
    s.hits("rim", drums.rim(), s.body(), [1, 3], pos=0.2)
    s.hits("hat", drums.shaker(), s.body(), [0, 0.67, 1, 1.67, 2, 2.67, 3, 3.67],
           pos=-0.3, accent=[1.0, 0.6])
    s.final_chord("keys", ep, 51, 75, size=5, vel=0.55, gate_s=3.5, spread=0.5)
    s.final_chord("pad", pad, 60, 76, size=3, vel=0.35, gate_s=2.5)
    s.bass("bass", ins.pluck_bass, [s.ending_bar], [(0, 4.0, 0)], octave=36, vel=0.8)
    s.final_chord("bell", partial(ins.bell, kind="chime"), 79, 91, size=2, vel=0.4)
    s.add("hat", s.ending_s, drums.crash(3.0), gain=0.18, pos=0.3)
    s.send("keys", reverb=0.3, delay=0.08)
    s.send("bell", reverb=0.45, delay=0.25)
    s.send("pad", reverb=0.4)
    s.send("rim", reverb=0.25)
    s.balance(keys=-19, bass=-22, bell=-25, pad=-28, kick=-24, rim=-30, hat=-34)
    return s


def still_water(seed: int) -> Song:
    """Calm 1: E major, 64 bpm. Ambient pads, sparse bell-like piano, no drums."""
    s = Song(
        title="Still Water", mood="calm", bpm=64, tonic=64, mode="major",
        progression=[C("I", 0, "maj7"), C("IV", 5, "maj7"), C("vi", 9, "min7"), C("IV", 5, "add9")],
        final=C("I", 0, "maj7"), intro_bars=1, body_bars=4, tail_s=5.0, seed=seed,
        reverb_s=4.0, reverb_damp=3500,
    )
    soft = partial(ins.pad, cutoff=900.0, attack=2.0, release=3.0, detune=6.0)
    airy = partial(ins.pad, cutoff=2600.0, attack=2.5, release=3.0, detune=12.0, width=1.0)
    s.chords("pad", soft, s.all_bars(), [(0, 4)], 52, 71, size=4, vel=0.6)
    s.chords("air", airy, s.body(), [(0, 4)], 71, 86, size=2, vel=0.25)
    s.tune("keys", partial(ins.piano, bright=0.7), list(s.body()),
           [(0, 2), (2.5, 1.5)], 68, 83, vel=0.35, seed=2)
    s.bass("bass", ins.sub_bass, s.body(), [(0, 3.95, 0)], octave=28, vel=0.5, release=1.0)
    s.final_chord("pad", soft, 52, 71, size=4, vel=0.6, gate_s=2.8)
    s.final_chord("keys", partial(ins.piano, bright=0.7), 56, 76, size=4, vel=0.35, gate_s=4.0)
    s.bass("bass", ins.sub_bass, [s.ending_bar], [(0, 2.6, 0)], octave=28, vel=0.5, release=1.5)
    s.send("pad", reverb=0.4)
    s.send("air", reverb=0.6)
    s.send("keys", reverb=0.55, delay=0.3)
    s.balance(pad=-20, air=-28, keys=-21, bass=-26)
    return s


def morning_mist(seed: int) -> Song:
    """Calm 2: F major, 72 bpm. Harp-like plucked arpeggios over a soft pad and a shaker."""
    s = Song(
        title="Morning Mist", mood="calm", bpm=72, tonic=65, mode="major",
        progression=[C("I", 0, "add9"), C("iii", 4, "min7"), C("IV", 5, "maj7"), C("V", 7, "sus4")],
        final=C("I", 0, "add9"), intro_bars=1, body_bars=4, tail_s=4.8, seed=seed,
        reverb_s=3.4, reverb_damp=4200,
    )
    harp = partial(ins.pluck, t60=2.2, bright=0.8, position=0.3)
    pad = partial(ins.pad, cutoff=1000.0, attack=1.6, release=2.5)
    s.chords("pad", pad, s.all_bars(), [(0, 4)], 53, 72, size=3, vel=0.5)
    s.arp("harp", harp, s.all_bars(), [0, 1, 2, 3, 4, 3, 2, 1], 0.5, 53, 79, size=5, vel=0.45)
    s.tune("flute", partial(ins.pad, cutoff=2000.0, attack=0.25, release=0.8, detune=3.0,
                            width=0.2), list(range(3, 5)), [(0, 2.5), (3, 1)], 72, 84,
           vel=0.4, seed=9)
    s.bass("bass", ins.sub_bass, s.body(), [(0, 3.9, 0)], octave=29, vel=0.5, release=0.8)
    s.hits("shaker", drums.shaker(), s.body(), [0.5, 1.5, 2.5, 3.5], pos=0.4)
    s.final_chord("harp", harp, 53, 84, size=6, vel=0.45, gate_s=3.0, spread=0.6)
    s.final_chord("pad", pad, 53, 72, size=3, vel=0.5, gate_s=2.6)
    s.bass("bass", ins.sub_bass, [s.ending_bar], [(0, 2.9, 0)], octave=29, vel=0.5, release=1.4)
    s.send("harp", reverb=0.35, delay=0.15)
    s.send("pad", reverb=0.45)
    s.send("flute", reverb=0.5, delay=0.2)
    s.balance(pad=-23, harp=-19, flute=-24, bass=-26, shaker=-36)
    return s

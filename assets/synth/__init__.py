"""A small numpy synthesizer that writes Adstudio's royalty-free music and sound effects.

Everything is generated from code and fixed seeds, so the library can be rebuilt bit for bit
with ``python -m assets.synth`` (run from the repository root). Modules, by idea:

- :mod:`assets.synth.dsp`         envelopes, oscillators, filters, reverb, loudness, limiter
- :mod:`assets.synth.theory`      notes, chords, voicings, simple melodies
- :mod:`assets.synth.instruments` tonal voices (pads, piano, plucks, bells, basses)
- :mod:`assets.synth.drums`       kick, snare, clap, hats, shakers, small percussion
- :mod:`assets.synth.song`        a bar grid with stems, sends, sidechain and a master bus
- :mod:`assets.synth.tracks_*`    the arrangements, two per mood
- :mod:`assets.synth.sfx`         transition sound effects
- :mod:`assets.synth.library`     the catalogue: two arrangements per mood, fixed seeds
- :mod:`assets.synth.master`      loudness targets, true-peak limiting, Ogg Opus encoding
- :mod:`assets.synth.__main__`    the build: renders, masters, encodes, writes manifests
"""

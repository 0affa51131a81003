"""Side-by-side speed and memory benchmarks, run by hand (``make bench``).

- :mod:`benchmarks.postproduction`: ours vs a MoviePy 2 reference vs a bare ffmpeg encode.
- :mod:`benchmarks.generation`: the whole offline generation, alone and N at once.
- :mod:`benchmarks.status_read`: the progress panel's status read on a 10,000-row database.
- :mod:`benchmarks.run_all`: all of them, written to ``benchmarks/RESULTS.md``.
"""

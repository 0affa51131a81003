"""pydub, imported quietly and pointed at the ffmpeg we were given.

pydub searches PATH for ffmpeg when it is imported and warns (RuntimeWarning) if there is
none; the bundled binary is never on PATH, so that warning is noise. Stages call
:func:`use_ffmpeg` with the configured path before pydub decodes anything.
"""

from __future__ import annotations

import warnings

with warnings.catch_warnings():
    warnings.simplefilter("ignore", RuntimeWarning)
    warnings.simplefilter("ignore", DeprecationWarning)  # audioop, on newer Pythons
    from pydub import AudioSegment

__all__ = ["AudioSegment", "use_ffmpeg"]


def use_ffmpeg(exe: str) -> None:
    """Make pydub run ``exe`` for decoding and encoding."""
    AudioSegment.converter = exe

"""The bundled audio library: music tracks by mood and transition effects, read from manifests.

The files under ``assets/music`` and ``assets/sfx`` are synthesized by this project
(``python -m assets.synth``) and described by a ``manifest.json`` in each folder. This module
only reads them; it never builds anything.
"""

from __future__ import annotations

import json
import random
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from pipeline.errors import ConfigError, InputError
from pipeline.spec import MOODS, SFX_NAMES

#: Where the library lives in a checkout (assets/ next to the pipeline package).
DEFAULT_ASSETS_DIR = Path(__file__).resolve().parent.parent.parent / "assets"

REBUILD_HINT = "Rebuild it with `python -m assets.synth` from the repository root."


def _shown(path: Path) -> str:
    """``path`` as messages show it: inside the checkout, relative to it (no server paths)."""
    try:
        return str(path.resolve().relative_to(DEFAULT_ASSETS_DIR.parent))
    except ValueError:
        return "/".join(path.parts[-3:])


#: Effects that suit each mood, in order of preference; a transition without an explicit
#: effect gets one of these (cycled through, starting at a seed-chosen place).
MOOD_SFX: dict[str, tuple[str, ...]] = {
    "luxury": ("shimmer", "whoosh", "chime"),
    "upbeat": ("swoosh", "pop", "whoosh"),
    "calm": ("whoosh", "chime", "shimmer"),
    "energetic": ("riser", "impact", "swoosh"),
    "corporate": ("swoosh", "click", "whoosh"),
    "playful": ("pop", "swoosh", "chime"),
}


class _Entry(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class MusicTrack(_Entry):
    """One track: where its bars fall, so it can be cut to length on the beat."""

    title: str
    file: str
    mood: str
    bpm: float
    key: str
    duration_s: float
    bar_s: float
    intro_bars: int
    loop_start_s: float
    loop_end_s: float
    ending_start_s: float
    progression: list[str]
    cadence_bars: list[int] = []
    licence: str


class SoundEffect(_Entry):
    """One effect; ``peak_s`` is the moment that should land on the cut."""

    name: str
    file: str
    duration_s: float
    peak_s: float
    licence: str


class AudioLibrary(BaseModel):
    """The parsed manifests plus the folder the files live in."""

    model_config = ConfigDict(frozen=True)

    root: Path
    tracks: list[MusicTrack]
    effects: dict[str, SoundEffect]

    def track_path(self, track: MusicTrack) -> Path:
        """Absolute path of a track's audio file."""
        return self.root / "music" / track.file

    def effect_path(self, effect: SoundEffect) -> Path:
        """Absolute path of an effect's audio file."""
        return self.root / "sfx" / effect.file

    def tracks_for(self, mood: str) -> list[MusicTrack]:
        """The tracks of a mood, in manifest order; InputError for an unknown mood."""
        if mood not in MOODS:
            raise InputError(f"Unknown mood {mood!r}. Choose one of: {', '.join(MOODS)}.")
        found = [t for t in self.tracks if t.mood == mood]
        if not found:
            raise ConfigError(f"The music library has no {mood!r} track. {REBUILD_HINT}")
        return found

    def pick_track(self, mood: str, seed: int) -> MusicTrack:
        """The seed's track for a mood: the same seed always gets the same track."""
        tracks = self.tracks_for(mood)
        return tracks[random.Random(f"music:{mood}:{seed}").randrange(len(tracks))]

    def effect(self, name: str) -> SoundEffect:
        """An effect by name; ConfigError if the library lacks it."""
        if name not in SFX_NAMES:
            raise InputError(
                f"Unknown sound effect {name!r}. Choose one of: {', '.join(SFX_NAMES)}."
            )
        if name not in self.effects:
            raise ConfigError(f"The sound-effect library has no {name!r}. {REBUILD_HINT}")
        return self.effects[name]

    def default_effects(self, mood: str, count: int, seed: int) -> list[str]:
        """``count`` effects that fit the mood, varied from cut to cut, chosen by the seed."""
        palette = MOOD_SFX.get(mood, ("whoosh",))
        start = random.Random(f"sfx:{mood}:{seed}").randrange(len(palette))
        return [palette[(start + i) % len(palette)] for i in range(count)]


def _read_manifest(path: Path, key: str) -> list[dict[str, object]]:
    if not path.is_file():
        raise ConfigError(f"The audio library is missing ({_shown(path)}). {REBUILD_HINT}")
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))[key]
    except (OSError, ValueError, KeyError) as exc:
        raise ConfigError(f"{_shown(path)} is unreadable. {REBUILD_HINT}") from exc
    if not isinstance(entries, list):
        raise ConfigError(f"{_shown(path)} has no list of {key}. {REBUILD_HINT}")
    return entries


@lru_cache(maxsize=4)
def load_library(root: Path = DEFAULT_ASSETS_DIR) -> AudioLibrary:
    """Read both manifests under ``root`` (cached); ConfigError says how to rebuild."""
    music = _read_manifest(root / "music" / "manifest.json", "tracks")
    effects = _read_manifest(root / "sfx" / "manifest.json", "effects")
    try:
        tracks = [MusicTrack.model_validate(e) for e in music]
        sfx = [SoundEffect.model_validate(e) for e in effects]
    except ValidationError as exc:
        raise ConfigError(
            f"The audio manifests under {_shown(root)} are invalid. {REBUILD_HINT}"
        ) from exc
    library = AudioLibrary(root=root, tracks=tracks, effects={e.name: e for e in sfx})
    for track in library.tracks:
        if not library.track_path(track).is_file():
            raise ConfigError(
                f"Music file {_shown(library.track_path(track))} is missing. {REBUILD_HINT}"
            )
    for effect in library.effects.values():
        if not library.effect_path(effect).is_file():
            raise ConfigError(
                f"Sound effect {_shown(library.effect_path(effect))} is missing. {REBUILD_HINT}"
            )
    return library

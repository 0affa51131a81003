"""The storyboard: an ad's plan as a person edits it, before (or after) it is rendered.

``plan(prompt, settings)`` writes the specification and the scene plan (the first two
stages, offline in about a second) and shows them as a :class:`Storyboard`: per scene the
beat, duration, headline, visual description, chosen visuals (template, objects), position,
animation, voice line and transition sound; for the ad the brand colours, font style, music
and grade. :func:`validate` lists what is wrong in sentences a user can act on;
:func:`apply_edits` changes one scene or the ad's look; :func:`to_spec_plan` turns the
storyboard back into what the render stages take. Rendering it is
:func:`pipeline.editing.render`.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from pipeline.settings import Settings
from pipeline.spec import (
    GRADE_STYLES,
    MAX_SCENE_S,
    MIN_SCENE_S,
    SFX_NAMES,
    AdSpecification,
    Scene,
    ScenePlan,
    SceneVisuals,
    TextOverlay,
    final_duration,
)
from pipeline.stages.context import StageContext
from pipeline.storyboard_layout import headline_fits, scene_visuals

FONT_STYLES = ("serif", "sans", "condensed", "rounded")
POSITIONS = ("top", "center", "bottom")
ANIMATIONS = ("fade_in", "slide_up")
COLOR_NAMES = ("primary", "secondary", "accent", "text")
#: Words a second a voice line may ask for: faster than this is hurried (docs/voice.md).
MAX_WORDS_PER_S = 2.8


class SceneCard(BaseModel):
    """One scene as the storyboard shows it; every field is editable."""

    model_config = ConfigDict(extra="forbid")

    beat: str
    duration_s: float
    headline: str
    visual: str
    template: str = ""
    objects: list[str] = Field(default_factory=list)
    number: str = ""
    unit: str = ""
    position: str = "center"
    animation: str = "fade_in"
    role: str = "headline"
    voice_line: str = ""
    transition_sfx: str | None = None
    #: The voice line as written for the scene (a changed ``voice_line`` replaces it).
    voice_default: str = ""


class Storyboard(BaseModel):
    """An ad's editable plan; ``spec`` and ``plan`` are the stages' output it came from."""

    model_config = ConfigDict(extra="forbid")

    prompt: str
    seed: int = 0
    total_s: float
    primary_color: str
    secondary_color: str
    accent_color: str
    text_color: str
    font_style: str
    music: str
    grade: str
    scenes: list[SceneCard]
    spec: AdSpecification
    plan: ScenePlan


def music_titles(settings: Settings | None = None) -> list[str]:
    """The titles of the bundled music tracks (a storyboard's music is one of them)."""
    from pipeline.media.audio_library import load_library

    return [t.title for t in load_library().tracks]


def from_spec_plan(
    spec: AdSpecification,
    plan: ScenePlan,
    *,
    seed: int,
    music: str | None = None,
    spoken: list[str] | None = None,
) -> Storyboard:
    """The storyboard of a specification and plan (a new one, or a finished ad's).

    ``music``: the track the ad used; ``spoken``: the lines its voice said.
    """
    from pipeline.media.audio_library import load_library
    from pipeline.voice import script

    pinned = [s.visuals for s in plan.scenes]
    drawn = scene_visuals(spec, plan) if any(v is None for v in pinned) else pinned
    cards = []
    for i, scene in enumerate(plan.scenes):
        vis = pinned[i] or drawn[i]
        assert vis is not None
        default = spoken[i] if spoken and i < len(spoken) else script.candidates(spec, plan, i)[0]
        overlay = scene.overlay or TextOverlay(text=" ")
        cards.append(SceneCard(
            beat=scene.scene_type, duration_s=scene.duration_s, headline=overlay.text.strip(),
            visual=scene.visual_prompt, template=vis.template, objects=list(vis.objects),
            number=vis.number, unit=vis.unit, position=overlay.position,
            animation=overlay.animation, role=overlay.role,
            voice_line=scene.voice_line or default, voice_default=default,
            transition_sfx=scene.transition_sfx,
        ))  # fmt: skip
    title = music or plan.music or load_library().pick_track(spec.ad.mood, seed).title
    b = spec.brand
    return Storyboard(
        prompt=spec.prompt, seed=seed, total_s=round(plan.total_duration_s, 3),
        primary_color=b.primary_color, secondary_color=b.secondary_color,
        accent_color=b.accent_color, text_color=b.text_color, font_style=b.font_style,
        music=title, grade=spec.ad.visual_style, scenes=cards, spec=spec, plan=plan,
    )  # fmt: skip


def plan(prompt: str, settings: Settings, *, seed: int = 0, llm: Any = None) -> Storyboard:
    """Write the specification and the scene plan for ``prompt`` and show them as a
    storyboard (nothing is rendered; with the offline provider about a second)."""
    from pipeline.providers import get_llm_provider
    from pipeline.runtime import jobs
    from pipeline.stages import llm_enhancement, scene_planning

    ctx = StageContext(settings=settings, workdir=settings.resolved_temp_dir, seed=seed)
    text = jobs.validate_prompt(prompt)
    spec = llm_enhancement.run(text, ctx, llm or get_llm_provider(settings)).specification
    scene_plan = scene_planning.run(spec, ctx).model_copy(update={"seed": seed})
    return from_spec_plan(spec, scene_plan, seed=seed)


def _valid_color(value: str) -> bool:
    return re.fullmatch(r"#[0-9A-Fa-f]{6}", value) is not None


def validate(board: Storyboard, music: list[str] | None = None) -> list[str]:
    """Every rule the storyboard breaks, one sentence each saying what to change."""
    problems: list[str] = []
    n = len(board.scenes)
    if not 3 <= n <= 5:
        problems.append(f"An ad has 3 to 5 scenes; this storyboard has {n}. Add or delete a scene.")
    for name in COLOR_NAMES:
        value = getattr(board, f"{name}_color")
        if not _valid_color(value):
            problems.append(f"The {name} colour {value!r} is not a colour like #1A2B3C.")
    if board.font_style not in FONT_STYLES:
        problems.append(f"Unknown font style {board.font_style!r}. Choose one of: "
                        f"{', '.join(FONT_STYLES)}.")  # fmt: skip
    if board.grade not in GRADE_STYLES:
        problems.append(f"Unknown grade {board.grade!r}. Choose one of: {', '.join(GRADE_STYLES)}.")
    titles = music if music is not None else music_titles()
    if board.music not in titles:
        problems.append(f"There is no music track called {board.music!r}. Choose one of: "
                        f"{', '.join(titles)}.")  # fmt: skip
    # the planner's own lines render as in a one-click ad; a line a person wrote must fit
    planned = {s.overlay.text.strip() for s in board.plan.scenes if s.overlay is not None}
    for i, card in enumerate(board.scenes, start=1):
        if not MIN_SCENE_S <= card.duration_s <= MAX_SCENE_S:
            problems.append(f"Scene {i} lasts {card.duration_s:g} s; a scene lasts "
                            f"{MIN_SCENE_S:g} to {MAX_SCENE_S:g} seconds.")  # fmt: skip
        if not card.headline.strip():
            problems.append(f"Scene {i} has no headline. Write one.")
        elif len(card.headline) > 120 or (
            card.headline.strip() not in planned and not headline_fits(board, card)
        ):
            problems.append(f"Scene {i}'s headline is too long for the safe zone "
                            f"({len(card.headline)} characters). Shorten it.")  # fmt: skip
        if not card.visual.strip():
            problems.append(f"Scene {i} has no visual description. Describe the picture.")
        if card.position not in POSITIONS:
            problems.append(f"Scene {i}: position {card.position!r} is not one of "
                            f"{', '.join(POSITIONS)}.")  # fmt: skip
        if card.animation not in ANIMATIONS:
            problems.append(f"Scene {i}: animation {card.animation!r} is not one of "
                            f"{', '.join(ANIMATIONS)}.")  # fmt: skip
        if card.transition_sfx not in (None, *SFX_NAMES):
            problems.append(f"Scene {i}: unknown transition sound {card.transition_sfx!r}. "
                            f"Choose one of: {', '.join(SFX_NAMES)}.")  # fmt: skip
        words = len(card.voice_line.split())
        fit = int(MAX_WORDS_PER_S * card.duration_s)
        if card.voice_line != card.voice_default and words > fit:
            problems.append(f"Scene {i}'s voice line has {words} words; at most {fit} fit "
                            f"in {card.duration_s:g} s. Shorten it.")  # fmt: skip
    total = final_duration([c.duration_s for c in board.scenes], board.plan.crossfade_s)
    if n and abs(total - board.total_s) > 0.05:
        problems.append(
            f"The scenes last {total:.2f} s after crossfades; they must add up to "
            f"{board.total_s:g} s. Change a duration by {board.total_s - total:+.2f} s."
        )
    return problems


def apply_edits(
    board: Storyboard,
    *,
    scene: int | None = None,
    text: str | None = None,
    duration: float | None = None,
    voice_line: str | None = None,
    music: str | None = None,
    colors: dict[str, str] | None = None,
    font_style: str | None = None,
    grade: str | None = None,
) -> Storyboard:
    """A copy of ``board`` with the edits made (``scene`` is 1-based). A changed duration
    is balanced by the other scenes' so the ad's length stays exact."""
    from pipeline.errors import InputError

    data = board.model_copy(deep=True)
    if scene is not None and not 1 <= scene <= len(data.scenes):
        raise InputError(f"There is no scene {scene}; this ad has scenes 1 to {len(data.scenes)}.")
    if (text, duration, voice_line) != (None, None, None) and scene is None:
        raise InputError("Say which scene to change with --scene N.")
    if scene is not None:
        card = data.scenes[scene - 1]
        if text is not None:
            card.headline = text
        if voice_line is not None:
            card.voice_line = voice_line
        if duration is not None:
            _rebalance(data.scenes, scene - 1, duration)
    for name, value in (colors or {}).items():
        if name not in COLOR_NAMES:
            raise InputError(f"Unknown colour {name!r}. Choose one of: {', '.join(COLOR_NAMES)}.")
        setattr(data, f"{name}_color", value)
    if music is not None:
        data.music = music
    if font_style is not None:
        data.font_style = font_style
    if grade is not None:
        data.grade = grade
    return data


def _rebalance(cards: list[SceneCard], index: int, duration: float) -> None:
    """Set one scene's duration and take the difference from the others, within 3-7 s."""
    change = duration - cards[index].duration_s
    cards[index].duration_s = duration
    for j in sorted(range(len(cards)), key=lambda k: -cards[k].duration_s):
        if j == index or abs(change) < 1e-6:
            continue
        new = min(MAX_SCENE_S, max(MIN_SCENE_S, cards[j].duration_s - change))
        change -= cards[j].duration_s - new
        cards[j].duration_s = round(new, 3)


def to_spec_plan(board: Storyboard) -> tuple[AdSpecification, ScenePlan]:
    """The specification and plan the render stages take, with every edit in them.

    Raises InputError listing the problems when the storyboard breaks a rule.
    """
    from pipeline.errors import InputError

    problems = validate(board)
    if problems:
        raise InputError(" ".join(problems))
    spec = board.spec
    colors = {f"{name}_color": getattr(board, f"{name}_color").upper() for name in COLOR_NAMES}
    brand = spec.brand.model_copy(update={**colors, "font_style": board.font_style})
    spec = spec.model_copy(
        update={"brand": brand, "ad": spec.ad.model_copy(update={"visual_style": board.grade})}
    )
    old = board.plan.scenes
    scenes = []
    for i, card in enumerate(board.scenes):
        last = i == len(board.scenes) - 1
        base = old[i].overlay if i < len(old) and old[i].overlay else None
        start = board.plan.fade_s if i == 0 else board.plan.crossfade_s + 0.1
        end = card.duration_s - (board.plan.fade_s + 0.05 if last else board.plan.crossfade_s)
        overlay = TextOverlay(
            text=card.headline.strip()[:120], position=card.position,  # type: ignore[arg-type]
            animation=card.animation, role=card.role,  # type: ignore[arg-type]
            color=brand.text_color,
            accent_color=(brand.accent_color if card.role == "cta" or base is None
                          else base.accent_color),
            start_s=round(start, 3), end_s=round(end, 3),
        )  # fmt: skip
        scenes.append(Scene(
            index=i, scene_type=card.beat, duration_s=card.duration_s,  # type: ignore[arg-type]
            visual_prompt=card.visual, overlay=overlay,
            transition_sfx=None if last else card.transition_sfx,  # type: ignore[arg-type]
            visuals=SceneVisuals(template=card.template or "hero", objects=card.objects[:4],
                                 number=card.number, unit=card.unit),
            voice_line=card.voice_line if card.voice_line != card.voice_default else None,
        ))  # fmt: skip
    plan_ = board.plan.model_copy(update={"scenes": scenes, "seed": board.seed,
                                          "target_duration_s": board.total_s,
                                          "music": board.music})  # fmt: skip
    return spec, ScenePlan.model_validate(plan_.model_dump())


def _spread(cards: list[SceneCard], change: float, what: str) -> None:
    """Add ``change`` seconds over ``cards`` as evenly as 3-7 s allows, or InputError."""
    from pipeline.errors import InputError

    target = sum(c.duration_s for c in cards) + change
    for _ in range(len(cards)):
        free = [c for c in cards if (c.duration_s > MIN_SCENE_S if change < 0
                                     else c.duration_s < MAX_SCENE_S)]  # fmt: skip
        if abs(change) < 1e-6 or not free:
            break
        share = change / len(free)
        for card in free:
            new = min(MAX_SCENE_S, max(MIN_SCENE_S, card.duration_s + share))
            change -= new - card.duration_s
            card.duration_s = new
    if abs(change) > 0.01:
        raise InputError(f"Cannot {what}: the other scenes would have to last outside "
                         f"{MIN_SCENE_S:g} to {MAX_SCENE_S:g} seconds.")  # fmt: skip
    for card in cards:
        card.duration_s = round(card.duration_s, 3)
    rest = target - sum(c.duration_s for c in cards)  # rounding: keep the total exact
    cards[0].duration_s = round(cards[0].duration_s + rest, 3)


def move_scene(board: Storyboard, index: int, step: int) -> Storyboard:
    """A copy with scene ``index`` (0-based) moved ``step`` places (-1 up, +1 down)."""
    data = board.model_copy(deep=True)
    target = index + step
    if 0 <= index < len(data.scenes) and 0 <= target < len(data.scenes):
        data.scenes.insert(target, data.scenes.pop(index))
    return data


def delete_scene(board: Storyboard, index: int) -> Storyboard:
    """A copy without scene ``index``; the others get its time, so the total stays exact."""
    from pipeline.errors import InputError

    if len(board.scenes) <= 3:
        raise InputError("An ad has at least 3 scenes. Add a scene before deleting this one.")
    data = board.model_copy(deep=True)
    gone = data.scenes.pop(index)
    _spread(data.scenes, gone.duration_s - data.plan.crossfade_s, "delete this scene")
    return data


def add_scene(board: Storyboard, after: int) -> Storyboard:
    """A copy with scene ``after`` duplicated behind it (to edit); the scenes share the
    time so the total stays exact."""
    from pipeline.errors import InputError

    n = len(board.scenes)
    if n >= 5:
        raise InputError("An ad has at most 5 scenes. Delete one before adding another.")
    data = board.model_copy(deep=True)
    cf = data.plan.crossfade_s
    card = data.scenes[after].model_copy(deep=True)
    share = (sum(c.duration_s for c in data.scenes) + cf) / (n + 1)
    card.duration_s = round(min(MAX_SCENE_S, max(MIN_SCENE_S, share)), 3)
    _spread(data.scenes, cf - card.duration_s, "add a scene")
    data.scenes.insert(after + 1, card)
    return data

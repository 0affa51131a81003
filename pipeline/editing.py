"""Render a storyboard, or edit a finished ad into its next version: one call each.

``render(runtime, user_id, board)`` starts a generation from an edited storyboard (the
specification and plan are taken as they are; the render starts at the voice-over).
``edit(runtime, user_id, generation_id, ...)`` takes a finished ad's storyboard, applies
the edits, refuses a storyboard that breaks a rule (nothing is started, no row is made) and
starts the next version. Both return the new generation's id; wait with :func:`jobs.wait`.
"""

from __future__ import annotations

from typing import Any

from pipeline import jobs, storyboard, versions
from pipeline.errors import InputError
from pipeline.runtime import Runtime
from pipeline.spec import AdSpecification, ScenePlan
from pipeline.storyboard import Storyboard


def for_generation(runtime: Runtime, user_id: int | None, generation_id: int) -> Storyboard:
    """The storyboard of the user's finished ad (another user's: "not found")."""
    with runtime.sessions() as session:
        row = versions.editable(session, generation_id, user_id)
        spec = AdSpecification.model_validate(row.llm_specification)
        plan = ScenePlan.model_validate(row.scene_plan)
        music = (row.audio_mix or {}).get("music_title") or None
        spoken = (row.voice or {}).get("script") or None
        seed = row.seed
    return storyboard.from_spec_plan(spec, plan, seed=seed, music=music, spoken=spoken)


def render(
    runtime: Runtime,
    user_id: int,
    board: Storyboard,
    *,
    parent_id: int | None = None,
    voice: dict[str, Any] | None = None,
) -> int:
    """Start rendering ``board``; with ``parent_id`` (an ad's id) as that ad's next version."""
    planned = storyboard.to_spec_plan(board)  # InputError listing every broken rule
    root = None
    if parent_id is not None:
        with runtime.sessions() as session:
            root = versions.root_of(versions.editable(session, parent_id, user_id))
    return jobs.start(runtime, user_id, board.prompt, seed=board.seed, voice=voice,
                      planned=planned, parent_id=root)  # fmt: skip


def edit(
    runtime: Runtime,
    user_id: int,
    generation_id: int,
    **edits: Any,
) -> int:
    """Apply ``edits`` (see :func:`storyboard.apply_edits`) to a finished ad and start its
    next version; InputError (nothing started) when the edited storyboard breaks a rule."""
    board = storyboard.apply_edits(for_generation(runtime, user_id, generation_id), **edits)
    problems = storyboard.validate(board)
    if problems:
        raise InputError(" ".join(problems))
    with runtime.sessions() as session:
        row = versions.editable(session, generation_id, user_id)
        said = row.voice or {}
        voice = dict(said.get("asked") or {}) or None
    return render(runtime, user_id, board, parent_id=generation_id, voice=voice)

"""Command line for storyboards and versions: render an edited plan, edit a finished ad.

    python -m pipeline plan PROMPT --json > plan.json        # then edit "storyboard" in it
    python -m pipeline render --plan plan.json [--user NAME] [--json]
    python -m pipeline edit ID --scene N --text "New line" [--duration S] [--music NAME]
        [--color primary=#RRGGBB] [--voice-line TEXT] [--user NAME] [--json]

Both print what ``generate`` prints, plus ``version``, ``reused_clips``, ``reused_voice`` and
``reused_frames`` (frames copied from an earlier version's video instead of encoded again).
An edit that breaks the plan's rules is refused with the reason and renders nothing.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from pipeline.errors import InputError
from pipeline.settings import Settings


def add_parsers(sub: Any) -> None:
    """The ``render`` and ``edit`` subcommands."""
    render = sub.add_parser("render", help="render an edited storyboard (from `plan --json`)")
    render.add_argument("--plan", required=True, help="the JSON `plan --json` wrote, edited")
    render.add_argument("--user", default=None)
    render.add_argument("--json", action="store_true")
    edit = sub.add_parser("edit", help="edit a finished ad and render its next version")
    edit.add_argument("id", type=int)
    edit.add_argument("--scene", type=int, default=None, help="1 = the first scene")
    edit.add_argument("--text", default=None, help="the scene's new headline")
    edit.add_argument("--duration", type=float, default=None, help="the scene's seconds")
    edit.add_argument("--voice-line", default=None, help="the scene's new spoken line")
    edit.add_argument("--music", default=None, help="a music track's title")
    edit.add_argument("--color", action="append", default=[], metavar="NAME=#RRGGBB",
                      help="primary, secondary, accent or text")  # fmt: skip
    edit.add_argument("--user", default=None)
    edit.add_argument("--json", action="store_true")


def read_board(path: Path) -> Any:
    """The storyboard in a ``plan --json`` file (or a storyboard saved whole)."""
    from pipeline.storyboard import Storyboard

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        problem = f"Cannot read the plan {path} ({exc}). Write it with `plan --json`."
        raise InputError(problem) from None
    if isinstance(data, dict) and "storyboard" in data:
        data = {**data["storyboard"], "spec": data.get("specification"),
                "plan": data.get("scene_plan")}  # fmt: skip
    try:
        return Storyboard.model_validate(data)
    except ValueError as exc:
        first = str(exc).splitlines()[:3]
        raise InputError(
            f"The plan {path} is not a storyboard ({' '.join(first)}). Start from `plan --json`."
        ) from None


def _colors(pairs: list[str]) -> dict[str, str]:
    out = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep:
            raise InputError(f"--color {pair!r}: write it as NAME=#RRGGBB, e.g. primary=#1A2B3C.")
        out[name.strip()] = value.strip()
    return out


def _finish(runtime: Any, user_id: int, start: Any, as_json: bool) -> int:
    from pipeline import cli_run
    from pipeline.store import versions

    row = cli_run.run_to_end(runtime, user_id, "", None, start=start)
    return cli_run.report(row, as_json, version=row.version, reused_clips=row.reused_clips or 0,
                          reused_voice=versions.reused_voice(row),
                          reused_frames=versions.reused_frames(row))  # fmt: skip


def cmd_render(args: argparse.Namespace, settings: Settings) -> int:
    from pipeline import editing
    from pipeline.cli_accounts import owner_id, runtime_for

    board = read_board(Path(args.plan))
    runtime = runtime_for(settings)
    user_id = owner_id(runtime, args.user)
    return _finish(runtime, user_id, lambda: editing.render(runtime, user_id, board), args.json)


def cmd_edit(args: argparse.Namespace, settings: Settings) -> int:
    from pipeline import editing
    from pipeline.cli_accounts import owner_id, runtime_for

    runtime = runtime_for(settings)
    user_id = owner_id(runtime, args.user)
    edits = {
        "scene": args.scene, "text": args.text, "duration": args.duration,
        "voice_line": args.voice_line, "music": args.music,
        "colors": _colors(args.color) or None,
    }  # fmt: skip
    # Refused edits raise here, before anything starts: no row, no file.
    new_id = editing.edit(runtime, user_id, args.id, **edits)
    return _finish(runtime, user_id, lambda: new_id, args.json)


COMMANDS = {"render": cmd_render, "edit": cmd_edit}

"""Command line: generate and inspect ads, manage users, cancel and clean up.

    python -m pipeline generate "Create a luxury watch ad for Instagram" [--seed N] [--json]
        [--voice [NAME] | --no-voice] [--formats 9:16,1:1,16:9] [--duration 15|30]
        [--logo PATH] [--image PATH ...] [--kit NAME]     # the user's logo and product photos
        [--variants N]                                    # N <= 4 ads to A/B test: a JSON list
    python -m pipeline quote "..." [--formats 9:16,1:1] [--variants N] [--json]  # cost, time
    python -m pipeline kits list | kits add NAME [--logo PATH] [--image PATH ...] | kits delete NAME
    python -m pipeline plan "..." [--seed N] [--json]     # specification + scene plan only
    python -m pipeline render --plan plan.json [--json]   # an edited storyboard -> an ad
    python -m pipeline edit ID --scene N --text "..." [--duration S] [--music NAME]
        [--color primary=#RRGGBB] [--voice-line TEXT] [--json]   # the ad's next version
    python -m pipeline users add NAME [--password-stdin] [--admin] | users list
    python -m pipeline users disable NAME | users enable NAME
    python -m pipeline list [--user NAME] [--json]
    python -m pipeline preview "..." [--seed N] | preview --id ID [--out sheet.png]
    python -m pipeline cancel ID
    python -m pipeline cleanup [--hours 24]
    python -m pipeline worker [--queues Q ...] [--burst]     # RQ worker (docs/scale-out.md)
    python -m pipeline serve [streamlit args]               # start-up, then the web app

Progress lines go to stderr; with ``--json`` stdout carries exactly one JSON object.
Exit codes: 0 success, 1 the generation failed or was refused, 2 bad usage.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import timedelta
from pathlib import Path

from pipeline import cli_storyboard, formats, storyboard
from pipeline.cli_accounts import brand_kit_id, cmd_kits, cmd_users, owner_id, runtime_for
from pipeline.cli_run import emit, fail, report, run_to_end
from pipeline.cli_variants import add_quote_parser, cmd_quote
from pipeline.errors import AdstudioError
from pipeline.logs import configure_logging
from pipeline.runtime import jobs, recovery
from pipeline.secrets import DEFAULT_SECRETS_FILE, secrets_overrides
from pipeline.settings import Settings, load_settings, prepare_folders
from pipeline.store import repository
from pipeline.voice import tts


def cmd_generate(args: argparse.Namespace, settings: Settings) -> int:
    shape = {  # checked before anything starts: a typo fails at once, saying what exists
        "formats": formats.parse(args.formats) if args.formats else None,
        "duration_s": formats.check_duration(args.duration) if args.duration else None,
    }
    runtime = runtime_for(settings)
    voice = {"enabled": not args.no_voice, "voice": args.voice or None}
    owner = owner_id(runtime, args.user)
    kit_id = brand_kit_id(runtime, settings, owner, args)
    if args.variants != 1:
        from pipeline.cli_variants import generate_variants

        return generate_variants(args, runtime, owner, voice, kit_id, shape)
    row = run_to_end(runtime, owner, args.prompt, args.seed, voice, kit_id, shape)
    return report(row, args.json)


def cmd_preview(args: argparse.Namespace, settings: Settings) -> int:
    from pipeline.preview import contact_sheet

    runtime = runtime_for(settings)
    user_id = owner_id(runtime, args.user)
    if args.id is not None:
        with runtime.sessions() as session:
            row = repository.get_generation(session, args.id, user_id)
        if row.status != "completed":
            raise AdstudioError(f"Generation {args.id} is {row.status}; only finished ads preview.")
    elif args.prompt:
        row = run_to_end(runtime, user_id, args.prompt, args.seed)
        if row.status != "completed":
            return fail(row)
    else:
        raise AdstudioError("Give a PROMPT to generate and preview, or --id N for an existing ad.")
    timings = row.stage_timings or {}
    footer = (
        f"seed {row.seed}  |  {row.duration_s:.2f} s  |  cost ${row.cost:.4f}  |  "
        f"{sum(timings.values()):.1f} s to make"
    )
    if row.audio_mix and row.audio_mix.get("music_title"):
        footer += f"  |  music: {row.audio_mix['music_title']}"
    data = {
        "id": row.id,
        "llm_specification": row.llm_specification,
        "scene_plan": row.scene_plan,
        "clips": row.clips,
        "footer": footer,
    }
    dest = Path(args.out) if args.out else settings.output_dir / "previews" / f"{row.id}.png"
    if not row.video_path:
        raise AdstudioError(f"Generation {row.id} has no video file.")
    path = contact_sheet(data, Path(row.video_path), dest)
    print(str(path))
    return 0


def cmd_plan(args: argparse.Namespace, settings: Settings) -> int:
    from pipeline.providers import get_llm_provider
    from pipeline.stages import llm_enhancement, scene_planning
    from pipeline.stages.context import StageContext

    ctx = StageContext(settings=settings, workdir=settings.resolved_temp_dir, seed=args.seed or 0)
    text = jobs.validate_prompt(args.prompt)
    result = llm_enhancement.run(text, ctx, get_llm_provider(settings))
    plan = scene_planning.run(result.specification, ctx)
    data = {
        "specification": result.specification.model_dump(mode="json"),
        "scene_plan": plan.model_dump(mode="json"),
        "cost": result.cost,
        # edit this and render it: `render --plan plan.json` (pipeline/cli_storyboard.py)
        "storyboard": storyboard.from_spec_plan(
            result.specification, plan, seed=args.seed or 0
        ).model_dump(mode="json", exclude={"spec", "plan"}),
    }
    if args.json:
        emit(data)
    else:
        spec = result.specification
        if spec.language_note:
            print(spec.language_note)
        print(f"{spec.framework}: {spec.framework_reason}")
        print(f"brand: {spec.brand.brand_name or '(none)'}  product: {spec.ad.product}")
        for scene in plan.scenes:
            text = scene.overlay.text if scene.overlay else ""
            print(f"  {scene.index + 1}. {scene.scene_type:<10} {scene.duration_s:4.2f}s  {text}")
    return 0


def cmd_list(args: argparse.Namespace, settings: Settings) -> int:
    runtime = runtime_for(settings, recover=False)
    with runtime.sessions() as session:
        user_id = None
        if args.user:
            user = repository.get_user(session, args.user)
            if user is None:
                raise AdstudioError(f"No user {args.user!r}.")
            user_id = user.id
        rows = repository.list_generations(session, user_id, limit=args.limit)
    if args.json:
        emit({"generations": [
            {"id": r.id, "status": r.status, "progress": r.progress, "prompt": r.prompt,
             "cost": r.cost, "video_path": r.video_path, "created_at": r.created_at}
            for r in rows
        ]})  # fmt: skip
        return 0
    for r in rows:
        print(f"{r.id:5d}  {r.status:<10} {r.progress:3d}%  ${r.cost:.4f}  {r.prompt[:60]}")
    return 0


def cmd_cancel(args: argparse.Namespace, settings: Settings) -> int:
    runtime = runtime_for(settings, recover=False)
    if jobs.cancel(runtime, None, args.id, wait_s=None):
        print(f"cancellation requested for generation {args.id}")
        return 0
    print(f"generation {args.id} is not running", file=sys.stderr)
    return 1


def cmd_cleanup(args: argparse.Namespace, settings: Settings) -> int:
    runtime = runtime_for(settings, recover=False)
    removed = recovery.cleanup_temp(runtime, timedelta(hours=args.hours))
    print(f"removed {len(removed)} temp folder(s)")
    return 0


def cmd_worker(args: argparse.Namespace, settings: Settings) -> int:
    from redis.exceptions import RedisError

    from pipeline.runtime import rq_runner

    settings = settings.model_copy(update={"runner": "rq"})
    runtime = runtime_for(settings)
    try:
        rq_runner.connection(runtime).ping()
        tts.prepare(settings)  # the offline voice's timed model, before the first job
        rq_runner.work(runtime, args.queues, burst=args.burst, name=args.name)
    except RedisError as exc:
        raise AdstudioError(
            f"Cannot reach Redis ({type(exc).__name__}). Start redis-server or set "
            "ADSTUDIO_REDIS_URL to the shared Redis, e.g. redis://queue-host:6379/0."
        ) from exc
    return 0


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    from pipeline.runtime.serve import serve

    return serve(settings, args.streamlit_args)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m pipeline", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    gen = sub.add_parser("generate", help="make a finished video ad from a prompt")
    gen.add_argument("prompt")
    gen.add_argument("--seed", type=int, default=None, help="same prompt + seed = same video")
    gen.add_argument("--json", action="store_true", help="end with one JSON object on stdout")
    gen.add_argument("--user", default=None, help="owner of the generation (default: cli)")
    spoken = gen.add_mutually_exclusive_group()
    spoken.add_argument(
        "--voice", nargs="?", const="", default=None, metavar="NAME",
        help="speak a voice-over (default: on; NAME picks the voice, else the language's own)",
    )  # fmt: skip
    spoken.add_argument("--no-voice", action="store_true", help="captions and music, no voice")
    gen.add_argument(
        "--formats", default=None, metavar="LIST",
        help="formats to make, e.g. 9:16,1:1,16:9 (also 4:5; default: the prompt's platform's)",
    )  # fmt: skip
    gen.add_argument(
        "--duration", type=float, default=None, metavar="SECONDS",
        help="length of the ad: 15 or 30 (default: ADSTUDIO_TARGET_DURATION_S)",
    )  # fmt: skip
    _kit_arguments(gen)
    gen.add_argument("--kit", default=None, help="use (or, with files, save as) this brand kit")
    gen.add_argument("--variants", type=int, default=1, help="1-4 ads that differ (A/B tests)")
    add_quote_parser(sub)
    plan = sub.add_parser("plan", help="specification + scene plan only (no rendering)")
    plan.add_argument("prompt")
    plan.add_argument("--seed", type=int, default=0)
    plan.add_argument("--json", action="store_true")
    users = sub.add_parser("users", help="manage users")
    users_sub = users.add_subparsers(dest="users_cmd", required=True)
    add = users_sub.add_parser("add", help="create a user with a password")
    add.add_argument("username")
    add.add_argument("--name", default="")
    add.add_argument("--email", default="")
    add.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    add.add_argument("--admin", action="store_true", help="may open the Admin page")
    users_sub.add_parser("list", help="list users and their total cost")
    for verb, what in (("disable", "stop a user signing in (ends their sessions)"),
                       ("enable", "let a disabled user sign in again")):  # fmt: skip
        users_sub.add_parser(verb, help=what).add_argument("username")
    lst = sub.add_parser("list", help="list generations, newest first")
    lst.add_argument("--user", default=None)
    lst.add_argument("--limit", type=int, default=50)
    lst.add_argument("--json", action="store_true")
    prev = sub.add_parser("preview", help="generate (or take --id) and write a contact sheet PNG")
    prev.add_argument("prompt", nargs="?", default=None)
    prev.add_argument("--id", type=int, default=None, help="an existing finished generation")
    prev.add_argument("--seed", type=int, default=None)
    prev.add_argument("--user", default=None)
    prev.add_argument("--out", default=None, help="PNG path (default output/previews/<id>.png)")
    can = sub.add_parser("cancel", help="cancel a running generation")
    can.add_argument("id", type=int)
    clean = sub.add_parser("cleanup", help="remove orphaned temp folders")
    clean.add_argument("--hours", type=float, default=24.0)
    cli_storyboard.add_parsers(sub)
    work = sub.add_parser("worker", help="run an RQ worker (ADSTUDIO_REDIS_URL)")
    work.add_argument("--queues", nargs="+", default=None, help="default: ADSTUDIO_RQ_QUEUE")
    work.add_argument("--burst", action="store_true", help="stop when the queues are empty")
    work.add_argument("--name", default=None, help="the worker's name in `rq info`")
    sub.add_parser("serve", help="migrate and recover now, then run the web app",
                   usage="python -m pipeline serve [streamlit run options]")  # fmt: skip
    kits = sub.add_parser("kits", help="brand kits: your logo, colours and product photos")
    kits.add_argument("--user", default=None, help="whose kits (default: cli)")
    kits_sub = kits.add_subparsers(dest="kits_cmd", required=True)
    kits_sub.add_parser("list", help="list your brand kits")
    kit_add = kits_sub.add_parser("add", help="save a brand kit (replaces one of that name)")
    kit_add.add_argument("kit", metavar="NAME")
    _kit_arguments(kit_add)
    kits_sub.add_parser("delete", help="delete a brand kit and its files").add_argument(
        "kit", metavar="NAME"
    )
    return parser


def _kit_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--logo", default=None, help="logo file (PNG or SVG)")
    parser.add_argument(
        "--image", action="append", default=None, help="product photo (JPEG/PNG/WebP), up to 5"
    )


COMMANDS = {
    "generate": cmd_generate,
    "plan": cmd_plan,
    "users": cmd_users,
    "list": cmd_list,
    "preview": cmd_preview,
    "cancel": cmd_cancel,
    "cleanup": cmd_cleanup,
    "worker": cmd_worker,
    "serve": cmd_serve,
    "kits": cmd_kits,
    "quote": cmd_quote,
    **cli_storyboard.COMMANDS,
}


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    if extra and args.command != "serve":  # only `serve` passes options on (to streamlit)
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    args.streamlit_args = extra
    try:
        # Keys may also come from .streamlit/secrets.toml, as in the app (environment wins).
        settings = load_settings(**secrets_overrides(DEFAULT_SECRETS_FILE, os.environ))
        prepare_folders(settings)  # an unwritable folder: one line, not a traceback
        log_dir = Path(settings.data_dir) / "logs"
        log_dir.mkdir(parents=True, exist_ok=True)
        configure_logging(stream=open(log_dir / "adstudio.jsonl", "a", encoding="utf-8"))  # noqa: SIM115
        return COMMANDS[args.command](args, settings)
    except AdstudioError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1

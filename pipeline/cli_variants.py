"""Command line for variants and quotes.

python -m pipeline generate "..." --variants 3 --json   # a JSON list, one ad per variant
python -m pipeline quote "..." [--formats 9:16,1:1] [--variants N] [--duration S] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from typing import Any

from pipeline import quote, variant_groups, variants
from pipeline.cli_run import emit, fail, row_result
from pipeline.errors import InputError
from pipeline.runtime import jobs
from pipeline.settings import Settings
from pipeline.store import repository


def add_quote_parser(sub: Any) -> None:
    """The ``quote`` subcommand's arguments."""
    q = sub.add_parser("quote", help="what a generation will cost and take, before it starts")
    q.add_argument("prompt")
    q.add_argument("--formats", default=None, help="e.g. 9:16,1:1 (default: the prompt's)")
    q.add_argument("--variants", type=int, default=1, help="1-4 ads from the prompt")
    q.add_argument("--duration", type=float, default=None, help="seconds (default: settings)")
    q.add_argument("--no-voice", action="store_true", help="without a voice-over")
    q.add_argument("--json", action="store_true")


def cmd_quote(args: argparse.Namespace, settings: Settings) -> int:
    from pipeline import formats as formats_mod

    text = jobs.validate_prompt(args.prompt)
    if not 1 <= args.variants <= variants.MAX_VARIANTS:
        raise InputError(
            f"Make 1 to {variants.MAX_VARIANTS} variants at a time (asked for {args.variants})."
        )
    formats = formats_mod.parse(args.formats) if args.formats else formats_mod.for_prompt(text)
    if args.duration is not None:
        formats_mod.check_duration(args.duration)
    got = quote.estimate(settings, variants=args.variants, formats=len(formats),
                         duration_s=args.duration, voice=not args.no_voice)  # fmt: skip
    if args.json:
        data = {**got.model_dump(), "formats": list(formats), "summary": got.summary()}
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return 0
    print(got.summary())
    for line in got.lines:
        print(
            f"  {line.item:<11} ${line.usd:.4f}  {quote.minutes(line.seconds):>10}  {line.detail}"
        )
    return 0


def generate_variants(
    args: argparse.Namespace,
    runtime: Any,
    owner: int,
    voice: dict[str, Any],
    kit_id: int | None,
    shape: dict[str, Any] | None = None,
) -> int:
    """Start the variants, show their progress on stderr, print a JSON list (or paths)."""
    started = variant_groups.start_group(runtime, owner, args.prompt, args.variants, seed=args.seed,
                                   voice=voice, kit_id=kit_id, **(shape or {}))  # fmt: skip
    letters = dict(zip(started.generation_ids, variants.LETTERS, strict=False))

    def show(generation_id: int, percent: int, step: str) -> None:
        print(f"[{letters.get(generation_id, '?')} {percent:3d}%] {step}", file=sys.stderr,
              flush=True)  # fmt: skip

    runtime.on_progress = show
    print(f"variant group {started.group_id}: generations {started.generation_ids}",
          file=sys.stderr)  # fmt: skip
    try:
        while any(jobs.is_running_here(g) for g in started.generation_ids):
            time.sleep(0.2)
    except KeyboardInterrupt:
        print("cancelling...", file=sys.stderr)
        for generation_id in started.generation_ids:
            jobs.cancel(runtime, owner, generation_id)
    for generation_id in started.generation_ids:
        jobs.wait(generation_id)
    with runtime.sessions() as session:
        rows = [repository.get_generation(session, g, owner) for g in started.generation_ids]
        named = variants.labels(session, started.generation_ids)
    results = []
    for row in rows:
        result = row_result(row)
        result["variant"] = named[row.id][1]
        result["variant_group"] = started.group_id
        results.append(result)
    if args.json:
        emit(results)  # type: ignore[arg-type]
    else:
        for result in results:
            print(f"{result['variant']}\n  {result['video_path']}  cost ${result['cost']:.4f}")
    failed = [row for row in rows if row.status != "completed"]
    return fail(failed[0]) if failed else 0

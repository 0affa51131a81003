"""Video generation stage: ScenePlan -> one clip per scene, in parallel, in scene order.

Contract: ``run(plan, spec, provider, ctx, ledger) -> list[Clip]``. At most
``settings.max_parallel_clips`` clips are made at once. Progress (``ctx.report``) is the mean
of the clips' own progress, which providers report while they work. The cancel flag is
checked before each clip starts and providers poll it while they work; on cancel, clips not
yet started are dropped and CancelledError is raised once the running ones have stopped.
Retries and model fallbacks are the provider's business (see providers/video_replicate.py);
a failure here names the scene.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_EXCEPTION, Future, ThreadPoolExecutor, wait

from pipeline.cost_tracking import CostLedger
from pipeline.errors import AdstudioError, CancelledError, ProviderError, RenderError, StageError
from pipeline.media import ffmpeg
from pipeline.providers import ClipRequest, ClipResult, VideoProvider
from pipeline.spec import AdSpecification, Clip, ScenePlan
from pipeline.stages.context import StageContext
from pipeline.store import clip_cache

STAGE = "video_generation"


def clip_request(
    spec: AdSpecification, plan: ScenePlan, index: int, *, captions: bool
) -> ClipRequest:
    """What a provider is asked for scene ``index`` (the storyboard predicts the local
    renderer's picture from the very same request)."""
    return ClipRequest(
        scene=plan.scenes[index],
        brand=spec.brand,
        ad=spec.ad,
        width=plan.canvas_size[0],  # one clip covers every format
        height=plan.canvas_size[1],
        formats=tuple(plan.formats),
        fps=plan.fps,
        seed=plan.seed,
        beats=tuple(s.scene_type for s in plan.scenes),
        lines=tuple(s.overlay.text if s.overlay else "" for s in plan.scenes),
        facts=spec.facts,
        assets=spec.assets,
        prompt=spec.prompt,
        language=spec.language,
        captions=captions,  # burned in only when spoken
    )


def run(
    plan: ScenePlan,
    spec: AdSpecification,
    provider: VideoProvider,
    ctx: StageContext,
    ledger: CostLedger,
    reuse: Sequence[Clip] = (),
) -> list[Clip]:
    """Generate every scene's clip; returns them in scene order.

    ``reuse``: clips of earlier versions of the ad; a scene whose clip key
    (:mod:`pipeline.store.clip_cache`) matches one is copied, not drawn (``Clip.reused``).
    """
    earlier = clip_cache.index(reuse)
    clip_dir = ctx.workdir / "clips"
    clip_dir.mkdir(parents=True, exist_ok=True)
    n = len(plan.scenes)
    done = 0
    lock = threading.Lock()
    stop = threading.Event()
    share = [0.0] * n  # each clip's own progress, so a slow cloud clip still moves the bar
    sizes: list[tuple[int, int]] = [(0, 0)] * n
    keys = [""] * n

    def clip_report(index: int) -> Callable[[float, str], None]:
        def report(fraction: float, message: str) -> None:
            with lock:  # reported under the lock so the bar never steps back
                share[index] = max(share[index], min(1.0, max(0.0, fraction)))
                ctx.report(sum(share) / n, f"Clip {index + 1} of {n}: {message}")

        return report

    def cancelled() -> bool:
        return stop.is_set() or ctx.is_cancelled()

    def make(index: int) -> ClipResult | Clip:
        if cancelled():
            raise CancelledError()
        request = clip_request(spec, plan, index, captions=ctx.settings.tts_provider != "none")
        clip_ctx = StageContext(
            settings=ctx.settings,
            workdir=ctx.workdir,
            seed=plan.seed,
            generation_id=ctx.generation_id,
            ffmpeg_exe=ctx.ffmpeg_exe,
            is_cancelled=cancelled,
            report=clip_report(index),
        )
        dest = clip_dir / f"scene_{index:02d}.mp4"
        keys[index] = clip_cache.key(provider, request)
        found = earlier.get(keys[index])
        if found is not None:
            reused = clip_cache.reuse(found, index, dest)
            nonlocal done
            with lock:
                done += 1
                share[index] = 1.0
                ctx.report(sum(share) / n, f"Reused video clip {index + 1} of {n}")
            return reused
        try:
            result = provider.generate(request, dest, clip_ctx)
        except AdstudioError:
            raise
        except Exception as exc:  # a provider bug must still read well on the row
            raise ProviderError(
                f"The {provider.name} video provider failed on scene {index + 1}: {exc}",
                provider=provider.name,
            ) from exc
        try:
            info = ffmpeg.probe(result.path)  # the export needs its size; a bad file fails here
        except RenderError as exc:
            raise ProviderError(
                f"The {provider.name} video provider's clip for scene {index + 1} cannot be "
                f"used: {exc}",
                provider=provider.name,
            ) from exc
        sizes[index] = (info.width, info.height)
        with lock:
            done += 1
            finished = done
            share[index] = 1.0
            ctx.report(sum(share) / n, f"Generated video clip {finished} of {n}")
        return result

    ctx.report(0.0, f"Generating video clip 1 of {n}")
    workers = max(1, min(ctx.settings.max_parallel_clips, n))
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="clip") as pool:
        futures: list[Future[ClipResult | Clip]] = [pool.submit(make, i) for i in range(n)]
        finished_set, _ = wait(futures, return_when=FIRST_EXCEPTION)
        failure = next((f.exception() for f in finished_set if f.exception()), None)
        if failure is not None:
            stop.set()
            for future in futures:
                future.cancel()
    if failure is not None:
        if isinstance(failure, CancelledError) or ctx.is_cancelled():
            raise CancelledError()
        if isinstance(failure, StageError):
            raise failure
        raise StageError(STAGE, str(failure)) from failure

    clips = []
    for index, future in enumerate(futures):
        result = future.result()
        if isinstance(result, Clip):
            ledger.add(STAGE, provider.name, 0.0, f"scene {index + 1}: reused")
            clips.append(result)
            continue
        detail = f"scene {index + 1}: {result.model}"
        if result.predict_time_s is not None:
            detail += f", predict_time {result.predict_time_s:.1f} s"
        ledger.add(STAGE, provider.name, result.cost, detail)
        clips.append(
            Clip(
                scene_index=index,
                path=str(result.path),
                duration_s=result.duration_s,
                provider=provider.name,
                model=result.model,
                cost=result.cost,
                predict_time_s=result.predict_time_s,
                width=sizes[index][0],
                height=sizes[index][1],
                details=result.details,
                key=keys[index],
            )
        )
    return clips

"""Benchmark 5: ads per minute with 1, 2 and 4 RQ workers on this machine.

    python -m benchmarks.throughput [--workers 1,2,4] [--ads 6] [--database-url URL]
                                    [--redis-url URL]

For each worker count it starts that many real ``python -m pipeline worker`` processes
(offline copywriter, local renderer: the default providers), enqueues ``--ads`` generations
from as many users at once, and times the first enqueue to the last completion. Without
URLs it runs a throwaway ``redis-server`` on a Unix socket and a SQLite file in a temp
folder; give ``--database-url postgresql+psycopg://...`` to measure on PostgreSQL.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from benchmarks.report import table
from pipeline.runtime import jobs
from pipeline.runtime.child import ROOT
from pipeline.runtime.services import bootstrap
from pipeline.settings import Settings
from pipeline.store import repository
from pipeline.store.users import add_user

PROMPTS = (
    "Create a luxury watch ad for Instagram",
    "Fresh sourdough bread from our corner bakery",
    "Trail running shoes that grip on wet rock",
    "A cosy coffee shop ad for rainy mornings",
)


@dataclass
class Run:
    workers: int
    ads: int
    completed: int
    seconds: float
    load: float

    @property
    def per_minute(self) -> float:
        return self.completed / self.seconds * 60 if self.seconds else 0.0


@contextlib.contextmanager
def local_redis() -> Iterator[str]:
    """A throwaway redis-server on a Unix socket in a temp folder."""
    server = shutil.which("redis-server")
    if server is None:
        raise SystemExit("redis-server is not installed (apt-get install redis-server)")
    root = Path(tempfile.mkdtemp(prefix="adstudio-bench-redis-"))
    sock = root / "redis.sock"
    proc = subprocess.Popen(
        [server, "--port", "0", "--unixsocket", str(sock), "--save", "", "--dir", str(root)],
        stdout=subprocess.DEVNULL,
    )
    try:
        for _ in range(300):
            if sock.exists():
                break
            time.sleep(0.1)
        yield f"unix://{sock}"
    finally:
        proc.terminate()
        proc.wait(10)
        shutil.rmtree(root, ignore_errors=True)


def measure(workers: int, ads: int, folder: Path, database_url: str | None, redis: str) -> Run:
    """One configuration: start the workers, enqueue ``ads``, wait for them all to end."""
    from redis import Redis

    Redis.from_url(redis).flushall()
    env = {
        **os.environ,
        "ADSTUDIO_DATA_DIR": str(folder / "data"),
        "ADSTUDIO_OUTPUT_DIR": str(folder / "output"),
        "ADSTUDIO_REDIS_URL": redis,
        "ADSTUDIO_RUNNER": "rq",
        **({"ADSTUDIO_DATABASE_URL": database_url} if database_url else {}),
    }
    settings = Settings(data_dir=folder / "data", output_dir=folder / "output", runner="rq",
                        redis_url=redis, database_url=database_url)  # type: ignore[arg-type]  # fmt: skip
    runtime = bootstrap(settings)
    worker = [sys.executable, "-m", "pipeline", "worker"]
    procs = [
        subprocess.Popen([*worker, "--name", f"bench-{k}"], cwd=ROOT, env=env)
        for k in range(workers)
    ]
    try:
        from rq import Worker

        while Worker.count(connection=Redis.from_url(redis)) < workers:
            time.sleep(0.2)
        with runtime.sessions.begin() as session:
            stamp = int(time.time() * 1000)
            users = [
                add_user(session, f"bench{stamp}-{i}", "correct horse battery").id
                for i in range(ads)
            ]
        t0 = time.perf_counter()
        ids = [
            jobs.start(runtime, uid, PROMPTS[i % len(PROMPTS)], seed=i)
            for i, uid in enumerate(users)
        ]
        while True:
            with runtime.sessions() as session:
                rows = [repository.get_generation(session, gid, None) for gid in ids]
            if not any(r.is_active for r in rows):
                break
            time.sleep(0.2)
        seconds = time.perf_counter() - t0
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            proc.wait(60)
        runtime.engine.dispose()
    done = sum(r.status == "completed" for r in rows)
    return Run(workers, ads, done, seconds, os.getloadavg()[0])


def markdown(runs: list[Run]) -> str:
    return table(
        ["workers", "ads", "completed", "wall", "ads per minute", "load (1 min) after"],
        [[r.workers, r.ads, r.completed, f"{r.seconds:.1f} s", f"{r.per_minute:.2f}",
          f"{r.load:.1f}"] for r in runs],
    )  # fmt: skip


def run_counts(
    counts: list[int], ads: int, database_url: str | None = None, redis_url: str | None = None
) -> list[Run]:
    """Measure each worker count in turn (a throwaway Redis unless ``redis_url``)."""
    runs = []
    with contextlib.ExitStack() as stack:
        redis = redis_url or stack.enter_context(local_redis())
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="adstudio-tp-")))
        for n in counts:
            runs.append(measure(n, ads, folder / f"w{n}", database_url, redis))
            print(markdown(runs[-1:]), file=sys.stderr, flush=True)
    return runs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", default="1,2,4")
    parser.add_argument("--ads", type=int, default=6)
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--redis-url", default=None)
    args = parser.parse_args(argv)
    counts = [int(n) for n in args.workers.split(",") if n.strip()]
    print(markdown(run_counts(counts, args.ads, args.database_url, args.redis_url)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

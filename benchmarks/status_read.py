"""Benchmark 4: the progress panel's status read on a database of 10,000 generations.

    python -m benchmarks.status_read [--rows 10000] [--reads 3000] [--database-url URL]

Builds a SQLite database with the app's schema (Alembic migrations) holding ``rows``
generations spread over 50 users, most of them completed with their full specification,
scene plan and clip records stored (so the table has its real size), then times
``repository.read_status`` exactly as the panel calls it: a new session per read, the
owner's id, a random generation. It measures twice: on a quiet database, and while four
worker threads write progress like running generations do (WAL lets readers continue).
"""

from __future__ import annotations

import argparse
import random
import tempfile
import threading
import time
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from sqlalchemy import insert

from benchmarks import fixtures
from benchmarks.measure import median, percentile
from benchmarks.report import table, verdict
from pipeline.store import repository
from pipeline.store.connection import init_db
from pipeline.store.db import Generation, User, utcnow

TARGET_P99_MS = 5.0
USERS = 50


@dataclass
class ReadTimes:
    label: str
    times_ms: list[float]
    cpu_ms: list[float]  # this thread's CPU per read: what the read costs without preemption

    @property
    def p50(self) -> float:
        return median(self.times_ms)

    @property
    def p99(self) -> float:
        return percentile(self.times_ms, 99)


def populate(url: str, rows: int, seed: int = 1) -> tuple[list[tuple[int, int]], int]:
    """Create the schema and ``rows`` generations; return (generation id, owner id) pairs."""
    engine = init_db(url)
    sessions = repository.session_factory(engine)
    spec = fixtures.specification().model_dump(mode="json")
    plan = fixtures.scene_plan().model_dump(mode="json")
    clips = [
        {
            "scene_index": i,
            "path": f"output/clips/x/scene_{i + 1:02d}.mp4",
            "duration_s": d,
            "provider": "local",
        }
        for i, d in enumerate(fixtures.DURATIONS)
    ]
    rng = random.Random(seed)
    now = utcnow()
    with sessions.begin() as session:
        session.execute(
            insert(User),
            [
                {"username": f"user{u}", "name": f"User {u}", "password_hash": "!"}
                for u in range(USERS)
            ],
        )
    with sessions() as session:
        user_ids = [u.id for u in repository.list_users(session)]
    batch = []
    for i in range(rows):
        done = rng.random() < 0.9
        created = now - timedelta(minutes=rows - i)
        batch.append(
            {
                "user_id": rng.choice(user_ids),
                "prompt": f"{fixtures.PROMPT} #{i}",
                "seed": i,
                "status": "completed" if done else rng.choice(("failed", "processing", "pending")),
                "progress": 100 if done else rng.randrange(0, 99),
                "current_step": "Complete" if done else "Encoding the final video",
                "llm_specification": spec,
                "scene_plan": plan,
                "clips": clips if done else None,
                "stage_timings": {"llm_enhancement": 0.1, "export": 9.0} if done else None,
                "video_path": f"output/videos/{i + 1}.mp4" if done else None,
                "created_at": created,
                "updated_at": created,
            }
        )
    with sessions.begin() as session:
        session.execute(insert(Generation), batch)
    with sessions() as session:
        pairs = [(g.id, g.user_id) for g in session.query(Generation.id, Generation.user_id)]
    engine.dispose()
    return pairs, len(pairs)


def time_reads(
    url: str, pairs: list[tuple[int, int]], reads: int, *, writers: int = 0, seed: int = 2
) -> tuple[list[float], list[float]]:
    """Wall and CPU milliseconds per ``read_status`` call (new session each)."""
    from pipeline.store.connection import make_engine

    engine = make_engine(url)
    sessions = repository.session_factory(engine)
    rng = random.Random(seed)
    stop = threading.Event()

    def write_progress(gid: int) -> None:
        step = 0
        while not stop.is_set():
            with sessions.begin() as session:
                repository.set_progress(session, gid, step % 100, "Encoding the final video")
            step += 1
            stop.wait(0.05)  # a running export reports about this often

    threads = [
        threading.Thread(target=write_progress, args=(pairs[k][0],), daemon=True)
        for k in range(writers)
    ]
    for t in threads:
        t.start()
    if url.startswith("sqlite"):  # a running app has its database in the page cache
        Path(url.split("///", 1)[-1]).read_bytes()
    for gid, uid in pairs[:50]:  # warm the connection pool
        with sessions() as session:
            repository.read_status(session, gid, uid)
    times, cpu = [], []
    try:
        for _ in range(reads):
            gid, uid = rng.choice(pairs)
            t0, c0 = time.perf_counter(), time.thread_time()
            with sessions() as session:
                repository.read_status(session, gid, uid)
            times.append((time.perf_counter() - t0) * 1000)
            cpu.append((time.thread_time() - c0) * 1000)
    finally:
        stop.set()
        for t in threads:
            t.join()
        engine.dispose()
    return times, cpu


def run(
    rows: int = 10_000, reads: int = 3_000, folder: Path | None = None, url: str | None = None
) -> list[ReadTimes]:
    """Populate a fresh database (SQLite, or the empty database at ``url``) and time the
    reads, quiet and under writers."""
    with tempfile.TemporaryDirectory(dir=folder) as tmp:
        url = url or f"sqlite:///{Path(tmp) / 'bench.db'}"
        pairs, _ = populate(url, rows)
        return [
            ReadTimes("quiet database", *time_reads(url, pairs, reads)),
            ReadTimes("4 generations writing progress", *time_reads(url, pairs, reads, writers=4)),
        ]


def markdown(results: list[ReadTimes], rows: int) -> str:
    body = table(
        ["condition", "reads", "p50", "p99", "max", "CPU p50 / p99"],
        [
            [
                r.label,
                len(r.times_ms),
                f"{r.p50:.2f} ms",
                f"{r.p99:.2f} ms",
                f"{max(r.times_ms):.2f} ms",
                f"{median(r.cpu_ms):.2f} / {percentile(r.cpu_ms, 99):.2f} ms",
            ]
            for r in results
        ],
    )
    worst = max(r.p99 for r in results)
    return (
        f"{body}\n\n- status read p99 with {rows:,} rows: **{worst:.2f} ms** (worst "
        f"condition; target < {TARGET_P99_MS} ms: {verdict(worst < TARGET_P99_MS)})"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Status read latency on a 10,000-row database.")
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--reads", type=int, default=3_000)
    parser.add_argument("--database-url", default=None, help="an empty database (PostgreSQL)")
    args = parser.parse_args(argv)
    print(markdown(run(args.rows, args.reads, url=args.database_url), args.rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

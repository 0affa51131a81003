"""Leases: which process runs a generation, and whether that process is still there.

A process that runs generations (the app's worker threads, the CLI, later an RQ worker)
stamps each row it takes with its :class:`Owner` and renews the row's heartbeat every
``lease_s / 3`` seconds (:class:`Keeper`). Recovery fails a pending/processing row only when
:func:`owner_gone` says so: the lease expired, or the owner ran on this host and its process
has ended (its pid is dead, or now belongs to a process started at another time). A row
without an owner comes from a version without leases and counts as gone. Nothing here knows
about threads or queues: a runner only has to stamp rows and keep beating.
"""

from __future__ import annotations

import logging
import os
import secrets
import socket
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import update
from sqlalchemy.orm import Session, sessionmaker

from pipeline.logs import log_event
from pipeline.store.db import Generation, utcnow


def process_start(pid: int) -> str | None:
    """When process ``pid`` started (clock ticks since boot, Linux), or None if unknown."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    # The command name (field 2) may hold spaces and parentheses: split after its last ")".
    fields = stat.rsplit(")", 1)[-1].split()
    return fields[19] if len(fields) > 19 and fields[0] not in ("Z", "X") else None


def pid_alive(pid: int) -> bool:
    """True while process ``pid`` exists on this host and is not a zombie."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: it exists
    state = Path(f"/proc/{pid}/stat")
    try:
        return state.read_text().rsplit(")", 1)[-1].split()[0] not in ("Z", "X")
    except (OSError, IndexError):
        return True


@dataclass(frozen=True)
class Owner:
    """A process that runs generations: host, pid, and a token unique to this process.

    The token starts with the process's start time where the system tells it, so a reused
    pid is told apart from the process that owned the row.
    """

    host: str
    pid: int
    token: str

    @property
    def started(self) -> str | None:
        head = self.token.split(".", 1)[0]
        return head if head.isdigit() else None


#: Appended to the tokens of RQ work horses, so recovery can say "the worker stopped".
WORKER_MARK = ".rq"
#: The owner token of a row waiting in the RQ queue (no process owns it yet).
QUEUED_PREFIX = "rq:"
_role = ""
_owners: dict[int, Owner] = {}
_owners_lock = threading.Lock()


def _owner_for(pid: int) -> Owner:
    # Under a lock: two threads asking at once (a horse's keeper and its generation) must
    # not each make up a token, or the keeper renews a lease nobody holds.
    with _owners_lock:
        owner = _owners.get(pid)
        if owner is None:
            started = process_start(pid) or "x"
            token = f"{started}.{secrets.token_hex(6)}{_role}"
            owner = _owners[pid] = Owner(socket.gethostname(), pid, token)
        return owner


def become_worker() -> None:
    """Mark this process's leases as an RQ work horse's (called in the horse, first)."""
    global _role
    _role = WORKER_MARK
    with _owners_lock:
        _owners.pop(os.getpid(), None)
    me()


def _after_fork() -> None:
    global _owners_lock
    _owners_lock = threading.Lock()  # a parent's thread may have held it at the fork


os.register_at_fork(after_in_child=_after_fork)


def queued(row: Generation, job_id: str, ttl_s: float) -> None:
    """Hand ``row`` to the queue: owned by job ``job_id`` until a worker takes it, or until
    the job would leave the queue unrun (``ttl_s``)."""
    now = utcnow()
    row.owner_host, row.owner_pid, row.owner_token = None, None, f"{QUEUED_PREFIX}{job_id}"
    row.heartbeat_at = now
    row.lease_expires_at = now + timedelta(seconds=ttl_s)


def by_worker(row: Generation) -> bool:
    """Whether an RQ worker (or the RQ queue) held ``row``."""
    token = row.owner_token or ""
    return token.startswith(QUEUED_PREFIX) or token.endswith(WORKER_MARK)


def me() -> Owner:
    """This process's identity (a new one after a fork: the pid is part of the key)."""
    return _owner_for(os.getpid())


def owner_gone(row: Generation, now: datetime, *, host: str | None = None) -> bool:
    """Whether the process that ran ``row`` has stopped (the row may be recovered)."""
    return why_gone(row, now, host=host) is not None


def why_gone(row: Generation, now: datetime, *, host: str | None = None) -> str | None:
    """Why the owner of ``row`` counts as gone (for the log), or None while it lives."""
    if row.owner_token is None or row.lease_expires_at is None:
        return "no owner (a version without leases)"
    expires = row.lease_expires_at
    if expires.tzinfo is None:
        expires = expires.replace(tzinfo=now.tzinfo)
    if expires < now:
        return f"lease expired at {expires.isoformat()} (now {now.isoformat()})"
    if row.owner_host != (host or me().host) or row.owner_pid is None:
        return None  # another machine's live lease: only its expiry tells
    if not pid_alive(row.owner_pid):
        return f"pid {row.owner_pid} has ended"
    stored = Owner(row.owner_host, row.owner_pid, row.owner_token).started
    current = process_start(row.owner_pid)
    if stored is not None and current is not None and stored != current:
        return f"pid {row.owner_pid} now belongs to another process"
    return None


def stamp(row: Generation, lease_s: float, owner: Owner | None = None) -> None:
    """Make ``owner`` (this process) the owner of ``row`` with a fresh lease."""
    owner = owner or me()
    now = utcnow()
    row.owner_host, row.owner_pid, row.owner_token = owner.host, owner.pid, owner.token
    row.heartbeat_at = now
    row.lease_expires_at = now + timedelta(seconds=lease_s)


def renew(session: Session, ids: Iterable[int], lease_s: float) -> int:
    """Renew this process's lease on the rows ``ids``; returns how many rows were renewed."""
    ids = list(ids)
    if not ids:
        return 0
    now = utcnow()
    result = session.execute(
        update(Generation)
        .where(
            Generation.id.in_(ids),
            Generation.owner_token == me().token,
            Generation.status.in_(("pending", "processing")),
        )
        .values(heartbeat_at=now, lease_expires_at=now + timedelta(seconds=lease_s))
        .execution_options(synchronize_session=False)
    )
    return int(getattr(result, "rowcount", 0) or 0)


class Keeper:
    """A background thread that renews the leases of the rows this process runs and, every
    ``lease_s``, sweeps rows whose owner is gone.

    ``running()`` names the rows to renew; the thread ends when it returns none (it is
    started again with the next generation), so an idle process keeps no thread, unless
    ``persistent`` (a server that should sweep while idle too).
    """

    persistent = False

    def __init__(
        self,
        sessions: sessionmaker[Session],
        lease_s: float,
        running: Callable[[], list[int]],
        sweep: Callable[[], object],
    ) -> None:
        self._sessions = sessions
        self.lease_s = lease_s
        self._running = running
        self._sweep = sweep
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._wake = threading.Event()

    def ensure_running(self) -> None:
        """Start the thread unless it runs already."""
        with self._lock:
            if self._thread is not None and self._thread.is_alive():
                return
            self._thread = threading.Thread(target=self._loop, name="lease-keeper", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        """Stop sweeping while idle; the thread ends once no generation runs here."""
        self.persistent = False
        self._wake.set()

    def _loop(self) -> None:
        beat = max(0.05, self.lease_s / 3)
        since_sweep = 0.0
        while True:
            ids = self._running()
            if not ids and not self.persistent:
                with self._lock:
                    ids = self._running()  # a start may have slipped in meanwhile
                    if not ids:
                        self._thread = None
                        return
            if ids:
                self.beat(ids)
            since_sweep += beat
            if since_sweep >= self.lease_s:
                since_sweep = 0.0
                try:
                    self._sweep()
                except Exception as exc:  # the next sweep tries again
                    log_event("sweep_failed", f"{type(exc).__name__}: {exc}",
                              level=logging.WARNING)  # fmt: skip
            self._wake.wait(beat)
            self._wake.clear()

    def beat(self, ids: list[int]) -> None:
        """Renew now; a failure (a full disk, a locked database) is logged and retried."""
        try:
            with self._sessions.begin() as session:
                renew(session, ids, self.lease_s)
        except Exception as exc:
            log_event(
                "heartbeat_failed",
                f"Could not renew the lease of generations {ids}: {type(exc).__name__}: {exc}",
                level=logging.WARNING,
            )

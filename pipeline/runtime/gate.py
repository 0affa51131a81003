"""A process-wide gate for CPU-bound work: at most N at once, the oldest ad first.

Several generations share one process (a thread each) and two cores. If every generation
draws its clips at the same time they all finish drawing together and then queue for the
final encode, with a core idle while the Python-bound drawing threads contend. Letting the
oldest generation's clips through first means it finishes drawing early and encodes while
the next one draws: both cores stay busy and fewer renderers are alive at once.

Waiting is cancellable: the caller's ``check`` runs between short waits, and a waiter that
gives up leaves the queue without taking a place.
"""

from __future__ import annotations

import heapq
import itertools
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

POLL_S = 0.25


def usable_cores() -> int:
    """Cores this process may run on (its CPU affinity), at least one."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class PriorityGate:
    """At most ``size`` holders; waiters are admitted in order of their ``rank``."""

    def __init__(self, size: int) -> None:
        if size < 1:
            raise ValueError("a gate needs at least one place")
        self.size = size
        self._free = size
        self._queue: list[tuple[int, int, int]] = []  # (rank, sub_rank, ticket)
        self._tickets = itertools.count()
        self._cond = threading.Condition()

    def _enter(self, key: tuple[int, int, int]) -> bool:
        if self._free > 0 and self._queue[0] == key:
            heapq.heappop(self._queue)
            self._free -= 1
            return True
        return False

    @contextmanager
    def place(
        self,
        rank: int,
        sub_rank: int = 0,
        check: Callable[[], None] = lambda: None,
        on_wait: Callable[[], None] = lambda: None,
        on_position: Callable[[int], None] | None = None,
    ) -> Iterator[None]:
        """Hold one place for the ``with`` block; lower ``rank`` goes first.

        ``check`` may raise (a cancel) while waiting; ``on_wait`` runs once if the caller
        has to wait; ``on_position`` gets the caller's place in line (1 = next) whenever it
        changes while waiting.
        """
        key = (rank, sub_rank, next(self._tickets))
        with self._cond:
            heapq.heappush(self._queue, key)
            admitted = self._enter(key)
        shown = 0
        try:
            if not admitted:
                on_wait()
            while not admitted:
                check()
                with self._cond:
                    admitted = self._enter(key)
                    position = 0 if admitted else sum(1 for k in self._queue if k <= key)
                if on_position is not None and position and position != shown:
                    shown = position
                    on_position(position)
                if admitted:
                    break
                with self._cond:
                    admitted = self._enter(key)
                    if not admitted:
                        self._cond.wait(POLL_S)
                        admitted = self._enter(key)
        except BaseException:
            with self._cond:
                if key in self._queue:
                    self._queue.remove(key)
                    heapq.heapify(self._queue)
                self._cond.notify_all()
            raise
        try:
            yield
        finally:
            with self._cond:
                self._free += 1
                self._cond.notify_all()

    @property
    def waiting(self) -> int:
        with self._cond:
            return len(self._queue)


_gates: dict[tuple[str, int], PriorityGate] = {}
_gates_lock = threading.Lock()


def shared(name: str, size: int) -> PriorityGate:
    """The process-wide gate called ``name`` with ``size`` places."""
    with _gates_lock:
        gate = _gates.get((name, size))
        if gate is None:
            gate = _gates[(name, size)] = PriorityGate(size)
        return gate

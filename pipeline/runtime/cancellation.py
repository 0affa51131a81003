"""Cooperative cancellation: the flag lives on the generation row.

The page (or CLI) sets ``cancellation_requested``; the worker asks :class:`CancelFlag`, which
reads the row at most every ``interval_s`` so providers can poll it in tight loops. A cancel
asked in this process (:func:`nudge`) reaches the live flags at once, so the stage that is
running stops at its next check rather than up to ``interval_s`` later.
"""

from __future__ import annotations

import threading
import time
import weakref

from sqlalchemy.orm import Session, sessionmaker

from pipeline.store.repository import is_cancel_requested


class CancelFlag:
    """Callable returning True once cancellation was requested (sticky)."""

    def __init__(
        self, sessions: sessionmaker[Session], generation_id: int, interval_s: float = 0.25
    ) -> None:
        self._sessions = sessions
        self._generation_id = generation_id
        self._interval_s = interval_s
        self._last = 0.0
        self._set = False
        self._lock = threading.Lock()
        _live.add(self)

    def __call__(self) -> bool:
        if self._set:
            return True
        with self._lock:
            now = time.monotonic()
            if now - self._last < self._interval_s:
                return self._set
            self._last = now
            with self._sessions() as session:
                self._set = is_cancel_requested(session, self._generation_id)
        return self._set


_live: weakref.WeakSet[CancelFlag] = weakref.WeakSet()


def nudge(sessions: sessionmaker[Session], generation_id: int) -> None:
    """Set every live flag of this generation (same database) without waiting for a read."""
    for flag in list(_live):
        if flag._sessions is sessions and flag._generation_id == generation_id:
            flag._set = True

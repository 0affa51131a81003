"""A work horse's first lease: its generation and its keeper ask for the process's identity
at the same moment, and must get the same token (else the keeper renews nothing)."""

from __future__ import annotations

import os
import threading

from pipeline.runtime import leases


def test_threads_asking_at_once_share_one_owner_token() -> None:
    saved = leases._owners.pop(os.getpid(), None)
    start = threading.Barrier(8)
    tokens: list[str] = []

    def ask() -> None:
        start.wait()
        tokens.append(leases.me().token)

    try:
        threads = [threading.Thread(target=ask) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert len(tokens) == 8 and len(set(tokens)) == 1
    finally:
        if saved is not None:
            leases._owners[os.getpid()] = saved

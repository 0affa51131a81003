"""Cost ledger: every provider call that costs money adds an entry; the total is their sum.

Offline providers cost 0.0 and still add an entry, so the breakdown shows every stage.
The ledger is written to the generation row and added to ``users.total_cost`` atomically by
:func:`pipeline.store.repository.complete_generation`.
"""

from __future__ import annotations

import threading

from pipeline.logs import log_event
from pipeline.spec import CostEntry


class CostLedger:
    """Thread-safe list of :class:`CostEntry` (clips are generated in parallel)."""

    def __init__(self, generation_id: int | None = None) -> None:
        self._entries: list[CostEntry] = []
        self._lock = threading.Lock()
        self.generation_id = generation_id

    def add(self, stage: str, provider: str, amount: float, detail: str = "") -> None:
        entry = CostEntry(stage=stage, provider=provider, amount=max(0.0, amount), detail=detail)
        with self._lock:
            self._entries.append(entry)
        log_event(
            "cost_tracked",
            f"{stage}: ${entry.amount:.4f} ({provider})",
            stage=stage,
            generation_id=self.generation_id,
            provider=provider,
            amount=entry.amount,
            detail=detail,
        )

    def extend(self, entries: list[CostEntry]) -> None:
        """Add entries another process already logged (the drawing process's clip costs)."""
        with self._lock:
            self._entries.extend(entries)

    @property
    def entries(self) -> list[CostEntry]:
        with self._lock:
            return list(self._entries)

    @property
    def total(self) -> float:
        return round(sum(e.amount for e in self.entries), 6)

    def as_json(self) -> list[dict[str, object]]:
        return [e.model_dump() for e in self.entries]

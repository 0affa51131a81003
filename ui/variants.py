"""Variants and quotes on the pages: the "Make variants" control and the price before
Generate (Create), the group side by side, the group in the gallery, estimate vs cost (plan)."""

from __future__ import annotations

from typing import Any

import streamlit as st

from pipeline import quote, variant_groups, variants
from pipeline.runtime.services import Runtime
from pipeline.store.db import Generation
from ui import widgets
from ui.format import as_utc, money, plain

COUNT = "create_variant_count"


def control() -> None:
    """How many ads to make from the prompt (1-4), with what they differ in."""
    st.number_input(
        "Variants",
        min_value=1,
        max_value=variants.MAX_VARIANTS,
        value=1,
        step=1,
        key=COUNT,
        help="Make up to 4 ads from this prompt to A/B test: each tries another hook, "
        "framework, call to action, music and palette. Each counts as one generation.",
    )


def count() -> int:
    return int(st.session_state.get(COUNT) or 1)


def quote_note(runtime: Runtime, user_id: int) -> None:
    """The estimated cost and time, when a paid provider is selected, and the budget left."""
    from ui import formats as formats_ui

    settings = runtime.settings
    if not quote.is_paid(settings):
        return
    asked = formats_ui.request()  # the formats and length chosen above
    shapes = asked.get("formats") or ("9:16",)
    length = asked.get("duration_s")
    got = quote.estimate(
        settings,
        variants=count(),
        formats=len(shapes),  # type: ignore[arg-type]
        duration_s=float(length) if isinstance(length, int | float) else None,
    )
    text = got.summary()
    with runtime.sessions() as session:
        left = quote.budget_left(session, settings, user_id)
    if left is not None:
        text += f" {money(left)} of this month's budget is left."
    st.caption(text, help=" · ".join(f"{x.item} {money(x.usd)}" for x in got.lines))


def start(runtime: Runtime, user_id: int, prompt: str, **options: Any) -> int:
    """Start the chosen number of variants (or one ad); the id of the one to show (A)."""
    if count() <= 1:
        from pipeline.runtime import jobs

        return jobs.start(runtime, user_id, prompt, **options)
    started = variant_groups.start_group(runtime, user_id, prompt, count(), **options)
    return started.generation_ids[0]


def group_panel(runtime: Runtime, user_id: int, generation_id: int) -> None:
    """The other ads of ``generation_id``'s group beside it, each with its label."""
    with runtime.sessions() as session:
        rows = variants.group_of(session, generation_id, user_id)
        named = variants.labels(session, [r.id for r in rows])
    if len(rows) < 2:
        return
    if any(r.is_active for r in rows):
        _group_progress(runtime, user_id, generation_id)
        return
    st.subheader("Variants side by side", anchor=False)
    for column, row in zip(st.columns(len(rows)), rows, strict=True):
        with column:
            st.markdown(f"**{plain(named[row.id][1])}**")
            if row.status == "completed":
                widgets.video_player(row)
                st.caption(f"{money(row.cost)}")
            else:
                st.caption(plain(row.error or row.status))


@st.fragment(run_every=2)
def _group_progress(runtime: Runtime, user_id: int, generation_id: int) -> None:
    with runtime.sessions() as session:
        rows = variants.group_of(session, generation_id, user_id)
        named = variants.labels(session, [r.id for r in rows])
    if not any(r.is_active for r in rows):
        st.rerun()
    for column, row in zip(st.columns(len(rows)), rows, strict=True):
        with column:
            st.caption(plain(named[row.id][1]))
            st.progress(int(row.progress or 0) / 100, text=plain(row.current_step or ""))


def gallery_order(runtime: Runtime, rows: list[Generation]) -> dict[int, str]:
    """Put each group's ads together (A first, where its newest ad was) in ``rows``;
    returns generation id -> its variant label, for the cards."""
    with runtime.sessions() as session:
        named = variants.labels(session, [r.id for r in rows])
    placed: dict[int, list[Generation]] = {}
    order: list[Any] = []
    for row in rows:
        group = named.get(row.id, (None, ""))[0]
        if group is None:
            order.append(row)
        elif group not in placed:
            placed[group] = [row]
            order.append(placed[group])
        else:
            placed[group].append(row)
    rows[:] = [
        r
        for item in order
        for r in (sorted(item, key=lambda g: named[g.id][1]) if isinstance(item, list) else [item])
    ]
    return {gid: f"Variant {label}" for gid, (_group, label) in named.items()}


def card_note(labels: dict[int, str], row: Generation) -> None:
    """A gallery card's variant label, if it is one."""
    if row.id in labels:
        st.caption(plain(labels[row.id]))


def estimate_line(runtime: Runtime, row: Generation) -> None:
    """Estimate and recorded cost in one line (plan page)."""
    with runtime.sessions() as session:
        stored = quote.stored(session, row.id)  # the row was read as its owner
    if stored is None:
        return
    made = ""
    if row.started_at and row.completed_at:
        took = (as_utc(row.completed_at) - as_utc(row.started_at)).total_seconds()
        made = f" in {quote.minutes(took)}"
    st.caption(
        f"Estimated {money(stored.estimate_micros / 1_000_000)} and about "
        f"{quote.minutes(stored.estimate_s)} · recorded {money(row.cost)}{made}"
    )

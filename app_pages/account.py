"""Account: spending, this hour's generations against the limit, and log out."""

from __future__ import annotations

import streamlit as st

from pipeline import quote
from pipeline.runtime import jobs
from pipeline.store import repository
from pipeline.store.db import utcnow
from ui import auth, widgets
from ui.format import cost_label, limit_message, money, plain, plural, when
from ui.runtime import get_runtime

runtime = get_runtime()
user = auth.require_user()
tz = widgets.user_zone()

with runtime.sessions() as session:
    row = repository.get_user_by_id(session, user.id)
    generations = repository.list_generations(session, user.id)
used, limit = jobs.usage(runtime, user.id)

st.title("Account")
st.markdown(f"**{plain(row.name or row.username)}** · {plain(row.username)}")
if row.email:
    st.caption(plain(row.email))

spent, hour, made = st.columns(3)
spent.metric("Total cost", cost_label(row.total_cost))
hour.metric("This hour", f"{used} / {limit}")
made.metric("Ads made", sum(1 for g in generations if g.status == "completed"))

if used >= limit:
    slot = jobs.next_slot(runtime, user.id)
    st.warning(limit_message(limit, slot, utcnow(), tz), icon=":material/hourglass_top:")
else:
    st.caption(
        f"You can start {plural(limit - used, 'more generation')} in the rolling hour "
        f"(limit {limit} per hour)."
    )

budget = runtime.settings.monthly_budget_usd
if budget is not None:  # ADSTUDIO_MONTHLY_BUDGET_USD: spend against it this calendar month
    with runtime.sessions() as session:
        left = quote.budget_left(session, runtime.settings, user.id) or 0.0
    reset = quote.next_reset(utcnow())
    st.progress(
        min(1.0, (budget - left) / budget) if budget else 1.0,
        text=f"This month: {money(budget - left)} of your {money(budget)} budget, "
        f"{money(left)} left until {reset.day} {reset:%B %Y} (UTC)",
    )

st.divider()
st.caption(f"Member since {when(row.created_at, tz)}")
if st.button("Log out", key="account_logout", icon=":material/logout:", type="primary"):
    auth.logout(runtime)

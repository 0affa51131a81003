"""The Create page's teaching: example prompts of different kinds and what makes a good one."""

from __future__ import annotations

import streamlit as st

PLACEHOLDER = "Product, offer, audience and what viewers should do, in a sentence or two"
#: One-click examples of different kinds: (chip label, prompt).
EXAMPLES = (
    ("Sneaker drop", "ZephyrRun trail shoes for young runners: 20% off in launch week, "
     "bold and energetic, shop now"),
    ("Local café", "Cozy neighbourhood café in Lisbon: fresh pastries and flat whites, "
     "warm morning mood, visit us today"),
    ("SaaS app", "TaskNest planning app for small agencies: plan a week in 5 minutes, "
     "free 14-day trial, calm and clean"),
    ("Luxury watch", "Luxury Swiss watch for Instagram: elegant and dark, limited edition "
     "of 500, book a private fitting"),
    ("Fitness class", "Morning HIIT classes at Pulse Gym for busy parents: first class "
     "free, upbeat, sign up now"),
)  # fmt: skip
HINT = (
    "A good prompt names the **product**, the **offer**, **who it is for** and what viewers "
    "should **do** (the call to action). A mood or platform helps too."
)


def _use(key: str, prompt: str) -> None:
    st.session_state[key] = prompt


def chips(prompt_key: str) -> None:
    """One button per example; a click puts its prompt in the ``prompt_key`` text area."""
    with st.container(horizontal=True, gap="small"):
        for i, (label, prompt) in enumerate(EXAMPLES):
            st.button(
                label, key=f"example_{i}", on_click=_use, args=(prompt_key, prompt),
                icon=":material/lightbulb:", help=prompt, width="content",
            )  # fmt: skip

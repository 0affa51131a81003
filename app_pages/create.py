"""Create: describe the ad, watch it being made (progress, cancel), play and download it."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import streamlit as st

from pipeline import eta, jobs, repository
from pipeline.db import Generation, utcnow
from pipeline.errors import InputError, NotFoundError, RateLimitError
from pipeline.voice import voices
from ui import auth, examples, widgets
from ui import brand_kit as brand_kit_ui
from ui import formats as formats_ui
from ui import storyboard as storyboard_ui
from ui import variants as variants_ui
from ui.format import (
    ago,
    as_utc,
    clock,
    cost_label,
    duration,
    limit_message,
    plain,
    stage_label,
    status_of,
    time_left,
)
from ui.runtime import get_runtime

SHOWN = "create_shown_generation"  # the generation this page displays
PROMPT = "create_prompt"
NOTICE = "create_notice"
VOICE_ON = "create_voice_on"
VOICE_NAME = "create_voice_name"
WEIGHTS = "create_weights"  # (generation id, eta.Weights) read once per shown generation
TERMINAL = ("completed", "failed")

runtime = get_runtime()
user = auth.require_user()
tz = widgets.user_zone()


def shown_generation() -> int | None:
    """The generation on display: this session's, else the user's newest running one."""
    generation_id = st.session_state.get(SHOWN)
    if generation_id is None:
        with runtime.sessions() as session:
            generation_id = repository.newest_active_generation(session, user.id)
        st.session_state[SHOWN] = generation_id
    return generation_id


def load(generation_id: int) -> Generation | None:
    try:
        with runtime.sessions() as session:
            return repository.get_generation(session, generation_id, user.id)
    except NotFoundError:
        st.session_state[SHOWN] = None
        return None


def voice_choices() -> list[str]:
    """The voices the settings' speech provider offers ("" = the ad language's own voice)."""
    provider = runtime.settings.tts_provider.strip().lower()
    if provider == "openai":
        return list(voices.OPENAI_VOICES)
    if provider == "piper":
        return ["", *(v.name for v in voices.VOICES if voices.installed(v))]
    return []


def voice_request() -> dict[str, object]:
    """What the voice controls ask for: on/off and a voice (None: the default one)."""
    return {
        "enabled": bool(st.session_state.get(VOICE_ON, True)),
        "voice": st.session_state.get(VOICE_NAME) or None,
    }


def voice_controls() -> None:
    choices = voice_choices()
    if not choices:
        st.caption("Voice-over is off on this server: ads get captions and music.")
        return
    on, name = st.columns([1, 2], vertical_alignment="center")
    on.toggle("Voice-over", value=True, key=VOICE_ON, help="Spoken script with captions")
    name.selectbox(
        "Voice",
        choices,
        key=VOICE_NAME,
        format_func=lambda v: v or "The ad language's own voice",
        disabled=not st.session_state.get(VOICE_ON, True),
        label_visibility="collapsed",
    )


def captions_downloads(row: Generation) -> None:
    """The .srt and .vtt sidecars of the user's own ad (the row was read as its owner)."""
    for kind, path in sorted((row.captions or {}).items()):
        file = Path(str(path))
        if file.is_file():
            st.download_button(
                f"Captions (.{kind})",
                data=file.read_bytes(),
                file_name=f"adstudio-{row.id}.{kind}",
                mime="text/vtt" if kind == "vtt" else "application/x-subrip",
                key=f"captions_{kind}_{row.id}",
                on_click="ignore",
                icon=":material/closed_caption:",
                width="stretch",
            )


def voice_note(row: Generation) -> None:
    said = row.voice or {}
    if said.get("voice"):
        st.caption(f"Voice: {plain(str(said['voice']))} · {float(said.get('seconds') or 0):.1f} s")
    elif said.get("reason"):
        st.caption(plain(str(said["reason"])))


def start(prompt: str) -> None:
    try:
        generation_id = variants_ui.start(
            runtime, user.id, prompt, voice=voice_request(), kit_id=brand_kit_ui.chosen(),
            **formats_ui.request(),  # type: ignore[arg-type]
        )  # fmt: skip
    except RateLimitError as exc:
        st.session_state[NOTICE] = ("warning", rate_limit_message(exc))
    except (InputError, NotFoundError) as exc:
        st.session_state[NOTICE] = ("error", exc.message)
    else:
        st.session_state[SHOWN] = generation_id
        st.session_state.pop(NOTICE, None)


def rate_limit_message(exc: RateLimitError) -> str:
    slot = exc.retry_at if isinstance(exc.retry_at, datetime) else jobs.next_slot(runtime, user.id)
    return limit_message(runtime.settings.rate_limit_per_hour, slot, utcnow(), tz)


def restore_prompt(row: Generation | None) -> None:
    """After a reload the session is new: the running generation's prompt comes back."""
    if row is not None and row.is_active and not st.session_state.get(PROMPT):
        st.session_state[PROMPT] = row.prompt


def weights_for(generation_id: int) -> eta.Weights:
    cached = st.session_state.get(WEIGHTS)
    if cached is None or cached[0] != generation_id:
        with runtime.sessions() as session:
            cached = (generation_id, eta.measured_weights(session))
        st.session_state[WEIGHTS] = cached
    return cached[1]


def edit_prompt(prompt: str) -> None:
    st.session_state[PROMPT] = prompt
    st.session_state[SHOWN] = None


def show(generation_id: int) -> None:
    st.session_state[SHOWN] = generation_id


def dismiss() -> None:
    st.session_state[SHOWN] = None


def cancel(generation_id: int) -> None:
    jobs.cancel(runtime, user.id, generation_id)


def queue_note(position: int) -> str:
    """What a waiting generation's place in line means for the user."""
    ahead = "Yours is next" if position == 1 else f"{position - 1} ads are ahead of yours"
    return f"{ahead}: other ads are being made. It starts by itself; you can leave this page."


@st.fragment(run_every=2)
def progress_panel(generation_id: int) -> None:
    """Polls the row every 2 s; a finished generation reruns the page to show the result."""
    with runtime.sessions() as session:
        status = repository.read_status(session, generation_id, user.id)
    if status["status"] in TERMINAL:
        st.rerun()
    now = utcnow()
    started = status["started_at"]
    elapsed = (now - as_utc(started)).total_seconds() if started else 0.0
    guess = eta.estimate(int(status["progress"] or 0), elapsed, weights_for(generation_id))
    with st.container(border=True):
        st.subheader("Making your ad", anchor=False)
        if status["queue_position"] or not started:
            st.progress(0, text="Waiting in line")
        else:
            st.progress(
                guess.percent / 100, text=f"{guess.percent}% · {time_left(guess.seconds_left)}"
            )
        step, action = st.columns([3, 1], vertical_alignment="center")
        step.markdown(f"**{plain(status['current_step'] or 'Starting')}**")
        if started:
            step.caption(f"Elapsed {clock(elapsed)}")
        if status["queue_position"]:
            st.caption(queue_note(int(status["queue_position"])))
        if status["cancellation_requested"]:
            action.button("Cancelling...", disabled=True, key="cancel_pending")
        else:
            action.button(
                "Cancel",
                key="cancel_generation",
                icon=":material/stop_circle:",
                on_click=cancel,
                args=(generation_id,),
                width="stretch",
            )


def result_actions(row: Generation) -> None:
    """Download first (a phone sees it without scrolling), then edit, variants, link."""
    widgets.download_button(row, key=f"download_{row.id}")
    with st.container(horizontal=True, gap="medium"):
        st.page_link(
            "app_pages/plan.py", label="Edit", icon=":material/edit:",
            query_params={"id": str(row.id)},
        )  # fmt: skip
        st.page_link(
            "app_pages/plan.py", label="Make variants", icon=":material/dynamic_feed:",
            query_params={"id": str(row.id), "variants": "1"},
        )  # fmt: skip
    st.caption("Link to this ad")
    st.code(widgets.share_link(row.id), language=None, wrap_lines=True)


def result_panel(row: Generation) -> None:
    with st.container(border=True):
        st.subheader("Your ad is ready", anchor=False)
        facts = [duration(row.duration_s), cost_label(row.cost)]
        if row.started_at and row.completed_at:
            made_in = (as_utc(row.completed_at) - as_utc(row.started_at)).total_seconds()
            facts.append(f"made in {duration(made_in)}, {ago(row.completed_at, utcnow(), tz)}")
        st.caption(" · ".join(facts))
        details, player = st.columns([2, 3], gap="medium")
        with details:
            result_actions(row)
        with player:
            widgets.video_player(row, preview=True)
        with details:
            captions_downloads(row)
            voice_note(row)
            st.button(
                "Make another",
                key="make_another",
                on_click=dismiss,
                icon=":material/add:",
                width="stretch",
            )
        formats_ui.videos(row)


def failure_panel(row: Generation) -> None:
    with st.container(border=True):
        if status_of(row.status, row.error) == "cancelled":
            st.info("The generation was cancelled.", icon=":material/cancel:")
        else:
            st.error(
                f"The generation failed during {stage_label(row.error_stage).lower()}: "
                f"{plain(row.error or 'unknown error')}",
                icon=":material/error:",
            )
        again, edit, close = st.columns(3)
        again.button(
            "Try again",
            key="try_again",
            type="primary",
            icon=":material/refresh:",
            on_click=start,
            args=(row.prompt,),
        )
        edit.button(
            "Edit the prompt",
            key="edit_prompt",
            on_click=edit_prompt,
            args=(row.prompt,),
            icon=":material/edit:",
        )
        close.button("Dismiss", key="dismiss", on_click=dismiss)


# --- page ---------------------------------------------------------------------------------

st.title("Create an ad")

generation_id = shown_generation()
row = load(generation_id) if generation_id is not None else None
running = row is not None and row.is_active
restore_prompt(row)

if row is not None:  # what is being made (or was just made) comes first, then a new prompt
    if running:
        progress_panel(row.id)
        storyboard_ui.planned_preview(runtime, user.id, row.id)
    elif row.status == "completed":
        result_panel(row)
    else:
        failure_panel(row)
    variants_ui.group_panel(runtime, user.id, row.id)
    st.caption("Prompt")
    st.markdown(plain(row.prompt))
else:
    st.caption(
        "Describe the product and the feel you want. Adstudio writes the script, plans the "
        "scenes and renders a 15- or 30-second video in every format you pick."
    )

prompt = st.text_area(
    "Your prompt",
    key=PROMPT,
    max_chars=jobs.MAX_PROMPT,
    height=110,
    placeholder=examples.PLACEHOLDER,
    persist_state="session",
)
length = len(jobs.clean_prompt(prompt or ""))
hint = f"{length} / {jobs.MAX_PROMPT} characters"
if 0 < length < jobs.MIN_PROMPT:
    hint += f" · at least {jobs.MIN_PROMPT} needed"
voice_controls()
formats_ui.controls(prompt or "")
variants_ui.control()  # 1-4 ads to A/B test
variants_ui.quote_note(runtime, user.id)  # the price before Generate (paid providers)
counter, button = st.columns([3, 1], vertical_alignment="center")
counter.caption(hint)
if button.button(
    "Generate",
    key="generate",
    type="primary",
    icon=":material/movie:",
    disabled=running,
    width="stretch",
    help="Wait for the running generation to finish or cancel it." if running else None,
):
    start(prompt or "")
    if st.session_state.get(NOTICE) is None:
        st.rerun()

storyboard_ui.create_section(runtime, user.id, prompt or "", show)  # "Storyboard first"

notice = st.session_state.pop(NOTICE, None)
if notice:
    kind, message = notice
    (st.warning if kind == "warning" else st.error)(plain(message), icon=":material/info:")
else:
    used, limit = jobs.usage(runtime, user.id)
    if used >= limit:
        slot = jobs.next_slot(runtime, user.id)
        st.warning(limit_message(limit, slot, utcnow(), tz), icon=":material/hourglass_top:")

if not running:
    st.caption("Try an example")
    examples.chips(PROMPT)
    st.caption(examples.HINT)
brand_kit_ui.section(runtime, user.id)  # the logo and product photos the next ad uses

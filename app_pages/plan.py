"""Scene plan: inspect one generation, notebook-style, from prompt to finished video."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import streamlit as st
from pydantic import ValidationError

from pipeline import repository
from pipeline.db import Generation
from pipeline.errors import NotFoundError
from pipeline.spec import AdSpecification, ScenePlan
from ui import auth, widgets
from ui import formats as formats_ui
from ui import storyboard as storyboard_ui
from ui import variants as variants_ui
from ui.format import (
    cost_label,
    duration,
    money,
    plain,
    shorten,
    stage_label,
    status_of,
    when,
)
from ui.runtime import get_runtime

runtime = get_runtime()
user = auth.require_user()
tz = widgets.user_zone()


def requested_id() -> int | None:
    raw = st.query_params.get("id")
    if raw is None:
        return None
    # Only a positive id that fits the database's integer; anything else names no ad.
    if not raw.isascii() or not raw.isdigit() or len(raw) > 18:
        return -1
    return int(raw)


def choose(rows: list[Generation], current: int | None) -> int | None:
    """A picker over the user's generations (newest first); ``?id=`` names the one shown."""
    if not rows:
        return current
    if current is None:
        current = rows[0].id
    ids = [r.id for r in rows]
    labels = {r.id: f"#{r.id} · {shorten(r.prompt, 60)}" for r in rows}
    picked = st.selectbox(
        "Generation",
        ids,
        index=ids.index(current) if current in ids else None,
        format_func=labels.__getitem__,
        key=f"plan_pick_{current}",  # a new id (from the gallery) resets the picker
        placeholder="Choose a generation",
    )
    if picked is not None and picked != current:
        st.query_params["id"] = str(picked)
        st.rerun()
    return current


def specification_section(data: dict[str, Any]) -> None:
    st.header("1 · Ad specification", anchor=False)
    try:
        spec = AdSpecification.model_validate(data)
    except ValidationError:
        st.json(data, expanded=False)
        return
    brand, ad = spec.brand, spec.ad
    st.subheader("Brand", anchor=False)
    st.markdown(
        f"**{plain(brand.brand_name) or 'No brand name'}** · tone: {plain(brand.tone)} · "
        f"font style: {plain(brand.font_style)}"
    )
    colors = [
        ("Primary", brand.primary_color),
        ("Secondary", brand.secondary_color),
        ("Accent", brand.accent_color),
        ("Text", brand.text_color),
    ]
    st.image(widgets.palette(tuple(value for _, value in colors)), width=416)
    st.caption(" · ".join(f"{name} {plain(value)}" for name, value in colors))
    st.subheader(f"Framework: {spec.framework}", anchor=False)
    st.markdown(plain(spec.framework_reason))
    st.subheader("Brief", anchor=False)
    st.dataframe(
        [
            {"Field": "Product", "Value": ad.product},
            {"Field": "Category", "Value": ad.product_category},
            {"Field": "Audience", "Value": ad.target_audience},
            {"Field": "Platform", "Value": ad.platform},
            {"Field": "Mood", "Value": ad.mood},
            {"Field": "Visual style", "Value": ad.visual_style},
            {"Field": "Key benefits", "Value": "; ".join(ad.key_benefits)},
            {"Field": "Offer", "Value": ad.offer or "-"},
            {"Field": "Call to action", "Value": ad.call_to_action},
        ],
        hide_index=True,
        width="stretch",
    )
    facts = spec.facts.rows()
    st.subheader("Facts read from the prompt", anchor=False)
    if facts:
        st.dataframe(
            [{"Fact": label, "As written": value} for label, value in facts],
            hide_index=True,
            width="stretch",
        )
    else:
        st.caption("The prompt states no facts beyond the product.")
    st.subheader("Copy", anchor=False)
    st.dataframe(
        [{"Beat": b.beat, "Headline": b.headline, "Visual": b.visual} for b in spec.beats],
        hide_index=True,
        width="stretch",
    )


def scenes_section(data: dict[str, Any], clips: list[dict[str, Any]]) -> None:
    st.header("2 · Scenes", anchor=False)
    try:
        plan = ScenePlan.model_validate(data)
    except ValidationError:
        st.json(data, expanded=False)
        return
    st.caption(
        f"{len(plan.scenes)} scenes · {plan.framework} · {plan.total_duration_s:.1f} s after "
        f"{plan.crossfade_s:.1f} s crossfades · {plan.width}x{plan.height} at {plan.fps} fps"
    )
    st.dataframe(
        [
            {
                "Scene": s.index + 1,
                "Type": s.scene_type,
                "Length": duration(s.duration_s),
                "Visual prompt": s.visual_prompt,
                "Overlay text": s.overlay.text if s.overlay else "",
                "Position": s.overlay.position if s.overlay else "",
                "Animation": s.overlay.animation if s.overlay else "",
            }
            for s in plan.scenes
        ],
        hide_index=True,
        width="stretch",
    )
    by_scene = {int(c.get("scene_index", -1)): c for c in clips}
    if not by_scene:
        return
    st.subheader("Clips", anchor=False)
    columns = st.columns(min(len(plan.scenes), 3))
    for scene in plan.scenes:
        clip = by_scene.get(scene.index)
        with columns[scene.index % len(columns)]:
            path = Path(str(clip.get("path", ""))) if clip else None
            if clip and path is not None and path.is_file():
                st.video(str(path))
                st.caption(
                    f"Scene {scene.index + 1} · {scene.scene_type} · "
                    f"{duration(clip.get('duration_s'))} · {plain(str(clip.get('provider', '')))}"
                    f" · {money(clip.get('cost'))}"
                )
            else:
                st.caption(f"Scene {scene.index + 1}: no clip kept")


def sound_section(mix: dict[str, Any]) -> None:
    st.header("3 · Music and sound", anchor=False)
    title = plain(str(mix.get("music_title") or "")) or "Untitled track"
    st.markdown(f"**Music:** {title} · {plain(str(mix.get('music_track', '')))}")
    effects = [plain(str(name)) for name in mix.get("sfx") or []]
    st.markdown(
        "**Sound effects at the transitions:** " + (", ".join(effects) if effects else "none")
    )
    lufs, peak = mix.get("integrated_lufs"), mix.get("true_peak_dbtp")
    if lufs is not None and peak is not None:
        st.caption(f"Loudness {float(lufs):.1f} LUFS integrated, {float(peak):.1f} dBTP true peak")


def voice_section(voice: dict[str, Any]) -> None:
    """What the voice-over says over each scene (read-only), and who speaks it."""
    st.subheader("Voice-over", anchor=False)
    if voice.get("voice"):
        st.caption(
            f"{plain(str(voice.get('engine') or ''))} · voice {plain(str(voice['voice']))} · "
            f"{float(voice.get('seconds') or 0):.1f} s of speech"
        )
    else:
        reason = plain(str(voice.get("reason") or "No voice-over."))
        st.info(reason, icon=":material/voice_over_off:")
    lines = voice.get("script") or []
    st.dataframe(
        [{"Scene": i + 1, "Script": str(text)} for i, text in enumerate(lines)],
        hide_index=True,
        width="stretch",
    )


def numbers_section(row: Generation) -> None:
    st.header("4 · Timings and cost", anchor=False)
    timings, costs = st.columns(2, gap="medium")
    with timings:
        st.subheader("Stage timings", anchor=False)
        if row.stage_timings:
            st.dataframe(
                [
                    {"Stage": stage_label(k), "Time": duration(float(v))}
                    for k, v in row.stage_timings.items()
                ],
                hide_index=True,
                width="stretch",
            )
            st.caption(f"Total {duration(sum(float(v) for v in row.stage_timings.values()))}")
        else:
            st.caption("No stage has finished.")
    with costs:
        st.subheader("Cost breakdown", anchor=False)
        if row.cost_breakdown:
            st.dataframe(
                [
                    {
                        "Stage": stage_label(e.get("stage")),
                        "Provider": e.get("provider", ""),
                        "Amount": money(e.get("amount")),
                        "Detail": e.get("detail", ""),
                    }
                    for e in row.cost_breakdown
                ],
                hide_index=True,
                width="stretch",
            )
        st.caption(f"Total {money(row.cost)}")
        variants_ui.estimate_line(runtime, row)


# --- page ---------------------------------------------------------------------------------

st.title("Scene plan")
with runtime.sessions() as session:
    rows = repository.list_generations(session, user.id)
generation_id = choose(rows, requested_id())
if generation_id is None:
    st.info("No generations yet. Make one on the Create page.", icon=":material/movie:")
    st.stop()
try:
    with runtime.sessions() as session:
        row = repository.get_generation(session, generation_id, user.id)
except NotFoundError:
    st.error(
        "No ad with that id. Choose one above or open the Gallery.", icon=":material/search_off:"
    )
    st.stop()

with st.container(border=True):
    widgets.status_badge(row)
    st.caption("Prompt")
    st.markdown(plain(row.prompt))
    info = [
        f"Created {when(row.created_at, tz)}",
        f"cost {cost_label(row.cost)}",
        f"length {duration(row.duration_s)}",
        f"seed {row.seed}",
    ]
    if row.llm_provider or row.video_provider:
        info.append(f"providers {plain(row.llm_provider)} + {plain(row.video_provider)}")
    st.caption(" · ".join(info))

status = status_of(row.status, row.error)
if status == "failed":
    st.error(
        f"Failed during **{stage_label(row.error_stage)}**: {plain(row.error or 'unknown error')}",
        icon=":material/error:",
    )
elif status == "cancelled":
    st.info(f"Cancelled during {stage_label(row.error_stage).lower()}.", icon=":material/cancel:")
elif row.queue_position:
    st.info(
        f"Waiting in line (position {row.queue_position}): it starts by itself when a "
        "running ad finishes.",
        icon=":material/hourglass_top:",
    )
elif row.is_active:
    st.info(
        f"Still running: {row.progress}% · {plain(row.current_step)}. "
        "Reload this page to see the stages finished so far.",
        icon=":material/progress_activity:",
    )

if row.status == "completed":  # the download first: a phone shows it above the player
    side, player = st.columns([2, 3], gap="medium")
    with side:
        widgets.download_button(row, key=f"plan_download_{row.id}")
        widgets.thumbnail(row, width=120)
    with player:
        widgets.video_player(row)
    formats_ui.videos(row)  # every format's player and download
    storyboard_ui.edit_section(runtime, user.id, row.id)
storyboard_ui.versions_section(runtime, user.id, row.id)

if row.llm_specification:
    specification_section(row.llm_specification)
if row.scene_plan:
    scenes_section(row.scene_plan, row.clips or [])
if row.audio_mix:
    sound_section(row.audio_mix)
if row.voice and "script" in row.voice:
    voice_section(row.voice)
numbers_section(row)

with st.expander("Raw data (JSON)"):
    st.json(
        {
            "specification": row.llm_specification,
            "scene_plan": row.scene_plan,
            "audio_mix": row.audio_mix,
            "voice": row.voice,
        },
        expanded=False,
    )

"""Formatting for the pages: money, times, stage names, and text made safe for markdown.

Pure functions (no Streamlit), so they are easy to test.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

# Everything CommonMark lets a backslash escape that could start markup, plus Streamlit's
# own syntax: ":" (colored text, icons, emoji shortcodes) and "$" (LaTeX).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&=^\"'])")

STAGE_LABELS = {
    "startup": "Start-up",
    "llm_enhancement": "Ad specification (LLM)",
    "scene_planning": "Scene planning",
    "video_generation": "Video clips",
    "overlays": "Text overlays",
    "stitching": "Stitching",
    "audio": "Music and sound",
    "export": "Export",
}

STATUS_LABELS = {
    "pending": ("Queued", "gray"),
    "processing": ("Generating", "blue"),
    "completed": ("Ready", "green"),
    "failed": ("Failed", "red"),
    "cancelled": ("Cancelled", "orange"),
}

CANCELLED_MESSAGE = "Cancelled by user"


def plain(text: str | None) -> str:
    """``text`` escaped so that markdown shows it literally (no links, HTML, styling)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text or "")


def money(usd: float | None) -> str:
    """US dollars: "$0.00", "$1.25", or more digits for amounts under a cent."""
    value = float(usd or 0.0)
    if value == 0:
        return "$0.00"
    if abs(value) < 0.01:
        return f"${value:.4f}"
    return f"${value:,.2f}"


def seconds(value: float | None) -> str:
    """A duration such as "15.0 s" (or "-" when unknown)."""
    if value is None:
        return "-"
    return f"{value:.1f} s"


def clock(total_seconds: float) -> str:
    """Elapsed time as "m:ss" (or "h:mm:ss" past an hour)."""
    whole = max(0, int(total_seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def as_utc(value: datetime) -> datetime:
    """SQLite gives naive datetimes; they were stored in UTC."""
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def zone(name: str | None) -> ZoneInfo | None:
    """The browser's time zone if it is a valid IANA name, else None (UTC)."""
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def when(value: datetime | None, tz: ZoneInfo | None = None, *, time_only: bool = False) -> str:
    """A date-time in the user's zone ("24 Nov 2025, 14:05"), marked "UTC" when unknown."""
    if value is None:
        return "-"
    local = as_utc(value).astimezone(tz or UTC)
    text = local.strftime("%H:%M" if time_only else "%d %b %Y, %H:%M")
    return text if tz else f"{text} UTC"


def status_of(status: str, error: str | None) -> str:
    """The status a user sees: failures caused by a cancel read as "cancelled"."""
    if status == "failed" and error == CANCELLED_MESSAGE:
        return "cancelled"
    return status


def stage_label(stage: str | None) -> str:
    """A readable name for a pipeline stage."""
    if not stage:
        return "an unknown stage"
    return STAGE_LABELS.get(stage, stage.replace("_", " ").capitalize())


def shorten(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters at a word boundary, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] if " " in text[: limit - 1] else text[: limit - 1]
    return cut.rstrip(" ,.;:") + "…"


def plural(count: int, word: str) -> str:
    """ "1 generation", "3 generations"."""
    return f"{count} {word}{'' if count == 1 else 's'}"


def limit_message(limit: int, slot: datetime | None, now: datetime, tz: ZoneInfo | None) -> str:
    """What a user reads when the hourly limit is reached: when the next slot frees."""
    text = f"You have used all {plural(limit, 'generation')} of this hour."
    if slot is None:
        return text
    minutes = max(1, round((as_utc(slot) - as_utc(now)).total_seconds() / 60))
    return (
        f"{text} The next slot frees at {when(slot, tz, time_only=True)} "
        f"(in about {plural(minutes, 'minute')})."
    )


def duration(value: float | None) -> str:
    """A length people read: "0.7 s", "15 s", "1 min 05 s" (or "-" when unknown)."""
    if value is None:
        return "-"
    if value < 10:
        return f"{value:.1f} s"
    whole = round(value)
    if whole < 60:
        return f"{whole} s"
    minutes, secs = divmod(whole, 60)
    return f"{minutes} min {secs:02d} s"


def time_left(value: float | None) -> str:
    """An estimate of the time left: "about 20 s left", "about 3 min left"."""
    if value is None:
        return "estimating the time left"
    if value < 5:
        return "almost done"
    if value < 60:
        return f"about {5 * round(value / 5)} s left"
    return f"about {round(value / 60)} min left"


def cost_label(usd: float | None) -> str:
    """What an ad cost, or "free (offline)" when nothing was paid."""
    return money(usd) if float(usd or 0.0) > 0 else "free (offline)"


def ago(value: datetime | None, now: datetime, tz: ZoneInfo | None = None) -> str:
    """A date-time relative to ``now``: "just now", "5 min ago", "3 h ago", else the date."""
    if value is None:
        return "-"
    minutes = int((as_utc(now) - as_utc(value)).total_seconds() // 60)
    if 0 <= minutes < 1:
        return "just now"
    if 0 <= minutes < 60:
        return f"{minutes} min ago"
    if 0 <= minutes < 12 * 60:
        return f"{minutes // 60} h ago"
    return when(value, tz)

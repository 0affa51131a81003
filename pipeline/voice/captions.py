"""Word-synced captions: 1-2 short lines, the spoken word in the brand accent, as PNG states.

Words are grouped into captions of at most two lines of ``LINE_CHARS`` characters, broken
at sentence ends and pauses. Each (caption, active word) state is one RGBA PNG the size of
the 9:16 safe area, so a single overlay input (an ffconcat list, :func:`write_concat`) shows
them all. The caption sits on a dark plate in the largest span of the safe area that the
scene's own text leaves free (:mod:`pipeline.voice.layout`: the headline's band and the
motion template's words); a scene with no such span shows no caption on the frame (the
``.srt``/``.vtt`` still carry it) and is listed in ``CaptionTrack.hidden``. Contrast is
guaranteed by construction: text and accent are checked against the plate over both a black
and a white background; an accent that fails is drawn as a pill behind the word instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from pipeline.media import ffmpeg, png_writer
from pipeline.media.colors import color_contrast, hex_rgb
from pipeline.spec import AdSpecification, ScenePlan
from pipeline.typography import fonts
from pipeline.typography.legibility import WCAG_AA, best_on
from pipeline.typography.roles import SafeArea, safe_area
from pipeline.voice.layout import SceneRoom, rooms
from pipeline.voice.models import Word

LINE_CHARS = 18
MAX_LINES = 2
PAUSE_S = 0.6  # a silence this long starts a new caption
HOLD_S = 0.3  # a caption stays this long after its last word
PLATE = "#000000"
PLATE_ALPHA = 0.78
FONT_PX = 64
MIN_FONT_PX = 40  # smaller than this (on a 1080-wide frame) a caption is not drawn


@dataclass(frozen=True)
class CaptionGroup:
    """One caption on screen: its words (timed), its lines, when it shows."""

    words: list[Word]
    lines: list[str]
    start_s: float
    end_s: float


@dataclass(frozen=True)
class CaptionFrame:
    """One PNG state: ``box`` is the plate's (left, top, right, bottom) on the frame."""

    png_path: str
    start_s: float
    end_s: float
    box: tuple[int, int, int, int]
    active: str


@dataclass
class CaptionTrack:
    """Every caption state of an ad; PNGs are ``area``-sized, drawn at its top-left corner."""

    area: SafeArea
    frames: list[CaptionFrame] = field(default_factory=list)
    text_color: str = "#FFFFFF"
    accent: str = "#FFFFFF"
    accent_as_pill: bool = False
    hidden: list[int] = field(default_factory=list)  # scenes with no room for a caption

    @property
    def active_text(self) -> str:
        """The spoken word's colour: the accent, or a colour that reads on the accent pill."""
        return best_on(self.accent, self.text_color) if self.accent_as_pill else self.accent


def _lines(words: list[str]) -> list[str]:
    lines: list[str] = []
    for w in words:
        if lines and len(lines[-1]) + 1 + len(w) <= LINE_CHARS:
            lines[-1] += " " + w
        else:
            lines.append(w)
    return lines


def group(words: list[Word]) -> list[CaptionGroup]:
    """Captions of at most two short lines, broken at sentence ends and pauses."""
    groups: list[list[Word]] = []
    for w in words:
        cur = groups[-1] if groups else None
        if cur is not None:
            ends_sentence = cur[-1].text[-1] in ".!?"
            paused = w.start_s - cur[-1].end_s > PAUSE_S
            fits = len(_lines([x.text for x in [*cur, w]])) <= MAX_LINES
            if fits and not ends_sentence and not paused:
                cur.append(w)
                continue
        groups.append([w])
    out: list[CaptionGroup] = []
    for i, g in enumerate(groups):
        nxt = groups[i + 1][0].start_s if i + 1 < len(groups) else g[-1].end_s + HOLD_S
        out.append(
            CaptionGroup(
                words=g,
                lines=_lines([w.text for w in g]),
                start_s=g[0].start_s,
                end_s=round(min(g[-1].end_s + HOLD_S, nxt), 3),
            )
        )
    return out


def _worst_contrast(color: str) -> float:
    """Contrast of ``color`` on the plate, over a black and over a white picture."""
    r, g, b = hex_rgb(PLATE)
    worst = 21.0
    for under in (0, 255):
        mix = [round(c * PLATE_ALPHA + under * (1 - PLATE_ALPHA)) for c in (r, g, b)]
        worst = min(worst, color_contrast(color, "#{:02X}{:02X}{:02X}".format(*mix)))
    return worst


def colours(spec: AdSpecification) -> tuple[str, str, bool]:
    """(text colour, accent colour, accent drawn as a pill) that all reach 4.5:1."""
    text = spec.brand.text_color if _worst_contrast(spec.brand.text_color) >= WCAG_AA else "#FFFFFF"
    accent = spec.brand.accent_color
    return text, accent, _worst_contrast(accent) < WCAG_AA


def _scene_at(plan: ScenePlan, t: float) -> int:
    start = 0.0
    for scene in plan.scenes:
        end = start + scene.duration_s - plan.crossfade_s
        if t < end:
            return scene.index
        start = end
    return len(plan.scenes) - 1


def _font(
    spec: AdSpecification, px: int, text: str
) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """The first bold face of the language's chain that has every character of ``text`` (else
    its first usable face). A face's character map is read only when it is tried: reading
    every face's (the CJK faces hold 20,000 characters each) took 0.23 s per ad."""
    needed = [ch for ch in text if not ch.isspace()]
    first = None
    for face in fonts.fallback_chain(bold=True, language=spec.language):
        if not fonts.available(face):
            continue
        if all(fonts.covers(face, ch) for ch in needed):
            return fonts.load(face, px, fonts.raqm_available())
        first = first or face
    return fonts.load(first or fonts.BUILTIN, px, fonts.raqm_available())


def _fit(
    spec: AdSpecification, g: CaptionGroup, px: int, min_px: int, room: tuple[int, int]
) -> tuple[ImageFont.FreeTypeFont | ImageFont.ImageFont, int, int, int, int] | None:
    """(font, px, pad, box width, box height) of the largest size that fits ``room``."""
    room_w, room_h = room
    while px >= min_px:
        font = _font(spec, px, " ".join(g.lines))
        widest = max(font.getlength(line) for line in g.lines)
        pad = round(px * 0.35)
        box_h = round(px * 1.25) * len(g.lines) + 2 * pad
        if widest + 2 * pad <= room_w and box_h <= room_h:
            return font, px, pad, round(widest) + 2 * pad, box_h
        px -= 2
    return None


def render(
    words: list[Word],
    spec: AdSpecification,
    plan: ScenePlan,
    workdir: Path,
    room: list[SceneRoom] | None = None,
) -> CaptionTrack:
    """Draw every caption state as a safe-area-sized PNG in ``workdir``, each in the span its
    scene leaves free (``room``, default :func:`pipeline.voice.layout.rooms`)."""
    area = safe_area(plan.width, plan.height)
    text, accent, pill = colours(spec)
    track = CaptionTrack(area=area, text_color=text, accent=accent, accent_as_pill=pill)
    room = room if room is not None else rooms(spec, plan, None)
    workdir.mkdir(parents=True, exist_ok=True)
    scale = min(plan.width, plan.height) / 1080  # the same size in every format
    with png_writer.writing() as save:  # each state written while the next is drawn
        for gi, g in enumerate(group(words)):
            index = _scene_at(plan, g.start_s)
            free = room[index].free
            fitted = None
            if free is not None:
                size = (area.width, free[1] - free[0])
                fitted = _fit(spec, g, round(FONT_PX * scale), round(MIN_FONT_PX * scale), size)
            if free is None or fitted is None:
                if index not in track.hidden:
                    track.hidden.append(index)
                continue
            font, px, pad, box_w, box_h = fitted
            line_h = round(px * 1.25)
            x0 = (area.width - box_w) // 2
            if free[1] >= area.bottom:  # a span down to the safe area's foot: sit on it
                y0 = free[1] - area.top - box_h
            elif free[0] <= area.top:  # a span from its top: hang from it
                y0 = free[0] - area.top
            else:
                y0 = (free[0] + free[1] - box_h) // 2 - area.top
            box = (area.left + x0, area.top + y0, area.left + x0 + box_w, area.top + y0 + box_h)
            for wi, w in enumerate(g.words):
                end = g.words[wi + 1].start_s if wi + 1 < len(g.words) else g.end_s
                path = workdir / f"caption_{gi:03d}_{wi:02d}.png"
                save(_draw(area, (x0, y0, box_w, box_h), g, wi, font, line_h, pad, track), path)
                track.frames.append(CaptionFrame(str(path), w.start_s, round(end, 3), box, w.text))

    return track


def _draw(
    area: SafeArea,
    rect: tuple[int, int, int, int],
    g: CaptionGroup,
    active: int,
    font: ImageFont.FreeTypeFont | ImageFont.ImageFont,
    line_h: int,
    pad: int,
    track: CaptionTrack,
) -> Image.Image:
    x0, y0, w, h = rect
    img = Image.new("RGBA", (area.width, area.height), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    draw.rounded_rectangle(
        (x0, y0, x0 + w - 1, y0 + h - 1),
        radius=pad,
        fill=(*hex_rgb(PLATE), round(255 * PLATE_ALPHA)),
    )
    space = font.getlength(" ")
    index = 0
    for li, line in enumerate(g.lines):
        y = y0 + pad + li * line_h
        x = x0 + (w - font.getlength(line)) / 2
        for token in line.split(" "):
            width = font.getlength(token)
            colour = track.text_color
            if index == active:
                if track.accent_as_pill:
                    draw.rounded_rectangle(
                        (x - pad / 2, y, x + width + pad / 2, y + line_h - 1),
                        radius=pad // 2,
                        fill=(*hex_rgb(track.accent), 255),
                    )
                colour = track.active_text
            draw.text((x, y + line_h / 2), token, font=font, fill=colour, anchor="lm")
            x += width + space
            index += 1
    return img


def write_concat(track: CaptionTrack, duration_s: float, path: Path) -> Path:
    """An ffconcat list showing each state for its time (a blank PNG between captions)."""
    blank = path.parent / "caption_blank.png"
    Image.new("RGBA", (track.area.width, track.area.height), (0, 0, 0, 0)).save(blank)
    entries: list[tuple[str, float]] = []
    t = 0.0
    for f in track.frames:
        if f.start_s > t + 1e-3:
            entries.append((str(blank), f.start_s - t))
        entries.append((f.png_path, f.end_s - max(f.start_s, t)))
        t = f.end_s
    if duration_s > t:
        entries.append((str(blank), duration_s - t))
    lines = ["ffconcat version 1.0"]
    for file, seconds in entries:
        lines += [ffmpeg.concat_entry(file), f"duration {max(seconds, 0.001):.3f}"]
    lines.append(ffmpeg.concat_entry(entries[-1][0]))  # the last duration counts if repeated
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path

"""The shipped font catalogue: brand families per ``font_style``, script fallbacks, coverage.

Font files live in ``assets/fonts/`` (committed, with their licences; see its README), so
rendering never depends on the host. Coverage is read from each font's cmap with fontTools,
which is exact, unlike guessing from rendered pixels.
"""

from __future__ import annotations

import functools
import io
import logging
from dataclasses import dataclass
from pathlib import Path

from PIL import ImageFont, features

FONT_DIR = Path(__file__).resolve().parents[2] / "assets" / "fonts"

_log = logging.getLogger("adstudio")


@dataclass(frozen=True)
class Face:
    """One font file. ``scale`` converts a nominal text size to this face's pixel size.

    Faces differ in how big they look at the same pixel size (Bebas Neue is all caps and
    narrow, Garamond has a small x-height), so a role's nominal size is multiplied by
    ``scale`` to keep roles visually consistent across families and fallbacks.
    """

    key: str
    file: str
    scale: float = 1.0
    index: int = 0  # face inside a .ttc collection

    @property
    def path(self) -> Path:
        return FONT_DIR / self.file

    @property
    def name(self) -> str:
        return Path(self.file).name


FACES: dict[str, Face] = {
    f.key: f
    for f in (
        Face("bebas", "bebas-neue/BebasNeue-Regular.otf", 1.42),
        Face("bebas_bold", "bebas-neue/BebasNeue-Bold.otf", 1.42),
        Face("spartan_bold", "league-spartan/LeagueSpartan-Bold.otf", 0.98),
        Face("inter", "inter/Inter-Regular.otf"),
        Face("inter_bold", "inter/Inter-Bold.otf"),
        Face("garamond", "ebgaramond/EBGaramond12-Regular.otf", 1.14),
        Face("vollkorn_bold", "vollkorn/Vollkorn-Bold.ttf", 1.02),
        Face("comfortaa", "comfortaa/Comfortaa-Regular.ttf", 0.98),
        Face("comfortaa_bold", "comfortaa/Comfortaa-Bold.ttf", 0.98),
        Face("noto", "noto/NotoSans-Regular.ttf"),
        Face("noto_bold", "noto/NotoSans-Bold.ttf"),
        Face("arabic", "noto/NotoSansArabic-Regular.ttf"),
        Face("arabic_bold", "noto/NotoSansArabic-Bold.ttf"),
        Face("naskh", "noto/NotoNaskhArabic-Regular.ttf", 1.04),
        Face("naskh_bold", "noto/NotoNaskhArabic-Bold.ttf", 1.04),
        Face("hebrew", "noto/NotoSansHebrew-Regular.ttf"),
        Face("hebrew_bold", "noto/NotoSansHebrew-Bold.ttf"),
        Face("devanagari", "noto/NotoSansDevanagari-Regular.ttf"),
        Face("devanagari_bold", "noto/NotoSansDevanagari-Bold.ttf"),
        Face("thai", "noto/NotoSansThai-Regular.ttf"),
        Face("thai_bold", "noto/NotoSansThai-Bold.ttf"),
        Face("japanese", "ipaexfont/ipaexg.ttf", 0.92),
        Face("cjk", "wqy-microhei/wqy-microhei.ttc", 0.92),
    )
}

#: Pillow's own scalable font (Aileron), used only for Latin text if font files are missing.
BUILTIN = Face("builtin", "")

#: font_style -> (regular face, bold face) of the brand family.
FAMILIES: dict[str, tuple[str, str]] = {
    "sans": ("inter", "inter_bold"),
    "serif": ("garamond", "vollkorn_bold"),
    "condensed": ("bebas", "bebas_bold"),
    "rounded": ("comfortaa", "comfortaa_bold"),
}


def face(key: str) -> Face:
    """The catalogue entry ``key``; KeyError lists the known keys."""
    try:
        return FACES[key]
    except KeyError:
        raise KeyError(f"unknown font {key!r}; known: {', '.join(sorted(FACES))}") from None


def fallback_chain(*, bold: bool, serif: bool = False, language: str = "") -> tuple[Face, ...]:
    """Faces to try, in order, for characters the brand face lacks.

    Noto Sans first (accented Latin, Greek, Cyrillic, Vietnamese), then one face per script.
    Chinese and Korean text prefers WenQuanYi (it has Hangul and simplified Han); anything
    else with Han or kana prefers IPAex Gothic, whose glyph shapes are Japanese.
    """
    w = "_bold" if bold else ""
    arabic = ("naskh" if serif else "arabic") + w
    han = ["japanese", "cjk"]
    if language.lower().startswith(("zh", "ko")):
        han.reverse()
    keys = ["noto" + w, arabic, "hebrew" + w, "devanagari" + w, "thai" + w, *han]
    return (*(FACES[k] for k in keys), BUILTIN)


def available(f: Face) -> bool:
    """True when the font file is present and readable (else skipped, with a warning)."""
    if f.key == BUILTIN.key:
        return True
    if not f.path.is_file():
        _warn_unusable(f.file, "missing")
        return False
    return bool(_cmap(f))


@functools.cache
def _warn_unusable(file: str, why: str) -> None:
    _log.warning(
        "font file %s is %s; run assets/fetch_fonts.sh to restore assets/fonts",
        file,
        why,
        extra={"event": "font_unusable", "stage": "overlays"},
    )


@functools.cache
def _cmap(f: Face) -> frozenset[int]:
    """The file's best cmap; empty (with a warning) when fontTools cannot read the file."""
    from fontTools.ttLib import TTFont

    try:
        # Our own handle: TTFont leaves its file open when the file is not a font.
        with f.path.open("rb") as fh, TTFont(fh, fontNumber=f.index, lazy=True) as tt:
            cmap = frozenset(tt.getBestCmap() or {})
    except Exception as exc:  # TTLibError, struct.error, OSError ...: a damaged file
        _warn_unusable(f.file, f"damaged ({type(exc).__name__}: {exc})")
        return frozenset()
    if not cmap:
        _warn_unusable(f.file, "damaged (no character map)")
    return cmap


def codepoints(f: Face) -> frozenset[int]:
    """The code points ``f`` maps to a glyph; empty if the file is missing or damaged."""
    if f.key == BUILTIN.key:
        return frozenset(range(0x20, 0x7F)) | frozenset(range(0xA0, 0x100))
    if not f.path.is_file():
        _warn_unusable(f.file, "missing")
        return frozenset()
    return _cmap(f)


def covers(f: Face, ch: str) -> bool:
    """Whether ``f`` has a glyph for the single character ``ch``."""
    return ord(ch) in codepoints(f)


@functools.cache
def raqm_available() -> bool:
    """Whether Pillow can shape complex scripts itself (libraqm with FriBiDi and HarfBuzz)."""
    return bool(features.check("raqm"))


@functools.lru_cache(maxsize=256)
def load(f: Face, px: int, raqm: bool) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """``f`` at ``px`` pixels, using the raqm layout engine when ``raqm`` is True.

    If the file is missing or damaged, Pillow's built-in scalable font is the last resort.
    """
    engine = ImageFont.Layout.RAQM if raqm else ImageFont.Layout.BASIC
    if f.key != BUILTIN.key and available(f):
        try:
            return ImageFont.truetype(str(f.path), size=px, index=f.index, layout_engine=engine)
        except OSError as exc:  # readable by fontTools, not by FreeType
            _warn_unusable(f.file, f"damaged ({exc})")
    # load_default() is always BASIC layout; the same bytes are reopened with ``engine`` so
    # callers may pass a direction or language (BASIC refuses them with a KeyError).
    default = ImageFont.load_default(size=px)
    if not isinstance(default, ImageFont.FreeTypeFont):  # pragma: no cover - no FreeType
        return default
    data = default.font_bytes
    return ImageFont.truetype(io.BytesIO(data), size=px, layout_engine=engine)

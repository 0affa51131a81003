"""Brand kits: a user's logo, colours, font style and up to five product photos, reused in ads.

A kit is a :class:`~pipeline.store.db.BrandKit` row plus its files under
``data_dir/brand_kits/<user_id>/<kit_id>/``. Every file is checked by :mod:`pipeline.media.images`
before anything is written; a kit is stored whole or not at all. Every function takes the
``user_id``: another user's kit is "not found". A generation started with a kit gets it as
:class:`~pipeline.spec.BrandAssets` on its specification (:func:`apply`).
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from pipeline.errors import InputError, NotFoundError
from pipeline.spec import AdSpecification, BrandAssets, BrandGuidelines
from pipeline.store.db import BrandKit, Generation, GenerationBrandKit

if TYPE_CHECKING:
    from PIL.Image import Image as PILImage

MAX_PHOTOS = 5
FONT_STYLES = ("sans", "serif", "condensed", "rounded")
Upload = tuple[str, bytes]  # (file name, contents)


def kits_root(data_dir: Path) -> Path:
    """Where every kit's files live."""
    return data_dir / "brand_kits"


def kit_dir(data_dir: Path, user_id: int, kit_id: int) -> Path:
    """The folder of one kit's files."""
    return kits_root(data_dir) / str(user_id) / str(kit_id)


def logo_colors(image: PILImage) -> list[str]:
    """Primary, secondary and accent ``#RRGGBB`` from a logo's opaque, non-white pixels."""
    import numpy as np
    from PIL import Image

    rgba = image.convert("RGBA")
    rgba.thumbnail((128, 128))
    px = np.asarray(rgba).reshape(-1, 4)
    solid = px[px[:, 3] >= 200, :3]
    inked = solid[(solid.min(axis=1) <= 235) & (solid.max(axis=1) >= 20)]
    chosen = inked if len(inked) else solid
    if not len(chosen):
        chosen = np.array([[40, 40, 40]], dtype=np.uint8)
    strip = Image.fromarray(np.ascontiguousarray(chosen.reshape(1, -1, 3)))
    palette = strip.quantize(colors=4, method=Image.Quantize.MEDIANCUT)
    counts = sorted(palette.getcolors() or [], reverse=True)
    flat = palette.getpalette() or []
    colors = [tuple(flat[3 * i : 3 * i + 3]) for _, i in counts if isinstance(i, int)]

    def chroma(c: tuple[int, ...]) -> int:
        return max(c) - min(c)

    # the most used colourful colour leads; greys only when the logo has nothing else
    colors.sort(key=lambda c: (chroma(c) < 40,))
    distinct: list[tuple[int, ...]] = []
    for c in colors:  # anti-aliased edges give near-copies of a colour: keep one
        if all(sum(abs(a - b) for a, b in zip(c, d, strict=True)) > 90 for d in distinct):
            distinct.append(c)
    colors = distinct
    while len(colors) < 3:
        r, g, b = colors[-1]
        colors.append((255 - r, 255 - g, 255 - b) if len(colors) == 2 else (r // 2, g // 2, b // 2))
    return ["#" + "".join(f"{v:02X}" for v in c[:3]) for c in colors[:3]]


def _name(name: str) -> str:
    clean = " ".join(name.split())
    if not 1 <= len(clean) <= 60:
        raise InputError("Give the brand kit a name of 1 to 60 characters.")
    return clean


def save_kit(
    session: Session,
    data_dir: Path,
    user_id: int,
    name: str,
    *,
    logo: Upload | None = None,
    photos: Sequence[Upload] = (),
    colors: Sequence[str] | None = None,
    font_style: str = "sans",
) -> BrandKit:
    """Check every file, then store the kit (replacing this user's kit of the same name).

    Raises InputError before anything is written when a file is refused.
    """
    clean = _name(name)
    if len(photos) > MAX_PHOTOS:
        raise InputError(
            f"A brand kit holds at most {MAX_PHOTOS} product photos; you gave {len(photos)}. "
            "Remove some."
        )
    if logo is None and not photos:
        raise InputError("Add a logo or at least one product photo to save a brand kit.")
    if font_style not in FONT_STYLES:
        raise InputError(f"Font style must be one of: {', '.join(FONT_STYLES)}.")
    from pipeline.media.images import load_logo, load_photo  # Pillow only where files arrive

    logo_img = load_logo(*logo).image if logo is not None else None
    photo_imgs = [load_photo(n, d).image for n, d in photos]
    chosen = [c.upper() for c in colors or [] if c]
    if not chosen and logo_img is not None:
        chosen = logo_colors(logo_img)
    BrandAssets(colors=chosen[:3])  # validates the hex colours before anything is stored
    old = session.scalar(
        select(BrandKit).where(BrandKit.user_id == user_id, BrandKit.name == clean)
    )
    if old is not None:
        delete_kit(session, data_dir, user_id, old.id)
    kit = BrandKit(
        user_id=user_id,
        name=clean,
        logo="logo.png" if logo_img is not None else None,
        colors=chosen[:3],
        font_style=font_style,
        photos=[f"photo_{i + 1}.jpg" for i in range(len(photo_imgs))],
    )
    session.add(kit)
    session.flush()
    folder = kit_dir(data_dir, user_id, kit.id)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if logo_img is not None:
            logo_img.save(folder / "logo.png", format="PNG")
        for file_name, img in zip(kit.photos, photo_imgs, strict=True):
            img.save(folder / file_name, format="JPEG", quality=92)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return kit


def list_kits(session: Session, user_id: int) -> list[BrandKit]:
    """This user's kits, by name."""
    query = select(BrandKit).where(BrandKit.user_id == user_id).order_by(BrandKit.name)
    return list(session.scalars(query))


def get_kit(session: Session, user_id: int, kit: int | str) -> BrandKit:
    """This user's kit by id or name, or NotFoundError (also for another user's kit)."""
    query = select(BrandKit).where(BrandKit.user_id == user_id)
    if isinstance(kit, int):
        query = query.where(BrandKit.id == kit)
    else:
        query = query.where(BrandKit.name == " ".join(kit.split()))
    found = session.scalar(query)
    if found is None:
        raise NotFoundError(f"No brand kit {kit!r}. See `python -m pipeline kits list`.")
    return found


def delete_kit(session: Session, data_dir: Path, user_id: int, kit: int | str) -> None:
    """Delete this user's kit: its row and its files."""
    found = get_kit(session, user_id, kit)
    folder = kit_dir(data_dir, user_id, found.id)
    session.delete(found)
    session.flush()
    shutil.rmtree(folder, ignore_errors=True)


def assets(data_dir: Path, kit: BrandKit) -> BrandAssets:
    """The kit as a generation uses it (absolute paths)."""
    folder = kit_dir(data_dir, kit.user_id, kit.id).resolve()
    return BrandAssets(
        kit_name=kit.name,
        logo=str(folder / kit.logo) if kit.logo else None,
        photos=[str(folder / p) for p in kit.photos],
        colors=list(kit.colors),
        font_style=kit.font_style,  # type: ignore[arg-type]
    )


def attach(session: Session, generation_id: int, user_id: int, kit_id: int) -> None:
    """Record that the generation uses this user's kit (NotFoundError if it is not theirs)."""
    get_kit(session, user_id, kit_id)
    session.add(GenerationBrandKit(generation_id=generation_id, kit_id=kit_id))


def for_generation(session: Session, data_dir: Path, generation_id: int) -> BrandAssets | None:
    """The assets of the kit a generation was started with, if it has one (and still exists)."""
    query = (
        select(BrandKit)
        .join(GenerationBrandKit, GenerationBrandKit.kit_id == BrandKit.id)
        .join(Generation, Generation.id == GenerationBrandKit.generation_id)
        .where(GenerationBrandKit.generation_id == generation_id)
        .where(Generation.user_id == BrandKit.user_id)
    )
    kit = session.scalar(query)
    return assets(data_dir, kit) if kit is not None else None


def apply(spec: AdSpecification, kit: BrandAssets | None) -> AdSpecification:
    """``spec`` with the kit attached; its colours and font style replace the brand's when
    the prompt names no colours, and its name fills an empty brand name."""
    if kit is None:
        return spec
    brand = spec.brand
    update: dict[str, object] = {}
    if len(kit.colors) >= 3 and not spec.facts.colors:
        update.update(
            primary_color=kit.colors[0], secondary_color=kit.colors[1], accent_color=kit.colors[2]
        )
    if kit.font_style is not None:
        update["font_style"] = kit.font_style
    if not brand.brand_name:
        update["brand_name"] = kit.kit_name
    new_brand = BrandGuidelines.model_validate({**brand.model_dump(), **update})
    return spec.model_copy(update={"brand": new_brand, "assets": kit})

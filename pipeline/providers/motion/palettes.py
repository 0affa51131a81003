"""A family of designed palettes for ads whose prompt names no colours.

Without colours from the prompt or a brand kit the specification carries a default (the
mood's palette, or the category's), which every such product shares. The renderer then
draws one of these palettes instead, picked by a hash of the brand and the kind of product,
so two ads for different products look different and the same brand always looks the same.
Each palette is (primary, secondary, accent); :func:`look.build_look` tones them per scene
and guarantees the contrasts, and the tests check every palette under every mood.
"""

from __future__ import annotations

import colorsys
import zlib

# look -> palettes (primary, secondary, accent). Bright looks draw saturated mid-tone fields
# (no greens: a bright green field reads as a warning), light looks pale tints with strong
# accents, dark looks deep fields with a metallic or jewel accent.
FAMILY: dict[str, tuple[tuple[str, str, str], ...]] = {
    "bright": (
        ("#E85D3F", "#264653", "#FFB400"),  # coral, deep teal and amber
        ("#1F4FD1", "#FF6B6B", "#FFD166"),  # cobalt and coral
        ("#0E7C86", "#F4A261", "#FFE8A3"),  # teal and apricot
        ("#6A2C70", "#F08A5D", "#FFE2B8"),  # plum and peach
        ("#B83B5E", "#3F3CBB", "#FFD3B6"),  # raspberry and indigo
        ("#C1121F", "#003049", "#FDF0D5"),  # red and ink
        ("#F3722C", "#14213D", "#FFE5B4"),  # tangerine and navy
        ("#0096C7", "#9D0208", "#FFD6A5"),  # sky and berry
        ("#D81159", "#218380", "#FFBC42"),  # cerise and teal
        ("#3A0CA3", "#F72585", "#FFCCE5"),  # ultramarine and pink
        ("#4361EE", "#FB8500", "#FFF1B5"),  # periwinkle and orange
        ("#EF476F", "#540D6E", "#FFD166"),  # watermelon and aubergine
        ("#C8553D", "#2D3047", "#F5DFBB"),  # terracotta and slate
        ("#7B2CBF", "#FF9E00", "#FFF3C4"),  # violet and saffron
        ("#00798C", "#D1495B", "#F6E7CB"),  # petrol and rose
        ("#E63946", "#1D3557", "#F1FAEE"),  # poppy and navy
    ),
    "light": (
        ("#1B2A41", "#E8EEF6", "#2F80ED"),  # navy and blue
        ("#5E6B5A", "#E9E4DA", "#3D7A5A"),  # sage and forest
        ("#3D5A80", "#E0FBFC", "#EE6C4D"),  # denim and coral
        ("#6D597A", "#F2E9F1", "#B5487A"),  # lavender and berry
        ("#A26769", "#F6EBE6", "#8C3B4A"),  # rose clay and wine
        ("#5B3758", "#F3E9EE", "#B7791F"),  # plum and ochre
        ("#3C6E71", "#EAF4F4", "#284B63"),  # sea glass and harbour
        ("#7F5539", "#F5EBE0", "#B23A48"),  # sand and brick
        ("#22577A", "#E6F4F1", "#7B2CBF"),  # ocean and violet
        ("#4A4E69", "#F2E9E4", "#C9184A"),  # dusk and ruby
        ("#0B3C5D", "#F2E8CF", "#D35400"),  # deep sea and pumpkin
        ("#355070", "#EAE2F0", "#B56576"),  # indigo and mauve
    ),
    "dark": (
        ("#111111", "#2B2B2B", "#C9A96E"),  # black and gold
        ("#14213D", "#1F3A5F", "#E5C07B"),  # midnight and brass
        ("#3B0A1E", "#5C1A33", "#E8C39E"),  # burgundy and champagne
        ("#0B3D2E", "#14532D", "#D4AF37"),  # emerald and gold
        ("#2A1B3D", "#44318D", "#E2B6CF"),  # aubergine and rose gold
        ("#0F2027", "#203A43", "#B8C4CC"),  # petrol and silver
        ("#1C1C2E", "#3A2E5C", "#F0A868"),  # ink and copper
        ("#2B0F0E", "#5A1E1B", "#F2C57C"),  # oxblood and honey
    ),
}
MOOD_LOOK = {
    "luxury": "dark",
    "calm": "light",
    "corporate": "light",
    "upbeat": "bright",
    "energetic": "bright",
    "playful": "bright",
}


# small hue turns (degrees) of a whole palette: its harmony kept, its colours its own
NUDGES = (0, -12, 12, -6, 6)


def turn_hue(hex_color: str, degrees: float) -> str:
    """``hex_color`` with its hue turned by ``degrees`` (lightness and saturation kept)."""
    r, g, b = (int(hex_color[i : i + 2], 16) / 255 for i in (1, 3, 5))
    h, lum, sat = colorsys.rgb_to_hls(r, g, b)
    r, g, b = colorsys.hls_to_rgb((h + degrees / 360) % 1.0, lum, sat)
    return "#" + "".join(f"{round(v * 255):02X}" for v in (r, g, b))


def greenish(hex_color: str) -> bool:
    """Lime to green: a warning colour as a bright field, not a brand's."""
    r, g, b = (int(hex_color[i : i + 2], 16) / 255 for i in (1, 3, 5))
    h, _, sat = colorsys.rgb_to_hls(r, g, b)
    return sat > 0.25 and 55 / 360 <= h <= 160 / 360


def pick(key: str, mood: str) -> tuple[str, str, str]:
    """The family's palette for ``key`` (brand and kind of product) in ``mood``'s look.

    The hash also picks which colour leads (primary or secondary) and nudges the palette's
    hues a few degrees, so 16 bright palettes give 160 looks and one seldom repeats exactly.
    """
    look = MOOD_LOOK.get(mood, "bright")
    family = FAMILY[look]
    h = zlib.crc32(key.casefold().strip().encode())
    p, s, a = family[h % len(family)]
    h //= len(family)
    leads = ((p, s, a), (s, p, a))
    colors = leads[h % len(leads)]
    nudge = NUDGES[(h // len(leads)) % len(NUDGES)]
    turned = tuple(turn_hue(c, nudge) for c in colors)
    if look == "bright" and any(greenish(c) for c in turned):
        return colors
    return turned  # type: ignore[return-value]


def ad_key(brand_name: str, product: str, category: str) -> str:
    """What a palette is picked by: the brand, and the product and category (its kind)."""
    return f"{brand_name}|{product}|{category}"

"""Copy banks for beauty: skincare and fragrance."""

from __future__ import annotations

from pipeline.providers.copywriting.catalog import Category

SKINCARE = Category(
    key="skincare",
    label="skincare",
    nouns=(
        "vitamin c serum",
        "face serum",
        "eye cream",
        "face cream",
        "face mask",
        "skincare",
        "skin care",
        "serums",
        "serum",
        "moisturizer",
        "moisturiser",
        "cleanser",
        "sunscreen",
        "toner",
        "cosmetics",
        "makeup",
        "lipstick",
        "mascara",
        "soin",
        "sérum",
        "crème",
        "crema",
        "hautpflege",
        "スキンケア",
        "美容液",
        "化粧品",
        "عناية بالبشرة",
        "كريم",
    ),
    cues=("skin", "glow", "beauty", "dermatologist", "routine", "complexion"),
    noun="skincare",
    audience="people who want healthy, glowing skin without a ten-step routine",
    mood="calm",
    style="muted",
    setting="on a pale stone ledge beside a sprig of eucalyptus",
    benefits=(
        "Skin that feels soft and fresh",
        "A light, gentle feel",
        "Light, silky, quick to sink in",
        "A glow you can see",
        "Three steps, not twelve",
    ),
    hooks=("Your skin, only better.", "Glow that starts within.", "Skin you want to show."),
    desires=("Dewy, calm, unmistakably you.", "Wake up to your best skin."),
    pains=("Dull skin makeup can't fix?", "Tired of routines that don't work?"),
    agitations=("Twelve products. Zero glow.", "Dryness, redness, and a shelf of regrets."),
    solutions=("{Name} brings the glow back.", "{Name}: fewer steps, better skin."),
    befores=("Dull, tired skin every morning?", "A shelf full of half-used bottles?"),
    afters=("Now your skin glows bare.", "Fresh, dewy, confident."),
    bridges=("{Name} makes the glow-up simple.", "{Name}: one routine, real results."),
    ctas=("Shop the glow", "Find your routine", "Try it today"),
    visuals={
        "hero": "A drop of {product} falling onto glass in slow motion, soft diffused light, "
        "dewy textures",
        "detail": "Macro of the {product} texture spread across skin, light catching the sheen",
        "lifestyle": "A woman with glowing bare skin smiling in soft morning window light",
        "problem": "Close-up of tired, dull skin in a harsh bathroom mirror",
        "agitate": "A cluttered bathroom shelf of half-used bottles and jars",
    },
    palette=("#B9776B", "#F5E6DA", "#7A9E7E", "#FFFFFF"),
    specials={
        "vitamin c": {
            "benefits": ("Vitamin C for a visible glow", "A brighter-looking complexion")
        },
        "sunscreen": {"benefits": ("Light, everyday sun care", "No white cast, ever")},
    },
)


FRAGRANCE = Category(
    key="fragrance",
    label="fragrance",
    nouns=(
        "eau de parfum",
        "eau de toilette",
        "perfumes",
        "perfume",
        "fragrances",
        "fragrance",
        "cologne",
        "parfum",
        "parfüm",
        "duft",
        "香水",
        "عطور",
        "عطر",
    ),
    cues=("scent", "notes", "oud", "musk", "jasmine", "amber"),
    noun="perfume",
    audience="people who treat scent as a signature",
    mood="luxury",
    style="warm",
    setting="on dark marble in a pool of amber light",
    benefits=(
        "Top notes that bloom on skin",
        "A scent that stays with you",
        "Blended in small batches",
        "A trail that lingers after you leave",
    ),
    hooks=(
        "Leave a trace.",
        "Remembered before you speak.",
        "Some scents become memories.",
        "An invitation, in a bottle.",
    ),
    desires=("Warm, sensual, unmistakably yours.", "The scent they'll ask about."),
    pains=("Wearing everyone's signature scent?", "Fragrance gone by lunchtime?"),
    agitations=(
        "Mass-market scents vanish in hours.",
        "Smelling like everyone else isn't a signature.",
    ),
    solutions=("{Name} lasts from day to night.", "{Name}: a signature, not a trend."),
    befores=("A scent nobody remembers?", "Faded by noon, forgotten by night?"),
    afters=("Now you linger in every room.", "Remembered long after you've left."),
    bridges=("{Name} becomes your signature.", "{Name} leaves the trace."),
    ctas=("Discover the scent", "Find your signature", "Shop now"),
    visuals={
        "hero": "A glass {product} bottle on dark marble, golden light refracting through it, "
        "slow orbit",
        "detail": "Macro of a fine mist of {product} suspended in a beam of light",
        "lifestyle": "A woman walking down a twilight city street, turning heads, soft glow",
        "problem": "A generic body-spray can on a crowded drugstore shelf, flat light",
        "agitate": "Someone sniffing their wrist at lunch and frowning, the scent gone",
    },
    palette=("#2E1A2B", "#D8B4A0", "#C9A96E", "#FFF8F0"),
)

# Hair, nails and barbering are appointments in a chair, not a bottle on a ledge or a yoga
# class: their own bank, with nails and barbers as sub-types that replace every line.
_NAILS: dict[str, tuple[str, ...]] = {
    "mood": ("playful",),
    "audience": ("people who love a fresh set and a little color",),
    "setting": ("on a bright nail bar beside rows of polish",),
    "hooks": ("Nails that get noticed.", "Polished to perfection."),
    "benefits": ("Long-lasting gel and classic polish", "Careful, detailed nail art"),
    "desires": ("Ten tiny works of art.", "Hands you can't stop looking at."),
    "pains": ("Chipped polish again?", "Nails that never look finished?"),
    "agitations": ("Chips by Tuesday. Peeling by Friday.",),
    "solutions": ("{Name}: polish that lasts.",),
    "befores": ("Bitten, chipped and forgotten?",),
    "afters": ("Now every gesture shines.",),
    "bridges": ("{Name} makes every visit a treat.",),
    "ctas": ("Book your nails", "Book a manicure"),
    "visual_hero": (
        "A hand with glossy, freshly painted nails turning slowly in soft salon light, slow motion",
    ),
    "visual_detail": ("Close-up of a fine brush painting delicate nail art, a steady hand",),
    "visual_lifestyle": (
        "Friends laughing over coffee, perfectly manicured hands around the cups, warm light",
    ),
    "visual_problem": ("Close-up of chipped, uneven nail polish on a hand tapping a desk",),
    "visual_agitate": ("A hand hiding chipped nails in a coat pocket on a gray street",),
    "visual_cta": ("A bright nail bar with neat rows of colorful polish bottles, slow push-in",),
}
_BARBER: dict[str, tuple[str, ...]] = {
    "mood": ("energetic",),
    "style": ("noir",),
    "audience": ("anyone who wants a sharp cut and a chair they can trust",),
    "setting": ("in a classic barbershop under warm lamps",),
    "hooks": ("Sharp cuts. Clean fades.", "Look sharp. Feel sharper."),
    "benefits": ("Precise fades and classic cuts", "Hot towel shaves and beard trims"),
    "desires": ("The fresh-cut feeling, every time.", "Walk out a little taller."),
    "pains": ("Tired of the same old cut?", "Beard getting out of hand?"),
    "agitations": ("Uneven edges. Rushed trims. Another bad week.",),
    "solutions": ("{Name}: the cut you came for.",),
    "befores": ("Overgrown and out of shape?",),
    "afters": ("Now it's sharp, clean and yours.",),
    "bridges": ("{Name} keeps you looking sharp.",),
    "ctas": ("Book your cut", "Grab a chair"),
    "visual_hero": (
        "A barber finishing a crisp fade with clippers, the client smiling in the "
        "mirror, warm tungsten light",
    ),
    "visual_detail": (
        "Close-up of a straight razor tracing a clean beard line, steam from a hot towel",
    ),
    "visual_lifestyle": (
        "A man with a fresh cut stepping out onto a sunny street, adjusting his collar",
    ),
    "visual_problem": ("A man frowning at his overgrown hair in a bathroom mirror",),
    "visual_agitate": ("A shaggy silhouette in a dim hallway mirror, flat gray light",),
    "visual_cta": ("A classic barbershop chair under a warm lamp, tools laid out, slow push-in",),
}

SALON = Category(
    key="salon",
    label="hair & nails",
    nouns=(
        "hair salon",
        "hairdresser",
        "hairdressers",
        "hair studio",
        "salon de coiffure",
        "coiffeur",
        "barbershop",
        "barber shop",
        "barber",
        "nail salon",
        "nail bar",
        "nail studio",
        "manicure",
        "salon",
    ),
    cues=("haircut", "hair", "blowout", "balayage", "fade", "manicure", "nails"),
    noun="salon",
    audience="people who want to leave the chair feeling like themselves, only better",
    mood="luxury",
    style="warm",
    setting="in a bright salon with tall mirrors",
    benefits=(
        "Stylists who listen first",
        "Cuts, color and blowouts",
        "Color that suits your skin tone",
        "Easy online booking",
    ),
    hooks=("New cut. New confidence.", "Hair day, every day.", "Your best hair starts here."),
    desires=("Hair that moves when you do.", "The mirror moment you've been waiting for."),
    pains=("Bad hair days on repeat?", "Tired of cuts that don't suit you?"),
    agitations=("Flat, frizzy and hidden under a hat.", "Another cut you didn't ask for."),
    solutions=("{Name}: hair that feels like you.", "{Name} gets your hair right."),
    befores=("Dull, tired hair every morning?", "Growing out a cut you regret?"),
    afters=("Now your hair turns heads.", "Glossy, bouncy, totally you."),
    bridges=("{Name} brings the glow back to your hair.", "{Name}: one chair, real change."),
    ctas=("Book your appointment", "Book a cut", "Book a visit"),
    visuals={
        "hero": "A woman shaking out glossy, freshly styled hair in a bright salon, hair "
        "flowing in slow motion",
        "detail": "Close-up of a stylist's scissors trimming shiny hair, fine strands falling",
        "lifestyle": "A woman with a fresh blowout laughing on a sunny street, hair catching "
        "the light",
        "problem": "A woman frowning at frizzy, flat hair in a bathroom mirror on a gray morning",
        "agitate": "A hand pulling a hat over messy hair on a rainy doorstep",
        "cta": "A bright salon chair in front of a tall mirror, tools neatly laid out, slow "
        "push-in",
    },
    palette=("#3A2A2F", "#E8D3C7", "#C48A6A", "#FFFFFF"),
    local=True,
    specials={"nail": _NAILS, "manicure": _NAILS, "barber": _BARBER},
)


CATEGORIES = (SKINCARE, FRAGRANCE, SALON)

"""The fallback copy bank for products the catalog does not know: lines that stay true
whatever is advertised, and shots that do not pretend to know what it looks like."""

from __future__ import annotations

from pipeline.providers.copywriting.catalog import Category

GENERIC = Category(
    key="generic",
    label="general",
    # Products whose words would pull in a wrong bank ("pet" -> pet food, "yoga" -> a studio,
    # "baby" -> toys): named here, they get the lines that stay true for anything.
    nouns=(
        "pet insurance",
        "insurance",
        "yoga mats",
        "yoga mat",
        "dog shampoo",
        "pet shampoo",
        "baby stroller",
        "stroller",
        "pram",
        "car seat",
        "high chair",
        "crib",
        "wedding venue",
        "event venue",
        "wedding planner",
        "daycare center",
        "daycare centre",
        "daycare",
        "childcare",
        "preschool",
        "nursery school",
    ),
    noun="product",
    audience="people who want something made properly",
    mood="upbeat",
    style="warm",
    setting="in clean, warm studio light",
    benefits=(
        "Made with care, built to last",
        "Designed around how you live",
        "Quality you notice on day one",
    ),
    hooks=(
        "Made for people like you.",
        "Good things take care.",
        "Good things, made properly.",
    ),
    desires=("Small change. Big difference.", "The upgrade you'll feel every day."),
    pains=("Settling for second best?", "Tired of things that don't last?"),
    agitations=("Cheap choices cost twice.", "Second best adds up."),
    solutions=("{Name} gets it right.", "{Name}: made properly, made to last."),
    befores=("Making do with second best?", "Same old routine?"),
    afters=("Now it just works.", "Everything feels easier."),
    bridges=("{Name} makes the difference.", "{Name} gets you there."),
    ctas=("Discover more", "Shop now", "Try it today"),
    visuals={
        "cta": (
            "A warm, inviting wide shot that welcomes the viewer in, golden light, people "
            "smiling, slow push-in"
        ),
        "hero": "A warm, cinematic introduction to {product}: a friendly, inviting space "
        "bathed in golden light, slow push-in",
        "detail": "Close-up of skilled hands at work on {product}, textures and small "
        "details in soft raking light",
        "lifestyle": "Smiling people enjoying {product} together in a bright, lived-in place",
        "problem": "A frustrated person making do with a worn, cheap alternative under flat "
        "gray light",
        "agitate": "Close-up of a broken, discarded cheap alternative in a trash bin",
    },
)

"""The fallback copy banks for what the catalog does not know: lines that stay true whatever
is advertised, and shots that do not pretend to know what it looks like. Two of them: things
people buy (``GENERIC``: made well, lasts) and services, places, events and media
(``GENERIC_SERVICE``: worth your time), since "built to last" is false praise for a podcast,
a record store or a wedding venue."""

from __future__ import annotations

from pipeline.providers.copywriting import lexicon as lx
from pipeline.providers.copywriting.catalog import Category

GENERIC = Category(
    key="generic",
    label="general",
    # Products whose words would pull in a wrong bank ("pet" -> pet food, "yoga" -> a studio,
    # "baby" -> toys): named here, they get the lines that stay true for anything.
    nouns=(
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
    ),
    noun="product",
    audience="people who want something made properly",
    mood="upbeat",
    style="warm",
    setting="in clean, warm studio light",
    benefits=(
        "Made with care, down to the details",
        "Designed around how you live",
        "Quality you notice from day one",
    ),
    hooks=(
        "Made for people like you.",
        "Good things take care.",
        "Good things, made properly.",
    ),
    desires=("Small change. Big difference.", "The upgrade you'll feel every day."),
    pains=("Settling for second best?", "Tired of things that let you down?"),
    agitations=("Cheap choices cost twice.", "Second best adds up."),
    solutions=("{Name} gets it right.", "{Name}: made properly."),
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


#: Last words that make an uncatalogued product a service, a place, an event or media.
SERVICE_HEADS = lx._words(
    """store shop boutique gallery market fair festival event events concert show tour tours
    podcast channel newsletter magazine launch school academy agency consultancy service
    services club workshop workshops conference venue planner planning repair repairs rental
    rentals hire printing cleaning detailing installation restoration alterations insurance
    daycare childcare preschool dealership dealer firm company center centre clinic office
    practice marketplace community network program programme charter charters cruise
    cruises experience experiences webinar webinars lessons masterclass studio studios class
    classes run walk race marathon fundraiser gala appeal drive recruiting hiring"""
)

GENERIC_SERVICE = Category(
    key="generic-service",
    label="general",
    nouns=(
        "pet insurance",
        "insurance",
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
    noun="service",
    audience="people looking for something worth their time",
    mood="upbeat",
    style="warm",
    setting="in warm, welcoming light",
    benefits=(
        "Built around what you need",
        "Simple from the very first step",
        "Worth telling your friends about",
    ),
    hooks=(
        "Made for people like you.",
        "Something good is waiting.",
        "Meet your new favorite.",
    ),
    desires=("The kind of thing you tell friends about.", "Easy. Welcoming. Yours."),
    pains=("Settling for good enough?", "Tired of the same old options?"),
    agitations=("Good enough rarely is.", "Another forgettable choice? Not again."),
    solutions=("{Name} does it differently.", "{Name}: worth your time."),
    befores=("Stuck with the same old choices?", "Same old routine?"),
    afters=("Now there's something to look forward to.", "Everything feels easier."),
    bridges=("{Name} makes the difference.", "{Name} gets you there."),
    ctas=("Find out more", "Discover more", "Learn more"),
    visuals={
        "cta": (
            "A warm, inviting wide shot that welcomes the viewer in, golden light, people "
            "smiling, slow push-in"
        ),
        "hero": "A warm, cinematic introduction to {product}: friendly faces in a welcoming "
        "place bathed in golden light, slow push-in",
        "detail": "Close-up of small, welcoming details of {product}: hands, smiles and "
        "textures in soft light",
        "lifestyle": "Smiling people enjoying {product} together in a bright, lived-in place",
        "problem": "A bored person scrolling the same old options on a phone under flat gray light",
        "agitate": "A wall calendar of identical gray days, a slow sigh, flat light",
    },
)

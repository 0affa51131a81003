"""Copy banks for local professional services: clinics, cleaning, car care, legal, trades."""

from __future__ import annotations

from pipeline.providers.copywriting.catalog import Category

# Sub-types that need their own promise and picture (a lawyer holds no tools).
_LAW: dict[str, tuple[str, ...]] = {
    "hooks": ("Clear advice. No jargon.",),
    "benefits": ("Straight answers to hard questions", "Plain-English advice"),
    "ctas": ("Book a consultation",),
    "visual_detail": (
        "Close-up of a lawyer's pen resting on a document as a client "
        "nods across a desk, soft window light",
    ),
}

_ACCOUNTING: dict[str, tuple[str, ...]] = {
    "hooks": ("Your numbers, sorted.", "Tax season, minus the stress."),
    "benefits": ("Books kept tidy all year", "Tax questions answered in plain words"),
    "ctas": ("Book a call",),
    "visual_detail": (
        "Close-up of an accountant walking a client through tidy "
        "figures on a laptop, a coffee cup beside it",
    ),
}

_GARAGE: dict[str, tuple[str, ...]] = {
    "hooks": ("Back on the road, fast.", "Honest work under the hood."),
    "benefits": ("A clear diagnosis before any work", "Repairs explained in plain words"),
    "ctas": ("Book a service",),
    "visual_hero": (
        "A mechanic wiping their hands beside an open car hood in a bright, tidy workshop",
    ),
}

_TRADES: dict[str, tuple[str, ...]] = {
    "hooks": ("Fixed right, first visit.",),
    "benefits": ("On time and tidy", "The fix explained before it starts"),
    "ctas": ("Book a visit",),
}

_PROPERTY: dict[str, tuple[str, ...]] = {
    "hooks": ("Find the place that feels like home.",),
    "benefits": ("Local market know-how", "Viewings that fit your week"),
    "ctas": ("Book a viewing",),
    "visual_hero": ("A smiling couple receiving house keys at a sunlit front door",),
    "visual_detail": ("Close-up of keys passed from hand to hand on a porch",),
}

_MOVING: dict[str, tuple[str, ...]] = {
    "hooks": ("Moving day, made easy.",),
    "benefits": ("Careful packing, careful hands", "Your boxes, on time"),
    "ctas": ("Get a moving quote",),
    "visual_hero": (
        "Movers carrying labeled boxes into a bright new home, sunlight pouring through the door",
    ),
}

PRO_SERVICES = Category(
    key="pro_services",
    label="local services",
    nouns=(
        "dental clinic", "dental practice", "dentist", "orthodontist", "physiotherapy",
        "physio", "chiropractor", "clinic", "car wash", "auto detailing", "car detailing",
        "mechanic", "auto repair", "house cleaning", "cleaning service", "cleaners",
        "plumber", "plumbing", "electrician", "roofing", "roofer", "roofers", "moving company",
        "movers", "law firm",
        "lawyer", "attorney", "accountant", "accounting firm", "real estate agent",
        "realtor", "dentiste", "avocat", "歯医者", "クリニック", "عيادة", "محامي",
    ),
    cues=("appointment", "repair", "service", "licensed", "insured", "emergency"),
    noun="service",
    audience="locals who want the job done right by people they can trust",
    mood="corporate",
    style="warm",
    setting="in a bright, tidy storefront",
    benefits=(
        "Appointments that fit your week",
        "Friendly, local and on time",
        "Clear prices before we start",
        "Straight answers, no surprises",
    ),
    hooks=("Done right, the first time.", "Local pros you can trust.", "Good help is close by."),
    desires=("One call, and it's handled.", "Peace of mind, on schedule."),
    pains=("Still waiting on a callback?", "Tired of surprise bills?"),
    agitations=("No-shows, vague quotes, wasted days.", "Every delay costs you time and money."),
    solutions=("{Name} shows up and gets it done.", "{Name}: clear prices, real care."),
    befores=("Putting it off, again?", "Another week of waiting?"),
    afters=("Now it's sorted. Finally.", "Handled, with time to spare."),
    bridges=("{Name} makes it easy.", "{Name}: one call, all sorted."),
    ctas=("Book an appointment", "Get a quote", "Call us today"),
    visuals={
        "cta": "A friendly professional opening the front door of a bright, tidy office and "
        "smiling at the camera, slow push-in",
        "hero": "A confident professional at work in a bright, well-kept space, warm light, "
        "slow dolly move",
        "detail": "Close-up of careful hands and precise tools at work, shallow depth of field",
        "lifestyle": "A relieved customer shaking hands with a smiling professional at the door",
        "problem": "A stressed person on hold on the phone, checking the clock in a cluttered "
        "kitchen",
        "agitate": "A calendar with crossed-out no-show appointments and an unpaid invoice",
    },
    palette=("#1F3A5F", "#F4F1EA", "#3FA7D6", "#FFFFFF"),
    local=True,
    specials={
        "dent": {
            "hooks": ("Smile with confidence.", "Gentle care, brighter smiles."),
            "benefits": ("A calm, judgment-free chair", "Time to answer every question"),
            "ctas": ("Book your checkup", "Book a visit"),
        },
        "ortho": {"hooks": ("Smile with confidence.",)},
        "car": {
            "hooks": ("Showroom shine in minutes.",),
            "benefits": ("Hand-finished, inside and out", "A spot-free, streak-free finish"),
            "ctas": ("Book a wash",),
            "visual_hero": ("A gleaming car rolling out of a wash tunnel, water beading on "
                            "the paint, sunlight flaring",),
        },
        "clean": {
            "hooks": ("Come home to clean.",),
            "benefits": ("Careful, friendly cleaners", "Every room, every detail"),
            "ctas": ("Book a clean",),
        },
        **dict.fromkeys(("law", "attorney", "avocat"), _LAW),  # "law" also names a lawyer
        "account": _ACCOUNTING,
        **dict.fromkeys(("mechanic", "auto repair", "garage"), _GARAGE),
        **dict.fromkeys(("plumb", "electric", "roof"), _TRADES),
        **dict.fromkeys(("real estate", "realtor"), _PROPERTY),
        "mov": _MOVING,
    },
)  # fmt: skip

CATEGORIES = (PRO_SERVICES,)

"""Copy banks for local professional services: clinics, cleaning, car care, legal, trades."""

from __future__ import annotations

from pipeline.providers.copywriting.catalog import Category

PRO_SERVICES = Category(
    key="pro_services",
    label="local services",
    nouns=(
        "dental clinic", "dental practice", "dentist", "orthodontist", "physiotherapy",
        "physio", "chiropractor", "clinic", "car wash", "auto detailing", "car detailing",
        "mechanic", "auto repair", "house cleaning", "cleaning service", "cleaners",
        "plumber", "plumbing", "electrician", "moving company", "movers", "law firm",
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
        "Five-star reviews from your neighbors",
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
            "benefits": ("Gentle, judgment-free care", "Evening and weekend appointments"),
            "ctas": ("Book your checkup", "Book a visit"),
        },
        "ortho": {"hooks": ("Smile with confidence.",)},
        "car": {
            "hooks": ("Showroom shine in minutes.",),
            "benefits": ("Hand-finished, inside and out", "Eco-friendly, spot-free rinse"),
            "ctas": ("Book a wash",),
            "visual_hero": ("A gleaming car rolling out of a wash tunnel, water beading on "
                            "the paint, sunlight flaring",),
        },
        "clean": {
            "hooks": ("Come home to clean.",),
            "benefits": ("Careful, friendly cleaners", "Eco-friendly products"),
            "ctas": ("Book a clean",),
        },
        "law": {
            "hooks": ("Clear advice. No jargon.",),
            "benefits": ("Fixed fees, agreed up front", "Plain-English advice"),
            "ctas": ("Book a consultation",),
        },
    },
)  # fmt: skip

CATEGORIES = (PRO_SERVICES,)

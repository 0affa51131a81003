"""Copy banks for staying well: gyms, classes and fitness apps; spas and wellness."""

from __future__ import annotations

from pipeline.providers.copywriting.catalog import Category

# A fitness *app* is not a gym: no opening hours, no front door; it sells a plan in a phone.
_FITNESS_APP: dict[str, tuple[str, ...]] = {
    "hooks": ("Your coach fits in your pocket.", "Train anywhere. Progress everywhere."),
    "benefits": (
        "Workouts that fit any schedule",
        "Plans that adapt to your progress",
        "No equipment needed",
        "Every rep and record tracked",
    ),
    "desires": ("Stronger every single week.", "Workouts that fit the day you actually have."),
    "solutions": ("{Name} plans every workout for you.",),
    "bridges": ("{Name} turns spare minutes into progress.",),
    "ctas": ("Get the app", "Download the app", "Start training today"),
    "visual_hero": (
        "A person mid-workout in a bright living room, a phone propped on the floor showing "
        "a timer, dynamic handheld camera",
    ),
    "visual_detail": (
        "Close-up of a phone screen as a workout plan ticks off a completed set, a sweaty "
        "thumb tapping next",
    ),
    "visual_lifestyle": (
        "A student finishing a home workout on a small balcony, grinning at a phone, golden "
        "evening light",
    ),
    "visual_cta": (
        "A phone held up in a sunny park after a run, a workout summary glowing on screen, "
        "slow push-in",
    ),
}

# A running club meets outside: routes and company, not barbells and class timetables.
_RUN_CLUB: dict[str, tuple[str, ...]] = {
    "audience": ("runners of every pace who would rather not run alone",),
    "setting": ("on a riverside path at sunrise",),
    "hooks": ("Every run is better together.", "Lace up. Show up."),
    "benefits": ("Routes for every pace", "Friendly runners who wait at the corner"),
    "desires": ("Miles that fly by in good company.", "The run you never skip."),
    "solutions": ("{Name}: find your pace, find your people.",),
    "ctas": ("Join a run", "Run with us"),
    "visual_hero": (
        "A group of runners laughing as they jog along a riverside path at sunrise, slow motion",
    ),
    "visual_detail": ("Close-up of running shoes hitting a wet path in step, morning mist",),
    "visual_lifestyle": (
        "Runners high-fiving at the end of a route, breath steaming in the cold air",
    ),
    "visual_cta": ("A group of runners gathering at a park gate at dawn, slow push-in",),
}

FITNESS = Category(
    key="fitness",
    label="fitness",
    nouns=(
        "sportschool",
        "siłownia",
        "siłowni",
        "boxing gym",
        "climbing gym",
        "fitness studio",
        "fitness classes",
        "fitness class",
        "hiit classes",
        "hiit class",
        "spin classes",
        "spin class",
        "cycling studio",
        "bootcamp",
        "personal training",
        "personal trainer",
        "running club",
        "run club",
        "running group",
        "crossfit box",
        "crossfit",
        "gym membership",
        "gym",
        "fitness app",
        "workout app",
        "training app",
        "salle de sport",
        "gimnasio",
        "fitnessstudio",
        "ジム",
        "フィットネス",
        "نادي رياضي",
        "صالة رياضية",
    ),
    cues=("workout", "workouts", "train", "training", "sweat", "reps", "strength", "fitness"),
    noun="gym",
    audience="busy people ready to get strong, fit and consistent",
    mood="energetic",
    style="vibrant",
    setting="in a gym lit by hard neon light",
    benefits=(
        "Coaches who know your name",
        "Classes for every level",
        "Plans built around your goals",
        "A community that shows up for you",
    ),
    hooks=(
        "Stronger starts today.",
        "Sweat now. Shine later.",
        "Your strongest year starts here.",
        "No excuses. Just reps.",
    ),
    desires=("Stronger every single week.", "The workout you'll actually look forward to."),
    pains=("Paying for a gym you never use?", "Bored of the same solo workouts?"),
    agitations=("Another Monday, another skipped session.", "No plan, no progress, no fun."),
    solutions=("{Name} keeps you coming back.", "{Name}: coaching that gets results."),
    befores=("Skipping workouts again?", "Stuck on the same plateau?"),
    afters=("Now you never miss a Monday.", "Stronger, fitter, proud of it."),
    bridges=("{Name} gets you there.", "{Name}: real coaches, real plans."),
    ctas=("Book your first class", "Start training today", "Join today"),
    visuals={
        "cta": (
            "A bright gym entrance at dawn, a member striding in with a towel over one "
            "shoulder, slow push-in"
        ),
        "hero": "Slow-motion shot of an athlete slamming battle ropes in a neon-lit gym, "
        "sweat flying, dynamic handheld camera",
        "detail": "Close-up of chalked hands gripping a barbell, a coach counting reps in "
        "the background",
        "lifestyle": "A group class high-fiving after a workout, laughing, golden light "
        "through big windows",
        "problem": "A person on a couch staring at an unused gym bag by the door, gray "
        "evening light",
        "agitate": "An empty treadmill in a dim, deserted gym, a membership card on the floor",
    },
    palette=("#111111", "#FF3B30", "#F2C14E", "#FFFFFF"),
    sport=True,
    local=True,
    specials={
        "yoga": {"hooks": ("Breathe in. Stand taller.",)},
        "boxing": {"hooks": ("Hit harder. Stress less.",)},
        "climb": {"hooks": ("Find your next hold.",)},
        "fitness app": _FITNESS_APP,
        "workout app": _FITNESS_APP,
        "run club": _RUN_CLUB,
        "running": _RUN_CLUB,
        "training app": _FITNESS_APP,
    },
)

# A spa or massage sells hands and warmth, not a class: no teachers, mats or levels.
_SPA: dict[str, tuple[str, ...]] = {
    "audience": ("busy people who need an hour of real rest",),
    "setting": ("in a softly lit treatment room",),
    "hooks": ("Unwind. You've earned it.", "Slow down. Breathe out."),
    "benefits": ("Skilled, caring therapists", "Warm, quiet treatment rooms"),
    "solutions": ("{Name}: an hour of pure calm.",),
    "ctas": ("Book a treatment", "Book your massage"),
    "visual_hero": (
        "Warm stones and a rolled towel beside a candle in a softly lit treatment "
        "room, steam drifting, slow dolly-in",
    ),
    "visual_detail": (
        "Close-up of a therapist's hands easing tension from a shoulder, soft warm light",
    ),
    "visual_lifestyle": (
        "A woman in a robe sipping tea by a window after a treatment, eyes closed, golden light",
    ),
    "visual_cta": ("A calm spa entrance with folded towels and a flickering candle, slow push-in",),
}

WELLNESS = Category(
    key="wellness",
    label="wellness",
    nouns=(
        "yoga studio",
        "yoga classes",
        "yoga class",
        "pilates studio",
        "pilates classes",
        "pilates",
        "yoga",
        "meditation app",
        "meditation",
        "day spa",
        "massage",
        "spa",
        "retreat",
        "sleep app",
        "cours de yoga",
        "ヨガ",
        "スパ",
        "يوغا",
        "سبا",
    ),
    cues=("mindful", "breathe", "stress", "relax", "sleep", "wellbeing", "self-care"),
    noun="studio",
    audience="busy people who need an hour that is only theirs",
    mood="calm",
    style="muted",
    setting="in a sunlit studio with linen curtains",
    benefits=(
        "Small classes, real attention",
        "Teachers with years of practice",
        "A calm space in a busy city",
        "Sessions for every level",
    ),
    hooks=("Breathe in. Slow down.", "An hour that's only yours.", "Find your calm again."),
    desires=("Leave lighter than you came.", "Calm that follows you home."),
    pains=("Stressed, stiff and always rushing?", "Can't switch off at night?"),
    agitations=("Tight shoulders. Racing thoughts. No time.", "Burnout doesn't wait for a break."),
    solutions=("{Name} gives you room to breathe.", "{Name}: calm, one session at a time."),
    befores=("Running on stress and coffee?", "Tense from morning to night?"),
    afters=("Now you breathe a little deeper.", "Lighter, looser, fully present."),
    bridges=("{Name} shows you the way.", "{Name} makes calm a habit."),
    ctas=("Book your first session", "Find your class", "Book a visit"),
    visuals={
        "cta": (
            "A calm studio doorway, mats laid out in soft morning light, a plant swaying by "
            "the window, slow push-in"
        ),
        "hero": "A woman unrolling a yoga mat in a sunlit studio, linen curtains drifting, "
        "slow dolly-in",
        "detail": "Close-up of hands resting on knees, slow breath, dust motes in soft light",
        "lifestyle": "A small class in a calm pose at sunrise, warm light across wooden floors",
        "problem": "A tense office worker rubbing their neck at a cluttered desk at night",
        "agitate": "A phone buzzing with notifications on a nightstand at 2 a.m.",
    },
    palette=("#5E6B5A", "#E9E4DA", "#C8A27C", "#FFFFFF"),
    local=True,
    specials={"spa": _SPA, "massage": _SPA},
)


CATEGORIES = (FITNESS, WELLNESS)

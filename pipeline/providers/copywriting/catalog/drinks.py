"""Copy banks for what people drink: coffee, soft drinks, beer and wine, and the bar night
(a sub-type of the restaurant bank, see ``food.RESTAURANT``)."""

from __future__ import annotations

from pipeline.providers.copywriting.catalog import Category

COFFEE = Category(
    key="coffee",
    label="coffee",
    nouns=(
        "kafé",
        "kafe",
        "kaffebar",
        "koffiebar",
        "koffiezaak",
        "kawiarnia",
        "kawiarni",
        "coffee shop",
        "coffee house",
        "coffeehouse",
        "coffee roaster",
        "roastery",
        "coffee beans",
        "cold brew",
        "espresso bar",
        "espresso",
        "café",
        "cafe",
        "coffee",
        "latte",
        "cafetería",
        "kaffee",
        "カフェ",
        "コーヒー",
        "مقهى",
        "قهوة",
    ),
    cues=("barista", "brew", "roast", "beans", "morning"),
    noun="coffee",
    audience="coffee lovers and locals looking for their new favorite spot",
    mood="upbeat",
    style="warm",
    setting="on a wooden café counter in morning light",
    benefits=(
        "Small-batch beans, roasted in house",
        "Baristas who know your order",
        "Made just the way you like it",
        "Cozy seats, warm light",
        "Pastries baked every morning",
    ),
    hooks=(
        "Your morning just got better.",
        "Good coffee changes everything.",
        "Brewed slow. Poured with love.",
        "Wake up to something better.",
    ),
    desires=("The cup you'll crave every morning.", "Your new favorite corner table."),
    pains=("Bitter coffee and a long line?", "Another sad office coffee?"),
    agitations=(
        "Burnt beans. Cold cups. Wasted mornings.",
        "Your morning deserves better than instant.",
    ),
    solutions=("{Name} pours it right, every time.", "{Name}: fresh beans, no rush."),
    befores=("Running on burnt office coffee?", "Mornings that feel like a chore?"),
    afters=("Now mornings are the best part.", "One sip, and the day clicks."),
    bridges=("{Name} brews the difference.", "{Name} saves your morning."),
    ctas=("Stop by today", "Order ahead", "Grab your cup"),
    visuals={
        "cta": (
            "A welcoming café storefront at golden hour, door propped open, warm light "
            "spilling onto the street, slow push-in"
        ),
        "hero": "Slow-motion pour of steamed milk into an espresso, latte art blooming in "
        "morning light",
        "detail": "Macro of coffee beans tumbling from a roaster drum, wisps of steam",
        "lifestyle": "Friends chatting at a sunlit window table in a cozy café, cups in hand",
        "problem": "A tired office worker sipping bitter coffee from a paper cup under "
        "fluorescent light",
        "agitate": "A long queue in a gray chain coffee shop, someone checking their watch",
    },
    palette=("#4B2E2B", "#C69C72", "#E3A857", "#FFF8F0"),
    local=True,
)


# A bar sells the evening, not the kitchen: glasses, low light and the people you meet there.
BAR_NIGHT: dict[str, tuple[str, ...]] = {
    "mood": ("luxury",),
    "style": ("warm",),
    "audience": ("friends and couples looking for a good night out",),
    "setting": ("on a candlelit bar top, glasses glinting",),
    "hooks": ("Your evening starts here.", "Raise a glass, make a night of it."),
    "benefits": ("Drinks poured with care", "Warm lights, good company"),
    "desires": ("The toast you'll remember.", "One more round, one more story."),
    "pains": ("Another night in on the couch?",),
    "agitations": ("Same couch. Same show. Same night.",),
    "solutions": ("{Name}: good drinks, better company.",),
    "befores": ("Another quiet night at home?",),
    "afters": ("Now the night has a story.",),
    "bridges": ("{Name} pours the good times.",),
    "ctas": ("Save your seat", "See you tonight"),
    "visual_hero": (
        "A bartender pouring a glowing drink into a glass on a candlelit bar, warm bokeh behind",
    ),
    "visual_detail": ("Macro of ice clinking into a glass as a drink is poured, warm amber light",),
    "visual_lifestyle": ("Friends clinking glasses and laughing in a cozy, low-lit bar",),
    "visual_problem": ("A lone person scrolling a phone on a couch in a dark living room",),
    "visual_agitate": ("A TV glowing over an untouched sofa, a quiet evening in gray light",),
    "visual_cta": ("A warm bar doorway at night, glasses glinting inside, slow push-in",),
}


BEVERAGE = Category(
    key="beverage",
    label="beverages",
    nouns=(
        "energy drink",
        "sparkling water",
        "protein shake",
        "craft beer",
        "kombucha",
        "smoothies",
        "smoothie",
        "lemonade",
        "juice",
        "soda",
        "beer",
        "wine",
        "matcha",
        "tea",
        "cocktails",
        "gin",
        "whisky",
        "whiskey",
        "bière",
        "bebida",
        "getränk",
        "お茶",
        "ビール",
        "عصير",
    ),
    cues=("drink", "drinks", "sip", "refreshing", "thirst"),
    noun="drink",
    audience="people who want a drink that tastes as good as it looks",
    mood="upbeat",
    style="vibrant",
    setting="on ice against a bright color backdrop",
    benefits=(
        "Flavor that wakes you up",
        "Bright, fruity and refreshing",
        "Crisp, bright and ice-cold",
        "A bright, clean lift",
    ),
    hooks=("Crack open something better.", "Taste the upgrade.", "Cold. Crisp. Yours."),
    desires=("Every sip, a little celebration.", "Refreshment you can taste."),
    pains=("Sugary drinks, afternoon crash?", "Bored of the same old soda?"),
    agitations=("Sugar spikes. Energy dips. Regret.", "Flat taste, fake flavors."),
    solutions=("{Name}: all flavor, no crash.", "{Name} tastes as good as it looks."),
    befores=("Afternoon slump, again?", "Same boring drink every day?"),
    afters=("Now every break feels fresh.", "Refreshed, bright, back at it."),
    bridges=("{Name} brings the sparkle.", "{Name} refreshes the routine."),
    ctas=("Grab a can", "Find it near you", "Taste it today"),
    visuals={
        "hero": "A chilled {product} bursting up through ice in slow motion, droplets flying, "
        "bright backlight",
        "detail": "Macro of bubbles rising through the {product}, condensation on the glass",
        "lifestyle": "Friends clinking drinks on a sunny rooftop, laughing",
        "problem": "A tired worker slumped at a desk at 3 p.m. beside a sugary soda",
        "agitate": "A flat, half-finished soda going warm on a desk",
    },
    specials={
        "wine": {"ctas": ("Pour a glass",), "hooks": ("Uncork something special.",)},
        "tea": {"hooks": ("Steep. Sip. Slow down.",), "ctas": ("Brew a cup",)},
        "beer": {"hooks": ("Brewed for the good times.",), "ctas": ("Grab a round",)},
    },
)


CATEGORIES = (COFFEE, BEVERAGE)

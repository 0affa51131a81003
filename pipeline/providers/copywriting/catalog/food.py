"""Copy banks for what people eat: bakeries, ice cream, restaurants (bars and delivery as
sub-types). Coffee and drinks live in ``drinks``."""

from __future__ import annotations

from pipeline.providers.copywriting.catalog import Category
from pipeline.providers.copywriting.catalog.drinks import BAR_NIGHT

#: Sweet bakes: the bakery's own lines are about bread and croissants.
_SWEETS: dict[str, tuple[str, ...]] = {
    "hooks": ("Sweet things, fresh from the oven.", "A little treat, baked today."),
    "benefits": (
        "Soft, golden and still warm",
        "Made for sharing (or not)",
        "A little something sweet, done right",
    ),
    "desires": ("One bite and the day gets sweeter.", "Soft in the middle, golden on top."),
    "visual_hero": (
        "Golden {product} coming out of a hot oven on a tray, steam rising, warm light",
    ),
    "visual_detail": ("Close-up of fresh {product} broken open, soft crumb and a wisp of steam",),
    "visual_lifestyle": ("Friends sharing {product} from a paper box at a sunny café table",),
    "visual_cta": (
        "A box of fresh {product} handed across a flour-dusted counter, warm morning light, "
        "slow push-in",
    ),
}

BAKERY = Category(
    key="bakery",
    label="bakery",
    nouns=(
        "bageri",
        "fırın",
        "fırınımız",
        "bakkerij",
        "piekarnia",
        "piekarni",
        "bake shop",
        "bakeshop",
        "bakery",
        "patisserie",
        "pâtisserie",
        "boulangerie",
        "panadería",
        "bäckerei",
        "パン屋",
        "ベーカリー",
        "مخبز",
        "sourdough",
        "croissants",
        "croissant",
        "pastries",
        "pastry",
        "cupcakes",
        "cakes",
        "cake",
        "donuts",
        "doughnuts",
        "cookies",
        "macarons",
        "bagels",
        "muffins",
        "muffin",
        "scones",
        "brownies",
        "bread",
    ),
    cues=("oven", "baked", "baking", "flour", "butter"),
    noun="bakery",
    audience="neighbors and food lovers who know fresh bread when they smell it",
    mood="upbeat",
    style="warm",
    setting="on a flour-dusted wooden counter",
    benefits=(
        "Baked fresh before sunrise",
        "Butter croissants, flaky to the core",
        "Sourdough with a long, slow rise",
        "Real butter, no shortcuts",
    ),
    hooks=(
        "Fresh from the oven.",
        "Warm bread. Happy mornings.",
        "Baked before the sun rose.",
        "Follow the smell of butter.",
    ),
    desires=("Flaky, golden, gone by noon.", "The crust crackles. The crumb melts."),
    pains=("Tired of stale supermarket bread?", "Another plastic-wrapped croissant?"),
    agitations=("Soft for a day, then sad.", "Factory pastries taste of nothing."),
    solutions=("{Name} bakes it fresh every morning.", "{Name}: real butter, real early."),
    befores=("Plastic-wrapped bread again?", "Breakfast from a vending machine?"),
    afters=("Now mornings smell like butter.", "Warm croissants, still crackling."),
    bridges=("{Name} bakes the difference.", "{Name} is up before you are."),
    ctas=("Visit us today", "Order fresh today", "Come in hungry"),
    visuals={
        "cta": (
            "A paper bag of fresh loaves handed across a flour-dusted counter, warm morning "
            "light, slow push-in"
        ),
        "hero": "Golden croissants sliding out of a hot oven on a wooden peel, steam rising, "
        "warm light",
        "detail": "Macro of a croissant torn open, flaky layers and a buttery crumb",
        "lifestyle": "A smiling customer carrying a paper bag of fresh loaves out of a sunlit "
        "bakery",
        "problem": "A squashed plastic-wrapped loaf on a supermarket shelf under harsh light",
        "agitate": "Close-up of stale bread crumbling onto a plate",
    },
    palette=("#7B4B2A", "#F3E5D0", "#E07A5F", "#FFFFFF"),
    specials=dict.fromkeys(
        ("muffin", "cupcake", "cake", "donut", "doughnut", "cookie", "brownie", "macaron", "scone"),
        _SWEETS,
    ),
    local=True,
)


# Ice cream is no loaf: scoops, cones and summer evenings instead of ovens and crusts.
ICE_CREAM = Category(
    key="ice_cream",
    label="ice cream",
    nouns=(
        "ijssalon",
        "lodziarnia",
        "lodziarni",
        "ice cream shop",
        "ice cream parlor",
        "ice cream parlour",
        "ice cream",
        "gelateria",
        "gelato",
        "frozen yogurt",
        "froyo",
        "アイスクリーム",
        "ジェラート",
        "آيس كريم",
    ),
    cues=("scoop", "scoops", "cone", "cones", "sundae", "sorbet"),
    noun="ice cream",
    audience="sweet-toothed locals, families and anyone chasing a summer treat",
    mood="playful",
    style="vibrant",
    setting="on a sunny café counter beside a stack of waffle cones",
    benefits=(
        "Churned in small batches",
        "Flavors that change with the seasons",
        "Classic and seasonal flavors",
        "Waffle cones made in house",
    ),
    hooks=("Life is better by the scoop.", "Cold, creamy, calling you.", "Treat yourself."),
    desires=("One scoop is never enough.", "Summer, in a cone."),
    pains=("Tired of icy, bland supermarket tubs?", "Dessert that tastes like nothing?"),
    agitations=("Freezer burn. Fake vanilla. No joy.", "Another sad spoonful of ice crystals."),
    solutions=("{Name}: the scoop worth the walk.", "{Name} churns the real thing."),
    befores=("Another sad tub from the freezer?", "Dessert on autopilot?"),
    afters=("Now every walk ends with a cone.", "Sticky fingers, big smiles."),
    bridges=("{Name} scoops the good stuff.", "{Name} makes any day a sundae."),
    ctas=("Grab a scoop", "Come in for a cone", "Treat yourself today"),
    visuals={
        "hero": "A scoop of creamy ice cream rolled into a crisp waffle cone, a slow drip "
        "catching warm light",
        "detail": "Macro of a scoop carving a smooth curl from a tub of ice cream",
        "lifestyle": "Friends laughing on a sunny sidewalk, melting cones in hand",
        "problem": "A frosted, half-empty supermarket tub in cold freezer light",
        "agitate": "Close-up of icy crystals on a spoonful of bland ice cream",
        "cta": "A bright ice cream counter with colorful tubs behind the glass, slow push-in",
    },
    palette=("#E56B9F", "#FFF1E6", "#6CC4B0", "#FFFFFF"),
    local=True,
)


# Delivered food comes to the door: nobody crosses town for it, nobody books a table.
_DELIVERY: dict[str, tuple[str, ...]] = {
    "hooks": ("Dinner, sorted.", "Good food, no dishes."),
    "benefits": ("Fresh meals to your door", "A menu that changes every week"),
    "desires": ("Your best week of eating, without the effort.",),
    "solutions": ("{Name}: real food, delivered.",),
    "ctas": ("Order your first box", "Order now"),
    "visual_hero": (
        "A delivery box opened on a sunny kitchen counter, fresh colorful meals "
        "inside, slow motion",
    ),
    "visual_cta": (
        "A smiling courier handing a meal box over at a bright front door, slow push-in",
    ),
}


RESTAURANT = Category(
    key="restaurant",
    label="restaurant",
    nouns=(
        "restauracja",
        "restauracji",
        "ramen shop",
        "ramen bar",
        "ramen restaurant",
        "noodle bar",
        "noodle shop",
        "sushi bar",
        "burger joint",
        "food truck",
        "salad bowls",
        "salad bar",
        "poke bowls",
        "meal kits",
        "meal prep",
        "food delivery",
        "salads",
        "salad",
        "steakhouse",
        "pizzeria",
        "trattoria",
        "brasserie",
        "taqueria",
        "izakaya",
        "restaurant",
        "bistro",
        "diner",
        "wine bar",
        "cocktail bar",
        "cocktail lounge",
        "gastropub",
        "brewpub",
        "taproom",
        "speakeasy",
        "ramen",
        "pizza",
        "burgers",
        "burger",
        "sushi",
        "tacos",
        "restaurante",
        "ラーメン屋",
        "ラーメン",
        "レストラン",
        "寿司",
        "مطعم",
    ),
    cues=("chef", "menu", "dinner", "lunch", "brunch", "dishes", "flavor", "food"),
    noun="restaurant",
    audience="hungry locals and food lovers looking for their next favorite meal",
    mood="upbeat",
    style="warm",
    setting="on a rustic wooden table under warm pendant lights",
    benefits=(
        "Made from scratch every day",
        "Seasonal, locally sourced ingredients",
        "Cozy tables, friendly service",
        "Takeout that travels well",
    ),
    hooks=(
        "Come hungry. Leave happy.",
        "{Product} worth crossing town for.",
        "Your new favorite table.",
    ),
    desires=("Flavor you'll talk about tomorrow.", "Every bite tastes like a good night."),
    pains=("Another bland takeout night?", "Tired of soggy delivery food?"),
    agitations=(
        "Cold fries. Sad salads. Wasted money.",
        "You deserve better than microwaved dinners.",
    ),
    solutions=("{Name} cooks it fresh, just for you.", "{Name}: real food, made to order."),
    befores=("Microwave dinner, again?", "Same boring takeout menu?"),
    afters=("Now Friday night has a flavor.", "Plates cleaned. Table booked again."),
    bridges=("{Name} serves the upgrade.", "{Name} brings the flavor."),
    ctas=("Book a table", "Order now", "Come hungry today"),
    visuals={
        "cta": (
            "A warm, busy dining room at night seen through the front window, candles on "
            "every table, slow push-in"
        ),
        "hero": "Sizzling {product} dishes plated in a busy open kitchen, flames and steam, "
        "warm light",
        "detail": "Macro of fresh ingredients being chopped and tossed, sauce glistening",
        "lifestyle": "Friends laughing and sharing plates at a candlelit table",
        "problem": "A lonely microwave meal spinning under harsh kitchen light",
        "agitate": "A soggy takeout box opened on a cluttered counter",
    },
    local=True,
    specials={
        **dict.fromkeys(("wine bar", "cocktail", "pub", "taproom", "speakeasy"), BAR_NIGHT),
        **dict.fromkeys(("delivery", "meal prep", "meal kit"), _DELIVERY),
        "ramen": {
            "hooks": ("Hungry? Follow the steam.", "One bowl. Pure comfort."),
            "benefits": (
                "Broth simmered low and slow",
                "Noodles made fresh every morning",
                "Chashu that melts on the tongue",
            ),
            "desires": (
                "Rich broth. Springy noodles. Pure comfort.",
                "The bowl you'll think about tomorrow.",
            ),
            "visual_hero": (
                "Steam rising from a bowl of tonkotsu ramen as chopsticks lift "
                "glossy noodles, warm lantern light",
            ),
            "visual_detail": (
                "Macro of a soft egg split open over rich ramen broth, "
                "scallions falling in slow motion",
            ),
        },
        "pizza": {
            "hooks": ("Wood-fired and worth it.",),
            "benefits": ("Slow-fermented dough", "Blistered crust from a blazing oven"),
            "visual_hero": (
                "A pizza sliding out of a roaring wood-fired oven, cheese bubbling, embers glowing",
            ),
        },
        "sushi": {
            "hooks": ("Fresh catch. Precise cuts.",),
            "benefits": ("Fish delivered fresh every morning", "Rice seasoned by hand"),
        },
        "burger": {
            "hooks": ("Two hands. Zero regrets.",),
            "benefits": ("Smashed patties, crispy edges", "Buns baked fresh daily"),
        },
        "salad": {
            "hooks": ("Fresh greens, zero boredom.", "Lunch that loves you back."),
            "benefits": (
                "Greens picked fresh every morning",
                "Dressings made in house",
                "Quick enough for a lunch break",
            ),
            "visual_hero": (
                "A vibrant salad bowl tossed in slow motion, greens and seeds "
                "flying, bright daylight",
            ),
        },
        "taco": {
            "hooks": ("Taco night, upgraded.",),
            "benefits": ("Tortillas pressed by hand", "Salsas made fresh every morning"),
        },
    },
)


CATEGORIES = (BAKERY, ICE_CREAM, RESTAURANT)

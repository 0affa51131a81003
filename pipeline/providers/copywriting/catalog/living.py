"""Copy banks for everyday goods: consumer tech, home, kids and toys."""

from __future__ import annotations

from pipeline.providers.copywriting.catalog import Category

# Not every device is a pair of earbuds: nothing "pairs in one tap" on a wrist or a desk.
_SMARTWATCH: dict[str, tuple[str, ...]] = {
    "hooks": ("Your day, at a glance.", "Time, and so much more."),
    "benefits": ("Notifications at a glance", "A face for every outfit"),
    "visual_hero": (
        "A runner glancing at a glowing smartwatch mid-stride at sunrise, slow motion",
    ),
}
_COMPUTER: dict[str, tuple[str, ...]] = {
    "hooks": ("Power that goes where you go.", "Made for big ideas."),
    "benefits": ("Fast enough for everything you do", "Light enough to carry all day"),
    "visual_hero": (
        "A sleek laptop opening on a sunlit café table, the screen lighting up, slow push-in",
    ),
}

ELECTRONICS = Category(
    key="electronics",
    label="consumer tech",
    nouns=(
        "wireless earbuds",
        "noise-cancelling headphones",
        "bluetooth speaker",
        "headphones",
        "earbuds",
        "speakers",
        "speaker",
        "smartphone",
        "smartwatch",
        "smart watch",
        "laptop",
        "tablet",
        "camera",
        "drone",
        "power bank",
        "charger",
        "casque",
        "auriculares",
        "kopfhörer",
        "イヤホン",
        "ヘッドホン",
        "سماعات",
    ),
    cues=("battery", "bluetooth", "wireless", "gadget", "tech"),
    noun="device",
    audience="tech lovers who want gear that just works",
    mood="upbeat",
    style="cool",
    setting="against a clean gradient backdrop",
    benefits=(
        "Made for life on the move",
        "Pairs in one tap",
        "Built to go anywhere",
        "Premium build, lighter feel",
    ),
    hooks=("Tech that just works.", "Designed to disappear.", "Small device. Big upgrade."),
    desires=("Your day, upgraded.", "Everything you need. Nothing you don't."),
    pains=("Battery dead by lunch?", "Tired of clunky, tangled gear?"),
    agitations=("Dropouts. Dead batteries. Missed calls.", "Cheap gear quits when you need it."),
    solutions=("{Name} lasts all day and then some.", "{Name}: seamless from the first tap."),
    befores=("Dying batteries and dropped calls?", "Gear that never quite works?"),
    afters=("Now everything just works.", "Charged, connected, ready."),
    bridges=("{Name} upgrades your day.", "{Name} keeps you connected."),
    ctas=("Shop now", "Get yours today", "Order now"),
    visuals={
        "hero": "The {product} rotating in mid-air against a clean gradient, crisp studio "
        "light, slow orbit",
        "detail": "Macro of the {product} surface and controls, precise reflections",
        "lifestyle": "A commuter smiling on a train with the {product}, city lights streaking "
        "past the window",
        "problem": "A phone showing 1% battery on a crowded, gray commute",
        "agitate": "Tangled cables and a dead device on a messy desk",
    },
    specials={
        "head": {
            "hooks": ("Hear every detail.", "Turn the world down."),
            "benefits": ("Your soundtrack for the commute", "Studio-quality sound"),
        },
        "earbud": {
            "hooks": ("Hear every detail.", "Turn the world down."),
            "benefits": ("Your soundtrack for the commute", "A fit you forget"),
        },
        "speaker": {
            "hooks": ("Bring the party anywhere.",),
            "benefits": ("Room-filling sound", "Made to go where you go"),
        },
        **dict.fromkeys(("smartwatch", "smart watch"), _SMARTWATCH),
        **dict.fromkeys(("laptop", "tablet"), _COMPUTER),
    },
)


HOME = Category(
    key="home",
    label="home & living",
    nouns=(
        "soy candles",
        "scented candles",
        "candles",
        "candle",
        "home decor",
        "furniture",
        "sofa",
        "couch",
        "mattress",
        "bedding",
        "bed sheets",
        "sheets",
        "lamps",
        "lamp",
        "rugs",
        "rug",
        "throw pillows",
        "cookware",
        "bougies",
        "bougie",
        "meubles",
        "velas",
        "muebles",
        "kerzen",
        "möbel",
        "家具",
        "キャンドル",
        "شموع",
        "أثاث",
    ),
    cues=("home", "living room", "bedroom", "interior", "decor"),
    noun="home collection",
    audience="homebodies who want a space that feels like them",
    mood="calm",
    style="warm",
    setting="in a softly lit living room",
    benefits=(
        "Made by hand in small batches",
        "Materials that feel good to live with",
        "Designed to last for years",
        "Comfort you feel instantly",
    ),
    hooks=("Make home your favorite place.", "Cozy, on purpose.", "Come home to calm."),
    desires=("The corner you'll never leave.", "Home, but softer."),
    pains=("A house that doesn't feel like home?", "Tired of rooms that feel cold?"),
    agitations=("Bare walls, harsh light, no warmth.", "Cheap pieces wobble, fade and break."),
    solutions=("{Name} makes every room feel yours.", "{Name}: warmth you can feel."),
    befores=("Bare walls and harsh lights?", "A living room nobody lives in?"),
    afters=("Now it's the coziest room in town.", "Home finally feels like you."),
    bridges=("{Name} brings the warmth.", "{Name} completes the room."),
    ctas=("Shop the collection", "Bring it home", "Shop now"),
    visuals={
        "hero": "A cozy, sunlit living room styled around the {product}, slow push-in",
        "detail": "Close-up of natural textures: linen, wood grain and the {product} in soft light",
        "lifestyle": "Someone curled up with a book and tea beside the {product}, evening glow",
        "problem": "A bare, cold apartment under a harsh ceiling light",
        "agitate": "A wobbly cheap shelf and a stained, sagging cushion",
    },
    specials={
        "candle": {
            "hooks": ("Light one. Breathe out.",),
            "benefits": ("A slow, even glow", "Hand-poured in small batches"),
            "visual_hero": (
                "A {product} flickering in a cozy room at dusk, soft blankets, warm light",
            ),
        },
        "mattress": {
            "hooks": ("Sleep like you mean it.",),
            "pains": ("Waking up sore and tired?",),
            "benefits": ("Pressure relief where you need it", "Comfort from lights-out to alarm"),
        },
    },
)


TOYS = Category(
    key="toys",
    label="kids & toys",
    nouns=(
        "board games",
        "board game",
        "building blocks",
        "toys",
        "toy",
        "puzzles",
        "puzzle",
        "stroller",
        "jouets",
        "juguetes",
        "spielzeug",
        "おもちゃ",
        "ألعاب أطفال",
    ),
    cues=("kids", "children", "toddler", "toddlers", "play", "playtime"),
    noun="toys",
    audience="parents who want play that's fun and good for growing minds",
    mood="playful",
    style="vibrant",
    setting="on a bright playroom rug",
    benefits=(
        "Screen-free fun for hours",
        "Made for little hands",
        "Builds creativity and focus",
        "Grows with your child",
    ),
    hooks=("Playtime, leveled up.", "Made for tiny adventurers.", "Fun that sparks big ideas."),
    desires=("Giggles now. Skills forever.", "The toy they'll never put down."),
    pains=("Bored kids glued to screens?", "Toys forgotten by Tuesday?"),
    agitations=("Cheap toys break. Screens take over.", "Another rainy day, another meltdown."),
    solutions=("{Name} turns boredom into building.", "{Name}: play that lasts."),
    befores=("Rainy-day meltdowns?", "Screens, screens, screens?"),
    afters=("Now it's giggles all afternoon.", "Quiet focus, big smiles."),
    bridges=("{Name} makes play count.", "{Name} sparks the fun."),
    ctas=("Shop toys now", "Order today", "Get yours today"),
    visuals={
        "hero": "Bright slow-motion shot of colorful {product} tumbling onto a playroom floor",
        "detail": "Close-up of little hands clicking the {product} together",
        "lifestyle": "A family laughing around the {product} on a sunny living-room rug",
        "problem": "A bored child slumped on the couch, face lit by a tablet",
        "agitate": "A broken plastic toy on top of a box of forgotten junk",
    },
)


GAMES = Category(
    key="games",
    label="games",
    # Played on a screen: the toy bank's "screen-free fun" would be false for these.
    nouns=(
        "mobile game",
        "mobile games",
        "video game",
        "video games",
        "puzzle game",
        "puzzle games",
        "phone game",
        "strategy game",
        "indie game",
        "game app",
        "gaming app",
        "console game",
        "pc game",
        "rpg",
    ),
    noun="game",
    audience="players looking for a game worth their spare minutes",
    mood="energetic",
    style="vibrant",
    setting="in a dark room lit by a glowing screen",
    benefits=(
        "Easy to pick up, hard to put down",
        "Play at your own pace",
        "Made for a spare minute or a whole evening",
    ),
    hooks=("Game on.", "One more level. Promise.", "Your next obsession starts here."),
    desires=("One more round. Then another.", "The game you'll keep coming back to."),
    pains=("Bored of the same old games?", "Scrolling with nothing to play?"),
    agitations=("Same levels. Same moves. Same boredom.", "Another game you'll delete tomorrow?"),
    solutions=("{Name} changes the game.", "{Name}: game on."),
    befores=("Stuck on the same old games?", "Nothing to play on the commute?"),
    afters=("Now every spare minute is a win.", "Now you can't wait for the next level."),
    bridges=("{Name} gets you playing.", "{Name} changes the game."),
    ctas=("Play now", "Download now", "Start playing"),
    visuals={
        "hero": "A glowing phone screen lighting up a player's face in a dark room, vivid "
        "{product} colours reflected in their eyes, slow push-in",
        "detail": "Close-up of thumbs tapping a phone screen, bright particles and {product} "
        "colours spilling out of the display",
        "lifestyle": "Friends on a sofa laughing at a phone, leaning in for a close finish "
        "of the {product}",
        "problem": "A bored commuter scrolling a phone on a gray train, nothing to play",
        "agitate": "A phone screen of dull gray app icons, a thumb deleting one after another",
        "cta": "A phone held up to the camera, the {product} glowing on its screen in a dark "
        "room, a thumb tapping play, slow push-in",
    },
    palette=("#1B1035", "#7C3AED", "#22D3EE", "#FFFFFF"),
)

CATEGORIES = (ELECTRONICS, HOME, GAMES, TOYS)

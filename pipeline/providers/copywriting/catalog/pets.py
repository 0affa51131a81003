"""Copy banks for pets: food, treats and toys; care people book (walking, grooming, sitting)."""

from __future__ import annotations

from pipeline.providers.copywriting.catalog import Category

PET = Category(
    key="pet",
    label="pet care",
    nouns=(
        "pet food",
        "dog food",
        "cat food",
        "dog treats",
        "cat treats",
        "kibble",
        "pet store",
        "pet shop",
        "dog toy",
        "cat toy",
        "pet toy",
        "chew toy",
        "squeaky toy",
        "puppy toy",
        "croquettes",
        "hundefutter",
        "ペットフード",
        "ドッグフード",
        "طعام الحيوانات",
    ),
    cues=("dog", "dogs", "cat", "cats", "puppy", "puppies", "pup", "pets", "pet", "kitten", "paws"),
    noun="pet food",
    audience="dog and cat parents who want the best for their pets",
    mood="playful",
    style="warm",
    setting="on a sunny kitchen floor",
    benefits=(
        "Meals they finish to the last bite",
        "Recipes pets go wild for",
        "Wholesome meals, happy bellies",
        "Delivered fresh to your door",
    ),
    hooks=("Tails up. Bowls clean.", "Made for happy tails.", "Dinner they'll sit for."),
    desires=("Shinier coats, happier zoomies.", "The bowl they'll race to."),
    pains=("Picky eater leaving the bowl?", "Not sure what's in that kibble?"),
    agitations=("Mystery fillers. Dull coats. Sad eyes.", "They'd tell you if they could."),
    solutions=("{Name}: real food for real pets.", "{Name} makes mealtime the best time."),
    befores=("A full bowl, a bored pup?", "Dull coat, low energy?"),
    afters=("Now dinner means zoomies.", "Shiny coat, wagging tail."),
    bridges=("{Name} fills the bowl right.", "{Name} gets tails wagging."),
    ctas=("Try it today", "Order a trial bag", "Shop now"),
    visuals={
        "hero": "A happy golden retriever bounding toward camera across a sunny garden, ears "
        "flying, slow motion",
        "detail": "Close-up of wholesome {product} poured into a bowl, a wet nose sneaking in",
        "lifestyle": "A dog and its owner cuddling on a sunlit couch, tail thumping",
        "problem": "A bored dog ignoring a full bowl of dry kibble on a kitchen floor",
        "agitate": "Close-up of a pet food label crowded with unpronounceable ingredients",
    },
    palette=("#E76F51", "#F4A261", "#2A9D8F", "#FFFFFF"),
    specials={
        "cat": {
            "hooks": ("Even picky cats purr.",),
            "visual_hero": (
                "A curious cat padding toward a bowl in a sunlit kitchen, tail held high",
            ),
        },
        # Toys, not food: checked before "dog"/"cat" so a dog toy never promises real meat.
        "toy": {
            "hooks": ("Squeak. Pounce. Repeat.", "Playtime, upgraded."),
            "desires": ("The toy they'll carry everywhere.", "Zoomies, incoming."),
            "benefits": (
                "Built to survive serious chewing",
                "Soft on teeth, tough on boredom",
                "Hours of fetch-and-squeak fun",
            ),
            "pains": ("Another toy shredded in minutes?",),
            "agitations": ("Stuffing on the rug. Bored pup on the couch.",),
            "ctas": ("Shop toys now", "Fetch yours today"),
            "visual_hero": (
                "A playful puppy pouncing on a bright squeaky toy on a sunny living-room rug, "
                "slow motion",
            ),
            "visual_detail": ("Close-up of the {product} in a dog's gentle jaws, tail wagging",),
            "visual_problem": ("A bored dog next to a pile of shredded toys on a rug",),
        },
    },
)

# A pet *service* is not pet food: no bowls or ingredients, it sells trusted hands and a
# happy animal coming home. Checked by noun, so "dog walking" never reads as kibble.
PET_CARE = Category(
    key="pet_care",
    label="pet services",
    nouns=(
        "dog walking",
        "dog walker",
        "dog walkers",
        "pet grooming",
        "dog grooming",
        "cat grooming",
        "grooming salon",
        "dog groomer",
        "pet groomer",
        "groomer",
        "pet sitting",
        "pet sitter",
        "dog sitting",
        "dog sitter",
        "cat sitting",
        "cat sitter",
        "doggy daycare",
        "dog daycare",
        "dog boarding",
        "pet boarding",
        "dog training",
        "puppy training",
        "puppy classes",
        "dog trainer",
        "toilettage",
        "promeneur de chiens",
        "トリミングサロン",
        "ペットシッター",
    ),
    cues=("walkies", "groom", "grooming", "walker", "sitter"),
    noun="pet care",
    audience="busy dog and cat parents who want their pet in caring hands",
    mood="playful",
    style="warm",
    setting="at a sunny front door, a leash hanging by the handle",
    benefits=(
        "Caring, dependable people",
        "Photos and notes after every visit",
        "Gentle with nervous pets",
        "Easy online booking",
    ),
    hooks=("Happy pets, easy days.", "Caring hands for furry friends.", "Tails up, worries down."),
    desires=("Come home to a happy, tired pup.", "The wag that says they had a great day."),
    pains=("Long day, lonely pup?", "Worried about your pet while you're out?"),
    agitations=("Guilty looks from the couch.", "Chewed shoes. Sad eyes. Another late meeting."),
    solutions=("{Name} takes care of the care.", "{Name}: trusted hands, happy pets."),
    befores=("Rushing home to a restless pup?", "A pet home alone all day?"),
    afters=("Now they're tired, happy and loved.", "Calm evenings, wagging tails."),
    bridges=("{Name} fits care into your week.", "{Name} makes every day a good day."),
    ctas=("Book a visit", "Meet the team", "Book now"),
    visuals={
        "hero": "A happy dog trotting beside a smiling carer along a leafy sidewalk, morning "
        "sun, slow motion",
        "detail": "Close-up of gentle hands clipping a leash onto a wagging dog's collar",
        "lifestyle": "A dog bounding through the front door to greet its owner after a great "
        "day, warm evening light",
        "problem": "A lonely dog lying by the front door watching the handle, a quiet "
        "apartment in gray light",
        "agitate": "A chewed slipper on a hallway floor, a restless dog pacing behind it",
        "cta": "A happy dog on a leash waiting at a sunny front door, tail wagging, slow push-in",
    },
    palette=("#2A9D8F", "#F4A261", "#E76F51", "#FFFFFF"),
    local=True,
    specials={
        # First, so a cat groomer or sitter shows cats, not the dogs the other lines picture.
        "cat": {
            "hooks": ("Even picky cats purr.",),
            "desires": ("One very content cat.",),
            "visual_hero": (
                "A fluffy cat stretching contentedly on a sunny windowsill, soft light, slow "
                "motion",
            ),
            "visual_detail": ("Close-up of gentle hands brushing a purring cat's soft coat",),
            "visual_lifestyle": ("A relaxed cat curled on its owner's lap on a sunlit sofa",),
            "visual_cta": (
                "A calm, fluffy cat blinking slowly at camera on a bright cushion, slow push-in",
            ),
        },
        "walk": {
            "hooks": ("Happy dogs get walked.", "More walks, more wags."),
            "benefits": ("Caring, dependable walkers", "A happy, tired dog after every walk"),
            "desires": ("Muddy paws, big grin, best day.",),
            "ctas": ("Book a walk", "Meet your walker"),
            "visual_hero": (
                "A walker with three happy dogs on leashes striding through a sunny park, "
                "tails high, slow motion",
            ),
        },
        "groom": {
            "hooks": ("Fresh, fluffy, fabulous.", "Pampered from nose to tail."),
            "benefits": ("Gentle, patient groomers", "Bath, trim and nails in one visit"),
            "desires": ("Fluffy, fresh and proud of it.",),
            "solutions": ("{Name}: gentle grooming, happy pets.",),
            "afters": ("Now they're fluffy, fresh and proud.",),
            "ctas": ("Book a groom", "Book a pamper day"),
            "visual_hero": (
                "A freshly groomed fluffy dog shaking off on a grooming table, soft studio "
                "light, slow motion",
            ),
            "visual_detail": (
                "Close-up of a groomer's gentle hands brushing a dog's soft coat, fur catching "
                "the light",
            ),
            "visual_problem": ("A muddy, matted dog sitting in a hallway, looking sheepish",),
            "visual_cta": (
                "A fluffy, freshly groomed dog posing at a bright salon counter, slow push-in",
            ),
        },
        "sit": {
            "benefits": ("Care in your own home", "Photos and notes after every visit"),
            "ctas": ("Book a sitter", "Meet your sitter"),
        },
        "train": {
            "hooks": ("Good dog. Every time.", "Sit. Stay. Succeed."),
            "benefits": ("Kind, reward-based training", "Small, friendly classes"),
            "ctas": ("Book a class", "Book a session"),
            "visual_hero": (
                "A puppy sitting proudly on command in a sunny park, its owner beaming, slow "
                "motion",
            ),
        },
    },
)

CATEGORIES = (PET_CARE, PET)

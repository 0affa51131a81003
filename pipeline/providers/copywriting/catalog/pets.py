"""Copy bank for pet care: food, treats, walking and grooming."""

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
        "dog walking",
        "dog walker",
        "pet grooming",
        "dog daycare",
        "pet insurance",
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
        "Real meat as the first ingredient",
        "Vet-formulated recipes",
        "No fillers, no artificial colors",
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
        "walk": {
            "hooks": ("Happy dogs get walked.",),
            "benefits": ("Insured, vetted walkers", "GPS updates from every walk"),
            "ctas": ("Book a walk", "Meet your walker"),
        },
        # Toys, not food: checked before "dog"/"cat" so a dog toy never promises real meat.
        "toy": {
            "hooks": ("Squeak. Pounce. Repeat.", "Playtime, upgraded."),
            "desires": ("The toy they'll carry everywhere.", "Zoomies, guaranteed."),
            "benefits": (
                "Built to survive serious chewing",
                "Safe, non-toxic materials",
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
        "groom": {
            "hooks": ("Fresh cut. Happy pup.",),
            "ctas": ("Book a groom", "Book a pamper day"),
        },
    },
)

CATEGORIES = (PET,)

"""Word lists the prompt reader relies on: words that are never brands, colors, mood cues."""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Everyday words (any casing) that can open a sentence but never start a brand name.
COMMON = _words(
    """
    a an the this that these those my our your their his her its we i you they it me us
    and or but so if then than as of in on at by for from with without into onto to up
    about over under after before during while until near across around within per via
    create make generate produce design build write craft give need want help show get
    promote promoting advertise advertising advert ad ads video videos clip commercial
    promo spot reel story stories post campaign teaser trailer spec brief script piece
    please can could would should will shall may might must do does did be is are was
    were been being have has had let lets let's use using try meet introducing introduce
    presenting present announcing announce launch launching launched unveil unveiling
    celebrate celebrating showcase showcasing highlight highlighting feature featuring
    tell sell selling say imagine discover explore stop start tired sick fed struggling
    struggle no not never say goodbye hello hey hi new brand-new all-new latest best
    top great amazing awesome premium luxury luxurious elegant modern classic fresh
    cozy cosy handmade homemade artisanal artisan organic natural local small big
    little sustainable eco eco-friendly vegan healthy fun bold bright cool cute simple
    smart clean pure quiet calm energetic upbeat playful vibrant minimalist minimal
    vintage retro urban rustic affordable cheap budget budget-friendly low-cost inexpensive
    value exclusive limited special perfect noise electric custom wooden
    ultimate quick fast easy free sale deal deals offer offers discount today tonight
    tomorrow now soon weekend week month year morning evening night daily every each
    some any more most other another such only just also even still here there where
    when what which who whom whose why how
    summer winter spring autumn fall holiday holidays season seasonal
    ad-style cinematic vertical short long second seconds minute minutes
    beautiful gorgeous stunning delicious tasty comfy comfortable stylish durable unique
    lightweight soft warm colorful colourful sleek powerful gentle creamy crispy crunchy
    spicy sweet juicy rich bespoke tailored cute sturdy waterproof wireless portable
    target targeting aimed audience young busy working first-time
    kids kid children family families baby babies teens teen mens womens ladies
    """
)

#: Verbs of the request that can open a prompt ("Meet Luma", "Try Luma serum").
OPENING_VERBS = _words(
    """
    create make generate produce design build write craft give need want help show get
    promote advertise please do let lets let's use try meet introduce introducing present
    presenting announce announcing launch launching unveil unveiling celebrate celebrating
    showcase showcasing highlight highlighting feature featuring tell sell say imagine
    discover explore stop start book order shop buy visit join call find see watch
    """
)

#: Small words that may sit inside a multi-word name ("House of Oud", "Maison de Riz").
CONNECTORS = _words(
    "& of de du des la le del di da do dos das della delle dei degli von van der y et"
)

DETERMINERS = _words("a an the this that my our your their his her its some")

#: Proper nouns that are never the advertised brand.
PLATFORM_WORDS = _words(
    "instagram insta ig reels reel tiktok tik tok youtube shorts facebook fb meta stories "
    "snapchat pinterest linkedin twitter threads whatsapp"
)
DAYS = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)
NON_BRAND = (
    PLATFORM_WORDS
    | frozenset(DAYS)
    | _words(
        "etsy amazon ebay shopify airbnb vrbo booking.com"
    )  # where it is sold, not who sells it
    | _words(
        """
        january february march april june july august september october november december
        christmas xmas easter halloween thanksgiving valentine valentine's valentines
        ramadan eid diwali hanukkah new-year
        french japanese italian spanish german english american british mexican korean
        chinese thai indian greek swiss scandinavian nordic brazilian arabic arab
        moroccan lebanese vietnamese turkish parisian european asian african australian
        canadian irish scottish portuguese dutch belgian danish swedish norwegian
        finnish russian polish californian texan
        saas b2b b2c ai crm erp hr seo usa us uk eu ui ux hd 4k 8k uhd led oled diy faq
        ceo cta vip bogo nyc sf tv pc gps api pdf ios rgb spf vr ev suv usb ok bbq ipa
        ny la dm sms qr gen z 5k 10k hiit rgb pro max
        paris london tokyo kyoto osaka berlin rome milan madrid barcelona lisbon amsterdam
        brooklyn manhattan york chicago boston seattle portland austin miami dubai
        california texas florida europe asia africa america
        lyon marseille toulouse bordeaux lille nantes strasbourg montpellier rennes nice
        montréal montreal québec quebec bruxelles genève geneva
        italy france spain germany japan china india mexico colombia brazil peru ethiopia
        kenya morocco turkey greece portugal ireland scotland england wales vietnam
        thailand korea canada australia sweden norway denmark switzerland belgium
        netherlands holland egypt lebanon argentina chile cuba jamaica hawaii iceland
        bali provence tuscany sicily normandy brittany andalusia bavaria
        """
    )
)

#: Words in front of a name that mark it as the brand.
NAME_MARKERS = _words("called named brand brands brand: label company startup")
#: Prepositions that usually introduce the advertiser ("an ad for X", "shoes from X").
BRAND_PREPOSITIONS = _words("for from by at with about promote promoting advertise meet")
#: Prepositions that usually introduce a place, not a brand ("a café in Portland").
PLACE_PREPOSITIONS = _words(
    "in near across around to into inside outside downtown à en dans près vers"
)

#: Venue words: "Maria's bakery" names the bakery "Maria's".
#: Trades that open a prompt before the name ("Optician Clear View", "Florist Bloom Room").
TRADES = _words(
    "optician opticians florist florists photographer photographers bookstore bookshop "
    "jeweller jeweler tailor butcher greengrocer locksmith pharmacy chemist daycare nursery "
    "preschool hairdresser groomer"
)

VENUES = _words(
    "bakery bakeshop cafe café coffee kitchen diner pizzeria bar grill shop store salon "
    "studio boutique deli restaurant bistro place house garden gym spa"
)

#: Kinds of business that open a name in es, pt, it ("Academia Força Total").
VENUE_KINDS = _words(
    "academia clínica clinica escola escuela scuola palestra hotel hôtel hostal pousada "
    "agência agencia agenzia oficina officina taller estudio estúdio tienda loja negozio "
    "restaurante ristorante cantina bodega quinta vinícola adega gimnasio ginásio"
)

#: Word endings of a kind of business ("Fahrschule", "Weingut", "Pizzeria", "Peluquería").
VENUE_TAILS = tuple(
    sorted(
        _words(
            "schule haus hof gut praxis studio laden platz werkstatt brauerei bäckerei café "
            "bar salon hotel pension zentrum stube ria ría"
        )
    )
)

#: Words that, right after a product noun, belong to the product ("coffee shop").
PRODUCT_HEADS = _words(
    "app apps shop store studio subscription service box kit collection line bar truck "
    "delivery class classes course platform tool software club clinic salon cafe café "
    "range set business agency"
)

#: Words to leave out of a product phrase ("an amazing new serum" -> "serum").
PRODUCT_FLUFF = _words(
    "all every entire whole new brand-new all-new latest best top great amazing awesome cool "
    "nice ultimate perfect "
    "our my your their its this that the a an ad ads video promo commercial advert "
    "instagram tiktok youtube facebook vertical short "
    # a length of time is how long, never what is sold ("... clean water for a year")
    "year years month months week weeks day days hour hours minute minutes"
)

#: Grapes, wine regions and beer styles: the kind of drink, never part of its maker's name
#: ("Vale Ridge Pinot Noir", "Cantina Rossi Barolo", "Brauhaus Adler Weißbier").
DRINK_STYLES = _words(
    """
    pinot noir grigio gris merlot cabernet sauvignon chardonnay malbec tempranillo rioja
    syrah shiraz riesling barolo barbaresco chianti brunello prosecco cava albariño verdejo
    grüner veltliner sangiovese nebbiolo primitivo montepulciano zinfandel gewürztraminer
    lambrusco amarone valpolicella soave rosé rosado rosato brut crianza reserva gran
    ipa lager pils pilsner weißbier weissbier weizen hefeweizen helles dunkel stout porter
    saison bock kölsch grauburgunder weißburgunder spätburgunder silvaner dornfelder
    lemberger trollinger müller-thurgau
    """
)

AD_WORDS = _words("ad ads advert advertisement video commercial promo clip spot reel teaser")

#: Named colors, chosen to look good on screen rather than the CSS primaries.
COLORS: dict[str, str] = {
    "black": "#111111",
    "charcoal": "#2B2D2F",
    "white": "#F5F5F0",
    "ivory": "#F5F1E8",
    "cream": "#EDE3D1",
    "beige": "#D8C8AE",
    "sand": "#D8C3A5",
    "gold": "#C9A96E",
    "golden": "#C9A96E",
    "champagne": "#D8C39A",
    "silver": "#BFC3C8",
    "navy": "#1B2A41",
    "blue": "#1E5AA8",
    "sky blue": "#6CB4EE",
    "teal": "#127475",
    "turquoise": "#1ABC9C",
    "green": "#2E7D4F",
    "emerald": "#1F7A5A",
    "sage": "#8DA47E",
    "olive": "#6B7F3A",
    "mint": "#A8E6CF",
    "red": "#C62828",
    "crimson": "#A4161A",
    "burgundy": "#6D1A2A",
    "wine": "#6D1A2A",
    "pink": "#E88FA8",
    "blush": "#E8B4B8",
    "rose": "#C97C8A",
    "coral": "#FF6F59",
    "orange": "#F28C28",
    "peach": "#F6B48F",
    "yellow": "#F2C14E",
    "mustard": "#D4A017",
    "purple": "#5B2A86",
    "violet": "#7B2FF7",
    "lavender": "#B8A1D9",
    "lilac": "#C8A2C8",
    "brown": "#5A3825",
    "chocolate": "#4B2E2B",
    "caramel": "#C68642",
    "terracotta": "#C8643B",
    "copper": "#B87333",
    "neon green": "#39FF14",
    "neon pink": "#FF2E88",
    "neon": "#00F0FF",
}

#: Mood cue words; each hit counts for that mood.
MOOD_CUES: dict[str, frozenset[str]] = {
    "luxury": _words(
        "luxury luxurious premium elegant elegance exclusive high-end haute couture timeless "
        "sophisticated refined opulent prestige prestigious bespoke upscale lavish"
    ),
    "energetic": _words(
        "energetic energy intense power powerful extreme adrenaline explosive hype hardcore "
        "beast sprint race racing trail hiit gym workout sport sports athletic competitive "
        "esports unstoppable aggressive"
    ),
    "upbeat": _words(
        "upbeat happy bright sunny cheerful joyful party celebrate celebration lively "
        "feel-good positive summer"
    ),
    "calm": _words(
        "calm relax relaxing relaxed peaceful serene mindful mindfulness soothing gentle zen "
        "tranquil sleep restful breathe quiet cozy cosy slow wellness"
    ),
    "corporate": _words(
        "corporate professional business enterprise b2b saas productivity efficient teams "
        "workflow trustworthy reliable investors compliance"
    ),
    "playful": _words(
        "playful fun funny quirky silly cute kids children whimsical cheeky goofy colorful "
        "colourful cartoon"
    ),
}

STYLE_CUES: dict[str, frozenset[str]] = {
    "noir": _words("noir dark moody shadowy black-and-white monochrome night"),
    "muted": _words("pastel soft muted minimal minimalist earthy neutral understated matte"),
    "vibrant": _words("neon bright bold colorful colourful vibrant saturated pop electric"),
    "warm": _words("warm golden cozy cosy sunset autumn rustic sunlit"),
    "cool": _words("cool icy crisp futuristic clinical sleek techy"),
}

#: French words that open a prompt but never a brand ("Créez une pub pour ...").
COMMON_FR = _words(
    """
    créez créer crée faites faire fais réalisez réaliser imaginez écrivez une un le la les
    l' des du de d' pour avec sans notre nos votre vos mon ma mes son sa ses leur leurs et
    ou à au aux en dans sur chez par ce cette ces publicité pub vidéo annonce spot
    lancement lancer lance nouveau nouvelle nouveaux nouvelles découvrez présentez
    promouvoir promotion marque produit magnifique élégant élégante luxueux
    """
)

#: Words typical of French prompts; more of these than English ones means French copy.
FRENCH_HINTS = _words(
    "le la les des du une pour avec notre nos votre vos est sont nouveau nouvelle "
    "créez faites publicité vidéo chez dans sur cette ce aux au et à pub marre fini "
    "découvrez offert offerte gratuit gratuite réduction samedi dimanche semaine"
)
ENGLISH_HINTS = _words(
    "the for with our your and a an of to is are new create make ad video that who "
    "this from on in at"
)

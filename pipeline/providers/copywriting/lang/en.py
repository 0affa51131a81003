"""English: how a prompt asks for an ad, states an offer, and how copy calls to action."""

from __future__ import annotations

from pipeline.providers.copywriting.lang.table import Lang, N, words

LANG = Lang(
    code="en",
    request=r"^(?:please\s+)?(?:create|make|write|generate|produce|design|build)?\s*"
    r"(?:me\s+)?(?:an?\s+)?(?:[\w-]+\s+){0,3}?(?:ad|advert|advertisement|commercial|video|"
    r"promo|spot|reel)s?\s+(?:for|about|of|promoting)\s+",
    ad_words=words("ad ads advert advertisement commercial promo video reel spot"),
    hints=words("the and for with your our of to is are in on this that get new now free off"),
    free=r"free|on us|complimentary",
    offers=(
        r"early[- ]bird\s+(?:[\w-]+\s+){0,2}?(?:tickets?|pricing|prices?|rates?|offer|deal|"
        r"discount|passes?|entry)|(?:pre-?sale|introductory|launch)\s+(?:price|pricing|offer)",
        r"(?:up to\s+)?\d{1,2}\s?%\s?off(?:\s+(?:everything|sitewide|all\s+[\w-]+))?",
        r"[$€£]\s?" + N + r"\s?off",
        r"buy\s+(?:\d+|one|two)\s+[\w-]+(?:\s+[\w-]+)?,?\s+get\s+(?:\d+|one|an?|the)?\s*"
        r"(?:[\w-]+\s+){0,2}?free(?:\s+[\w-]+(?:\s+[\w-]+)?)?",
        r"(?:your\s+)?(?:first|1st)\s+(?:[\w-]+\s+){0,2}?(?:is\s+|are\s+)?(?:free|on us)",
        r"free\s+(?:\d+[- ](?:day|week|month)\s+)?(?:first\s+)?[\w-]+"
        r"(?:\s+(?:trial|class|session))?",
        r"\d+[- ](?:day|week|month)\s+free\s+trial",
        r"(?:two|2)[- ]for[- ](?:one|1)|bogo|half[- ]price\s+[\w-]+",
        r"save\s+(?:up to\s+)?(?:\d{1,2}\s?%|[$€£]\s?" + N + r")",
        r"(?:from|only|just)\s+[$€£]\s?" + N + r"(?:\s?/\s?\w+|\s+(?:a|per)\s+\w+)?",
        r"[$€£]\s?" + N + r"\s?/\s?(?:month|mo|year|yr|week|night|person|hour)",
        r"(?:use\s+)?code\s+[A-Z0-9]{3,12}",
        r"buy\s+one,?\s+get\s+one(?:\s+(?:free|half\s+price))?",
        r"\d+(?:\s+[\w-]+){0,2}\s+for\s+[$€£]\s?" + N,
        r"(?:second|third|2nd|3rd|every\s+\d+(?:st|nd|rd|th))\s+[\w-]+\s+(?:is\s+(?:a\s+)?)?"
        r"(?:free|half[- ]price)(?:\s+[\w-]+)?",
        r"kids(?:\s+[\w-]+){0,3}?\s+(?:go|travel|sail|eat|bowl|stay|ride)\s+free",
    ),
    deadline=r"(?:(?:order|book|buy|sign up|register|enrol+|apply|file)\s+)?"
    r"(?:until|till|by|before|ends?)\s+(?:noon|midnight|tonight|today|tomorrow|friday|saturday|sunday|monday|tuesday|"
    r"wednesday|thursday|\w+ \d{1,2}(?:st|nd|rd|th)?|the \d{1,2}(?:st|nd|rd|th)?|"
    r"\d{1,2}(?::\d\d)?\s?(?:am|pm|a\.m\.|p\.m\.))|(?:this|next)\s+(?:weekend|week|month|"
    r"saturday|sunday|friday)(?:\s+only)?|(?:today|tonight|this weekend)\s+only|"
    r"for a limited time|limited time only|while stocks? lasts?",
    scarcity=r"(?:only|just)\s+\d+\s+(?:[\w-]+\s+){0,2}?(?:made|left|available|spots?|seats?|"
    r"places?|bottles?|units?|pieces?)|limited (?:edition|to \d+[\w ]{0,20})|"
    r"\d+\s+(?:spots?|seats?|places?)\s+(?:left|only)",
    occasions=r"mother'?s day|father'?s day|valentine'?s(?: day)?|christmas|xmas|black friday|"
    r"cyber monday|easter|halloween|thanksgiving|new year'?s?(?: eve)?|back to school|"
    r"ramadan|eid|diwali|lunar new year|hanukkah|graduation|wedding season|summer|winter",
    pain=r"tired of|sick of|fed up with|struggling with|worried about|done with|no more|"
    r"stop (?:wasting|losing|chasing)|protect\w*\s+[\w ]{3,40}?\s+from|never again|"
    r"say goodbye to|without the",
    ctas=("Get yours today", "Try it today", "Find out more", "Order now", "Book now"),
    cta_verbs=r"book|order|shop|visit|download|get|grab|try|join|reserve|subscribe|claim|"
    r"register|apply|install|call|sign up|stop by",
    with_word="with",
    and_word="and",
    now="now",
    new="New",
)

"""Portuguese: how a prompt asks for an ad, states an offer, and how copy calls to action."""

from __future__ import annotations

from pipeline.providers.copywriting.lang.table import Lang, N, words

LANG = Lang(
    code="pt",
    request=r"^(?:crie|cria|faça|faz|gere|escreva)?\s*(?:um\s+|uma\s+)?"
    r"(?:anúncio|propaganda|publicidade|vídeo|comercial|promo)\s+(?:\w+\s+)?"
    r"(?:de|para|sobre|do|da)\s+(?:o\s+|a\s+|os\s+|as\s+)?",
    ad_words=words("anúncio anuncio propaganda publicidade vídeo video comercial promo"),
    hints=words(
        "o a os as de do da dos das com para por um uma e em seu sua nosso nossa grátis é "
        "mais sem ao na no você"
    ),
    free=r"grátis|gratuit[oa]s?|de graça|de presente",
    offers=(
        r"(?:ingressos?\s+)?(?:early bird|pré-venda|preço de lançamento)",
        r"\d{1,2}\s?%\s?(?:de\s+)?(?:desconto|off)(?:\s+em\s+[\wáéíóúãõç]+)?",
        r"(?:primeir[oa]|1[ªºa])\s+[\wáéíóúãõç]+(?:\s+[\wáéíóúãõç]+)?\s+(?:grátis|gratuit[oa])",
        r"(?:frete|entrega)\s+grátis",
        r"[\wáéíóúãõç]+\s+(?:grátis|gratuit[oa]s?)",
        r"(?:a partir de|por apenas|só)\s+(?:r\$|€)\s?" + N + r"(?:\s?/\s?\w+)?",
        r"(?:r\$|€)\s?" + N + r"\s?(?:/\s?\w+|por mês)",
        r"leve\s+\d+,?\s+pague\s+\d+",
    ),
    deadline=r"(?:no|neste|este|nesta|esta)\s+(?:sábado|domingo|fim de semana|feriado)|"
    r"(?:até|antes d[eoa])\s+(?:o\s+)?(?:meio-dia|meia-noite|domingo|sábado|sexta|"
    r"\d{1,2}\s+de\s+\w+|fim do mês)|(?:só |somente )?neste fim de semana|só hoje|"
    r"(?:esta|este|nesta|neste)\s+(?:semana|mês|sábado|domingo)",
    scarcity=r"(?:apenas|só|somente)\s+\d+\s+[\wáéíóúãõç]+|edição limitada|vagas limitadas",
    occasions=r"natal|dia das mães|dia dos pais|dia dos namorados|black friday|páscoa|"
    r"halloween|ano novo|carnaval|volta às aulas|verão",
    pain=r"cansad[oa]s? de|chega de|nunca mais|diga adeus|sem mais|proteja\s+[\w ]{3,40}?\s+contra",
    ctas=("Compre agora", "Reserve já", "Peça hoje", "Descubra agora", "Experimente hoje"),
    cta_verbs=r"compre|reserve|peça|descubra|visite|baixe|experimente|venha|ligue|assine|doe|agende",
    with_word="com",
    and_word="e",
    now="já",
    new="Novo",
    at_place="{name} {place}",
    for_people="Para {audience}",
    for_word="para",
)

"""Spanish: how a prompt asks for an ad, states an offer, and how copy calls to action."""

from __future__ import annotations

from pipeline.providers.copywriting.lang.table import Lang, N, words

LANG = Lang(
    code="es",
    request=r"^(?:por favor\s+)?(?:crea|haz|hazme|genera|escribe|diseña)?\s*(?:un\s+|una\s+)?"
    r"(?:anuncio|publicidad|vídeo|video|spot|comercial|promo)\s+(?:\w+\s+)?"
    r"(?:de|para|sobre|del)\s+(?:la\s+|el\s+|los\s+|las\s+)?",
    ad_words=words("anuncio anuncios publicidad vídeo video spot comercial promo"),
    hints=words(
        "el la los las de del con para por una un y en tu su nuestro nuestra gratis es más sin al"
    ),
    free=r"gratis|gratuit[oa]s?|de regalo",
    offers=(
        r"(?:entradas?\s+)?(?:early bird|preventa|precio de lanzamiento)",
        r"-?\d{1,2}\s?%\s?(?:de\s+)?(?:descuento|dto\.?)(?:\s+en\s+[\wáéíóúñ]+)?",
        r"(?:primer[ao]?|1[ªºa])\s+[\wáéíóúñ]+(?:\s+[\wáéíóúñ]+)?\s+(?:gratis|gratuit[oa])",
        r"[\wáéíóúñ]+\s+(?:gratis|gratuit[oa]s?)",
        r"(?:envío|entrega)\s+gratis",
        r"(?:prueba|clase|consulta)\s+gratuita",
        r"\d\s?x\s?\d|dos por uno|2 por 1",
        r"(?:desde|por solo|solo)\s+" + N + r"\s?(?:€|euros?|\$|pesos)(?:\s?/\s?\w+)?",
    ),
    deadline=r"(?:el|este)\s+(?:sábado|domingo|fin de semana|viernes)(?:\s+solamente)?|"
    r"(?:hasta|antes del?)\s+(?:el\s+|las\s+)?(?:\d{1,2}\s+de\s+\w+|\d{1,2}(?::\d\d)?|"
    r"mediodía|medianoche|domingo|sábado|viernes|lunes|fin de mes)|"
    r"este fin de semana(?: solamente| solo)?|solo hoy|"
    r"(?:esta|este)\s+(?:semana|mes|sábado|domingo)",
    scarcity=r"(?:solo|sólo)\s+(?:quedan\s+)?\d+\s+[\wáéíóúñ]+|edición limitada|plazas limitadas",
    occasions=r"navidad|día de la madre|día del padre|san valentín|black friday|pascua|"
    r"halloween|año nuevo|vuelta al cole|verano|reyes",
    pain=r"cansad[oa]s? de|hart[oa]s? de|se acabó|olvídate de|sin más|"
    r"proteg\w+\s+[\w ]{3,40}?\s+de",
    ctas=("Reserva ahora", "Pídelo hoy", "Descúbrelo ya", "Compra ahora", "Empieza hoy"),
    cta_verbs=r"reserva|compra|pide|descubre|visita|descarga|prueba|únete|apúntate|llama|ven|dona",
    with_word="con",
    and_word="y",
    now="ya",
    new="Nuevo",
    at_place="{name} {place}",
    for_people="Para {audience}",
    for_word="para",
)

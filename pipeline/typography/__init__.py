"""Typography for text overlays: shipped fonts, text cleaning and bidi, layout, legibility.

``fonts`` (catalogue, coverage), ``text`` (cleaning, tokens, font runs), ``bidi``
(embedding levels and display order), ``layout`` (shape, wrap, fit, draw),
``legibility`` (WCAG contrast against the clip's pixels) and ``treatment`` (shadow,
outline, plate, pill) are used by :mod:`pipeline.stages.overlays`, the stage.
"""

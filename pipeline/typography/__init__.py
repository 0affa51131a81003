"""Typography for text overlays: shipped fonts, text cleaning and bidi, layout, legibility.

``fonts`` (catalogue, coverage), ``text`` (cleaning, tokens, runs), ``layout`` (wrap, fit,
draw) and ``legibility`` (WCAG contrast against the clip's pixels) are used by
:mod:`pipeline.overlays`, the stage.
"""

"""Offline motion graphics: the pieces behind the ``local`` video provider (video_local.py).

- ``design``   request -> :class:`ClipDesign` (motif, beat treatment, palette, layout, camera)
- ``palette``  brand colours -> colour roles that keep the headline readable
- ``easing``   easing curves and periodic helpers
- ``canvas``   planar float frame, blending, sprites; ``layers``: Pillow vector / soft layers
- ``ambient``  background plate, particles, light sweep, bursts, vignette and grain
- ``motif_*``  one file per product-category motif; ``renderer`` composes a frame
- ``preview``  contact sheets for looking at the output (``python -m ...motion.preview``)
"""

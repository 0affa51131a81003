"""Offline motion design: the pieces behind the ``local`` video provider (video_local.py).

- ``vocabulary`` open-licence icons with keywords, and the chooser over plain keyword strings
- ``scenes``     request -> :class:`SceneDesign` (template, objects, colours, zones, words)
- ``look``       brand colours -> colour fields with contrast the copy can rely on
- ``compose``    sprites: icons (resvg), words and shapes (Pillow), pasted onto the canvas
- ``templates``, ``templates_more``  the eight scene templates, each with its own motion
- ``canvas``, ``easing``  the float frame and easing curves; ``renderer`` composes a frame
- ``preview``    contact sheets for looking at the output (``python -m ...motion.preview``)
"""

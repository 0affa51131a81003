"""Shared pieces of the Streamlit pages: runtime, login, formatting and small widgets.

The UI layer only: it calls ``pipeline.runtime.jobs`` and ``pipeline.store.repository``
and never a stage,
a provider or ffmpeg. ``pipeline`` never imports this package.
"""

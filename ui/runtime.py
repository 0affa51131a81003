"""The app's runtime: built once per server process from the settings, shared by sessions.

The first session of a server process builds it (``st.cache_resource``): settings from the
``ADSTUDIO_*`` environment (keys may also come from ``.streamlit/secrets.toml``), folders,
database migrations, providers, and recovery of generations a dead server left running.

Tests choose what the app runs on in one of two ways:

- a subprocess (``streamlit run app.py``) reads the environment like production does, e.g.
  ``ADSTUDIO_DATA_DIR`` and ``ADSTUDIO_OUTPUT_DIR`` pointing into a temp folder;
- in-process ``AppTest`` sessions call :func:`use_runtime` with a runtime built by
  :func:`pipeline.runtime.services.bootstrap` on a temp folder with fake providers (see
  ``tests/app_harness.py``), and ``use_runtime(None)`` afterwards.
"""

from __future__ import annotations

import os

import streamlit as st

from pipeline.errors import AdstudioError
from pipeline.logs import configure_logging
from pipeline.runtime.services import Runtime, bootstrap
from pipeline.secrets import DEFAULT_SECRETS_FILE, secrets_overrides
from pipeline.settings import load_settings

_override: Runtime | None = None


def use_runtime(runtime: Runtime | None) -> None:
    """Make the app use ``runtime`` instead of building one (tests); None undoes it."""
    global _override
    _override = runtime


@st.cache_resource(show_spinner="Starting Adstudio...")
def _build_runtime() -> Runtime:
    # Keys may come from the environment or from .streamlit/secrets.toml (environment wins).
    settings = load_settings(**secrets_overrides(DEFAULT_SECRETS_FILE, os.environ))
    configure_logging()
    return bootstrap(settings)


def get_runtime() -> Runtime:
    """The shared runtime; a configuration problem stops the page with its message."""
    if _override is not None:
        return _override
    try:
        return _build_runtime()
    except AdstudioError as exc:
        st.error(f"Adstudio cannot start: {exc.message}", icon=":material/error:")
        st.stop()

"""The voice on the pages: the scene plan shows the script per scene, or why nothing spoke."""

from __future__ import annotations

from pathlib import Path

from pipeline.store.db import Generation
from tests.app_harness import app_env, texts

PLAN = "app_pages/plan.py"


def test_the_plan_page_shows_the_spoken_script_per_scene_and_who_spoke(tmp_path: Path) -> None:
    with app_env(tmp_path) as env:
        alice = env.add_user("alice")
        spoken = env.finished_generation(alice)
        silent = env.finished_generation(alice, "Une publicité pour des chaussures de course")
        script = ["Run further.", "Light as air. 30% lighter.", "20% off this week. Shop now."]
        with env.runtime.sessions.begin() as session:
            session.get(Generation, spoken).voice = {  # type: ignore[union-attr]
                "engine": "piper", "voice": "en_US-joe-medium", "seconds": 7.4,
                "reason": None, "script": script,
            }  # fmt: skip
            session.get(Generation, silent).voice = {  # type: ignore[union-attr]
                "engine": None, "voice": None, "seconds": 0, "script": ["Cours plus loin."],
                "reason": "No offline voice speaks this ad's language (fr); the ad has "
                "captions and music. Set ADSTUDIO_TTS_PROVIDER=openai for a cloud voice.",
            }  # fmt: skip
        at = env.signed_in("alice")
        at.switch_page(PLAN)
        at.query_params["id"] = str(spoken)
        at.run()
        assert not at.exception
        assert "Voice-over" in texts(
            at
        ) and "piper · voice en_US-joe-medium · 7.4 s of speech" in texts(at)
        table = next(df.value for df in at.dataframe if "Script" in df.value.columns)
        assert list(table["Script"]) == script and list(table["Scene"]) == [1, 2, 3]
        at.query_params["id"] = str(silent)
        at.run()
        assert "No offline voice speaks this ad's language (fr)" in texts(at)

"""The scene plan page shows the facts the director read from the prompt."""

from __future__ import annotations

from pathlib import Path

from pipeline.providers.copywriting import write_specification
from pipeline.store.db import Generation
from tests.app_harness import app_env

PROMPT = "LedgerFlow accounting software: close the books 3 days faster, 70% less manual entry"


def test_plan_page_lists_the_prompt_s_facts(tmp_path: Path) -> None:
    with app_env(tmp_path) as env:
        alice = env.add_user("alice")
        generation_id = env.finished_generation(alice, PROMPT)
        spec = write_specification(PROMPT)
        with env.runtime.sessions.begin() as session:
            row = session.get(Generation, generation_id)
            assert row is not None
            row.llm_specification = spec.model_dump(mode="json")
        at = env.signed_in("alice")
        at.switch_page("app_pages/plan.py")
        at.query_params["id"] = str(generation_id)
        at.run()
        assert not at.exception
        tables = {tuple(df.value.columns): df.value for df in at.dataframe}
        facts = dict(zip(*tables[("Fact", "As written")].T.values, strict=True))
        assert facts["Brand"] == "LedgerFlow"
        assert facts["Numbers"] == "3 days; 70%"
        assert facts["Claims"] == "Close the books 3 days faster; 70% less manual entry"

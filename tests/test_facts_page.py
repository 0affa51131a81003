"""The scene plan page shows the facts the director read from the prompt."""

from __future__ import annotations

from pathlib import Path

from tests.app_harness import app_env

PROMPT = "LedgerFlow accounting software: close the books 3 days faster, 70% less manual entry"


def test_plan_page_lists_the_prompt_s_facts(tmp_path: Path) -> None:
    with app_env(tmp_path) as env:
        at = env.plan_page_for(PROMPT)
        assert not at.exception
        tables = {tuple(df.value.columns): df.value for df in at.dataframe}
        facts = dict(zip(*tables[("Fact", "As written")].T.values, strict=True))
        assert facts["Brand"] == "LedgerFlow"
        assert facts["Numbers"] == "3 days; 70%"
        assert facts["Claims"] == "Close the books 3 days faster; 70% less manual entry"

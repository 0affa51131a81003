"""The director's language models rest while an ad is drawn and encoded (the generation's
memory peak) and are loaded again when the worker is idle; the copy never changes for it."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

from pipeline.providers.copywriting import write_specification
from pipeline.providers.llm_offline import OfflineCreativeDirector
from pipeline.runtime import jobs
from pipeline.runtime.services import bootstrap
from pipeline.settings import Settings
from pipeline.store import repository
from pipeline.store.users import add_user
from tests.fakes import FakeVideo

PROMPTS = (
    "Create a luxury watch ad for Instagram",
    "Panadería La Espiga en Sevilla, pan de masa madre, 2x1 los martes",
    "Kapsalon Knip in Utrecht, 20% korting op je eerste knipbeurt",
    "Piekarnia Kłos w Krakowie, druga bułka gratis",
    "Kahve Evi, ikinci kahve bedava",
)


class CountingDirector(OfflineCreativeDirector):
    """The real offline director, noting when its models are put down and loaded again."""

    def __init__(self, settings: Settings) -> None:
        super().__init__(settings)
        self.calls: list[str] = []
        self.warmed = threading.Event()

    def rest(self) -> None:
        self.calls.append("rest")
        super().rest()

    def warm(self) -> None:
        super().warm()
        self.calls.append("warm")
        self.warmed.set()


def test_the_copy_is_the_same_after_the_models_rested() -> None:
    director = OfflineCreativeDirector(Settings())
    before = [write_specification(p).model_dump() for p in PROMPTS]
    director.rest()
    after = [write_specification(p).model_dump() for p in PROMPTS]  # loaded again on demand
    director.rest()
    director.warm()
    again = [write_specification(p).model_dump() for p in PROMPTS]
    assert before == after == again
    assert [s["language"] for s in before] == ["en", "es", "nl", "pl", "tr"]


def test_a_generation_rests_the_models_after_its_plan_and_the_idle_worker_warms_them(
    tmp_path: Path,
) -> None:
    settings = Settings(
        data_dir=tmp_path / "data", output_dir=tmp_path / "output", tts_provider="none"
    )
    director = CountingDirector(settings)
    rt = bootstrap(settings, llm=director, video=FakeVideo())
    try:
        with rt.sessions.begin() as session:
            user = add_user(session, "ines", "correct horse battery").id
        gid = jobs.start(rt, user, PROMPTS[1], seed=3)
        assert jobs.wait(gid, timeout_s=120)
        assert director.warmed.wait(30), director.calls
        assert director.calls == ["rest", "warm"]
        with rt.sessions() as session:
            row = repository.get_generation(session, gid, user)
            assert row.status == "completed" and row.llm_specification["language"] == "es"
    finally:
        rt.engine.dispose()


def test_resting_gives_the_language_models_memory_back() -> None:
    """Measured in a fresh interpreter: about 42 MB on glibc (docs/performance.md)."""
    script = (
        "import psutil\n"
        "from pipeline.providers.llm_offline import OfflineCreativeDirector\n"
        "from pipeline.runtime import memory\n"
        "from pipeline.settings import Settings\n"
        "d = OfflineCreativeDirector(Settings()); memory.release()\n"
        "me = psutil.Process(); loaded = me.memory_info().rss\n"
        "d.rest(); memory.release()\n"
        "print((loaded - me.memory_info().rss) // 2**20)\n"
    )
    out = _fresh(script)
    assert int(out.strip()) >= 25, out


def test_resting_gives_back_the_pages_lingua_read_its_models_from() -> None:
    """lingua reads its models out of its own library; those file pages stayed resident in
    the worker (9-12 MB) after the models were put down, until ``page_out``. Pages another
    process maps too (this test runner's own lingua) stay: only this process's are counted."""
    script = (
        "from lingua import lingua as native\n"
        "from pipeline.providers.llm_offline import OfflineCreativeDirector\n"
        "from pipeline.settings import Settings\n"
        "def resident(fields):\n"
        "    total, inside = 0, False\n"
        "    for line in open('/proc/self/smaps'):\n"
        "        head = line.split()\n"
        "        if '-' in head[0] and len(head) >= 5 and ':' in head[3]:\n"
        "            inside = head[-1] == native.__file__\n"
        "        elif inside and head[0] in fields:\n"
        "            total += int(head[1])\n"
        "    return total // 1024\n"
        "d = OfflineCreativeDirector(Settings())\n"
        "loaded = resident({'Rss:'}); d.rest()\n"
        "print(loaded, resident({'Private_Clean:', 'Private_Dirty:'}))\n"
    )
    out = _fresh(script)
    loaded, own = (int(x) for x in out.split())
    assert loaded >= 4 and own <= 1, out


def _fresh(script: str) -> str:
    """What ``script`` prints, run in a fresh interpreter (its memory is its own)."""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120
    )
    return done.stdout

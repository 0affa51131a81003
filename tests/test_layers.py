"""The house rules of the layout: the pipeline never imports streamlit, and its modules import
each other without a cycle (at module level; a cycle meant one side had to import late)."""

from __future__ import annotations

import ast
import itertools
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _modules() -> dict[str, Path]:
    found = {}
    for path in (ROOT / "pipeline").rglob("*.py"):
        name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        found[name.removesuffix(".__init__")] = path
    return found


def _imports(path: Path, known: dict[str, Path], top_level_only: bool) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    out: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                out.add(full if full in known else node.module)
        elif isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names)
    return out


def test_no_pipeline_module_imports_streamlit() -> None:
    known = _modules()
    offenders = sorted(
        name
        for name, path in known.items()
        if any(i.split(".")[0] == "streamlit" for i in _imports(path, known, False))
    )
    assert offenders == []


def _cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import cycle of ``graph`` (empty when there is none)."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(name: str) -> list[str]:
        state[name] = 1
        path.append(name)
        for other in sorted(graph.get(name, ())):
            if state.get(other) == 1:
                return [*path[path.index(other) :], other]
            if other not in state and (found := visit(other)):
                return found
        path.pop()
        state[name] = 2
        return []

    for name in sorted(graph):
        if name not in state and (found := visit(name)):
            return found
    return []


def test_pipeline_modules_import_each_other_without_a_cycle() -> None:
    known = _modules()
    graph = {
        name: {i for i in _imports(path, known, True) if i in known and i != name}
        for name, path in known.items()
    }
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle(graph) == []


def test_the_stage_table_names_every_stage_that_runs_and_a_typed_function_for_each() -> None:
    import importlib
    import inspect

    from pipeline.runtime.stages import STEPS

    for step in STEPS.values():
        module, _, name = step.function.rpartition(".")
        function = getattr(importlib.import_module(module), name)
        signature = inspect.signature(function)
        untyped = [p for p in signature.parameters.values() if p.annotation is p.empty]
        assert not untyped and signature.return_annotation is not signature.empty, step.name
        assert step.process in ("worker", "drawing")
    ranges = [(s.start, s.end) for s in STEPS.values()]
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(ranges))  # in order
    run: set[str] = set()
    for path in _modules().values():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("stage_run", "kept")
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                run.add(node.args[0].value)
    assert run == set(STEPS)  # no stage runs outside the table, none of it is dead

"""The layout ARCHITECTURE.md describes holds: no import cycle between modules or between
packages (scripts/module_graph.py), and bench/ and tests/ independent of each other."""
import ast
import importlib.util
from pathlib import Path

from helpers import REPO

spec = importlib.util.spec_from_file_location("module_graph", REPO / "scripts" / "module_graph.py")
module_graph = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module_graph)

# Who may import whom, package by package (the stages of ARCHITECTURE.md).
ALLOWED = {
    "kb.model": set(),
    "kb.render": {"kb.model"},
    "kb.checks": {"kb.model", "kb.render"},
    "kb.finish": {"kb.model", "kb.render"},
    "kb.commands": {"kb.model", "kb.render", "kb.checks", "kb.finish"},
    "kb.devtools": {"kb.model", "kb.commands"},
}


def test_no_import_cycles_and_each_stage_imports_only_the_stages_before_it():
    graph = module_graph.graph()
    assert graph["module_cycles"] == [] and graph["package_cycles"] == []
    for package, targets in graph["package_edges"].items():
        if package in ALLOWED:
            assert targets <= ALLOWED[package], (package, targets - ALLOWED[package])


def imported_top_levels(folder: Path) -> dict:
    found = {}
    for file in folder.rglob("*.py"):
        names = set()
        for node in ast.walk(ast.parse(file.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names.add(node.module.split(".")[0])
        found[file.relative_to(REPO).as_posix()] = names
    return found


def test_bench_and_the_tests_do_not_import_each_other():
    # The tests of the benchmark's own code are the one exception.
    assert [file for file, names in imported_top_levels(REPO / "tests").items()
            if "bench" in names and file != "tests/test_bench_report.py"] == []
    assert [file for file, names in imported_top_levels(REPO / "bench").items()
            if names & {"tests", "helpers", "conftest"}] == []
    # ... nor reads a file there (a path written as "tests/..." or "tests" / ...).
    assert [file.relative_to(REPO).as_posix() for file in (REPO / "bench").rglob("*.py")
            for node in ast.walk(ast.parse(file.read_text("utf-8")))
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and (node.value == "tests" or node.value.startswith("tests/"))] == []

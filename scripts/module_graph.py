"""The import graph of kb/, bench/ and the MkDocs hook, at any git revision: packages with
their line counts, package-level edges as a Mermaid graph, and any import cycle.

    python scripts/module_graph.py            # the working tree
    python scripts/module_graph.py 7d2b757    # a commit (read with git, nothing checked out)

ARCHITECTURE.md shows its output for the commit before the restructure and for now.
Written here with the standard library's ast rather than with pydeps: pydeps imports the
code and draws with Graphviz, while this needs only each file's import statements, from an
old commit as well as from the working tree, and a cycle check (tests/test_architecture.py).
"""
import argparse
import ast
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ("kb/", "bench/", "overrides/hooks/")
HOOK = "overrides/hooks/kb_hook.py"


def python_files(rev: str | None) -> dict[str, str]:
    """{repository path: text} of the Python files under SOURCES."""
    if rev is None:
        return {path.relative_to(ROOT).as_posix(): path.read_text("utf-8")
                for source in SOURCES for path in sorted((ROOT / source).rglob("*.py"))}
    listing = subprocess.run(["git", "ls-tree", "-r", "--name-only", rev, "--", *SOURCES],
                             cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    return {path: subprocess.run(["git", "show", f"{rev}:{path}"], cwd=ROOT, capture_output=True,
                                 text=True, check=True).stdout
            for path in listing if path.endswith(".py")}


def module_name(path: str) -> str:
    if path == HOOK:
        return "hook"
    parts = path[: -len(".py")].split("/")
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def package_of(module: str, modules: set) -> str:
    """The package a module belongs to: kb.model.content -> kb.model (kb.model.labels.zh
    too); a module directly in kb (as before the restructure) -> kb; bench.* -> bench."""
    parts = module.split(".")
    if parts[0] != "kb" or len(parts) == 1:
        return parts[0]
    second = ".".join(parts[:2])
    return second if any(m.startswith(second + ".") for m in modules) else "kb"


def _known(name: str, modules: set) -> str:
    """The module a dotted name lives in ('kb.model.labels.label' -> 'kb.model.labels')."""
    while name and name not in modules:
        name = name.rpartition(".")[0]
    return name


def imports(module: str, path: str, text: str, modules: set) -> set:
    """The project modules one file imports (function-level imports count too)."""
    found = set()
    package = module if path.endswith("__init__.py") else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(text, path)):
        if isinstance(node, ast.Import):
            found.update(_known(alias.name, modules) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            # "from kb.model import content" imports kb.model.content; "... import label", kb.model.labels
            found.update(_known(f"{base}.{alias.name}", modules) or _known(base, modules) for alias in node.names)
    return {name for name in found if name and name != module}


def cycles(edges: dict) -> list[list[str]]:
    """Strongly connected components with more than one member (Tarjan)."""
    index, low, stack, on_stack, found, counter = {}, {}, [], set(), [], [0]

    def visit(node):
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for target in edges.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    sys.setrecursionlimit(10_000)
    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def graph(rev: str | None = None) -> dict:
    files = python_files(rev)
    names = {path: module_name(path) for path in files}
    modules = set(names.values())
    module_edges = {names[path]: imports(names[path], path, text, modules) for path, text in files.items()}
    packages = {module: package_of(module, modules) for module in modules}
    lines = defaultdict(int)
    for path, text in files.items():
        lines[packages[names[path]]] += len(text.splitlines())
    package_edges = defaultdict(set)
    for source, targets in module_edges.items():
        for target in targets:
            if packages[source] != packages[target]:
                package_edges[packages[source]].add(packages[target])
    return {"lines": dict(lines), "module_edges": module_edges, "package_edges": package_edges,
            "module_cycles": cycles(module_edges), "package_cycles": cycles(package_edges),
            "modules": {package: sorted(m for m in modules if packages[m] == package) for package in lines}}


def mermaid(package_edges: dict) -> str:
    node = lambda name: name.replace(".", "_")  # noqa: E731
    lines = ["graph LR"]
    for source in sorted(package_edges):
        for target in sorted(package_edges[source]):
            lines.append(f"  {node(source)}[{source}] --> {node(target)}[{target}]")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rev", nargs="?", help="git revision (default: the working tree)")
    args = parser.parse_args(argv)
    result = graph(args.rev)
    print("| package | modules | lines |\n| --- | ---: | ---: |")
    for package in sorted(result["lines"]):
        print(f"| {package} | {len(result['modules'][package])} | {result['lines'][package]} |")
    print(f"| total | {sum(len(m) for m in result['modules'].values())} | {sum(result['lines'].values())} |")
    print("\n```mermaid\n" + mermaid(result["package_edges"]) + "\n```\n")
    print("module cycles:", result["module_cycles"] or "none")
    print("package cycles:", result["package_cycles"] or "none")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Figures, the environment they were measured in, and BENCHMARK.md."""
import datetime
import importlib.metadata
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from bench import KB, ROOT
from kb.devtools.browser import chromium_version

PACKAGES = (
    "mkdocs", "mkdocs-material", "mkdocs-static-i18n", "pymdown-extensions", "Markdown",
    "pypinyin", "bibtexparser", "jsonschema", "PyYAML", "playwright",
)


@dataclass
class Figure:
    name: str
    value: str
    target: str = "—"
    passed: bool | None = None  # None: no target

    @property
    def result(self) -> str:
        return "—" if self.passed is None else ("pass" if self.passed else "**FAIL**")


@dataclass
class Results:
    load_at_start: tuple = field(default_factory=os.getloadavg)
    figures: list = field(default_factory=list)
    sections: list = field(default_factory=list)  # (title, Markdown text)
    skipped: list = field(default_factory=list)

    def add(self, *figures):
        self.figures.extend(figures)

    def skip(self, what: str):
        print(f"skipped: {what}", file=sys.stderr)
        self.skipped.append(what)


def seconds(values) -> str:
    return f"{statistics.median(values):.2f} s (runs: {', '.join(f'{v:.2f}' for v in values)})"


def kb(size: float) -> str:
    return f"{size / KB:.1f} KB"


def _averages(values) -> str:
    return ", ".join(f"{x:.2f}" for x in values)


def lighthouse_version() -> str:
    package = ROOT / "node_modules" / "lighthouse" / "package.json"
    return json.loads(package.read_text("utf-8"))["version"] if package.exists() else "not installed"


def _node_version() -> str:
    if not shutil.which("node"):
        return "not installed"
    return subprocess.run(["node", "--version"], capture_output=True, text=True, timeout=30).stdout.strip() or "?"


def environment(load_at_start: tuple, elapsed: float) -> list[tuple]:
    cpuinfo = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    model = re.search(r"^model name\s*:\s*(.*)$", cpuinfo, re.M)
    meminfo = Path("/proc/meminfo").read_text() if Path("/proc/meminfo").exists() else ""
    memory = re.search(r"^MemTotal:\s*(\d+) kB", meminfo, re.M)
    versions = []
    for name in PACKAGES:
        try:
            versions.append(f"{name} {importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            versions.append(f"{name} (not installed)")
    ram = f"{int(memory.group(1)) / 1024 / 1024:.0f} GiB RAM" if memory else "unknown RAM"
    return [
        ("Date", datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")),
        ("Machine", f"nproc {len(os.sched_getaffinity(0))}, {model.group(1) if model else 'unknown CPU'}, {ram}"),
        ("System", platform.platform()),
        ("Load average (1, 5, 15 min)", f"{_averages(load_at_start)} at start, {_averages(os.getloadavg())} at end "
                                          "(other work on the machine slows the timings)"),
        ("Duration of this run", f"{elapsed / 60:.1f} min"),
        ("Python", platform.python_version()),
        ("Packages", ", ".join(versions)),
        ("Browser", chromium_version()),
        ("Node.js", _node_version()),
        ("Lighthouse", lighthouse_version()),
    ]


# Hand-written sections of BENCHMARK.md that a run keeps (measurements that need a second
# build, such as the search-engine comparison); everything else is regenerated.
KEPT_SECTIONS = ("Site search: engine choice", "Site search: ranking and gaps", "Switches of the finishing pass",
                 "Switches measured off")  # the last written by bench/switches.py


def kept_sections(previous: str) -> list[str]:
    """The KEPT_SECTIONS of a previous report, as Markdown (title line included)."""
    kept = []
    for part in re.split(r"(?m)^(?=## )", previous):
        if part.startswith("## ") and part[3:].startswith(KEPT_SECTIONS):
            kept.append(part.rstrip())
    return kept


def render_report(results: Results, command: str, elapsed: float, previous: str = "") -> str:
    lines = ["# Benchmark", "", f"Speed and size figures of the site, written by the `bench` package (`{command}`). "
             "Regenerate rather than edit.", ""]
    lines += [f"- **{key}:** {value}" for key, value in environment(results.load_at_start, elapsed)]
    lines += ["", "| # | figure | value | target | result |", "|---:|---|---|---|---|"]
    lines += [f"| {n} | {f.name} | {f.value} | {f.target} | {f.result} |" for n, f in enumerate(results.figures, 1)]
    for title, text in results.sections:
        lines += ["", f"## {title}", "", text.rstrip()]
    if results.skipped:
        lines += ["", "## Not measured", ""] + [f"- {what}" for what in results.skipped]
    for section in kept_sections(previous):
        lines += ["", section]
    return "\n".join(lines) + "\n"

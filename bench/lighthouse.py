"""Lighthouse mobile runs: our benchmark pages and the peer's, alternating, several runs
each; category scores and failed audits of ours (the comparison table is in compare.py)."""
import json
import os
import shutil
import statistics
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from bench import ROOT, BenchmarkError, log
from kb.devtools.browser import CHROMIUM, chromium_available, lighthouse_chrome_flags
from bench.report import Figure, Results, lighthouse_version

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = {"LCP": "largest-contentful-paint", "TBT": "total-blocking-time", "FCP": "first-contentful-paint",
           "bytes": "total-byte-weight"}


@dataclass
class Target:
    """One page of one site to run Lighthouse on."""
    site: str  # "ours" or "peer"
    page: str  # "term", "article", "home"
    lang: str
    url: str
    # Lighthouse's --throttling-method: "simulate" (its default: the page loads unthrottled
    # and Lantern estimates the metrics) or "devtools" (the page really loads over a
    # throttled connection on a throttled CPU; applied throttling).
    throttling: str = "simulate"
    reports: list = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"{self.page} ({self.lang}) `{urlsplit(self.url).path}`"

    def median(self, key: str) -> float:
        """Median over the runs of a metric (ms, bytes) or a category score (0-100)."""
        return statistics.median(summary(report)[key] for report in self.reports)

    def values(self, key: str) -> list:
        return [summary(report)[key] for report in self.reports]

    def median_report(self) -> dict:
        """The run with the median performance score (its audits are listed as failed)."""
        ordered = sorted(self.reports, key=lambda report: summary(report)["performance"])
        return ordered[len(ordered) // 2]


def summary(report: dict) -> dict:
    """Category scores (0-100; one Lighthouse could not score counts as 0) and metrics."""
    scores = {c: round((report["categories"][c]["score"] or 0) * 100) for c in CATEGORIES if c in report["categories"]}
    scores.update({name: report["audits"][audit].get("numericValue", 0) for name, audit in METRICS.items()})
    return scores


def lighthouse_available(results: Results) -> bool:
    if not chromium_available():
        results.skip(f"Lighthouse (no Chromium at {CHROMIUM})")
        return False
    if not shutil.which("node"):
        results.skip("Lighthouse (Node.js is not installed)")
        return False
    if not LIGHTHOUSE.exists():
        if not shutil.which("npm"):
            results.skip("Lighthouse (node_modules missing and npm is not installed)")
            return False
        log("installing Lighthouse into node_modules (npm ci, versions from package-lock.json)")
        install = subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=ROOT, capture_output=True, text=True)
        if install.returncode != 0 or not LIGHTHOUSE.exists():
            results.skip("Lighthouse (npm ci failed: " + install.stderr.strip()[-300:] + ")")
            return False
    return True


def run_lighthouse(url: str, output: Path, throttling: str = "simulate") -> dict:
    categories = CATEGORIES if throttling == "simulate" else ("performance",)  # scores come from simulate runs
    command = [
        str(LIGHTHOUSE), url, "--output=json", f"--output-path={output}",
        f"--chrome-flags={lighthouse_chrome_flags()}", f"--throttling-method={throttling}",
        "--only-categories=" + ",".join(categories), "--form-factor=mobile", "--quiet",
    ]
    result = subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True, text=True, timeout=600)
    if result.returncode != 0 or not output.exists():
        raise BenchmarkError(f"Lighthouse failed on {url}: {result.stderr.strip()[-500:]}")
    return json.loads(output.read_text("utf-8"))


def run_alternating(targets: list[Target], runs: int, results: Results):
    """Run after run, every target once, ours and the peer's next to each other (the
    order flips each run), so that both see the same load on a shared machine."""
    with tempfile.TemporaryDirectory(prefix="kb-bench-lh-") as tmp:
        for run in range(1, runs + 1):
            for n, target in enumerate(targets if run % 2 else reversed(targets)):
                log(f"Lighthouse run {run}/{runs} ({target.throttling}): {target.site} {target.label}")
                try:
                    target.reports.append(run_lighthouse(target.url, Path(tmp) / f"{run}-{n}.json", target.throttling))
                except (BenchmarkError, subprocess.TimeoutExpired) as exc:
                    results.skip(f"Lighthouse run {run} of {target.site} {target.label}: {exc}")


# --- Failed audits of our pages -----------------------------------------------------------

def audit_items(audit: dict) -> list[str]:
    """What an audit points at: resource paths or element selectors (insights nest tables)."""
    found = []
    items = audit.get("details", {}).get("items", [])
    for item in [sub for i in items for sub in (i.get("items", []) if i.get("type") == "table" else [i])]:
        url = item.get("url") or (item.get("source") or {}).get("url")
        target = urlsplit(url).path if url else (item.get("node") or {}).get("selector")
        if target and target not in found:
            found.append(target)
    return found


def collect_failures(report: dict, page: str, failures: dict):
    """Add the report's scored audits below 1, in categories below 100, to failures."""
    scores = summary(report)
    for category in CATEGORIES:
        if scores[category] == 100:
            continue
        for ref in report["categories"][category]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if audit.get("score") is None or audit["score"] >= 1 or audit.get("scoreDisplayMode") in ("informative", "manual", "notApplicable"):
                continue
            found = failures.setdefault((category, audit["id"], audit["title"], ref.get("weight", 0)), {"pages": [], "items": []})
            value = audit.get("displayValue", "").replace("\xa0", " ")
            found["pages"].append(f"{page} ({audit['score']:.2f}{', ' + value if value else ''})")
            found["items"] += [item for item in audit_items(audit) if item not in found["items"]]


def scores_section(ours: list[Target], runs: int) -> tuple:
    head = "| page | " + " | ".join(CATEGORIES) + " |\n|---|" + "---:|" * len(CATEGORIES)
    failures, rows = {}, []
    for target in ours:
        report = target.median_report()
        scores = summary(report)
        rows.append(f"| {target.label} | " + " | ".join(str(scores[c]) for c in CATEGORIES) + " |")
        collect_failures(report, f"{target.page} {target.lang}", failures)
    text = head + "\n" + "\n".join(rows) + "\n\n"
    text += (f"Lighthouse {lighthouse_version()}, `--form-factor=mobile` (simulated throttling), the run with the "
             f"median performance score of {runs} per page, against the local server (gzip and Cache-Control "
             "as a static host sends them). The site was built with SITE_URL set to that server, so "
             "canonical and hreflang links point at the served origin.\n\n")
    if not failures:
        return ("Lighthouse (mobile), our pages", text + "No failed audits: every score is 100.\n")
    text += ("**Failed audits** (score below 1, in a category scoring below 100 on that page; weight: share in "
             "the category score, 0 for diagnostics and insights):\n\n"
             "| category | audit id | title | weight | pages (score, value) | points at |\n|---|---|---|---:|---|---|\n")
    for (category, audit_id, title, weight), found in sorted(failures.items(), key=lambda i: (i[0][0], -i[0][3], i[0][1])):
        targets = ", ".join(f"`{t}`" for t in found["items"][:5]) + (" …" if len(found["items"]) > 5 else "")
        text += (f"| {category} | `{audit_id}` | {title.replace('|', '/')} | {weight:g} | "
                 + "; ".join(found["pages"]) + f" | {targets.replace('|', '/')} |\n")
    return ("Lighthouse (mobile), our pages", text)


def score_figures(ours: list[Target]) -> list[Figure]:
    figures = []
    for target in ours:
        scores = summary(target.median_report())
        figures.append(Figure(f"Lighthouse {target.label}: " + " / ".join(CATEGORIES),
                              " / ".join(str(scores[c]) for c in CATEGORIES), "100 each",
                              all(scores[c] == 100 for c in CATEGORIES)))
    return figures

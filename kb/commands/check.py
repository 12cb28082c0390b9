"""Check all content: citations, term links, claims, translations, links, data files,
third-party loads, and whether links/manifest.txt lists what the build would publish.

Prints one line per problem, `path:line: CODE message`, and exits 1 if there is any.
The build (overrides/hooks/kb_hook.py) runs the same checks and fails on the same problems.

Sources whose `recheck` date has passed are printed as WARNING lines that do not fail
the run (the build must not depend on today's date); --fail-on-expired, used by the
weekly recheck workflow, makes them fail it.

Usage: kb-check [--root DIR] [--codes] [--fail-on-expired] [--today YYYY-MM-DD]   (or: make check)
"""
import argparse
import datetime
import sys
from pathlib import Path

from kb.checks import manifest
from kb.checks.check import check_site
from kb.model.content import load_site
from kb.model.diagnostics import CODES
from kb.model.redirects import load_redirects
from kb.model.source_status import expired

ROOT = Path(__file__).resolve().parents[2]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="repository root (default: this one)")
    parser.add_argument("--codes", action="store_true", help="list the problem codes and exit")
    parser.add_argument("--fail-on-expired", action="store_true", help="fail when a source is due for a re-check")
    parser.add_argument("--today", type=datetime.date.fromisoformat, default=datetime.date.today(),
                        help="the date to compare recheck dates with (default: today)")
    args = parser.parse_args(argv)
    if args.codes:
        for code, meaning in CODES.items():
            print(f"{code}  {meaning}")
        return 0
    site = load_site(args.root)
    problems = check_site(site)
    hint = ""
    if not problems:  # the manifest is compared with content that is sound
        redirects, _ = load_redirects(site.root)
        problems, hint = manifest.drift(site, {r.old: r.new for r in redirects})
    for problem in problems:
        print(problem)
    warnings = expired(site.bibliography, args.today)
    for warning in warnings:
        print(warning)
    if problems:
        print(f"{len(problems)} problem(s)", file=sys.stderr)
        if hint:
            print(hint, file=sys.stderr)
        return 1
    if warnings and args.fail_on_expired:
        print(f"{len(warnings)} source(s) due for a re-check", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Check all content: citations, term links, claims, translations, links, data files,
third-party loads, and whether links/manifest.txt lists what the build would publish.

Prints one line per problem, `path:line: CODE message`, and exits 1 if there is any.
The build (overrides/hooks/kb_hook.py) runs the same checks (kb/checks/check.py check_all)
and fails on the same problems, manifest drift included. The last line is a summary:
`kb-check: 101 pages × 2 languages, 23 claims, 70 terms, 0 problems`.

Sources whose `recheck` date has passed are printed as WARNING lines that do not fail
the run (the build must not depend on today's date); --fail-on-expired, used by the
weekly recheck workflow, makes them fail it.

Usage: kb-check [--root DIR] [--codes] [--fail-on-expired] [--today YYYY-MM-DD]   (or: make check)
"""
import argparse
import datetime
import sys
from pathlib import Path

from kb.commands import site_root
from kb.checks.check import check_all, summary
from kb.model.content import load_site
from kb.model.diagnostics import CODES
from kb.model.source_status import expired



def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path("."), help="the site's repository (default: the current directory)")
    parser.add_argument("--codes", action="store_true", help="list the problem codes and exit")
    parser.add_argument("--fail-on-expired", action="store_true", help="fail when a source is due for a re-check")
    parser.add_argument("--today", type=datetime.date.fromisoformat, default=datetime.date.today(),
                        help="the date to compare recheck dates with (default: today)")
    args = parser.parse_args(argv)
    if args.codes:
        for code, meaning in CODES.items():
            print(f"{code}  {meaning}")
        return 0
    root = site_root(args.root)
    if root is None:
        return 1
    site = load_site(root)
    problems, hint = check_all(site)
    for problem in problems:
        print(problem)
    warnings = expired(site.bibliography, args.today)
    for warning in warnings:
        print(warning)
    if hint:
        print(hint, file=sys.stderr)
    failed_recheck = bool(warnings and args.fail_on_expired)
    if failed_recheck:
        print(f"{len(warnings)} source(s) due for a re-check", file=sys.stderr)
    print(summary(site, problems), file=sys.stderr)  # the last line, on success too
    return 1 if problems or failed_recheck else 0


if __name__ == "__main__":
    sys.exit(main())

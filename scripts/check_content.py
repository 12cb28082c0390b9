#!/usr/bin/env python3
"""Check all content: citations, term links, claims, translations, links, data files,
third-party loads, and whether links/manifest.txt lists what the build would publish.

Prints one line per problem, `path:line: CODE message`, and exits 1 if there is any.
The build (overrides/hooks/kb_hook.py) runs the same checks and fails on the same problems.

Usage: python scripts/check_content.py [--root DIR] [--codes]
"""
import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kb import manifest  # noqa: E402
from kb.check import check_site  # noqa: E402
from kb.content import load_site  # noqa: E402
from kb.diagnostics import CODES  # noqa: E402
from kb.redirects import load_redirects  # noqa: E402


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="repository root (default: this one)")
    parser.add_argument("--codes", action="store_true", help="list the problem codes and exit")
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
    if problems:
        print(f"{len(problems)} problem(s)", file=sys.stderr)
        if hint:
            print(hint, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

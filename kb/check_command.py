"""Check all content: citations, term links, claims, translations, links, data files.

Prints one line per problem, `path:line: CODE message`, and exits 1 if there is any.
The build (overrides/hooks/kb_hook.py) runs the same checks and fails on the same problems.

Usage: kb-check [--root DIR] [--codes]      (or: make check)
"""
import argparse
import sys
from pathlib import Path

from kb.check import check_site
from kb.content import load_site
from kb.diagnostics import CODES

ROOT = Path(__file__).resolve().parents[1]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="repository root (default: this one)")
    parser.add_argument("--codes", action="store_true", help="list the problem codes and exit")
    args = parser.parse_args(argv)
    if args.codes:
        for code, meaning in CODES.items():
            print(f"{code}  {meaning}")
        return 0
    problems = check_site(load_site(args.root))
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem(s)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

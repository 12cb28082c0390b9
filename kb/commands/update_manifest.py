"""Rewrite links/manifest.txt, the list of every page and anchor readers link to.

Computes every page and every id inside its article content, in every language, from the
content model (the ids the renderer emits, kb/render anchors(): no build, under a second),
or reads them from an already built site with --site, and adds the new ones to
links/manifest.txt, printing each line it adds. An entry that no longer resolves (its page
or anchor is gone and no redirect in data/redirects.yaml covers it) is a link someone may
have pasted into a forum post: by default the command refuses to drop it, prints it as
`links/manifest.txt:LINE: LNK101 ...`, changes nothing and exits 1. Add a redirect, or
restore the anchor, or drop such entries knowingly with --allow-removals. Content the
checker rejects is reported and leaves the manifest unchanged.

Usage: kb-update-manifest [--root DIR] [--site DIR] [--allow-removals]
"""
import argparse
import sys
from pathlib import Path

from kb.checks import manifest
from kb.checks.check import check_site
from kb.commands import site_root
from kb.model.content import load_site
from kb.model.redirects import load_redirects


def model_pages(root: Path) -> dict[str, list[str]] | None:
    """{page URL: ids} of the site at root, from its content model; None (with the
    checker's problems printed) when the content does not pass the checker."""
    site = load_site(root)
    problems = check_site(site)
    if problems:
        for problem in problems:
            print(problem)
        print(f"{len(problems)} problem(s); fix them first: {manifest.MANIFEST_FILE} is unchanged", file=sys.stderr)
        return None
    return manifest.expected_pages(site)


def update(root: Path, pages: dict[str, list[str]], manifest_file: Path, allow_removals: bool) -> int:
    shown = manifest.MANIFEST_FILE if manifest_file == root / manifest.MANIFEST_FILE else str(manifest_file)
    redirects, problems = load_redirects(root)
    entries, malformed = manifest.read(manifest_file, shown)
    if problems:
        for problem in problems:
            print(problem)
        print("fix data/redirects.yaml first", file=sys.stderr)
        return 1
    vanished = malformed + manifest.unresolved(entries, pages, {r.old: r.new for r in redirects}, shown)
    if vanished and not allow_removals:
        for problem in sorted(vanished):
            print(problem)
        print(
            f"{len(vanished)} published link(s) would be dropped; {shown} is unchanged. Add a redirect "
            "in data/redirects.yaml (or restore the anchor), or rerun with --allow-removals to drop them.",
            file=sys.stderr,
        )
        return 1
    dropped = {problem.line for problem in vanished}
    # Reference-list entries (#ref-<key>) are no longer promised (kb/checks/manifest.py).
    kept = [entry.url for entry in entries if entry.line not in dropped and manifest.is_listed(entry.url)]
    unlisted = sum(1 for entry in entries if entry.line not in dropped and not manifest.is_listed(entry.url))
    added = manifest.missing(entries, pages)
    text = manifest.format_manifest(kept + added)
    manifest_file.parent.mkdir(parents=True, exist_ok=True)
    old_text = manifest_file.read_text("utf-8") if manifest_file.is_file() else None
    if text != old_text:
        manifest_file.write_text(text, "utf-8")
    for url in added:
        print(f"+ {url}", file=sys.stderr)
    total = len(text.splitlines())
    summary = f"{shown}: {total} entries, {len(added)} added, {len(vanished)} dropped"
    if unlisted:
        summary += f", {unlisted} reference-list anchor(s) no longer listed"
    print(summary, file=sys.stderr)
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path("."), help="the site's repository (default: the current directory)")
    parser.add_argument("--site", type=Path, help="read pages and anchors from this built site instead of the content model")
    parser.add_argument("--allow-removals", action="store_true", help="drop entries that no longer resolve")
    parser.add_argument("--manifest", type=Path, help=f"manifest file (default: ROOT/{manifest.MANIFEST_FILE})")
    args = parser.parse_args(argv)
    if args.site:
        if not args.site.is_dir():
            print(f"{args.site}: no such directory", file=sys.stderr)
            return 1
        pages = manifest.collect(args.site)
        if not pages:
            print(f"{args.site}: no built pages found (is it a built site?)", file=sys.stderr)
            return 1
        root = args.root.resolve()
    else:
        root = site_root(args.root)
        if root is None:
            return 1
        pages = model_pages(root)
        if pages is None:
            return 1
    return update(root, pages, args.manifest or root / manifest.MANIFEST_FILE, args.allow_removals)


if __name__ == "__main__":
    sys.exit(main())

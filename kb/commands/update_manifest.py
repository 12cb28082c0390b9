"""Rewrite links/manifest.txt, the list of every published page and anchor.

Builds the site into a temporary directory (or reads an already built one with --site),
collects every page and every id inside its article content, in both languages, and
adds the new ones to links/manifest.txt. An entry that no longer resolves (its page or
anchor is gone and no redirect in data/redirects.yaml covers it) is a link someone may
have pasted into a forum post: by default the script refuses to drop it, prints it as
`links/manifest.txt:LINE: LNK101 ...`, changes nothing and exits 1. Add a redirect, or
restore the anchor, or drop such entries knowingly with --allow-removals.

Usage: kb-update-manifest [--site DIR] [--allow-removals] [--root DIR]
"""
import argparse
import sys
import tempfile
from pathlib import Path

from kb.checks import manifest
from kb.commands.build import build_site
from kb.model.redirects import load_redirects

ROOT = Path(__file__).resolve().parents[2]


def build(root: Path, site_dir: Path) -> str | None:
    """Build every language strictly; return None on success, else the build's output."""
    status, output = build_site(root, site_dir, quiet=True, capture=True)
    return None if status == 0 else output


def update(root: Path, site_dir: Path, manifest_file: Path, allow_removals: bool) -> int:
    shown = manifest.MANIFEST_FILE if manifest_file == root / manifest.MANIFEST_FILE else str(manifest_file)
    redirects, problems = load_redirects(root)
    entries, malformed = manifest.read(manifest_file, shown)
    if problems:
        for problem in problems:
            print(problem)
        print("fix data/redirects.yaml first", file=sys.stderr)
        return 1
    pages = manifest.collect(site_dir)
    if not pages:
        print(f"{site_dir}: no built pages found (is it a built site?)", file=sys.stderr)
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
    kept = [entry.url for entry in entries if entry.line not in dropped]
    added = manifest.missing(entries, pages)
    text = manifest.format_manifest(kept + added)
    manifest_file.parent.mkdir(parents=True, exist_ok=True)
    old_text = manifest_file.read_text("utf-8") if manifest_file.is_file() else None
    if text != old_text:
        manifest_file.write_text(text, "utf-8")
    total = len(text.splitlines())
    print(f"{shown}: {total} entries, {len(added)} added, {len(vanished)} dropped", file=sys.stderr)
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="an already built site (default: build one into a temporary directory)")
    parser.add_argument("--allow-removals", action="store_true", help="drop entries that no longer resolve")
    parser.add_argument("--root", type=Path, default=ROOT, help="repository root (default: this one)")
    parser.add_argument("--manifest", type=Path, help=f"manifest file (default: ROOT/{manifest.MANIFEST_FILE})")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    manifest_file = args.manifest or root / manifest.MANIFEST_FILE
    if args.site:
        if not args.site.is_dir():
            print(f"{args.site}: no such directory", file=sys.stderr)
            return 1
        return update(root, args.site, manifest_file, args.allow_removals)
    with tempfile.TemporaryDirectory(prefix="kb-manifest-") as tmp:
        site_dir = Path(tmp) / "site"
        failure = build(root, site_dir)
        if failure is not None:
            print(failure.rstrip(), file=sys.stderr)
            print(f"the site does not build; {manifest.MANIFEST_FILE} is unchanged", file=sys.stderr)
            return 1
        return update(root, site_dir, manifest_file, args.allow_removals)


if __name__ == "__main__":
    sys.exit(main())
